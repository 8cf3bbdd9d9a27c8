"""Alembic environment: peerdesk always passes an open connection in config.attributes."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from peerdesk.data.models import NAMING_CONVENTION  # noqa: F401 - registers every table

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("peerdesk migrations run only through peerdesk.data.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("peerdesk does not support offline migrations")
run_migrations_online()
