"""The fields an import can fill, and the column headings each is recognised by.

Headings are compared after `normalise_header`: case, punctuation, brackets and extra
spaces do not matter, so "D.O.B.", "dob" and "DOB (dd/mm/yyyy)" all mean date of birth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class SheetKind(StrEnum):
    PEOPLE = "people"
    PAIRINGS = "pairings"
    SESSIONS = "sessions"
    ATTENDANCE = "attendance"

    @property
    def label(self) -> str:
        return {
            "people": "People",
            "pairings": "Pairings",
            "sessions": "Sessions",
            "attendance": "Group attendance",
        }[self.value]


class ValueKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    NAME = "name"
    DATE = "date"
    GENDER = "gender"
    YES_NO = "yes_no"
    FLAG = "flag"
    ROLES = "roles"
    CONDITIONS = "conditions"
    PERSON = "person"
    MINUTES = "minutes"
    SESSION_STATUS = "session_status"
    MODE = "mode"
    CLOSURE_REASON = "closure_reason"
    SUPPORTED_AS = "supported_as"
    REFERRAL_SOURCE = "referral_source"
    REFERRAL_STATUS = "referral_status"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: ValueKind
    synonyms: tuple[str, ...]
    help: str = ""


def _f(key: str, label: str, kind: ValueKind, *synonyms: str, help: str = "") -> FieldSpec:
    return FieldSpec(key, label, kind, (label, *synonyms), help)


T, L, D = ValueKind.TEXT, ValueKind.LONG_TEXT, ValueKind.DATE
_MENTOR = ("mentor", "mentor name", "peer mentor", "volunteer", "volunteer name", "buddy")
_MENTEE = (
    "mentee",
    "mentee name",
    "client",
    "client name",
    "service user",
    "person supported",
    "participant",
)

PEOPLE_FIELDS: tuple[FieldSpec, ...] = (
    _f(
        "first_name",
        "First name",
        T,
        "forename",
        "forenames",
        "given name",
        "first",
        "christian name",
    ),
    _f("last_name", "Last name", T, "surname", "family name", "second name", "last"),
    _f(
        "full_name",
        "Full name",
        ValueKind.NAME,
        "name",
        "client name",
        "participant name",
        "participant",
        "member name",
        "person",
        help="Split into first and last name; 'Smith, Jo' is read as Jo Smith.",
    ),
    _f(
        "preferred_name",
        "Preferred name",
        T,
        "known as",
        "nickname",
        "goes by",
        "likes to be called",
    ),
    _f("pronouns", "Pronouns", T),
    _f("date_of_birth", "Date of birth", D, "dob", "d.o.b.", "birth date", "birthday", "born"),
    _f("gender", "Gender", ValueKind.GENDER, "sex", "gender identity"),
    _f("ethnicity", "Ethnicity", T, "ethnic group", "ethnic origin", "ethnic background"),
    _f(
        "disability",
        "Disability",
        ValueKind.YES_NO,
        "disabled",
        "has a disability",
        "disability (yes/no)",
    ),
    _f("carer_status", "Carer", ValueKind.YES_NO, "is a carer", "carer status", "unpaid carer"),
    _f("area", "Area", T, "local authority", "council area", "region", "locality", "district"),
    _f(
        "address",
        "Address",
        L,
        "home address",
        "street",
        "street address",
        "address line 1",
        "address line 2",
        "address 1",
        "address 2",
        "town",
        "city",
        "town/city",
        help="Several address columns are joined with commas.",
    ),
    _f("postcode", "Postcode", T, "post code", "postal code", "zip", "zip code"),
    _f(
        "phone",
        "Phone",
        T,
        "telephone",
        "tel",
        "tel no",
        "mobile",
        "mobile number",
        "phone number",
        "contact number",
        "landline",
        "telephone number",
    ),
    _f("email", "Email", T, "e-mail", "email address", "e-mail address"),
    _f("gp_practice", "GP practice", T, "gp", "gp surgery", "surgery", "doctor", "gp name"),
    _f("languages", "Languages", T, "language", "first language", "languages spoken"),
    _f("emergency_contact", "Emergency contact", L, "next of kin", "nok", "ice contact"),
    _f(
        "access_needs",
        "Access needs",
        L,
        "accessibility",
        "access requirements",
        "additional needs",
    ),
    _f("energy_needs", "Energy needs", L, "energy"),
    _f(
        "needs_large_print",
        "Large print",
        ValueKind.FLAG,
        "needs large print",
        "large print needed",
    ),
    _f("notes", "Notes", L, "note", "comments", "comment", "other information", "remarks"),
    _f(
        "roles",
        "Roles",
        ValueKind.ROLES,
        "role",
        "type",
        "category",
        "volunteer or client",
        help="Mentor, mentee, carer, group member or facilitator; several with commas.",
    ),
    _f(
        "conditions",
        "Conditions",
        ValueKind.CONDITIONS,
        "condition",
        "health condition",
        "health conditions",
        "long term condition",
        "long term conditions",
        "diagnosis",
        "lived experience",
        "experience area",
        help="Several with commas or semicolons.",
    ),
    _f(
        "started_on",
        "Start date",
        D,
        "date joined",
        "joined",
        "date registered",
        "registered",
        "date started",
        "started",
    ),
    _f(
        "mentor",
        "Mentor",
        ValueKind.PERSON,
        "mentor name",
        "peer mentor",
        "matched with",
        "buddy",
        help="The mentor this person is paired with: their name or email.",
    ),
    _f("paired_on", "Date matched", D, "matched on", "match date", "date paired", "pairing start"),
    # A referral: a row with a referral date becomes one referral for the person.
    _f(
        "referral_date",
        "Referral date",
        D,
        "date referred",
        "referred on",
        "date of referral",
        "referral received",
        "date referral received",
        help="A row with a referral date gets one referral, received that day.",
    ),
    _f(
        "referral_source",
        "Referral source",
        ValueKind.REFERRAL_SOURCE,
        "source",
        "source of referral",
        "referral route",
        "how they heard",
        "how did they hear about us",
        "heard about us",
        help="Self, GP, nurse, social worker, another charity, hospital, family or friend, other.",
    ),
    _f(
        "referrer_name",
        "Referred by",
        T,
        "referrer",
        "referrer name",
        "name of referrer",
        "referring professional",
        help="The referrer's name; a word such as 'Self' or 'GP' here is read as the source.",
    ),
    _f(
        "referrer_organisation",
        "Referrer organisation",
        T,
        "referrer organization",
        "referring organisation",
        "referring organization",
        "referring agency",
        "referring service",
    ),
    _f(
        "referrer_contact",
        "Referrer contact",
        T,
        "referrer phone",
        "referrer email",
        "referrer contact details",
    ),
    _f(
        "person_agreed",
        "Agreed to referral",
        ValueKind.FLAG,
        "agreed to be referred",
        "consented to referral",
        "consent to referral",
        "referral consent",
        help="Yes or no; when there is no such column, a referral is taken as agreed.",
    ),
    _f(
        "referral_status",
        "Referral status",
        ValueKind.REFERRAL_STATUS,
        "status",
        "referral outcome",
        "referral stage",
        help="Received, first conversation held, accepted (waiting for a mentor), "
        "not taken forward, closed. Empty: received.",
    ),
    _f(
        "referral_status_date",
        "Referral status date",
        D,
        "status date",
        "date of decision",
        "decision date",
        "outcome date",
        help="When the referral reached its status (the first conversation, the decision or "
        "the closing).",
    ),
    _f(
        "not_taken_forward_reason",
        "Reason not taken forward",
        L,
        "why not taken forward",
        "not taken forward reason",
        "reason not accepted",
        "reason declined",
    ),
    _f("signposted_to", "Signposted to", T, "signposted", "onward referral"),
)

#: The people-sheet fields that describe the person's referral rather than the person.
REFERRAL_FIELDS = frozenset(
    {
        "referral_date",
        "referral_source",
        "referrer_name",
        "referrer_organisation",
        "referrer_contact",
        "person_agreed",
        "referral_status",
        "referral_status_date",
        "not_taken_forward_reason",
        "signposted_to",
    }
)

PAIRING_FIELDS: tuple[FieldSpec, ...] = (
    _f("mentor", "Mentor", ValueKind.PERSON, *_MENTOR[1:]),
    _f("mentee", "Mentee", ValueKind.PERSON, *_MENTEE[1:]),
    _f(
        "start_date",
        "Start date",
        D,
        "date matched",
        "matched on",
        "started",
        "date started",
        "match date",
    ),
    _f("end_date", "End date", D, "ended", "date ended", "closed", "date closed", "finished"),
    _f(
        "closure_reason",
        "Reason for ending",
        ValueKind.CLOSURE_REASON,
        "ending reason",
        "closure reason",
        "why ended",
        "reason ended",
    ),
    _f("supported_as", "Supported as", ValueKind.SUPPORTED_AS, "mentee or carer"),
    _f("usual_mode", "How they meet", ValueKind.MODE, "usual mode", "mode", "meeting mode"),
)

SESSION_FIELDS: tuple[FieldSpec, ...] = (
    _f("mentor", "Mentor", ValueKind.PERSON, *_MENTOR[1:]),
    _f("mentee", "Mentee", ValueKind.PERSON, *_MENTEE[1:]),
    _f("session_date", "Session date", D, "date", "date of session", "meeting date", "date met"),
    _f(
        "status",
        "What happened",
        ValueKind.SESSION_STATUS,
        "status",
        "outcome",
        "attended",
        "session status",
    ),
    _f(
        "duration_minutes",
        "Minutes",
        ValueKind.MINUTES,
        "duration",
        "length",
        "duration (mins)",
        "time spent",
        "mins",
    ),
    _f("mode", "How", ValueKind.MODE, "mode", "contact type", "type of contact", "method"),
    _f("place", "Place", T, "location", "venue", "where"),
    _f("note", "Note", L, "notes", "summary", "comments"),
)

ATTENDANCE_FIELDS: tuple[FieldSpec, ...] = (
    _f("group", "Group", T, "group name", "peer group"),
    _f("meeting_date", "Meeting date", D, "date", "session date", "date of meeting"),
    _f("person", "Name", ValueKind.PERSON, "attendee", "participant", "member", "full name"),
    _f("email", "Email", T, "e-mail", "email address"),
    _f("attended", "Attended", ValueKind.FLAG, "present", "came", "attendance"),
)

FIELDS: dict[SheetKind, tuple[FieldSpec, ...]] = {
    SheetKind.PEOPLE: PEOPLE_FIELDS,
    SheetKind.PAIRINGS: PAIRING_FIELDS,
    SheetKind.SESSIONS: SESSION_FIELDS,
    SheetKind.ATTENDANCE: ATTENDANCE_FIELDS,
}

#: Fields that may take several columns (joined or merged); the others take one column.
MULTI_COLUMN = frozenset({"address", "notes", "conditions", "roles", "note", "phone"})


def field_spec(kind: SheetKind, key: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec
    raise KeyError(key)


def normalise_header(text: object) -> str:
    """Lower case, no punctuation or bracketed hints, single spaces."""
    value = str(text or "").casefold()
    value = re.sub(r"\([^)]*\)", " ", value)
    value = re.sub(r"[^\w]+", " ", value)
    return " ".join(value.replace("_", " ").split())


def match_header(kind: SheetKind, header: object) -> str | None:
    """The field a column heading means in a sheet of `kind`, or None."""
    normal = normalise_header(header)
    if not normal:
        return None
    return _headings(kind).get(normal)


@cache
def _headings(kind: SheetKind) -> dict[str, str]:
    """Each normalised synonym of a sheet kind's fields → the first field it names (worked
    out once: every heading of every sheet asks)."""
    table: dict[str, str] = {}
    for spec in FIELDS[kind]:
        for synonym in spec.synonyms:
            table.setdefault(normalise_header(synonym), spec.key)
    return table
