"""`peerdesk change-passphrase`: change the passphrase of an encrypted database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peerdesk.cli.commands.encrypt import report
from peerdesk.cli.context import CommandContext, ask_passphrase
from peerdesk.errors import ValidationError
from peerdesk.services.safety.security import LOST_PASSPHRASE_WARNING, check_new_passphrase


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "change-passphrase",
        help="change the passphrase of an encrypted database",
        description="Change the passphrase of an encrypted database. A backup is made first; "
        "the backups in peerdesk's backup folders change to the new passphrase too (backups "
        "kept elsewhere, such as on a USB stick that is not plugged in, keep the old one).",
    )
    parser.set_defaults(handler=run)


def run(context: CommandContext) -> int:
    with context.services() as services:
        if not services.security.is_encrypted or context.key is None:
            raise ValidationError(
                "This database is not encrypted. To encrypt it, use 'peerdesk encrypt'."
            )
        print(LOST_PASSPHRASE_WARNING, file=sys.stderr)
        new = ask_passphrase("New passphrase: ")
        strength = check_new_passphrase(new)
        print(f"Strength: {strength.words}. {strength.advice}", file=sys.stderr)
        again = ask_passphrase("Type it again: ")
        result = services.security.change_passphrase(context.key.reveal(), new, again)
    print(f"The passphrase of {context.paths.database.name} has been changed.")
    report(result, verb="Re-keyed")
    return 0
