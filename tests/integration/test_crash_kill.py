"""Crash safety: SIGKILL a writer at random moments; nothing it reported saved may be lost.

Also the single-instance rule: a second process on the same database is refused with a clear
message, and the lock of a killed process is recovered without anyone doing anything.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from peerdesk.data.database import open_database
from peerdesk.errors import DatabaseInUseError
from tests.stress.crash_harness import run_rounds

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash loop forks writers")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "rounds",
    [
        # Every run of the suite: 20 kills in a few seconds.
        pytest.param(20, id="20-kills"),
        # The full loop (20 s or more): pytest -m slow tests/integration/test_crash_kill.py
        pytest.param(200, id="200-kills", marks=pytest.mark.slow),
    ],
)
def test_kills_lose_nothing_that_was_reported_saved(tmp_path: Path, rounds: int) -> None:
    report = run_rounds(tmp_path / "crash.db", rounds, seed=20260615)
    assert report.problems == []
    assert report.rounds == rounds
    # The loop really wrote all three kinds of record, many times over. (The writers' first
    # records are seeded, so these floors hold however the kills happen to fall.)
    assert report.committed["person"] >= rounds // 2
    assert report.committed["session"] >= rounds // 10
    assert report.committed["consent"] >= rounds // 20


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from peerdesk.data.database import open_database
    db = open_database(Path(sys.argv[1]))
    print("open", flush=True)
    time.sleep(600)
    """
)


def test_a_second_process_is_refused_and_a_killed_holders_lock_is_recovered(
    tmp_path: Path,
) -> None:
    database = tmp_path / "peerdesk.db"
    open_database(database).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"open"
        with pytest.raises(DatabaseInUseError) as refused:
            open_database(database)
        assert "already open in another peerdesk window" in str(refused.value)
        assert (tmp_path / "peerdesk.db.lock").exists()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    # The lock file is still there (nobody tidied up), yet opening just works.
    assert (tmp_path / "peerdesk.db.lock").exists()
    reopened = open_database(database)
    reopened.close()
