"""Settings ▸ Conditions (the shared list, edited with the keyboard) and Settings' "Waiting for a
mentor: remind after N weeks", stored with the organisation's other settings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import ConditionEntry, PersonDetails
from peerdesk.ui import theme
from peerdesk.ui.people.conditions_panel import ConditionsDialog
from peerdesk.ui.screens.settings import SettingsScreen
from peerdesk.vocabulary import ConditionLink


@pytest.fixture
def qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _press(qtbot: QtBot, button: QAbstractButton) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _choose(qtbot: QtBot, dialog: ConditionsDialog, name: str) -> None:
    dialog.table.setFocus()
    row = next(i for i, e in enumerate(dialog.model.rows()) if e.name == name)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected() is not None and dialog.selected().name == name  # type: ignore[union-attr]


def _families(services: Services) -> dict[str, str]:
    return {e.name: e.family for e in services.conditions.listing().entries}


def test_the_waiting_reminder_is_saved_with_the_reminders(
    qtbot: QtBot, services: Services, qsettings: QSettings
) -> None:
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    screen = SettingsScreen(services, qsettings)
    qtbot.addWidget(screen)
    screen.refresh()
    box = screen.thresholds["waiting_remind_weeks"]
    assert box.value() == 8 and (box.minimum(), box.maximum()) == (1, 52)
    assert screen.threshold_rows.labels["waiting_remind_weeks"].text() == (
        "W&aiting for a mentor: remind after"
    )
    _type(qtbot, box, "12")
    _press(qtbot, screen.reminders_save_button)
    assert services.organisation.details().waiting_remind_weeks == 12
    assert screen.reminders_saved_note.text() == "✓ Saved."
    # The panel says what the list holds.
    assert "5 entries" in screen.conditions_panel.summary.text()
    assert "Diabetes, Mental health" in screen.conditions_panel.summary.text()


def test_adding_renaming_and_families_from_the_keyboard(qtbot: QtBot, services: Services) -> None:
    dialog = ConditionsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.name, "COPD")
    _type(qtbot, dialog.family.lineEdit(), "Lung conditions")
    _press(qtbot, dialog.buttons["add"])
    assert _families(services)["COPD"] == "Lung conditions"
    assert dialog.list_problem.text() == "✓ Added “COPD”."
    assert dialog.selected() is not None and dialog.selected().name == "COPD"  # type: ignore[union-attr]

    _choose(qtbot, dialog, "Depression")
    assert dialog.name.text() == "Depression" and dialog.family.currentText() == "Mental health"
    _type(qtbot, dialog.name, "Low mood")
    _press(qtbot, dialog.buttons["rename"])
    assert "Low mood" in _families(services) and "Depression" not in _families(services)

    _choose(qtbot, dialog, "Low mood")
    _type(qtbot, dialog.family.lineEdit(), "")
    qtbot.keyClick(dialog.family.lineEdit(), Qt.Key.Key_Backspace)
    _press(qtbot, dialog.buttons["family"])
    assert _families(services)["Low mood"] == ""
    assert dialog.list_problem.text() == "✓ “Low mood” is in no family."


def test_refusals_are_shown_where_they_belong_and_change_nothing(
    qtbot: QtBot, services: Services
) -> None:
    services.people.add(
        PersonDetails(first_name="Ann"),
        conditions=[ConditionEntry("Anxiety", ConditionLink.LIVES_WITH)],
    )
    dialog = ConditionsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    before = services.conditions.listing()
    _type(qtbot, dialog.name, "anxiety")
    _press(qtbot, dialog.buttons["add"])
    assert "“Anxiety” is already in the list" in dialog.rows.problem_text("name")
    _choose(qtbot, dialog, "Anxiety")
    _press(qtbot, dialog.buttons["remove"])
    assert "1 person has “Anxiety” recorded" in dialog.list_problem.text()
    assert services.conditions.listing() == before


def test_merging_asks_first_and_then_moves_everyone(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = services.people.add(
        PersonDetails(first_name="Ann"),
        conditions=[ConditionEntry("Worry", ConditionLink.LIVES_WITH)],
    )
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = ConditionsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(qtbot, dialog, "Worry")
    dialog.into.setCurrentIndex(dialog.into.findText("Anxiety"))
    _press(qtbot, dialog.buttons["merge"])
    assert "Worry" in _families(services)  # answered No: nothing merged
    _press(qtbot, dialog.buttons["merge"])
    assert asked[1].startswith("Merge “Worry” into “Anxiety”? 1 person has it")
    assert "Worry" not in _families(services)
    assert [c.name for c in services.people.conditions(person.id)] == ["Anxiety"]


def test_every_access_key_of_the_window_is_used_once(qtbot: QtBot, services: Services) -> None:
    dialog = ConditionsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(qtbot, dialog, "Anxiety")
    found: Counter[str] = Counter()
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
        else:
            continue
        if match := re.search(r"&([^&\s])", text):
            found[match.group(1).lower()] += 1
    assert len(found) >= 9
    assert {letter: n for letter, n in found.items() if n > 1} == {}


def test_enter_after_typing_a_name_keeps_the_window_open(qtbot: QtBot, services: Services) -> None:
    dialog = ConditionsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.name, "Asthma")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.name.text() == "Asthma"
    _press(qtbot, dialog.buttons["add"])
    assert "Asthma" in _families(services)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_settings_button_opens_the_list_and_the_summary_follows(
    qtbot: QtBot, services: Services, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = SettingsScreen(services, qsettings)
    qtbot.addWidget(screen)
    screen.refresh()
    opened: list[ConditionsDialog] = []

    def exec_(dialog: ConditionsDialog) -> int:
        # Instead of waiting for the coordinator: add an entry as they would, then close.
        opened.append(dialog)
        _type(qtbot, dialog.name, "Asthma")
        _press(qtbot, dialog.buttons["add"])
        return 0

    monkeypatch.setattr(ConditionsDialog, "exec", exec_)
    _press(qtbot, screen.conditions_panel.edit_button)
    assert len(opened) == 1
    assert "6 entries" in screen.conditions_panel.summary.text()
