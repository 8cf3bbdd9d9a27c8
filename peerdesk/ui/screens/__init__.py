"""The screens of the main window, in navigation order. Each lives in its own module."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.screens.figures import FiguresScreen
from peerdesk.ui.screens.forms import FormsScreen
from peerdesk.ui.screens.groups import GroupsScreen
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.ui.screens.people import PeopleScreen
from peerdesk.ui.screens.sessions import SessionsScreen
from peerdesk.ui.screens.settings import SettingsScreen
from peerdesk.ui.screens.today import TodayScreen

ScreenFactory = Callable[[Services, QSettings], Screen]

SCREENS: list[tuple[str, str, ScreenFactory]] = [
    ("today", "Today", TodayScreen),
    ("people", "People", PeopleScreen),
    ("pairings", "Pairings", PairingsScreen),
    ("sessions", "Sessions", SessionsScreen),
    ("groups", "Groups", GroupsScreen),
    ("forms", "Forms", FormsScreen),
    ("figures", "Figures", FiguresScreen),
    ("settings", "Settings", SettingsScreen),
]

__all__ = ["SCREENS", "Screen"]
