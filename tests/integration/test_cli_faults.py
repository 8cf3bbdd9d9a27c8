"""Issue 25, point 2: a folder, a pipe or a device as --db, the import file or --out, and a
full disk or a read-only folder, each end in exit code 2 and a sentence saying what to do,
with no file created or changed.

The command runs in this process (`main`), so a FIFO that were opened would hang the test:
the tests carry a timeout only through the suite's own, and pass only because nothing opens it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from peerdesk import files as files_module
from peerdesk.cli.main import main
from peerdesk.data import instance_lock


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every entry under `folder`: its type bits, size and (for files) bytes."""
    seen: dict[str, tuple[int, int, bytes | None]] = {}
    for path in sorted(folder.rglob("*")):
        info = os.lstat(path)
        body = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
        seen[str(path.relative_to(folder))] = (stat.S_IFMT(info.st_mode), info.st_size, body)
    return seen


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a folder, a FIFO and (as PEERDESK_HOME) peerdesk's own folders."""
    monkeypatch.setenv("PEERDESK_HOME", str(tmp_path / "home"))
    (tmp_path / "a-folder").mkdir()
    os.mkfifo(tmp_path / "a-fifo")
    return tmp_path


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("name", "kind"), [("a-folder", "is a folder"), ("a-fifo", "is a pipe (FIFO)")]
)
def test_db_that_is_not_a_file_is_refused_and_nothing_made(
    place: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    before = snapshot(place)
    err = refused(["--db", str(place / name), "check"], capsys)
    assert kind in err and "Give --db the path of a peerdesk database file" in err
    # Not even peerdesk's own folders or a lock file: refused before anything is made.
    assert snapshot(place) == before


def test_db_that_is_a_device_is_refused(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(["--db", os.devnull, "check"], capsys)
    assert "is a device" in err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not (place / "home").exists()


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a-folder", "is a folder"), ("a-fifo", "is a pipe (FIFO)"), (os.devnull, "is a device")],
)
def test_import_or_restore_of_something_not_a_file_is_refused(
    place: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    db = place / "people.db"
    before = snapshot(place)
    err = refused(["--db", str(db), "import", str(place / name)], capsys)
    assert kind in err and "Choose the .xlsx or .csv file itself." in err
    assert snapshot(place) == before
    err = refused(["--db", str(db), "restore", str(place / name)], capsys)
    assert kind in err and "Give the path of a peerdesk backup file" in err
    assert snapshot(place) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["figures", "--year", "2025", "--format", "csv"],
        ["export", "people", "--format", "csv"],
        ["expenses", "--year", "2025", "--format", "csv"],
    ],
)
@pytest.mark.parametrize(
    ("name", "kind"),
    [("a-folder", "is a folder"), ("a-fifo", "is a pipe (FIFO)"), (os.devnull, "is a device")],
)
def test_out_onto_something_not_a_file_is_refused(
    place: Path, capsys: pytest.CaptureFixture[str], argv: list[str], name: str, kind: str
) -> None:
    db = place / "people.db"
    before = snapshot(place)
    out = str(place / name)
    err = refused(["--db", str(db), *argv, "--out", out], capsys)
    assert kind in err and "peerdesk writes only ordinary files" in err
    assert snapshot(place) == before
    # /dev/null is still the device, not a regular file put in its place.
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_full_disk_when_taking_the_lock_leaves_no_lock_file(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    before = snapshot(place)

    def no_space(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(instance_lock.os, "write", no_space)
    err = refused(["--db", str(db), "check"], capsys)
    assert "The disk is full" in err and "Free some space" in err
    assert not instance_lock.lock_path_for(db).exists()
    after = snapshot(place)
    # The log file may have grown; the database and its folder are as they were.
    assert {k: v for k, v in after.items() if not k.startswith("home/")} == {
        k: v for k, v in before.items() if not k.startswith("home/")
    }


def test_read_only_folder_when_taking_the_lock_is_a_sentence(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated where the lock file is opened (root ignores a chmod'ed folder)."""
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    before = _outside_home(place)

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(instance_lock, "open", refuse, raising=False)
    err = refused(["--db", str(db), "check"], capsys)
    assert "could not open the database" in err and "is read-only" in err
    assert "Choose another folder" in err
    assert _outside_home(place) == before


def test_full_disk_while_writing_an_export_leaves_no_file(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    out = place / "people.csv"
    out.write_text("the old list\n", encoding="utf-8")
    before = snapshot(place)

    real_fsync = os.fsync

    def no_space(descriptor: int) -> None:
        # Only the export's own file: the database keeps working so the fault is the write's.
        if os.path.basename(os.readlink(f"/proc/self/fd/{descriptor}")).endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the export's file from the database's")
    monkeypatch.setattr(os, "fsync", no_space)
    err = refused(
        ["--db", str(db), "export", "people", "--format", "csv", "--out", str(out)], capsys
    )
    assert "could not be written (No space left on device)" in err
    assert "the disk has space" in err
    assert out.read_text(encoding="utf-8") == "the old list\n"
    after = snapshot(place)
    assert {k: v for k, v in after.items() if not k.startswith("home/")} == {
        k: v for k, v in before.items() if not k.startswith("home/")
    }


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root writes into a read-only folder regardless of chmod; run as a normal user",
)
def test_out_into_a_read_only_folder_is_refused(
    place: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    shut = place / "shut"
    shut.mkdir()
    shut.chmod(0o555)
    try:
        err = refused(
            ["--db", str(db), "export", "people", "--format", "csv", "--out", str(shut / "x.csv")],
            capsys,
        )
        assert "read-only" in err
        assert list(shut.iterdir()) == []
    finally:
        shut.chmod(0o755)


def test_whole_file_writes_never_replace_a_pipe_or_folder(place: Path) -> None:
    """The app's exports share `files.write_*`: they too refuse to put a file in place of a
    pipe or folder (a FIFO here, never /dev/null: were the guard broken, the test would
    replace the real device)."""
    from peerdesk.errors import PeerdeskError
    from peerdesk.files import write_bytes

    for name in ("a-fifo", "a-folder"):
        before = snapshot(place)
        with pytest.raises(PeerdeskError, match="peerdesk will not write over it"):
            write_bytes(place / name, b"figures")
        assert snapshot(place) == before


def _outside_home(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """The snapshot without peerdesk's own folders (its log file grows with every run)."""
    return {k: v for k, v in snapshot(folder).items() if not k.startswith("home")}


def _full_disk_for_part_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC when a whole-file write syncs its temporary `.part` file (the database's own
    syncs go on, so the fault is the file's)."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell a .part file's descriptor from the database's")
    real_fsync = os.fsync

    def no_space(descriptor: int) -> None:
        if os.readlink(f"/proc/self/fd/{descriptor}").endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", no_space)


def test_full_disk_while_a_form_is_written_is_a_sentence_not_a_bug(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No service translates a blank form's PDF write: the command line's safety net does."""
    before = _outside_home(place)
    _full_disk_for_part_files(monkeypatch)
    out = place / "referral.pdf"
    err = refused(["--db", str(place / "none.db"), "form", "referral", "--out", str(out)], capsys)
    assert "The disk is full, so peerdesk could not finish" in err and "Free some space" in err
    assert _outside_home(place) == before


def test_full_disk_at_the_backup_before_an_import_imports_nothing(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    sheet = place / "people.csv"
    sheet.write_text(
        "First name,Last name,Date of birth\nRuth,Campbell,10/10/1970\n", encoding="utf-8"
    )
    capsys.readouterr()
    backups = sorted((place / "home" / "backups").glob("*.db"))

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    err = refused(["--db", str(db), "import", str(sheet)], capsys)
    assert "The disk is full, so peerdesk could not save the backup" in err
    monkeypatch.undo()
    assert sorted((place / "home" / "backups").glob("*.db")) == backups
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM person").fetchone() == (0,)


def test_read_only_folder_for_out_is_a_sentence(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a chmod'ed folder stays writable, so the refusal the system would give is
    simulated where the temporary file is made."""
    db = place / "people.db"
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    before = _outside_home(place)

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files_module.tempfile, "mkstemp", refuse)
    out = place / "history.csv"
    err = refused(["--db", str(db), "history", "--format", "csv", "--out", str(out)], capsys)
    assert "read-only, or you do not have permission" in err
    assert "Choose another folder" in err
    assert _outside_home(place) == before
