"""The course's modules: add, rename, core or optional, refresher, order, retire.

Every change is one change set (so it appears in History). A retired module stays on the
records that name it and in their History, but is offered for no new training and no longer
counts for being trained.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import TrainingModule, TrainingRecord
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import change_set
from peerdesk.services.training.views import ModuleView, in_words


def module_view(row: TrainingModule, records: int = 0) -> ModuleView:
    return ModuleView(
        id=row.id or 0,
        name=row.name,
        is_core=row.is_core,
        refresher_months=row.refresher_months,
        position=row.position,
        retired_on=row.retired_on,
        records=records,
    )


def ordered(session: Session) -> list[TrainingModule]:
    return list(
        session.exec(
            select(TrainingModule).order_by(col(TrainingModule.position), col(TrainingModule.id))
        )
    )


def _refresher(months: int | None) -> int | None:
    if months in (None, 0):
        return None
    assert months is not None
    if not 1 <= months <= 120:
        raise ValidationError(
            "A refresher period is between 1 and 120 months (or none).", "refresher_months"
        )
    return months


def _checked_name(session: Session, name: str, module_id: int | None) -> str:
    cleaned = v.required_text(name, "name", "the module's name")
    for other in session.exec(select(TrainingModule)):
        if other.id != module_id and other.name.casefold() == cleaned.casefold():
            raise ValidationError(f"There is already a module called “{other.name}”.", "name")
    return cleaned


class TrainingModules(Service):
    def modules(self, include_retired: bool = True) -> tuple[ModuleView, ...]:
        """The modules in their order (retired ones too, unless asked not to)."""
        with self.db.session() as session:
            counts = dict(
                session.exec(
                    select(TrainingRecord.module_id, func.count())
                    .where(col(TrainingRecord.module_id).is_not(None))
                    .group_by(col(TrainingRecord.module_id))
                ).all()
            )
            rows = ordered(session)
        return tuple(
            module_view(m, counts.get(m.id, 0))
            for m in rows
            if include_retired or m.retired_on is None
        )

    def module(self, module_id: int) -> ModuleView:
        found = [m for m in self.modules() if m.id == module_id]
        if not found:
            with self.db.session() as session:
                get_or_raise(session, TrainingModule, module_id, "training module")
        return found[0]

    def add_module(
        self, name: str, *, is_core: bool = True, refresher_months: int | None = None
    ) -> ModuleView:
        months = _refresher(refresher_months)
        with self.db.session() as session:
            cleaned = _checked_name(session, name, None)
            last = max((m.position for m in ordered(session)), default=0)
        with change_set(self.db, description=f"Added training module {cleaned}") as session:
            row = TrainingModule(
                name=cleaned, is_core=is_core, refresher_months=months, position=last + 1
            )
            session.add(row)
            session.flush()
            return module_view(row)

    def update_module(
        self,
        module_id: int,
        *,
        name: str,
        is_core: bool,
        refresher_months: int | None,
        reason: str = "",
    ) -> ModuleView:
        """Rename it, make it core or optional, change its refresher. Records keep the name
        they were recorded under."""
        months = _refresher(refresher_months)
        with self.db.session() as session:
            old = get_or_raise(session, TrainingModule, module_id, "training module").name
            cleaned = _checked_name(session, name, module_id)
        description = f"Edited training module {old}"
        if cleaned != old:
            description = f"Renamed training module {old} to {cleaned}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            row = get_or_raise(session, TrainingModule, module_id, "training module")
            row.name, row.is_core, row.refresher_months = cleaned, is_core, months
            session.add(row)
        return self.module(module_id)

    def move_module(self, module_id: int, step: int) -> ModuleView:
        """Up (-1) or down (+1) one place in lists and the matrix."""
        with self.db.session() as session:
            rows = ordered(session)
            index = next((i for i, m in enumerate(rows) if m.id == module_id), None)
            if index is None:
                get_or_raise(session, TrainingModule, module_id, "training module")
            assert index is not None
            name = rows[index].name
        target = index + (1 if step > 0 else -1)
        if not 0 <= target < len(rows):
            return self.module(module_id)
        where = "down" if step > 0 else "up"
        with change_set(self.db, description=f"Moved training module {name} {where}") as session:
            rows = ordered(session)
            rows[index], rows[target] = rows[target], rows[index]
            for position, row in enumerate(rows, start=1):
                if row.position != position:
                    row.position = position
                    session.add(row)
        return self.module(module_id)

    def retire_module(self, module_id: int, on: date | None = None, reason: str = "") -> ModuleView:
        day = on or self.today()
        v.not_in_future(day, self.today(), "retired_on", "the day the module was retired")
        with self.db.session() as session:
            row = get_or_raise(session, TrainingModule, module_id, "training module")
            if row.retired_on is not None:
                raise ValidationError(
                    f"“{row.name}” was retired on {in_words(row.retired_on)}.", "module"
                )
            description = f"Retired training module {row.name}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            row = get_or_raise(session, TrainingModule, module_id, "training module")
            row.retired_on = day
            session.add(row)
        return self.module(module_id)

    def restore_module(self, module_id: int, reason: str = "") -> ModuleView:
        """Offer a retired module again."""
        with self.db.session() as session:
            row = get_or_raise(session, TrainingModule, module_id, "training module")
            if row.retired_on is None:
                raise ValidationError(f"“{row.name}” is not retired.", "module")
            description = f"Brought back training module {row.name}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            row = get_or_raise(session, TrainingModule, module_id, "training module")
            row.retired_on = None
            session.add(row)
        return self.module(module_id)
