"""Record dialogs never exceed the screen they open on: at the largest text size on a
1366×768 laptop each daily dialog opens within the screen's available area, its buttons in
view, and whatever does not fit scrolls inside; a dialog that fits opens at its natural size,
with nothing scrolling."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui import theme
from peerdesk.ui.groups.group_dialog import GroupDialog
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.pairings.supervision_dialog import SupervisionDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.widgets import fit_screen
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.unsaved import ChangeWatcher

LAPTOP = QRect(0, 0, 1366, 768)


def on_screen(monkeypatch: pytest.MonkeyPatch, area: QRect) -> None:
    """The dialogs open on a screen whose available area is `area`."""
    monkeypatch.setattr(fit_screen, "available_geometry", lambda _widget: QRect(area))


DIALOGS: dict[str, Callable[[Services], RecordDialog]] = {
    "add a person": lambda s: PersonDialog(s),
    "new referral": lambda s: ReferralDialog(s, choose_person=True),
    "log a session": lambda s: SessionDialog(s, s.pairings.rows()[0].id),
    "take the register": lambda s: MeetingDialog(s, s.groups.rows()[0].id),
    "new group": lambda s: GroupDialog(s),
    "supervision": lambda s: SupervisionDialog(
        s, next(r.id for r in s.people.list_rows() if "mentor" in r.roles)
    ),
}


def opened(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_area_that_fits_the_screen_is_the_screens_available_area(
    qtbot: QtBot, services: Services
) -> None:
    dialog = opened(qtbot, GroupDialog(services))
    screen = dialog.screen()
    assert fit_screen.available_geometry(dialog) == screen.availableGeometry()


@pytest.mark.parametrize("what", list(DIALOGS))
def test_every_daily_dialog_fits_a_laptop_at_the_largest_text_size(
    qtbot: QtBot,
    demo_services: Services,
    largest: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
) -> None:
    on_screen(monkeypatch, LAPTOP)
    dialog = DIALOGS[what](demo_services)
    opened(qtbot, dialog)
    assert dialog.font().pointSize() == theme.TEXT_SIZES[-1][1]
    room = fit_screen.room_on_screen(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), (
        what,
        dialog.size(),
    )
    # With the frame the window system adds (title bar and borders), within the screen.
    framed = dialog.frameGeometry().size()
    assert framed.width() <= LAPTOP.width() and framed.height() <= LAPTOP.height(), framed
    # The buttons are in view, wholly inside the dialog.
    assert dialog.save_button.isVisible()
    top_left = dialog.save_button.mapTo(dialog, dialog.save_button.rect().topLeft())
    assert dialog.rect().contains(QRect(top_left, dialog.save_button.size())), what
    # Whatever does not fit scrolls: the scrolling part's contents are all reachable.
    area = dialog.page_area
    content = area.widget()
    assert content is not None
    reach = area.viewport().height() + area.verticalScrollBar().maximum()
    assert reach >= content.minimumSizeHint().height(), what
    # Nothing scrolls when the screen has room for all of it.
    natural = fit_screen.natural_size(dialog)
    if natural.height() <= room.height():
        assert area.verticalScrollBar().maximum() == 0, (what, natural, room)


def test_a_tall_dialog_on_a_small_screen_scrolls_inside_with_its_buttons_in_view(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = QRect(0, 0, 800, 300)
    on_screen(monkeypatch, small)
    dialog = MeetingDialog(demo_services, demo_services.groups.rows()[0].id)
    opened(qtbot, dialog)
    assert dialog.height() <= small.height() and dialog.width() <= small.width()
    bar = dialog.page_area.verticalScrollBar()
    assert bar.maximum() > 0  # the register scrolls (its bar may show only when used)
    assert dialog.save_button.isVisible()
    # A problem lower down is scrolled into view with the focus on its input.
    dialog.concern.setChecked(True)
    dialog.accept()
    assert "Please say briefly what the concern is" in dialog.problem_text("concern_what")
    qtbot.waitUntil(lambda: dialog.concern_what.hasFocus(), timeout=2000)
    viewport = dialog.page_area.viewport()

    def in_view() -> bool:
        where = dialog.concern_what.mapTo(viewport, dialog.concern_what.rect().center())
        return viewport.rect().contains(where)

    qtbot.waitUntil(in_view, timeout=2000)


def test_a_dialog_that_fits_opens_at_its_natural_size_with_nothing_scrolling(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_screen(monkeypatch, LAPTOP)
    dialog = opened(qtbot, GroupDialog(services))
    area = dialog.page_area
    assert area.verticalScrollBar().maximum() == 0
    assert area.horizontalScrollBar().maximum() == 0
    content = area.widget()
    assert content is not None
    assert area.viewport().height() >= content.minimumSizeHint().height()
    assert dialog.height() < LAPTOP.height() // 2  # not stretched to the screen


def test_a_dialog_made_larger_later_still_stays_within_the_screen(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_screen(monkeypatch, QRect(0, 0, 900, 500))
    dialog = opened(qtbot, GroupDialog(services))
    dialog.resize(2000, 2000)
    room = fit_screen.room_on_screen(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_a_change_watcher_ignores_what_happened_before_it_started(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    name, tick = QLineEdit(), QCheckBox("Tick")
    layout.addWidget(name)
    layout.addWidget(tick)
    name.setText("Filled in from the record")
    watcher = ChangeWatcher()
    watcher.watch(form)
    name.setText("Tidied by the program")  # set, not typed: no change
    assert not watcher.changed
    tick.setChecked(True)
    assert watcher.changed
    watcher.reset()
    qtbot.keyClicks(name, "x")
    assert watcher.changed
