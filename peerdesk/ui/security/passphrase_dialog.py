"""Encrypt this database, or change its passphrase: the fields, the warning, the work done off
the UI thread, and the offer of a recovery sheet afterwards."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.safety.views import EncryptionResult
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.security.passphrase_fields import NewPassphraseFields, passphrase_edit
from peerdesk.ui.widgets.words import plural


class PassphraseDialog(QDialog):
    """ "Encrypt this database" (`changing=False`) or "Change passphrase" (`changing=True`)."""

    finished_work = Signal(object)  # the EncryptionResult

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, changing: bool
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changing = changing
        self.result_of_work: EncryptionResult | None = None
        title = "Change the passphrase" if changing else "Encrypt this database"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose a new passphrase. A backup is made first, and the backups in peerdesk's "
            "backup folders change to the new passphrase too."
            if changing
            else "Encrypting protects your records if this computer or a backup is lost or "
            "stolen: without the passphrase the file is unreadable. A backup is made first; "
            "peerdesk's backups are encrypted too. Choose a passphrase: four or five "
            "unrelated words are strong and easy to remember."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.current = passphrase_edit("Current passphrase")
        if changing:
            form = QFormLayout()
            label = QLabel("&Current passphrase")
            label.setBuddy(self.current)
            form.addRow(label, self.current)
            layout.addLayout(form)
        self.fields = NewPassphraseFields(
            first_label="&New passphrase" if changing else "&Passphrase"
        )
        layout.addWidget(self.fields)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Change passphrase" if changing else "&Encrypt")
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self._on_fields_changed)
        self.current.textChanged.connect(lambda _t: self._on_fields_changed())
        self._on_fields_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _on_fields_changed(self) -> None:
        ready = self.fields.is_ready() and (not self.changing or bool(self.current.text()))
        self.ok_button.setEnabled(ready)

    def _on_ok_clicked(self) -> None:
        new, again, old = self.fields.text(), self.fields.confirmed_text(), self.current.text()
        security = self.services.security
        self._busy(True)
        if self.changing:
            work = lambda: security.change_passphrase(old, new, again)  # noqa: E731
        else:
            work = lambda: security.encrypt(new, again)  # noqa: E731
        run_operation(work, self._on_work_succeeded, self._on_work_failed)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.fields.setEnabled(not busy)
        self.current.setEnabled(not busy)
        self.status.setText("Working… this takes a few seconds." if busy else "")

    def _on_work_succeeded(self, result: object) -> None:
        assert isinstance(result, EncryptionResult)
        self._busy(False)
        self.result_of_work = result
        self.fields.clear()
        self.current.clear()
        self.finished_work.emit(result)
        self.accept()

    def _on_work_failed(self, message: str) -> None:
        self._busy(False)
        self.fields.say_problem(message)
        self._on_fields_changed()


def done_message(result: EncryptionResult, *, changing: bool) -> str:
    first = (
        "The passphrase has been changed."
        if changing
        else "Your records are now encrypted. peerdesk will ask for the passphrase each time "
        "it opens."
    )
    lines = [first]
    if result.backups_encrypted:
        changed = plural(result.backups_encrypted, "backup was", "backups were")
        lines.append(f"{changed} changed to match.")
    if result.plain_left:
        left = len(result.plain_left)
        lines.append(
            f"{plural(left, 'backup')} could not be encrypted and "
            f"{'is' if left == 1 else 'are'} still readable by anyone: see File → Backups…."
        )
    lines.append(
        "Would you like to print a recovery sheet to keep in a safe place? It does not show "
        "the passphrase: you write it on the sheet by hand."
    )
    return "\n\n".join(lines)


def run_passphrase_dialog(services: Services, parent: QWidget, *, changing: bool) -> bool:
    """Show the dialog; after success, offer the recovery sheet. True when something changed."""
    from peerdesk.ui.security.recovery_sheet import print_recovery_sheet

    dialog = PassphraseDialog(services, parent, changing=changing)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_of_work is None:
        return False
    answer = QMessageBox.question(
        parent,
        "Done",
        done_message(dialog.result_of_work, changing=changing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            print_recovery_sheet(services, parent)
        except OSError as error:
            show_problem(parent, "The recovery sheet was not made", str(error.strerror))
    return True
