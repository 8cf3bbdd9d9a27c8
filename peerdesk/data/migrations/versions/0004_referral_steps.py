"""referral steps: assessment notes, signposting, closing and reopening reasons, preference

Each step of a referral in the app (first conversation held, not taken forward, closed,
reopened) keeps what the coordinator wrote; the same-condition preference joins the other
matching preferences. Existing referrals get empty text, no reopening and no preference; the
server defaults go again afterwards, as in the models. Runs on SQLite (batch mode: the table is
rebuilt) and PostgreSQL.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 07:13:47.328420
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The new text columns, each empty on the referrals already recorded.
TEXT_COLUMNS = ("assessment_notes", "signposted_to", "close_reason", "reopen_reason")


def upgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "wants_same_condition", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        for name in TEXT_COLUMNS:
            batch_op.add_column(
                sa.Column(
                    name, sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
                )
            )
        batch_op.add_column(sa.Column("reopened_on", sa.Date(), nullable=True))
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.alter_column("wants_same_condition", server_default=None)
        for name in TEXT_COLUMNS:
            batch_op.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_column("reopened_on")
        for name in reversed(TEXT_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("wants_same_condition")
