"""The one seam for screen-reader announcements really hands Qt an announcement event."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from peerdesk.ui import announcer


class Posted:
    def __init__(self) -> None:
        self.events: list[tuple[Any, str, Any, Any]] = []

    def __call__(self, event: QAccessibleEvent) -> None:
        # Read it now: Qt owns the event only while updateAccessibility runs.
        self.events.append((event.type(), event.message(), event.politeness(), event.object()))  # type: ignore[attr-defined]


@pytest.fixture
def posted(monkeypatch: pytest.MonkeyPatch) -> Posted:
    spy = Posted()
    real = QAccessible.updateAccessibility

    def record_then_post(event: QAccessibleEvent) -> None:
        spy(event)
        real(event)

    monkeypatch.setattr(announcer.QAccessible, "updateAccessibility", record_then_post)
    return spy


def test_announce_posts_an_announcement_event(qtbot: QtBot, posted: Posted) -> None:
    label = QLabel("Saved")
    qtbot.addWidget(label)
    announcer.announce("  Jo Smith\n saved. ", label)
    assert posted.events == [
        (
            QAccessible.Event.Announcement,
            "Jo Smith saved.",
            QAccessible.AnnouncementPoliteness.Polite,
            label,
        )
    ]


def test_a_problem_interrupts(qtbot: QtBot, posted: Posted) -> None:
    label = QLabel("Problem")
    qtbot.addWidget(label)
    announcer.announce("The date is missing.", label, urgent=True)
    assert posted.events[0][2] == QAccessible.AnnouncementPoliteness.Assertive


def test_nothing_to_say_posts_nothing(qtbot: QtBot, posted: Posted) -> None:
    label = QLabel("")
    qtbot.addWidget(label)
    announcer.announce("  ", label)
    assert posted.events == []
