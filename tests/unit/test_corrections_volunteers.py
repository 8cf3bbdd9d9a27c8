"""Editing and removing a volunteer's records: an edit is checked exactly as adding is and
refused with nothing changed; a removal needs a reason, takes what cannot stay without the
record (a supervision's links to pairings), and leaves everything else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from peerdesk.data.models import SupervisionPairing
from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.vocabulary import DisclosureLevel, DisclosureScheme, MeetingMode
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import active_pairing, ready_mentor


@pytest.fixture
def mentor(services: Services) -> int:
    return ready_mentor(services, "Morag")


def test_a_training_record_is_edited_in_place(services: Services, mentor: int) -> None:
    [record] = services.volunteers.training(mentor)
    view = services.volunteers.update_training(
        record.id, module="  Listening  ", on=date(2026, 3, 3), duration_minutes=90, completed=False
    )
    assert (view.module, view.training_date, view.duration_minutes, view.completed) == (
        "Listening",
        date(2026, 3, 3),
        90,
        False,
    )
    assert services.volunteers.training(mentor) == [view]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"on": TODAY + timedelta(days=1)}, "training_date"),
        ({"module": "  "}, "module"),
        ({"duration_minutes": -5}, "duration_minutes"),
    ],
)
def test_an_edit_adding_would_refuse_is_refused_with_nothing_changed(
    services: Services, mentor: int, change: dict[str, object], field: str
) -> None:
    [before] = services.volunteers.training(mentor)
    values: dict[str, object] = {
        "module": "Listening",
        "on": date(2026, 3, 3),
        "duration_minutes": 60,
        "completed": True,
    }
    values.update(change)
    with pytest.raises(ValidationError) as refused:
        services.volunteers.update_training(before.id, **values)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert services.volunteers.training(mentor) == [before]


def test_a_disclosure_check_is_edited_with_the_same_checks(services: Services, mentor: int) -> None:
    [check] = services.volunteers.disclosure_checks(mentor)
    with pytest.raises(ValidationError) as refused:
        services.volunteers.update_disclosure_check(
            check.id,
            scheme=DisclosureScheme.DBS,
            level=DisclosureLevel.ENHANCED,
            issue_date=date(2026, 1, 10),
            renewal_date=date(2025, 1, 10),
        )
    assert refused.value.field == "renewal_date"
    assert services.volunteers.disclosure_checks(mentor) == [check]
    edited = services.volunteers.update_disclosure_check(
        check.id,
        scheme=DisclosureScheme.DBS,
        level=DisclosureLevel.ENHANCED,
        issue_date=date(2026, 1, 10),
        reference_number="001234",
    )
    assert (edited.scheme, edited.issue_date, edited.reference_number) == (
        DisclosureScheme.DBS.value,
        date(2026, 1, 10),
        "001234",
    )


def test_removing_needs_a_reason_and_then_removes_only_that_record(
    services: Services, mentor: int
) -> None:
    [record] = services.volunteers.training(mentor)
    [check] = services.volunteers.disclosure_checks(mentor)
    with pytest.raises(ValidationError) as refused:
        services.volunteers.remove_training(record.id, "   ")
    assert refused.value.field == "reason"
    assert services.volunteers.training(mentor) == [record]
    said = services.volunteers.remove_training(record.id, "Entered on the wrong person")
    assert said == f"Removed training: Self care on {record.training_date.day} January 2025"
    assert services.volunteers.training(mentor) == []
    assert services.volunteers.disclosure_checks(mentor) == [check]
    with pytest.raises(NotFoundError):
        services.volunteers.remove_training(record.id, "again")


def test_a_supervision_goes_with_its_links_to_pairings_and_the_pairing_stays(
    services: Services,
) -> None:
    pairing = services.pairings.get(active_pairing(services, started=date(2026, 1, 5)))
    supervision = services.volunteers.record_supervision(
        pairing.mentor_id,
        on=date(2026, 3, 3),
        mode=MeetingMode.PHONE,
        duration_minutes=45,
        pairing_ids=[pairing.id],
        concerns="Sleep",
    )
    edited = services.volunteers.update_supervision(
        supervision.id, on=date(2026, 3, 4), mode=MeetingMode.VIDEO, duration_minutes=50
    )
    assert (edited.supervision_date, edited.mode, edited.concerns) == (
        date(2026, 3, 4),
        MeetingMode.VIDEO.value,
        "Sleep",  # the dialog does not show concerns: an edit keeps them
    )
    services.volunteers.remove_supervision(supervision.id, "Entered twice")
    assert services.volunteers.supervisions(pairing.mentor_id) == []
    with services.db.session() as session:
        assert session.exec(select(SupervisionPairing)).all() == []
    assert services.pairings.get(pairing.id).id == pairing.id
