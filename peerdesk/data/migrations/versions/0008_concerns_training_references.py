"""concerns log; training modules and sessions; references; concern retention

For safeguarding and volunteer readiness (issue 22):
- `concern` gains the pairing or group it is about, a category, a level (information, concern
  or urgent; "concern" for every concern so far), who it was referred to outside (with the
  date and their reference) and its outcome; `concern_action` holds follow-up actions.
- `training_module` is the course, seeded with the eight Peer2Peer modules by their exact
  names plus Confidentiality and Safeguarding (all core except Trauma Informed Peer Support and
  Role Tension); `training_session` is one session with its trainer and modules
  (`training_session_module`); `training_record` points at its module and session. The records
  so far are mapped: "Peer values and mutuality" to Peer Values and to Mutuality in the Peer
  Relationship, "Power and boundaries" to Understanding Power in the Peer Relationship and to
  Boundaries and Self Care (a second record is added for the second module), a name that is
  one of the modules but for case, spaces or hyphens to that module, and any other name to a
  module of its own (optional, kept as it is). A mentor with completed training gets
  `volunteer_profile.legacy_trained_on` (their latest), so they stay trained until a core
  module's refresher would fall due.
- `volunteer_reference.satisfactory` (not yet read: empty); `organisation` gains
  `concern_keep_years` (6) and `references_required` (0: not asked).
- `erasure_hold`: the names of an erased person kept in the concerns about them until the
  concern retention period ends.

SQLite: only tables no other table refers to are rebuilt (concern before concern_action is
made, training_record, organisation); the rest get plain added columns.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 15:08:19.462224
"""

