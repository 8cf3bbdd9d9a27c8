""" "How was this counted?": every figure's definition, in plain words."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from peerdesk.services.figures.views import DEFINITIONS


def definitions_html(notice: str = "") -> str:
    parts = ["<h2>How was this counted?</h2>"]
    if notice:
        parts.append(f"<p><b>{html.escape(notice)}</b></p>")
    parts.append(
        "<p>A reporting year starts on the month chosen in Settings (April unless you "
        "changed it) and both the first and the last day count. People are counted once "
        "each, however many roles or sessions they had.</p>"
        "<p><b>Publishable figures</b> hide small numbers so that nobody can be recognised: "
        "a count from 1 up to the threshold (5 unless changed in Settings) shows as “&lt;5”, "
        "and where that alone could be worked out from a total, another number is shown as "
        "“hidden” too. No average is given for fewer than 10 people.</p>"
    )
    for definition in DEFINITIONS.values():
        parts.append(
            f"<h3>{html.escape(definition.label)}</h3><p>{html.escape(definition.meaning)}</p>"
        )
    return "".join(parts)


class DefinitionsDialog(QDialog):
    def __init__(self, notice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How was this counted?")
        self.resize(640, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("How each figure was counted")
        self.text.setHtml(definitions_html(notice))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
