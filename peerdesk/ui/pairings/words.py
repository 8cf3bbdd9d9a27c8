"""How pairing facts read on screen: dates in words, never "None"."""

from __future__ import annotations

from datetime import date, time

from peerdesk.vocabulary import Labelled


def day(value: date | None, missing: str = "Not set") -> str:
    if value is None:
        return missing
    return f"{value:%a} {value.day} {value:%b %Y}"


def long_day(value: date | None, missing: str = "Not set") -> str:
    if value is None:
        return missing
    return f"{value:%A} {value.day} {value:%B %Y}"


def clock(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def sort_day(value: date | None) -> str:
    """A key that sorts dates in order; blanks last."""
    return value.isoformat() if value is not None else "9999"


def label(vocabulary: type[Labelled], value: str | None, missing: str = "Not set") -> str:
    if not value:
        return missing
    try:
        return vocabulary(value).label
    except ValueError:
        return value


def minutes(value: int) -> str:
    hours, mins = divmod(value, 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    if hours:
        return f"{hours} hour" + ("s" if hours > 1 else "")
    return f"{mins} min"
