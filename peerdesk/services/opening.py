"""Opening a database: the one door the desktop app, the `peerdesk` command, the unlock
dialog and the recovery code all go through.

`open_services` locks the file (one peerdesk at a time), checks it, backs it up and migrates
it if it comes from an older peerdesk, tidies its backup folder, and returns the `Services` of
that database. It raises the plain errors the callers already handle: `PassphraseNeededError`
or `WrongPassphraseError` for an encrypted file without the right passphrase (nothing is
changed then), and the `DatabaseProblem`s of `peerdesk.errors` for a damaged, lost, foreign
or newer file, or one open elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.data.database import open_database
from peerdesk.data.keys import Passphrase, PassphraseNeededError, WrongPassphraseError
from peerdesk.paths import Paths
from peerdesk.services.base import Clock
from peerdesk.services.container import Services
from peerdesk.services.safety.integrity_watch import refuse_known_damage

__all__ = [
    "OpeningNotice",
    "Passphrase",
    "PassphraseNeededError",
    "Services",
    "WrongPassphraseError",
    "open_services",
    "opening_notice",
]


def open_services(
    paths: Paths,
    passphrase: str | Passphrase | None = None,
    *,
    lock: bool = True,
    allow_fresh: bool = False,
    today: Clock = date.today,
) -> Services:
    """Open the database at `paths.database` (its backups in `paths.backup_dir`).

    `passphrase` opens an encrypted file, and makes a missing or empty one a new encrypted
    database. `lock=False` is for a caller that already holds the database's instance lock
    (recovery); `allow_fresh` starts an empty database even where backups of a lost one exist,
    when the coordinator has chosen to.
    """
    key = _key(passphrase)
    # Damage found while the file was last open (the weekly check, or a save) may pass the
    # quick check on open: refuse it all the same, so recovery offers the last good backup.
    refuse_known_damage(paths.database, paths.config_dir, key)
    database = open_database(
        paths.database,
        backup_dir=paths.backup_dir,
        lock=lock,
        allow_fresh=allow_fresh,
        key=key,
    )
    services = Services(database, today)
    services.concerns.release_holds()  # concern names kept after an erasure, once due
    return services


@dataclass(frozen=True)
class OpeningNotice:
    """Something the coordinator should be told once the database is open (it opened fine)."""

    title: str
    text: str


def opening_notice(services: Services) -> OpeningNotice | None:
    """What opening did that the coordinator must hear about: a write-ahead log of another
    copy of the database set aside (`peerdesk.data.walstate`). None usually."""
    aside = services.db.foreign_wal
    if aside is None:
        return None
    return OpeningNotice(
        title="A file beside your database was set aside",
        text=(
            "A write-ahead log beside your database did not belong to it, perhaps copied "
            f"from another computer. It was set aside as {aside.name} (in {aside.parent}) "
            "and not used. Nothing in your database was changed. If you expected recent "
            "changes that are missing, ask for help and keep that file."
        ),
    )


def _key(passphrase: str | Passphrase | None) -> Passphrase | None:
    if isinstance(passphrase, str):
        return Passphrase(passphrase) if passphrase else None  # nothing typed: no passphrase
    return passphrase
