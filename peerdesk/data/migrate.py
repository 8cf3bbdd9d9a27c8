"""Running the Alembic migrations shipped inside the package.

Alembic is imported only to migrate: every start asks which revisions are shipped, and that is
read straight from the migration files (`shipped_revisions`), which keeps Alembic's machinery
(a tenth of a second or more) off the way to the window.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def shipped_revisions() -> dict[str, str | None]:
    """Each shipped revision and the one it follows, read from the migration files."""
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            target: ast.expr
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(value)
        if isinstance(values.get("revision"), str):
            down = values.get("down_revision")
            found[str(values["revision"])] = down if isinstance(down, str) else None
    return found


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest shipped revision: the one no other revision follows."""
    shipped = shipped_revisions()
    heads = set(shipped) - {down for down in shipped.values() if down is not None}
    assert len(heads) == 1, "the package ships exactly one line of migrations"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(shipped_revisions())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
