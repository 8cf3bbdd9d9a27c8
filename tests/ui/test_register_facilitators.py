"""Take the register: the facilitators present are one tick list reached by its label's access
key (Alt+P), with the arrow keys between the names and Space to tick (a tick box per name
could not each have a key of its own), and what is ticked is what is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from tests.ui.keys import Keyboard


def _group_with_facilitators(services: Services, names: list[str]) -> tuple[int, list[int]]:
    group = services.groups.create(GroupDetails(name="Carers' Circle"))
    assert group.id is not None
    people = [services.people.add(PersonDetails(first_name=n, last_name="Gunn")).id for n in names]
    ids = [p for p in people if p is not None]
    services.groups.set_facilitators(group.id, ids)
    return group.id, ids


def _shown(qtbot: QtBot, dialog: MeetingDialog) -> MeetingDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)
    return dialog


def test_alt_p_reaches_the_list_arrows_move_and_space_ticks(
    qtbot: QtBot, services: Services
) -> None:
    group_id, (ailsa, bea) = _group_with_facilitators(services, ["Ailsa", "Bea"])
    dialog = _shown(qtbot, MeetingDialog(services, group_id))
    listing = dialog.facilitator_list
    assert dialog.facilitators_label.text() == "Facilitators &present"
    assert dialog.facilitator_ids() == [ailsa, bea]  # the group's facilitators, ticked
    keys = Keyboard(qtbot)
    keys.alt("p")
    assert QApplication.focusWidget() is listing
    keys.press(Qt.Key.Key_Space)  # Ailsa was not there
    keys.press(Qt.Key.Key_Down)
    assert listing.currentRow() == 1
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Space)  # Bea: off and on again
    assert dialog.facilitator_ids() == [bea]
    keys.press(Qt.Key.Key_Tab)  # one Tab stop: Tab leaves the list for the name box
    assert QApplication.focusWidget() is dialog.search
    keys.ctrl(Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem_text()
    (meeting,) = services.groups.meeting_rows(group_id)
    assert services.groups.meeting_record(meeting.id).facilitator_ids == [bea]


def test_the_list_is_as_tall_as_its_names_and_says_when_there_are_none(
    qtbot: QtBot, services: Services
) -> None:
    group_id, _ids = _group_with_facilitators(services, ["Ailsa", "Bea", "Cat"])
    dialog = _shown(qtbot, MeetingDialog(services, group_id))
    listing = dialog.facilitator_list
    assert listing.viewport().height() >= 3 * listing.sizeHintForRow(0)
    assert not dialog.facilitators_none.isVisible()
    empty = services.groups.create(GroupDetails(name="Walk and Talk"))
    assert empty.id is not None
    bare = _shown(qtbot, MeetingDialog(services, empty.id))
    assert not bare.findChild(QListWidget).isVisible()
    assert bare.facilitators_none.isVisible()
    assert "No facilitators" in bare.facilitators_none.text()
    assert bare.facilitator_ids() == []
