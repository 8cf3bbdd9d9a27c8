"""Where peerdesk keeps its files. Built once in main() and passed down, never global."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "peerdesk"
APP_AUTHOR = "peerdesk"
DATABASE_FILE_NAME = "peerdesk.db"


@dataclass(frozen=True)
class Paths:
    """Folders for one run of peerdesk, and the database file it opens."""

    data_dir: Path
    backup_dir: Path
    export_dir: Path
    log_dir: Path
    config_dir: Path
    database: Path

    @classmethod
    def under(cls, home: Path, database: Path | None = None) -> Paths:
        """Every folder inside `home`: used by tests and by a portable install."""
        home = home.expanduser().resolve()
        return cls(
            data_dir=home / "data",
            backup_dir=home / "backups",
            export_dir=home / "exports",
            log_dir=home / "logs",
            config_dir=home / "config",
            database=(database or home / "data" / DATABASE_FILE_NAME).expanduser().resolve(),
        )

    @classmethod
    def for_user(cls, database: Path | None = None) -> Paths:
        """The platform's usual folders, with `--db`, `PEERDESK_DB` and `PEERDESK_HOME` applied.

        `PEERDESK_HOME` puts every folder under one directory (tests, USB-stick installs).
        """
        if database is None and os.environ.get("PEERDESK_DB"):
            database = Path(os.environ["PEERDESK_DB"])
        if os.environ.get("PEERDESK_HOME"):
            return cls.under(Path(os.environ["PEERDESK_HOME"]), database)
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        data_dir = Path(dirs.user_data_dir)
        return cls(
            data_dir=data_dir,
            backup_dir=data_dir / "backups",
            export_dir=Path(platformdirs.user_documents_dir()) / "peerdesk exports",
            log_dir=Path(dirs.user_log_dir),
            config_dir=Path(dirs.user_config_dir),
            database=(database or data_dir / DATABASE_FILE_NAME).expanduser().resolve(),
        )

    def ensure(self) -> None:
        """Create the folders peerdesk writes to (not the export folder: made when used)."""
        for folder in (
            self.data_dir,
            self.backup_dir,
            self.log_dir,
            self.config_dir,
            self.database.parent,
        ):
            folder.mkdir(parents=True, exist_ok=True)


def resource_path(*parts: str) -> Path:
    """A file shipped inside the package (fonts, icons, texts); works frozen too."""
    return Path(__file__).resolve().parent.joinpath("resources", *parts)
