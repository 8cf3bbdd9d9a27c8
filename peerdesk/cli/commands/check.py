"""`peerdesk check`: integrity and foreign-key checks with a plain report."""

from __future__ import annotations

import argparse
from typing import Any

from peerdesk.cli.context import CommandContext


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check the database for damage and broken links",
        description="Check the database for damage and broken links. Exits 0 when healthy, "
        "1 when not.",
    )
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    with context.services() as services:
        report = services.health.check(full=True)
    print(f"Checking {context.paths.database}")
    for line in report.lines():
        print(line)
    return 0 if report.healthy else 1
