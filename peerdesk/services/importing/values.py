"""Turning what people type in spreadsheets into peerdesk's values.

Each parser returns a `Parsed`: the value, or a plain explanation of why the cell could not
be read, plus an optional note (for example an ambiguous date read the UK way). Value maps
can be extended by the user (saved with the mapping) through `extra`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from peerdesk.vocabulary import (
    ClosureReason,
    Gender,
    MeetingMode,
    ReferralSource,
    ReferralStatus,
    Role,
    SessionStatus,
    SupportedAs,
    YesNoPreferNot,
)

#: Cells that mean "nothing here".
BLANKS = frozenset(
    {
        "",
        "n/a",
        "na",
        "n.a.",
        "-",
        "--",
        "---",
        "—",
        "–",
        "none",
        "nil",
        "null",
        "?",
        "tbc",
        "not known",
        "unknown",
    }
)

GENDERS: dict[str, str] = {
    "f": Gender.WOMAN, "female": Gender.WOMAN, "woman": Gender.WOMAN, "w": Gender.WOMAN,
    "girl": Gender.WOMAN, "lady": Gender.WOMAN,
    "m": Gender.MAN, "male": Gender.MAN, "man": Gender.MAN, "boy": Gender.MAN,
    "nb": Gender.NON_BINARY, "non binary": Gender.NON_BINARY, "nonbinary": Gender.NON_BINARY,
    "non-binary": Gender.NON_BINARY, "enby": Gender.NON_BINARY,
    "other": Gender.OTHER, "o": Gender.OTHER, "self describe": Gender.OTHER,
    "prefer not to say": Gender.PREFER_NOT_TO_SAY, "pnts": Gender.PREFER_NOT_TO_SAY,
    "rather not say": Gender.PREFER_NOT_TO_SAY, "not stated": Gender.PREFER_NOT_TO_SAY,
    "declined": Gender.PREFER_NOT_TO_SAY,
}  # fmt: skip

YES_WORDS = frozenset(
    {"y", "yes", "✓", "✔", "☑", "x", "true", "1", "tick", "ticked", "yep", "present", "attended"}
)
NO_WORDS = frozenset({"n", "no", "✗", "✘", "false", "0", "nope", "absent", "dna"})
PREFER_NOT = frozenset({"prefer not to say", "pnts", "rather not say", "not stated", "declined"})
_YES_NO: dict[str, str] = (
    {w: YesNoPreferNot.YES.value for w in YES_WORDS}
    | {w: YesNoPreferNot.NO.value for w in NO_WORDS}
    | {w: YesNoPreferNot.PREFER_NOT_TO_SAY.value for w in PREFER_NOT}
)

ROLES: dict[str, str] = {
    "mentor": Role.MENTOR, "peer mentor": Role.MENTOR, "volunteer": Role.MENTOR,
    "volunteer mentor": Role.MENTOR, "befriender": Role.MENTOR, "buddy": Role.MENTOR,
    "mentee": Role.MENTEE, "client": Role.MENTEE, "service user": Role.MENTEE,
    "participant": Role.MENTEE, "supported": Role.MENTEE, "person supported": Role.MENTEE,
    "carer": Role.CARER, "unpaid carer": Role.CARER, "family carer": Role.CARER,
    "group member": Role.GROUP_MEMBER, "group": Role.GROUP_MEMBER, "member": Role.GROUP_MEMBER,
    "attendee": Role.GROUP_MEMBER,
    "facilitator": Role.FACILITATOR, "group facilitator": Role.FACILITATOR,
    "group leader": Role.FACILITATOR,
}  # fmt: skip

SESSION_STATUSES: dict[str, str] = {
    "held": SessionStatus.HELD, "met": SessionStatus.HELD, "attended": SessionStatus.HELD,
    "yes": SessionStatus.HELD, "y": SessionStatus.HELD, "✓": SessionStatus.HELD,
    "happened": SessionStatus.HELD, "done": SessionStatus.HELD,
    "planned": SessionStatus.PLANNED, "booked": SessionStatus.PLANNED,
    "cancelled by mentee": SessionStatus.CANCELLED_BY_MENTEE,
    "mentee cancelled": SessionStatus.CANCELLED_BY_MENTEE,
    "cancelled by mentor": SessionStatus.CANCELLED_BY_MENTOR,
    "mentor cancelled": SessionStatus.CANCELLED_BY_MENTOR,
    "rearranged": SessionStatus.REARRANGED, "moved": SessionStatus.REARRANGED,
    "did not attend": SessionStatus.DID_NOT_ATTEND, "dna": SessionStatus.DID_NOT_ATTEND,
    "no show": SessionStatus.DID_NOT_ATTEND, "no": SessionStatus.DID_NOT_ATTEND,
    "n": SessionStatus.DID_NOT_ATTEND,
}  # fmt: skip

MODES: dict[str, str] = {
    "face to face": MeetingMode.FACE_TO_FACE, "f2f": MeetingMode.FACE_TO_FACE,
    "in person": MeetingMode.FACE_TO_FACE, "ftf": MeetingMode.FACE_TO_FACE,
    "phone": MeetingMode.PHONE, "telephone": MeetingMode.PHONE, "call": MeetingMode.PHONE,
    "video": MeetingMode.VIDEO, "zoom": MeetingMode.VIDEO, "teams": MeetingMode.VIDEO,
    "video call": MeetingMode.VIDEO, "online": MeetingMode.VIDEO,
    "walk and talk": MeetingMode.WALK_AND_TALK, "walk": MeetingMode.WALK_AND_TALK,
    "walk & talk": MeetingMode.WALK_AND_TALK,
}  # fmt: skip

CLOSURE_REASONS: dict[str, str] = {
    "completed": ClosureReason.COMPLETED, "complete": ClosureReason.COMPLETED,
    "finished": ClosureReason.COMPLETED, "ended as planned": ClosureReason.COMPLETED,
    "mentee withdrew": ClosureReason.MENTEE_WITHDREW, "client withdrew": ClosureReason.MENTEE_WITHDREW,
    "mentor withdrew": ClosureReason.MENTOR_WITHDREW, "volunteer left": ClosureReason.MENTOR_WITHDREW,
    "change in circumstances": ClosureReason.CHANGE_IN_CIRCUMSTANCES,
    "moved away": ClosureReason.CHANGE_IN_CIRCUMSTANCES,
    "no longer eligible": ClosureReason.NO_LONGER_ELIGIBLE,
    "no contact": ClosureReason.NO_CONTACT, "lost contact": ClosureReason.NO_CONTACT,
}  # fmt: skip

SUPPORTED_AS: dict[str, str] = {
    "mentee": SupportedAs.MENTEE, "carer": SupportedAs.CARER, "client": SupportedAs.MENTEE,
}  # fmt: skip

#: Where a referral came from, in the words sheets use. "How they heard" answers (a leaflet,
#: the website) mean the person got in touch themselves.
REFERRAL_SOURCES: dict[str, str] = {
    "self": ReferralSource.SELF, "self referral": ReferralSource.SELF,
    "self-referral": ReferralSource.SELF, "self referred": ReferralSource.SELF,
    "self-referred": ReferralSource.SELF, "themselves": ReferralSource.SELF,
    "website": ReferralSource.SELF, "leaflet": ReferralSource.SELF,
    "poster": ReferralSource.SELF, "social media": ReferralSource.SELF,
    "internet": ReferralSource.SELF, "online": ReferralSource.SELF,
    "gp": ReferralSource.GP, "g.p.": ReferralSource.GP, "doctor": ReferralSource.GP,
    "gp practice": ReferralSource.GP, "gp surgery": ReferralSource.GP,
    "surgery": ReferralSource.GP, "family doctor": ReferralSource.GP,
    "nurse": ReferralSource.NURSE, "practice nurse": ReferralSource.NURSE,
    "district nurse": ReferralSource.NURSE, "specialist nurse": ReferralSource.NURSE,
    "community nurse": ReferralSource.NURSE, "health visitor": ReferralSource.NURSE,
    "social worker": ReferralSource.SOCIAL_WORK, "social work": ReferralSource.SOCIAL_WORK,
    "social services": ReferralSource.SOCIAL_WORK, "adult social care": ReferralSource.SOCIAL_WORK,
    "another charity": ReferralSource.ANOTHER_CHARITY, "charity": ReferralSource.ANOTHER_CHARITY,
    "other charity": ReferralSource.ANOTHER_CHARITY,
    "voluntary organisation": ReferralSource.ANOTHER_CHARITY,
    "voluntary sector": ReferralSource.ANOTHER_CHARITY,
    "hospital": ReferralSource.HOSPITAL, "consultant": ReferralSource.HOSPITAL,
    "hospital team": ReferralSource.HOSPITAL, "clinic": ReferralSource.HOSPITAL,
    "ward": ReferralSource.HOSPITAL,
    "family or friend": ReferralSource.FAMILY_OR_FRIEND, "family": ReferralSource.FAMILY_OR_FRIEND,
    "friend": ReferralSource.FAMILY_OR_FRIEND, "relative": ReferralSource.FAMILY_OR_FRIEND,
    "family member": ReferralSource.FAMILY_OR_FRIEND, "partner": ReferralSource.FAMILY_OR_FRIEND,
    "word of mouth": ReferralSource.FAMILY_OR_FRIEND,
    "other": ReferralSource.OTHER,
}  # fmt: skip

#: A referral's status in the words sheets use, onto the stored statuses.
REFERRAL_STATUSES: dict[str, str] = {
    "received": ReferralStatus.NEW, "new": ReferralStatus.NEW, "referred": ReferralStatus.NEW,
    "pending": ReferralStatus.NEW, "awaiting first conversation": ReferralStatus.NEW,
    "first conversation held": ReferralStatus.ASSESSED, "assessed": ReferralStatus.ASSESSED,
    "assessment done": ReferralStatus.ASSESSED,
    "accepted": ReferralStatus.ACCEPTED, "waiting for a mentor": ReferralStatus.ACCEPTED,
    "waiting for mentor": ReferralStatus.ACCEPTED, "waiting list": ReferralStatus.ACCEPTED,
    "on waiting list": ReferralStatus.ACCEPTED, "matched": ReferralStatus.ACCEPTED,
    "accepted — waiting for a mentor": ReferralStatus.ACCEPTED,
    "accepted – waiting for a mentor": ReferralStatus.ACCEPTED,
    "accepted - waiting for a mentor": ReferralStatus.ACCEPTED,
    "accepted, waiting for a mentor": ReferralStatus.ACCEPTED,
    "not taken forward": ReferralStatus.NOT_TAKEN_FORWARD,
    "not accepted": ReferralStatus.NOT_TAKEN_FORWARD,
    "declined": ReferralStatus.NOT_TAKEN_FORWARD, "ntf": ReferralStatus.NOT_TAKEN_FORWARD,
    "closed": ReferralStatus.CLOSED, "ended": ReferralStatus.CLOSED,
    "finished": ReferralStatus.CLOSED,
}  # fmt: skip

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

EXCEL_EPOCH = date(1899, 12, 30)
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_WORDY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{2,4})$")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")
_TIME_AFTER = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_LIST = re.compile(r"\s*[,;\n]\s*")
_LOOSE = re.compile(r"\s*(?:[,;\n+&/]|\band\b)\s*")
_WORDY_US = re.compile(r"^([a-z]+)\.?[\s\-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-]+(\d{2,4})$")


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    error: str | None = None
    note: str | None = None
    #: A dd/mm date that would also be a valid mm/dd date (03/04/1980).
    ambiguous: bool = False
    #: A dd/mm date that can only be read one way (25/04/1980): it settles the column's order.
    settles_order: bool = False


def text_of(value: object) -> str:
    """A cell as text: trimmed, with whole numbers shown without ".0"."""
    if type(value) is str:  # every CSV cell, most workbook cells: none of the checks below
        text = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return "yes" if value else "no"
    elif isinstance(value, float) and value.is_integer():
        return str(int(value))
    elif isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    else:
        text = str(value)
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if "\n" in text:  # keep line breaks of notes and addresses, trim the rest
        return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    return " ".join(text.split())


def is_blank(value: object) -> bool:
    if value is None or value == "":
        return True  # most empty cells: no need to build their text
    if type(value) is str and "\n" not in value:
        # What text_of does to such text (split() also splits at no-break spaces), inline:
        # every cell of every row is asked.
        return " ".join(value.split()).casefold() in BLANKS
    return text_of(value).casefold() in BLANKS


def _key(value: object) -> str:
    return _folded_key(text_of(value).casefold())


def _folded_key(folded: str) -> str:
    """A cell's casefolded text as a key of the value tables: underscores are spaces."""
    return " ".join(folded.replace("_", " ").split())


