"""`peerdesk form training-record --person ID` and `peerdesk form certificate --person ID
--training ID`, read back with pdfplumber; blank versions; unknown ids and wrong flags are
refused with exit code 2, a plain message and no file."""

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
from peerdesk.services.training.views import SessionDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


@pytest.fixture
def training_db(tmp_path: Path) -> tuple[Path, int, int, int]:
    """A database with Catriona (completed) and Donald (did not) at one session, and
    Catriona's Safeguarding done long ago (expired)."""
    path = tmp_path / "training.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(
            OrganisationDetails(name="Far North Peers", coordinator_name="Jo Smith")
        )
        catriona = services.people.add(
            PersonDetails(first_name="Catriona", last_name="Wheeler"), roles=[Role.MENTOR]
        ).id
        donald = services.people.add(
            PersonDetails(first_name="Donald", last_name="Bain"), roles=[Role.MENTOR]
        ).id
        ids = {m.name: m.id for m in services.training.modules()}
        course = services.training.record_session(
            SessionDetails(
                on=date(2026, 3, 3),
                duration_minutes=150,
                module_ids=[ids["Peer Values"], ids["Role Tension"]],
                attendees=[(catriona, True), (donald, False)],
                trainer_name="Scottish Recovery Network",
            )
        )
        services.training.record_session(
            SessionDetails(
                on=date(2023, 1, 10),
                duration_minutes=60,
                module_ids=[ids["Safeguarding"]],
                attendees=[(catriona, True)],
                trainer_name="Highland Council",
            )
        )
    finally:
        db.close()
    return path, catriona, donald, course.id


def text_of(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def form(path: Path, out: Path, *args: str) -> int:
    return main(["--db", str(path), "form", *args, "--out", str(out)])


def test_the_training_record_lists_modules_with_their_state_and_the_sessions(
    training_db: tuple[Path, int, int, int], tmp_path: Path
) -> None:
    path, catriona, _donald, _course = training_db
    out = tmp_path / "record.pdf"
    assert form(path, out, "training-record", "--person", str(catriona)) == 0
    text = text_of(out)
    assert "Training record" in text and "Catriona Wheeler" in text
    assert "Peer Values Core done 3 March 2026" in text
    assert "Role Tension Optional done 3 March 2026" in text
    assert "Safeguarding Core expired 10 January 2026" in text
    assert "Sharing our Experiences Core not done" in text
    assert "Not yet trained for pairing: Safeguarding expired on 10 January 2026" in text
    # The date and the trainer wrap in their cells: each row read across, oldest first.
    attended = text.split("Training sessions attended")[1]
    assert "10 January Safeguarding Highland Council Yes 2023" in attended
    assert "3 March Peer Values, Role Tension Scottish Recovery Yes 2026 Network" in attended


def test_a_certificate_names_the_person_modules_date_organisation_and_trainer(
    training_db: tuple[Path, int, int, int], tmp_path: Path
) -> None:
    path, catriona, _donald, course = training_db
    out = tmp_path / "certificate.pdf"
    code = form(path, out, "certificate", "--person", str(catriona), "--training", str(course))
    assert code == 0
    text = text_of(out)
    assert "This is to certify that Catriona Wheeler completed training in" in text
    assert "• Peer Values • Role Tension on 3 March 2026 (2 hours 30 minutes)" in text
    assert "with Far North Peers." in text
    assert "Trainer Scottish Recovery Network" in text
    assert "Signature" in text


def test_blank_forms_have_room_to_write(tmp_path: Path) -> None:
    record, certificate = tmp_path / "record.pdf", tmp_path / "certificate.pdf"
    assert main(["form", "training-record", "--out", str(record)]) == 0
    assert main(["form", "certificate", "--out", str(certificate)]) == 0
    assert "Done, due or expired" in text_of(record)
    blank = text_of(certificate)
    assert "This is to certify that Name" in blank and "Module or modules" in blank


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("certificate", "--person", "{c}", "--training", "999"),
            "training session could not be found (number 999)",
        ),
        (
            ("certificate", "--person", "999", "--training", "{s}"),
            "person could not be found (number 999)",
        ),
        (
            ("certificate", "--person", "{d}", "--training", "{s}"),
            "Donald Bain did not complete the training session on 3 March 2026",
        ),
        (("certificate", "--person", "{c}"), "peerdesk form certificate --person ID --training ID"),
        (
            ("supervision", "--person", "{c}", "--training", "{s}"),
            "A certificate is filled in for a person",
        ),
        (("training-record", "--person", "999"), "person could not be found (number 999)"),
    ],
)
def test_unknown_ids_and_wrong_flags_are_refused_with_nothing_written(
    training_db: tuple[Path, int, int, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    said: str,
) -> None:
    path, catriona, donald, course = training_db
    out = tmp_path / "refused.pdf"
    filled = [a.format(c=catriona, d=donald, s=course) for a in args]
    assert form(path, out, *filled) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not out.exists()


def test_the_new_forms_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form", "--list"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert "training-record" in names and "certificate" in names
