"""Projects: an organisation's funded pieces of work ("Mentoring (Lottery)", "HUG group").

Referrals, pairings, groups and expense claims may carry one; their sessions, meetings,
outcome scores and lines follow it, and the figures can be counted for one project
(docs/figures.md, "Projects"). An ended project stays on the records that carry it but is
offered for no new one; a project can be removed only while no record carries it. Every
change is one change set, so it appears in History; a refused change changes nothing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import ExpenseClaim, Pairing, PeerGroup, Project, Referral
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import change_set, remove_row
from peerdesk.services.projects.views import NO_PROJECT, ProjectView

#: The records that may carry a project, with their words for a refused removal.
CARRIERS = (
    (Referral, "referral", "referrals"),
    (Pairing, "pairing", "pairings"),
    (PeerGroup, "group", "groups"),
    (ExpenseClaim, "expense claim", "expense claims"),
)


class ProjectsService(Service):
    def listing(self) -> tuple[ProjectView, ...]:
        """Every project, open ones first, each in name order."""
        with self.db.session() as session:
            projects = list(session.exec(select(Project)))
            counts = _record_counts(session)
        views = [_view(p, counts.get(p.id or 0, 0)) for p in projects]
        return tuple(sorted(views, key=lambda p: (not p.is_open, p.name.casefold(), p.id)))

    def choices(self, current: int | None = None) -> tuple[ProjectView, ...]:
        """What a chooser on a record offers: the open projects, and the one the record
        carries already (even ended, so that editing it does not take it away)."""
        return tuple(p for p in self.listing() if p.is_open or p.id == current)

    def of_referral(self, person_id: int) -> int | None:
        """The project a pairing for this person takes by default: their latest referral's."""
        with self.db.session() as session:
            return referral_project(session, person_id)

    def get(self, project_id: int) -> ProjectView:
        with self.db.session() as session:
            project = get_or_raise(session, Project, project_id, "project")
            return _view(project, _record_counts(session).get(project_id, 0))

    def find(self, name: str) -> ProjectView | None:
        """The project of that name, whatever its case; None when there is none."""
        wanted = (name or "").strip().casefold()
        return next((p for p in self.listing() if p.name.casefold() == wanted), None)

    def add(self, name: str) -> ProjectView:
        with self.db.session() as session:
            cleaned = _checked_name(session, name, None)
        with change_set(self.db, description=f"Added project {cleaned}") as session:
            project = Project(name=cleaned)
            session.add(project)
            session.flush()
            return _view(project, 0)

    def change_name(self, project_id: int, name: str, reason: str = "") -> ProjectView:
        """A new name: every record that carries the project keeps it, under the new name."""
        with self.db.session() as session:
            old = get_or_raise(session, Project, project_id, "project").name
            cleaned = _checked_name(session, name, project_id)
        description = f"Renamed project {old} to {cleaned}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            project = get_or_raise(session, Project, project_id, "project")
            project.name = cleaned
            session.add(project)
        return self.get(project_id)

    def end(self, project_id: int, on: date | None = None, reason: str = "") -> ProjectView:
        """End a project on a day (today unless given): it is offered for no new record."""
        day = on or self.today()
        v.not_in_future(day, self.today(), "ended_on", "the day the project ended")
        with self.db.session() as session:
            project = get_or_raise(session, Project, project_id, "project")
            if project.ended_on is not None:
                raise ValidationError(f"“{project.name}” has ended already.", "project")
            description = f"Ended project {project.name}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            project = get_or_raise(session, Project, project_id, "project")
            project.ended_on = day
            session.add(project)
        return self.get(project_id)

    def reopen(self, project_id: int, reason: str = "") -> ProjectView:
        """Offer an ended project again (it was ended by mistake, or the funding came back)."""
        with self.db.session() as session:
            project = get_or_raise(session, Project, project_id, "project")
            if project.ended_on is None:
                raise ValidationError(f"“{project.name}” has not ended.", "project")
            description = f"Reopened project {project.name}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            project = get_or_raise(session, Project, project_id, "project")
            project.ended_on = None
            session.add(project)
        return self.get(project_id)

    def remove(self, project_id: int, reason: str | None) -> str:
        """Remove a project no record carries (end it otherwise), with the reason why."""
        with self.db.session() as session:
            project = get_or_raise(session, Project, project_id, "project")
            carried = _carried_by(session, project_id)
        if carried:
            raise ValidationError(
                f"“{project.name}” is on {carried}, so it cannot be removed. End it instead: "
                "it stays on those records and is offered for no new one.",
                "project",
            )
        return remove_row(
            self.db,
            Project,
            project_id,
            what="project",
            reason=reason,
            describe=lambda p: f"Removed project {p.name}",
        )


def referral_project(session: Session, person_id: int) -> int | None:
    """The project of a person's latest referral (None when it has none, or no referral):
    what a pairing proposed for them takes unless another is chosen."""
    latest = session.exec(
        select(Referral.project_id)
        .where(Referral.person_id == person_id)
        .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
    ).first()
    return latest


def check_project(session: Session, project_id: int | None, current: int | None = None) -> None:
    """Refuse a project that is not there, or that has ended, for a record (unless the
    record carries it already: `current`). None (no project) is always fine."""
    if project_id is None:
        return
    project = session.get(Project, project_id)
    if project is None:
        raise ValidationError(
            "That project could not be found: it may have been removed. Please choose "
            "another, or no project.",
            "project_id",
        )
    if project.ended_on is not None and project_id != current:
        raise ValidationError(
            f"“{project.name}” has ended, so it cannot be chosen for a new record. Please "
            "choose another project, or no project.",
            "project_id",
        )


def _checked_name(session: Session, name: str, project_id: int | None) -> str:
    cleaned = v.required_text(name, "name", "the project's name")
    cleaned = v.short_text(cleaned, "name", "the project's name")
    if cleaned.casefold() == NO_PROJECT:
        # `peerdesk figures --project none` means the records with no project.
        raise ValidationError(
            "“none” means records with no project (in the figures), so a project cannot be "
            "called that. Please choose another name.",
            "name",
        )
    for other in session.exec(select(Project)):
        if other.id != project_id and other.name.casefold() == cleaned.casefold():
            raise ValidationError(
                f"There is a project called “{other.name}” already: please choose another name.",
                "name",
            )
    return cleaned


def _record_counts(session: Session) -> dict[int, int]:
    counts: dict[int, int] = {}
    for model, _, _ in CARRIERS:
        column = col(model.project_id)  # type: ignore[attr-defined]
        query = select(column, func.count()).where(column.is_not(None)).group_by(column)
        for project_id, count in session.exec(query):
            if project_id is not None:
                counts[project_id] = counts.get(project_id, 0) + int(count)
    return counts


def _carried_by(session: Session, project_id: int) -> str:
    """The records carrying the project, in words ("2 referrals and 1 group"); "" if none."""
    parts = []
    for model, one, many in CARRIERS:
        column = col(model.project_id)  # type: ignore[attr-defined]
        count = int(
            session.exec(select(func.count()).select_from(model).where(column == project_id)).one()
        )
        if count:
            parts.append(f"1 {one}" if count == 1 else f"{count} {many}")
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else ""


def _view(project: Project, records: int) -> ProjectView:
    assert project.id is not None
    return ProjectView(id=project.id, name=project.name, ended_on=project.ended_on, records=records)
