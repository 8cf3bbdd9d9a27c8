"""Dates and values as the coordinator reads them: never "None", never ISO dates."""

from __future__ import annotations

from datetime import date


def day(value: date | None, missing: str = "Not recorded") -> str:
    """3 July 2026, or the words for a date not recorded."""
    if value is None:
        return missing
    return f"{value.day} {value:%B %Y}"


def text_or(value: str | None, missing: str = "Not recorded") -> str:
    value = (value or "").strip()
    return value if value else missing


def minutes(value: int) -> str:
    hours, mins = divmod(value, 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    if hours:
        return f"{hours} hour" + ("s" if hours > 1 else "")
    return f"{mins} minutes"


def age_on(born: date | None, today: date) -> str:
    if born is None:
        return "Not recorded"
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return f"{day(born)} (aged {years})"
