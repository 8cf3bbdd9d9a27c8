"""`peerdesk person export` and `peerdesk person erase`."""

from __future__ import annotations

import errno
import json
from datetime import date
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY

MARKER = "Vexworthington"


@pytest.fixture
def database(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "cli.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        person = Services(db, today=lambda: TODAY).people.add(
            PersonDetails(first_name="Isla", last_name=MARKER)
        )
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    assert person.id is not None
    return path, person.id


def test_export_writes_the_pdf_and_json(
    database: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, person_id = database
    out = tmp_path / "exports"
    code = main(
        [
            "--db",
            str(path),
            "person",
            "export",
            str(person_id),
            "--out",
            str(out),
            "--received",
            "2026-01-31",
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    (folder,) = out.iterdir()
    data = json.loads((folder / "everything-we-hold.json").read_text(encoding="utf-8"))
    assert data["records"]["person"][0]["last_name"] == MARKER
    assert (folder / "everything-we-hold.pdf").read_bytes().startswith(b"%PDF")
    assert "to be answered by 2 March 2026" in printed
    assert data["records"]["subject_access_request"][0]["due_on"] == "2026-03-02"


def test_export_of_an_unknown_person_is_refused(
    database: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = database
    assert main(["--db", str(path), "person", "export", "999", "--out", str(tmp_path)]) == 2
    assert "could not be found" in capsys.readouterr().err


def test_erase_asks_first_and_does_nothing_on_no(
    database: tuple[Path, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, person_id = database
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["--db", str(path), "person", "erase", str(person_id)]) == 2
    printed = capsys.readouterr().out
    assert f"Isla {MARKER}" in printed and "Nothing was erased" in printed
    assert MARKER.encode() in path.read_bytes()


def test_erase_with_yes_erases_after_a_backup(
    database: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, person_id = database
    assert main(["--db", str(path), "person", "erase", str(person_id), "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "erased" in printed and "backup" in printed
    wal = path.with_name(path.name + "-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert MARKER.encode() not in raw
    db = open_database(path, lock=False)
    try:
        services = Services(db, today=lambda: date(2026, 6, 15))
        assert services.erasure.erased_ids() == [person_id]
    finally:
        db.close()


def test_export_onto_a_full_disk_leaves_no_folder_and_no_half_export(
    database: tuple[Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from peerdesk.services.data_protection import subject_access_pdf

    def disk_full(_data: object, path: Path) -> Path:
        path.write_bytes(b"%PDF-1.4 half")  # a part written before the disk filled
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(subject_access_pdf, "write_pdf", disk_full)
    path, person_id = database
    out = tmp_path / "exports" / "for Isla"
    code = main(["--db", str(path), "person", "export", str(person_id), "--out", str(out)])
    error = capsys.readouterr().err
    assert code == 2
    assert "disk has space" in error and "Traceback" not in error
    assert not (tmp_path / "exports").exists(), "the export left folders behind"


def test_export_again_the_same_day_replaces_both_files(
    database: tuple[Path, int], tmp_path: Path
) -> None:
    path, person_id = database
    out = tmp_path / "exports"
    args = ["--db", str(path), "person", "export", str(person_id), "--out", str(out)]
    assert main(args) == 0
    (folder,) = out.iterdir()
    (folder / "everything-we-hold.json").write_text("old", encoding="utf-8")
    assert main(args) == 0
    assert [p.name for p in out.iterdir()] == [folder.name]
    assert sorted(p.name for p in folder.iterdir()) == [
        "everything-we-hold.json",
        "everything-we-hold.pdf",
    ]
    assert json.loads((folder / "everything-we-hold.json").read_text(encoding="utf-8"))