def parse_date(value: object, *, day_first: bool = True, today: date | None = None) -> Parsed:
    """dd/mm/yyyy (UK first), d Month yyyy, ISO yyyy-mm-dd, Excel serial numbers, real dates."""
    # Only text can be blank (a date, a number or a yes/no never reads as a blank word).
    if isinstance(value, datetime):
        return Parsed(value.date())
    if isinstance(value, date):
        return Parsed(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value)
    text = text_of(value).casefold()
    if text in BLANKS:
        return Parsed(None)
    text = text.rstrip(".")
    if _SERIAL.fullmatch(text):
        return _serial(float(text))
    text = _TIME_AFTER.sub("", text)  # a time after the date
    match = _NUMERIC.match(text)
    if match:
        return _numeric_date(match.groups(), day_first, today)
    match = _WORDY.match(text)
    if match:
        day, month_name, year = match.groups()
        return _checked(int(year), MONTHS.get(month_name, 0), int(day), text, today)
    match = _WORDY_US.match(text)
    if match:
        month_name, day, year = match.groups()
        return _checked(int(year), MONTHS.get(month_name, 0), int(day), text, today)
    return Parsed(
        error=f"'{_short(value)}' is not a date peerdesk recognises: write it like 25/12/1980."
    )


def _serial(number: float) -> Parsed:
    if not 1 <= number < 2_958_466:
        return Parsed(error=f"{_short(number)} is not a date: write it like 25/12/1980.")
    return Parsed(EXCEL_EPOCH + timedelta(days=int(number)))


