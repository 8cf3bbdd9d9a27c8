"""How pairing facts read on screen: the shared wording, with "Not set" for blanks."""

from __future__ import annotations

from datetime import date

from peerdesk.ui.widgets.words import clock, label, long_day, minutes, short_day, sort_day

__all__ = ["clock", "day", "label", "long_day", "minutes", "sort_day"]


def day(value: date | None, missing: str = "Not set") -> str:
    """Thu 18 Jun 2026 (pairing tables and timelines are short of room)."""
    return short_day(value, missing)
