"""Import: the preview of a 49,999-row file, and the refusal of workbooks built to harm (issue 25).

Import preview. Ours: what `peerdesk import --dry-run` does (read the file, suggest the
mapping, preview every row against an empty database). Floors: the csv module reading every
row of the CSV; openpyxl in read-only mode reading every row of the workbook. Target: 10× the
floor's time, and a peak memory within 10× the file's uncompressed size.

Import refusal. A workbook with one value at XFD1048576 (Excel's last cell: a full load once
took 225 s and 4.3 GB) and a zip bomb (60,000 rows of the same text, packed better than 100:1).
Each must be refused, within 5 s and 200 MB: absolute limits, shown beside the floor of
merely listing the zip's directory.

Every job runs in a fresh process (`bench/import_child.py`), which times the job itself and
reports how far it raised the process's peak resident memory (Linux's VmHWM, reset just
before the job).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from bench import import_files
from bench.dataset import ROOT, WORK
from bench.harness import Comparison, rotate_measured

ROWS = 49_999  # with the heading row, the most a file may hold (50,000 rows)
MB = 1024 * 1024


def child(job: str, path: Path, database: Path | None = None) -> dict[str, Any]:
    """Run one job in a fresh process; its own measurements."""
    command = [sys.executable, "-m", "bench.import_child", job, str(path)]
    if database is not None:
        command.append(str(database))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def files(folder: Path) -> dict[str, Path]:
    """The input files, generated the same way every run."""
    folder.mkdir(parents=True, exist_ok=True)
    people = import_files.people_rows(ROWS)
    headings = import_files.PEOPLE_HEADINGS
    return {
        "csv": import_files.write_csv(folder / "people-49999.csv", headings, people),
        "xlsx": import_files.write_xlsx(
            folder / "people-49999.xlsx", {"People": (headings, people)}
        ),
        "far": import_files.far_cell_xlsx(folder / "far-cell.xlsx"),
        "bomb": import_files.zip_bomb_xlsx(folder / "zip-bomb.xlsx"),
    }


def empty_database(folder: Path) -> Path:
    """A new, empty peerdesk database (migrated), made once and shared by the preview runs."""
    from peerdesk.data.database import open_database

    path = folder / "empty.db"
    for stale in folder.glob("empty.db*"):
        stale.unlink()
    open_database(path, backup_dir=folder / "backups", lock=False, allow_fresh=True).close()
    return path


def unpacked_bytes(path: Path) -> int:
    """The file's size once unpacked: a CSV's own size, a workbook's parts added up."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return sum(member.file_size for member in archive.infolist())
    return path.stat().st_size


def _samples(runs: list[dict[str, Any]], key: str) -> list[float]:
    return [float(run[key]) for run in runs]


def preview(paths: dict[str, Path], database: Path, runs: int) -> list[Comparison]:
    results: list[Comparison] = []
    for kind, floor_job, floor_label in (
        ("csv", "csv", "the csv module reading every row"),
        ("xlsx", "openpyxl", "openpyxl read-only reading every row"),
    ):
        path = paths[kind]
        ours_runs: list[dict[str, Any]] = []
        floor_runs: list[dict[str, Any]] = []

        def ours(path: Path = path, into: list[dict[str, Any]] = ours_runs) -> float:
            into.append(child("preview", path, database))
            return float(into[-1]["seconds"])

        def floor(
            path: Path = path, job: str = floor_job, into: list[dict[str, Any]] = floor_runs
        ) -> float:
            into.append(child(job, path))
            return float(into[-1]["seconds"])

        mine, base = rotate_measured([ours, floor], runs)
        unpacked = unpacked_bytes(path)
        blocking = ours_runs[-1]["blocking"]
        notes = [
            f"{ROWS:,} people rows, {path.stat().st_size / MB:.1f} MB on disk, "
            f"{unpacked / MB:.1f} MB unpacked; the preview lists {ours_runs[-1]['rows']:,} "
            "rows (people, referrals, pairings)",
            "each run a fresh process, on an empty database",
        ]
        if blocking:
            notes.append(f"the preview was refused: {blocking[0]}")
        results.append(
            Comparison(
                f"import_preview_{kind}",
                f"Import preview, {ROWS:,}-row {kind.upper()}",
                mine,
                base,
                10.0,
                floor_label,
                notes=notes,
                extra={"preview_rows": ours_runs[-1]["rows"], "refused": bool(blocking)},
            )
        )
        peaks = _samples(ours_runs, "peak_bytes")
        floor_peak = statistics.median(_samples(floor_runs, "peak_bytes"))
        results.append(
            Comparison(
                f"import_preview_{kind}_memory",
                f"Import preview, {kind.upper()}: peak memory vs file unpacked",
                [p / MB for p in peaks],
                [unpacked / MB] * len(peaks),
                10.0,
                f"the file's unpacked size ({unpacked / MB:.1f} MB)",
                unit="MB",
                notes=[
                    "how far the job raised the process's peak resident memory (Linux VmHWM, "
                    "reset just before the job; a fresh process per run)",
                    f"the floor reader's own peak: {floor_peak / MB:.1f} MB",
                ],
                extra={"floor_reader_peak_mb": round(floor_peak / MB, 1)},
            )
        )
    return results


def refusal(paths: dict[str, Path], database: Path, runs: int) -> list[Comparison]:
    results: list[Comparison] = []
    for kind, title in (("far", "a value at XFD1048576"), ("bomb", "a zip bomb")):
        path = paths[kind]
        ours_runs: list[dict[str, Any]] = []

        def ours(path: Path = path, into: list[dict[str, Any]] = ours_runs) -> float:
            into.append(child("preview", path, database))
            return float(into[-1]["seconds"])

        def floor(path: Path = path) -> float:
            return float(child("infolist", path)["seconds"])

        mine, base = rotate_measured([ours, floor], runs)
        refused = all(run["blocking"] for run in ours_runs)
        peak = max(_samples(ours_runs, "peak_bytes")) / MB
        with zipfile.ZipFile(path) as archive:
            packed = sum(m.compress_size for m in archive.infolist())
        unpacked = unpacked_bytes(path)
        message = ours_runs[-1]["blocking"][0] if refused else "NOT REFUSED"
        results.append(
            Comparison(
                f"import_refusal_{kind}",
                f"Import refusal, {title}",
                mine,
                base,
                None,
                "listing the zip's directory (zipfile infolist)",
                limit=5.0,
                notes=[
                    f"{path.stat().st_size / 1024:.0f} KB on disk, {unpacked / MB:.1f} MB "
                    f"unpacked ({unpacked / max(packed, 1):.0f}:1)",
                    f"refused: {refused}; peak memory {peak:.0f} MB (limit 200 MB)",
                    f"message: {message}",
                ],
                checks={"refused": refused, "peak memory ≤ 200 MB": peak <= 200},
                extra={"peak_mb": round(peak, 1)},
            )
        )
    return results


def run(runs: int, *, only: set[str]) -> list[Comparison]:
    folder = WORK / "import"
    shutil.rmtree(folder, ignore_errors=True)
    paths = files(folder)
    database = empty_database(folder)
    results: list[Comparison] = []
    if "import-preview" in only:
        results += preview(paths, database, runs)
    if "import-refusal" in only:
        results += refusal(paths, database, runs)
    shutil.rmtree(folder, ignore_errors=True)
    return results
