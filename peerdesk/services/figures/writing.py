"""Writing an export safely (see `peerdesk.files`): a coordinator never finds half a file (a
full disk or a crash leaves the old one), and a failure is told in plain words."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from peerdesk import files
from peerdesk.errors import PeerdeskError


class ExportError(PeerdeskError):
    """An export could not be written (the folder, the disk, or a file open elsewhere)."""


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist: please choose another place.")
    try:
        with files.atomic_path(target) as temporary:
            yield temporary
    except OSError as error:
        raise ExportError(_why(error, target)) from error


def _why(error: OSError, where: Path) -> str:
    return (
        f"The file could not be saved in {where} ({error.strerror or type(error).__name__}). "
        "Check the disk has space, the folder is not read-only, and the file is not open in "
        "another program."
    )
