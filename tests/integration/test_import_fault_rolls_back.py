"""An import whose write fails part-way leaves the database exactly as it was.

A fault is injected inside the import's one transaction, after people (and for some, pairings)
were already written and flushed: nothing of the import may stay, and the same import then
succeeds once the fault is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerdesk.data.database import open_database
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import apply as writer
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.helpers import table_contents

WORKBOOK = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "caithness_records.xlsx"


class DiskFault(Exception):
    """Stands for the disk failing or filling up in the middle of the write."""


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, name: str, failing_call: int
) -> tuple[list[int], Callable[..., Any]]:
    """Make `writer.<name>` work normally, then raise on its `failing_call`-th call.

    Returns the calls made and the real function (to put back).
    """
    real: Callable[..., Any] = getattr(writer, name)
    calls: list[int] = []

    def faulty(*args: Any, **kwargs: Any) -> Any:
        calls.append(len(calls) + 1)
        if len(calls) == failing_call:
            raise DiskFault(f"{name} failed on call {failing_call}")
        return real(*args, **kwargs)

    monkeypatch.setattr(writer, name, faulty)
    return calls, real


@pytest.mark.parametrize(
    ("name", "failing_call", "where"),
    [
        # ensure_role runs for every role of every person: the 3rd call is after the first
        # people were added and flushed, before the rest.
        ("ensure_role", 3, "part-way through the people"),
        # The second pairing: every person and the first pairing are already written.
        ("_write_pairing", 2, "part-way through the pairings"),
        # group_register's recount is the very last step, after every session and attendance.
        ("recompute_is_new", 1, "at the last step, after the attendance"),
    ],
)
def test_a_fault_inside_the_write_leaves_the_database_unchanged(
    services: Services,
    paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    failing_call: int,
    where: str,
) -> None:
    # Records already there, so "unchanged" is about real rows, not an empty database.
    services.people.add(PersonDetails(first_name="Morven", last_name="Ross"), roles=[Role.MENTOR])
    source = services.importing.read(WORKBOOK)
    settings = services.importing.suggest(source)
    assert services.importing.preview(source, settings).can_import
    before = table_contents(services.database_path)

    calls, real = fail_on_call(monkeypatch, name, failing_call)
    with pytest.raises(DiskFault):
        services.importing.run(source, settings, {}, paths.backup_dir)
    assert len(calls) == failing_call, where  # the fault really came part-way through

    assert table_contents(services.database_path) == before, where
    assert [row.name for row in services.people.list_rows()] == ["Morven Ross"]

    # Without the fault the same import goes through: the fault alone stopped it.
    monkeypatch.setattr(writer, name, real)
    result = services.importing.run(source, settings, {}, paths.backup_dir)
    assert result.committed
    assert len(services.people.list_rows()) == 7


def test_the_command_line_says_nothing_was_half_saved_and_means_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerdesk.cli.main import main

    db = tmp_path / "records.db"
    database = open_database(db, backup_dir=tmp_path / "backups")
    try:
        Services(database).people.add(PersonDetails(first_name="Morven", last_name="Ross"))
    finally:
        database.close()
    before = table_contents(db)
    fail_on_call(monkeypatch, "_write_pairing", 2)
    assert main(["--db", str(db), "import", str(WORKBOOK)]) == 3
    err = capsys.readouterr().err
    assert "Nothing was half-saved" in err and "Traceback" not in err
    assert table_contents(db) == before
