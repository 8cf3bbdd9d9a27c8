"""The one wording module: dates, lengths and stored values as the coordinator reads them,
never "None", never ISO dates. Every screen says a date or a length the same way:

- tables: 7 Dec 2026 (`table_day`)
- headings and dates to act on: Monday 7 December 2026 (`heading_day`)
- sentences: 7 December 2026 (`day`)
"""

from __future__ import annotations

from datetime import date, time

from peerdesk.vocabulary import GroupKind, GroupStatus, Labelled

GROUP_KIND_WORDS = {GroupKind.DROP_IN.value: "Drop-in", GroupKind.CLOSED.value: "Closed"}
GROUP_STATUS_WORDS = {status.value: status.label for status in GroupStatus}


def day(value: date | None, missing: str = "Not recorded") -> str:
    """3 July 2026 (in a sentence), or the words for a date not recorded."""
    if value is None:
        return missing
    return f"{value.day} {value:%B %Y}"


def table_day(value: date | None, missing: str = "") -> str:
    """7 Dec 2026: dates in tables, where room is short."""
    if value is None:
        return missing
    return f"{value.day} {value:%b %Y}"


def heading_day(value: date | None, missing: str = "Not set") -> str:
    """Monday 7 December 2026: headings, and a date someone must act on."""
    if value is None:
        return missing
    return f"{value:%A} {value.day} {value:%B %Y}"


def clock(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def sort_day(value: date | None) -> str:
    """A key that sorts dates in order; blanks last."""
    return value.isoformat() if value is not None else "9999"


def label(vocabulary: type[Labelled], value: str | None, missing: str = "Not set") -> str:
    """The plain words for a stored vocabulary value."""
    if not value:
        return missing
    try:
        return vocabulary(value).label
    except ValueError:
        return value


def text_or(value: str | None, missing: str = "Not recorded") -> str:
    value = (value or "").strip()
    return value if value else missing


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes(value: int) -> str:
    """1 h 30 min, 2 hours, 45 min."""
    hours, rest = divmod(value, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return plural(hours, "hour")
    return f"{rest} min"


def age_on(born: date | None, today: date) -> str:
    if born is None:
        return "Not recorded"
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return f"{day(born)} (aged {years})"
