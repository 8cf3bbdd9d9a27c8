"""The Backups dialog shows a backup an older peerdesk made, adopted on the first start."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from peerdesk.data.database import open_database
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.backups.table_model import ADOPTED, WHY
from tests.conftest import TODAY


def test_an_adopted_backup_is_listed_and_says_where_it_came_from(
    qtbot, paths: Paths, tmp_path: Path
) -> None:
    open_database(paths.database).close()
    old = paths.backup_dir / "peerdesk_before-import_2026-06-01_101500.db"
    shutil.copyfile(paths.database, old)
    services = Services(open_database(paths.database, backup_dir=paths.backup_dir), lambda: TODAY)
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        dialog = BackupsDialog(services, settings)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == 1
        why = dialog.model.index(0, WHY)
        assert why.data() == "Before an import (from before peerdesk 0.2)"
        tooltip = why.data(Qt.ItemDataRole.ToolTipRole)
        assert ADOPTED in tooltip and "_before-import_" in tooltip and not old.exists()
    finally:
        services.close()
