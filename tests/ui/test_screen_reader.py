"""What a screen reader hears (issue 24), read through Qt's accessibility interfaces."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import a11y_tree


def test_the_checker_finds_each_fault_it_is_there_to_find(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    hidden_content = QLabel("45 things need you. 7 of them urgent.")
    hidden_content.setAccessibleName("Summary")
    markup = QLabel("A pairing")
    markup.setAccessibleDescription("<h2>P0044: Emily and Chloé</h2>")
    unnamed = QPushButton("")
    fine = QLabel("Saved at 10:30")
    named_field = QLineEdit()
    named_field.setAccessibleName("Phone")
    for widget in (hidden_content, markup, unnamed, fine, named_field):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    found = a11y_tree.problems(page)
    assert any("45 things need you" in p and "'Summary'" in p for p in found), found
    assert any(p.startswith("markup in the description") for p in found), found
    assert any(p.startswith("no name: QPushButton") for p in found), found
    assert len(found) == 3, found
