"""The weekly health check in the app, and the offer of the last good backup when the database
turns out to be damaged while it is open.

A minute after the window is shown (never during start-up: first paint is not slowed), the full
check runs off the UI thread if a week has passed since the last one (`IntegrityWatch`). The
window closing cancels it (it stops at SQLite's next step and keeps nothing). A cheap look
once a second notices damage a save met (`Database.damaged`, via the service). Damage, however
found, stops every write, is said to a screen reader, shows on Today, and is offered once: a
message box with "Restore the last good backup…" as its default.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from peerdesk.services import Services
from peerdesk.services.safety.views import (
    BackupInfo,
    FullCheck,
    HealthLine,
    HealthVerdict,
    IntegrityWatch,
    RecoveryResult,
    newest_good_backup,
    restore_while_open,
)
from peerdesk.ui import announcer
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.security.idle_lock import LockCover
from peerdesk.ui.widgets.words import plural

log = logging.getLogger(__name__)

#: The check waits this long after the window is shown: start-up work comes first.
START_DELAY_MS = 60_000
#: How often the app looks whether a save met damage (reading one attribute: nothing more).
LOOK_MS = 1_000

RESTORE_TEXT = "&Restore the last good backup…"
NOT_NOW_TEXT = "&Not now"


class HealthWatch(QObject):
    """Owned by the main window: `start()` once it is shown, `stop()` when it closes."""

    #: Today's line may read differently (a check started or ended, damage, a restore).
    changed = Signal()
    #: A good backup was put in place of the damaged database: screens show it afresh.
    restored = Signal(object)

    def __init__(
        self,
        services: Services,
        config_folder: Path,
        window: QWidget,
        *,
        start_delay_ms: int = START_DELAY_MS,
    ) -> None:
        super().__init__(window)
        self.services = services
        self.window = window
        self.config_folder = config_folder
        self.watch = IntegrityWatch.of(services, config_folder)
        self.running = False
        self.backup: BackupInfo | None = None
        self._check: FullCheck | None = None
        self._stopped = False
        self._damage_seen = False  # the newest good backup is looked for once per damage
        self._offer_waiting = False  # shown when no other window is in the way
        self._restore_after_check = False
        self._started = False
        self._looking = False  # for the newest good backup
        #: How many times the offer of the last good backup was shown.
        self.offers = 0
        #: What the last restore did, shown on Today until the next check.
        self.restored_words = ""
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(start_delay_ms)
        self._later.timeout.connect(self.check_if_due)
        self._look = QTimer(self)
        self._look.setInterval(LOOK_MS)
        self._look.timeout.connect(self.look)

    @property
    def gone(self) -> bool:
        """The window closed (or was deleted): an answer arriving now is only logged."""
        return self._stopped or not isValid(self) or not isValid(self.window)

    # -- running the check ---------------------------------------------------------------

    def start(self) -> None:
        """The window is shown: damage remembered from before is acted on now, the weekly
        check comes after the delay."""
        if self._stopped or self._started:
            return
        self._started = True
        if self.watch.note_damage():
            self._on_damage()
        self._later.start()
        self._look.start()

    def stop(self) -> None:
        """The window is closing: no check starts, a running one is cancelled (its answer,
        should it come, is only logged), and no offer is shown."""
        self._stopped = True
        if self._check is not None:
            self._check.cancel()
        if isValid(self):
            self._later.stop()
            self._look.stop()

    def check_if_due(self) -> None:
        if not self._stopped and not self.running and self.watch.due():
            self.check_now()

    def check_now(self) -> None:
        self.running = True
        self.restored_words = ""
        check = self._check = self.watch.new_check()
        self.changed.emit()
        run_operation(lambda: self.watch.run(check), self._on_checked, self._on_check_failed)

    def _on_checked(self, verdict: HealthVerdict | None) -> None:
        if self.gone:
            log.info("health check ended after the window closed")
            return
        self._check_ended()
        if verdict is not None and not verdict.healthy:
            self._on_damage()
        elif verdict is not None:
            announcer.announce("The weekly health check found all well.", self.window)

    def _on_check_failed(self, message: str) -> None:
        log.info("health check did not run to the end")
        if not self.gone:
            self._check_ended()

    def _check_ended(self) -> None:
        self.running = False
        self._check = None
        self.changed.emit()
        if self._restore_after_check:
            self._restore_after_check = False
            self._restore()

    # -- damage --------------------------------------------------------------------------

    def line(self) -> HealthLine:
        when = self.backup.when_text() if self.backup is not None else None
        line = self.watch.line(running=self.running, backup_when=when, looking=self._looking)
        if not line.problem and not self.running and self.restored_words:
            return HealthLine(self.restored_words)
        return line

    def look(self) -> None:
        if self.gone:
            return
        if not self._damage_seen and self.watch.damage_met and self.watch.note_damage():
            self._on_damage()
        if self._offer_waiting and QApplication.activeModalWidget() is None and not self.locked:
            self._offer_waiting = False
            self.offer()

    @property
    def locked(self) -> bool:
        """The window is locked (idle or screen lock): the offer waits for the coordinator,
        so that nobody at a locked screen can restore a backup over the records."""
        return any(cover.isVisible() for cover in self.window.findChildren(LockCover))

    def _on_damage(self) -> None:
        """Damage found (by the check, a save, or a verdict kept from before): find the
        newest good backup (off the UI thread: each is checked), then say so and offer it."""
        if self._damage_seen:
            return
        self._damage_seen = True
        self._looking = True
        self.changed.emit()
        run_operation(
            lambda: newest_good_backup(self.services), self._on_backup_found, self._on_no_backup
        )

    def _on_no_backup(self, message: str) -> None:
        log.warning("no good backup could be looked for")
        self._on_backup_found(None)

    def _on_backup_found(self, backup: BackupInfo | None) -> None:
        if self.gone:
            return
        self._looking = False
        self.backup = backup
        self.changed.emit()
        announcer.announce(self.line().text, self.window, urgent=True)
        # Not over another window (the save's own message, say): when that one is closed.
        self._offer_waiting = True
        self.look()

    def offer(self) -> None:
        """The message box: restore the newest good backup now (the default), or not now.
        Today's button shows it again whenever the coordinator is ready."""
        if self.gone:
            return
        self.offers += 1
        text = self.line().text
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "The database is damaged",
            text,
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setAccessibleName("The database is damaged")
        if self.backup is None:
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
            return
        box.setInformativeText(
            "Restoring puts the backup in place of your records. The damaged file is kept, "
            "renamed, beside it. Anything entered after the backup was made will need "
            "entering again."
        )
        restore = box.addButton(RESTORE_TEXT, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(NOT_NOW_TEXT, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            self.restore()

    def restore(self) -> None:
        """Restore the newest good backup (a running check is stopped first: it is reading
        the file about to be set aside)."""
        if self.backup is None or self._stopped:
            return
        if self._check is not None:
            self._restore_after_check = True
            self._check.cancel()
            return
        self._restore()

    def _restore(self) -> None:
        backup = self.backup
        if backup is None:
            return
        run_operation(
            lambda: restore_while_open(self.services, backup.path, self.config_folder),
            self._on_restored,
            self._on_restore_failed,
        )

    def _on_restored(self, result: RecoveryResult) -> None:
        if self.gone:
            log.info("restore ended after the window closed")
            return
        self._damage_seen = False
        self.backup = None
        self.restored.emit(result)
        message = "The last good backup has been restored, and saving works again."
        if result.moved_aside is not None:
            message += f" The damaged file is kept as {result.moved_aside.name}."
        if result.erased_again:
            erased = plural(result.erased_again, "erased person was", "erased people were")
            message += f" {erased} erased again."
        # Said, and shown on Today in place of the problem (no box to close: the offer was
        # the question, and the records are back on screen).
        self.restored_words = message
        self.changed.emit()
        announcer.announce(message, self.window)

    def _on_restore_failed(self, message: str) -> None:
        if self.gone:
            return
        self.changed.emit()
        show_problem(self.window, "The backup was not restored", message)
