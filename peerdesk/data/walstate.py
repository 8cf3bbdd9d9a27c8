"""Knowing our own write-ahead log from another copy's (issue 25, point 3).

SQLite replays whatever `peerdesk.db-wal` lies beside the database when it is opened. A sync
program or a USB copy can bring back the -wal of another copy of the same database (the
laptop's older copy): SQLite would apply its pages over ours, silently. A -wal is recognised by
the salts in its 32-byte header (https://www.sqlite.org/fileformat2.html#walformat): they are
chosen afresh each time a log is started (two random words) or restarted (salt-1 + 1, salt-2
random), and every frame carries them. Two copies of one database never share them.

So peerdesk records the salts of its own log in a small side file beside the database,
`peerdesk.db.walstate` (JSON: the salts, the checkpoint sequence, the database's size, its
modification time and inode, when, and two flags), and on open judges the -wal against it (`verdict`):

- no -wal, an empty one, or one holding no committed transaction: nothing to replay ("none");
- the recorded salts: ours ("ours"), and SQLite replays it;
- a log restarted from the recorded one (salt-1 + 1 and checkpoint sequence + 1): ours,
  restarted after the last record and before the next (a kill in between);
- the record says a new log was about to be started ("pending"): ours;
- no side file (a database last closed by peerdesk 0.3 or earlier, or copied in), or one that
  cannot be read, or a clean-close record whose size, modification time or inode no longer
  match the file (the database file itself was replaced since, with its log): trusted as
  ours, as before: the limit;
- anything else is another copy's log ("foreign"): `set_aside` renames it before any
  connection touches the file, and the caller reports it.

Keeping the record true (`WalTracker`, driven by the engine's events in
`peerdesk.data.engine`): before a COMMIT that writes rows while no log of ours exists (SQLite
will start one with salts nobody can predict), the record is marked "pending", so a kill
between the commit and the next record still finds the log ours; when the connection is
handed back, its header is read (32 bytes) and recorded if it changed. Every record is
written whole and synced (`peerdesk.files`), so a power cut cannot leave the commit on the
disk without the "pending" mark before it. The engine closes its connection after each
transaction and SQLite then folds the log away, so most saves start a log: about 1.5 ms more
per save (two small synced files) on a save of about 4 ms, measured. Writing the record never
breaks a save: a failure is logged (without the path), and the next save tries again.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from peerdesk import files
from peerdesk.errors import PeerdeskError

log = logging.getLogger(__name__)

__all__ = [
    "WalHeader",
    "WalRecord",
    "WalTracker",
    "forget",
    "judge",
    "read_header",
    "read_record",
    "record_now",
    "set_aside",
    "side_file",
    "take_unreported",
    "tracker_for",
    "verdict",
]

SIDE_SUFFIX = ".walstate"
HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
#: The two magic numbers: the last bit says whether checksums read words big-endian.
MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
RECORD_VERSION = 1


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def side_file(database: Path) -> Path:
    return database.with_name(database.name + SIDE_SUFFIX)


@dataclass(frozen=True)
class WalHeader:
    page_size: int
    checkpoint: int
    salt1: int
    salt2: int
    #: "<" or ">": how the log's checksums read their words.
    order: str

    @property
    def salts(self) -> tuple[int, int]:
        return (self.salt1, self.salt2)


def read_header(wal: Path) -> WalHeader | None:
    """The header of the -wal `wal`; None when there is no log to speak of (missing, empty,
    shorter than a header, or not a log: SQLite ignores and overwrites such a file)."""
    try:
        with open(wal, "rb") as stream:
            raw = stream.read(HEADER_BYTES)
    except OSError:
        return None
    if len(raw) < HEADER_BYTES:
        return None
    magic, _version, page_size, checkpoint, salt1, salt2 = struct.unpack(">6I", raw[:24])
    order = MAGIC.get(magic)
    if order is None or not _checksum_ok(raw[:24], order, (0, 0), raw[24:32]):
        return None
    return WalHeader(page_size, checkpoint, salt1, salt2, order)


def _checksum(data: bytes, order: str, seed: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `seed`."""
    s0, s1 = seed
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _checksum_ok(data: bytes, order: str, seed: tuple[int, int], stored: bytes) -> bool:
    return _checksum(data, order, seed) == struct.unpack(">2I", stored)


