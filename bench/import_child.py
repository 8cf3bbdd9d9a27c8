"""One import job in a fresh process, timed and weighed there:  python -m bench.import_child JOB FILE [DB]

Jobs: `preview` (peerdesk's read + suggest + preview, what `peerdesk import --dry-run` does,
on the database DB), `csv` (the csv module reading every row), `openpyxl` (openpyxl read-only
reading every row of every sheet), `infolist` (the zip's directory, nothing more).

Prints one JSON line: `seconds` (the job alone, after the imports and opening the database)
and `peak_bytes`: how far the job raised the process's resident memory above where it stood
before the job, from Linux's own high-water mark (`VmHWM` in /proc/self/status, reset just
before the job through /proc/self/clear_refs). Not `ru_maxrss`: a child process inherits its
parent's (the benchmark's, hundreds of MB after generating the files), which hid the job's.
"""

from __future__ import annotations

import csv
import json
import sys
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

#: The day the benchmark's data is read against (the tests' TODAY).
TODAY = date(2026, 6, 15)


def _status(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024  # given in kB
    raise LookupError(field)


def _reset_peak() -> int:
    """Start the high-water mark afresh from the memory in use now; that memory."""
    Path("/proc/self/clear_refs").write_text("5")  # 5: reset the peak resident size
    return _status("VmRSS")


def read_csv(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle))


def read_openpyxl(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def read_infolist(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return len(archive.infolist())


def _preview_job(path: Path, database: Path) -> tuple[Any, dict[str, Any], Any]:
    from peerdesk.data.database import open_database
    from peerdesk.services import Services
    from peerdesk.services.importing.service import read_and_preview

    services = Services(
        open_database(database, backup_dir=database.parent / "backups", lock=False),
        today=lambda: TODAY,
    )
    found: dict[str, Any] = {}

    def job() -> None:
        _, preview = read_and_preview(services.importing, path)
        found["rows"] = len(preview.rows)
        found["blocking"] = [p.message for p in preview.problems if p.blocking][:3]

    return job, found, services.close


def main(argv: list[str]) -> int:
    job_name, path = argv[0], Path(argv[1])
    import openpyxl  # noqa: F401 - imported before timing on both sides: it is not the job

    found: dict[str, Any] = {}
    close: Any = None
    if job_name == "preview":
        job, found, close = _preview_job(path, Path(argv[2]))
    else:
        reader = {"csv": read_csv, "openpyxl": read_openpyxl, "infolist": read_infolist}
        read = reader[job_name]

        def job() -> None:
            found["rows"] = read(path)

    before = _reset_peak()
    started = time.perf_counter()
    job()
    seconds = time.perf_counter() - started
    peak = _status("VmHWM") - before
    print(json.dumps({"seconds": seconds, "peak_bytes": peak, **found}))
    if close is not None:
        close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
