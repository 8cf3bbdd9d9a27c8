"""The screens of the main window, in navigation order. Each lives in its own module, imported
only when its screen is first built (the Forms screen brings the PDF preview with it)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.ui.screens.base import Screen

ScreenFactory = Callable[[Services, QSettings], Screen]


def _later(module: str, name: str) -> ScreenFactory:
    """A factory that imports the screen's module when it is first called."""

    def build(services: Services, settings: QSettings) -> Screen:
        screen_class = getattr(import_module(f"peerdesk.ui.screens.{module}"), name)
        screen: Screen = screen_class(services, settings)
        return screen

    build.__name__ = name
    build.__qualname__ = name
    return build


SCREENS: list[tuple[str, str, ScreenFactory]] = [
    ("today", "Today", _later("today", "TodayScreen")),
    ("people", "People", _later("people", "PeopleScreen")),
    ("pairings", "Pairings", _later("pairings", "PairingsScreen")),
    ("sessions", "Sessions", _later("sessions", "SessionsScreen")),
    ("groups", "Groups", _later("groups", "GroupsScreen")),
    ("forms", "Forms", _later("forms", "FormsScreen")),
    ("figures", "Figures", _later("figures", "FiguresScreen")),
    ("expenses", "Expenses", _later("expenses", "ExpensesScreen")),
    ("concerns", "Concerns", _later("concerns", "ConcernsScreen")),
    ("training", "Training", _later("training", "TrainingScreen")),
    ("settings", "Settings", _later("settings", "SettingsScreen")),
]

__all__ = ["SCREENS", "Screen"]
