"""Steps shared by the import assistant's tests: moving on once background work is done, a
large file, and a gate that holds the background work part-way until a test lets it go."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from peerdesk.services.importing import ImportCancelled, Progress
from peerdesk.services.importing.progress import EVERY
from peerdesk.ui.importing.assistant import ImportAssistant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
#: Rows in `people_csv`: three reports' worth, so a report comes part-way.
ROWS = 3 * EVERY


def next_page(qtbot, assistant: ImportAssistant) -> None:  # type: ignore[no-untyped-def]
    """Next, then wait for the page after: reading and the preview run off the UI thread,
    and the assistant moves on by itself when they are done."""
    after = assistant.page(assistant.currentId() + 1)
    assistant.next()
    qtbot.waitUntil(lambda: assistant.currentPage() is after, timeout=20_000)
    assert not assistant.working


def people_csv(folder: Path, rows: int = ROWS) -> Path:
    path = folder / "many-people.csv"
    lines = ["First name,Last name,Phone"]
    lines += [f"Person{i},Family{i},01955 {600000 + i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def all_work_done(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no background work is left (a cancelled worker still finishes)."""
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=20_000)


class Gate:
    """Holds the background preview at its first report after row 0 (the worker thread waits;
    the UI thread does not) until `release`; records whether it then stopped, cancelled."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.cancelled = threading.Event()
        report = Progress.report
        gate = self

        def held(progress: Progress, done: int, total: int) -> None:
            report(progress, done, total)
            if done == 0 or gate.reached.is_set():
                return
            gate.reached.set()
            gate.release.wait(timeout=30)
            try:
                progress.check()
            except ImportCancelled:
                gate.cancelled.set()
                raise

        monkeypatch.setattr(Progress, "report", held)
