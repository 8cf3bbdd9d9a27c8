"""Run every benchmark and print the table:  python -m bench  [--runs N] [--only NAMES]

Generates (once, then cached) the 10-year demo databases at 1×, 4× and 16× (the large one:
about 9,600 people and 150,000 sessions), measures start-up, search, yearly figures, forms and
backup against their floors on the large one, then the growth from 1× to 16×; then the import
preview of a 49,999-row CSV and workbook, and the refusal of two harmful workbooks (these need
no database: `--only import-preview,import-refusal` runs just them, in about two minutes).
Writes bench/results/latest.json. Takes about seven minutes on a 2-core laptop.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import backup, figures, forms, importing, search, startup  # noqa: E402
from bench.dataset import (  # noqa: E402
    LARGE_SCALE,
    MULTIPLES,
    RESULTS,
    TODAY,
    WORK,
    Dataset,
    dataset,
    working_copy,
)
from bench.harness import Comparison, growth_json  # noqa: E402
from bench.report import table  # noqa: E402

ALL = (
    "startup",
    "search",
    "figures",
    "forms",
    "backup",
    "scaling",
    "import-preview",
    "import-refusal",
)
#: The benchmarks that run on the demo databases (the import ones make their own files).
ON_DATABASES = frozenset(ALL[:6])


def open_services(path: Path) -> Any:
    from peerdesk.data.database import open_database
    from peerdesk.services import Services

    database = open_database(path, backup_dir=WORK / "backups", lock=False)
    return Services(database, today=lambda: TODAY)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument(
        "--only", default=",".join(ALL), help=f"comma-separated subset of: {', '.join(ALL)}"
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(ALL)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    began = time.perf_counter()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)

    print("peerdesk benchmarks: ratios against a floor measured in this run", flush=True)
    results: list[Comparison] = []
    growth: list[dict[str, Any]] = []
    large = dataset(LARGE_SCALE) if ON_DATABASES & set(chosen) else None
    if large is not None:
        results, growth = on_databases(large, chosen, args.runs)
    imports = {"import-preview", "import-refusal"} & set(chosen)
    if imports:
        print(f"- {', '.join(sorted(imports))}…", flush=True)
        # Each run previews 49,999 rows twice (about 30 s): three runs give a median.
        results += importing.run(max(3, args.runs // 2 + 1), only=imports)

    report = {
        "meta": meta(large, time.perf_counter() - began, args.runs),
        "results": [result.to_json() for result in results],
        "scaling": growth,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print()
    print(table(report))
    print(
        f"\nWritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
    )
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


def on_databases(
    large: Dataset, chosen: list[str], runs: int
) -> tuple[list[Comparison], list[dict[str, Any]]]:
    """The chosen benchmarks on the large demo database, then the growth from 1× to 16×."""
    results: list[Comparison] = []
    large_copy = working_copy(large.path, "large.db")
    services = open_services(large_copy)
    try:
        steps: dict[str, Callable[[], list[Comparison]]] = {
            "startup": lambda: startup.run(working_copy(large.path, "startup.db"), runs),
            "search": lambda: search.run(services, large_copy, max(3, runs // 2)),
            "figures": lambda: [figures.run(services, large_copy, runs)],
            "forms": lambda: [forms.run(services, max(3, runs // 2 + 1))],
            "backup": lambda: [backup.run(services, large_copy, runs)],
        }
        for name, step in steps.items():
            if name in chosen:
                print(f"- {name}…", flush=True)
                results += step()
    finally:
        services.close()
    growth: list[dict[str, Any]] = []
    if "scaling" in chosen:
        print("- scaling (1×, 4×, 16×)…", flush=True)
        growth = scaling(large, results, max(3, runs // 2 + 1))
    return results, growth


SCALED = ("startup", "search", "people_list_load", "figures", "backup")


def measure_at(data: Dataset, names: set[str], runs: int) -> dict[str, Comparison]:
    """The benchmarks in `names` (of SCALED) on one dataset."""
    found: dict[str, Comparison] = {}
    copy = working_copy(data.path, f"scale-{data.scale:g}.db")
    services = open_services(copy)
    try:
        if names & {"search", "people_list_load"}:
            found.update({r.name: r for r in search.run(services, copy, runs)})
        if "figures" in names:
            found["figures"] = figures.run(services, copy, runs)
        if "backup" in names:
            found["backup"] = backup.run(services, copy, runs)
    finally:
        services.close()
    if "startup" in names:
        found.update({r.name: r for r in startup.run(copy, runs)})
    return found


def scaling(large: Dataset, done: list[Comparison], runs: int) -> list[dict[str, Any]]:
    """The same measurements at 1× and 4×, beside the 16× results of this run."""
    at_large = {result.name: result for result in done if result.name in SCALED}
    missing = set(SCALED) - set(at_large)
    if missing:
        at_large.update(measure_at(large, missing, runs))
    base = LARGE_SCALE / MULTIPLES[-1]
    points = [measure_at(dataset(base * m), set(SCALED), runs) for m in MULTIPLES[:-1]]
    points.append(at_large)
    return [
        growth_json(
            name,
            [float(m) for m in MULTIPLES],
            [point[name].ours_median for point in points],
            [point[name].floor_median for point in points],
        )
        for name in SCALED
    ]


def meta(large: Dataset | None, seconds: float, runs: int) -> dict[str, Any]:
    import PySide6
    import reportlab

    return {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
        "reportlab": reportlab.Version,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "load_average_at_end": [round(v, 1) for v in os.getloadavg()],
        "runs": runs,
        "seconds": round(seconds),
        "dataset": None
        if large is None
        else {
            "seed": 1,
            "years": 10,
            "scale": large.scale,
            "counts": large.counts,
            "multiples": list(MULTIPLES),
        },
    }


if __name__ == "__main__":
    sys.exit(main())
