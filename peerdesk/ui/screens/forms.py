"""The Forms screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class FormsScreen(PlaceholderScreen):
    title = "Forms"
    promise = (
        "Forms will print every form and template, blank or filled in, in normal or large print."
    )
