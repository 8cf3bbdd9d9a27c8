"""projects; outcome score sets with answers; expense claims with lines; staff; settings

For what funders and treasurers ask (issue 21):
- `project`: the organisation's projects or funding streams. `referral`, `pairing`,
  `peer_group` and the new `expense_claim` may carry one (`project_id`, empty for all records
  so far: "no project").
- `person.is_staff` (false for everyone so far): a staff member's facilitating is not
  volunteer time.
- `outcome_score` becomes a score set: it may name the pairing or group it belongs to, its
  timing may be "during" too, and `outcome_answer` holds each question's answer (1 to 5). The
  sets recorded so far keep their total and have no answers.
- `expense` (one row a claim, with fixed columns for miles, fares and parking) becomes
  `expense_claim` with dated `expense_line`s. Each old row becomes one claim, with the same
  person, date, status (paid, approved or submitted from its dates), and a line for each of its
  mileage (at its own stored rate), fares and parking; the receipt reference and purpose are
  kept in the lines' description. Money stays in whole pence.
- `organisation`: the reduced mileage rate (25p) and threshold (10,000 miles a tax year), the
  outcome scale's questions, the coordinator's role.

SQLite cannot add a foreign key to a table without rebuilding it, and rebuilding a table that
others refer to (person, referral, pairing, peer_group) while foreign keys are checked would
delete their children, so there the new columns are added with an inline REFERENCES clause
(which SQLite allows for a column that defaults to NULL); PostgreSQL gets named constraints.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 14:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROJECT_TABLES = ("referral", "pairing", "peer_group")


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_project_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("name", name=op.f("uq_project_name")),
    )
    for table in PROJECT_TABLES:
        _add_project_column(table)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_staff", sa.Boolean(), nullable=False, server_default="0")
        )
    _organisation_settings()
    _outcome_score_sets()
    _expense_claims()


def _add_project_column(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN project_id INTEGER CONSTRAINT "
            f"fk_{table}_project_id_project REFERENCES project (id)"
        )
    else:
        op.add_column(table, sa.Column("project_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f(f"fk_{table}_project_id_project"),
            table,
            "project",
            ["project_id"],
            ["id"],
        )
    op.create_index(op.f(f"ix_{table}_project_id"), table, ["project_id"], unique=False)


def _organisation_settings() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "mileage_reduced_rate_pence", sa.Integer(), nullable=False, server_default="25"
            )
        )
        batch_op.add_column(
            sa.Column(
                "mileage_threshold_miles", sa.Integer(), nullable=False, server_default="10000"
            )
        )
        batch_op.add_column(
            sa.Column(
                "outcome_questions",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column(
                "coordinator_role",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.create_check_constraint(
            op.f("ck_organisation_mileage_reduced_rate_pence_min"),
            "mileage_reduced_rate_pence >= 0",
        )
        batch_op.create_check_constraint(
            op.f("ck_organisation_mileage_threshold_miles_min"), "mileage_threshold_miles >= 0"
        )
    # The defaults go again, as in the models (the app always says what it stores).
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        for column in (
            "mileage_reduced_rate_pence",
            "mileage_threshold_miles",
            "outcome_questions",
            "coordinator_role",
        ):
            batch_op.alter_column(column, server_default=None)


def _outcome_score_sets() -> None:
    # outcome_score is referred to by no table yet, so SQLite may rebuild it.
    with op.batch_alter_table("outcome_score", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pairing_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.drop_constraint(op.f("ck_outcome_score_timing_valid"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_outcome_score_timing_valid"), "timing IN ('before', 'during', 'after')"
        )
        batch_op.create_check_constraint(
            op.f("ck_outcome_score_one_of_pairing_or_group"),
            "pairing_id IS NULL OR group_id IS NULL",
        )
        batch_op.create_foreign_key(
            op.f("fk_outcome_score_pairing_id_pairing"),
            "pairing",
            ["pairing_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            op.f("fk_outcome_score_group_id_peer_group"),
            "peer_group",
            ["group_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(op.f("ix_outcome_score_pairing_id"), ["pairing_id"], unique=False)
        batch_op.create_index(op.f("ix_outcome_score_group_id"), ["group_id"], unique=False)
    op.create_table(
        "outcome_answer",
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("answer", sa.Integer(), nullable=False),
        sa.CheckConstraint("answer BETWEEN 1 AND 5", name=op.f("ck_outcome_answer_answer_valid")),
        sa.CheckConstraint("position >= 1", name=op.f("ck_outcome_answer_position_min")),
        sa.ForeignKeyConstraint(
            ["score_id"],
            ["outcome_score.id"],
            name=op.f("fk_outcome_answer_score_id_outcome_score"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("score_id", "position", name=op.f("pk_outcome_answer")),
    )


def _expense_claims() -> None:
    op.create_table(
        "expense_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("paid_how", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint(
            "status IN ('submitted', 'approved', 'paid')",
            name=op.f("ck_expense_claim_status_valid"),
        ),
        sa.CheckConstraint(
            "status = 'submitted' OR approved_on IS NOT NULL",
            name=op.f("ck_expense_claim_approved_has_date"),
        ),
        sa.CheckConstraint(
            "status != 'paid' OR paid_on IS NOT NULL", name=op.f("ck_expense_claim_paid_has_date")
        ),
        sa.CheckConstraint(
            "status = 'paid' OR paid_on IS NULL",
            name=op.f("ck_expense_claim_paid_date_only_when_paid"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_expense_claim_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_expense_claim_project_id_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense_claim")),
    )
    for column in ("person_id", "submitted_on", "paid_on", "project_id"):
        op.create_index(op.f(f"ix_expense_claim_{column}"), "expense_claim", [column])
    op.create_table(
        "expense_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("line_date", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("miles_tenths", sa.Integer(), nullable=False),
        sa.Column("rate_pence", sa.Integer(), nullable=False),
        sa.Column("reduced_rate_pence", sa.Integer(), nullable=False),
        sa.Column("reduced_miles_tenths", sa.Integer(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("has_receipt", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('mileage', 'fares', 'parking', 'other')",
            name=op.f("ck_expense_line_kind_valid"),
        ),
        sa.CheckConstraint("miles_tenths >= 0", name=op.f("ck_expense_line_miles_tenths_min")),
        sa.CheckConstraint(
            "reduced_miles_tenths >= 0", name=op.f("ck_expense_line_reduced_miles_tenths_min")
        ),
        sa.CheckConstraint("rate_pence >= 0", name=op.f("ck_expense_line_rate_pence_min")),
        sa.CheckConstraint(
            "reduced_rate_pence >= 0", name=op.f("ck_expense_line_reduced_rate_pence_min")
        ),
        sa.CheckConstraint("amount_pence >= 0", name=op.f("ck_expense_line_amount_pence_min")),
        sa.CheckConstraint(
            "reduced_miles_tenths <= miles_tenths",
            name=op.f("ck_expense_line_reduced_within_miles"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["expense_claim.id"],
            name=op.f("fk_expense_line_claim_id_expense_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense_line")),
    )
    op.create_index(op.f("ix_expense_line_claim_id"), "expense_line", ["claim_id"])
    _carry_old_expenses()
    op.drop_table("expense")


def _carry_old_expenses() -> None:
    connection = op.get_bind()
    old = sa.table(
        "expense",
        *(
            sa.column(name)
            for name in (
                "id",
                "person_id",
                "claim_date",
                "purpose",
                "miles_tenths",
                "mileage_rate_pence",
                "fares_pence",
                "parking_pence",
                "receipt_reference",
                "approved_on",
                "paid_on",
            )
        ),
    )
    claim = sa.table(
        "expense_claim",
        *(
            sa.column(name)
            for name in (
                "id",
                "person_id",
                "submitted_on",
                "status",
                "approved_on",
                "paid_on",
                "paid_how",
                "project_id",
                "notes",
            )
        ),
    )
    line = sa.table(
        "expense_line",
        *(
            sa.column(name)
            for name in (
                "claim_id",
                "line_date",
                "kind",
                "description",
                "miles_tenths",
                "rate_pence",
                "reduced_rate_pence",
                "reduced_miles_tenths",
                "amount_pence",
                "has_receipt",
            )
        ),
    )
    rows = connection.execute(sa.select(old).order_by(old.c.id)).mappings().all()
    for row in rows:
        status = "paid" if row["paid_on"] else "approved" if row["approved_on"] else "submitted"
        # The old row's id becomes the claim's, so "claim 12" still means the same claim.
        connection.execute(
            sa.insert(claim).values(
                id=row["id"],
                person_id=row["person_id"],
                submitted_on=row["claim_date"],
                status=status,
                approved_on=row["approved_on"],
                paid_on=row["paid_on"],
                paid_how="",
                project_id=None,
                notes=row["purpose"] or "",
            )
        )
        receipt = (row["receipt_reference"] or "").strip()
        described = ", ".join(
            p for p in (row["purpose"] or "", receipt and f"receipt {receipt}") if p
        )
        pieces = [
            (
                "mileage",
                row["miles_tenths"],
                round(row["miles_tenths"] * row["mileage_rate_pence"] / 10),
            ),
            ("fares", 0, row["fares_pence"]),
            ("parking", 0, row["parking_pence"]),
        ]
        for kind, miles, amount in pieces:
            if kind == "mileage" and not miles:
                continue
            if kind != "mileage" and not amount:
                continue
            connection.execute(
                sa.insert(line).values(
                    claim_id=row["id"],
                    line_date=row["claim_date"],
                    kind=kind,
                    description=described,
                    miles_tenths=miles,
                    rate_pence=row["mileage_rate_pence"] if kind == "mileage" else 0,
                    reduced_rate_pence=0,
                    reduced_miles_tenths=0,
                    amount_pence=amount,
                    has_receipt=bool(receipt),
                )
            )


def downgrade() -> None:
    raise NotImplementedError(
        "0007 cannot be undone in place: restore the backup taken before the upgrade."
    )
