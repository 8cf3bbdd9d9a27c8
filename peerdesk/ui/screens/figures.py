"""The Figures screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class FiguresScreen(PlaceholderScreen):
    title = "Figures"
    promise = "Figures will work out your yearly figures for funders and export them safely."
