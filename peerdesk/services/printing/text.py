"""Turning record values into the words a printed form shows (never "None")."""

from __future__ import annotations

from datetime import date, time

from peerdesk.data.models import Person


def day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def clock(value: time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def pence(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


def name(person: Person | None) -> str:
    return person.display_name if person else ""


def first_name(person: Person | None) -> str:
    return (person.preferred_name or person.first_name) if person else ""


def joined(*parts: str, separator: str = "\n") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(born: date | None, on: date) -> str:
    if born is None:
        return ""
    age = age_on(born, on)
    if age < 18:
        return "Under 18"
    for low, high in ((18, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 74)):
        if low <= age <= high:
            return f"{low} to {high}"
    return "75 or over"


def outward_code(postcode: str) -> str:
    """The first half of a UK postcode: enough for figures, not enough to find a home."""
    parts = postcode.strip().upper().split()
    if len(parts) == 2:
        return parts[0]
    compact = "".join(parts)
    return compact[:-3] if len(compact) > 4 else ""
