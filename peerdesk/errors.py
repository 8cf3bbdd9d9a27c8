"""The error types every layer shares.

A `PeerdeskError` carries a message written for the coordinator: plain English that says what
happened and what to do. The UI and CLI show `str(error)` as it is; anything else that escapes
is a bug, logged in full and shown only as a kind, generic message.
"""

from __future__ import annotations


class PeerdeskError(Exception):
    """An expected problem, with a message fit to show the coordinator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(PeerdeskError):
    """Input that cannot be saved. `field` names the input it concerns, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(PeerdeskError):
    """A record asked for by id does not exist (or was erased)."""


class DatabaseProblem(PeerdeskError):
    """The database cannot be opened or used as it is. Subclasses say why."""


class DatabaseInUseError(DatabaseProblem):
    pass


class DatabaseNewerError(DatabaseProblem):
    pass


class NotAPeerdeskDatabaseError(DatabaseProblem):
    pass


class DatabaseDamagedError(DatabaseProblem):
    pass
