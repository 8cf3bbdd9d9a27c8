"""References on a demo volunteer's page, by keyboard alone: Add a reference… opens its
dialog, the referee, relationship, contact, dates and "satisfactory" are typed and chosen,
and the page shows the reference at once; with Settings asking for two references, the
section and the volunteer's readiness say how many are still missing. Edit opens the saved
reference; its access keys are used by nothing else on the window."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.volunteers.views import SafeguardingSettings
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.people.person_page import PersonPage
from tests.ui.keys import choose, in_modal, press, type_into
from tests.ui.person_tabs import open_tab
from tests.ui.test_person_page_referrals import letters


def _mentor_short_of_references(services: Services) -> tuple[int, int]:
    """A demo mentor with fewer than two satisfactory references, and how many they have."""
    for row in services.people.list_rows():
        if "mentor" not in row.roles:
            continue
        good = sum(r.counts for r in services.references.references(row.id))
        if good < 2:
            return row.id, good
    pytest.fail("the demo has no mentor short of references")


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> MainWindow:
    widget = MainWindow(
        demo_services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _page(qtbot: QtBot, window: MainWindow, person_id: int) -> PersonPage:
    """Their page, on the References tab."""
    window.open_record("person", person_id)
    page = window.current_person_page()
    assert page is not None
    open_tab(qtbot, page, "references")
    return page


def test_a_reference_is_added_by_keyboard_and_readiness_says_what_is_missing(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    demo_services.references.save_settings(SafeguardingSettings(2, 6))
    mentor, good = _mentor_short_of_references(demo_services)
    page = _page(qtbot, window, mentor)
    section = page.references
    assert section.isVisible()
    assert section.fact("Still needed").startswith(
        f"references: {good} of 2 received and satisfactory"
    )
    assert f"references: {good} of 2 received and satisfactory" in page.journey.fact(
        "Before they can be paired"
    )
    before = section.table.model().rowCount()

    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Add a reference"
        type_into(qtbot, dialog.referee, "Isla Munro")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.relationship, "Former manager")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.contact, "isla@example.org")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.requested, "20/5/2026")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.received, "1/6/2026")  # type: ignore[attr-defined]
        choose(qtbot, dialog.satisfactory, "Yes")  # type: ignore[attr-defined]
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not dialog.isVisible())

    in_modal(qtbot, lambda: press(qtbot, section.add_button), fill)
    page = _page(qtbot, window, mentor)
    section = page.references
    model = section.table.model()
    assert model.rowCount() == before + 1
    shown = [model.index(before, column).data() for column in range(5)]
    assert shown == [
        "Isla Munro (Former manager)",
        "isla@example.org",
        "20 May 2026",
        "1 Jun 2026",
        "Yes",
    ]
    if good + 1 >= 2:
        assert section.fact("Still needed") == ""
    else:
        assert section.fact("Still needed").startswith(
            "references: 1 of 2 received and satisfactory"
        )
        assert "references: 1 of 2" in page.journey.fact("Before they can be paired")
    newest = page.history.history.lines()[0]
    assert newest.startswith("Added a reference from Isla Munro")


def test_edit_opens_the_saved_reference_and_marks_it_not_satisfactory(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    demo_services.references.save_settings(SafeguardingSettings(1, 6))
    mentor, _good = _mentor_short_of_references(demo_services)
    reference = demo_services.references.add(mentor, referee_name="Calum Ross")
    page = _page(qtbot, window, mentor)
    section = page.references
    row = [
        section.table.model().index(r, 0).data() for r in range(section.table.model().rowCount())
    ]
    section.table.selectRow(row.index("Calum Ross"))
    seen: dict[str, str] = {}

    def edit(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["referee"] = dialog.referee.text()  # type: ignore[attr-defined]
        type_into(qtbot, dialog.received, "2/6/2026")  # type: ignore[attr-defined]
        choose(qtbot, dialog.satisfactory, "No")  # type: ignore[attr-defined]
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not dialog.isVisible())

    in_modal(qtbot, lambda: press(qtbot, section.corrections.edit_button), edit)
    assert seen == {"title": "Edit reference", "referee": "Calum Ross"}
    saved = demo_services.references.get(reference.id)
    assert (saved.satisfactory, saved.state) == (False, "Not satisfactory")
    assert "1 reference not satisfactory" in _page(qtbot, window, mentor).references.fact(
        "Still needed"
    )


def test_the_references_access_keys_are_used_by_nothing_else(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    mentor, _good = _mentor_short_of_references(demo_services)
    page = _page(qtbot, window, mentor)
    counts = letters(window)
    assert page.references.add_button.isVisible()
    for button in (page.references.add_button, page.references.print_button):
        if button.isVisible():
            letter = re.search(r"&(.)", button.text())
            assert letter is not None, button.text()
            assert counts[letter.group(1).lower()] == 1, button.text()


def test_print_a_reference_request_previews_the_letter_to_the_chosen_referee(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    mentor, _good = _mentor_short_of_references(demo_services)
    demo_services.references.add(mentor, referee_name="Calum Ross", relationship="Tutor")
    section = _page(qtbot, window, mentor).references
    names = [
        section.table.model().index(r, 0).data() for r in range(section.table.model().rowCount())
    ]
    section.table.selectRow(names.index("Calum Ross (Tutor)"))
    press(qtbot, section.print_button)
    preview = section.preview
    assert preview is not None
    with qtbot.waitSignal(preview.rendered, timeout=20000):
        pass
    text = pdfplumber_text(preview.preview._file)  # the file it shows
    assert "Dear Calum Ross," in text
    assert "has given your name as a referee as their tutor" in text
    assert not preview.large_print.isChecked()
    preview.close()


def pdfplumber_text(path: Path | None) -> str:
    assert path is not None
    with pdfplumber.open(path) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)
