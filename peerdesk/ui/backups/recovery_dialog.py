"""At start-up, when the database cannot be opened: say why, offer the newest good backup.

Nothing happens without the coordinator's choice. The damaged file is always kept (renamed),
and a database from a newer peerdesk is only explained, never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import DatabaseProblem, PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services.safety.views import (
    RecoveryOffer,
    RecoveryResult,
    is_recoverable,
    noted_backup_folders,
    recovery_offer,
    restore_after_problem,
    start_afresh,
)
from peerdesk.ui import preferences
from peerdesk.ui.messages import show_problem

RESTORE, AFRESH, QUIT = "restore", "afresh", "quit"


class RecoveryDialog(QDialog):
    def __init__(self, offer: RecoveryOffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer = offer
        self.choice = QUIT
        self.setWindowTitle(offer.title)
        self.setAccessibleName(offer.title)
        self.resize(620, 300)

        heading = QLabel(f"<b>{offer.title}</b>")
        self.explanation = QLabel(offer.explanation)
        self.explanation.setWordWrap(True)

        self.backup_choice = QComboBox()
        self.backup_choice.setAccessibleName("Backup to restore")
        for info in offer.backups:
            label = f"{info.when_text()} — {info.reason_text} — {info.counts_text}"
            self.backup_choice.addItem(label[:1].upper() + label[1:], str(info.path))
        if offer.newest_good is not None:
            self.backup_choice.setCurrentIndex(
                self.backup_choice.findData(str(offer.newest_good.path))
            )
        choice_label = QLabel("&Backup to restore:")
        choice_label.setBuddy(self.backup_choice)

        self.restore_button = QPushButton("&Restore this backup")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.afresh_button = QPushButton("Start with an &empty database")
        self.afresh_button.clicked.connect(self._on_afresh_clicked)
        self.quit_button = QPushButton("&Quit peerdesk")
        self.quit_button.clicked.connect(self.reject)

        can_restore = offer.can_restore
        for widget in (choice_label, self.backup_choice, self.restore_button):
            widget.setVisible(can_restore)
        self.afresh_button.setVisible(offer.can_start_afresh)
        if not can_restore:
            self.quit_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.afresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(choice_label)
        layout.addWidget(self.backup_choice)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def chosen_backup(self) -> Path | None:
        data = self.backup_choice.currentData()
        return Path(str(data)) if data else None

    def _on_restore_clicked(self) -> None:
        self.choice = RESTORE
        self.accept()

    def _on_afresh_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            "Start with an empty database?",
            "peerdesk will start with no records. The old file is kept, renamed, beside the "
            "new one, and your backups stay where they are.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.choice = AFRESH
            self.accept()


def carry_out(choice: str, paths: Paths, backup: Path | None) -> RecoveryResult | None:
    """Do what the coordinator chose (no Qt; kept apart so it is easy to test)."""
    if choice == RESTORE and backup is not None:
        return restore_after_problem(paths, backup)
    if choice == AFRESH:
        return start_afresh(paths)
    return None


def backup_folders_to_search(paths: Paths, settings: QSettings) -> list[Path]:
    """Where else a database that cannot be opened may have its backups. Its backup folder
    setting is inside it: look where peerdesk's own folder says its backups went, and where
    an older peerdesk kept them (settings.ini, not yet handed to the database)."""
    folders = noted_backup_folders(paths.backup_dir, paths.database)
    old = preferences.old_backup_folder(settings)
    if old is not None and old not in folders:
        folders.append(old)
    return folders


def recover_at_start(paths: Paths, settings: QSettings, error: PeerdeskError) -> bool:
    """Show the recovery dialog for `error`; True when the database can now be opened."""
    if not isinstance(error, DatabaseProblem) or not is_recoverable(error):
        return False
    offer = recovery_offer(paths, error, extra_folders=backup_folders_to_search(paths, settings))
    dialog = RecoveryDialog(offer)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        result = carry_out(dialog.choice, paths, dialog.chosen_backup())
    except PeerdeskError as problem:
        show_problem(None, "peerdesk could not recover the database", problem)
        return False
    if result is not None and result.moved_aside is not None:
        QMessageBox.information(
            None,
            "Your records are back",
            f"The old file was kept as {result.moved_aside.name}, in {result.moved_aside.parent}.",
        )
    return result is not None
