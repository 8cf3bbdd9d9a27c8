"""Long work off the UI thread (PDF packs, backups, imports, yearly figures).

`run_operation` runs a plain function on Qt's thread pool and calls back on the UI thread with
its result, or with a plain-English message when it fails. Like Anki's CollectionOp: the
widget says what to do and what to show; it never touches threads itself.

Given `done` (what to say when it worked), the end is also announced to a screen reader: a
user who cannot see the window change hears that the long work is over. (A failure is shown
by the caller, in a message box a screen reader reads as it opens or a line it announces.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from peerdesk.errors import PeerdeskError
from peerdesk.ui import announcer

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong that should not have. Nothing was half-saved. The details are in "
    "the log file; please try again, and ask for help if it happens again."
)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class Operation(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work()
        except PeerdeskError as error:
            log.info("operation refused: %s", type(error).__name__)
            self._tell(self.signals.failed, str(error))
        except Exception:
            log.exception("operation failed")
            self._tell(self.signals.failed, UNEXPECTED)
        else:
            self._tell(self.signals.succeeded, result)

    @staticmethod
    def _tell(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The window that asked has closed (e.g. the app is quitting): nobody to tell.
            log.debug("operation finished after its window closed")


_running: set[Operation] = set()


def run_operation(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    *,
    done: str | Callable[[Any], str] | None = None,
) -> Operation:
    """Run `work()` in the background; exactly one of the callbacks runs on the UI thread.
    With `done` (words, or words made from the result), those words are announced when it
    has worked, after `on_success` has shown the result."""
    operation = Operation(work)
    _running.add(operation)

    def _succeeded(result: Any) -> None:
        _running.discard(operation)
        on_success(result)
        if done is not None:
            announcer.announce(done(result) if callable(done) else done)

    def _failed(message: str) -> None:
        _running.discard(operation)
        on_failure(message)

    operation.signals.succeeded.connect(_succeeded)
    operation.signals.failed.connect(_failed)
    QThreadPool.globalInstance().start(operation)
    return operation
