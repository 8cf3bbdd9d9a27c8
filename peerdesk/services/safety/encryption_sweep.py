"""After encrypting or changing the passphrase: nothing the database ever wrote stays readable.

The sweep covers the database's backups in every backup folder it uses (found by identity,
whatever made them), the copies of it moved aside after damage, and leftovers of interrupted
work (half-written backups, files in peerdesk's own temporary folders). Then it looks at every
file in the data folder, the backup folders and peerdesk's temporary folders, and lists any
SQLite file that is still readable without the current passphrase (or, after a change, with
the old one). The DEMO database of fictional people is the one exception, by name.

Files peerdesk did not write for this database (another database's, or something else) are
never changed: they are reported, so the coordinator knows they are there.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from peerdesk.data import registry
from peerdesk.data.backup import (
    PART_SUFFIX,
    backup_files,
    identity_tag,
    parse_backup_name,
    parse_old_backup_name,
    remove_quietly,
)
from peerdesk.data.database import WORK_SUFFIXES, Database
from peerdesk.data.encryption import (
    change_passphrase,
    encrypt_backups,
    encrypt_file,
    is_plain_database,
    opens_with,
    rekey_backups,
)
from peerdesk.data.keys import Passphrase, is_encrypted_file, salt_for
from peerdesk.errors import PeerdeskError

log = logging.getLogger(__name__)

#: The demo database of fictional people (`peerdesk.ui.first_run.DEMO_FILE_NAME`): the one
#: file, with its backups, allowed to stay plain. Matched by name only.
DEMO_FILE_NAME = "demo.db"
#: peerdesk's own temporary folders start so (`peerdesk.ui.security.private_files.PREFIX`).
TEMP_PREFIX = "peerdesk-"


@dataclass(frozen=True)
class Sweep:
    #: This database's files now under the current passphrase (backups, copies moved aside).
    rekeyed: list[Path] = field(default_factory=list)
    #: Leftovers of interrupted work removed (half-written copies, temporary files).
    removed: list[Path] = field(default_factory=list)
    #: This database's files still readable without the passphrase: they could not be read
    #: to convert them (damaged). Reported, never deleted.
    left: list[Path] = field(default_factory=list)
    #: Readable database files that peerdesk did not write for this database: left alone.
    not_ours: list[Path] = field(default_factory=list)


def temp_folders() -> list[Path]:
    """peerdesk's own folders in the system's temporary folder."""
    base = Path(tempfile.gettempdir())
    return sorted(path for path in base.glob(f"{TEMP_PREFIX}*") if path.is_dir())


def sweep(
    db: Database, backup_folders: list[Path], key: Passphrase, old: Passphrase | None = None
) -> Sweep:
    """Bring everything the database `db` wrote under `key` (from plain, or from `old`)."""
    for folder in backup_folders:
        try:
            registry.tidy(folder, identity=db.identity, database=db.path, adopt=True)
        except OSError as error:
            log.warning("backup folder not tidied: %s", type(error).__name__)
    ours = [path for folder in backup_folders for path in backup_files(folder, db.identity)]
    rekeyed = encrypt_backups(ours, db.path, key)
    if old is not None:
        rekeyed += rekey_backups(ours, old, key)
    rekeyed += _convert_moved_aside(db, key, old)
    removed: list[Path] = []
    left: list[Path] = []
    not_ours: list[Path] = []
    temporary = temp_folders()
    for path in readable_files([db.path.parent, *backup_folders], temporary, old):
        if _is_demo(path):
            continue
        if any(path.is_relative_to(folder) for folder in temporary) or _is_our_work(db, path):
            remove_quietly(path)
            removed.append(path)
        elif _is_ours(db, path):
            left.append(path)
        else:
            not_ours.append(path)
    log.info(
        "sweep: %d files converted, %d leftovers removed, %d left readable, %d not ours",
        len(rekeyed),
        len(removed),
        len(left),
        len(not_ours),
    )
    return Sweep(rekeyed=rekeyed, removed=removed, left=left, not_ours=not_ours)


def readable_files(
    folders: list[Path], temporary: list[Path], old: Passphrase | None = None
) -> list[Path]:
    """Database files in `folders` (not their subfolders) and anywhere under `temporary`
    that anyone can read (a plain SQLite header), or that open with the `old` passphrase."""
    candidates: dict[Path, None] = {}
    for folder in folders:
        if folder.is_dir():
            candidates.update(dict.fromkeys(path for path in folder.iterdir() if path.is_file()))
    for folder in temporary:
        candidates.update(dict.fromkeys(path for path in folder.rglob("*") if path.is_file()))
    return [
        path
        for path in sorted(candidates)
        if is_plain_database(path) or (old is not None and opens_with(path, old))
    ]


def _convert_moved_aside(db: Database, key: Passphrase, old: Passphrase | None) -> list[Path]:
    """Encrypt (or re-key) the copies of this database moved aside after damage, if readable."""
    done: list[Path] = []
    for path in sorted(db.path.parent.glob(f"{db.path.stem}.damaged-*")):
        if not path.is_file() or path.name.endswith(("-wal", "-shm", "-journal")):
            continue
        try:
            if is_plain_database(path):
                encrypt_file(path, key, salt_for(db.path))
            elif old is not None and is_encrypted_file(path) and opens_with(path, old):
                change_passphrase(path, old, key)
            else:
                continue
        except PeerdeskError as error:
            log.warning("a damaged copy could not be converted: %s", type(error).__name__)
        else:
            done.append(path)
    return done


def _is_demo(path: Path) -> bool:
    if path.name == DEMO_FILE_NAME:
        return True
    parsed = parse_backup_name(path.name) or parse_old_backup_name(path.name)
    return parsed is not None and parsed.stem == Path(DEMO_FILE_NAME).stem


def _is_our_work(db: Database, path: Path) -> bool:
    """A temporary file of this database's own work (nothing else is writing it now)."""
    if path.parent == db.path.parent and path.name in {
        db.path.name + suffix for suffix in WORK_SUFFIXES
    }:
        return True
    if not path.name.endswith(PART_SUFFIX):
        return False
    parsed = parse_backup_name(path.name[: -len(PART_SUFFIX)])
    return parsed is not None and parsed.tag == identity_tag(db.identity)


def _is_ours(db: Database, path: Path) -> bool:
    parsed = parse_backup_name(path.name)
    if parsed is not None:
        return parsed.tag == identity_tag(db.identity)
    return path == db.path or path.name.startswith(f"{db.path.stem}.damaged-")
