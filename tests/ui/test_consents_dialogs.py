"""Consent wordings editor, the list of consents expiring or missing, and retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.consents.gaps_dialog import ConsentGapsDialog
from peerdesk.ui.consents.retention_dialog import RetentionDialog
from peerdesk.ui.consents.wordings_dialog import WordingsDialog
from peerdesk.ui.menu_extras import MENU_ENTRIES
from peerdesk.vocabulary import ConsentKind, RecordKind, Role


def test_menu_offers_the_consent_and_retention_dialogs() -> None:
    texts = {entry.text.replace("&", "") for entry in MENU_ENTRIES}  # without access keys
    assert {"Consents expiring or missing…", "Consent wordings…", "Retention…"} <= texts


def test_a_used_wording_can_only_be_superseded(
    qtbot: Any, services: Services, qtmodeltester: Any, tmp_path: Path
) -> None:
    person = services.people.add(PersonDetails(first_name="Ula"))
    assert person.id is not None
    services.consents.record(
        person.id,
        ConsentEntry(
            kind=ConsentKind.CONFIDENTIALITY,
            given_on=date(2026, 6, 1),
            method="verbal",
            recorded_by="Coordinator",
        ),
    )
    dialog = WordingsDialog(services)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.table.table_model)
    kinds = [row.wording.kind for row in dialog._rows]
    dialog.table.selectRow(kinds.index(ConsentKind.CONFIDENTIALITY.value))
    assert not dialog.save_button.isEnabled()
    assert "cannot be changed" in dialog.state.text()
    dialog.editor.setPlainText("I will keep confidential what I hear, always.")
    dialog.new_version_button.click()
    latest = services.consents.current_wording(ConsentKind.CONFIDENTIALITY)
    assert (latest.version, latest.text) == (2, "I will keep confidential what I hear, always.")
    # The new version is unused: it can still be corrected.
    assert dialog.selected() is not None and dialog.selected().wording.id == latest.id
    assert dialog.save_button.isEnabled()
    dialog.editor.setPlainText("I will keep confidential what I hear.")
    dialog.save_button.click()
    assert services.consents.current_wording(ConsentKind.CONFIDENTIALITY).text.endswith("hear.")
    dialog.grab().save(str(tmp_path / "wordings.png"))


def test_gaps_dialog_lists_what_is_missing(
    qtbot: Any, services: Services, qtmodeltester: Any
) -> None:
    dialog = ConsentGapsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog)
    services.people.add(PersonDetails(first_name="Vic", last_name="Mentee"), roles=[Role.MENTEE])
    dialog.refresh()
    qtmodeltester.check(dialog.model)
    rows = {
        (
            dialog.model.index(r, 0).data(),
            dialog.model.index(r, 1).data(),
            dialog.model.index(r, 2).data(),
        )
        for r in range(dialog.model.rowCount())
    }
    assert rows == {
        ("Vic Mentee", "Holding health information", "Not recorded"),
        ("Vic Mentee", "Confidentiality agreement", "Not recorded"),
    }


def test_retention_dialog_saves_periods_and_lists_people_past_their_date(
    qtbot: Any, services: Services
) -> None:
    person = services.people.add(
        PersonDetails(first_name="Old", last_name="Record"), roles=[Role.MENTEE]
    )
    with services.db.transaction() as s:
        s.connection().execute(text("UPDATE person SET created_at = '2021-01-05 10:00:00'"))
        s.connection().execute(text("UPDATE person_role SET started_on = '2021-01-05'"))
    dialog = RetentionDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog)
    dialog.years[RecordKind.MENTEE].setValue(4)
    dialog.save_button.click()
    assert {r.kind: r.keep_years for r in services.retention.rules()}[RecordKind.MENTEE] == 4
    assert dialog.table.table_model.rowCount() == 1
    assert dialog.table.table_model.index(0, 0).data() == "Old Record"
    dialog.table.selectRow(0)
    assert dialog.selected_person() == person.id
    assert dialog.anonymise_button.isEnabled() and dialog.keep_button.isEnabled()
