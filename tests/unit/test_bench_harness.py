"""The benchmark harness itself, at a tiny scale: ratios, growth, interleaving, JSON, table.

No timings are asserted here (performance is measured only in bench/, never in tests).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from contextlib import closing
from itertools import count
from pathlib import Path

import pytest

from bench.figures import disagreements, raw_figures
from bench.harness import (
    Comparison,
    Growth,
    growth_exponent,
    growth_json,
    interleave,
    ratio,
    rotate_measured,
)
from bench.report import table
from bench.search import LIKE_SQL, keystrokes
from peerdesk.services import Services


def test_ratio_is_ours_over_floor() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(0.0, 0.0) == 1.0
    assert math.isinf(ratio(1.0, 0.0))


def test_growth_exponent_tells_linear_from_quadratic() -> None:
    sizes = [1.0, 4.0, 16.0]
    assert growth_exponent(sizes, [2.0, 8.0, 32.0]) == pytest.approx(1.0)
    assert growth_exponent(sizes, [1.0, 16.0, 256.0]) == pytest.approx(2.0)
    assert growth_exponent(sizes, [5.0, 5.0, 5.0]) == pytest.approx(0.0)
    assert Growth(sizes, [1.0, 16.0, 256.0]).worse_than_linear
    assert not Growth(sizes, [1.0, 4.5, 17.0]).worse_than_linear
    assert Growth(sizes, [1.0, 4.0, 16.0]).steps == [4.0, 4.0]
    with pytest.raises(ValueError):
        growth_exponent([2.0, 2.0], [1.0, 3.0])


def test_interleave_alternates_who_goes_first_and_times_each_call() -> None:
    order: list[str] = []
    ticks = count()
    ours_times, floor_times = interleave(
        lambda: order.append("ours"),
        lambda: order.append("floor"),
        4,
        warmup=1,
        clock=lambda: float(next(ticks)),
    )
    assert order == ["ours", "floor"] + ["ours", "floor", "floor", "ours"] * 2
    assert ours_times == [1.0] * 4 and floor_times == [1.0] * 4


def test_comparison_json_shape_and_table() -> None:
    result = Comparison(
        "search", "Search, per keystroke", [3.0, 1.0, 2.0], [1.0, 1.0, 1.0], 3.0, "raw"
    )
    data = result.to_json()
    assert data["ours"] == 2.0 and data["floor"] == 1.0
    assert data["ratio"] == 2.0 and data["met"] is True and data["runs"] == 3
    slow = Comparison("backup", "Backup", [4.0], [1.0], 1.5, "sqlite3 .backup").to_json()
    assert slow["met"] is False
    report = {
        "meta": {},
        "results": [data, slow],
        "scaling": [growth_json("figures", [1.0, 4.0, 16.0], [1.0, 16.0, 256.0], [1.0, 4.0, 16.0])],
    }
    text = table(json.loads(json.dumps(report)))
    assert "Search, per keystroke" in text and "2.00×" in text and "NOT MET" in text
    assert "WORSE THAN LINEAR" in text
    assert report["scaling"][0]["ratios"] == [1.0, 4.0, 16.0]


def test_search_floor_matches_the_people_list_search_text(demo_services: Services) -> None:
    # The proxy keeps rows whose search_text holds every typed word (tests/ui checks the
    # proxy); the floor's LIKE query must pick exactly those people.
    rows = [row for row in demo_services.people.list_rows() if not row.archived]
    with closing(sqlite3.connect(demo_services.db.path)) as connection:
        for text in keystrokes("mac"):
            raw = [row[0] for row in connection.execute(LIKE_SQL, (text,))]
            assert raw, text
            assert raw == sorted(row.id for row in rows if text in row.search_text)


def test_figures_floor_agrees_with_peerdesk(demo_services: Services) -> None:
    period = demo_services.figures.year(2025)
    ours = demo_services.figures.compute(period, "internal").figures
    with closing(sqlite3.connect(demo_services.db.path)) as connection:
        raw = raw_figures(connection, period.start, period.end)
    assert raw["sessions_held"] > 0
    assert disagreements(ours, raw) == []
    raw["sessions_held"] += 1
    assert disagreements(ours, raw) == [
        f"sessions_held: peerdesk {ours.sessions_held}, raw SQL {ours.sessions_held + 1}"
    ]


def test_rotate_measured_starts_each_round_with_the_next_job() -> None:
    order: list[str] = []

    def job(name: str, value: float) -> Callable[[], float]:
        return lambda: order.append(name) or value

    values = rotate_measured([job("a", 1.0), job("b", 2.0), job("c", 3.0)], 3)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert values == [[1.0] * 3, [2.0] * 3, [3.0] * 3]


@pytest.mark.parametrize("command_present", [True, False])
def test_backup_floor_copies_the_database_with_or_without_the_sqlite3_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command_present: bool
) -> None:
    import shutil

    from bench import backup

    source, copy = tmp_path / "source.db", tmp_path / "copy.db"
    with closing(sqlite3.connect(source)) as connection:
        connection.execute("CREATE TABLE person (name TEXT)")
        connection.execute("INSERT INTO person VALUES ('Ann')")
        connection.commit()
    if not command_present:
        monkeypatch.setattr(backup.shutil, "which", lambda _name: None)
    elif shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 command on this machine")
    job, label = backup._floor(source, copy)
    job()
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("SELECT name FROM person").fetchall() == [("Ann",)]
    assert ("command" in label) and (("no sqlite3 command" in label) is not command_present)
