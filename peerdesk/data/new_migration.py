"""Write a new Alembic migration from the difference between the models and head.

Usage (developers): python -m peerdesk.data.new_migration "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from peerdesk.data.engine import make_engine
from peerdesk.data.migrate import alembic_config, head_revision, upgrade_to_head


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].strip():
        print('usage: python -m peerdesk.data.new_migration "what changed"', file=sys.stderr)
        return 2
    next_id = f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "head.db")
        upgrade_to_head(engine)
        with engine.begin() as connection:
            command.revision(
                alembic_config(connection), message=argv[0], autogenerate=True, rev_id=next_id
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
