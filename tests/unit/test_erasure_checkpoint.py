"""After an erasure, peerdesk empties the write-ahead log (where the erased words may still
lie) and says so only when SQLite reports that it could. While another connection holds the
database for writing (another window saving), the log cannot be emptied, even when it holds
no committed change at that moment, and the coordinator is told the words may stay until
peerdesk is next closed. Found by mutation testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from peerdesk.services import Services
from tests.unit.test_erasure_rules import add


def test_the_log_is_not_reported_emptied_while_another_connection_is_writing(
    services: Services,
) -> None:
    add(services, "Ann")
    assert services.erasure.checkpoint()  # nobody else has the file open: emptied
    writer = services.db.engine.raw_connection()
    try:
        cursor = writer.cursor()
        cursor.execute("BEGIN IMMEDIATE")  # holds the write lock, nothing written yet
        # SQLite answers "busy" with no frames in the log (the row is 1, 0, 0).
        assert not services.erasure.checkpoint()
        cursor.execute("ROLLBACK")
    finally:
        writer.close()
