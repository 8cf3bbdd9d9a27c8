"""Training (issue 22): sessions make one record per attendee per module, the matrix's states
on the boundary days, who is trained for matching, and corrections with History."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.data.models import VolunteerProfile
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.services.training.matrix import add_months
from peerdesk.services.training.views import CellState, SessionDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


def mentor(services: Services, name: str) -> int:
    return services.people.add(PersonDetails(first_name=name), roles=[Role.MENTOR]).id


def module_ids(services: Services, *names: str) -> list[int]:
    by_name = {m.name: m.id for m in services.training.modules()}
    return [by_name[n] for n in names]


def core_ids(services: Services) -> list[int]:
    return [m.id for m in services.training.modules() if m.is_core]


def train(services: Services, people: list[int], on: date, modules: list[int]) -> int:
    details = SessionDetails(
        on=on,
        duration_minutes=len(modules) * 60,
        module_ids=modules,
        attendees=[(p, True) for p in people],
        trainer_name="Scottish Recovery Network",
    )
    return services.training.record_session(details).id


def test_a_session_with_three_attendees_makes_one_record_each_per_module(
    services: Services,
) -> None:
    iain, jess, morag = (mentor(services, n) for n in ("Iain", "Jess", "Morag"))
    modules = module_ids(services, "Peer Values", "Safeguarding")
    details = SessionDetails(
        on=date(2026, 3, 3),
        duration_minutes=181,
        module_ids=modules,
        attendees=[(iain, True), (jess, True), (morag, False)],
        trainer_name="Scottish Recovery Network",
    )
    recorded = services.training.record_session(details)
    assert recorded.module_names == ("Peer Values", "Safeguarding")
    assert [(a.name, a.completed) for a in recorded.attendees] == [
        ("Iain", True),
        ("Jess", True),
        ("Morag", False),
    ]
    for person, completed in ((iain, True), (jess, True), (morag, False)):
        records = services.volunteers.training(person)
        assert sorted(r.module for r in records) == ["Peer Values", "Safeguarding"]
        assert {r.completed for r in records} == {completed}
        # The session's minutes are shared, so training hours count the session once.
        assert sum(r.duration_minutes for r in records) == 181
    row = {r.name: r for r in services.training.matrix().rows}
    safeguarding = modules[1]
    [cell] = [c for c in row["Jess"].cells if c.module_id == safeguarding]
    assert cell.state is CellState.DONE and cell.due_on == date(2029, 3, 3)
    [cell] = [c for c in row["Morag"].cells if c.module_id == safeguarding]
    assert cell.state is CellState.NOT_DONE and cell.words == "not done"


def test_editing_a_session_changes_its_records_and_removing_it_takes_them_with_a_reason(
    services: Services,
) -> None:
    iain, jess, morag = (mentor(services, n) for n in ("Iain", "Jess", "Morag"))
    peer_values, safeguarding = module_ids(services, "Peer Values", "Safeguarding")
    session_id = train(services, [iain, jess], date(2026, 3, 3), [peer_values])
    kept = services.volunteers.training(iain)[0].id
    changed = SessionDetails(
        on=date(2026, 3, 4),
        duration_minutes=120,
        module_ids=[peer_values, safeguarding],
        attendees=[(iain, True), (morag, True)],
        trainer_person_id=jess,
    )
    edited = services.training.update_session(session_id, changed, reason="Wrong day")
    assert edited.trainer_words == "Jess" and edited.session_date == date(2026, 3, 4)
    assert services.volunteers.training(jess) == []
    assert len(services.volunteers.training(morag)) == 2
    iain_records = services.volunteers.training(iain)
    assert kept in [r.id for r in iain_records] and len(iain_records) == 2
    assert {r.training_date for r in iain_records} == {date(2026, 3, 4)}

    with pytest.raises(ValidationError, match="why it is being removed"):
        services.training.remove_session(session_id, "  ")
    assert len(services.training.sessions()) == 1
    said = services.training.remove_session(session_id, "Entered twice")
    assert said == "Removed training session on 4 March 2026"
    assert services.training.sessions() == ()
    assert services.volunteers.training(iain) == services.volunteers.training(morag) == []
    history = services.history.for_record("training_session", session_id)
    assert [h.description for h in history] == [
        "Recorded training session on 3 March 2026",
        "Edited training session on 4 March 2026",
        "Removed training session on 4 March 2026",
    ]
    assert history[1].reason == "Wrong day" and history[2].reason == "Entered twice"


def test_a_session_needs_a_trainer_modules_and_attendees_and_saves_nothing_otherwise(
    services: Services,
) -> None:
    iain = mentor(services, "Iain")
    [peer_values] = module_ids(services, "Peer Values")
    base = SessionDetails(TODAY, 60, [peer_values], [(iain, True)], trainer_name="SRN")
    for broken, words in (
        (SessionDetails(TODAY, 60, [peer_values], [(iain, True)]), "Say who trained"),
        (SessionDetails(TODAY, 60, [], [(iain, True)], trainer_name="SRN"), "modules"),
        (SessionDetails(TODAY, 60, [peer_values], [], trainer_name="SRN"), "attended"),
        (
            SessionDetails(TODAY, 60, [peer_values], [(iain, True), (iain, False)], "", "SRN"),
            "twice",
        ),
        (
            SessionDetails(
                TODAY + timedelta(days=1), 60, [peer_values], [(iain, True)], None, "SRN"
            ),
            "future",
        ),
    ):
        with pytest.raises(ValidationError, match=words):
            services.training.record_session(broken)
    assert services.training.sessions() == () and services.volunteers.training(iain) == []
    services.training.retire_module(peer_values, reason="Merged")
    with pytest.raises(ValidationError, match="was retired on 15 June 2026"):
        services.training.record_session(base)


@pytest.mark.parametrize(
    ("done_on", "state"),
    [
        (date(2023, 6, 15), CellState.EXPIRED),  # falls due today: expired today
        (date(2023, 6, 16), CellState.DUE),  # falls due tomorrow
        (date(2023, 7, 15), CellState.DUE),  # falls due in exactly 30 days (the warning)
        (date(2023, 7, 16), CellState.DONE),  # 31 days away: not yet due
    ],
)
def test_the_matrix_states_on_the_boundary_days(
    services: Services, done_on: date, state: CellState
) -> None:
    iain = mentor(services, "Iain")
    [safeguarding] = module_ids(services, "Safeguarding")
    train(services, [iain], done_on, [safeguarding])
    matrix = services.training.matrix()
    [row] = matrix.rows
    [cell] = [c for c in row.cells if c.module_id == safeguarding]
    assert cell.state is state
    assert cell.due_on == add_months(done_on, 36)
    assert state.value.split()[0] in cell.words


def test_readiness_names_an_expired_core_module_and_the_modules_not_done(
    services: Services,
) -> None:
    iain = mentor(services, "Iain")
    cores = core_ids(services)
    [safeguarding] = module_ids(services, "Safeguarding")
    train(services, [iain], date(2023, 3, 3), [safeguarding])
    train(services, [iain], date(2026, 1, 10), [m for m in cores if m != safeguarding])
    missing = services.volunteers.readiness(iain).missing
    assert "training: Safeguarding expired on 3 March 2026" in missing
    assert not services.training.is_trained(iain)
    train(services, [iain], date(2026, 5, 1), [safeguarding])  # the refresher
    assert services.training.is_trained(iain)
    assert not any(m.startswith("training") for m in services.volunteers.readiness(iain).missing)


def test_readiness_says_how_many_core_modules_are_not_done(services: Services) -> None:
    iain = mentor(services, "Iain")
    cores = core_ids(services)
    train(services, [iain], date(2026, 1, 10), cores[:-3])
    assert "training: 3 core modules not done" in services.volunteers.readiness(iain).missing
    train(services, [iain], date(2026, 1, 11), cores[-3:-1])
    [last] = [m.name for m in services.training.modules() if m.id == cores[-1]]
    assert f"training: {last} not done" in services.volunteers.readiness(iain).missing
    # An optional module is never needed; a retired core one no longer is.
    services.training.retire_module(cores[-1])
    assert services.training.is_trained(iain)


def test_a_mentor_trained_before_modules_stays_trained_until_a_refresher_falls_due(
    services: Services,
) -> None:
    iain = mentor(services, "Iain")
    services.volunteers.set_profile(iain, max_mentees=1)
    with services.db.transaction() as session:
        profile = session.get(VolunteerProfile, iain)
        assert profile is not None
        profile.legacy_trained_on = date(2023, 6, 16)  # Safeguarding would fall due tomorrow
        session.add(profile)
    assert services.training.is_trained(iain)
    [row] = services.training.matrix().rows
    assert {c.state for c in row.cells} == {CellState.DONE, CellState.DUE}
    assert all(c.legacy for c in row.cells)
    with services.db.transaction() as session:
        profile = session.get(VolunteerProfile, iain)
        assert profile is not None
        profile.legacy_trained_on = date(2023, 6, 15)  # fell due today
        session.add(profile)
    gaps = services.volunteers.readiness(iain).missing
    assert "training: Confidentiality expired on 15 June 2026" in gaps
    assert "training: Safeguarding expired on 15 June 2026" in gaps
    train(
        services, [iain], date(2026, 6, 1), module_ids(services, "Confidentiality", "Safeguarding")
    )
    assert services.training.is_trained(iain)


def test_modules_are_added_renamed_moved_and_retired_each_in_history(services: Services) -> None:
    added = services.training.add_module("Lone Working", is_core=False, refresher_months=12)
    assert added.words == "Lone Working (optional, refresher every 12 months)"
    assert services.training.modules()[-1].id == added.id
    with pytest.raises(ValidationError, match="already a module called “Safeguarding”"):
        services.training.add_module("safeguarding")
    services.training.update_module(
        added.id, name="Lone Working Safely", is_core=True, refresher_months=None, reason="Policy"
    )
    services.training.move_module(added.id, -1)
    order = [m.name for m in services.training.modules()]
    assert order[-2:] == ["Lone Working Safely", "Safeguarding"]
    services.training.retire_module(added.id)
    assert added.id not in [m.id for m in services.training.matrix().modules]
    history = [h.description for h in services.history.for_record("training_module", added.id)]
    assert history[0] == "Added training module Lone Working"
    assert "Renamed training module Lone Working to Lone Working Safely" in history
    assert history[-1] == "Retired training module Lone Working Safely"


def test_add_months_keeps_the_day_or_takes_the_months_last(services: Services) -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 36) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_a_sessions_history_keeps_an_attendee_taken_off_and_the_removal(
    services: Services,
) -> None:
    iain, jess = (mentor(services, n) for n in ("Iain", "Jess"))
    [safeguarding] = module_ids(services, "Safeguarding")
    session_id = train(services, [iain, jess], date(2026, 3, 3), [safeguarding])
    train(services, [iain], date(2026, 3, 10), [safeguarding])  # another session: not in it
    only_iain = SessionDetails(
        date(2026, 3, 3),
        60,
        [safeguarding],
        [(iain, True)],
        trainer_name="Scottish Recovery Network",
    )
    services.training.update_session(session_id, only_iain, reason="Jess was ill")
    services.training.remove_session(session_id, "Entered twice")
    history = services.training.session_history(session_id)
    assert [h.description for h in history] == [
        "Recorded training session on 3 March 2026",
        "Edited training session on 3 March 2026",
        "Removed training session on 3 March 2026",
    ]
    assert history[1].reason == "Jess was ill"
