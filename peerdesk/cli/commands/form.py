"""`peerdesk form`: print any form as a PDF, blank or filled in for a record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peerdesk.cli.context import CommandContext
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import FORMS, get_form
from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.forms.document import render_pdf, write_pdf


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "form",
        help="print a form as a PDF, blank or filled in for a record",
        description="Write a form as a PDF: blank, or filled in for one person, pairing, "
        "group, group meeting, referral, expense claim or volunteer reference. `peerdesk form --list` shows every "
        "form's name.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="the form's name, e.g. referral")
    parser.add_argument("--list", action="store_true", help="list the forms: name, then title")
    record = parser.add_mutually_exclusive_group()
    record.add_argument("--person", type=int, metavar="ID", help="fill in for this person")
    record.add_argument("--pairing", type=int, metavar="ID", help="fill in for this pairing")
    record.add_argument("--group", type=int, metavar="ID", help="fill in for this group")
    record.add_argument("--meeting", type=int, metavar="ID", help="fill in for this group meeting")
    record.add_argument(
        "--referral", type=int, metavar="ID", help="fill in a referral letter for this referral"
    )
    record.add_argument(
        "--claim", type=int, metavar="ID", help="fill in the expenses form with this claim's lines"
    )
    record.add_argument(
        "--reference",
        type=int,
        metavar="ID",
        help="fill in the reference request letter to this volunteer reference's referee",
    )
    record.add_argument(
        "--concern", type=int, metavar="ID", help="fill in the concern record for this concern"
    )
    parser.add_argument(
        "--training",
        type=int,
        metavar="ID",
        help="with --person: the training session a certificate is for "
        "(peerdesk form certificate --person ID --training ID)",
    )
    parser.add_argument(
        "--to",
        choices=["person", "referrer"],
        default="person",
        help="who a referral letter is written to (default: the person referred); a letter "
        "to the referrer needs the person's consent to share with their organisation",
    )
    parser.add_argument(
        "--large-print", action="store_true", help="large print (16 point text and bigger)"
    )
    parser.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF")
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    args = context.args
    if args.list:
        width = max(len(form.name) for form in FORMS)
        for form in FORMS:
            print(f"{form.name:<{width}}  {form.title}")
        return 0
    if not args.name:
        raise ValidationError("Name a form to print (see `peerdesk form --list`), or use --list.")
    if get_form(args.name) is None:
        raise ValidationError(
            f"There is no form called “{args.name}”. See `peerdesk form --list` for the names."
        )
    if not args.out:
        raise ValidationError("Say where to write the PDF with --out FILE.pdf.")
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise ValidationError(f"The folder {out.parent} does not exist.")
    kind, record_id = _record(args)
    if args.to != "person" and kind != "referral":
        raise ValidationError("--to referrer is for a referral letter: give the --referral ID.")
    if args.training is not None or (args.name == "certificate" and kind is not None):
        _certificate(context, args, kind, record_id, out)
        return 0
    if kind == "claim" and record_id is not None:
        if args.name != "expenses":
            raise ValidationError(
                "--claim fills in the expenses form: peerdesk form expenses --claim ID."
            )
        with context.services() as services:
            write_pdf(services.expenses.claim_form(record_id, large_print=args.large_print), out)
    elif kind == "reference" and record_id is not None:
        if args.name != "reference-request":
            raise ValidationError(
                "--reference fills in the reference request letter: "
                "peerdesk form reference-request --reference ID."
            )
        with context.services() as services:
            letter = services.references.request_letter(record_id, large_print=args.large_print)
            write_pdf(letter, out)
    elif kind == "concern" and record_id is not None:
        if args.name != "concern-record":
            raise ValidationError(
                "--concern fills in the concern record: peerdesk form concern-record --concern ID."
            )
        with context.services() as services:
            write_pdf(services.concerns.record_form(record_id, large_print=args.large_print), out)
    elif kind is None and not context.paths.database.exists():
        # A blank form needs no records: do not create a database just to print one.
        spec = get_form(args.name)
        assert spec is not None
        write_pdf(
            render_pdf(spec, FormData(), OrganisationInfo(), large_print=args.large_print), out
        )
    else:
        with context.services() as services:
            services.printing.save(
                args.name, out, kind, record_id, large_print=args.large_print, to=args.to
            )
    filled = f" for {kind} {record_id}" if kind else " (blank)"
    if kind == "referral":
        filled += f" (a letter to the {args.to})"
    print(f"Wrote {args.name}{filled} to {out}", file=sys.stderr)
    return 0


def _certificate(
    context: CommandContext,
    args: argparse.Namespace,
    kind: str | None,
    record_id: int | None,
    out: Path,
) -> None:
    """`certificate --person ID --training ID`: a certificate for one person and session."""
    if args.name != "certificate" or kind != "person" or args.training is None:
        raise ValidationError(
            "A certificate is filled in for a person and a training session they completed: "
            "peerdesk form certificate --person ID --training ID."
        )
    assert record_id is not None
    with context.services() as services:
        pdf = services.training.certificate_form(
            record_id, args.training, large_print=args.large_print
        )
        write_pdf(pdf, out)
    print(
        f"Wrote certificate for person {record_id}, training session {args.training}, to {out}",
        file=sys.stderr,
    )


def _record(args: argparse.Namespace) -> tuple[str | None, int | None]:
    for kind in (
        "person",
        "pairing",
        "group",
        "meeting",
        "referral",
        "claim",
        "reference",
        "concern",
    ):
        value = getattr(args, kind)
        if value is not None:
            return kind, value
    return None, None
