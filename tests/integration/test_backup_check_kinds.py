"""Routine backups (made by you, automatic, on close) get SQLite's quick check of the copy;
a backup made before something risky gets the full integrity check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from peerdesk.data import backup as backup_module
from peerdesk.errors import DatabaseDamagedError
from peerdesk.services import Services


@pytest.fixture
def pragmas(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every check run on a new copy, by its PRAGMA."""
    seen: list[str] = []
    real = backup_module._finish_copy

    def spy(dst: sqlite3.Connection, target: Path, check: str = "full") -> None:
        seen.append(backup_module.CHECKS[check])
        real(dst, target, check)

    monkeypatch.setattr(backup_module, "_finish_copy", spy)
    return seen


@pytest.mark.parametrize("reason", ["manual", "automatic", "on-close"])
def test_routine_backups_are_quick_checked(
    services: Services, pragmas: list[str], reason: str
) -> None:
    info = services.backups.back_up(reason)
    assert pragmas == ["quick_check"]
    assert info.path.exists()


@pytest.mark.parametrize("action", ["import", "erasure", "restore"])
def test_backups_before_risky_work_get_the_full_check(
    services: Services, pragmas: list[str], action: str
) -> None:
    services.backups.before(action)
    assert pragmas == ["integrity_check"]


def test_a_copy_failing_the_quick_check_is_not_kept(
    services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A check that reports something other than "ok", as a damaged copy's would.
    monkeypatch.setitem(backup_module.CHECKS, "quick", "user_version")
    with pytest.raises(DatabaseDamagedError):
        services.backups.back_up("automatic", tmp_path / "out")
    assert not any((tmp_path / "out").glob("*.db"))
