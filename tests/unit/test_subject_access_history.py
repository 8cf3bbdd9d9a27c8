"""Subject access packs include the person's history: in the JSON, and in words in the PDF."""

from __future__ import annotations

import json
from pathlib import Path

from peerdesk.data.models import Person
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from tests.unit.forms.pdftext import normalise, pages_text


def test_the_pack_holds_the_history_of_their_records(services: Services, tmp_path: Path) -> None:
    services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
    person = services.people.add(PersonDetails(first_name="Ann", address="1 High St"))
    services.people.add(PersonDetails(first_name="Ruaridh", address="9 Elsewhere"))
    with services.db.transaction(reason="she moved", description="New address") as session:
        found = session.get(Person, person.id)
        assert found is not None
        found.address = "2 Low Rd"
        session.add(found)
    services.volunteers.record_training(
        person.id, module="Boundaries", on=services.today(), duration_minutes=60, completed=True
    )

    export = services.subject_access.export(person.id, tmp_path)

    data = json.loads(export.json.read_text(encoding="utf-8"))
    history = data["history"]
    assert [change["changed_by"] for change in history] == ["Jo Smith"] * 3
    moved = history[1]
    assert (moved["description"], moved["reason"]) == ("New address", "she moved")
    assert moved["changes"] == [
        {
            "record": f"Person {person.id}",
            "action": "update",
            "words": ["Address changed from 1 High St to 2 Low Rd"],
            "fields": {"address": ["1 High St", "2 Low Rd"]},
        }
    ]
    assert history[2]["changes"][0]["words"] == ["Training record added"]
    assert "Elsewhere" not in export.json.read_text(encoding="utf-8")  # nobody else's history

    text = normalise(" ".join(pages_text(export.pdf.read_bytes())))
    assert "The history of your records" in text
    assert "by Jo Smith: New address" in text
    assert "Address changed from 1 High St to 2 Low Rd" in text
    assert "Reason given: she moved" in text
    assert "Training record added" in text
