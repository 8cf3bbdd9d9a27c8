"""What a subcommand runs with: paths, the open database and the services."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from peerdesk.data.database import Database, open_database
from peerdesk.paths import Paths
from peerdesk.services import Services


@dataclass
class CommandContext:
    args: argparse.Namespace
    paths: Paths

    @contextlib.contextmanager
    def services(self) -> Iterator[Services]:
        """Open the database (backing up and migrating if needed) for the command's work."""
        database: Database = open_database(self.paths.database, backup_dir=self.paths.backup_dir)
        try:
            yield Services(database)
        finally:
            database.close()


def paths_from(args: argparse.Namespace) -> Paths:
    database = Path(args.db) if getattr(args, "db", None) else None
    return Paths.for_user(database)
