"""The person dialog offers the shared conditions list while typing (comma separated), keeps
what is typed otherwise, and a new name becomes a new entry of the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.people.condition_completer import replace_part
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.vocabulary import ConditionLink


def _offered(completer: QCompleter) -> list[str]:
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_part_of_a_name_offers_the_list_and_choosing_keeps_the_others(
    qtbot: QtBot, services: Services
) -> None:
    services.conditions.add("COPD")
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Isobel")
    edit = dialog.condition_edits[ConditionLink.LIVES_WITH]
    edit.setFocus()
    qtbot.keyClicks(edit, "COPD, diab")
    completer = edit.findChild(QCompleter)
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    # Whatever the case, anywhere in the name; families' names too.
    assert _offered(completer) == ["Diabetes", "Type 1 diabetes", "Type 2 diabetes"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "COPD, Type 2 diabetes"
    assert not popup.isVisible()
    qtbot.keyClicks(edit, ", Tinnitus")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_person is not None
    saved = services.people.conditions(dialog.saved_person.id)
    assert sorted(c.name for c in saved) == ["COPD", "Tinnitus", "Type 2 diabetes"]
    assert "Tinnitus" in [e.name for e in services.conditions.listing().entries]


def test_nothing_is_offered_for_a_name_the_list_does_not_have(
    qtbot: QtBot, services: Services
) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.condition_edits[ConditionLink.LIVED_EXPERIENCE]
    edit.setFocus()
    qtbot.keyClicks(edit, "Tinnit")
    completer = edit.findChild(QCompleter)
    assert completer is not None and completer.popup() is not None
    assert not completer.popup().isVisible()
    assert edit.text() == "Tinnit"


def test_the_part_being_typed_is_the_one_replaced() -> None:
    assert replace_part("COPD, diab", 10, "Diabetes") == ("COPD, Diabetes", 14)
    assert replace_part("anx, COPD", 3, "Anxiety") == ("Anxiety, COPD", 7)
    assert replace_part("COPD,typ, Asthma", 8, "Type 1 diabetes") == (
        "COPD, Type 1 diabetes, Asthma",
        21,
    )
