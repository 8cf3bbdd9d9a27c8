"""What an erasure keeps in concerns, for the erasure dialog: one plain sentence a concern."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from peerdesk.services import Services


def kept_concerns_note(services: Services, person_id: int) -> QLabel:
    """A label saying which concerns keep the person's name, why and until when (hidden
    when there are none)."""
    sentences = services.concerns.kept_on_erasure(person_id)
    label = QLabel("\n\n".join(["Kept for now:", *sentences]))
    label.setWordWrap(True)
    label.setAccessibleName("What is kept, and until when")
    label.setVisible(bool(sentences))
    return label
