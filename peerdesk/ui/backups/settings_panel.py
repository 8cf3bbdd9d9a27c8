"""Settings → Backups: where new backups go and how many are kept.

Both are kept in the database (`services.organisation`), so the `peerdesk backup` command and
the automatic backups use what is chosen here; the Backups dialog's "Choose backup folder"
changes the same setting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation.views import BACKUP_KEEP_LIMITS
from peerdesk.ui import announcer
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets import FormRows

#: kind → (label, suffix, help), each label with its access key on the Settings tab.
KEEP_ROWS = {
    "recent": ("Keep the &newest", " backups", "Whenever they were made."),
    "daily": ("&And one a day for", " days", "The newest of each day with a backup."),
    "weekly": ("And one a wee&k for", " weeks", ""),
    "monthly": ("And one a mon&th for", " months", ""),
}


class BackupSettingsPanel(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Backups", parent)
        self.services = services
        self.setAccessibleName("Backups")
        layout = QVBoxLayout(self)
        note = QLabel(
            "Where new backups go and how many are kept. They are kept with your records, so "
            "the peerdesk backup command uses them too. Backups you make by hand or before "
            "an import or a restore are kept at least as many days as the daily ones."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton("Choose a f&older…")
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.own_button = QPushButton("Use peer&desk's own folder")
        self.own_button.clicked.connect(self._on_own_clicked)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_label, 1)
        folder_layout.addWidget(self.choose_button)
        folder_layout.addWidget(self.own_button)
        self.rows.add("New backups go to", folder_row, field="backup_folder")
        self.keep: dict[str, QSpinBox] = {}
        for kind, (label, suffix, help_text) in KEEP_ROWS.items():
            box = QSpinBox()
            box.setRange(1, BACKUP_KEEP_LIMITS[kind])
            box.setSuffix(suffix)
            self.keep[kind] = box
            self.rows.add(label, box, field=f"backup_keep_{kind}", help_text=help_text)
        save_row = QHBoxLayout()
        self.saved_note = QLabel()
        self.save_button = QPushButton("&Save backup settings")
        self.save_button.clicked.connect(self._on_save_clicked)
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self.refresh()

    def refresh(self) -> None:
        backups = self.services.backups
        folder = backups.folder
        own = folder == backups.default_folder
        self.folder_label.setText(f"{folder}" + (" (peerdesk's own folder)" if own else ""))
        self.own_button.setEnabled(not own)
        policy = backups.policy
        for kind, box in self.keep.items():
            box.setValue(int(getattr(policy, kind)))

    def choose_folder(self, folder: Path | None) -> bool:
        """Keep new backups in `folder` (None: peerdesk's own); False, and why, if refused."""
        self.rows.clear_problems()
        self.saved_note.clear()
        try:
            self.services.backups.save_folder(folder)
        except ValidationError as error:
            self.rows.show_problem("backup_folder", error.message)
            return False
        except PeerdeskError as error:
            show_problem(self, "The backup folder was not changed", error)
            return False
        self.refresh()
        self.saved_note.setText("✓ New backups will go there.")
        announcer.announce("New backups will go there.", self.saved_note)
        return True

    def _on_choose_clicked(self) -> None:
        start = str(self.services.backups.folder)
        chosen = QFileDialog.getExistingDirectory(self, "Choose a folder for backups", start)
        if chosen:
            self.choose_folder(Path(chosen))

    def _on_own_clicked(self) -> None:
        self.choose_folder(None)

    def _on_save_clicked(self) -> None:
        self.rows.clear_problems()
        try:
            self.services.organisation.set_backup_rotation(
                {kind: box.value() for kind, box in self.keep.items()}
            )
        except ValidationError as error:
            self.rows.show_problem(error.field, error.message)
            self.saved_note.setText("Not saved yet: please see the note above.")
            return
        except PeerdeskError as error:
            show_problem(self, "The backup settings were not saved", error)
            return
        self.refresh()
        self.saved_note.setText("✓ Saved.")
        announcer.announce("Backup settings saved.", self.saved_note)
