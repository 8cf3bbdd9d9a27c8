"""`peerdesk restore PATH`: put a backup in place of the database, safely."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from peerdesk.cli.context import CommandContext
from peerdesk.errors import PeerdeskError
from peerdesk.services.safety.recovery import is_recoverable, restore_after_problem


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (the current one is backed up first)",
        description="Replace the database with the backup at PATH. The backup is checked "
        "first; the database as it is now is backed up (or, if it is damaged, kept under a "
        "new name); people erased since the backup was made are erased again.",
    )
    parser.add_argument("path", metavar="PATH", help="the backup file to restore")
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    backup = Path(context.args.path).expanduser()
    if not backup.is_file():
        raise PeerdeskError(f"There is no backup file at {backup}. Check the name and try again.")
    with contextlib.ExitStack() as stack:
        try:
            services = stack.enter_context(context.services())
        except PeerdeskError as error:
            if not is_recoverable(error):
                raise
            # The database itself cannot be opened: keep it aside and restore in its place.
            recovered = restore_after_problem(context.paths, backup, context.key)
            print(f"Restored {recovered.restored_from}.")
            if recovered.moved_aside is not None:
                print(f"The unusable database was kept as {recovered.moved_aside}.")
            _report_erasures(recovered.erased_again)
            return 0
        result = services.backups.restore(backup)
    print(f"Restored {result.restored_from}.")
    print(f"The database as it was has been backed up to {result.safety_backup}.")
    if result.upgraded:
        print("The backup came from an older peerdesk and has been brought up to date.")
    _report_erasures(result.erased_again)
    return 0


def _report_erasures(count: int) -> None:
    if count:
        who, were = ("person", "was") if count == 1 else ("people", "were")
        print(f"{count} {who} erased since that backup was made {were} erased again.")
