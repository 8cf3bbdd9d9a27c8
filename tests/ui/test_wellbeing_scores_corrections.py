"""Putting right wellbeing scores on a person's page by keyboard (Enter on a row edits it,
with the questions it was asked; Remove… asks why), a set with an answer missing refused
under that answer with nothing saved, and Settings ▸ Outcome scale saved by its own button
(refusals under the questions; the organisation's Save afterwards keeps the scale's name)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.outcomes.views import ScoreEntry
from peerdesk.ui.outcomes.scale_panel import OutcomeScalePanel
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.screens.settings import SettingsScreen
from tests.ui.keys import choose, focus, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab
from tests.unit.test_pairings_builders import active_pairing, organisation


def _page(qtbot: QtBot, services: Services, tmp_path: Path, person: int) -> PersonPage:
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.show_person(person)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, "outcomes")
    return page


def _mentee_with_a_set(services: Services) -> tuple[int, int]:
    organisation(services)
    pairing = active_pairing(services)
    mentee = services.pairings.get(pairing).mentee_id
    saved = services.outcomes.record(
        mentee, ScoreEntry("before", date(2026, 1, 5), (2,) * 7, pairing_id=pairing)
    )
    return mentee, saved.id


def test_enter_on_a_row_edits_the_set_and_remove_asks_why(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentee, _ = _mentee_with_a_set(services)
    page = _page(qtbot, services, tmp_path, mentee)
    table = page.wellbeing.table
    table.selectRow(0)
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        boxes = dialog.answers  # type: ignore[attr-defined]
        seen["answers"] = [box.currentData() for box in boxes]
        choose(qtbot, boxes[0], "5")
        seen["total"] = dialog.total.text()  # type: ignore[attr-defined]
        save(qtbot, dialog)

    def enter() -> None:
        focus(qtbot, table)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    in_modal(qtbot, enter, edit)
    # 5 + 6 × 2 = 17.
    assert seen == {
        "title": "Edit wellbeing scores",
        "answers": [2] * 7,
        "total": "Total: 17 of 35",
    }
    assert table.model().index(0, 2).data() == "17 of 35"
    assert page.history.history.lines()[0].startswith("Edited wellbeing scores on 5 January 2026")

    table.selectRow(0)
    problems: list[str] = []

    def blank_then_why(dialog: QDialog) -> None:
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        problems.append(dialog.problem_text("reason"))  # type: ignore[attr-defined]
        type_into(qtbot, dialog.reason, "Entered for the wrong person")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, page.wellbeing.corrections.remove_button), blank_then_why)
    assert problems == ["⚠ Please enter why it is being removed (entered in error, say)."]
    assert services.outcomes.for_person(mentee).sets == ()
    assert page.wellbeing.table.isHidden() and not page.wellbeing.empty.isHidden()
    assert page.history.history.lines()[0].startswith("Removed wellbeing scores (before support)")


def test_a_missing_answer_is_refused_under_it_with_nothing_saved(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentee, _ = _mentee_with_a_set(services)
    page = _page(qtbot, services, tmp_path, mentee)
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        boxes = dialog.answers  # type: ignore[attr-defined]
        for box in boxes[:2] + boxes[3:]:
            choose(qtbot, box, "4")
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        seen["problem"] = dialog.problem_text("answer_3")  # type: ignore[attr-defined]
        seen["focus"] = QApplication.focusWidget().accessibleName()  # type: ignore[union-attr]
        dialog.reject()

    in_modal(qtbot, lambda: press(qtbot, page.wellbeing.record_button), fill)
    assert seen["problem"].startswith("Please answer question 3")
    assert seen["focus"].startswith("Question 3: ")
    assert len(services.outcomes.for_person(mentee).sets) == 1


def _panel(screen: SettingsScreen) -> OutcomeScalePanel:
    [panel] = screen.findChildren(OutcomeScalePanel)
    return panel


def test_the_outcome_scale_is_saved_by_its_own_button(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    organisation(services)
    screen = SettingsScreen(
        services, QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(screen)
    screen.refresh()
    screen.show()
    qtbot.waitExposed(screen)
    panel = _panel(screen)
    assert "peerdesk wellbeing check, 7 questions (peerdesk's own questions)" in panel.in_use.text()
    type_into(qtbot, panel.name, "Our licensed scale")
    type_into(qtbot, panel.questions, "Only one question")
    press(qtbot, panel.save_button)
    assert "between 2 and 20" in panel.rows.problem_text("outcome_questions")
    assert services.outcomes.scale().own
    type_into(qtbot, panel.questions, "First question")
    qtbot.keyClick(panel.questions, Qt.Key.Key_Return)  # a new line: a new question
    qtbot.keyClicks(panel.questions, "Second question")
    press(qtbot, panel.save_button)
    assert panel.saved_note.text() == "✓ Saved."
    scale = services.outcomes.scale()
    assert (scale.name, scale.questions) == (
        "Our licensed scale",
        ("First question", "Second question"),
    )
    assert (
        "Our licensed scale, 2 questions (your own questions), totals 2 to 10"
        in panel.in_use.text()
    )
    # The organisation's own Save, afterwards, keeps the scale's name.
    type_into(qtbot, screen.phone, "01955 000000")
    press(qtbot, screen.save_button)
    assert services.outcomes.scale().name == "Our licensed scale"


def test_no_other_button_on_the_page_uses_its_access_key(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentee, _ = _mentee_with_a_set(services)
    page = _page(qtbot, services, tmp_path, mentee)
    keys = [
        b.text()
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and "&o" in b.text().lower()
    ]
    assert keys == ["Rec&ord wellbeing scores…"]
