"""What every service holds: the database, and a clock that tests can set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sqlmodel import Session, SQLModel

from peerdesk.data.database import Database
from peerdesk.errors import NotFoundError

T = TypeVar("T", bound=SQLModel)

Clock = Callable[[], date]


class Service:
    def __init__(self, db: Database, today: Clock = date.today) -> None:
        self.db = db
        self._today = today

    def today(self) -> date:
        return self._today()


def get_or_raise(session: Session, model: type[T], record_id: int, what: str) -> T:
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(
            f"That {what} could not be found (number {record_id}). It may have been erased."
        )
    return record
