"""Whether a volunteer is trained, and the training matrix's cells: pure rules over rows.

A module is done on the day of its latest completed record (a record names its module by
`module_id`; a record with none counts for a module of the same name, whatever its case). A
module with a refresher falls due `refresher_months` after that day: on that day it has
expired, and in the `expiry_warning_days` before it, it is due. A volunteer is trained when
every core module not retired is done and has not expired.

Mentors trained before modules were tracked have `volunteer_profile.legacy_trained_on`: it
counts as the day each module was done unless a later record exists, so they stay trained
until a core module's refresher would have fallen due after that day (a module with no
refresher never falls due), and doing the refresher keeps them trained from then on.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlmodel import Session, col, select

from peerdesk.data.models import Organisation, TrainingModule, TrainingRecord, VolunteerProfile
from peerdesk.services.training.views import CellState, MatrixCell, in_words

#: Days of warning before a refresher falls due, when the organisation has not said.
DEFAULT_WARNING_DAYS = 30


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 31 January + 1
    month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def warning_days(session: Session) -> int:
    organisation = session.exec(select(Organisation)).first()
    if organisation is None or organisation.expiry_warning_days is None:
        return DEFAULT_WARNING_DAYS
    return int(organisation.expiry_warning_days)


def current_modules(session: Session) -> list[TrainingModule]:
    """The modules not retired, in their order."""
    return list(
        session.exec(
            select(TrainingModule)
            .where(col(TrainingModule.retired_on).is_(None))
            .order_by(col(TrainingModule.position), col(TrainingModule.id))
        )
    )


def latest_done(
    modules: Sequence[TrainingModule], records: Iterable[TrainingRecord]
) -> dict[int, date]:
    """Each module's latest completed record's day, by module id."""
    by_name = {m.name.casefold(): m.id for m in modules}
    latest: dict[int, date] = {}
    for record in records:
        if not record.completed:
            continue
        module_id = record.module_id or by_name.get(record.module.strip().casefold())
        if module_id is None:
            continue
        if module_id not in latest or record.training_date > latest[module_id]:
            latest[module_id] = record.training_date
    return latest


def cell(
    module: TrainingModule,
    done_on: date | None,
    legacy_on: date | None,
    today: date,
    warning: int,
) -> MatrixCell:
    """One module's state for one volunteer today."""
    assert module.id is not None
    legacy = legacy_on is not None and (done_on is None or legacy_on > done_on)
    day = legacy_on if legacy else done_on
    if day is None:
        return MatrixCell(module.id, CellState.NOT_DONE)
    due_on = add_months(day, module.refresher_months) if module.refresher_months else None
    if due_on is None or due_on > today + timedelta(days=warning):
        state = CellState.DONE
    elif due_on <= today:
        state = CellState.EXPIRED
    else:
        state = CellState.DUE
    return MatrixCell(module.id, state, done_on=day, due_on=due_on, legacy=legacy)


def gaps(modules: Sequence[TrainingModule], cells: Sequence[MatrixCell]) -> list[str]:
    """Why a volunteer is not trained, in plain words: each core module expired ("Safeguarding
    expired on 3 March 2026"), then those not done ("Peer Values not done", or "3 core modules
    not done"). Empty: trained."""
    names = {m.id: m.name for m in modules}
    core = {m.id for m in modules if m.is_core}
    expired = [
        f"{names[c.module_id]} expired on {in_words(c.due_on)}"
        for c in cells
        if c.module_id in core and c.state is CellState.EXPIRED and c.due_on is not None
    ]
    missing = [
        names[c.module_id] for c in cells if c.module_id in core and c.state is CellState.NOT_DONE
    ]
    if len(missing) == 1:
        expired.append(f"{missing[0]} not done")
    elif missing:
        expired.append(f"{len(missing)} core modules not done")
    return expired


def person_cells(
    session: Session, person_id: int, today: date, modules: Sequence[TrainingModule] | None = None
) -> tuple[list[MatrixCell], list[str]]:
    """A volunteer's cells for the current modules, and their gaps (empty: trained)."""
    modules = current_modules(session) if modules is None else modules
    records = session.exec(select(TrainingRecord).where(TrainingRecord.person_id == person_id))
    latest = latest_done(modules, records)
    profile = session.get(VolunteerProfile, person_id)
    legacy_on = profile.legacy_trained_on if profile else None
    warning = warning_days(session)
    cells = [cell(m, latest.get(m.id or 0), legacy_on, today, warning) for m in modules]
    return cells, gaps(modules, cells)


def training_gaps(session: Session, person_id: int, today: date) -> list[str]:
    """What stands between a volunteer and being trained today (empty: trained)."""
    return person_cells(session, person_id, today)[1]


def is_trained(session: Session, person_id: int, today: date) -> bool:
    """Every core module not retired done and in date (or trained before modules were
    tracked and no core refresher fallen due since)."""
    return not training_gaps(session, person_id, today)


def module_named(session: Session, name: str) -> int | None:
    """The id of the module of that name, whatever its case (None: free text, as recorded
    before modules were tracked)."""
    wanted = name.strip().casefold()
    for module in session.exec(select(TrainingModule)):
        if module.name.casefold() == wanted:
            return module.id
    return None
