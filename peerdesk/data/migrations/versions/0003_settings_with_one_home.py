"""settings with one home: the coordinator's name, the backup folder and rotation

What the records need lives in the database, so the app and the `peerdesk` command see the
same settings. The backup folder and rotation were kept in the app's settings.ini before; a
None here means "not chosen" (peerdesk's own folder, its usual rotation), which is also how
the app knows to adopt the old values once (`peerdesk.services.settings`). Runs on SQLite
(batch mode: the table is rebuilt to add the CHECK constraints) and PostgreSQL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 06:21:05.445563
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: As in peerdesk.data.models.organisation.BACKUP_KEEP_LIMITS when this revision was written.
KEEP_LIMITS = {"recent": 100, "daily": 365, "weekly": 260, "monthly": 240}


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        # Existing rows get an empty name; the default goes again below, as in the models.
        batch_op.add_column(
            sa.Column(
                "coordinator_name",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column("backup_folder", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        for kind, most in KEEP_LIMITS.items():
            batch_op.add_column(sa.Column(f"backup_keep_{kind}", sa.Integer(), nullable=True))
            batch_op.create_check_constraint(
                op.f(f"ck_organisation_backup_keep_{kind}_valid"),
                f"backup_keep_{kind} IS NULL OR backup_keep_{kind} BETWEEN 1 AND {most}",
            )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.alter_column("coordinator_name", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        for kind in reversed(list(KEEP_LIMITS)):
            batch_op.drop_constraint(op.f(f"ck_organisation_backup_keep_{kind}_valid"), "check")
            batch_op.drop_column(f"backup_keep_{kind}")
        batch_op.drop_column("backup_folder")
        batch_op.drop_column("coordinator_name")
