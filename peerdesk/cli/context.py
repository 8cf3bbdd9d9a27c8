"""What a subcommand runs with: paths, the open database and the services."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services.opening import (
    Passphrase,
    PassphraseNeededError,
    Services,
    WrongPassphraseError,
    open_services,
    opening_notice,
)
from peerdesk.services.safety.security import ENV_PASSPHRASE

T = TypeVar("T")

#: Tries at typing the passphrase before a command gives up.
PASSPHRASE_TRIES = 3


def ask_passphrase(prompt: str) -> str:
    """Read a passphrase from the terminal without showing it (tests replace this)."""
    if not sys.stdin.isatty():
        raise PeerdeskError(
            "The database is encrypted. Run the command in a terminal to type its passphrase "
            f"(or, for scheduled jobs only, set {ENV_PASSPHRASE})."
        )
    return getpass.getpass(prompt)


@dataclass
class CommandContext:
    args: argparse.Namespace
    paths: Paths
    #: The passphrase that opened the database, once known (for restores and recovery).
    key: Passphrase | None = field(default=None, repr=False)

    def open_services(self) -> Services:
        """Open the database; an encrypted one with the passphrase from the environment
        (`PEERDESK_PASSPHRASE`, for automation) or typed at a prompt. What opening did that
        the coordinator must know (another copy's -wal set aside) is one note on stderr; the
        command goes on, and its exit code is its own."""
        services = self.with_passphrase(lambda key: open_services(self.paths, key))
        notice = opening_notice(services)
        if notice is not None:
            print(f"peerdesk: note: {notice.text}", file=sys.stderr)
        return services

    def with_passphrase(self, attempt: Callable[[Passphrase | None], T]) -> T:
        """Run `attempt` with the passphrase: none, or the one from the environment, first;
        then typed at a prompt, a few times, while the database asks for one."""
        from_environment = os.environ.get(ENV_PASSPHRASE)
        if from_environment and self.key is None:
            self.key = Passphrase(from_environment)
        tries = 0
        while True:
            try:
                return attempt(self.key)
            except PassphraseNeededError:
                if tries >= PASSPHRASE_TRIES:
                    raise
            except WrongPassphraseError as error:
                if from_environment or tries >= PASSPHRASE_TRIES:
                    raise
                print(str(error), file=sys.stderr)
            typed = ask_passphrase(f"Passphrase for {self.paths.database.name}: ")
            tries += 1
            self.key = Passphrase(typed) if typed else None

    @contextlib.contextmanager
    def services(self) -> Iterator[Services]:
        """Open the database (backing up and migrating if needed) for the command's work."""
        services = self.open_services()
        try:
            yield services
        finally:
            if services.db.damaged is not None:
                # Remembered as the app does, so the next start (app or command) is led to the
                # last good backup even if the quick check on open passes.
                from peerdesk.services.safety.integrity_watch import IntegrityWatch

                IntegrityWatch.of(services, self.paths.config_dir).note_damage()
            services.close()


def paths_from(args: argparse.Namespace) -> Paths:
    database = Path(args.db) if getattr(args, "db", None) else None
    return Paths.for_user(database)
