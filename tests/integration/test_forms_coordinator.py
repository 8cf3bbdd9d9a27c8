"""The coordinator's name typed in Settings is printed on the coordinator's signature lines of
forms filled in for a record (blank forms stay blank)."""

from __future__ import annotations

import dataclasses

from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from tests.unit.forms.pdftext import normalise, pages_text

NAME = "Morag Gunn-Ó Briain"


def _text(services: Services, form: str, kind: str | None = None, record: int | None = None) -> str:
    return normalise(" ".join(pages_text(services.printing.render(form, kind, record))))


def test_the_coordinators_name_is_on_the_forms_a_coordinator_signs(
    demo_services: Services,
) -> None:
    organisation = demo_services.organisation.get()
    assert organisation is not None
    pairing = demo_services.printing.subjects("pairing")[0].id
    assert normalise(NAME) not in _text(demo_services, "mentoring-agreement", "pairing", pairing)
    details = OrganisationDetails.of(organisation)
    demo_services.organisation.save(dataclasses.replace(details, coordinator_name=NAME))
    for form in ("mentoring-agreement", "introduction-pack", "ending", "lone-working"):
        assert normalise(NAME) in _text(demo_services, form, "pairing", pairing), form
    assert normalise(NAME) not in _text(demo_services, "mentoring-agreement")
