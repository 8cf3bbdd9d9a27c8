"""Tidying away a temporary copy never fails the backup or restore it follows: what cannot be
removed (held by another program, or not a file) is left, and the rest still goes.

Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from pathlib import Path

from peerdesk.data.backup import remove_quietly


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_tidying(tmp_path: Path) -> None:
    part = tmp_path / "peerdesk.db.restoring"
    part.write_bytes(b"half a copy")
    # Something SQLite would have left as a file is a folder here: it cannot be unlinked.
    stuck = tmp_path / "peerdesk.db.restoring-wal"
    stuck.mkdir()
    journal = tmp_path / "peerdesk.db.restoring-journal"
    journal.write_bytes(b"journal")
    remove_quietly(part)
    assert not part.exists()
    assert not journal.exists()
    assert stuck.is_dir()
