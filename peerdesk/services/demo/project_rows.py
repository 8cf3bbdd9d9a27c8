"""Demo projects (issue 21): "Mentoring (Lottery)" and "HUG group", and a staff facilitator.

Written last, once every other row is in, by rule rather than by the random source (so the
rest of a seed's demo is unchanged, and the same seed gives the same projects):
- five referrals in six (all but every sixth, by id) are in the Lottery-funded mentoring
  project, the rest in none;
- a pairing takes the project of its mentee's latest referral on or before it was proposed
  (as the app does when a pairing is proposed);
- the first group is the HUG group's, the others have no project;
- an expense claim follows the volunteer's pairing (the latest they mentor proposed on or
  before the claim), else the HUG group if they facilitate it, else no project;
- one of the HUG group's facilitators (one who mentors no one, if there is one) is staff.
"""

from __future__ import annotations

from sqlalchemy import func, update
from sqlmodel import col, select

from peerdesk.data.models import (
    ExpenseClaim,
    GroupFacilitator,
    Pairing,
    PeerGroup,
    Person,
    Project,
    Referral,
)
from peerdesk.services.demo.state import BuilderState

LOTTERY = "Mentoring (Lottery)"
HUG = "HUG group"
#: Every sixth referral (by id) has no project.
NO_PROJECT_EVERY = 6


def write_project_rows(state: BuilderState) -> None:
    state.flush()
    lottery, hug = state.ids("project"), state.ids("project")
    state.add(Project(id=lottery, name=LOTTERY), "projects")
    state.add(Project(id=hug, name=HUG), "projects")
    state.flush()
    # Through the connection, not the session: the rows are new in this change set, and the
    # history logs them once, as they end up (generator.py), not as inserts then updates.
    connection = state.s.connection()
    connection.execute(
        update(Referral).where(col(Referral.id) % NO_PROJECT_EVERY != 0).values(project_id=lottery)
    )
    led_to = (
        select(Referral.project_id)
        .where(
            col(Referral.person_id) == col(Pairing.mentee_id),
            col(Referral.referral_date) <= col(Pairing.proposed_on),
        )
        .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    connection.execute(update(Pairing).values(project_id=led_to))
    group = state.s.exec(select(func.min(PeerGroup.id))).one()
    if group is None:
        return
    connection.execute(update(PeerGroup).where(col(PeerGroup.id) == group).values(project_id=hug))
    _claims_follow(state, group, hug)
    _staff_facilitator(state, group)


def _claims_follow(state: BuilderState, group: int, hug: int) -> None:
    pairing = (
        select(Pairing.project_id)
        .where(
            col(Pairing.mentor_id) == col(ExpenseClaim.person_id),
            col(Pairing.proposed_on) <= col(ExpenseClaim.submitted_on),
        )
        .order_by(col(Pairing.proposed_on).desc(), col(Pairing.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    facilitates = (
        select(func.count())
        .select_from(GroupFacilitator)
        .where(
            col(GroupFacilitator.group_id) == group,
            col(GroupFacilitator.person_id) == col(ExpenseClaim.person_id),
        )
        .scalar_subquery()
    )
    has_pairing = (
        select(func.count())
        .select_from(Pairing)
        .where(
            col(Pairing.mentor_id) == col(ExpenseClaim.person_id),
            col(Pairing.proposed_on) <= col(ExpenseClaim.submitted_on),
        )
        .scalar_subquery()
    )
    connection = state.s.connection()
    connection.execute(update(ExpenseClaim).where(has_pairing > 0).values(project_id=pairing))
    connection.execute(
        update(ExpenseClaim).where(has_pairing == 0, facilitates > 0).values(project_id=hug)
    )


def _staff_facilitator(state: BuilderState, group: int) -> None:
    facilitators = list(
        state.s.exec(
            select(GroupFacilitator.person_id)
            .where(col(GroupFacilitator.group_id) == group)
            .order_by(col(GroupFacilitator.person_id))
        )
    )
    mentors = set(state.s.exec(select(Pairing.mentor_id).distinct()))
    chosen = next((p for p in facilitators if p not in mentors), None)
    if chosen is None and facilitators:
        chosen = facilitators[0]
    if chosen is not None:
        state.s.connection().execute(
            update(Person).where(col(Person.id) == chosen).values(is_staff=True)
        )
        state.counts["staff members"] += 1
