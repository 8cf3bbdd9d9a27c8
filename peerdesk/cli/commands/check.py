"""`peerdesk check`: integrity and foreign-key checks with a plain report.

The check never changes the file it judges: it reads the database read-only, and a -wal beside
it is replayed into a private copy, never into the file (`peerdesk.data.integrity`).
"""

from __future__ import annotations

import argparse
from typing import Any

from peerdesk.cli.context import CommandContext
from peerdesk.services.safety.health import HealthReport, check_file_untouched


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check the database for damage and broken links",
        description="Check the database for damage and broken links, without changing it. "
        "Exits 0 when healthy, 1 when not.",
    )
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    report = _check_untouched(context)
    if report is None:
        # No file yet (or not a regular file): opening it the usual way makes a new database,
        # or says plainly why it cannot.
        with context.services() as services:
            report = services.health.check(full=True)
    print(f"Checking {context.paths.database}")
    for line in report.lines():
        print(line)
    return 0 if report.healthy else 1


def _check_untouched(context: CommandContext) -> HealthReport | None:
    """The read-only check, asking for the passphrase of an encrypted file as opening does
    (`CommandContext.open_services`): from the environment for automation, else typed."""
    path = context.paths.database.expanduser().resolve()
    return context.with_passphrase(lambda key: check_file_untouched(path, key))
