"""Files that leave peerdesk's encrypted database: a private temporary folder for work in
progress, and a warning before personal data is saved outside the app.

Work in progress (PDF previews, exports being written) goes in a folder only this user can
read, made with `tempfile.mkdtemp` (mode 0700) and deleted when it is closed and, whatever
happens, when peerdesk quits. An export that holds personal data is, by its nature, a plain
file: the coordinator is told so before choosing where it goes.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

PREFIX = "peerdesk-"

_open_folders: set[Path] = set()


def private_temp_folder(purpose: str) -> Path:
    """A new folder only this user can read; delete it with `remove_temp_folder`."""
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{purpose}-"))
    _open_folders.add(folder)
    return folder


def remove_temp_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    _open_folders.discard(folder)


@atexit.register
def remove_all_temp_folders() -> None:
    """At exit: nothing of ours stays in the temporary folder."""
    for folder in list(_open_folders):
        remove_temp_folder(folder)


def export_warning(what: str) -> str:
    return (
        f"The file will hold personal information ({what}) and, unlike peerdesk's own records, "
        "it will not be encrypted: anyone who gets hold of it can read it.\n\n"
        "Save it only somewhere safe: this computer, or an encrypted USB stick. Do not put it "
        "in a shared or synced folder (OneDrive, Dropbox, Google Drive) or attach it to an "
        "email. Delete it when you no longer need it."
    )


def confirm_personal_export(parent: QWidget | None, what: str) -> bool:
    """Ask before saving personal data outside the app. True to go ahead."""
    answer = QMessageBox.question(
        parent,
        "This export is not encrypted",
        export_warning(what),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Ok,
    )
    go_ahead = answer == QMessageBox.StandardButton.Ok
    log.info("personal-data export %s", "confirmed" if go_ahead else "cancelled")
    return go_ahead
