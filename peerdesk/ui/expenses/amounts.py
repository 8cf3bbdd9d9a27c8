"""Reading the miles and money a coordinator types ("12.4", "£3.50") into whole tenths and
pence, refusing anything else in plain words (the service checks the limits)."""

from __future__ import annotations

import re

from peerdesk.errors import ValidationError

_MILES = re.compile(r"^\d{1,6}(\.\d)?$")
_MONEY = re.compile(r"^\d{1,7}(\.\d{1,2})?$")


def tenths(text: str, field: str = "miles") -> int:
    """Miles to one decimal place, as tenths: "12.4" -> 124."""
    words = text.strip().replace(",", "")
    if words.endswith("miles"):
        words = words[:-5].strip()
    if not _MILES.match(words):
        raise ValidationError(
            "Type the miles as a number to one decimal place, such as 12.4.", field
        )
    whole, _, part = words.partition(".")
    return int(whole) * 10 + int(part or 0)


def pence(text: str, field: str = "amount") -> int:
    """Pounds and pence as whole pence: "£3.50" -> 350, "3.5" -> 350, "12" -> 1200."""
    words = text.strip().replace(",", "").removeprefix("£").strip()
    if not _MONEY.match(words):
        raise ValidationError("Type the amount in pounds and pence, such as 3.50.", field)
    whole, _, part = words.partition(".")
    return int(whole) * 100 + int((part + "00")[:2])


def money(pence_value: int) -> str:
    """Whole pence as it is typed: 350 -> "3.50"."""
    return f"{pence_value // 100}.{pence_value % 100:02d}"


def miles_text(tenths_value: int) -> str:
    whole, part = divmod(tenths_value, 10)
    return f"{whole}" if part == 0 else f"{whole}.{part}"
