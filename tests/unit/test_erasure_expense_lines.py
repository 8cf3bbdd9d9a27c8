"""Erasing a person clears what each line of their expense claims was for (the amounts stay in
the accounts), and the report counts those lines. Found by mutation testing
(docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from sqlalchemy import text

from peerdesk.services import Services
from tests.unit.test_subject_access_export import build_everything


def test_the_report_counts_the_cleared_lines_of_their_expense_claims(services: Services) -> None:
    person_id = build_everything(services)
    with services.db.session() as session:
        lines = session.connection().execute(text("SELECT count(*) FROM expense_line"))
        assert lines.scalar_one() == 1

    report = services.erasure.erase(person_id)

    assert report.cleared["expense_line"] == 1
    assert "Expense claim lines: the written notes of 1 cleared" in report.lines()
