"""The files a command is pointed at, checked before anything opens them.

A directory, a FIFO or a device named as `--db`, as the file to import or as `--out` would
otherwise end in a traceback, a hang (opening a FIFO waits for a writer that never comes) or,
for `--out`, a device node replaced by a regular file. So each is looked at with `os.stat`,
which never opens the file, and anything but a regular file is refused with a sentence saying
what to do. A path that does not exist yet is fine here: the command says so itself, in its
own words, or creates it.
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
from pathlib import Path

from peerdesk.errors import PeerdeskError


class NotAFileError(PeerdeskError):
    """A path given to a command is a folder, a pipe or a device rather than a file."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def existing_kind(path: Path) -> str | None:
    """`kind_of` the thing at `path` (following links), or None when nothing is there."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        # Unreadable metadata (permissions, a vanished disk): the command's own opening
        # reports it in its words; refusing here would hide the real reason.
        return None
    return kind_of(mode)


def require_file(path: Path, *, role: str, what_to_do: str) -> None:
    """Refuse `path` if something other than a regular file is there."""
    kind = existing_kind(path)
    if kind is not None:
        raise NotAFileError(f"{path} is {kind}, not a file, so it cannot be {role}. {what_to_do}")


def check_database(database: Path) -> None:
    require_file(
        database,
        role="used as the database",
        what_to_do="Give --db the path of a peerdesk database file (for example "
        "peerdesk.db), or leave --db out to use the usual one.",
    )


#: The files commands read, by (command, argument): how the message names its use, and what
#: to do instead.
_INPUTS = {
    ("import", "file"): ("imported", "Choose the .xlsx or .csv file itself."),
    ("restore", "path"): (
        "restored",
        "Give the path of a peerdesk backup file (its name ends in .db).",
    ),
}


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse an import file or an `--out` that is not a regular file, before the command
    opens the database or the file (so nothing is created or changed)."""
    command = getattr(args, "command", None)
    for (wanted, attribute), (role, what_to_do) in _INPUTS.items():
        given = getattr(args, attribute, None)
        if command == wanted and given:
            require_file(Path(given).expanduser(), role=role, what_to_do=what_to_do)
    out = getattr(args, "out", None)
    # `person export --out DIR` names a folder to make the pack in; every other --out a file.
    if out and command != "person":
        require_file(
            Path(out).expanduser(),
            role="written to",
            what_to_do="Give --out a file name in a folder you can write to, for example "
            "figures.xlsx; peerdesk writes only ordinary files.",
        )


def describe_os_error(error: OSError) -> str:
    """A sentence for a system error that reached the command line untranslated (the safety
    net under every command: the services translate the faults they expect themselves)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            "The disk is full, so peerdesk could not finish. Nothing was half-saved. Free some "
            "space (empty the recycle bin, delete old downloads), then try again."
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        where = f" ({error.filename})" if error.filename else ""
        return (
            f"peerdesk could not write where it was asked to{where}: the folder is read-only, "
            "or you do not have permission to change it. Nothing was half-saved. Choose "
            "another folder, or ask whoever looks after this computer."
        )
    if error.errno in (errno.EISDIR, errno.ENOTDIR, errno.ENXIO, errno.ENODEV):
        return (
            "peerdesk was given a folder or a device where it needs a file. Nothing was "
            "changed. Give the path of an ordinary file and try again."
        )
    reason = error.strerror or "an unknown error"
    return (
        f"peerdesk could not finish ({reason}). Nothing was half-saved. Check the disk and "
        "the folder, then try again; if it happens again, ask for help."
    )
