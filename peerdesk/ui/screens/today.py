"""The Today screen (placeholder until its issue lands)."""

from __future__ import annotations

from peerdesk.ui.screens.base import PlaceholderScreen


class TodayScreen(PlaceholderScreen):
    title = "Today"
    promise = "Today will list what needs you: reviews due, pairings without a session, supervision and checks due, consents expiring, open concerns and waiting referrals."
