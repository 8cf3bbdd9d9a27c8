"""The `peerdesk` command: version, demo, check, and its refusals, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import table_contents


def run_peerdesk(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PEERDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    home = tmp_path_factory.mktemp("cli-home")
    first, second = home / "demo.db", home / "demo-again.db"
    for target in (first, second):
        result = run_peerdesk("--db", str(target), "demo", "--seed", "1", home=home)
        assert result.returncode == 0, result.stderr
        assert "Demo records created" in result.stdout
    return home, first, second


def test_version() -> None:
    result = run_peerdesk("--version", home=Path("/nonexistent-but-unused"))
    assert result.returncode == 0
    assert result.stdout.startswith("peerdesk ")


def test_demo_then_check_is_healthy(demo_pair: tuple[Path, Path, Path]) -> None:
    home, first, _ = demo_pair
    result = run_peerdesk("--db", str(first), "check", home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The database is healthy." in result.stdout


def test_the_same_seed_gives_identical_databases(demo_pair: tuple[Path, Path, Path]) -> None:
    _, first, second = demo_pair
    one, two = table_contents(first), table_contents(second)
    assert one == two
    assert len(one["person"]) > 150


def test_a_different_seed_gives_different_records(
    demo_pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    home, first, _ = demo_pair
    other = tmp_path / "seed2.db"
    assert run_peerdesk("--db", str(other), "demo", "--seed", "2", home=home).returncode == 0
    assert table_contents(other)["person"] != table_contents(first)["person"]


def test_demo_refuses_a_database_that_holds_records(demo_pair: tuple[Path, Path, Path]) -> None:
    home, first, _ = demo_pair
    before = table_contents(first)
    result = run_peerdesk("--db", str(first), "demo", "--seed", "3", home=home)
    assert result.returncode == 2
    assert "already holds records" in result.stderr
    assert "Traceback" not in result.stderr
    assert table_contents(first) == before


def test_check_reports_broken_links_and_exits_1(
    demo_pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    import contextlib
    import shutil
    import sqlite3

    home, first, _ = demo_pair
    broken = tmp_path / "broken.db"
    shutil.copyfile(first, broken)
    with contextlib.closing(sqlite3.connect(broken)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("UPDATE mentoring_session SET pairing_id = 999999 WHERE id = 1")
        connection.commit()
    result = run_peerdesk("--db", str(broken), "check", home=home)
    assert result.returncode == 1
    assert "broken link" in result.stdout


def test_peerdesk_db_environment_variable_chooses_the_file(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    env = {**os.environ, "PEERDESK_HOME": str(tmp_path / "home"), "PEERDESK_DB": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "peerdesk", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_logs_hold_no_personal_data(demo_pair: tuple[Path, Path, Path]) -> None:
    home, first, _ = demo_pair
    run_peerdesk("--db", str(first), "demo", home=home)  # refused: logs the refusal
    log_text = "".join(p.read_text(encoding="utf-8") for p in (home / "logs").glob("*.log*"))
    assert log_text  # the log exists and was written to
    for name in ("Łukasz", "Wróblewski", "Siobhán", "محمد", "王芳", "@example.org"):
        assert name not in log_text
