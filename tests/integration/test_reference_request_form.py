"""`peerdesk form reference-request --reference ID`: the letter to a volunteer's referee,
read back with pdfplumber: the referee, the volunteer, how they know them, the coordinator's
sign-off and the reply section; blank, it keeps its wording with boxes; an unknown reference
is refused with exit code 2, a plain message and no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


@pytest.fixture
def reference_db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "references.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(
            OrganisationDetails(name="Far North Peers", coordinator_name="Jo Smith")
        )
        person = services.people.add(
            PersonDetails(first_name="Catriona", last_name="Wheeler"), roles=[Role.MENTOR]
        )
        reference = services.references.add(
            person.id or 0,
            referee_name="Donald Bain",
            relationship="Former manager",
            contact="donald.bain@example.org",
            requested_on=date(2026, 6, 1),
        )
    finally:
        db.close()
    return path, reference.id


def text_of(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def test_the_letter_names_the_referee_and_the_volunteer(
    reference_db: tuple[Path, int], tmp_path: Path
) -> None:
    path, reference_id = reference_db
    out = tmp_path / "request.pdf"
    code = main(
        [
            "--db",
            str(path),
            "form",
            "reference-request",
            "--reference",
            str(reference_id),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    text = text_of(out)
    assert "Donald Bain donald.bain@example.org" in text
    assert "About: Catriona Wheeler Dear Donald Bain," in text
    assert (
        "Catriona Wheeler has applied to volunteer as a peer mentor with Far North Peers and "
        "has given your name as a referee as their former manager." in text
    )
    assert "Yours sincerely, Jo Smith Peer support coordinator, Far North Peers" in text
    assert "Reply: reference" in text
    assert "Would you recommend them as a peer mentor?" in text


def test_blank_it_has_boxes_to_write_in(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    assert main(["form", "reference-request", "--out", str(out)]) == 0
    text = text_of(out)
    assert "About (the volunteer)" in text
    assert "the volunteer named below has applied to volunteer as a peer mentor" in text
    assert "Catriona" not in text


def test_an_unknown_reference_is_refused_with_nothing_written(
    reference_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _reference_id = reference_db
    out = tmp_path / "request.pdf"
    code = main(
        ["--db", str(path), "form", "reference-request", "--reference", "999", "--out", str(out)]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "That reference could not be found (number 999)" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_reference_fills_in_only_the_request_letter(
    reference_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference_id = reference_db
    out = tmp_path / "x.pdf"
    code = main(
        [
            "--db",
            str(path),
            "form",
            "supervision",
            "--reference",
            str(reference_id),
            "--out",
            str(out),
        ]
    )
    assert code == 2
    assert "--reference fills in the reference request letter" in capsys.readouterr().err
    assert not out.exists()


def test_the_form_is_listed_by_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form", "--list"]) == 0
    assert "reference-request  " in capsys.readouterr().out
