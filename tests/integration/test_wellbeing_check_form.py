"""The wellbeing check prints the outcome scale in Settings, blank and filled in for a
person: peerdesk's own questions (with their range, 7 to 35) until the organisation types
its own scale's name and questions, then those (and their range), read back from the PDF."""

from __future__ import annotations

import io

import pdfplumber

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from tests.unit.forms.pdftext import normalise
from tests.unit.test_pairings_builders import organisation


def _text(services: Services, kind: str | None = None, record: int | None = None) -> str:
    """The PDF's words read back with pdfplumber, spaces collapsed."""
    pdf = services.printing.render("wellbeing-check", kind, record)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return normalise(" ".join(page.extract_text() or "" for page in document.pages))


def test_the_form_asks_the_scale_in_settings_blank_and_for_a_person(services: Services) -> None:
    organisation(services)
    person = services.people.add(PersonDetails(first_name="Ishbel", last_name="Sutherland"))
    blank = _text(services)
    assert "peerdesk wellbeing check" in blank
    assert normalise("7. I have felt connected to other people.") in blank
    assert "(7 to 35)" in blank
    assert "1 is not at all, 2 is rarely, 3 is some of the time, 4 is often" in blank

    services.outcomes.save_scale(
        "Short Scale (licensed to Far North)",
        "I've been feeling useful\nI've been thinking clearly\nI've been dealing with problems well",
    )
    for text in (_text(services), _text(services, "person", person.id)):
        assert "Short Scale (licensed to Far North)" in text
        assert normalise("3. I've been dealing with problems well") in text
        assert "(3 to 15)" in text
        assert "I have felt connected" not in text
        assert "peerdesk wellbeing check" not in text
    assert "Ishbel Sutherland" in _text(services, "person", person.id)
    assert "Ishbel" not in _text(services)
