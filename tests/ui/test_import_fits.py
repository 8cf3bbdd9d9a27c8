"""The import assistant fits a 1366×768 laptop at the largest text: as big as the screen
allows and no bigger, each page scrolling inside with its lists eight rows tall, the window
the same size while work runs and after, and its own Cancel reached by Alt+E. (Each page is
also opened on a real 1366×768 screen by tests/ui/test_layout_largest_text.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWizard

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.ui.importing.assistant import CLOSE, SIZE, ImportAssistant
from peerdesk.ui.widgets import fit_screen
from tests.ui.fit_checks import overlapping, short_lists, squeezed
from tests.ui.import_steps import FIXTURES, Gate, all_work_done, next_page, people_csv

LAPTOP = QRect(0, 0, 1366, 768)


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(fit_screen, "available_geometry", lambda _widget: QRect(LAPTOP))
    return LAPTOP


def _opened(qtbot, services: Services, paths: Paths, path: Path) -> ImportAssistant:  # type: ignore[no-untyped-def]
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.file_page.path.setText(str(path))
    assistant.show()
    qtbot.waitExposed(assistant)
    return assistant


def _misfits(assistant: ImportAssistant, what: str) -> list[str]:
    """What does not fit on the page shown, once its layout requests are handled."""
    QApplication.sendPostedEvents()  # the pages' lists were given their eight rows' height
    return squeezed(assistant, what) + overlapping(assistant, what) + short_lists(assistant, what)


def test_every_page_fits_within_a_laptop_at_the_largest_text(
    qtbot, services: Services, paths: Paths, largest: QSettings, laptop: QRect
) -> None:  # type: ignore[no-untyped-def]
    assistant = _opened(qtbot, services, paths, FIXTURES / "people_with_problems.csv")
    room = fit_screen.room_on_screen(assistant)
    # Larger text, a larger window (up to the screen): more of each list in view.
    assert assistant.width() > SIZE.width() and assistant.height() > SIZE.height()
    assert assistant.width() <= room.width() and assistant.height() <= room.height()
    problems = _misfits(assistant, "file")
    for what in ("columns", "preview"):
        next_page(qtbot, assistant)
        problems += _misfits(assistant, what)
    assert problems == []
    # Each column of the first rows is as wide as its heading (which says what it becomes).
    header = assistant.mapping_page.preview_view.horizontalHeader()
    cut = [i for i in range(header.count()) if header.sectionSize(i) < header.sectionSizeHint(i)]
    assert cut == []
    # The columns' page's opening words are whole: they wrap within the page.
    intro = assistant.mapping_page.findChild(type(assistant.preview_page.summary))
    assert intro is not None and intro.wordWrap()
    assert assistant.size().boundedTo(room) == assistant.size()


def test_a_list_of_many_rows_keeps_eight_in_view_and_the_page_scrolls(
    qtbot, services: Services, paths: Paths, largest: QSettings, laptop: QRect, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assistant = _opened(qtbot, services, paths, people_csv(tmp_path, 40))
    next_page(qtbot, assistant)
    next_page(qtbot, assistant)
    page = assistant.preview_page
    plan = page.plan_view
    assert plan.verticalScrollBar().maximum() > 0  # more rows than shown
    assert plan.viewport().height() >= 8 * plan.verticalHeader().defaultSectionSize()
    assert short_lists(page, "preview") == []


def test_the_window_keeps_its_size_while_work_runs_and_after(
    qtbot,
    services: Services,
    paths: Paths,
    largest: QSettings,
    laptop: QRect,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    assistant = _opened(qtbot, services, paths, people_csv(tmp_path))
    next_page(qtbot, assistant)
    size = assistant.size()
    gate = Gate(monkeypatch)
    try:
        assistant.next()
        strip = assistant.mapping_page.strip
        qtbot.waitUntil(lambda: gate.reached.is_set() and strip.isVisible(), timeout=20_000)
        assistant.currentPage().layout().activate()
        assert assistant.size() == size  # the strip takes room from the scrolling part
        assert _misfits(assistant, "columns, working") == []
    finally:
        gate.release.set()
    qtbot.waitUntil(lambda: assistant.currentPage() is assistant.preview_page, timeout=20_000)
    all_work_done(qtbot)
    assert assistant.size() == size


def test_the_assistants_own_cancel_has_an_access_key(
    qtbot, services: Services, paths: Paths
) -> None:  # type: ignore[no-untyped-def]
    assistant = _opened(qtbot, services, paths, FIXTURES / "people_with_problems.csv")
    cancel = assistant.button(QWizard.WizardButton.CancelButton)
    assert cancel.text() == CLOSE == "Canc&el"
    assistant.activateWindow()
    qtbot.waitUntil(assistant.isActiveWindow, timeout=5000)
    target = QApplication.focusWidget() or assistant
    qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not assistant.isVisible(), timeout=5000)
    assert assistant.result() == QWizard.DialogCode.Rejected
