"""`peerdesk form expenses --claim ID`: the expenses form filled in with one claim's lines
(mileage with its rate, parking), its total, status, approval and payment, read back with
pdfplumber; an unknown claim is refused with exit code 2, a plain message and no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.expenses.views import LineInput
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ExpenseKind, Role
from tests.conftest import TODAY


@pytest.fixture
def claim_db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "claims.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
        person = services.people.add(
            PersonDetails(first_name="Catriona", last_name="Wheeler"), roles=[Role.MENTOR]
        )
        claim = services.expenses.add_claim(
            person.id or 0,
            submitted_on=date(2026, 5, 20),
            lines=[
                LineInput(date(2026, 5, 4), ExpenseKind.MILEAGE, "To Wick", miles_tenths=124),
                LineInput(
                    date(2026, 5, 4), ExpenseKind.PARKING, "Car park", amount_pence=350,
                    has_receipt=True,
                ),
            ],
        )  # fmt: skip
        services.expenses.approve(claim.id, date(2026, 5, 22))
        services.expenses.mark_paid(claim.id, date(2026, 5, 29), "Bank transfer")
    finally:
        db.close()
    return path, claim.id


def text_of(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def test_a_claims_lines_status_and_payment_are_filled_in(
    claim_db: tuple[Path, int], tmp_path: Path
) -> None:
    path, claim_id = claim_db
    out = tmp_path / "claim.pdf"
    code = main(
        ["--db", str(path), "form", "expenses", "--claim", str(claim_id), "--out", str(out)]
    )
    assert code == 0
    text = text_of(out)
    assert "Catriona Wheeler" in text
    # 12.4 miles at 45p = 558p exactly; parking £3.50; total £9.08.
    assert "To Wick (12.4 at 45p)" in text
    assert "5.58" in text and "3.50" in text and "9.08" in text
    assert "May 2026" in text
    assert f"Claim {claim_id}, submitted 20 May 2026: paid" in text
    assert "22 May 2026" in text and "29 May 2026, Bank transfer" in text


def test_an_unknown_claim_is_refused_with_nothing_written(
    claim_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _claim_id = claim_db
    out = tmp_path / "claim.pdf"
    code = main(["--db", str(path), "form", "expenses", "--claim", "999", "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "That expense claim could not be found (number 999)" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_claim_fills_in_only_the_expenses_form(
    claim_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, claim_id = claim_db
    out = tmp_path / "x.pdf"
    code = main(
        ["--db", str(path), "form", "supervision", "--claim", str(claim_id), "--out", str(out)]
    )
    assert code == 2
    assert "--claim fills in the expenses form" in capsys.readouterr().err
    assert not out.exists()
