"""Every file peerdesk writes for the coordinator goes through peerdesk.files: when the disk
fills at the last step, the file already there is kept as it was and no temporary file is
left beside it (the subject access pack's JSON was once written in place)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.figures import Period
from peerdesk.services.importing.templates import TEMPLATE_XLSX, write_templates
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY

Writer = Callable[[Services, Path], object]


def _figures(fmt: str) -> Writer:
    def write(services: Services, path: Path) -> object:
        report = services.figures.report(Period.reporting_year(2025))
        return services.figures.export(report, fmt, path)

    return write


WRITERS: dict[str, tuple[str, Writer]] = {
    "figures JSON": ("figures.json", _figures("json")),
    "figures CSV": ("figures.csv", _figures("csv")),
    "figures XLSX": ("figures.xlsx", _figures("xlsx")),
    "figures PDF": ("figures.pdf", _figures("pdf")),
    "people CSV": ("people.csv", lambda s, p: s.exporting.people(p, "csv")),
    "people XLSX": ("people.xlsx", lambda s, p: s.exporting.people(p, "xlsx")),
    "sessions CSV": ("sessions.csv", lambda s, p: s.exporting.sessions(p, "csv")),
    "form PDF": ("role.pdf", lambda s, p: s.printing.save("role-description", p)),
    "import template": (TEMPLATE_XLSX, lambda s, p: write_templates(p.parent)),
}


@pytest.fixture
def disk_full_at_rename(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The disk is full when the finished file would be renamed into place."""
    attempts: list[str] = []

    def refuse(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        attempts.append(Path(target).name)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    return attempts


@pytest.mark.parametrize("writer", WRITERS, ids=list(WRITERS))
def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(
    services: Services, tmp_path: Path, disk_full_at_rename: list[str], writer: str
) -> None:
    name, write = WRITERS[writer]
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    target.write_bytes(b"last month's file")
    with pytest.raises((OSError, PeerdeskError)):
        write(services, target)
    assert disk_full_at_rename == [name], "written through peerdesk.files"
    assert target.read_bytes() == b"last month's file"
    assert [p.name for p in folder.iterdir()] == [name]


def test_subject_access_pack_is_written_whole_or_not_at_all(
    services: Services, tmp_path: Path, disk_full_at_rename: list[str]
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ula")).id
    assert person_id is not None
    pack = tmp_path / "out" / f"everything-we-hold-person-{person_id}-{TODAY:%Y-%m-%d}"
    pack.mkdir(parents=True)
    (pack / "everything-we-hold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(PeerdeskError, match="could not be written"):
        services.subject_access.export(person_id, tmp_path / "out")
    # Adding Ula (with the disk already "full") also tried to update the database's own
    # write-ahead log record (peerdesk.db.walstate), which never stops a save.
    assert [n for n in disk_full_at_rename if n != "peerdesk.db.walstate"] == [
        "everything-we-hold.json"
    ]
    assert (pack / "everything-we-hold.json").read_text(encoding="utf-8") == "{}"
    assert [p.name for p in pack.iterdir()] == ["everything-we-hold.json"]


def test_subject_access_pack_holds_its_two_files_and_nothing_else(
    services: Services, tmp_path: Path
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ula")).id
    assert person_id is not None
    result = services.subject_access.export(person_id, tmp_path / "out")
    assert sorted(p.name for p in result.folder.iterdir()) == sorted(
        [result.json.name, result.pdf.name]
    )
