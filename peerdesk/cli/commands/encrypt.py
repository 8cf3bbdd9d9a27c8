"""`peerdesk encrypt`: encrypt a plain database in place (a backup is made first)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from peerdesk.cli.context import CommandContext, ask_passphrase
from peerdesk.errors import ValidationError
from peerdesk.services.security import (
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
        "AES-256). A backup is made first; the backups in peerdesk's backup folder are "
        "encrypted too. If you forget the passphrase, your records cannot be recovered. "
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


def report(result: EncryptionResult) -> None:
    if result.backup is not None:
        print(f"Backup made first: {result.backup}")
    if result.backups_encrypted:
        print(f"{result.backups_encrypted} backup(s) in peerdesk's folders are encrypted too.")
    for path in result.plain_left:
        print(f"Warning: this backup could not be encrypted and is still readable: {path}")
