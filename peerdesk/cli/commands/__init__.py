"""Subcommands. Each module has `register(subparsers)`; add new ones to COMMANDS."""

from __future__ import annotations

from types import ModuleType

from peerdesk.cli.commands import (
    backup,
    change_passphrase,
    check,
    demo,
    encrypt,
    expenses,
    figures,
    form,
    history,
    import_,
    person,
    restore,
)

COMMANDS: list[ModuleType] = [demo, check, figures, backup, restore, person, import_, form]
COMMANDS += [encrypt, change_passphrase, history, expenses]
