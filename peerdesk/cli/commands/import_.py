"""`peerdesk import` and `peerdesk export`: spreadsheets in, lists out.

`peerdesk import FILE [--mapping FILE] [--dry-run]` prints what would be (or was) imported
and every problem; it exits 0 when imported, 2 when refused. `peerdesk import --template DIR`
writes blank templates. `peerdesk export people|sessions --format xlsx|csv --out PATH`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peerdesk.cli.context import CommandContext
from peerdesk.services.importing import (
    DuplicateChoice,
    ImportPreview,
    ImportSettings,
    read_and_preview,
)
from peerdesk.services.importing.fields import FIELDS
from peerdesk.services.importing.model import RowKey
from peerdesk.services.importing.settings import MappingStore, load_settings
from peerdesk.services.importing.templates import write_templates

EXIT_OK = 0
EXIT_REFUSED = 2


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="import people, pairings, sessions or group attendance from a spreadsheet",
        description="Import records from an XLSX or CSV file. Everything is checked first; "
        "nothing is written if there is a problem. Exits 0 when imported, 2 when refused.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="the .xlsx or .csv file")
    parser.add_argument(
        "--mapping",
        metavar="FILE",
        help="a saved column mapping: a .json file, or the name of one saved in the app",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check and show what would happen; write nothing"
    )
    parser.add_argument(
        "--duplicates",
        choices=[c.value for c in DuplicateChoice],
        default=DuplicateChoice.SKIP.value,
        help="what to do with likely duplicates of people already recorded (default: skip)",
    )
    parser.add_argument(
        "--template", metavar="DIR", help="write blank XLSX and CSV templates into DIR and stop"
    )
    parser.set_defaults(handler=run)

    export: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="export the people or sessions list to XLSX or CSV",
        description="Write the people or sessions list to a spreadsheet file.",
    )
    export.add_argument("what", choices=["people", "sessions"])
    export.add_argument("--format", choices=["xlsx", "csv"], default=None)
    export.add_argument("--out", metavar="PATH", required=True, help="the file to write")
    export.set_defaults(handler=run_export)


def run(context: CommandContext) -> int:
    args = context.args
    if args.template:
        for path in write_templates(Path(args.template).expanduser()):
            print(f"Wrote {path}")
        return EXIT_OK
    if not args.file:
        print("peerdesk import: give the FILE to import (or --template DIR).")
        return EXIT_REFUSED
    saved = _mapping(context, args.mapping) if args.mapping else None
    path = Path(args.file).expanduser()
    with context.services() as services:
        source, preview = read_and_preview(services.importing, path, saved)
        choices: dict[RowKey, DuplicateChoice] = {}
        if source is not None and preview.duplicates:
            choice = DuplicateChoice(args.duplicates)
            choices = {row.key: choice for row in preview.duplicates}
            if choice is not DuplicateChoice.SKIP:
                # Skipping is what the first preview assumed: only another choice changes it
                # (previewing 50,000 rows again doubled the wait).
                preview = services.importing.preview(source, preview.settings, choices)
        if source is None or preview.blocking or args.dry_run or not preview.can_import:
            _print(preview, dry_run=args.dry_run)
            return EXIT_REFUSED if preview.blocking else EXIT_OK
        result = services.importing.run(source, preview.settings, choices, context.paths.backup_dir)
    _print(result, dry_run=False)
    return EXIT_OK if result.committed or not result.blocking else EXIT_REFUSED


def run_export(context: CommandContext) -> int:
    args = context.args
    out = Path(args.out).expanduser()
    with context.services() as services:
        try:
            if args.what == "people":
                count = services.exporting.people(out, args.format)
            else:
                count = services.exporting.sessions(out, args.format)
        except OSError as error:
            # A folder that is not there, a file in the way, a full or read-only disk: the
            # coordinator can fix it, so say so plainly (exit 2), not as a fault in peerdesk.
            print(
                f"peerdesk: {out} could not be written ({error.strerror or error}). Check the "
                "folder exists, is not read-only and the disk has space.",
                file=sys.stderr,
            )
            return EXIT_REFUSED
    noun = args.what if count != 1 else {"people": "person", "sessions": "session"}[args.what]
    print(f"Wrote {count} {noun} to {out}")
    return EXIT_OK


def _mapping(context: CommandContext, text: str) -> ImportSettings:
    path = Path(text).expanduser()
    if path.exists():
        return load_settings(path)
    return MappingStore(context.paths.config_dir / "import-mappings").load(text)


def _print(preview: ImportPreview, *, dry_run: bool) -> None:
    print(f"Import from {preview.file.name}")
    for name, mapping in preview.settings.sheets.items():
        if not mapping.included or mapping.kind is None:
            continue
        labels = {spec.key: spec.label for spec in FIELDS[mapping.kind]}
        used = [f"{heading} → {labels[key]}" for heading, key in mapping.columns.items() if key]
        print(f"  Sheet {name}: {mapping.kind.label.lower()}, headings on row {mapping.header_row}")
        if used:
            print("    columns: " + "; ".join(used))
    print("Summary:")
    for line in preview.summary_lines():
        print(f"  {line}")
    duplicates = preview.duplicates
    if duplicates:
        print(f"Likely duplicates ({len(duplicates)}):")
        for row in duplicates:
            assert row.duplicate is not None and row.choice is not None
            print(
                f"  row {row.row}: {row.description} looks like {row.duplicate.name} "
                f"({row.duplicate.reason}) — {row.choice.label.lower()}"
            )
    blocking = preview.blocking
    notes = [p for p in preview.problems if not p.blocking]
    if blocking:
        print(f"Problems ({len(blocking)}):")
        for problem in blocking:
            print(f"  {problem.line()}")
    if notes:
        print(f"Notes ({len(notes)}):")
        for problem in notes:
            print(f"  {problem.line()}")
    if blocking:
        print(
            "Nothing was imported: fix the problems above in the file (or the mapping) and "
            "import it again."
        )
    elif dry_run:
        print("Dry run: nothing was written.")
    elif preview.committed:
        print(
            "Imported." + (f" A backup was made first: {preview.backup}" if preview.backup else "")
        )
    else:
        print("Nothing needed importing: everything in the file is already in peerdesk.")
