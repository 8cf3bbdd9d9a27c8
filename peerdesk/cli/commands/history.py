"""`peerdesk history`: the change log for an auditor, as a CSV file.

peerdesk history --format csv --out history.csv
peerdesk history --person 12 --format csv --out person-12-history.csv
peerdesk history --from 2026-04-01 --to 2027-03-31 --format csv --out year.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerdesk.cli.arguments import iso_date
from peerdesk.cli.context import CommandContext
from peerdesk.errors import ValidationError
from peerdesk.services.history.export import write_csv


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "history",
        help="save the history of changes (who changed what, when and why) to a CSV file",
        description="Save the history of changes as a CSV file, one row per field changed: "
        "when, who, the change set and its description and reason, the record, the action, "
        "the field, and its old and new value. All of it, one person's (their own record and "
        "every record about them), or the changes made between two dates.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--person", type=int, metavar="ID", help="only this person's history")
    which.add_argument(
        "--from", dest="start", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="end", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD), included"
    )
    parser.add_argument("--format", required=True, choices=["csv"], help="the kind of file")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="PATH", help="the file to write (replaced)"
    )
    parser.set_defaults(handler=run, _parser=parser)


def run(context: CommandContext) -> int:
    args = context.args
    if (args.start is None) != (args.end is None):
        args._parser.error("--from and --to go together: give the first and the last day")
    if args.person is not None and args.end is not None:
        args._parser.error("use either --person or --from and --to, not both")
    if not args.out.parent.is_dir():
        raise ValidationError(
            f"The folder {args.out.parent} does not exist. Choose a folder that does.", "out"
        )
    with context.services() as services:
        history = services.history
        if args.person is not None:
            services.people.get(args.person)  # a plain "could not be found" for a wrong number
            views = history.for_person(args.person)
            which = f"person {args.person}"
        elif args.start is not None:
            views = history.between(args.start, args.end)
            which = f"{args.start.isoformat()} to {args.end.isoformat()}"
        else:
            views = history.everything()
            which = "everything"
        rows = history.export_rows(views)
        write_csv(rows, args.out)
    print(f"History ({which}): {len(views)} change sets, {len(rows)} rows saved to {args.out}.")
    return 0
