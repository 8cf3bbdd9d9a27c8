"""One peerdesk at a time per database file.

An operating-system lock on a small file beside the database: it is released by the system
when the process ends, however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from peerdesk.data.faults import translate_faults
from peerdesk.errors import DatabaseInUseError


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    def __init__(self, database: Path) -> None:
        self.path = lock_path_for(database)
        self._handle: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        with translate_faults("open the database", self.path):
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise DatabaseInUseError(
                "This database is already open in another peerdesk window or program. "
                "Switch to that window, or close it and try again."
            ) from None
        try:
            with translate_faults("open the database", self.path):
                # Straight to the descriptor, unbuffered: a failed write leaves nothing in a
                # buffer for close() to try (and fail) again.
                os.ftruncate(handle.fileno(), 0)
                os.write(handle.fileno(), str(os.getpid()).encode("ascii"))
        except BaseException:
            # A full disk can fail the write after the file was made: let go of it and
            # remove it, so no empty lock file is left behind.
            self._handle = handle
            self.release()
            raise
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
            with contextlib.suppress(OSError):
                self.path.unlink()

    @property
    def held(self) -> bool:
        return self._handle is not None


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
