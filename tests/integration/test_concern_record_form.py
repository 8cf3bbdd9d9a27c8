"""`peerdesk form concern-record --concern ID`: one concern read back with pdfplumber (about,
raised, category, level, what happened, immediate action, who was told, referral, actions,
outcome, closure and the coordinator's signature); blank, its boxes; an unknown concern is
refused with exit code 2, a plain message and no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernInput
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


@pytest.fixture
def concern_db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "concerns.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(
            OrganisationDetails(name="Far North Peers", coordinator_name="Jo Smith")
        )
        person = services.people.add(
            PersonDetails(first_name="Morag", last_name="Innes"), roles=[Role.MENTEE]
        )
        concern = services.concerns.raise_concern(
            ConcernInput(
                raised_on=date(2026, 6, 1),
                what="Said she had stopped taking her medication",
                about_person_id=person.id,
                category="Mental health crisis",
                level="urgent",
                action_taken="Rang the crisis team with her",
                who_was_told="Coordinator",
            )
        )
        services.concerns.refer(
            concern.id, referred_to="Her GP", referred_on=date(2026, 6, 2), reference="GP-77"
        )
        services.concerns.add_action(concern.id, "Phone her on Friday", date(2026, 6, 5))
        services.concerns.close(concern.id, on=date(2026, 6, 10), outcome="Back on medication")
    finally:
        db.close()
    return path, concern.id


def text_of(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def test_the_record_holds_the_whole_concern(concern_db: tuple[Path, int], tmp_path: Path) -> None:
    path, concern_id = concern_db
    out = tmp_path / "concern.pdf"
    args = ["--db", str(path), "form", "concern-record", "--concern", str(concern_id)]
    assert main([*args, "--out", str(out)]) == 0
    text = text_of(out)
    for words in (
        "Concern record",
        "Morag Innes",
        "1 June 2026",
        "Mental health crisis",
        "Urgent",
        "Said she had stopped taking her medication",
        "Rang the crisis team with her",
        "Her GP",
        "2 June 2026",
        "GP-77",
        "Phone her on Friday",
        "5 June 2026",
        "Back on medication",
        "10 June 2026",
        "Jo Smith",
    ):
        assert words in text, words


def test_blank_it_has_boxes_to_write_in(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    assert main(["form", "concern-record", "--out", str(out)]) == 0
    text = text_of(out)
    for words in ("What happened", "Immediate action", "Referred to", "Follow-up actions"):
        assert words in text
    assert "Morag" not in text


def test_an_unknown_concern_is_refused_with_nothing_written(
    concern_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = concern_db
    out = tmp_path / "concern.pdf"
    args = ["--db", str(path), "form", "concern-record", "--concern", "999", "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "concern could not be found (number 999)" in err
    assert "Traceback" not in err and not out.exists()


def test_a_concern_fills_in_only_the_concern_record(
    concern_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, concern_id = concern_db
    out = tmp_path / "x.pdf"
    args = ["--db", str(path), "form", "supervision", "--concern", str(concern_id)]
    assert main([*args, "--out", str(out)]) == 2
    assert "peerdesk form concern-record --concern ID" in capsys.readouterr().err
    assert not out.exists()


def test_the_form_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form", "--list"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert "concern-record" in names
