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


def test_an_absolute_limit_and_checks_decide_met_beside_the_ratio() -> None:
    quick = Comparison("refusal", "Refusal", [1.0, 2.0, 3.0], [0.001] * 3, None, "infolist")
    assert quick.met is None  # no target, no limit, no checks: nothing to meet
    quick.limit = 5.0
    assert quick.met is True
    quick.checks = {"refused": True, "peak memory ≤ 200 MB": True}
    assert quick.met is True
    slow = Comparison("refusal", "Refusal", [6.0], [0.001], None, "infolist", limit=5.0)
    assert slow.met is False
    not_refused = Comparison(
        "refusal", "Refusal", [1.0], [0.001], None, "infolist", limit=5.0, checks={"refused": False}
    )
    assert not_refused.met is False
    both = Comparison("preview", "Preview", [30.0], [2.0], 10.0, "csv", limit=60.0)
    assert both.met is False  # the ratio (15×) fails although the limit holds
    data = [r.to_json() for r in (quick, slow, not_refused)]
    assert data[0]["limit"] == 5.0 and data[0]["checks"]["refused"] is True
    text = table(json.loads(json.dumps({"meta": {}, "results": data, "scaling": []})))
    lines = text.splitlines()
    assert "met (≤ 5.00 s)" in lines[2]
    assert "NOT MET (≤ 5.00 s)" in lines[3]
    assert "NOT MET (≤ 5.00 s, failed: refused)" in lines[4]


def test_import_bench_files_are_the_same_every_run_and_harmful_ones_are_refused(
    tmp_path: Path,
) -> None:
    import zipfile

    from bench import import_files
    from bench.importing import unpacked_bytes
    from peerdesk.services.importing.problems import FileUnreadable
    from peerdesk.services.importing.readers import read_file

    rows = import_files.people_rows(250)
    assert rows == import_files.people_rows(250) and len(rows) == 250
    assert rows[100] in rows[:100]  # one row in a hundred repeats an earlier person
    assert {row[6] for row in rows} == {"Mentor", "Mentee"}
    path = import_files.write_csv(tmp_path / "p.csv", import_files.PEOPLE_HEADINGS, rows)
    assert len(read_file(path).sheets[0].rows) == 251
    assert unpacked_bytes(path) == path.stat().st_size
    bomb = import_files.zip_bomb_xlsx(tmp_path / "bomb.xlsx", rows=5_000)
    with zipfile.ZipFile(bomb) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.file_size > 100 * sheet.compress_size
    assert unpacked_bytes(bomb) > sheet.file_size
    for harmful in (bomb, import_files.far_cell_xlsx(tmp_path / "far.xlsx")):
        with pytest.raises(FileUnreadable):
            read_file(harmful)


def test_import_child_times_and_weighs_a_preview_and_its_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import import_child, import_files
    from bench.importing import child, empty_database

    rows = import_files.people_rows(30)
    csv_path = import_files.write_csv(tmp_path / "p.csv", import_files.PEOPLE_HEADINGS, rows)
    book = import_files.write_xlsx(
        tmp_path / "p.xlsx", {"People": (import_files.PEOPLE_HEADINGS, rows)}
    )
    assert import_child.read_csv(csv_path) == 31
    assert import_child.read_openpyxl(book) == 31
    assert import_child.read_infolist(book) > 3
    database = empty_database(tmp_path)
    for path in (csv_path, import_files.far_cell_xlsx(tmp_path / "far.xlsx")):
        assert import_child.main(["preview", str(path), str(database)]) == 0
        found = json.loads(capsys.readouterr().out)
        assert found["seconds"] > 0 and found["peak_bytes"] >= 0
        if path == csv_path:
            assert found["rows"] >= 30 and found["blocking"] == []
        else:
            assert "beyond row 50,000" in found["blocking"][0]
    # The same job in its own process, as the benchmark runs it.
    assert child("csv", csv_path)["rows"] == 31
