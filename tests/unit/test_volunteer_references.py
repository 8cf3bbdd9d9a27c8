"""A volunteer's references: only one received and read as satisfactory counts towards the
references Settings asks for (0 = not asked, nothing missing); edits are checked as adding
is; a removal needs a reason and shows in History with it; the Settings numbers save whole
or not at all."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.services.volunteers.views import SafeguardingSettings
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor

ASKED = date(2026, 5, 1)
CAME = date(2026, 5, 12)


@pytest.fixture
def mentor(services: Services) -> int:
    services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
    return ready_mentor(services, "Morag")


def _ask(services: Services, required: int) -> None:
    services.references.save_settings(SafeguardingSettings(required, 6))


def _reference(
    services: Services, person: int, satisfactory: bool | None, name: str = "Ann"
) -> int:
    return services.references.add(
        person,
        referee_name=name,
        relationship="Former manager",
        requested_on=ASKED,
        received_on=CAME,
        satisfactory=satisfactory,
    ).id


def test_not_asked_means_nothing_is_missing(services: Services, mentor: int) -> None:
    _ask(services, 0)
    assert services.references.gaps(mentor) == []
    _ask(services, 1)
    assert services.references.gaps(mentor) == ["references: 0 of 1 received and satisfactory"]


def test_one_required_is_met_by_one_satisfactory_reference(services: Services, mentor: int) -> None:
    _ask(services, 1)
    _reference(services, mentor, True)
    assert services.references.gaps(mentor) == []


def test_two_required_count_only_satisfactory_ones(services: Services, mentor: int) -> None:
    _ask(services, 2)
    unread = _reference(services, mentor, None, "Ann")
    _reference(services, mentor, True, "Bob")
    assert services.references.gaps(mentor) == [
        "references: 1 of 2 received and satisfactory",
        "1 reference received but not yet read",
    ]
    services.references.update(
        unread, referee_name="Ann", requested_on=ASKED, received_on=CAME, satisfactory=False
    )
    assert services.references.gaps(mentor) == [
        "references: 1 of 2 received and satisfactory",
        "1 reference not satisfactory",
    ]
    services.references.update(
        unread, referee_name="Ann", requested_on=ASKED, received_on=CAME, satisfactory=True
    )
    assert services.references.gaps(mentor) == []


def test_an_awaited_reference_does_not_count(services: Services, mentor: int) -> None:
    _ask(services, 1)
    services.references.add(mentor, referee_name="Cal", requested_on=ASKED)
    [view] = services.references.references(mentor)
    assert (view.state, view.counts) == ("Asked for, not yet received", False)
    assert services.references.gaps(mentor) == ["references: 0 of 1 received and satisfactory"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"referee_name": "  "}, "referee_name"),
        ({"received_on": ASKED - timedelta(days=1)}, "received_on"),
        ({"requested_on": TODAY + timedelta(days=1), "received_on": None}, "requested_on"),
        ({"received_on": None, "satisfactory": True}, "received_on"),
    ],
)
def test_an_edit_adding_would_refuse_is_refused_with_nothing_changed(
    services: Services, mentor: int, change: dict[str, object], field: str
) -> None:
    reference = _reference(services, mentor, None)
    before = services.references.references(mentor)
    values: dict[str, object] = {
        "referee_name": "Ann",
        "requested_on": ASKED,
        "received_on": CAME,
        "satisfactory": None,
    }
    values.update(change)
    with pytest.raises(ValidationError) as refused:
        services.references.update(reference, **values)  # type: ignore[arg-type]
    assert refused.value.field == field
    with pytest.raises(ValidationError):
        services.references.add(mentor, **values)  # type: ignore[arg-type]
    assert services.references.references(mentor) == before


def test_removal_needs_a_reason_and_shows_in_history(services: Services, mentor: int) -> None:
    reference = _reference(services, mentor, True, "Ann Referee")
    with pytest.raises(ValidationError):
        services.references.remove(reference, "  ")
    assert len(services.references.references(mentor)) == 1
    services.references.remove(reference, "Entered on the wrong person")
    assert services.references.references(mentor) == []
    with pytest.raises(NotFoundError):
        services.references.get(reference)
    changes = services.history.for_record("volunteer_reference", reference)
    assert [c.description for c in changes] == [
        "Added a reference from Ann Referee",
        "Removed the reference from Ann Referee",
    ]
    assert changes[-1].reason == "Entered on the wrong person"
    person_history = [c.description for c in services.history.for_person(mentor)]
    assert "Removed the reference from Ann Referee" in person_history


def test_an_edit_shows_in_history(services: Services, mentor: int) -> None:
    reference = _reference(services, mentor, None, "Ann")
    services.references.update(
        reference, referee_name="Ann", requested_on=ASKED, received_on=CAME, satisfactory=True
    )
    assert services.references.get(reference).state == "Satisfactory"
    descriptions = [
        c.description for c in services.history.for_record("volunteer_reference", reference)
    ]
    assert descriptions[-1] == "Edited the reference from Ann"


def test_settings_save_whole_or_not_at_all(services: Services, mentor: int) -> None:
    assert services.references.settings() == SafeguardingSettings(0, 6)
    assert services.references.save_settings(SafeguardingSettings(2, 10)) == SafeguardingSettings(
        2, 10
    )
    for wrong, field in (
        (SafeguardingSettings(6, 7), "references_required"),
        (SafeguardingSettings(1, 0), "concern_keep_years"),
        (SafeguardingSettings(1, 101), "concern_keep_years"),
    ):
        with pytest.raises(ValidationError) as refused:
            services.references.save_settings(wrong)
        assert refused.value.field == field
    assert services.references.settings() == SafeguardingSettings(2, 10)


def test_settings_need_the_organisation_first(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.references.save_settings(SafeguardingSettings(1, 6))
    assert services.references.settings() == SafeguardingSettings(0, 6)
