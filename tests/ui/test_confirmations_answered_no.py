"""Every question that guards a rule, answered No (or Cancel): nothing changes. Where the Yes
branch is not driven elsewhere, it is driven here too, so that "nothing changed" cannot pass
just because the action never worked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.pairings.change_dialogs import StatusChangeDialog
from peerdesk.vocabulary import Role
from tests.conftest import TODAY

Button = QMessageBox.StandardButton


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def answer(monkeypatch: pytest.MonkeyPatch, button: Button) -> list[str]:
    """Answer every QMessageBox.question with `button`; returns what was asked."""
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Button:
        asked.append(f"{title}: {text}")
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_no_to_activate_anyway_leaves_the_pairing_proposed(
    qtbot: QtBot, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.ui.pairings.pairing_page import PairingPage

    mentor = services.people.add(PersonDetails(first_name="Mo", last_name="Mentor")).id or 0
    mentee = services.people.add(PersonDetails(first_name="Mia", last_name="Mentee")).id or 0
    pairing = services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=mentee)).id or 0
    page = PairingPage(services, settings)
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    page.show()
    qtbot.waitExposed(page)

    asked = answer(monkeypatch, Button.No)
    click(qtbot, page.buttons["activate"])
    (question,) = asked
    assert question.startswith("Activate anyway?") and "Mia Mentee" in question
    assert page.active_dialog is None  # no date asked for: nothing goes ahead
    assert services.pairings.get(pairing).status == "proposed"
    assert page.buttons["activate"].isVisible()

    # Yes goes ahead: the date dialog opens, and OK activates.
    answer(monkeypatch, Button.Yes)
    click(qtbot, page.buttons["activate"])
    dialog = page.active_dialog
    assert isinstance(dialog, StatusChangeDialog)
    dialog.on.set_value(TODAY)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert services.pairings.get(pairing).status == "active"
    assert not page.buttons["activate"].isVisible()


def test_no_to_archive_keeps_the_person_in_the_lists(
    qtbot: QtBot, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.ui.people.person_page import PersonPage

    person = services.people.add(PersonDetails(first_name="Cal", last_name="Moss")).id or 0
    page = PersonPage(services, settings)
    qtbot.addWidget(page)
    page.show_person(person)
    asked = answer(monkeypatch, Button.No)
    click(qtbot, page.archive_button)
    assert len(asked) == 1 and "Archive Cal Moss?" in asked[0]
    assert services.people.get(person).archived_on is None
    assert [row.name for row in services.people.list_rows()] == ["Cal Moss"]


def test_no_to_ending_a_role_keeps_the_role(
    qtbot: QtBot, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.ui.people.person_page import PersonPage

    person = services.people.add(PersonDetails(first_name="Di"), roles=[Role.MENTEE]).id or 0
    page = PersonPage(services, settings)
    qtbot.addWidget(page)
    page.show_person(person)
    roles = page.roles
    roles.new_role.setCurrentIndex(roles.new_role.findData(Role.MENTEE.value))

    asked = answer(monkeypatch, Button.No)
    click(qtbot, roles.end_button)
    assert len(asked) == 1 and "as mentee today" in asked[0]
    assert [r.role for r in services.people.roles(person)] == [Role.MENTEE.value]

    answer(monkeypatch, Button.Yes)
    click(qtbot, roles.end_button)
    assert services.people.roles(person) == []


def test_cancel_to_removing_a_meeting_keeps_it_and_its_register(
    qtbot: QtBot, services: Services, settings: QSettings
) -> None:
    from PySide6.QtWidgets import QDialog

    from peerdesk.ui.groups.group_page import GroupPage
    from tests.ui.keys import in_modal, save, type_into

    group = services.groups.create(GroupDetails(name="Cafe")).id or 0
    ann = services.people.add(PersonDetails(first_name="Ann")).id or 0
    meeting = services.groups.hold_meeting(
        group, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann])
    )
    assert meeting.id is not None
    page = GroupPage(services, settings)
    qtbot.addWidget(page)
    page.show_group(group)
    assert page.current_meeting_id() == meeting.id

    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        asked.append(dialog.windowTitle() + ": " + dialog.intro.text())  # type: ignore[attr-defined]
        dialog.reject()

    in_modal(qtbot, lambda: click(qtbot, page.delete_meeting), cancel)
    assert len(asked) == 1 and asked[0].startswith("Remove the meeting on")
    assert "its register (1 person marked as there)" in asked[0]
    assert [m.id for m in services.groups.meetings(group)] == [meeting.id]
    assert services.groups.attendance_count(meeting.id) == 1

    def remove(dialog: QDialog) -> None:
        type_into(qtbot, dialog.reason, "Entered twice")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: click(qtbot, page.delete_meeting), remove)
    assert services.groups.meetings(group) == []
    assert services.history.latest(1)[0].reason == "Entered twice"


def test_cancel_to_restoring_a_backup_restores_nothing(
    qtbot: QtBot, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.ui.backups.backups_dialog import BackupsDialog

    services.people.add(PersonDetails(first_name="Ada"))
    dialog = BackupsDialog(services, settings)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backup_made, timeout=20000):
        click(qtbot, dialog.back_up_button)
    services.people.add(PersonDetails(first_name="Later"))
    dialog.table.selectRow(0)
    restores: list[object] = []
    # The restore itself runs in the background; recording the call keeps the test exact.
    monkeypatch.setattr(dialog, "restore", restores.append)

    asked = answer(monkeypatch, Button.Cancel)
    click(qtbot, dialog.restore_button)
    assert len(asked) == 1 and asked[0].startswith("Restore this backup?")
    assert restores == []
    assert sorted(row.name for row in services.people.list_rows()) == ["Ada", "Later"]

    answer(monkeypatch, Button.Yes)
    click(qtbot, dialog.restore_button)
    assert len(restores) == 1


def test_cancel_to_starting_afresh_keeps_the_damaged_file(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.errors import DatabaseDamagedError
    from peerdesk.paths import Paths
    from peerdesk.services.safety.recovery import recovery_offer
    from peerdesk.ui.backups.recovery_dialog import AFRESH, RecoveryDialog, carry_out

    paths = Paths.for_user(services.database_path)
    services.db.close()
    paths.database.write_text("scribble", encoding="utf-8")
    offer = recovery_offer(paths, DatabaseDamagedError("The database peerdesk.db is damaged."))
    dialog = RecoveryDialog(offer)
    qtbot.addWidget(dialog)
    assert dialog.afresh_button.isVisibleTo(dialog)

    asked = answer(monkeypatch, Button.Cancel)
    click(qtbot, dialog.afresh_button)
    assert len(asked) == 1 and asked[0].startswith("Start with an empty database?")
    assert dialog.choice != AFRESH
    assert dialog.result() != dialog.DialogCode.Accepted
    assert carry_out(dialog.choice, paths, None) is None
    assert paths.database.read_text(encoding="utf-8") == "scribble"

    answer(monkeypatch, Button.Yes)
    click(qtbot, dialog.afresh_button)
    assert dialog.choice == AFRESH and dialog.result() == dialog.DialogCode.Accepted


def test_cancel_to_an_unencrypted_export_writes_no_file(
    qtbot: QtBot, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from peerdesk.ui.importing.menu import export_people

    services.people.add(PersonDetails(first_name="Ada", last_name="Lane"))
    parent = QWidget()
    qtbot.addWidget(parent)
    target = Path(settings.fileName()).parent / "people.csv"
    chosen: list[str] = []

    def save_file_name(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        chosen.append("asked")
        return str(target), "CSV file (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    asked = answer(monkeypatch, Button.Cancel)
    export_people(services, settings, parent)
    assert len(asked) == 1 and asked[0].startswith("This export is not encrypted")
    assert chosen == [] and not target.exists()

    answer(monkeypatch, Button.Ok)
    export_people(services, settings, parent)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert told == [f"1 person written to {target}."]
    assert "Ada" in target.read_text(encoding="utf-8-sig")


def test_erasing_without_the_word_erases_nothing(qtbot: QtBot, services: Services) -> None:
    from peerdesk.ui.consents.rights_dialogs import EraseDialog

    person = services.people.add(PersonDetails(first_name="Isla", last_name="Gunn")).id or 0
    dialog = EraseDialog(services, person)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.confirm, "delete")
    assert not dialog.erase_button.isEnabled()
    dialog.accept()  # however it is asked to go ahead, the word is checked again
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.report is None
    assert services.people.get(person).display_name == "Isla Gunn"
    assert services.erasure.erased_ids() == []
    # Cancel, after typing the word, erases nothing either.
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "erase")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel))
    assert dialog.result() == dialog.DialogCode.Rejected
    assert services.people.get(person).display_name == "Isla Gunn"


def test_anonymising_from_retention_goes_through_the_erase_confirmation(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    from peerdesk.ui.consents.retention_dialog import RetentionDialog
    from peerdesk.ui.consents.rights_dialogs import EraseDialog

    person = services.people.add(
        PersonDetails(first_name="Old", last_name="Record"), roles=[Role.MENTEE]
    ).id
    with services.db.transaction() as s:
        s.connection().execute(text("UPDATE person SET created_at = '2019-01-05 10:00:00'"))
        s.connection().execute(text("UPDATE person_role SET started_on = '2019-01-05'"))
    dialog = RetentionDialog(services)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.selected_person() == person

    def cancel(erase: EraseDialog) -> int:
        qtbot.keyClicks(erase.confirm, "erase")
        erase.reject()
        return erase.result()

    monkeypatch.setattr(EraseDialog, "exec", cancel)
    click(qtbot, dialog.anonymise_button)
    assert services.erasure.erased_ids() == []
    assert dialog.table.table_model.rowCount() == 1

    def confirm(erase: EraseDialog) -> int:
        qtbot.keyClicks(erase.confirm, "erase")
        click(qtbot, erase.erase_button)
        return erase.result()

    monkeypatch.setattr(EraseDialog, "exec", confirm)
    click(qtbot, dialog.anonymise_button)
    assert services.erasure.erased_ids() == [person]
    assert services.people.get(person or 0).display_name == "Erased person"
    assert dialog.empty.isVisibleTo(dialog)
