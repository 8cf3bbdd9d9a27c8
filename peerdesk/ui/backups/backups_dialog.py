"""File → Backups…: the list of backups, Back up now, Choose backup folder, Restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.safety.views import BackupInfo, RestoreResult
from peerdesk.ui import announcer
from peerdesk.ui.backups.table_model import WHEN, BackupTableModel
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.widgets.words import plural

EMPTY = (
    "There are no backups yet. peerdesk makes one every 30 minutes while you work and "
    "whenever you close it; press Back up now to make one straight away."
)


class BackupsDialog(QDialog):
    backup_made = Signal(object)
    restored = Signal(object)
    failed = Signal(str)
    #: The backup folder setting was changed (Settings ▸ Backups shows it too).
    folder_changed = Signal()

    def __init__(self, services: Services, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setWindowTitle("Backups")
        self.setAccessibleName("Backups")
        self.resize(760, 440)

        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { color: #8a4b00; }")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.model = BackupTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Backups, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(WHEN, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_restore_clicked)
        list_label = QLabel("&Backups:")
        list_label.setBuddy(self.table)
        self.empty_label = QLabel(EMPTY)
        self.empty_label.setWordWrap(True)

        self.back_up_button = QPushButton("Back &up now")
        self.back_up_button.clicked.connect(self._on_back_up_clicked)
        self.folder_button = QPushButton("&Choose backup folder…")
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.folder_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.refresh()

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        backups = self.services.backups.all()
        self.model.set_backups(backups)
        self.table.setVisible(bool(backups))
        self.empty_label.setVisible(not backups)
        self.folder_label.setText(f"New backups go to: {self.services.backups.folder}")
        risks = self.services.backups.location_risks()
        self.warning_label.setText("\n\n".join(f"{r.title}: {r.message}" for r in risks))
        self.warning_label.setVisible(bool(risks))
        self._on_selection_changed()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.backup_at(self.proxy.mapToSource(rows[0]).row())

    def _on_selection_changed(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _busy(self, busy: bool, message: str = "") -> None:
        for button in (self.back_up_button, self.folder_button, self.restore_button):
            button.setEnabled(not busy)
        self.status_label.setText(message)
        if not busy:
            self._on_selection_changed()

    # -- backing up ----------------------------------------------------------------------

    def _on_back_up_clicked(self) -> None:
        self._busy(True, "Making a backup…")
        run_operation(
            lambda: self.services.backups.back_up("manual"),
            self._on_backup_succeeded,
            self._on_backup_failed,
        )

    def _on_backup_succeeded(self, info: BackupInfo) -> None:
        self.refresh()
        self._done(f"Backup made and checked: {info.path.name} ({info.size_text}).")
        self.backup_made.emit(info)

    def _done(self, message: str) -> None:
        """Work finished: shown under the buttons and said to a screen reader (a failure is
        said by its message box instead)."""
        self._busy(False, message)
        announcer.announce(message, self)

    def _on_backup_failed(self, message: str) -> None:
        self._busy(False, "The backup was not made.")
        self.failed.emit(message)
        show_problem(self, "The backup was not made", message)

    def _on_folder_clicked(self) -> None:
        start = str(self.services.backups.folder)
        chosen = QFileDialog.getExistingDirectory(self, "Choose a folder for backups", start)
        if chosen:
            self.choose_folder(Path(chosen))

    def choose_folder(self, folder: Path) -> bool:
        """Use `folder` for new backups from now on: kept in the database's settings, so
        `peerdesk backup` uses it too. False (and why, shown) when it cannot be used."""
        try:
            chosen = self.services.backups.save_folder(folder)
        except PeerdeskError as error:
            show_problem(self, "The backup folder was not changed", error)
            return False
        self.refresh()
        self.status_label.setText(f"New backups will go to {chosen or folder}.")
        self.folder_changed.emit()
        return True

    # -- restoring -----------------------------------------------------------------------

    def _on_restore_clicked(self, *_args: object) -> None:
        info = self.selected_backup()
        if info is None:
            return
        if self.confirm_restore(info):
            self.restore(info)

    def confirm_restore(self, info: BackupInfo) -> bool:
        when = info.when_text()
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put the backup made {when} in place of your records?\n\n"
            f"It holds {info.counts_text}. Anything entered after {when} will be replaced. "
            "Your records as they are now are backed up first, so you can change your mind.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, info: BackupInfo) -> None:
        self._busy(True, "Restoring the backup…")
        run_operation(
            lambda: self.services.backups.restore(info.path),
            self._on_restore_succeeded,
            self._on_restore_failed,
        )

    def _on_restore_succeeded(self, result: RestoreResult) -> None:
        self.refresh()
        message = (
            "The backup has been restored. Your records as they were are kept in "
            f"{result.safety_backup.name}."
        )
        if result.erased_again:
            erased = plural(result.erased_again, "erased person was", "erased people were")
            message += f" {erased} erased again."
        self._done(message)
        self.restored.emit(result)

    def _on_restore_failed(self, message: str) -> None:
        self._busy(False, "Nothing was restored.")
        self.failed.emit(message)
        show_problem(self, "The backup was not restored", message)