def holds_commit(wal: Path, header: WalHeader) -> bool:
    """Whether the log holds a committed transaction SQLite would replay: a frame carrying
    the header's salts, with a good checksum chain, that ends a transaction. Stops at the
    first one (a log of ours after a kill usually holds one in its first frames)."""
    frame_bytes = FRAME_HEADER_BYTES + header.page_size
    try:
        with open(wal, "rb") as stream:
            raw = stream.read(HEADER_BYTES)
            seed = struct.unpack(">2I", raw[24:32])
            while True:
                frame = stream.read(frame_bytes)
                if len(frame) < frame_bytes:
                    return False
                _page, committed, salt1, salt2 = struct.unpack(">4I", frame[:16])
                if (salt1, salt2) != header.salts:
                    return False
                seed = _checksum(frame[:8] + frame[FRAME_HEADER_BYTES:], header.order, seed)
                if seed != struct.unpack(">2I", frame[16:24]):
                    return False
                if committed:
                    return True
    except OSError:
        return False


@dataclass(frozen=True)
class WalRecord:
    """What the side file says about the database's log."""

    #: The salts of the log last seen (None: no log then).
    salts: tuple[int, int] | None
    checkpoint: int | None
    database_size: int
    when: str
    #: A log was about to be started by peerdesk (its salts not yet known).
    pending: bool = False
    #: Written when peerdesk closed the database cleanly (the size is then the file's own).
    closed: bool = False
    #: The file's modification time and inode then: another file put in its place (a copy,
    #: a sync program's rename) differs, even at the same size.
    database_mtime_ns: int | None = None
    database_inode: int | None = None

    def same_file(self, database: Path) -> bool:
        try:
            status = database.stat()
        except OSError:
            return False
        return (self.database_size, self.database_mtime_ns, self.database_inode) == (
            status.st_size,
            status.st_mtime_ns,
            status.st_ino,
        )


