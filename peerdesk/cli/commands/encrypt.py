"""`peerdesk encrypt`: encrypt a plain database in place (a backup is made first)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from peerdesk.cli.context import CommandContext, ask_passphrase
from peerdesk.errors import ValidationError
from peerdesk.services.safety.security import (
    ENV_PASSPHRASE,
    LOST_PASSPHRASE_WARNING,
    EncryptionResult,
    check_new_passphrase,
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "encrypt",
        help="encrypt the database with a passphrase (a backup is made first)",
        description="Encrypt the database in place with a passphrase you choose (SQLCipher: "
        "AES-256). A backup is made first; every backup of it in peerdesk's backup folders "
        "(whatever made it) is encrypted too, and the command lists them. If you forget the passphrase, your records cannot be recovered. "
        f"For scheduled jobs only, the passphrase can come from {ENV_PASSPHRASE}.",
    )
    parser.set_defaults(handler=run)


def new_passphrase(first_prompt: str = "New passphrase: ") -> str:
    """A new passphrase from the environment, or typed twice at the terminal."""
    from_environment = os.environ.get(ENV_PASSPHRASE)
    if from_environment:
        check_new_passphrase(from_environment)
        return from_environment
    print(LOST_PASSPHRASE_WARNING, file=sys.stderr)
    typed = ask_passphrase(first_prompt)
    strength = check_new_passphrase(typed)
    print(f"Strength: {strength.words}. {strength.advice}", file=sys.stderr)
    again = ask_passphrase("Type it again: ")
    check_new_passphrase(typed, again)
    return typed


def run(context: CommandContext) -> int:
    with context.services() as services:
        if services.security.is_encrypted:
            raise ValidationError(
                "This database is already encrypted. To change its passphrase, use "
                "'peerdesk change-passphrase'."
            )
        passphrase = new_passphrase()
        result = services.security.encrypt(passphrase)
    print(f"The database {context.paths.database.name} is now encrypted.")
    report(result)
    return 0


def report(result: EncryptionResult, *, verb: str = "Re-encrypted") -> None:
    """What else was brought under the passphrase, and anything still readable without it."""
    if result.backup is not None:
        print(f"Backup made first: {result.backup}")
    backups, copies = result.rekeyed_backups, result.rekeyed_copies
    if backups:
        print(f"{verb} {_count(len(backups), 'backup')}: {_names(backups)}")
    if copies:
        print(f"{verb} {_count(len(copies), 'copy', 'copies')} kept after damage: {_names(copies)}")
    if not result.rekeyed:
        print("There were no backups to change.")
    if result.sweep.removed:
        removed = result.sweep.removed
        print(f"Removed {_count(len(removed), 'leftover temporary file')}: {_names(removed)}")
    for path in result.plain_left:
        print(
            "Warning: this copy could not be read to encrypt it and is still readable without "
            f"the passphrase; delete it once you are sure you do not need it: {path}"
        )
    for path in result.sweep.not_ours:
        print(
            "Note: this database file was not made by peerdesk for this database, so it was "
            f"left as it is (it can be read without a passphrase): {path}"
        )


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _names(paths: list[Path]) -> str:
    return ", ".join(path.name for path in paths)
