"""A record table narrower than its columns scrolls sideways and still shows every row: the
sideways scroll bar gets room of its own instead of covering the rows."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.widgets.record_table import RecordTable

HEADINGS = ("Date of the journey", "Kind of cost", "Description of what it was", "Amount")


def test_a_table_scrolling_sideways_keeps_room_for_its_rows(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    table = RecordTable(HEADINGS, "Claim lines")
    layout.addWidget(table)
    layout.addStretch(1)
    table.set_rows([(1, ("15/06/2026", "Mileage", "To the library and back", "£5.40"))])
    window.resize(220, 400)
    window.show()
    qtbot.waitExposed(window)

    qtbot.waitUntil(lambda: table.horizontalScrollBar().isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: table.viewport().height() >= table.rowHeight(0), timeout=2000)
    assert table.horizontalHeader().height() >= table.horizontalHeader().sizeHint().height()
