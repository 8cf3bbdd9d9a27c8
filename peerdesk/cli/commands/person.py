"""`peerdesk person export|erase`: a person's data-protection rights, without the desktop app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peerdesk.cli.arguments import iso_date
from peerdesk.cli.context import CommandContext
from peerdesk.services.people.record_tables import long_date


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "person",
        help="export everything held about a person, or erase them",
        description="Answer a person's data-protection rights: everything we hold about them "
        "(subject access), or erasure.",
    )
    actions = parser.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write everything held about a person (PDF and JSON) into a new folder",
        description="Write everything held about the person into a new folder inside DIR: a "
        "readable PDF and a machine-readable JSON file, with the information UK GDPR says they "
        "must be given.",
    )
    export.add_argument("person_id", metavar="ID", type=int, help="the person's number")
    export.add_argument(
        "--out", metavar="DIR", required=True, type=Path, help="the folder to write into"
    )
    export.add_argument(
        "--received",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="also record a subject access request received on this date (shows the due date)",
    )
    export.set_defaults(handler=run_export)
    erase = actions.add_parser(
        "erase",
        help="erase a person's personal data everywhere (a backup is made first)",
        description="Erase the person's personal data everywhere, after a backup. Their past "
        "sessions and attendances still count in figures, but no longer name anyone. Asks for "
        "confirmation, listing what will go.",
    )
    erase.add_argument("person_id", metavar="ID", type=int, help="the person's number")
    erase.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (for automation)"
    )
    erase.set_defaults(handler=run_erase)


def run_export(context: CommandContext) -> int:
    args = context.args
    with context.services() as services:
        if args.received is not None:
            request = services.subject_access.record_request(args.person_id, args.received)
            print(
                f"Request recorded: received {long_date(request.received_on)}, "
                f"to be answered by {long_date(request.due_on)}."
            )
        result = services.subject_access.export(args.person_id, args.out)
    print(f"Everything held about person {args.person_id}: {result.record_count} records.")
    print(f"  Folder: {result.folder}")
    print(f"  PDF:    {result.pdf}")
    print(f"  JSON:   {result.json}")
    return 0


def run_erase(context: CommandContext) -> int:
    args = context.args
    with context.services() as services:
        person = services.people.get(args.person_id)
        preview = services.erasure.preview(args.person_id)
        print(f"Erasing {person.display_name} (number {args.person_id}) removes:")
        for line in preview.lines():
            print(f"  - {line}")
        print("This cannot be undone, except by restoring the backup made first.")
        if not args.yes and not _confirmed():
            print("Nothing was erased.")
            return 2
        backup = services.backups.before("erasure")
        report = services.erasure.erase(args.person_id)
        report.backup = backup.path
    print(f"Person {args.person_id} erased.")
    if report.backup is not None:
        print(f"  A backup from just before is at {report.backup}")
    if not report.checkpointed:
        print(
            "  The database was busy, so the erased words may stay in its journal until "
            "peerdesk is next closed."
        )
    return 0


def _confirmed() -> bool:
    try:
        answer = input("Type yes to erase: ")
    except EOFError:
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in {"yes", "y"}
