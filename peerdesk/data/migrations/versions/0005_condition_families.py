"""condition families; waiting for a mentor: remind after N weeks

Conditions become one shared list with families: each entry gets a family name (empty: in no
family). Two families are seeded, "Diabetes" (Type 1 diabetes, Type 2 diabetes) and "Mental
health" (Anxiety, Depression, Bipolar disorder): an entry already recorded under one of those
names (whatever its case) is put in the family, and a name not there yet is added, so the free
text recorded before keeps its entries and nobody's conditions change. The organisation gets
`waiting_remind_weeks` (8 unless changed). Runs on SQLite (batch mode: the tables are rebuilt)
and PostgreSQL: plain SQL only (lower(), no SQLite functions).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 11:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The families seeded by this revision, as written when it was (later changes are the
#: coordinator's, in Settings, and must not be undone by a later migration).
SEEDED_FAMILIES = {
    "Diabetes": ("Type 1 diabetes", "Type 2 diabetes"),
    "Mental health": ("Anxiety", "Depression", "Bipolar disorder"),
}


def upgrade() -> None:
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "family", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("waiting_remind_weeks", sa.Integer(), nullable=False, server_default="8")
        )
        batch_op.create_check_constraint(
            op.f("ck_organisation_waiting_remind_weeks_valid"),
            "waiting_remind_weeks BETWEEN 1 AND 52",
        )
    # The default goes again, as in the models (the app always says what it stores). Not on
    # `condition`: dropping it would rebuild that table, and SQLite refuses to drop a table
    # that person_condition's rows refer to while foreign keys are checked; an empty family
    # by default is what the models mean anyway.
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.alter_column("waiting_remind_weeks", server_default=None)
    _seed_families()


def _seed_families() -> None:
    connection = op.get_bind()
    condition = sa.table("condition", sa.column("name", sa.String), sa.column("family", sa.String))
    for family, members in SEEDED_FAMILIES.items():
        for member in members:
            found = connection.execute(
                sa.update(condition)
                .where(sa.func.lower(condition.c.name) == member.lower())
                .values(family=family)
            )
            if found.rowcount == 0:
                connection.execute(sa.insert(condition).values(name=member, family=family))


def downgrade() -> None:
    # Entries added by the upgrade stay: by now someone may have recorded them.
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_organisation_waiting_remind_weeks_valid"), "check")
        batch_op.drop_column("waiting_remind_weeks")
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.drop_column("family")
