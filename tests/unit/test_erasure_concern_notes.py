"""Erasing a person clears the notes of every concern raised in their pairings' sessions (what
happened there is about them, whoever the concern names), and only those: a concern raised
in someone else's pairing keeps its notes. The report counts those concerns together with
the concerns about the person. Found by mutation testing (docs/testing.md, "Mutation
testing")."""

from __future__ import annotations

from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry
from tests.unit.test_erasure_any_case import EARLIER
from tests.unit.test_pairings_builders import active_pairing


def concern_in_a_session(services: Services, pairing_id: int, what: str) -> int:
    """A concern raised in a session of the pairing, about the pairing's mentee."""
    pairing = services.pairings.get(pairing_id)
    held = services.sessions.log(pairing_id, SessionEntry(EARLIER, note="Met at the library."))
    concern = services.sessions.raise_concern(
        ConcernDetails(
            raised_on=EARLIER,
            what=what,
            about_person_id=pairing.mentee_id,
            who_was_told="Told the coordinator",
            action_taken="Phoned the GP",
        ),
        session_id=held.id,
    )
    assert concern.id is not None
    return concern.id


def concern_notes(services: Services, concern_id: int) -> tuple[str, str, str]:
    with services.db.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT what, who_was_told, action_taken FROM concern WHERE id = ?", (concern_id,)
        ).one()
    return (row[0], row[1], row[2])


def test_erasing_the_mentor_clears_concerns_raised_in_their_sessions_and_no_others(
    services: Services,
) -> None:
    theirs = services.pairings.get(active_pairing(services))
    others = active_pairing(services, mentor_name="Ruth", mentee_name="Skye")
    in_theirs = concern_in_a_session(services, theirs.id or 0, "Morag's brother shouted.")
    in_others = concern_in_a_session(services, others, "Skye was afraid to go home.")

    services.erasure.erase(theirs.mentor_id)

    assert concern_notes(services, in_theirs) == ("[erased]", "", "")
    assert concern_notes(services, in_others) == (
        "Skye was afraid to go home.",
        "Told the coordinator",
        "Phoned the GP",
    )


def test_the_report_counts_concerns_about_them_and_concerns_in_their_sessions(
    services: Services,
) -> None:
    pairing = services.pairings.get(active_pairing(services))
    concern_in_a_session(services, pairing.id or 0, "Morag's brother shouted.")
    services.sessions.raise_concern(
        ConcernDetails(
            raised_on=EARLIER, what="Iain seemed exhausted.", about_person_id=pairing.mentor_id
        )
    )

    report = services.erasure.erase(pairing.mentor_id)

    assert report.cleared["concern"] == 2
    assert "Concerns: the written notes of 2 cleared" in report.lines()


def test_a_concern_about_them_in_their_own_session_is_counted_once(services: Services) -> None:
    # About the mentee and raised in the mentee's own pairing: cleared through both links,
    # one concern in the report ("the written notes of 1 cleared", not 2).
    pairing = services.pairings.get(active_pairing(services))
    concern_in_a_session(services, pairing.id or 0, "Said they felt unsafe at home.")
    report = services.erasure.erase(pairing.mentee_id)
    assert report.cleared["concern"] == 1