def _numeric_date(parts: tuple[str, ...], day_first: bool, today: date | None) -> Parsed:
    a, b, c = parts
    if len(a) == 4:  # ISO: yyyy-mm-dd
        return _checked(int(a), int(b), int(c), "-".join(parts), today)
    first, second, year = int(a), int(b), int(c)
    day, month = (first, second) if day_first else (second, first)
    written = "/".join(parts)
    result = _checked(year, month, day, written, today)
    if result.error is None and first != second and first <= 12 and second <= 12:
        reading = f"{result.value.day} {result.value:%B %Y}"
        other = "month first (American)" if day_first else "day first (UK)"
        return Parsed(
            result.value,
            note=f"Dates such as '{written}' could be read two ways: they were read as "
            f"{reading}. If they are {other}, change the date order.",
            ambiguous=True,
        )
    if result.error and day_first and second > 12 and first <= 12:
        return Parsed(
            error=f"'{written}' has no month {second}. If this file writes dates month "
            "first (American), choose that date order."
        )
    if result.error is None and first != second and max(first, second) > 12:
        return Parsed(result.value, settles_order=True)
    return result


def _checked(year: int, month: int, day: int, written: str, today: date | None) -> Parsed:
    if year < 100:
        pivot = (today or date.today()).year % 100
        year += 2000 if year <= pivot else 1900
    if not 1 <= month <= 12:
        return Parsed(error=f"'{written}' is not a real date: there is no month {month}.")
    try:
        return Parsed(date(year, month, day))
    except ValueError:
        return Parsed(error=f"'{written}' is not a real date (check the day and month).")


