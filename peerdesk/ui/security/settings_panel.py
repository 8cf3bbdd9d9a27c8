"""Settings → Security: encrypted or not (a plain database gets a visible reminder), encrypt
this database, change the passphrase, print a recovery sheet, and lock after idle minutes."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui import preferences
from peerdesk.ui.security.idle_lock import find_idle_lock, idle_minutes
from peerdesk.ui.security.passphrase_dialog import run_passphrase_dialog

PLAIN_REMINDER = (
    "⚠ This database is not encrypted. Anyone who gets hold of this computer, or a copy of a "
    "backup, can read every record in it. Encrypt it to protect the people you support."
)


class SecurityPanel(QGroupBox):
    def __init__(
        self, services: Services, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__("Security: encryption and locking", parent)
        self.services = services
        self.settings = settings
        self.setAccessibleName("Security")
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.encrypt_button = QPushButton("Encr&ypt this database…")
        self.change_button = QPushButton("Change &passphrase…")
        self.sheet_button = QPushButton("Print a re&covery sheet…")
        for button in (self.encrypt_button, self.change_button, self.sheet_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        form = QFormLayout()
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setSpecialValueText("Never (not recommended)")
        self.idle_minutes.setAccessibleName("Lock after this many minutes without use")
        self.idle_minutes.setValue(idle_minutes(settings))
        label = QLabel("&Lock after this long without use")
        label.setBuddy(self.idle_minutes)
        form.addRow(label, self.idle_minutes)
        layout.addLayout(form)
        note = QLabel("Lock at any time with File → Lock now (Ctrl+L).")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.encrypt_button.clicked.connect(self._on_encrypt_clicked)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_clicked)
        self.idle_minutes.valueChanged.connect(self._on_idle_minutes_changed)
        self.refresh()

    def refresh(self) -> None:
        encrypted = self.services.security.is_encrypted
        if encrypted:
            self.status.setObjectName("encryptedNote")
            self.status.setText(
                "✓ Your records are encrypted. peerdesk asks for the passphrase when it opens "
                "and after the time below without use. Backups are encrypted too."
            )
        else:
            self.status.setObjectName("plainReminder")
            self.status.setText(PLAIN_REMINDER)
        self.status.setStyleSheet("" if encrypted else "font-weight: bold;")
        self.encrypt_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)

    def _on_encrypt_clicked(self) -> None:
        run_passphrase_dialog(self.services, self, changing=False)
        self.refresh()

    def _on_change_clicked(self) -> None:
        run_passphrase_dialog(self.services, self, changing=True)
        self.refresh()

    def _on_sheet_clicked(self) -> None:
        from peerdesk.ui.security.recovery_sheet import print_recovery_sheet

        print_recovery_sheet(self.services, self)

    def _on_idle_minutes_changed(self, minutes: int) -> None:
        preferences.IDLE_LOCK_MINUTES.write(self.settings, minutes)
        lock = find_idle_lock(self.window())
        if lock is not None:
            lock.apply_setting()
