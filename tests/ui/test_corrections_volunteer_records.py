"""Correcting a volunteer's records on their page, as a coordinator does it from the
keyboard: Enter on a training row opens it in its own dialog, titled "Edit training", with
what was saved; a new date saved shows at once. Remove… on a supervision asks why (a blank
reason is refused, nothing removed), then removes it. The page's History says each in
plain words, newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.vocabulary import MeetingMode
from tests.ui.keys import focus, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab
from tests.unit.test_pairings_builders import ready_mentor


def open_page(
    qtbot: QtBot, services: Services, tmp_path: Path, person_id: int, tab: str
) -> PersonPage:
    """Their page, on the tab `tab`."""
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.show_person(person_id)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, tab)
    return page


def test_enter_on_a_training_row_edits_its_date(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentor = ready_mentor(services, "Morag")
    page = open_page(qtbot, services, tmp_path, mentor, "training")
    table = page.training.table
    assert not page.training.corrections.edit_button.isEnabled()  # nothing chosen yet
    table.selectRow(0)
    seen: dict[str, str] = {}

    def edit(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["module"] = dialog.module.currentText()  # type: ignore[attr-defined]
        type_into(qtbot, dialog.on, "3/3/2026")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    def enter() -> None:
        focus(qtbot, table)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    in_modal(qtbot, enter, edit)
    assert seen == {"title": "Edit training", "module": "Self care"}
    [record] = services.volunteers.training(mentor)
    assert record.training_date == date(2026, 3, 3)
    assert table.model().index(0, 1).data() == "3 Mar 2026"
    newest = page.history.history.lines()[0]
    assert newest.startswith("Edited training: Self care")
    assert "Training date changed from 6 January 2025 to 3 March 2026" in newest


def test_remove_a_supervision_asks_why_and_a_blank_reason_removes_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentor = ready_mentor(services, "Morag")
    services.volunteers.record_supervision(
        mentor, on=date(2026, 3, 3), mode=MeetingMode.PHONE, duration_minutes=45
    )
    page = open_page(qtbot, services, tmp_path, mentor, "supervision")
    remove_button = page.supervision.corrections.remove_button
    assert remove_button.accessibleName() == "Remove the chosen supervision"
    assert not remove_button.isEnabled()  # nothing chosen yet
    page.supervision.table.selectRow(0)
    assert remove_button.isEnabled()
    said: dict[str, str] = {}

    def remove(dialog: QDialog) -> None:
        said["title"] = dialog.windowTitle()
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]  # no reason given
        said["refused"] = dialog.problem_text("reason")  # type: ignore[attr-defined]
        assert len(services.volunteers.supervisions(mentor)) == 1
        type_into(qtbot, dialog.reason, "Entered on the wrong mentor")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, remove_button), remove)
    assert said["title"] == "Remove the supervision on 3 March 2026"
    assert "Please enter why it is being removed" in said["refused"]
    assert services.volunteers.supervisions(mentor) == []
    assert page.supervision.table.isHidden()
    history = page.history.history
    assert history.lines()[0] == (
        "Removed supervision on 3 March 2026\nSupervision removed: Entered on the wrong mentor"
    )
    assert history.table.table_model.index(0, 3).data() == "Entered on the wrong mentor"
