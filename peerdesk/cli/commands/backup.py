"""`peerdesk backup [--to PATH]`: a checked backup of the database, now."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerdesk.cli.context import CommandContext


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "backup",
        help="make a checked backup of the database now",
        description="Make a backup of the database with SQLite's online backup API, check it, "
        "and keep it under a name that says when it was made, in the backup folder chosen in "
        "the app's settings. Older backups are thinned out as chosen there (usually the 5 "
        "newest, 7 daily, 4 weekly and 12 monthly are kept).",
    )
    parser.add_argument(
        "--to",
        metavar="PATH",
        help="the folder to put this backup in, e.g. a USB stick (default: the folder chosen "
        "in the app's settings, or peerdesk's own backup folder)",
    )
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    folder = Path(context.args.to).expanduser() if context.args.to else None
    with context.services() as services:
        if folder is not None:
            services.backups.choose_folder(folder)
        info = services.backups.back_up("manual")
        risks = services.backups.location_risks()
    print(f"Backup saved: {info.path}")
    print(f"Size: {info.size_text}. Holds {info.counts_text}.")
    for risk in risks:
        print(f"Warning: {risk.message}")
    return 0
