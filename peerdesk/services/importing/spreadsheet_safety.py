"""Keeping spreadsheet exports safe to open ("CSV injection" / formula injection).

Excel and LibreOffice treat a cell that starts with = + - @ (or a tab or carriage return before
one) as a formula, which can run commands or leak data when a coordinator opens the file.
`neutralise` puts an apostrophe in front of such text so it shows as typed. Real numbers are
left alone: a negative number is data, not a formula. Use it for every text cell of every CSV
or XLSX peerdesk writes.
"""

from __future__ import annotations

from typing import TypeVar

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_STARTS)


def neutralise(value: T) -> T | str:
    """Text that a spreadsheet would run as a formula, made inert; anything else unchanged."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def neutralise_text(text: str) -> str:
    return "'" + text if is_dangerous(text) else text
