"""Disk and file faults, each turned into its own plain-English message in this one place.

SQLite and the operating system report trouble as error codes (SQLITE_FULL, ENOSPC, EROFS,
"database is locked", a Windows sharing violation...). A coordinator needs to know which of a
few things went wrong and what to do about it, so every layer that writes a file passes its
errors through `translate_faults`, which raises one of the `StorageProblem` subclasses below.
"""

from __future__ import annotations

import contextlib
import errno
import logging
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from peerdesk.data.engine import DRIVER_ERRORS
from peerdesk.errors import DatabaseDamagedError, PeerdeskError

log = logging.getLogger(__name__)

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

#: What `translate_faults` looks at: the system's errors and both SQLite modules'.
_FAULTS: tuple[type[Exception], ...] = (OSError, DBAPIError, *DRIVER_ERRORS)

# Windows: "the process cannot access the file because another process has locked it".
WINDOWS_SHARING_VIOLATIONS = {32, 33}


class StorageProblem(PeerdeskError):
    """Something about the disk or a file stopped peerdesk writing. Subclasses say what."""


class DiskFullError(StorageProblem):
    pass


class ReadOnlyLocationError(StorageProblem):
    pass


class FileLockedError(StorageProblem):
    pass


class BackupTargetMissingError(StorageProblem):
    pass


class DiskError(StorageProblem):
    """Any other read or write failure reported by the system."""


def disk_full(action: str) -> DiskFullError:
    return DiskFullError(
        f"The disk is full, so peerdesk could not {action}. Nothing was half-saved. "
        "Free some space (empty the recycle bin, delete old downloads), then try again."
    )


def read_only(action: str, path: Path | None) -> ReadOnlyLocationError:
    where = f"the folder {path.parent}" if path is not None else "this folder"
    return ReadOnlyLocationError(
        f"peerdesk could not {action}: {where} is read-only, or you do not have permission "
        "to change it. Nothing was changed. Choose another folder, or ask whoever looks "
        "after this computer."
    )


def locked(action: str, path: Path | None) -> FileLockedError:
    name = f"The file {path.name}" if path is not None else "The database file"
    return FileLockedError(
        f"{name} is being used by another program (perhaps a backup, sync or antivirus "
        f"program), so peerdesk could not {action}. Nothing was changed. Wait a minute and "
        "try again, or close the other program."
    )


def target_missing(folder: Path) -> BackupTargetMissingError:
    return BackupTargetMissingError(
        f"The backup folder {folder} cannot be found. If it is on a USB stick or an external "
        "disk, plug it in and try again, or choose another backup folder."
    )


def damaged(action: str) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        f"peerdesk could not {action} because the database file is damaged. Nothing more was "
        "changed, and nothing more can be saved to it. Restore your newest good backup: "
        "peerdesk offers it on Today and each time it opens."
    )


def is_damaged_page(error: BaseException) -> bool:
    """Whether SQLite met a damaged page ("database disk image is malformed")."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    return code == SQLITE_CORRUPT or "malformed" in str(error).lower()


def describe(
    error: BaseException, *, action: str, path: Path | None = None
) -> PeerdeskError | None:
    """The plain-English problem for a low-level `error`.

    None for errors that are not disk or file faults (a broken constraint is a bug, not the
    coordinator's problem, and must surface as one).
    """
    if isinstance(error, PeerdeskError):
        return error
    if isinstance(error, DBAPIError) and error.orig is not None:
        error = error.orig
    if isinstance(error, DRIVER_ERRORS):
        return _describe_sqlite(error, action=action, path=path)
    if isinstance(error, OSError):
        return _describe_os(error, action=action, path=path)
    return DiskError(
        f"peerdesk could not {action} because of a problem with the disk. Nothing was "
        "half-saved. Try again; if it happens again, ask for help."
    )


def _describe_sqlite(error: Exception, *, action: str, path: Path | None) -> PeerdeskError | None:
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error).lower()
    if code == SQLITE_FULL or "disk is full" in text:
        return disk_full(action)
    if code == SQLITE_READONLY or "readonly" in text:
        return read_only(action, path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text:
        return locked(action, path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
        return damaged(action)
    if code == SQLITE_CANTOPEN or "unable to open" in text:
        if path is not None and not path.parent.exists():
            return target_missing(path.parent)
        return read_only(action, path)
    if code == SQLITE_IOERR or "disk i/o" in text:
        return DiskError(
            f"peerdesk could not {action} because of a problem reading or writing the disk. "
            "Nothing was half-saved. Try again; if it happens again, ask for help."
        )
    return None


def _describe_os(error: OSError, *, action: str, path: Path | None) -> PeerdeskError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return disk_full(action)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(action, path)
    if (
        error.errno in (errno.EBUSY, errno.ETXTBSY)
        or getattr(error, "winerror", None) in WINDOWS_SHARING_VIOLATIONS
    ):
        return locked(action, path)
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        missing = Path(error.filename).parent if error.filename else path
        return target_missing(missing if missing is not None else Path("."))
    reason = error.strerror or "an unknown error"
    return DiskError(
        f"peerdesk could not {action} ({reason}). Nothing was half-saved. Try again; if it "
        "happens again, ask for help."
    )


@contextlib.contextmanager
def translate_faults(action: str, path: Path | None = None) -> Iterator[None]:
    """Re-raise disk and file errors inside the block as a plain-English `PeerdeskError`.

    `action` completes "peerdesk could not ...", e.g. "save the backup".
    """
    try:
        yield
    except PeerdeskError:
        raise
    except _FAULTS as error:
        problem = describe(error, action=action, path=path)
        if problem is None:
            raise
        log.warning("%s failed: %s -> %s", action, type(error).__name__, type(problem).__name__)
        raise problem from error
