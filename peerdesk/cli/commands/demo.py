"""`peerdesk demo`: fill an empty database with fictional records to explore."""

from __future__ import annotations

import argparse
from typing import Any

from peerdesk.cli.context import CommandContext
from peerdesk.services.demo import DemoOptions


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="fill an empty database with realistic, fictional demo records",
        description="Fill an empty database with realistic, fictional records (about 40 "
        "mentors, 150 mentees and carers, 3 groups) over the last N years.",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="the same seed always gives the same records (default 1)",
    )
    parser.add_argument("--years", type=int, default=3, help="years of history (default 3)")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply the number of people (benchmarks use large scales)",
    )
    parser.add_argument(
        "--force", action="store_true", help="delete every record in this database first"
    )
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    args = context.args
    with context.services() as services:
        summary = services.demo.generate(
            DemoOptions(seed=args.seed, years=args.years, scale=args.scale, force=args.force)
        )
    print(f"Demo records created in {context.paths.database}:")
    for line in summary.lines():
        print(f"  {line}")
    return 0