def parse_mapped(
    value: object, table: dict[str, str], extra: dict[str, str], what: str, choices: str
) -> Parsed:
    folded = text_of(value).casefold()
    if folded in BLANKS:
        return Parsed(None)
    key = _folded_key(folded)
    if extra:
        own = {_key(k): v for k, v in extra.items()}
        if key in own:
            return Parsed(own[key] or None)
    if key in table:
        return Parsed(str(table[key]))
    return Parsed(error=f"'{_short(value)}' is not {what} peerdesk knows ({choices}).")


def parse_gender(value: object, extra: dict[str, str]) -> Parsed:
    return parse_mapped(
        value, GENDERS, extra, "a gender", "woman, man, non-binary, other, prefer not to say"
    )


def parse_yes_no(value: object, extra: dict[str, str]) -> Parsed:
    return parse_mapped(value, _YES_NO, extra, "an answer", "yes, no, prefer not to say")


def parse_flag(value: object, extra: dict[str, str]) -> Parsed:
    result = parse_yes_no(value, extra)
    if result.error:
        return Parsed(error=f"'{_short(value)}' is not yes or no.")
    return Parsed(result.value == YesNoPreferNot.YES.value)


def split_list(value: object, *, loose: bool = False) -> list[str]:
    """Items of a list cell: split on commas, semicolons and new lines; `loose` also on
    slashes, "&" and "and" (right for roles, wrong for conditions such as "ME/CFS")."""
    parts = (_LOOSE if loose else _LIST).split(text_of(value))
    return [p.strip() for p in parts if p.strip() and not is_blank(p)]


def parse_roles(value: object, extra: dict[str, str]) -> Parsed:
    roles: list[str] = []
    for part in split_list(value, loose=True):
        result = parse_mapped(
            part, ROLES, extra, "a role", "mentor, mentee, carer, group member, facilitator"
        )
        if result.error:
            return result
        if result.value and result.value not in roles:
            roles.append(result.value)
    return Parsed(roles)


def parse_minutes(value: object) -> Parsed:
    if is_blank(value):
        return Parsed(None)
    if isinstance(value, time):
        return Parsed(value.hour * 60 + value.minute)
    text = text_of(value).casefold()
    match = re.fullmatch(
        r"(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)\b)?\s*"
        r"(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?)?",
        text,
    )
    if match is None or not any(match.groups()):
        return Parsed(error=f"'{_short(value)}' is not a number of minutes (write it like 60).")
    hours, plain = match.groups()
    minutes = float(hours or 0) * 60 + float(plain or 0)
    if not 0 <= minutes <= 24 * 60:
        return Parsed(error=f"{_short(value)} minutes is longer than a day: please check it.")
    return Parsed(round(minutes))


def split_name(value: object) -> tuple[str, str]:
    """'Jo Smith' → (Jo, Smith); 'Smith, Jo' → (Jo, Smith); 'Jo' → (Jo, '')."""
    text = text_of(value)
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    parts = text.split()
    if len(parts) < 2:
        return text, ""
    return " ".join(parts[:-1]), parts[-1]


def _short(value: object) -> str:
    text = text_of(value)
    return text if len(text) <= 40 else text[:37] + "…"
