"""The first-run offer to encrypt: ticked by default (recommended). Starting then asks for
the passphrase in the usual dialog, with its warning and strength meter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.ui.security.passphrase_dialog import run_passphrase_dialog


class FirstRunEncryption(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chosen = QCheckBox("&Protect these records with a passphrase (recommended)")
        self.chosen.setChecked(True)
        self.chosen.setAccessibleName("Protect these records with a passphrase")
        note = QLabel(
            "The records file and its backups are encrypted, so a lost or stolen laptop does "
            "not give away anyone's records. You choose the passphrase next."
        )
        note.setWordWrap(True)
        layout.addWidget(self.chosen)
        layout.addWidget(note)

    def apply(self, services: Services) -> bool:
        """Ask for a passphrase and encrypt, if chosen. Always lets the start go ahead: if the
        coordinator cancels, Settings keeps reminding them the records are not encrypted."""
        if self.chosen.isChecked() and not services.security.is_encrypted:
            run_passphrase_dialog(services, self.window(), changing=False)
        return True
