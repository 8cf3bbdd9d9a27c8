"""The database's own identity: which backups are its own, whatever its file is called."""

from __future__ import annotations

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel


class DatabaseIdentity(SQLModel, table=True):
    """One row (id 1): a UUID given when the database was made, and where it was last opened.

    Backups are named and listed by this identity (`peerdesk.data.backup`), so two databases
    both called peerdesk.db never share backups. `last_path` tells a copy from a move: opened
    at a new path while the file at the old one is still there, it is a copy, and gets a new
    identity (`peerdesk.data.identity`).
    """

    __tablename__ = "database_identity"
    __table_args__ = (
        CheckConstraint("id = 1", name="one_row"),
        CheckConstraint("length(uuid) = 36", name="uuid_length"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(max_length=36)
    last_path: str = ""
