"""The top of a window that edits a short list kept in Settings (conditions, projects, training
modules): a plain explanation, the list under an access-keyed caption, and a line for what
went wrong. Each window adds its own inputs and buttons below."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from peerdesk.ui.widgets.tables import make_table


def list_with_problem_line(
    owner: QWidget,
    layout: QVBoxLayout,
    intro: str,
    caption: str,
    name: str,
    model: QAbstractItemModel,
) -> tuple[QTableView, QLabel]:
    """Adds the intro, the captioned list showing `model` (its accessible name `name`) and
    the problem line to `layout`; returns the list and the problem line."""
    words = QLabel(intro)
    words.setWordWrap(True)
    layout.addWidget(words)
    label = QLabel(caption)
    layout.addWidget(label)
    table = make_table(name, owner)
    table.setModel(model)
    label.setBuddy(table)
    layout.addWidget(table, 1)
    problem = QLabel()
    problem.setObjectName("problem")
    problem.setWordWrap(True)
    problem.setAccessibleName("Result")
    layout.addWidget(problem)
    return table, problem
