"""The People screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class PeopleScreen(PlaceholderScreen):
    title = "People"
    promise = "People will list everyone you support and every volunteer, with search and filters, and a page for each person."
