"""Writing or replacing a coordinator's file whole: the one place peerdesk puts a file in place.

Every export, form, backup, subject access pack and damaged-file move goes through here, so a
full disk, a crash or a power cut never leaves half a file under the real name: the new
content is written to a temporary file in the same folder, flushed to the disk, then renamed
over the target in one step (`os.replace`), and the rename itself is made durable by syncing
the folder where the system allows it. On any failure the temporary file is removed and the
old file, if there was one, is left exactly as it was.

Outside the layers (standard library only), so `peerdesk.data`, `peerdesk.forms` and the
services can all use it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from peerdesk.errors import PeerdeskError

#: How peerdesk's half-written files end, so start-up tidying and the encryption sweep know
#: them for leftovers of a crash.
PART_SUFFIX = ".part"


@contextlib.contextmanager
def atomic_path(
    target: Path,
    *,
    temporary: Path | None = None,
    discard: Callable[[Path], None] | None = None,
) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write; when the block ends without an
    error, the file is synced to the disk and put in place of `target` in one rename.

    For writers that want a path (openpyxl, the PDF makers, SQLite): `with atomic_path(target) as
    part: book.save(part)`. `temporary` names the temporary file instead of a fresh hidden
    `.<name>.<random>.part` (for backups, whose leftovers are found by name); `discard`
    removes it on failure (default: delete it; a database also leaves a journal beside it).
    The temporary file is removed on any failure, and `target` is then as it was.
    """
    target = Path(target)
    _refuse_special(target)
    folder = target.parent
    if temporary is None:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART_SUFFIX, dir=folder)
        os.close(handle)
        temporary = Path(name)
    try:
        yield temporary
        _sync_file(temporary)
        os.replace(temporary, target)
    except BaseException:
        (discard or _remove)(temporary)
        raise
    sync_folder(folder)


def write_bytes(target: Path, data: bytes) -> Path:
    """Write `data` as the whole of `target`, replacing it only once it is safely written."""
    with atomic_path(target) as temporary, open(temporary, "wb") as stream:
        stream.write(data)
    return Path(target)


def write_text(
    target: Path, text: str, *, encoding: str = "utf-8", newline: str | None = None
) -> Path:
    """Write `text` as the whole of `target` (see `write_bytes`). `newline=""` keeps line
    endings as they are in `text` (CSV writes its own)."""
    with (
        atomic_path(target) as temporary,
        open(temporary, "w", encoding=encoding, newline=newline) as stream,
    ):
        stream.write(text)
    return Path(target)


def move(source: Path, target: Path) -> Path:
    """Rename the finished file `source` to `target` (same disk) in one step, replacing
    any file there, and make the rename durable."""
    source, target = Path(source), Path(target)
    os.replace(source, target)
    sync_folder(target.parent)
    if source.parent != target.parent:
        sync_folder(source.parent)
    return target


def first_free(named: Callable[[str], Path]) -> Path:
    """The first of `named("")`, `named("-2")`, `named("-3")`… that does not exist yet: a file
    set aside is never written over, even twice in one second."""
    counter = 1
    target = named("")
    while target.exists():
        counter += 1
        target = named(f"-{counter}")
    return target


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":  # pragma: no cover - Windows
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _refuse_special(target: Path) -> None:
    """The rename would replace a folder, pipe or device node (say /dev/null) with a regular
    file: peerdesk writes only ordinary files. `os.stat` looks without opening, so a pipe
    cannot make this wait."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # nothing there yet (or unreadable: the write itself reports that)
    if not stat.S_ISREG(mode):
        raise PeerdeskError(
            f"{target} is not an ordinary file (it is a folder, a pipe or a device), so "
            "peerdesk will not write over it. Choose a file name instead."
        )


def _sync_file(path: Path) -> None:
    # Opened for writing: Windows flushes a file to the disk only through a writable handle.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
