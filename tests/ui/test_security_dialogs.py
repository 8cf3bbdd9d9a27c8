"""The encryption dialogs with real widgets: encrypt this database, change the passphrase, the
recovery sheet offered afterwards (and not made when declined), and unlocking at start-up."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.security.passphrase_dialog import PassphraseDialog, run_passphrase_dialog
from peerdesk.ui.security.recovery_sheet import RecoverySheetDialog
from peerdesk.ui.security.unlock_dialog import UnlockDialog
from peerdesk.ui.security.unlock_form import WRONG
from tests.unit.forms.pdftext import normalise, pages_text

PASSPHRASE = "kettle orbit paper lantern"
NEW_PASSPHRASE = "harbour violet engine saucer"


def fill_new_passphrase(qtbot: QtBot, dialog: PassphraseDialog, text: str) -> None:
    qtbot.keyClicks(dialog.fields.passphrase, text)
    qtbot.keyClicks(dialog.fields.confirmation, text)
    dialog.fields.understood.setChecked(True)


def is_plain_sqlite(services: Services) -> bool:
    return services.database_path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_encrypting_from_the_dialog(qtbot: QtBot, services: Services) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    dialog = PassphraseDialog(services, changing=False)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    # A weak passphrase, or two that differ, cannot be chosen.
    fill_new_passphrase(qtbot, dialog, "password1")
    assert not dialog.ok_button.isEnabled()
    dialog.fields.clear()
    qtbot.keyClicks(dialog.fields.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirmation, PASSPHRASE + "s")
    dialog.fields.understood.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    dialog.fields.confirmation.clear()
    qtbot.keyClicks(dialog.fields.confirmation, PASSPHRASE)
    assert dialog.ok_button.isEnabled()

    with qtbot.waitSignal(dialog.finished_work, timeout=60000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_of_work is not None
    assert services.security.is_encrypted and not is_plain_sqlite(services)
    assert services.security.verify(PASSPHRASE)
    assert dialog.fields.text() == ""  # the passphrase does not linger in the widgets
    assert [row.name for row in services.people.list_rows()] == ["Ada"]


def test_changing_the_passphrase_needs_the_current_one(qtbot: QtBot, services: Services) -> None:
    services.security.encrypt(PASSPHRASE)
    dialog = PassphraseDialog(services, changing=True)
    qtbot.addWidget(dialog)
    fill_new_passphrase(qtbot, dialog, NEW_PASSPHRASE)
    assert not dialog.ok_button.isEnabled()  # the current passphrase is still empty
    qtbot.keyClicks(dialog.current, "not the passphrase at all")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fields.problem.isVisibleTo(dialog), timeout=60000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.security.verify(PASSPHRASE) and not services.security.verify(NEW_PASSPHRASE)

    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    dialog.fields.clear()
    fill_new_passphrase(qtbot, dialog, NEW_PASSPHRASE)
    with qtbot.waitSignal(dialog.finished_work, timeout=60000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.security.verify(NEW_PASSPHRASE)
    assert not services.security.verify(PASSPHRASE)


@pytest.mark.parametrize("wants_sheet", [False, True])
def test_the_recovery_sheet_is_offered_after_encrypting(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, wants_sheet: bool
) -> None:
    def exec_filled(dialog: PassphraseDialog) -> int:
        fill_new_passphrase(qtbot, dialog, PASSPHRASE)
        with qtbot.waitSignal(dialog.finished_work, timeout=60000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", exec_filled)
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if wants_sheet else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    printed: list[Services] = []
    monkeypatch.setattr(
        "peerdesk.ui.security.recovery_sheet.print_recovery_sheet",
        lambda on, _parent: printed.append(on),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    assert run_passphrase_dialog(services, parent, changing=False)
    (message,) = asked
    assert "Your records are now encrypted" in message and "recovery sheet" in message
    assert printed == ([services] if wants_sheet else [])


def test_the_recovery_sheet_shows_where_and_how_never_the_passphrase(
    qtbot: QtBot, services: Services
) -> None:
    services.security.encrypt(PASSPHRASE)
    sheet = services.security.recovery_sheet()
    pdf = services.printing.recovery_sheet(sheet)
    (page,) = pages_text(pdf)
    text = normalise(page)
    assert "peerdesk recovery sheet" in text
    # Every character of both paths is on the paper, however long (broken across lines).
    joined = "".join(text.split())
    assert f"Recordsfile{sheet.database}Backupsfolder{sheet.backup_folder}Encryption" in joined
    assert "Passphrase (write it by hand, clearly):" in text
    for word in PASSPHRASE.split():
        assert word not in text
    dialog = RecoverySheetDialog(pdf)
    qtbot.addWidget(dialog)
    assert dialog.preview.page_count == 1
    assert dialog.preview.print_button.isEnabled()


def test_unlocking_at_start_up(qtbot: QtBot, services: Services, paths: Paths) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.security.encrypt(PASSPHRASE)
    services.db.close()
    # A short wait after a wrong passphrase, so the test sees the form come back.
    dialog = UnlockDialog(paths, delay=lambda failures: 50 * failures)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form

    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert form.message.text() == "Type the passphrase first."

    qtbot.keyClicks(form.passphrase, "kettle orbit paper lanterns")
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert dialog.services is None and dialog.result() != QDialog.DialogCode.Accepted
    assert WRONG in form.message.text() and form.passphrase.text() == ""
    assert not form.passphrase.isEnabled()  # a wait before the next try
    qtbot.waitUntil(form.passphrase.isEnabled, timeout=5000)

    qtbot.keyClicks(form.passphrase, PASSPHRASE)
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    opened = dialog.services
    assert opened is not None
    try:
        assert [row.name for row in opened.people.list_rows()] == ["Ada"]
    finally:
        opened.db.close()


def test_quitting_the_unlock_dialog_opens_nothing(
    qtbot: QtBot, services: Services, paths: Paths
) -> None:
    services.security.encrypt(PASSPHRASE)
    services.db.close()
    opened: list[str] = []
    dialog = UnlockDialog(paths, opener=lambda _paths, text: opened.append(text))  # type: ignore[arg-type,func-returns-value]
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.services is None and opened == []
