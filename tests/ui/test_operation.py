"""Background operations report back on the UI thread, in plain words, or not at all when the
window that asked has gone."""

from __future__ import annotations

import logging

import pytest
import shiboken6

from peerdesk.errors import PeerdeskError
from peerdesk.ui.operation import UNEXPECTED, Operation, run_operation


def test_the_result_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[object] = []
    run_operation(lambda: 6 * 7, results.append, results.append)
    qtbot.waitUntil(lambda: results == [42])


def test_a_refusal_comes_back_in_plain_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    def refuse() -> None:
        raise PeerdeskError("The backup folder is missing: plug in the USB stick.")

    failures: list[str] = []
    run_operation(refuse, lambda _: None, failures.append)
    qtbot.waitUntil(lambda: failures == ["The backup folder is missing: plug in the USB stick."])


def test_a_bug_is_never_shown_as_a_traceback(qtbot) -> None:  # type: ignore[no-untyped-def]
    failures: list[str] = []
    run_operation(lambda: 1 / 0, lambda _: None, failures.append)
    qtbot.waitUntil(lambda: failures == [UNEXPECTED])


def test_finishing_after_the_window_closed_is_quiet(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="peerdesk.ui.operation")
    done: list[str] = []

    def refuse() -> None:
        done.append("refused")
        raise PeerdeskError("No backup folder.")

    for work in (lambda: done.append("finished"), refuse):
        operation = Operation(work)
        shiboken6.delete(operation.signals)  # what closing the app does to the receiver side
        operation.run()  # raising here would reach Qt's thread pool as an unhandled error
    assert done == ["finished", "refused"]
    quiet = "operation finished after its window closed"
    assert [r.getMessage() for r in caplog.records].count(quiet) == 2
