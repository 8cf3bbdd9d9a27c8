"""The shipped revisions are read from the migration files without Alembic (it is slow to
import on the way to the window); they must be exactly what Alembic itself finds."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from peerdesk.data.migrate import alembic_config, head_revision, known_revisions


def test_head_and_known_revisions_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
