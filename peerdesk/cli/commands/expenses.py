"""`peerdesk expenses`: the expenses ledger for the treasurer, written to a file.

peerdesk expenses --year 2025 --format xlsx --out expenses-2025.xlsx
peerdesk expenses --from 2025-04-01 --to 2025-06-30 --format csv --out quarter.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerdesk.cli.arguments import iso_date
from peerdesk.cli.context import CommandContext
from peerdesk.services.expenses.views import pounds
from peerdesk.services.figures.period import long_date


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "expenses",
        help="save the expense claim lines of a year or dates for the treasurer",
        description="Save every expense claim line dated in a reporting year or between two "
        "dates (volunteer, date, kind, miles, rates, amount, receipt, status, approved, paid "
        "and how, project), then the totals paid, approved and submitted. --year 2025 is the "
        "reporting year that starts in 2025, exactly as in 'peerdesk figures'.",
    )
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=int, metavar="YYYY", help="the reporting year starting then")
    when.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        metavar="DATE",
        help="first day (YYYY-MM-DD), with --to",
    )
    parser.add_argument(
        "--to", dest="end", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD), included"
    )
    parser.add_argument(
        "--format", required=True, choices=["csv", "xlsx"], help="the kind of file to write"
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="the file to write (replaced if it exists)",
    )
    parser.set_defaults(handler=run, _parser=parser)


def run(context: CommandContext) -> int:
    args = context.args
    if args.start is not None and args.end is None:
        args._parser.error("--from needs --to: give the last day too")
    if args.year is not None and args.end is not None:
        args._parser.error("use either --year or --from and --to, not both")
    if args.end is not None and args.start is None:
        args._parser.error("--to needs --from: give the first day too")
    if args.start is not None and args.end < args.start:
        args._parser.error("--to is before --from: please swap them")
    with context.services() as services:
        period = services.figures.year(args.year) if args.year is not None else None
        start, end = (period.start, period.end) if period else (args.start, args.end)
        summary = services.expenses.export(start, end, args.format, args.out)
    print(
        f"{summary.lines} expense lines from {long_date(start)} to {long_date(end)} saved to "
        f"{args.out}: paid {pounds(summary.paid_pence)}, approved not yet paid "
        f"{pounds(summary.approved_pence)}, submitted {pounds(summary.submitted_pence)}."
    )
    return 0
