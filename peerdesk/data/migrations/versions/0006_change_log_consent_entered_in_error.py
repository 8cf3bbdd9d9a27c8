"""change log (change_set, change_log); a consent can be marked as entered in error

Every insert, change and removal is recorded from now on in `change_log`, grouped into
`change_set`s (one per transaction): who, when, why, and the columns' old and new values. The
history starts at this revision: nothing before it is invented. `consent` gets
`entered_in_error_on` (empty) and `entered_in_error_reason` ('' by default, which stays in the
database as 0005 kept `condition.family`'s: dropping it would rebuild `consent`, which the
frozen-wording trigger names). Runs on SQLite (batch mode) and PostgreSQL: no SQLite-only SQL.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 12:04:43.586216
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "kind IN ('change', 'import', 'erasure', 'restore', 'undo', 'redo')"
ACTIONS = "action IN ('insert', 'update', 'delete')"


def upgrade() -> None:
    op.create_table(
        "change_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("undoes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(KINDS, name=op.f("ck_change_set_kind_valid")),
        sa.ForeignKeyConstraint(
            ["undoes_id"],
            ["change_set.id"],
            name=op.f("fk_change_set_undoes_id_change_set"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_set")),
    )
    with op.batch_alter_table("change_set", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_set_made_at"), ["made_at"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("record_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("changes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint(ACTIONS, name=op.f("ck_change_log_action_valid")),
        sa.ForeignKeyConstraint(
            ["change_set_id"],
            ["change_set.id"],
            name=op.f("fk_change_log_change_set_id_change_set"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_change_log_change_set_id"), ["change_set_id"], unique=False
        )
        batch_op.create_index("ix_change_log_record", ["table_name", "record_key"], unique=False)

    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entered_in_error_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "entered_in_error_reason",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("entered_in_error_reason")
        batch_op.drop_column("entered_in_error_on")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_record")
        batch_op.drop_index(batch_op.f("ix_change_log_change_set_id"))
    op.drop_table("change_log")
    with op.batch_alter_table("change_set", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_set_made_at"))
    op.drop_table("change_set")
