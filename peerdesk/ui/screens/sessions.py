"""The Sessions screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class SessionsScreen(PlaceholderScreen):
    title = "Sessions"
    promise = (
        "Sessions will list every mentoring session, with quick entry from a paper session log."
    )
