"""The Pairings screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class PairingsScreen(PlaceholderScreen):
    title = "Pairings"
    promise = "Pairings will show every mentoring pairing, the people waiting for a mentor, and the matching assistant."
