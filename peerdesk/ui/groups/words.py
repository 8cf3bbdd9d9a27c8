"""How group facts read on screen: dates, kinds, durations. Never "None", never ISO dates."""

from __future__ import annotations

from datetime import date

from peerdesk.vocabulary import GroupKind, GroupStatus

KIND_WORDS = {GroupKind.DROP_IN.value: "Drop-in", GroupKind.CLOSED.value: "Closed"}
STATUS_WORDS = {status.value: status.label for status in GroupStatus}


def day(value: date | None, missing: str = "Not recorded") -> str:
    """18 June 2026."""
    return f"{value.day} {value:%B %Y}" if value is not None else missing


def short_day(value: date | None, missing: str = "") -> str:
    """Thu 18 Jun 2026: dates in tables, where room is short."""
    return f"{value:%a} {value.day} {value:%b %Y}" if value is not None else missing


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes(value: int) -> str:
    hours, rest = divmod(value, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return plural(hours, "hour")
    return f"{rest} min"