import re
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The modules seeded, as written when this revision was (changes later are the
#: coordinator's): (name, core, refresher months).
MODULES = (
    ("Peer Support in Mental Health Recovery", True, None),
    ("Mutuality in the Peer Relationship", True, None),
    ("Understanding Power in the Peer Relationship", True, None),
    ("Peer Values", True, None),
    ("Trauma Informed Peer Support", False, None),
    ("Sharing our Experiences", True, None),
    ("Role Tension", False, None),
    ("Boundaries and Self Care", True, None),
    ("Confidentiality", True, 36),
    ("Safeguarding", True, 36),
)
#: Names recorded before modules were tracked that now stand for two modules.
SPLIT = {
    "peer values and mutuality": ("Peer Values", "Mutuality in the Peer Relationship"),
    "power and boundaries": (
        "Understanding Power in the Peer Relationship",
        "Boundaries and Self Care",
    ),
}


def upgrade() -> None:
    op.create_table(
        "erasure_hold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("names", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("hold_until", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_hold")),
    )
    with op.batch_alter_table("erasure_hold", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_erasure_hold_hold_until"), ["hold_until"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_erasure_hold_person_id"), ["person_id"], unique=False)

    op.create_table(
        "training_module",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("is_core", sa.Boolean(), nullable=False),
        sa.Column("refresher_months", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "length(trim(name)) > 0", name=op.f("ck_training_module_name_not_blank")
        ),
        sa.CheckConstraint(
            "refresher_months IS NULL OR refresher_months BETWEEN 1 AND 120",
            name=op.f("ck_training_module_refresher_months_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_module")),
        sa.UniqueConstraint("name", name=op.f("uq_training_module_name")),
    )
    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("trainer_person_id", sa.Integer(), nullable=True),
        sa.Column("trainer_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes >= 0", name=op.f("ck_training_session_duration_minutes_min")
        ),
        sa.ForeignKeyConstraint(
            ["trainer_person_id"],
            ["person.id"],
            name=op.f("fk_training_session_trainer_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
    )
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_session_session_date"), ["session_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_session_trainer_person_id"), ["trainer_person_id"], unique=False
        )

    op.create_table(
        "training_session_module",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["module_id"],
            ["training_module.id"],
            name=op.f("fk_training_session_module_module_id_training_module"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_session_module_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "module_id", name=op.f("pk_training_session_module")),
    )
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pairing_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "category", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column(
                "level",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="concern",
            )
        )
        batch_op.add_column(
            sa.Column(
                "referred_to", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
        batch_op.add_column(sa.Column("referred_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "referral_reference",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column(
                "outcome", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
        batch_op.create_check_constraint(
            op.f("ck_concern_level_valid"), "level IN ('information', 'concern', 'urgent')"
        )
        batch_op.create_index(batch_op.f("ix_concern_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_pairing_id"), ["pairing_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_concern_group_id_peer_group"),
            "peer_group",
            ["group_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_concern_pairing_id_pairing"),
            "pairing",
            ["pairing_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "concern_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "length(trim(action)) > 0", name=op.f("ck_concern_action_action_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["concern_id"],
            ["concern.id"],
            name=op.f("fk_concern_action_concern_id_concern"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_action")),
    )
    with op.batch_alter_table("concern_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_concern_action_concern_id"), ["concern_id"], unique=False
        )

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("concern_keep_years", sa.Integer(), nullable=False, server_default="6")
        )
        batch_op.add_column(
            sa.Column("references_required", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_check_constraint(
            op.f("ck_organisation_concern_keep_years_valid"), "concern_keep_years BETWEEN 1 AND 100"
        )
        batch_op.create_check_constraint(
            op.f("ck_organisation_references_required_valid"), "references_required BETWEEN 0 AND 5"
        )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.alter_column("concern_keep_years", server_default=None)
        batch_op.alter_column("references_required", server_default=None)
    with op.batch_alter_table("training_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("module_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("training_session_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_training_record_module_id"), ["module_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_record_training_session_id"),
            ["training_session_id"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_training_record_module_id_training_module"),
            "training_module",
            ["module_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_training_record_training_session_id_training_session"),
            "training_session",
            ["training_session_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("volunteer_profile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legacy_trained_on", sa.Date(), nullable=True))
    with op.batch_alter_table("volunteer_reference", schema=None) as batch_op:
        batch_op.add_column(sa.Column("satisfactory", sa.Boolean(), nullable=True))
    _seed_and_map_training()


def _key(name: str) -> str:
    """A module name compared loosely: case, hyphens and spaces aside."""
    return re.sub(r"[\s\-]+", " ", name).strip().lower()


def _seed_and_map_training() -> None:
    connection = op.get_bind()
    module = sa.table(
        "training_module",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("is_core", sa.Boolean),
        sa.column("refresher_months", sa.Integer),
        sa.column("position", sa.Integer),
    )
    record = sa.table(
        "training_record",
        *(
            sa.column(name)
            for name in (
                "id",
                "person_id",
                "module",
                "training_date",
                "duration_minutes",
                "completed",
                "module_id",
            )
        ),
    )
    ids: dict[str, int] = {}
    for position, (name, core, refresher) in enumerate(MODULES, start=1):
        connection.execute(
            sa.insert(module).values(
                name=name, is_core=core, refresher_months=refresher, position=position
            )
        )
    for row in connection.execute(sa.select(module.c.id, module.c.name)):
        ids[_key(row.name)] = row.id
    rows = connection.execute(sa.select(record).order_by(record.c.id)).mappings().all()
    for row in rows:
        key = _key(row["module"])
        targets = [_key(name) for name in SPLIT.get(key, ())] or [key]
        for n, target in enumerate(targets):
            if target not in ids:
                position = len(ids) + 1
                connection.execute(
                    sa.insert(module).values(
                        name=row["module"].strip(),
                        is_core=False,
                        refresher_months=None,
                        position=position,
                    )
                )
                ids[target] = connection.execute(
                    sa.select(module.c.id).where(module.c.position == position)
                ).scalar_one()
            if n == 0:
                connection.execute(
                    sa.update(record).where(record.c.id == row["id"]).values(module_id=ids[target])
                )
            else:
                connection.execute(
                    sa.insert(record).values(
                        person_id=row["person_id"],
                        module=row["module"],
                        training_date=row["training_date"],
                        duration_minutes=0,  # the time was counted once, on the first
                        completed=row["completed"],
                        module_id=ids[target],
                    )
                )
    _legacy_trained(connection)


def _legacy_trained(connection: sa.engine.Connection) -> None:
    """Mentors with completed training stay trained, from their latest completed training."""
    latest = connection.execute(
        sa.text(
            "SELECT person_id, max(training_date) FROM training_record"
            " WHERE completed GROUP BY person_id"
        )
    ).all()
    profile = sa.table(
        "volunteer_profile",
        *(
            sa.column(name)
            for name in (
                "person_id",
                "legacy_trained_on",
                "max_mentees",
                "lived_experience",
                "skills",
                "interests",
            )
        ),
    )
    has_profile = {row[0] for row in connection.execute(sa.select(profile.c.person_id))}
    for person_id, day in latest:
        value = day if isinstance(day, date) else date.fromisoformat(str(day))
        if person_id in has_profile:
            connection.execute(
                sa.update(profile)
                .where(profile.c.person_id == person_id)
                .values(legacy_trained_on=value)
            )
        else:
            # The profile's defaults, as the models give them (capacity 1, as read before).
            connection.execute(
                sa.insert(profile).values(
                    person_id=person_id,
                    legacy_trained_on=value,
                    max_mentees=1,
                    lived_experience="",
                    skills="",
                    interests="",
                )
            )


def downgrade() -> None:
    raise NotImplementedError(
        "0008 cannot be undone in place: restore the backup taken before the upgrade."
    )
