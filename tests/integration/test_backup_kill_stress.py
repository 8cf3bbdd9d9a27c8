"""Kills during backups: SIGKILL a writer that backs up after every commit, then start again.

After each start: no half-written file is left in the backup folder, every backup there is
listed (and recorded in the folder's register), the newest one the writer reported finished is
among them, and nothing the writer reported saved is lost (tests/stress/crash_harness.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.stress.crash_harness import run_rounds

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash loop forks writers")


def kill_during_backups(tmp_path: Path, rounds: int, seed: int) -> None:
    backups = tmp_path / "backups"
    report = run_rounds(tmp_path / "crash.db", rounds, seed=seed, backup_dir=backups)
    assert report.problems == []
    assert report.rounds == rounds
    # The writers really committed and finished backups between the kills (most kills land
    # in a backup, so fewer finish than rounds).
    assert report.committed["person"] + report.committed["session"] >= rounds // 2
    assert report.committed["backup"] >= rounds // 5
    # And some kills did land in the middle of one: the starts had something to tidy.
    assert report.partial_removed > 0


def test_twenty_kills_during_backups_leave_nothing_half_written_or_unlisted(
    tmp_path: Path,
) -> None:
    kill_during_backups(tmp_path, 20, seed=20260615)


@pytest.mark.slow
def test_two_hundred_kills_during_backups(tmp_path: Path) -> None:
    kill_during_backups(tmp_path, 200, seed=17)
