"""The first-run offer to encrypt, ticked by default (recommended)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.security import check_new_passphrase
from peerdesk.ui.security.passphrase_fields import NewPassphraseFields


class FirstRunEncryption(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chosen = QCheckBox("&Protect these records with a passphrase (recommended)")
        self.chosen.setChecked(True)
        self.chosen.setToolTip(
            "Encrypts the records file and its backups, so a lost or stolen laptop does not "
            "give away anyone's records."
        )
        self.fields = NewPassphraseFields()
        layout.addWidget(self.chosen)
        layout.addWidget(self.fields)
        self.chosen.toggled.connect(self.fields.setVisible)

    def check(self) -> bool:
        """Whether the choice can go ahead (the passphrase is acceptable, or not wanted)."""
        if not self.chosen.isChecked():
            return True
        try:
            check_new_passphrase(self.fields.text(), self.fields.confirmed_text())
        except PeerdeskError as error:
            self.fields.say_problem(str(error))
            return False
        if not self.fields.understood.isChecked():
            self.fields.say_problem(
                "Tick the box to show you understand that a forgotten passphrase cannot be "
                "recovered (or untick “Protect these records” to go on without one)."
            )
            return False
        return True

    def apply(self, services: Services) -> bool:
        """Encrypt now if chosen. False (with the reason shown) when it could not be done."""
        if not self.chosen.isChecked() or services.security.is_encrypted:
            return True
        if not self.check():
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            services.security.encrypt(self.fields.text(), self.fields.confirmed_text())
        except PeerdeskError as error:
            self.fields.say_problem(str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.fields.clear()
        return True
