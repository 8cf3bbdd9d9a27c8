"""The Groups screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class GroupsScreen(PlaceholderScreen):
    title = "Groups"
    promise = "Groups will show your peer support groups, their meetings and registers."
