"""The widget with the keyboard focus wears a ring in the theme's highlight colour, 2 px wide
(3 px in high contrast), in every theme: buttons, text boxes, lists, spin boxes, tables, tabs
and check boxes. Read from the pixels drawn, not from the style sheet's words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.ui import preferences, theme

#: (name, theme chosen, high contrast ticked)
THEMES = (
    ("light", "light", False),
    ("dark", "dark", False),
    ("high contrast light", "light", True),
    ("high contrast dark", "dark", True),
)


@pytest.fixture(params=THEMES, ids=[t[0] for t in THEMES])
def colours(
    request: pytest.FixtureRequest, tmp_path: Path, qapp: QApplication
) -> Iterator[tuple[theme.Palette, int]]:
    _name, chosen, strong = request.param
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.THEME.write(settings, chosen)
    preferences.HIGH_CONTRAST.write(settings, strong)
    applied = theme.apply_appearance(qapp, settings)
    yield applied, 3 if strong else 2
    settings.clear()
    theme.apply_appearance(qapp, settings)


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[dict[str, QWidget]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    model = QStandardItemModel(3, 2, window)
    for row in range(3):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    table = QTableView()
    table.setModel(model)
    tabs = QTabWidget()
    tabs.addTab(QLabel("first page"), "Details")
    tabs.addTab(QLabel("second page"), "History")
    combo = QComboBox()
    combo.addItems(["One choice", "Another"])
    widgets: dict[str, QWidget] = {
        "button": QPushButton("Save"),
        "text box": QLineEdit("Ann"),
        "list": combo,
        "spin box": QSpinBox(),
        "check box": QCheckBox("Large print"),
        "text area": QPlainTextEdit("Notes"),
        "table": table,
        "tabs": tabs,
    }
    for widget in widgets.values():
        layout.addWidget(widget)
    window.resize(400, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield widgets  # the window lives (and holds the widgets) until the test ends


def top_edge(widget: QWidget) -> tuple[QWidget, QPoint]:
    """Where the ring's top edge is: the middle of the widget's top (of the chosen tab)."""
    if isinstance(widget, QTabWidget):
        bar = widget.findChild(QTabBar)
        assert bar is not None
        rect = bar.tabRect(bar.currentIndex())
        return bar, QPoint(rect.center().x(), rect.top())
    return widget, QPoint(widget.width() // 2, 0)


def ring_rows(widget: QWidget, highlight: QColor) -> int:
    """How many rows down from the top edge are drawn in the highlight colour."""
    target, point = top_edge(widget)
    image = target.grab().toImage()
    scale = image.devicePixelRatio()
    rows = 0
    while rows < 6:
        pixel = image.pixelColor(int(point.x() * scale), int((point.y() + rows) * scale))
        if pixel.name() != highlight.name():
            break
        rows += 1
    return rows


@pytest.mark.parametrize(
    "kind", ["button", "text box", "list", "spin box", "check box", "text area", "table", "tabs"]
)
def test_the_focused_widget_wears_a_ring_in_the_highlight_colour(
    qtbot: QtBot, colours: tuple[theme.Palette, int], form: dict[str, QWidget], kind: str
) -> None:
    palette, width = colours
    highlight = QColor(palette.highlight)
    widget = form[kind]
    elsewhere = form["text box" if kind == "button" else "button"]
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is elsewhere, timeout=2000)
    assert ring_rows(widget, highlight) == 0, "ringed before it had the focus"
    target = widget.focusProxy() or widget
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=2000)

    assert ring_rows(widget, highlight) >= width
