"""The register of backups kept beside the backups themselves, one small file per folder.

A backup's file name already says which database it belongs to (the identity tag, see
`peerdesk.data.backup`), so the names are the truth and nothing is lost if this file is. The
register adds what a name cannot say, and what must be known when the database itself is
missing or damaged and cannot be asked:

- `databases`: each database identity and the path it was last opened at, so that "the
  database at this path is missing, but there are backups of it" is decided by identity, not
  by file name (another database called peerdesk.db has its own identity);
- `backups`: each backup's database, reason and time, and whether it was *adopted*: made by
  an older peerdesk under an old name, and renamed and claimed on the first start after the
  upgrade.

The file is written whole to a temporary name and renamed over the old one (never half
written), under a lock, because two peerdesk windows on two databases may share a folder.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from peerdesk import files
from peerdesk.data.backup import (
    COMPANION_SUFFIXES,
    PART_SUFFIX,
    STAMP_FORMAT,
    backup_file_name,
    identity_tag,
    parse_backup_name,
    parse_old_backup_name,
    remove_quietly,
)

log = logging.getLogger(__name__)

REGISTRY_NAME = "peerdesk-backups.json"
LOCK_NAME = "peerdesk-backups.lock"
FORMAT = 1
#: How long to wait for another peerdesk that is updating the register of the same folder.
LOCK_WAIT_SECONDS = 10.0


@dataclass
class Registry:
    """The register of one backup folder (see the module's description)."""

    databases: dict[str, dict[str, str]] = field(default_factory=dict)
    backups: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: False when there was no register, or it could not be read.
    found: bool = True

    def identities_at(self, database: Path, folder: Path | None = None) -> set[str]:
        """The identities of the databases last opened at `database`.

        Without a readable register (lost, damaged), the tags of the backups in `folder` with
        `database`'s file stem stand in: better to offer a same-named database's backup than
        to hide a lost database's own. (`backup_files` accepts a tag for an identity.)
        """
        if not self.found and folder is not None:
            return _tags_with_stem(folder, database.stem)
        wanted = _normal(database)
        return {
            identity
            for identity, entry in self.databases.items()
            if _normal(Path(entry.get("path", ""))) == wanted
        }

    def is_adopted(self, backup: Path) -> bool:
        return bool(self.backups.get(backup.name, {}).get("adopted", False))

    def as_json(self) -> str:
        # Not `found`: a register that has been written is one that is found.
        content = {"format": FORMAT, "databases": self.databases, "backups": self.backups}
        return json.dumps(content, indent=1, sort_keys=True)


@dataclass(frozen=True)
class Tidied:
    """What `tidy` did in one folder."""

    partial_files_removed: int = 0
    adopted: list[Path] = field(default_factory=list)


def read(folder: Path) -> Registry:
    """The register of `folder` as it is on disk (empty if there is none, or it is unreadable).

    Unreadable is not an error: the backups' own names rebuild it at the next `tidy`.
    """
    try:
        content = json.loads((folder / REGISTRY_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Registry(found=False)
    except (OSError, ValueError) as error:
        log.warning("backup register unreadable, rebuilt from names: %s", type(error).__name__)
        return Registry(found=False)
    if not isinstance(content, dict):
        return Registry(found=False)
    databases = content.get("databases")
    backups = content.get("backups")
    return Registry(
        databases=databases if isinstance(databases, dict) else {},
        backups=backups if isinstance(backups, dict) else {},
    )


@contextlib.contextmanager
def updating(folder: Path) -> Iterator[Registry]:
    """Read the register of `folder` under its lock, and write it back if the block changed it."""
    with _folder_lock(folder):
        registry = read(folder)
        before = registry.as_json()
        yield registry
        if registry.as_json() != before:
            _write(folder, registry)


def record(
    folder: Path,
    backup: Path,
    *,
    identity: str,
    database: Path,
    reason: str,
    made_at: datetime,
    adopted: bool = False,
) -> None:
    """Note a finished backup (already under its final name) in its folder's register."""
    with updating(folder) as registry:
        _note_database(registry, identity, database)
        registry.backups[backup.name] = _entry(identity, reason, made_at, adopted=adopted)


def forget(folder: Path, backups: list[Path]) -> None:
    """Drop deleted backups (rotation) from the register."""
    if not backups:
        return
    with updating(folder) as registry:
        for backup in backups:
            registry.backups.pop(backup.name, None)


def claim(
    folder: Path, backup: Path, *, identity: str, database: Path, adopted: bool
) -> Path | None:
    """Give a backup with an old, untagged name its proper name, and record it.

    Returns the new path (None if the name is not a backup name at all).
    """
    with updating(folder) as registry:
        _note_database(registry, identity, database)
        return _claim(registry, folder, backup, identity, database, adopted=adopted)


def holds_any(folder: Path, database: Path) -> bool:
    """Whether `folder` holds anything of peerdesk's: its register or lock, a backup (whole,
    half-written or with an old name of `database`'s). A folder that holds none needs no care,
    and gets no register until a backup is really made in it."""
    for candidate in folder.iterdir():
        name = candidate.name
        if name in (REGISTRY_NAME, LOCK_NAME) or _partial_of(name) is not None:
            return True
        if parse_backup_name(name) is not None:
            return True
        old = parse_old_backup_name(name)
        if old is not None and old.stem == database.stem:
            return True
    return False


def tidy(folder: Path, *, identity: str, database: Path, adopt: bool) -> Tidied:
    """Start-up care of one backup folder for the database `identity` at `database`.

    Removes this database's half-written backups (a `.part` left by a crash: never a finished
    backup, never another database's), adopts backups with old names and this database's file
    stem when `adopt` (an existing database, not one just created), records any of its backups
    the register does not know (a crash between the rename and the record) and forgets those
    whose file is gone. The caller holds the database's instance lock, so none of its backups
    is being written meanwhile.
    """
    if not folder.is_dir():
        return Tidied()
    removed = 0
    adopted: list[Path] = []
    tag = identity_tag(identity)
    with updating(folder) as registry:
        _note_database(registry, identity, database)
        for candidate in sorted(folder.iterdir()):
            name = candidate.name
            partial = _partial_of(name)
            if partial is not None:
                if _ours(partial, tag, database) or partial == REGISTRY_NAME:
                    remove_quietly(candidate)
                    removed += 1
                continue
            parsed = parse_backup_name(name)
            if parsed is not None:
                if parsed.tag == tag and name not in registry.backups:
                    registry.backups[name] = _entry(identity, parsed.reason, parsed.made_at)
                continue
            old = parse_old_backup_name(name)
            if adopt and old is not None and old.stem == database.stem and candidate.is_file():
                new = _claim(registry, folder, candidate, identity, database, adopted=True)
                if new is not None:
                    adopted.append(new)
        for name in [name for name in registry.backups if not (folder / name).exists()]:
            del registry.backups[name]
    if removed or adopted:
        log.info(
            "backup folder tidied: %d partial files removed, %d adopted", removed, len(adopted)
        )
    return Tidied(partial_files_removed=removed, adopted=adopted)


def note_folder(folder: Path, *, identity: str, database: Path, chosen: Path | None) -> None:
    """Note in `folder` (peerdesk's own backup folder) that this database's backups go to
    `chosen` (None: here). The setting itself is in the database, which is what is missing
    when a lost database's backups are looked for: this note is how they are found."""
    with updating(folder) as registry:
        _note_database(registry, identity, database)
        entry = registry.databases[identity]
        if chosen is None:
            entry.pop("backup_folder", None)
        else:
            entry["backup_folder"] = str(chosen)


def noted_folders(folder: Path, database: Path) -> list[Path]:
    """The folders `note_folder` noted in `folder` for the databases last opened at `database`."""
    wanted = _normal(database)
    return sorted(
        {
            Path(entry["backup_folder"])
            for entry in read(folder).databases.values()
            if isinstance(entry, dict)
            and entry.get("backup_folder")
            and _normal(Path(entry.get("path", ""))) == wanted
        }
    )


def old_backups(folder: Path, database: Path) -> list[Path]:
    """Backups with old, untagged names and `database`'s file stem, not yet adopted."""
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        parsed = parse_old_backup_name(candidate.name)
        if parsed is not None and parsed.stem == database.stem and candidate.is_file():
            found.append(candidate)
    return found


def _tags_with_stem(folder: Path, stem: str) -> set[str]:
    if not folder.is_dir():
        return set()
    parsed = [parse_backup_name(path.name) for path in folder.iterdir()]
    return {name.tag for name in parsed if name is not None and name.tag and name.stem == stem}


def _partial_of(name: str) -> str | None:
    """For a half-written file (`x.db.part`, or the journal SQLite kept beside it), `x.db`."""
    for suffix in (PART_SUFFIX, *(PART_SUFFIX + companion for companion in COMPANION_SUFFIXES)):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def _ours(name: str, tag: str, database: Path) -> bool:
    parsed = parse_backup_name(name)
    if parsed is not None:
        return parsed.tag == tag
    old = parse_old_backup_name(name)
    return old is not None and old.stem == database.stem


def _claim(
    registry: Registry,
    folder: Path,
    backup: Path,
    identity: str,
    database: Path,
    *,
    adopted: bool,
) -> Path | None:
    old = parse_old_backup_name(backup.name)
    if old is None:
        return None
    when = old.made_at
    target = folder / backup_file_name(database, old.reason, when, identity)
    while target.exists():
        when += timedelta(seconds=1)
        target = folder / backup_file_name(database, old.reason, when, identity)
    files.move(backup, target)
    registry.backups[target.name] = _entry(identity, old.reason, when, adopted=adopted)
    return target


def _entry(
    identity: str, reason: str, made_at: datetime, *, adopted: bool = False
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "database": identity,
        "reason": reason,
        "made_at": made_at.strftime(STAMP_FORMAT),
    }
    if adopted:
        entry["adopted"] = True
    return entry


def _note_database(registry: Registry, identity: str, database: Path) -> None:
    # Updated, not replaced: the entry may also say where the backups go (`note_folder`).
    entry = registry.databases.get(identity)
    if not isinstance(entry, dict):
        entry = registry.databases[identity] = {}
    entry.update(path=str(database), name=database.name)


def _normal(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _write(folder: Path, registry: Registry) -> None:
    part = folder / (REGISTRY_NAME + PART_SUFFIX)
    with (
        files.atomic_path(folder / REGISTRY_NAME, temporary=part) as temporary,
        open(temporary, "w", encoding="utf-8") as handle,
    ):
        handle.write(registry.as_json())


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An operating-system lock on the folder's lock file (released by the system on a crash)."""
    handle = open(folder / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                # Another peerdesk is writing this folder's register: it takes milliseconds.
                time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
