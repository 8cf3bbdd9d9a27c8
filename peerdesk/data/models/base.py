"""Shared pieces of the table definitions: the constraint naming convention and helpers.

Alembic can only alter a SQLite table by rebuilding it, and it needs every constraint to have
a name to do that, so the naming convention is set before any table is declared.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import SQLModel

from peerdesk.vocabulary import Labelled

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLModel.metadata.naming_convention = NAMING_CONVENTION


def utc_now() -> datetime:
    """The current time in UTC, time-zone aware (SQLModel stores it as UTC)."""
    return datetime.now(UTC)


def one_of(column: str, vocabulary: type[Labelled], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK constraint that keeps `column` inside `vocabulary`."""
    values = ", ".join(f"'{value}'" for value in vocabulary.values())
    condition = f"{column} IN ({values})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_valid")


def at_least(column: str, minimum: int, *, nullable: bool = False) -> CheckConstraint:
    condition = f"{column} >= {minimum}"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_min")


def not_blank(column: str) -> CheckConstraint:
    return CheckConstraint(f"length(trim({column})) > 0", name=f"{column}_not_blank")
