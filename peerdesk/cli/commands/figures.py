"""`peerdesk figures`: the yearly figures for funders, written to a file.

peerdesk figures --year 2025 --publishable --format xlsx --out figures-2025.xlsx
peerdesk figures --from 2025-01-01 --to 2025-06-30 --format json --out half-year.json
peerdesk figures --year 2025 --project "HUG group" --format pdf --out hug-2025.pdf
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerdesk.cli.arguments import iso_date
from peerdesk.cli.context import CommandContext
from peerdesk.services.figures import ExportFormat, Mode, Period
from peerdesk.services.figures.views import NO_PROJECT


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "figures",
        help="work out the figures for funders for a year or dates, and save them to a file",
        description="Work out the figures for funders (see docs/figures.md for how each is "
        "counted) and save them as JSON, CSV, XLSX or a PDF report. --year 2025 is the "
        "reporting year that starts in 2025 (from the start month in Settings).",
    )
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=int, metavar="YYYY", help="the reporting year starting then")
    when.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        metavar="DATE",
        help="first day of custom dates (YYYY-MM-DD), with --to",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=iso_date,
        metavar="DATE",
        help="last day of custom dates (YYYY-MM-DD), included",
    )
    parser.add_argument(
        "--project",
        metavar="NAME",
        help="count one project only (its name, in quotes if it has spaces), or 'none' for "
        "the records with no project; without it, every record",
    )
    parser.add_argument(
        "--publishable",
        action="store_true",
        help="hide small numbers so the figures are safe to send or publish",
    )
    parser.add_argument(
        "--format",
        required=True,
        choices=[f.value for f in ExportFormat],
        help="the kind of file to write",
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
    mode = Mode.PUBLISHABLE if args.publishable else Mode.INTERNAL
    with context.services() as services:
        period = (
            services.figures.year(args.year)
            if args.year is not None
            else Period.custom(args.start, args.end)
        )
        # An unknown project is refused here, before anything is written.
        report = services.figures.report(period, mode, project=args.project)
        services.figures.export(report, args.format, args.out)
    project = report.figures.project
    whose = (
        ""
        if project is None
        else (" (records with no project)" if project == NO_PROJECT else f" ({project})")
    )
    print(f"Figures for {period.label}{whose} saved to {args.out} ({report.notice.split('.')[0]}).")
    return 0
