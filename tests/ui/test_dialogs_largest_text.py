"""Find a mentor, Raise a concern and Record a training session at the largest text size on a
1366×768 laptop (issue 23): lists of eight rows, nothing squeezed, the buttons in view, and
what does not fit scrolling inside the window. Also the two fitting rules behind them: a
window that scrolls up and down is wider by its scroll bar, and a width given in pixels
grows to what the contents ask at a larger text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.concerns.concern_dialog import ConcernDialog
from peerdesk.ui.pairings.matching_dialog import MatchingDialog
from peerdesk.ui.training.session_dialog import TrainingSessionDialog
from peerdesk.ui.widgets import fit_screen
from peerdesk.ui.widgets.list_rows import LEAST_ROWS, keep_width
from peerdesk.ui.widgets.record_dialog import RecordDialog
from tests.ui import fit_checks
from tests.ui.keys import Keyboard, focus

LAPTOP = QRect(0, 0, 1366, 768)


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """Windows open on a 1366×768 screen (its available area)."""
    monkeypatch.setattr(fit_screen, "available_geometry", lambda _widget: QRect(LAPTOP))
    return LAPTOP


def opened(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def within_room(dialog: QWidget) -> bool:
    room = fit_screen.room_on_screen(dialog)
    return dialog.width() <= room.width() and dialog.height() <= room.height()


def button_in_view(dialog: QWidget, button: QWidget) -> bool:
    top_left = button.mapTo(dialog, button.rect().topLeft())
    return button.isVisible() and dialog.rect().contains(QRect(top_left, button.size()))


# -- Find a mentor -------------------------------------------------------------------------
def test_find_a_mentor_keeps_eight_mentors_in_view_on_each_tab(
    qtbot: QtBot, demo_services: Services, largest: QSettings, laptop: QRect
) -> None:
    dialog = opened(qtbot, MatchingDialog(demo_services))
    assert isinstance(dialog, MatchingDialog)
    assert within_room(dialog)
    assert button_in_view(dialog, dialog.propose_button)
    result = dialog.match_result
    assert result is not None and len(result.ranked) > LEAST_ROWS
    assert len(result.not_eligible) > LEAST_ROWS
    for index, view in ((0, dialog.ranked_view), (1, dialog.ineligible_view)):
        dialog.lists.setCurrentIndex(index)
        qtbot.waitUntil(view.isVisible, timeout=2000)
        assert fit_checks.rows_shown(view) >= LEAST_ROWS - 0.25, (index, view.height())
        assert fit_checks.squeezed(dialog, "Find a mentor") == []
    # One line a mentor: the reasons are cut short in the list, and shown whole below it.
    ranked = dialog.ranked_view
    assert ranked.rowHeight(0) == ranked.verticalHeader().defaultSectionSize()
    best = result.ranked[0]
    assert dialog.selected_mentor() == best
    assert best.summary in dialog.reasons.text() and best.name in dialog.reasons.text()
    # Each tab says how many its list holds.
    assert f"({len(result.ranked)})" in dialog.lists.tabText(0)
    assert f"({len(result.not_eligible)})" in dialog.lists.tabText(1)


def test_the_reasons_below_follow_the_mentor_chosen(qtbot: QtBot, demo_services: Services) -> None:
    dialog = opened(qtbot, MatchingDialog(demo_services))
    assert isinstance(dialog, MatchingDialog)
    result = dialog.match_result
    assert result is not None and len(result.ranked) > 1
    keys = Keyboard(qtbot)
    focus(qtbot, dialog.ranked_view)
    keys.press(Qt.Key.Key_Down)
    second = result.ranked[1]
    assert dialog.selected_mentor() == second
    assert dialog.reasons.text().startswith(second.name)
    assert second.summary in dialog.reasons.text()


def test_each_list_of_mentors_is_reached_by_its_access_key(
    qtbot: QtBot, demo_services: Services
) -> None:
    dialog = opened(qtbot, MatchingDialog(demo_services))
    assert isinstance(dialog, MatchingDialog)
    keys = Keyboard(qtbot)
    focus(qtbot, dialog.person)
    keys.alt("c")  # Mentors who cannot be paired now
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ineligible_view, timeout=2000)
    assert dialog.lists.currentIndex() == 1
    # Its rows measured again at the width it has now (measured while hidden, each was many
    # lines tall): each row exactly as tall as its words need.
    view = dialog.ineligible_view
    rows, least = range(view.model().rowCount()), view.verticalHeader().minimumSectionSize()
    assert [view.rowHeight(r) for r in rows] == [max(view.sizeHintForRow(r), least) for r in rows]
    keys.alt("m")  # Mentors who could take them
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ranked_view, timeout=2000)
    assert dialog.lists.currentIndex() == 0


def test_arrows_on_the_tabs_leave_the_keyboard_on_the_tabs(
    qtbot: QtBot, demo_services: Services
) -> None:
    dialog = opened(qtbot, MatchingDialog(demo_services))
    assert isinstance(dialog, MatchingDialog)
    bar = dialog.lists.tabBar()
    keys = Keyboard(qtbot)
    focus(qtbot, bar)
    keys.press(Qt.Key.Key_Right)
    assert dialog.lists.currentIndex() == 1
    assert QApplication.focusWidget() is bar


# -- Raise a concern and Record a training session ----------------------------------------
@pytest.mark.parametrize(
    "make", [ConcernDialog, TrainingSessionDialog], ids=["concern", "training"]
)
def test_a_tall_record_dialog_scrolls_inside_with_nothing_squeezed_beside_its_bar(
    qtbot: QtBot, demo_services: Services, largest: QSettings, laptop: QRect, make: type
) -> None:
    dialog = opened(qtbot, make(demo_services))
    assert isinstance(dialog, RecordDialog)
    assert within_room(dialog)
    assert button_in_view(dialog, dialog.save_button)
    # Taller than the laptop: it scrolls inside (the bar takes its width from the inputs).
    bar = dialog.page_area.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert fit_checks.squeezed(dialog, make.__name__) == []


def test_the_training_modules_show_eight_rows_and_whole_names(
    qtbot: QtBot, demo_services: Services, largest: QSettings, laptop: QRect
) -> None:
    dialog = opened(qtbot, TrainingSessionDialog(demo_services))
    assert isinstance(dialog, TrainingSessionDialog)
    modules = dialog.modules
    assert modules.count() > LEAST_ROWS
    assert fit_checks.rows_shown(modules) >= LEAST_ROWS - 0.25
    # No name cut short or scrolled sideways: the list is as wide as its longest name.
    assert modules.horizontalScrollBar().maximum() == 0
    widest = max(
        modules.fontMetrics().horizontalAdvance(modules.item(r).text())
        for r in range(modules.count())
    )
    assert modules.viewport().width() > widest


def test_a_list_kept_as_wide_as_its_longest_row(qtbot: QtBot) -> None:
    names = QListWidget()
    qtbot.addWidget(names)
    names.addItems(["Peer values", "Understanding power in the peer relationship, part two"])
    keep_width(names)
    longest = names.fontMetrics().horizontalAdvance(names.item(1).text())
    assert names.minimumWidth() > longest
    empty = QListWidget()
    qtbot.addWidget(empty)
    before = empty.minimumWidth()
    keep_width(empty)  # no rows: nothing to measure, nothing changed
    assert empty.minimumWidth() == before


# -- the fitting rules ----------------------------------------------------------------------
class _Wide(RecordDialog):
    """A form with a long caption, given a width in pixels too small for it and its input
    side by side (the form could put the caption above the input: its least width is less
    than the width it asks for)."""

    def __init__(self, services: Services, given: int) -> None:
        super().__init__(services, title="Wide")
        self.rows.add("A caption as long as the longest one in any form of the app", QLineEdit())
        self.resize(given, 400)

    def write(self) -> None:
        raise NotImplementedError


def test_a_width_given_in_pixels_grows_to_what_the_contents_ask(
    qtbot: QtBot, services: Services, laptop: QRect
) -> None:
    dialog = _Wide(services, given=120)
    opened(qtbot, dialog)
    natural = fit_screen.natural_size(dialog).width()
    assert natural > dialog.minimumSizeHint().width()  # more than the least it could take
    assert dialog.width() >= natural
    roomy = _Wide(services, given=900)
    opened(qtbot, roomy)
    assert roomy.width() == 900  # wider than needed: the width given is kept


def test_a_dialog_that_scrolls_is_wider_by_its_bar(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    short = QRect(0, 0, 1366, 300)
    monkeypatch.setattr(fit_screen, "available_geometry", lambda _widget: QRect(short))
    dialog = opened(qtbot, ConcernDialog(services))
    assert isinstance(dialog, ConcernDialog)
    area = dialog.page_area
    assert area.verticalScrollBar().maximum() > 0
    qtbot.waitUntil(area.verticalScrollBar().isVisible, timeout=2000)
    content = area.widget()
    assert content is not None
    # The contents keep the width they ask for, beside the bar.
    assert area.viewport().width() >= content.sizeHint().width()
    assert fit_checks.squeezed(dialog, "short screen") == []
