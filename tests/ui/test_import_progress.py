"""The import assistant reads the file and makes its preview off the UI thread (issue 25,
point 1): the window answers while a progress strip says how far the check has got; Cancel
(Alt+A) or Escape stops it, the assistant stays on its page with nothing changed, and a
screen reader hears so. The background work is held part-way by a gate (no sleeps), so each
test sees it mid-flight for certain."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWizard

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import Action, ImportService, Progress
from peerdesk.ui import announcer
from peerdesk.ui.importing.assistant import (
    CHECKING,
    COUNTING,
    STOPPED,
    ImportAssistant,
    WorkPage,
)
from tests.ui.access_keys import window_problems
from tests.ui.fit_checks import overlapping, squeezed
from tests.ui.import_steps import (
    FIXTURES,
    ROWS,
    Gate,
    all_work_done,
    next_page,
    people_csv,
)
from tests.ui.test_layout_largest_text import cut_short


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch, qtbot) -> Iterator[Gate]:  # type: ignore[no-untyped-def]
    held = Gate(monkeypatch)
    yield held
    held.release.set()  # never leave a worker waiting past its test
    all_work_done(qtbot)


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(announcer, "announce", lambda text, *_a, **_k: said.append(text))
    return said


def _on_mapping_page(qtbot, services: Services, paths: Paths, path: Path) -> ImportAssistant:  # type: ignore[no-untyped-def]
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.file_page.path.setText(str(path))
    next_page(qtbot, assistant)
    assert assistant.currentPage() is assistant.mapping_page
    return assistant


def _held_mid_preview(qtbot, assistant: ImportAssistant, gate: Gate) -> None:  # type: ignore[no-untyped-def]
    """Next on the mapping page, then wait (the UI thread running) until the strip shows the
    preview held part-way."""
    assistant.next()
    strip = assistant.mapping_page.strip
    qtbot.waitUntil(lambda: strip.words.text() == f"Checking row 200 of {ROWS}…", timeout=20_000)
    assert gate.reached.is_set() and not gate.release.is_set()


def _press(
    qtbot, assistant: ImportAssistant, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    """A real key press, where the keyboard is: the focused widget of the active assistant."""
    assistant.activateWindow()
    qtbot.waitUntil(assistant.isActiveWindow, timeout=5000)
    target = QApplication.focusWidget() or assistant
    qtbot.keyClick(target, key, modifiers)


def test_the_preview_runs_off_the_ui_thread_with_a_progress_bar(
    qtbot, services: Services, paths: Paths, tmp_path: Path, gate: Gate
) -> None:
    assistant = _on_mapping_page(qtbot, services, paths, people_csv(tmp_path))
    page, strip = assistant.mapping_page, assistant.mapping_page.strip
    assert not strip.isVisible()
    _held_mid_preview(qtbot, assistant, gate)
    # The worker is held, yet the UI thread polled its report and drew it: responsive.
    assert strip.isVisible() and strip.cancel.isVisible()
    assert (strip.bar.minimum(), strip.bar.maximum(), strip.bar.value()) == (0, ROWS, 200)
    assert assistant.currentPage() is page and assistant.working
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
        assert not assistant.button(button).isEnabled()
    assert not page.body.isEnabled()  # the mapping cannot change under the preview
    assert QApplication.focusWidget() is strip.cancel
    assert assistant.grab().save(str(tmp_path / "import-mid-preview.png"))
    gate.release.set()
    qtbot.waitUntil(lambda: assistant.currentPage() is assistant.preview_page, timeout=20_000)
    assert not gate.cancelled.is_set()
    assert not assistant.mapping_page.strip.isVisible()
    assert assistant.preview is not None
    assert assistant.preview.counts["people_created"] == ROWS
    assert assistant.button(QWizard.WizardButton.BackButton).isEnabled()


def test_cancel_by_its_access_key_stops_the_preview_and_changes_nothing(
    qtbot, services: Services, paths: Paths, tmp_path: Path, gate: Gate, heard: list[str]
) -> None:
    assistant = _on_mapping_page(qtbot, services, paths, people_csv(tmp_path))
    page = assistant.mapping_page
    _held_mid_preview(qtbot, assistant, gate)
    _press(qtbot, assistant, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # C&ancel
    # An access key clicks its button as a mouse would: a moment later.
    qtbot.waitUntil(lambda: not assistant.working, timeout=5000)
    assert not page.strip.isVisible()
    assert heard == [STOPPED]
    assert page.body.isEnabled() and page.isComplete()
    assert assistant.button(QWizard.WizardButton.NextButton).isEnabled()
    assert assistant.button(QWizard.WizardButton.BackButton).isEnabled()
    gate.release.set()
    all_work_done(qtbot)
    assert gate.cancelled.is_set()  # the worker stopped part-way, at its next report
    qtbot.wait(50)  # let anything it sent back arrive: it must be ignored
    assert assistant.currentPage() is page and assistant.isVisible()
    assert assistant.preview is None
    assert services.people.list_rows() == []


def test_escape_stops_the_preview_and_a_second_escape_closes(
    qtbot, services: Services, paths: Paths, tmp_path: Path, gate: Gate, heard: list[str]
) -> None:
    assistant = _on_mapping_page(qtbot, services, paths, people_csv(tmp_path))
    _held_mid_preview(qtbot, assistant, gate)
    _press(qtbot, assistant, Qt.Key.Key_Escape)
    assert assistant.isVisible(), "Escape closed the assistant instead of stopping the work"
    assert not assistant.working and heard == [STOPPED]
    assert assistant.currentPage() is assistant.mapping_page
    gate.release.set()
    all_work_done(qtbot)
    assert gate.cancelled.is_set()
    assert assistant.preview is None and services.people.list_rows() == []
    _press(qtbot, assistant, Qt.Key.Key_Escape)  # nothing runs now: Escape closes, as ever
    qtbot.waitUntil(lambda: not assistant.isVisible(), timeout=5000)


def test_reading_shows_a_busy_bar_and_can_be_cancelled(
    qtbot, services: Services, paths: Paths, monkeypatch: pytest.MonkeyPatch, heard: list[str]
) -> None:
    import threading

    release = threading.Event()
    read = ImportService.read

    def held(self, path, settings=None):  # type: ignore[no-untyped-def]
        release.wait(timeout=30)
        return read(self, path, settings)

    monkeypatch.setattr(ImportService, "read", held)
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.file_page.path.setText(str(FIXTURES / "caithness_records.xlsx"))
    try:
        assistant.next()
        strip = assistant.file_page.strip
        qtbot.waitUntil(strip.isVisible, timeout=5000)
        assert strip.words.text() == "Reading the file…"
        assert strip.bar.maximum() == 0  # busy: the rows are not counted in advance
        assert not assistant.button(QWizard.WizardButton.NextButton).isEnabled()
        _press(qtbot, assistant, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not assistant.working, timeout=5000)
        assert not strip.isVisible() and heard == [STOPPED]
    finally:
        release.set()
        all_work_done(qtbot)
    qtbot.wait(50)  # the file read meanwhile must not move the assistant on
    assert assistant.currentPage() is assistant.file_page
    assert assistant.source is None
    assert assistant.file_page.isComplete()


def test_two_quick_duplicate_choices_show_the_newest_preview(
    qtbot, services: Services, paths: Paths, tmp_path: Path
) -> None:
    import shutil

    from peerdesk.services.people.service import PersonDetails

    copy = tmp_path / "people.csv"
    shutil.copy(FIXTURES / "people_windows1252.csv", copy)
    services.people.add(PersonDetails(first_name="José", last_name="Núñez", phone="01955 600100"))
    assistant = _on_mapping_page(qtbot, services, paths, copy)
    next_page(qtbot, assistant)
    page = assistant.preview_page
    row = next(i for i, r in enumerate(page.plan.rows) if r.duplicate)
    page.plan_view.selectRow(row)
    shown: list[bool] = []
    assistant.preview_changed.connect(lambda: shown.append(True))
    page.choice.setCurrentIndex(page.choice.findData("update"))
    page.choice.activated.emit(page.choice.currentIndex())
    # The first preview finishes (the UI thread not running meanwhile: its result waits in
    # the queue), then the second choice supersedes it: the first result, arriving after,
    # must be ignored, not shown over the newer one.
    assert QThreadPool.globalInstance().waitForDone(20_000)
    page.choice.setCurrentIndex(page.choice.findData("add"))
    page.choice.activated.emit(page.choice.currentIndex())
    qtbot.waitUntil(lambda: not assistant.working, timeout=20_000)
    all_work_done(qtbot)
    qtbot.wait(50)
    assert shown == [True]  # only the newest preview was shown
    assert page.plan.rows[row].action is Action.CREATE
    assert page.choice.currentData() == "add"
    assert [c.value for c in assistant.choices.values()] == ["add"]


def _strip_problems(
    qtbot, assistant: ImportAssistant, page: WorkPage, what: str, shots: Path
) -> list[str]:  # type: ignore[no-untyped-def]
    """Run work on `page` that reports row 12,000 of 50,000 and waits; what then does not
    fit, or clashes (and a screenshot of it in `shots`)."""
    release = threading.Event()

    def work(progress: Progress) -> None:
        progress.report(12_000, 50_000)
        release.wait(timeout=30)

    assistant._start(page, CHECKING, COUNTING, work, lambda _: None, "Failed")
    try:
        qtbot.waitUntil(lambda: page.strip.words.text() == "Checking row 12,000 of 50,000…")
        for widget in (page.strip, page.body, page):  # laid out now, as it soon is anyway
            widget.layout().activate()
        for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
            assert not assistant.button(button).isEnabled(), f"{what}: {button} enabled"
        problems = list(window_problems(assistant))
        problems += cut_short(page.strip) + squeezed(page, what) + overlapping(page, what)
        assert assistant.grab().save(str(shots / f"strip-{what}.png"))
    finally:
        release.set()
        qtbot.waitUntil(lambda: not assistant.working, timeout=20_000)
    return [f"{what}: {p}" for p in problems]


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_the_strip_fits_and_its_keys_clash_with_nothing(
    qtbot, services: Services, paths: Paths, tmp_path: Path, text_size: str, request
) -> None:
    """On each page with work running: the strip is laid out whole at normal and largest
    text, and Alt+A (Cancel) is the only thing answering it."""
    if text_size == "largest":
        request.getfixturevalue("largest")
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.file_page.path.setText(str(FIXTURES / "caithness_records.xlsx"))
    problems: list[str] = []
    for page in (assistant.file_page, assistant.mapping_page, assistant.preview_page):
        if assistant.currentPage() is not page:
            next_page(qtbot, assistant)
        what = f"{type(page).__name__} ({text_size})"
        problems += _strip_problems(qtbot, assistant, page, what, tmp_path)
    assert problems == []


def test_the_import_shows_its_progress_and_escape_does_not_stop_it(
    qtbot, services: Services, paths: Paths, tmp_path: Path, gate: Gate, heard: list[str]
) -> None:
    """Once begun, an import is not cancellable (it is all or nothing, and the backup
    before it undoes it): no Cancel on its strip, and Escape neither stops it nor closes."""
    assistant = _on_mapping_page(qtbot, services, paths, people_csv(tmp_path))
    gate.reached.set()  # not the preview: let it through
    next_page(qtbot, assistant)
    gate.reached.clear()
    strip = assistant.preview_page.strip
    with qtbot.waitSignal(assistant.imported, timeout=20_000):
        assistant.next()  # Import
        qtbot.waitUntil(gate.reached.is_set, timeout=20_000)
        qtbot.waitUntil(lambda: strip.words.text() == f"Importing: checking row 200 of {ROWS}…")
        assert strip.isVisible() and not strip.cancel.isVisible()
        _press(qtbot, assistant, Qt.Key.Key_Escape)
        assert assistant.isVisible() and assistant.working and heard == []
        gate.release.set()
    qtbot.waitUntil(lambda: assistant.currentPage() is assistant.summary_page, timeout=20_000)
    assert len(services.people.list_rows()) == ROWS
