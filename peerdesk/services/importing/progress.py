"""How far a preview (or an import's planning) has got, and a way to stop it part-way.

The worker thread reports every so many rows; the screen reads the last report when it
wants to (a timer), so no per-row signal crosses threads. `cancel()` may be called from any
thread: the next report or check in the worker raises `ImportCancelled`, which unwinds the
preview's session (rolled back: nothing is written). No Qt here: the services stay plain.
"""

from __future__ import annotations

import threading

#: Report once per this many rows: often enough for a smooth bar, cheap on 50,000 rows.
EVERY = 200


class ImportCancelled(Exception):
    """The coordinator stopped the work. Deliberately not a PeerdeskError: it is never a
    problem to show, only a reason to stop."""


class Progress:
    """Rows checked so far out of how many, and whether to stop. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._done = 0
        self._total = 0

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise ImportCancelled if `cancel()` has been called."""
        if self._stop.is_set():
            raise ImportCancelled

    def report(self, done: int, total: int) -> None:
        """`done` rows of `total` have been checked; stops here if cancelled."""
        with self._lock:
            self._done, self._total = done, total
        self.check()

    def row(self, done: int, total: int) -> None:
        """Called for every row: reports only every `EVERY` rows, and at the last one."""
        if done % EVERY == 0 or done == total:
            self.report(done, total)

    def snapshot(self) -> tuple[int, int]:
        """The last report: (rows done, rows in all); (0, 0) before the first."""
        with self._lock:
            return self._done, self._total
