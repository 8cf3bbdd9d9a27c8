"""Choosing a passphrase: two hidden fields, a strength meter, and the plain warning."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.safety.views import (
    LOST_PASSPHRASE_DETAIL,
    LOST_PASSPHRASE_HEADLINE,
    Strength,
    estimate_strength,
)
from peerdesk.ui import announcer


def passphrase_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 36)
    return edit


class StrengthMeter(QWidget):
    """A bar from very weak to strong, with words (colour is never the only sign)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.bar.setAccessibleName("Passphrase strength")
        self.words = QLabel()
        self.words.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)
        self.show_strength(estimate_strength(""))

    def show_strength(self, strength: Strength) -> None:
        self.strength = strength
        self.bar.setValue(strength.score)
        self.words.setText(f"<b>{strength.words}.</b> {strength.advice}")
        self.bar.setAccessibleDescription(strength.words)


class NewPassphraseFields(QWidget):
    """New passphrase, typed twice; the meter; the warning with an 'I understand' tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, first_label: str = "&Passphrase") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.warning = QLabel(f"<b>{LOST_PASSPHRASE_HEADLINE}</b> {LOST_PASSPHRASE_DETAIL}")
        self.warning.setWordWrap(True)
        self.warning.setObjectName("passphraseWarning")
        layout.addWidget(self.warning)
        form = QFormLayout()
        layout.addLayout(form)
        self.passphrase = passphrase_edit("New passphrase")
        self.confirmation = passphrase_edit("New passphrase again")
        self.meter = StrengthMeter()
        self.show_text = QCheckBox("Show the passphrase as I type")
        first = QLabel(first_label)
        first.setBuddy(self.passphrase)
        second = QLabel("Type it &again")
        second.setBuddy(self.confirmation)
        form.addRow(first, self.passphrase)
        form.addRow("", self.meter)
        form.addRow(second, self.confirmation)
        form.addRow("", self.show_text)
        self.understood = QCheckBox(
            "I understand: if I forget this passphrase, my records cannot be recovered"
        )
        self.understood.setAccessibleName("I understand the passphrase cannot be recovered")
        layout.addWidget(self.understood)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.passphrase.textChanged.connect(self._on_passphrase_changed)
        self.confirmation.textChanged.connect(lambda _t: self.changed.emit())
        self.understood.toggled.connect(lambda _c: self.changed.emit())
        self.show_text.toggled.connect(self._on_show_text_toggled)

    def text(self) -> str:
        return self.passphrase.text()

    def confirmed_text(self) -> str:
        return self.confirmation.text()

    def is_ready(self) -> bool:
        return (
            self.meter.strength.acceptable
            and self.passphrase.text() == self.confirmation.text()
            and self.understood.isChecked()
        )

    def say_problem(self, message: str) -> None:
        # The labels here have no fixed names: a screen reader reads their words, and a
        # problem is also said as it appears (focus stays where it was).
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        if message:
            announcer.announce(f"Problem: {message}", self, urgent=True)

    def clear(self) -> None:
        for edit in (self.passphrase, self.confirmation):
            edit.clear()

    def _on_passphrase_changed(self, text: str) -> None:
        self.meter.show_strength(estimate_strength(text))
        self.say_problem("")
        self.changed.emit()

    def _on_show_text_toggled(self, checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        for edit in (self.passphrase, self.confirmation):
            edit.setEchoMode(mode)
