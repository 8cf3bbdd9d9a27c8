"""The identity of a database: a UUID stored inside it, given when it was made.

Backups belong to an identity, not to a file name (see `peerdesk.data.registry`). A copy of a
database file carries the same UUID, so a copy is told apart when it is opened: the path
recorded at the last open differs from where it is now, and the file at that old path is still
there with the same identity. The copy then gets a fresh UUID, and from then on keeps its own
backups. A database that was moved (nothing left at the old path) keeps its identity, and its
backups with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from pathlib import Path

from sqlalchemy import Engine, text

from peerdesk.data.engine import DRIVER_ERRORS, connect_raw
from peerdesk.data.faults import translate_faults
from peerdesk.data.keys import Passphrase, is_encrypted_file
from peerdesk.data.walstate import wal_of
from peerdesk.errors import PeerdeskError

log = logging.getLogger(__name__)

TABLE = "database_identity"
_READ = f"SELECT uuid, last_path FROM {TABLE} WHERE id = 1"
#: Why another file's identity may be unreadable: damaged, foreign, locked, another passphrase.
_UNREADABLE: tuple[type[Exception], ...] = (*DRIVER_ERRORS, OSError, PeerdeskError)


def new_identity() -> str:
    return str(uuid.uuid4())


def settle_identity(engine: Engine, path: Path, key: Passphrase | None = None) -> str:
    """The identity of the open database at `path`, given or renewed if need be (one write).

    Called on every open, holding the instance lock. Writes only when something changed: no
    identity yet, a copy detected (a fresh identity), or a move (the new path is recorded).
    """
    with engine.connect() as connection:
        row = connection.execute(text(_READ)).first()
    here = str(path)
    if row is not None and row[1] == here:
        return str(row[0])
    identity = str(row[0]) if row is not None else new_identity()
    # An empty last path: not opened since the identity was made (by the migration).
    if row is not None and row[1] and _is_a_copy(Path(row[1]), identity, path, key):
        identity = new_identity()
        log.info("database copy detected: given its own identity")
    with translate_faults("prepare the database", path), engine.begin() as connection:
        if row is None:
            connection.execute(
                text(f"INSERT INTO {TABLE} (id, uuid, last_path) VALUES (1, :uuid, :path)"),
                {"uuid": identity, "path": here},
            )
        else:
            connection.execute(
                text(f"UPDATE {TABLE} SET uuid = :uuid, last_path = :path WHERE id = 1"),
                {"uuid": identity, "path": here},
            )
    return identity


def set_identity(engine: Engine, path: Path, identity: str) -> None:
    """Give the database at `path` the identity `identity` (after a restore, see below)."""
    with translate_faults("prepare the restored database", path), engine.begin() as connection:
        connection.execute(text(f"DELETE FROM {TABLE}"))
        connection.execute(
            text(f"INSERT INTO {TABLE} (id, uuid, last_path) VALUES (1, :uuid, :path)"),
            {"uuid": identity, "path": str(path)},
        )


def identity_of_file(path: Path, key: Passphrase | None = None) -> str | None:
    """The identity stored in the database file at `path`, read-only; None if unknown."""
    encrypted = is_encrypted_file(path)
    if encrypted and key is None:
        return None
    untouched = not wal_of(path).exists()
    try:
        with contextlib.closing(
            connect_raw(path, read_only=True, immutable=untouched, key=key if encrypted else None)
        ) as connection:
            row = connection.execute(_READ).fetchone()
    except _UNREADABLE as error:
        log.info("identity of another file unreadable: %s", type(error).__name__)
        return None
    return str(row[0]) if row else None


def _is_a_copy(original: Path, identity: str, here: Path, key: Passphrase | None) -> bool:
    """Whether the database at `here` is a copy of the one last opened at `original`."""
    if not original.exists():
        return False  # moved (or the original is gone): the identity goes with it
    with contextlib.suppress(OSError):
        if os.path.samefile(original, here):
            return False  # the same file reached another way (a link, a renamed folder)
    found = identity_of_file(original, key)
    # Another database now at the old path: this one was moved. Unreadable: assume a copy,
    # since sharing an identity would mix two databases' backups.
    return found is None or found == identity
