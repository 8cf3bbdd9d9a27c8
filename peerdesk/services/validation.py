"""Small checks shared by the services. Each raises ValidationError with words for people."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from peerdesk.errors import ValidationError
from peerdesk.vocabulary import Labelled

E = TypeVar("E", bound=Labelled)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
_PHONE = re.compile(r"^[0-9 +()\-]{6,20}$")
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 20_000


def clean(value: str | None) -> str:
    return (value or "").strip()


def required_text(value: str | None, field: str, label: str) -> str:
    text = clean(value)
    if not text:
        raise ValidationError(f"Please enter {label}.", field)
    return short_text(text, field, label)


def required_long_text(value: str | None, field: str, label: str) -> str:
    text = clean(value)
    if not text:
        raise ValidationError(f"Please enter {label}.", field)
    return long_text(text, field, label)


def short_text(value: str | None, field: str, label: str) -> str:
    text = clean(value)
    if len(text) > MAX_SHORT_TEXT:
        raise ValidationError(
            f"{label.capitalize()} is too long: please keep it under {MAX_SHORT_TEXT} characters.",
            field,
        )
    return text


def long_text(value: str | None, field: str, label: str) -> str:
    text = clean(value)
    if len(text) > MAX_LONG_TEXT:
        raise ValidationError(
            f"{label.capitalize()} is too long: please keep it under {MAX_LONG_TEXT:,} characters.",
            field,
        )
    return text


def one_of(value: str | E, vocabulary: type[E], field: str, label: str) -> E:
    try:
        return vocabulary(value)
    except ValueError:
        choices = ", ".join(member.label.lower() for member in vocabulary)
        raise ValidationError(f"Please choose {label} from the list ({choices}).", field) from None


def optional_one_of(value: str | E | None, vocabulary: type[E], field: str, label: str) -> E | None:
    if value is None or value == "":
        return None
    return one_of(value, vocabulary, field, label)


def email(value: str | None, field: str = "email") -> str:
    text = clean(value)
    if text and not _EMAIL.match(text):
        raise ValidationError(
            "That email address does not look right: it should be like name@example.org.", field
        )
    return text


def phone(value: str | None, field: str = "phone") -> str:
    text = clean(value)
    if text and not _PHONE.match(text):
        raise ValidationError(
            "That phone number does not look right: use digits, spaces and + only.", field
        )
    return text


def postcode(value: str | None, field: str = "postcode") -> str:
    """A UK postcode, normalised to upper case with one space; blank is allowed."""
    text = re.sub(r"\s+", "", clean(value).upper())
    if not text:
        return ""
    formatted = f"{text[:-3]} {text[-3:]}"
    if not _UK_POSTCODE.match(formatted):
        raise ValidationError(
            "That postcode does not look like a UK postcode (for example KW1 4AB).", field
        )
    return formatted


def not_in_future(value: date | None, today: date, field: str, label: str) -> None:
    if value is not None and value > today:
        raise ValidationError(f"{label.capitalize()} cannot be in the future.", field)


def on_or_after(later: date | None, earlier: date | None, field: str, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(message, field)


def minutes(value: int | None, field: str, label: str, *, maximum: int = 24 * 60) -> int:
    if value is None:
        raise ValidationError(f"Please enter {label}.", field)
    if not 0 <= int(value) <= maximum:
        raise ValidationError(
            f"{label.capitalize()} should be between 0 and {maximum} minutes.", field
        )
    return int(value)


def date_of_birth(value: date | None, today: date, field: str = "date_of_birth") -> None:
    if value is None:
        return
    if value > today:
        raise ValidationError("Date of birth cannot be in the future.", field)
    if value.year < today.year - 120:
        raise ValidationError("Date of birth is more than 120 years ago: please check it.", field)
