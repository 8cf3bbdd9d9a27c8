"""Subject access: the export holds every record that refers to the person."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

from pypdf import PdfReader
from sqlmodel import SQLModel

from peerdesk.data.models import (
    Attendance,
    Availability,
    Concern,
    Condition,
    Consent,
    DisclosureCheck,
    ExpenseClaim,
    ExpenseLine,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    MeetingModePreference,
    MentoringSession,
    OutcomeScore,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    PeerGroup,
    Person,
    PersonCondition,
    PersonRole,
    Referral,
    Review,
    SubjectAccessRequest,
    Supervision,
    SupervisionPairing,
    TrainingRecord,
    TrainingSession,
    VolunteerProfile,
    VolunteerReference,
    VolunteerStageChange,
)
from peerdesk.services import Services
from peerdesk.services.people.record_tables import title_for

MARKER = "Qwyzzlethorpe"


def tables_referring_to_a_person() -> set[str]:
    """Worked out here from the schema, independently of the code under test."""
    return {
        table.name
        for table in SQLModel.metadata.sorted_tables
        for key in table.foreign_keys
        if key.target_fullname == "person.id"
    }


def build_everything(services: Services, first_name: str = "Dana", last_name: str = MARKER) -> int:
    """One person with at least one row in every table that refers to a person."""
    wording_id = services.consents.current_wording("confidentiality").id
    with services.db.transaction() as s:
        person = Person(
            first_name=first_name,
            last_name=last_name,
            email=f"{last_name.lower()}@example.org",
            phone="07700 900123",
            address=f"1 {last_name} Lane",
            notes=f"{first_name} {last_name} likes tea.",
            gender="woman",
            date_of_birth=date(1970, 5, 1),
        )
        other = Person(first_name="Morag", last_name="Other")
        s.add_all([person, other])
        s.flush()
        pid, oid = person.id, other.id
        assert pid is not None and oid is not None
        condition = Condition(name="Long Covid")
        group = PeerGroup(name="Tuesday Group")
        s.add_all([condition, group])
        s.flush()
        assert condition.id is not None and group.id is not None
        meeting = GroupMeeting(
            group_id=group.id, meeting_date=date(2025, 5, 6), note=f"{first_name} {last_name} came"
        )
        pairing = Pairing(
            mentor_id=oid,
            mentee_id=pid,
            status="active",
            proposed_on=date(2025, 1, 6),
            start_date=date(2025, 1, 20),
            usual_place=f"{last_name} Café",
        )
        supervision = Supervision(
            mentor_id=pid, supervision_date=date(2025, 6, 2), wellbeing=f"{first_name} is well"
        )
        s.add_all([meeting, pairing, supervision])
        s.flush()
        assert meeting.id is not None and pairing.id is not None and supervision.id is not None
        session_row = MentoringSession(
            pairing_id=pairing.id,
            session_date=date(2025, 2, 3),
            start_time=time(10, 0),
            note=f"{first_name} talked about pacing",
        )
        s.add(session_row)
        s.flush()
        s.add_all(
            [
                PersonRole(person_id=pid, role="mentee", started_on=date(2025, 1, 1)),
                PersonRole(person_id=oid, role="mentor", started_on=date(2024, 1, 1)),
                PersonCondition(person_id=pid, condition_id=condition.id, link="lives_with"),
                Availability(person_id=pid, weekday="tue", part_of_day="morning"),
                MeetingModePreference(person_id=pid, mode="phone"),
                Consent(
                    person_id=pid,
                    kind="confidentiality",
                    wording_id=wording_id or 0,
                    given_on=date(2025, 1, 6),
                    method="verbal",
                    recorded_by="Coordinator",
                ),
                SubjectAccessRequest(
                    person_id=pid, received_on=date(2026, 6, 1), due_on=date(2026, 7, 1)
                ),
                Referral(
                    person_id=pid,
                    referral_date=date(2024, 12, 1),
                    source="gp",
                    hopes=f"{first_name} hopes to walk again",
                ),
                VolunteerProfile(person_id=pid, lived_experience=f"{last_name} story"),
                VolunteerStageChange(person_id=pid, stage="enquiry", changed_on=date(2025, 3, 1)),
                DisclosureCheck(
                    person_id=pid,
                    scheme="pvg",
                    level="scheme_record",
                    reference_number=f"{MARKER}-PVG",
                    issue_date=date(2025, 3, 5),
                ),
                VolunteerReference(person_id=pid, referee_name=f"{last_name} Referee"),
                TrainingRecord(
                    person_id=pid,
                    module="Boundaries",
                    training_date=date(2025, 4, 1),
                    duration_minutes=120,
                    completed=True,
                ),
                TrainingSession(
                    session_date=date(2025, 4, 3), trainer_person_id=pid, notes="Ran it well"
                ),
                ExpenseClaim(
                    id=900, person_id=pid, submitted_on=date(2025, 4, 2), notes=f"For {last_name}"
                ),
                ExpenseLine(
                    claim_id=900,
                    line_date=date(2025, 4, 2),
                    kind="fares",
                    description=f"Bus to {last_name}",
                    amount_pence=340,
                ),
                OutcomeScore(
                    person_id=pid,
                    measure="WEMWBS",
                    timing="before",
                    score=40,
                    scored_on=date(2025, 1, 20),
                ),
                # Closed more than six years before TODAY: past the concern retention
                # period, so erased as usual (one within it: test_concern_retention.py).
                Concern(
                    raised_on=date(2019, 2, 3),
                    closed_on=date(2019, 2, 10),
                    about_person_id=pid,
                    session_id=session_row.id,
                    what=f"{first_name} mentioned feeling low",
                ),
                GroupFacilitator(group_id=group.id, person_id=pid),
                GroupMember(group_id=group.id, person_id=pid, joined_on=date(2025, 5, 1)),
                MeetingFacilitator(meeting_id=meeting.id, person_id=pid),
                Attendance(meeting_id=meeting.id, person_id=pid, is_new=True),
                PairingGoal(pairing_id=pairing.id, position=1, text=f"{first_name} to rest"),
                PairingStatusChange(
                    pairing_id=pairing.id, status="active", changed_on=date(2025, 1, 20)
                ),
                Review(
                    pairing_id=pairing.id,
                    review_date=date(2025, 3, 3),
                    what_is_working=f"{first_name} is pacing",
                ),
                SupervisionPairing(supervision_id=supervision.id, pairing_id=pairing.id),
            ]
        )
    return pid


def test_every_table_that_refers_to_a_person_is_in_the_export(services: Services) -> None:
    person_id = build_everything(services)
    data = services.subject_access.collect(person_id)
    expected = tables_referring_to_a_person()
    missing_from_fixture = {name for name in expected if not data["records"].get(name)}
    assert not missing_from_fixture, (
        f"Tables refer to a person but hold no row for them here: {missing_from_fixture}. "
        "Add a row to build_everything(), and decide what erasure does with the table."
    )
    assert expected <= set(data["records"])
    assert data["records"]["person"][0]["last_name"] == MARKER


def test_records_hanging_off_the_persons_own_are_included(services: Services) -> None:
    person_id = build_everything(services)
    related = services.subject_access.collect(person_id)["related_records"]
    assert [row["note"] for row in related["mentoring_session"]] == ["Dana talked about pacing"]
    assert related["review"][0]["what_is_working"] == "Dana is pacing"
    assert related["pairing_goal"][0]["text"] == "Dana to rest"
    assert related["supervision_pairing"]
    assert related["consent_wording"][0]["text"].startswith("I will keep")
    assert related["peer_group"][0]["name"] == "Tuesday Group"
    assert "Morag Other" in services.subject_access.collect(person_id)["other_people"].values()


def test_export_writes_a_readable_pdf_and_json_with_the_supplementary_information(
    services: Services, tmp_path: Path
) -> None:
    person_id = build_everything(services)
    result = services.subject_access.export(person_id, tmp_path / "out")
    assert result.folder.parent == tmp_path / "out"
    data = json.loads(result.json.read_text(encoding="utf-8"))
    assert data["person_id"] == person_id
    assert set(data["supplementary_information"]) >= {
        "purposes",
        "recipients",
        "retention",
        "rights",
        "complaints",
        "source",
    }
    assert "ico.org.uk" in data["supplementary_information"]["complaints"]
    text = " ".join(page.extract_text() for page in PdfReader(result.pdf).pages)
    text = " ".join(text.split())
    assert f"Dana {MARKER}" in text
    for name in tables_referring_to_a_person():
        assert title_for(name) in text, name
    assert "Information Commissioner" in text
    assert "(mentees and carers): kept for 6 years" in text
    assert "None" not in text.split()


def test_export_of_someone_unknown_is_refused_plainly(services: Services, tmp_path: Path) -> None:
    import pytest

    from peerdesk.errors import NotFoundError

    with pytest.raises(NotFoundError):
        services.subject_access.export(999, tmp_path / "out")
    assert not (tmp_path / "out").exists()
