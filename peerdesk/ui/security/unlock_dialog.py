"""At start-up, for an encrypted database: ask for the passphrase before anything opens."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services.opening import Services, WrongPassphraseError, open_services
from peerdesk.ui.messages import show_problem
from peerdesk.ui.security.unlock_form import Delay, UnlockForm, doubling_delay

log = logging.getLogger(__name__)

Opener = Callable[[Paths, str], Services]


class UnlockDialog(QDialog):
    """Accepted with `services` open on the database; rejected if the coordinator quits."""

    def __init__(
        self,
        paths: Paths,
        parent: QWidget | None = None,
        *,
        opener: Opener = open_services,
        delay: Delay = doubling_delay,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.opener = opener
        self.services: Services | None = None
        self.setWindowTitle("Unlock peerdesk")
        self.setAccessibleName("Unlock peerdesk")
        heading = QLabel("<h2>Your records are encrypted</h2>")
        note = QLabel(
            f"Type the passphrase for {paths.database.name} to open it. (If it has been "
            "forgotten, the records cannot be opened: try any passphrases you might have used, "
            "and check your recovery sheet.)"
        )
        note.setWordWrap(True)
        self.form = UnlockForm("&Open", delay=delay)
        self.form.submitted.connect(self._on_passphrase_submitted)
        quit_button = QPushButton("&Quit")
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())
        self.form.focus()

    def _on_passphrase_submitted(self, text: str) -> None:
        if not text:
            self.form.message.setText("Type the passphrase first.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.services = self.opener(self.paths, text)
        except WrongPassphraseError:
            log.info("start-up passphrase refused")
            self.form.refuse()
            return
        except PeerdeskError as error:
            show_problem(self, "peerdesk cannot open the database", error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


def unlock_at_start(paths: Paths) -> Services | None:
    """Ask for the passphrase; the open services, or None if the coordinator chose to quit."""
    dialog = UnlockDialog(paths)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.services