def read_record(database: Path) -> WalRecord | None:
    """The side file's record; None when there is none or it cannot be read."""
    try:
        data = json.loads(side_file(database).read_text(encoding="utf-8"))
        salts = data["salts"]
        return WalRecord(
            salts=(int(salts[0]), int(salts[1])) if salts is not None else None,
            checkpoint=int(data["checkpoint"]) if data["checkpoint"] is not None else None,
            database_size=int(data["database_size"]),
            when=str(data["when"]),
            pending=bool(data.get("pending", False)),
            closed=bool(data.get("closed", False)),
            database_mtime_ns=_optional_int(data.get("database_mtime_ns")),
            database_inode=_optional_int(data.get("database_inode")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        log.warning("WAL record unreadable: treated as absent")
        return None


def _optional_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def current_record(database: Path, *, pending: bool = False, closed: bool = False) -> WalRecord:
    header = read_header(wal_of(database))
    try:
        status: os.stat_result | None = database.stat()
    except OSError:
        status = None
    return WalRecord(
        salts=header.salts if header else None,
        checkpoint=header.checkpoint if header else None,
        database_size=status.st_size if status else 0,
        when=datetime.now().isoformat(timespec="seconds"),
        pending=pending,
        closed=closed,
        database_mtime_ns=status.st_mtime_ns if status else None,
        database_inode=status.st_ino if status else None,
    )


def write_record(database: Path, record: WalRecord) -> bool:
    """Put `record` in the side file, atomically and synced (`peerdesk.files`: a temporary
    file, fsync, `os.replace`, the folder synced). Never raises: False when it could not be
    written (logged without the path)."""
    data = asdict(record)
    data["version"] = RECORD_VERSION
    try:
        files.write_bytes(side_file(database), json.dumps(data).encode("utf-8"))
    except (OSError, PeerdeskError) as error:
        log.warning("WAL record not written: %s", type(error).__name__)
        return False
    return True


def verdict(database: Path) -> str:
    """Whose is the -wal beside `database`: "none", "ours", "untracked" (no usable record:
    trusted as ours) or "foreign" (see the module docstring). Reads files only."""
    wal = wal_of(database)
    header = read_header(wal)
    if header is None or not holds_commit(wal, header):
        return "none"
    record = read_record(database)
    if record is None:
        return "untracked"
    if record.pending or record.salts == header.salts:
        return "ours"
    if record.salts is not None and record.checkpoint is not None:
        restarted = (
            header.salt1 == (record.salts[0] + 1) & 0xFFFFFFFF
            and header.checkpoint == (record.checkpoint + 1) & 0xFFFFFFFF
        )
        if restarted:
            return "ours"
    if record.closed and not record.same_file(database):
        # Closed cleanly, yet the file changed since: it was replaced with its log (a copy
        # of both, a sync program): the record describes the file that was there before.
        log.info("WAL record is of another database file: the -wal is trusted")
        return "untracked"
    return "foreign"


def set_aside(database: Path, when: datetime | None = None) -> Path:
    """Rename the -wal beside `database` to `<name>-wal.foreign-<YYYYMMDD-HHMMSS>` (kept, never
    deleted) and remove the -shm, which indexes that log. Returns the new path. The caller
    holds the instance lock, and no connection to the file is open."""
    wal = wal_of(database)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = files.first_free(lambda extra: wal.with_name(f"{wal.name}.foreign-{stamp}{extra}"))
    files.move(wal, target)
    database.with_name(database.name + "-shm").unlink(missing_ok=True)
    log.warning("a write-ahead log of another copy of the database was set aside")
    return target


#: Logs set aside by `judge` and not yet reported by a successful open (an encrypted file is
#: judged before its passphrase is proven: a wrong one, then the right one, is one open).
_unreported: dict[Path, Path] = {}


def judge(database: Path, when: datetime | None = None) -> Path | None:
    """Before any connection touches `database`: set a foreign -wal aside. Returns where it
    went, or None. Reads nothing but the -wal's frames and the side file."""
    if verdict(database) != "foreign":
        return None
    target = set_aside(database, when)
    _unreported[Path(os.path.abspath(database))] = target
    return target


def take_unreported(database: Path) -> Path | None:
    """The log `judge` set aside for `database` since it was last opened, once."""
    return _unreported.pop(Path(os.path.abspath(database)), None)


def record_now(database: Path, *, closed: bool = False) -> None:
    """Record the log as it is now (after a checkpoint, on open, at clean close). Never raises."""
    tracker_for(database).record(closed=closed)


def forget(database: Path) -> None:
    """The database file was replaced (restore, encryption): record it afresh if it is tracked,
    so a record of the old file's log never judges the new file's."""
    if side_file(database).exists():
        tracker_for(database).record()


class WalTracker:
    """Keeps one database's side file true while peerdesk writes it (see the module docstring).

    One per database path, shared by every engine on it; a lock orders the threads.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = threading.Lock()

    def _known(self) -> WalRecord | None:
        # Read each time (a few hundred bytes), never cached: another process (a forked
        # writer, `peerdesk check`, the next start) may have written it since.
        return read_record(self.database)

    def before_commit(self) -> None:
        """A COMMIT that wrote rows is about to run. If no log of ours exists now, SQLite
        starts one with new random salts: say so first, durably ("pending")."""
        with self._lock:
            known = self._known()
            if known is not None and known.pending:
                return
            header = read_header(wal_of(self.database))
            if header is not None and known is not None and known.salts == header.salts:
                return  # appended to, or restarted from, a log we recorded: recognised
            record = current_record(self.database, pending=True)
            if known is not None:
                # Keep the last salts: a restart from them is still recognised.
                record = WalRecord(
                    known.salts,
                    known.checkpoint,
                    record.database_size,
                    record.when,
                    pending=True,
                    database_mtime_ns=record.database_mtime_ns,
                    database_inode=record.database_inode,
                )
            write_record(self.database, record)

    def after_transaction(self) -> None:
        """A connection is handed back: record the log's header if it changed (32 bytes read)."""
        with self._lock:
            header = read_header(wal_of(self.database))
            known = self._known()
            salts = header.salts if header else None
            if known is not None and not known.pending and known.salts == salts:
                return
            if header is None and known is not None and not known.pending:
                return  # the log was emptied or removed: the recorded salts stay harmless
            self._write(current_record(self.database))

    def record(self, *, closed: bool = False) -> None:
        with self._lock:
            self._write(current_record(self.database, closed=closed))

    def _write(self, record: WalRecord) -> None:
        write_record(self.database, record)


_trackers: dict[Path, WalTracker] = {}
_trackers_lock = threading.Lock()


def tracker_for(database: Path) -> WalTracker:
    database = Path(os.path.abspath(database))
    with _trackers_lock:
        tracker = _trackers.get(database)
        if tracker is None:
            tracker = _trackers[database] = WalTracker(database)
        return tracker
