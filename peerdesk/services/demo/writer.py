"""Writing demo rows fast: ids handed out in creation order, rows queued per table and
written with executemany."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Dialect, Table
from sqlmodel import SQLModel


class RowIds:
    """Hands out ids per table in creation order, so the same seed gives the same rows."""

    def __init__(self) -> None:
        self._next: dict[str, int] = defaultdict(lambda: 1)

    def __call__(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value


def _constant(value: Any) -> Any:
    return value


def _required() -> Any:
    raise TypeError("a required column was not given")


@dataclass(frozen=True, eq=False)
class RowShape:
    """How one table's rows are written: column order, defaults, and value conversions."""

    names: tuple[str, ...]
    defaults: tuple[Callable[[], Any], ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    sql: str
    order: int

    @classmethod
    def of(cls, model: type[SQLModel], dialect: Dialect) -> RowShape:
        table: Table = model.__table__  # type: ignore[attr-defined]
        names = tuple(column.name for column in table.columns)
        defaults: list[Callable[[], Any]] = []
        for name in names:
            info = model.model_fields[name]
            if info.default_factory is not None:
                defaults.append(info.default_factory)  # type: ignore[arg-type]
            elif info.is_required():
                defaults.append(_required)
            else:
                defaults.append(partial(_constant, info.default))
        processors = tuple(
            column.type.dialect_impl(dialect).bind_processor(dialect) for column in table.columns
        )
        quoted = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" for _ in names)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        order = SQLModel.metadata.sorted_tables.index(table)
        return cls(names, tuple(defaults), processors, sql, order)
