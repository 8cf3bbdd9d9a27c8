"""Add a person in four tabs (issue 23): every input has an access key of its own among those
on screen, and a problem with an input on a tab not shown brings that tab up, with the
keyboard in the input, so it is seen and put right."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.people.person_dialog import PersonDialog
from tests.ui.keys import type_into


def test_the_tabs_in_order_with_first_name_ready(qtbot: QtBot, services: Services) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "&About them",
        "&Contact",
        "Co&nditions and needs",
        "&Matching, monitoring and notes",
    ]
    assert dialog.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first_name, timeout=2000)


def test_a_problem_on_another_tab_shows_that_tab(qtbot: QtBot, services: Services) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.first_name, "Morven")
    dialog.age_min.setValue(60)
    dialog.age_max.setValue(30)
    dialog.tabs.setCurrentIndex(0)
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == 3
    assert dialog.problem_text("preferred_mentor_age_min") or dialog.problem_text(
        "preferred_mentor_age_max"
    )
    focused = QApplication.focusWidget()
    assert focused is not None and dialog.tabs.widget(3).isAncestorOf(focused)
    assert services.people.list_rows() == []  # nothing half-saved


def test_at_the_largest_text_only_a_tab_scrolls_never_the_window_around_it(
    qtbot: QtBot, services: Services, largest: object
) -> None:
    """A scroll inside a scroll hid the tab's own scroll bar: each tab asks for at most ten
    lines, and scrolls itself beyond that."""
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert not dialog.page_area.verticalScrollBar().isVisible(), dialog.tabs.tabText(index)
