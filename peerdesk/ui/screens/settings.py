"""The Settings screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class SettingsScreen(PlaceholderScreen):
    title = "Settings"
    promise = "Settings will hold your organisation's details, reminders, text size and colours."
