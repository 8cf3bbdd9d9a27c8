"""The Groups screen: create a group, take a register with the keyboard, see the counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from peerdesk.ui.groups.table_models import MeetingsTableModel
from peerdesk.ui.screens.groups import GroupsScreen
from tests.conftest import TODAY
from tests.ui.questions import ENTER, YES, answering


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _type_name(qtbot, dialog: MeetingDialog, name: str) -> None:
    dialog.search.setFocus()
    if name.isascii():
        qtbot.keyClicks(dialog.search, name)
    else:
        # QTest cannot type letters such as ö (it aborts): insert them as typed text.
        dialog.search.insert(name)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)


def test_drop_in_group_register_two_named_and_three_unnamed(
    qtbot, services: Services, tmp_path: Path
) -> None:
    ann = services.people.add(PersonDetails(first_name="Ann", last_name="Gunn")).id
    screen = GroupsScreen(services, _settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    assert screen.list.empty.isVisible() and "No groups yet" in screen.list.empty.text()

    # Create a drop-in group through the dialog.
    group_dialog = screen.new_group()
    group_dialog.name.setText("Long Covid Café")
    group_dialog.kind.setCurrentIndex(group_dialog.kind.findData("drop_in"))
    group_dialog.weekday.setCurrentIndex(group_dialog.weekday.findData("thu"))
    group_dialog.accept()  # Save: saves, then closes
    assert group_dialog.result() == QDialog.DialogCode.Accepted
    assert screen.stack.currentWidget() is screen.page
    group_id = screen.page.group_id
    assert services.groups.get(group_id).kind == "drop_in"
    assert not screen.page.tabs.isTabVisible(screen.page.members_index)

    # Take the register: one recorded person, one new with a first name only, three unnamed.
    dialog = screen.page.take_register()
    assert dialog.meeting_date() == TODAY
    _type_name(qtbot, dialog, "Ann Gunn")
    asked = answering(qtbot, lambda: _type_name(qtbot, dialog, "Morag"), YES)
    assert asked.texts[0].startswith("Add Morag as a new person?")
    assert [line.name for line in dialog.model.lines] == ["Ann Gunn", "Morag"]
    assert [line.status for line in dialog.model.lines] == [
        "New to the group",
        "New to peerdesk",
    ]
    dialog.unnamed.setFocus()
    dialog.unnamed.selectAll()
    qtbot.keyClicks(dialog.unnamed, "3")
    assert "5 attendances" in dialog.totals.text()
    with qtbot.waitSignal(dialog.meeting_saved):
        qtbot.keyClick(dialog.unnamed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [meeting] = services.groups.meetings(group_id)
    assert meeting.id is not None
    assert services.groups.attendance_count(meeting.id) == 5
    people = {p.first_name: (p.last_name, new) for p, new in services.groups.attendees(meeting.id)}
    assert people == {"Ann": ("Gunn", True), "Morag": ("", True)}
    assert ann in [p.id for p, _ in services.groups.attendees(meeting.id)]

    # The group page shows 5 attendances.
    page = screen.page
    assert "5 attendances" in page.summary.text()
    model = page.meetings_model
    assert model.data(model.index(0, MeetingsTableModel.ATTENDED)) == "5"
    assert model.data(model.index(0, MeetingsTableModel.NEW)) == "2"
    assert sum(p.total for p in page.chart.points) == 5


def test_plain_enter_never_saves_and_a_partial_name_is_not_a_new_person(
    qtbot, services: Services, tmp_path: Path
) -> None:
    services.people.add(PersonDetails(first_name="Samantha", last_name="Reid"))
    group = services.groups.create(GroupDetails(name="Carers' Circle"))
    assert group.id is not None
    dialog = MeetingDialog(services, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    # A name nobody has: asked "Add Sam as a new person?", and Enter answers No.
    asked = answering(qtbot, lambda: _type_name(qtbot, dialog, "Sam"), ENTER)
    assert asked.texts[0].startswith("Add Sam as a new person?")
    assert "some names are like it" in asked.texts[0] and asked.defaults == ["&No"]
    assert dialog.model.lines == [] and "Sam was not added" in dialog.hint.text()
    assert dialog.search.text() == "Sam"  # kept, to put right
    assert dialog.isVisible() and services.groups.meetings(group.id) == []
    # Yes (Alt+Y) adds a genuinely new Sam.
    answering(qtbot, lambda: qtbot.keyClick(dialog.search, Qt.Key.Key_Return), YES)
    assert [(ln.person_id, ln.name) for ln in dialog.model.lines] == [(None, "Sam")]
    # Delete takes a mistaken new name off again.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.model.lines == []


def test_editing_a_meeting_shows_returning_people_and_keeps_one_transaction(
    qtbot, services: Services, tmp_path: Path
) -> None:
    group = services.groups.create(GroupDetails(name="Cafe", kind="closed"))
    assert group.id is not None
    ann = services.people.add(PersonDetails(first_name="Ann")).id or 0
    bob = services.people.add(PersonDetails(first_name="Bob")).id or 0
    services.groups.add_member(group.id, bob, joined_on=TODAY.replace(month=1))
    services.groups.hold_meeting(
        group.id, MeetingRecord(meeting_date=TODAY.replace(day=1), attendee_ids=[ann])
    )
    meeting = services.groups.hold_meeting(
        group.id, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann])
    )
    assert meeting.id is not None
    dialog = MeetingDialog(services, group.id, meeting.id)
    qtbot.addWidget(dialog)
    lines = {ln.name: ln for ln in dialog.model.lines}
    assert lines["Ann"].present and lines["Ann"].status == "Returning"
    assert lines["Bob"].is_member and not lines["Bob"].present
    # Tick Bob with the keyboard (Space on his row) and save.
    row = [ln.name for ln in dialog.model.lines].index("Bob")
    index = dialog.model.index(row, 0)
    dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.concern.setChecked(True)
    dialog.save()
    assert "what the concern is" in dialog.problem_text("concern_what")
    dialog.concern_what.setPlainText("Bob mentioned feeling unsafe at home.")
    dialog.save()
    assert sorted(p.first_name for p, _ in services.groups.attendees(meeting.id)) == ["Ann", "Bob"]
    assert services.groups.get_meeting(meeting.id).concern_flag
    [concern] = services.sessions.open_concerns()
    assert concern.group_meeting_id == meeting.id


def test_show_record_opens_group_and_meeting(
    qtbot, demo_services: Services, tmp_path: Path
) -> None:
    screen = GroupsScreen(demo_services, _settings(tmp_path))
    qtbot.addWidget(screen)
    screen.refresh()
    [first, *_] = demo_services.groups.rows()
    meeting_row = demo_services.groups.meeting_rows(first.id)[3]
    assert screen.show_record("meeting", meeting_row.id)
    assert screen.page.group_id == first.id
    assert screen.page.current_meeting_id() == meeting_row.id
    assert not screen.show_record("person", 1)
    assert not screen.show_record("group", 999_999)


def test_screenshot_of_a_demo_group_page(qtbot, demo_services: Services, tmp_path: Path) -> None:
    screen = GroupsScreen(demo_services, _settings(tmp_path))
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    screen.show()
    screen.refresh()
    assert screen.list.grab().save(str(tmp_path / "groups_list.png"))
    closed = next(r for r in demo_services.groups.rows() if r.kind == "closed")
    assert screen.show_record("group", closed.id)
    page = screen.page
    assert "None" not in page.facts.text() + page.summary.text()
    assert page.tabs.isTabVisible(page.members_index)
    assert page.grab().save(str(tmp_path / "group_page.png"))
    for index, name in ((page.members_index, "members"), (3, "rules")):
        page.tabs.setCurrentIndex(index)
        assert page.grab().save(str(tmp_path / f"group_page_{name}.png"))
    dialog = page.take_register()
    dialog.resize(640, 760)
    member = page.members.model.rows()[0][1]
    _type_name(qtbot, dialog, member)
    answering(qtbot, lambda: _type_name(qtbot, dialog, "Zebedee"), YES)
    assert dialog.model.counts() == (2, 1)
    assert dialog.grab().save(str(tmp_path / "meeting_dialog.png"))
    dialog.reject()
