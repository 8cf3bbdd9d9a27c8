"""One titled section of the person page, with a tidy list of facts and a row of actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Section(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self.column = QVBoxLayout(self)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.column.addLayout(self.facts)
        self.action_bar = QHBoxLayout()
        self.action_bar_holder = QWidget()
        self.action_bar_holder.setLayout(self.action_bar)
        self.action_bar.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.action_bar_holder)
        self.action_bar.addStretch(1)
        self._fact_widgets: list[QWidget] = []

    def add_action(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        self.action_bar.insertWidget(self.action_bar.count() - 1, button)
        return button

    def set_facts(self, facts: list[tuple[str, str]]) -> None:
        """Replace the facts shown: (what, value) pairs, values already in plain words."""
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for what, value in facts:
            caption = QLabel(f"{what}:")
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            # Selectable for copying with the mouse, but never in the keyboard's way: no Tab
            # stop, and no focus (a label pointing at something that takes the focus would
            # need an access key of its own).
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Read as what it shows ("Woman"); the caption is its label ("Gender:"), which Qt
            # tells a screen reader as a "labelled by" relation.
            caption.setBuddy(shown)
            self.facts.addRow(caption, shown)

    def fact(self, what: str) -> str:
        """The value shown for `what` (tests and screen readers read the same words)."""
        for row in range(self.facts.rowCount()):
            caption = self.facts.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.facts.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if caption is None or value is None:
                continue
            caption_label, value_label = caption.widget(), value.widget()
            if (
                isinstance(caption_label, QLabel)
                and isinstance(value_label, QLabel)
                and caption_label.text() == f"{what}:"
            ):
                return value_label.text()
        return ""
