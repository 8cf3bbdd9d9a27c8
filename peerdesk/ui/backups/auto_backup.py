"""Automatic backups: every 30 minutes of work, and when peerdesk closes.

A timer ticks every 30 minutes; a tick makes a backup only if the database changed since the
last one, so an idle laptop makes no pile of identical copies. The work runs off the UI thread.
On close, `finish()` makes a last backup (if anything changed) before the database is closed.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.safety.views import BackupInfo
from peerdesk.ui.operation import run_operation

log = logging.getLogger(__name__)

INTERVAL_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    backup_made = Signal(object)
    backup_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.last_backup: datetime | None = datetime.now()  # opening made nothing new yet
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        if self.running or not self.services.backups.changed_since(self.last_backup):
            return
        self.running = True
        started = datetime.now()
        run_operation(
            lambda: self.services.backups.back_up("automatic"),
            lambda info: self._on_backup_succeeded(info, started),
            self._on_backup_failed,
        )

    def _on_backup_succeeded(self, info: BackupInfo, started: datetime) -> None:
        self.running = False
        self.last_backup = started
        self.backup_made.emit(info)

    def _on_backup_failed(self, message: str) -> None:
        self.running = False
        log.warning("automatic backup failed")
        self.backup_failed.emit(message)

    def finish(self) -> BackupInfo | None:
        """The backup on close (run directly: the window is gone and the app must wait)."""
        self.timer.stop()
        if not self.services.backups.changed_since(self.last_backup):
            return None
        backups = self.services.backups
        try:
            info = backups.back_up("on-close")
        except PeerdeskError as error:
            log.warning("backup on close failed: %s", type(error).__name__)
            if backups.folder != backups.default_folder:
                return self._fall_back_to_default()
            return None
        self.last_backup = datetime.now()
        return info

    def _fall_back_to_default(self) -> BackupInfo | None:
        # The chosen folder (a USB stick) is not there: keep a copy in peerdesk's own folder,
        # this once (the setting stays, for when the stick is back).
        backups = self.services.backups
        try:
            return backups.back_up("on-close", folder=backups.default_folder)
        except PeerdeskError as error:
            log.warning("backup on close failed again: %s", type(error).__name__)
            return None
