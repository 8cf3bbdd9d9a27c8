"""The laptop checks themselves (tests/ui/fit_checks.py) find what they are for: a line cut
short, a widget squeezed, neighbours on top of each other, a short list, a window too big."""

from __future__ import annotations

from PySide6.QtCore import QRect, QStringListModel
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QTableView, QVBoxLayout, QWidget

from tests.ui import fit_checks


def test_a_cell_narrower_than_its_words_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("Urgent: a review was due on Thursday 28 May 2026"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(False)
    view.setColumnWidth(0, 120)
    view.show()
    assert len(fit_checks.elided_lines(view)) == 1
    view.setWordWrap(True)
    view.resizeRowsToContents()
    assert fit_checks.elided_lines(view) == []


def test_a_squeezed_button_and_overlapping_neighbours_are_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    button = QPushButton("Print the session log sheet for this pairing", page)
    label = QLabel("Timeline", page)
    layout.addWidget(button)
    layout.addWidget(label)
    page.show()
    assert fit_checks.squeezed(page, "page") == []
    assert fit_checks.overlapping(page, "page") == []
    button.resize(40, button.height())  # as a layout short of room leaves it
    label.move(button.pos())
    assert any("Print the session" in found for found in fit_checks.squeezed(page, "page"))
    assert any("Timeline" in found for found in fit_checks.overlapping(page, "page"))


def test_a_list_with_room_for_three_rows_of_many_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = QWidget()
    qtbot.addWidget(screen)
    view = QListView(screen)
    view.setModel(QStringListModel([f"Person {number}" for number in range(40)]))
    view.setAccessibleName("People")
    row = fit_checks.one_row_height(view)
    view.resize(300, 3 * row)
    screen.show()
    qtbot.waitExposed(screen)
    found = fit_checks.short_lists(screen, "screen")
    assert len(found) == 1 and "'People'" in found[0]
    view.resize(300, 9 * row)
    assert fit_checks.short_lists(screen, "screen") == []


def test_a_window_beyond_the_screen_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 900)
    assert fit_checks.beyond_screen(window, QRect(0, 0, 1366, 768), "it")
    window.resize(600, 700)
    assert fit_checks.beyond_screen(window, QRect(0, 0, 1366, 768), "it") == []
