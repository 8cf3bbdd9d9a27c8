"""Issue 25, point 2, step by step: a full disk or a read-only folder at the backup, the
import's own write and a person's export each end in exit code 2 and a sentence saying what to
do, with nothing half-saved and no stray file.

A real full or read-only disk is a tiny tmpfs when the tests run as root (as in CI); otherwise
the refusal the system would give is raised where the file is opened or written.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from peerdesk.cli.main import main
from peerdesk.data import backup as backup_module
from tests.integration.test_cli_faults import refused, snapshot
from tests.integration.test_faults_disk import mounted_tmpfs


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PEERDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "people.db"
    assert main(["--db", str(path), "check"]) == 0
    return path


def _people(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM person").fetchone()[0])


def test_backup_onto_a_full_disk_is_a_sentence_and_leaves_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "tiny-stick"
    with mounted_tmpfs(stick, "16k") as cannot:
        if cannot:
            pytest.skip(f"a tiny tmpfs for a full disk: {cannot}")
        capsys.readouterr()
        err = refused(["--db", str(database), "backup", "--to", str(stick)], capsys)
        assert "The disk is full" in err and "Free some space" in err
        assert list(stick.iterdir()) == []


def test_backup_into_a_read_only_folder_is_a_sentence_and_leaves_nothing(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "read-only-stick"
    with mounted_tmpfs(folder, "1m", read_only=True) as cannot:
        if cannot:

            def refuse(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
                raise sqlite3.OperationalError("attempt to write a readonly database")

            monkeypatch.setattr(backup_module, "connect_raw", refuse)
        capsys.readouterr()
        err = refused(["--db", str(database), "backup", "--to", str(folder)], capsys)
        assert "read-only" in err and str(folder) in err
        assert list(folder.iterdir()) == []


def test_a_full_disk_during_the_import_itself_imports_nothing(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the backup, the import's own transaction meets a full disk (SQLite's words for it
    raised where the people are written): nothing of the file is kept."""
    from peerdesk.services.importing import service as import_service

    sheet = tmp_path / "people.csv"
    sheet.write_text("First name,Last name\nRuth,Campbell\nOwen,Price\n", encoding="utf-8")

    def full(*_args: Any, **_kwargs: Any) -> dict[str, int]:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(import_service, "apply_people", full)
    capsys.readouterr()
    err = refused(["--db", str(database), "import", str(sheet)], capsys)
    assert "The disk is full" in err and "Nothing was half-saved" in err
    assert _people(database) == 0


def test_a_persons_export_into_a_read_only_folder_is_a_sentence_and_leaves_nothing(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "one.csv"
    sheet.write_text("First name,Last name\nRuth,Campbell\n", encoding="utf-8")
    assert main(["--db", str(database), "import", str(sheet)]) == 0
    folder = tmp_path / "read-only-exports"
    with mounted_tmpfs(folder, "1m", read_only=True) as cannot:
        if cannot:
            from peerdesk.services.data_protection import subject_access

            def refuse(*_args: Any, **_kwargs: Any) -> Path:
                raise PermissionError(errno.EROFS, "Read-only file system")

            monkeypatch.setattr(subject_access.files, "write_text", refuse)
        before = snapshot(folder)
        capsys.readouterr()
        err = refused(
            ["--db", str(database), "person", "export", "1", "--out", str(folder)], capsys
        )
        assert "could not be written" in err and "not read-only" in err
        assert snapshot(folder) == before
