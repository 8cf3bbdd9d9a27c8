"""The demo builder's shared state and row-writing helpers."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, SQLModel

from peerdesk.services.demo.options import DemoOptions
from peerdesk.services.demo.writer import RowIds, RowShape


class BuilderState:
    """The rows written so far, the random source, and what later rows need to know."""

    def __init__(
        self, session: Session, rng: random.Random, today: date, options: DemoOptions
    ) -> None:
        self.s = session
        self.rng = rng
        self.today = today
        self.start = today - timedelta(days=365 * options.years)
        self.scale = options.scale
        self.years = options.years
        self.ids = RowIds()
        self.counts: dict[str, int] = defaultdict(int)
        self.pending: dict[RowShape, list[tuple[Any, ...]]] = defaultdict(list)
        self.pending_rows = 0
        self.shapes: dict[type[SQLModel], RowShape] = {}
        self.condition_ids: dict[str, int] = {}
        self.wording_ids: dict[str, int] = {}
        self.mentor_busy: dict[int, list[tuple[date, date]]] = defaultdict(list)
        self.mentor_capacity: dict[int, int] = {}
        self.mentor_active_from: dict[int, date] = {}
        self.mentor_until: dict[int, date] = {}
        self.name_index = 0

    # -- helpers -------------------------------------------------------------------------
    # Rows are written with the driver's executemany, one statement per table, not through
    # the ORM: the large benchmark database (over 100,000 sessions) would otherwise spend
    # most of its time building and flushing ORM objects. Rows keep their order within each
    # table, so autoincrement ids are the same as before; foreign keys are checked at commit
    # (defer_foreign_keys), so the order of tables does not matter.
    def add(self, row: SQLModel, kind: str | None = None) -> None:
        shape = self.shape(type(row))
        self.queue(shape, tuple(getattr(row, name) for name in shape.names), kind)

    def put(self, model: type[SQLModel], counted: str | None = None, /, **values: Any) -> None:
        """Like `add(model(**values))`, without building the ORM object (for the many rows)."""
        shape = self.shape(model)
        row = tuple(
            values[name] if name in values else default()
            for name, default in zip(shape.names, shape.defaults, strict=True)
        )
        self.queue(shape, row, counted)

    def queue(self, shape: RowShape, row: tuple[Any, ...], kind: str | None) -> None:
        self.pending[shape].append(
            tuple(
                value if convert is None or value is None else convert(value)
                for value, convert in zip(row, shape.processors, strict=True)
            )
        )
        self.pending_rows += 1
        if kind:
            self.counts[kind] += 1
        if self.pending_rows >= 5000:
            self.flush()

    def shape(self, model: type[SQLModel]) -> RowShape:
        shape = self.shapes.get(model)
        if shape is None:
            shape = self.shapes[model] = RowShape.of(model, self.s.get_bind().dialect)
        return shape

    def flush(self) -> None:
        # Parents before children, for the same reason as above: outstanding foreign keys
        # make every insert scan the tables that refer to it.
        connection = self.s.connection()
        for shape in sorted(self.pending, key=lambda shape: shape.order):
            connection.exec_driver_sql(shape.sql, self.pending[shape])
        self.pending.clear()
        self.pending_rows = 0

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability
