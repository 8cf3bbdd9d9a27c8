"""The coordinator's role from Settings: printed under their name where they sign, and part
of who made each change in the history."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber

from peerdesk.data.models import Person
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails

NAME = "Morag Gunn"
ROLE = "Peer support coordinator"


def _set(services: Services, name: str, role: str) -> None:
    organisation = services.organisation.get()
    assert organisation is not None
    details = OrganisationDetails.of(organisation)
    services.organisation.save(
        dataclasses.replace(details, coordinator_name=name, coordinator_role=role)
    )


def _lines(pdf: bytes) -> list[tuple[float, str]]:
    """Each printed line of every page as (its top on the page, its words)."""
    found: list[tuple[float, str]] = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages):
            rows: dict[int, list[str]] = {}
            for word in page.extract_words():
                rows.setdefault(round(word["top"]), []).append(word["text"])
            offset = number * 10_000  # later pages below earlier ones
            found += [(offset + top, " ".join(words)) for top, words in sorted(rows.items())]
    return found


def test_the_role_is_printed_under_the_coordinators_name(demo_services: Services) -> None:
    _set(demo_services, NAME, ROLE)
    pairing = demo_services.printing.subjects("pairing")[0].id
    lines = _lines(demo_services.printing.render("ending", "pairing", pairing))
    name_at = [top for top, words in lines if words.endswith(NAME)]
    role_at = [top for top, words in lines if words.endswith(ROLE)]
    assert name_at and role_at
    # The role line is the next line down after the name, on the coordinator's signature.
    assert role_at[0] > name_at[0]
    between = [w for top, w in lines if name_at[0] < top < role_at[0]]
    assert between == []
    assert any(words.startswith("Role") for top, words in lines if top == role_at[0])


def test_no_role_line_without_a_role(demo_services: Services) -> None:
    _set(demo_services, NAME, "")
    pairing = demo_services.printing.subjects("pairing")[0].id
    lines = _lines(demo_services.printing.render("ending", "pairing", pairing))
    assert any(words.endswith(NAME) for _, words in lines)
    assert not any(words.startswith("Role") for _, words in lines)


def test_changes_are_recorded_as_made_by_the_name_and_role(services: Services) -> None:
    services.organisation.save(
        OrganisationDetails(name="Peers", coordinator_name=NAME, coordinator_role=ROLE)
    )
    person = services.people.add(PersonDetails(first_name="Fay"))
    changes = services.history.for_record("person", person.id)
    assert [change.changed_by for change in changes] == [f"{NAME} ({ROLE})"]
    with services.db.session() as session:
        assert session.get(Person, person.id) is not None
