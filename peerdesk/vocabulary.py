"""The fixed vocabularies of the domain (see shared/design/domain.md).

Each is stored as its lower-case value in a text column guarded by a CHECK constraint, so the
database itself refuses a value the code does not know. `label` gives the plain-English words
shown to the coordinator.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A vocabulary whose members carry the words a coordinator sees."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class Role(Labelled):
    MENTOR = "mentor"
    MENTEE = "mentee"
    CARER = "carer"
    GROUP_MEMBER = "group_member"
    FACILITATOR = "facilitator"


class Gender(Labelled):
    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"
    OTHER = "other"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


class YesNoPreferNot(Labelled):
    YES = "yes"
    NO = "no"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


class ConditionLink(Labelled):
    """How a person relates to a condition: it matters for matching."""

    LIVES_WITH = "lives_with"
    LIVED_EXPERIENCE = "lived_experience"
    CARES_FOR = "cares_for"


class Weekday(Labelled):
    MONDAY = "mon"
    TUESDAY = "tue"
    WEDNESDAY = "wed"
    THURSDAY = "thu"
    FRIDAY = "fri"
    SATURDAY = "sat"
    SUNDAY = "sun"


class PartOfDay(Labelled):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class MeetingMode(Labelled):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    VIDEO = "video"
    WALK_AND_TALK = "walk_and_talk"


class ReferralSource(Labelled):
    SELF = "self"
    GP = "gp"
    NURSE = "nurse"
    SOCIAL_WORK = "social_work"
    ANOTHER_CHARITY = "another_charity"
    HOSPITAL = "hospital"
    FAMILY_OR_FRIEND = "family_or_friend"
    OTHER = "other"


class ReferralStatus(Labelled):
    NEW = "new"
    ASSESSED = "assessed"
    ACCEPTED = "accepted"
    NOT_TAKEN_FORWARD = "not_taken_forward"
    CLOSED = "closed"


class VolunteerStage(Labelled):
    ENQUIRY = "enquiry"
    APPLICATION = "application"
    REFERENCES = "references"
    DISCLOSURE_CHECK = "disclosure_check"
    INTERVIEW = "interview"
    TRAINING = "training"
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


class DisclosureScheme(Labelled):
    PVG = "pvg"
    DBS = "dbs"


class DisclosureLevel(Labelled):
    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_WITH_BARRED_LIST = "enhanced_barred"
    PVG_SCHEME_RECORD = "scheme_record"
    PVG_SCHEME_UPDATE = "scheme_update"


class PairingStatus(Labelled):
    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class SupportedAs(Labelled):
    """The role in which the supported person is paired (figures count carers apart)."""

    MENTEE = "mentee"
    CARER = "carer"


class MeetingFrequency(Labelled):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    AS_AGREED = "as_agreed"


class ClosureReason(Labelled):
    COMPLETED = "completed"
    MENTEE_WITHDREW = "mentee_withdrew"
    MENTOR_WITHDREW = "mentor_withdrew"
    CHANGE_IN_CIRCUMSTANCES = "change_in_circumstances"
    NO_LONGER_ELIGIBLE = "no_longer_eligible"
    NO_CONTACT = "no_contact"


class SessionStatus(Labelled):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED_BY_MENTEE = "cancelled_by_mentee"
    CANCELLED_BY_MENTOR = "cancelled_by_mentor"
    REARRANGED = "rearranged"
    DID_NOT_ATTEND = "did_not_attend"


#: Statuses the figures count as "cancelled" (figures.md: sessions_cancelled).
CANCELLED_STATUSES = (
    SessionStatus.CANCELLED_BY_MENTEE,
    SessionStatus.CANCELLED_BY_MENTOR,
    SessionStatus.REARRANGED,
    SessionStatus.DID_NOT_ATTEND,
)


class ReviewDecision(Labelled):
    CONTINUE = "continue"
    ADJUST = "adjust"
    END = "end"


class ConsentKind(Labelled):
    CONFIDENTIALITY = "confidentiality"
    HEALTH_DATA = "health_data"
    SHARING = "sharing"
    CONTACT_PHONE = "contact_phone"
    CONTACT_TEXT = "contact_text"
    CONTACT_EMAIL = "contact_email"
    CONTACT_POST = "contact_post"
    PHOTOS_CASE_STUDY = "photos_case_study"


class ConsentMethod(Labelled):
    SIGNED_FORM = "signed_form"
    VERBAL = "verbal"
    EMAIL = "email"


class GroupKind(Labelled):
    DROP_IN = "drop_in"
    CLOSED = "closed"


class GroupStatus(Labelled):
    RUNNING = "running"
    PAUSED = "paused"
    CLOSED = "closed"


class OutcomeTiming(Labelled):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class ConcernLevel(Labelled):
    """How serious a concern is: urgent ones come first on Today and in the Concerns list."""

    INFORMATION = "information"
    CONCERN = "concern"
    URGENT = "urgent"


class ExpenseKind(Labelled):
    """What an expense claim line is for."""

    MILEAGE = "mileage"
    FARES = "fares"
    PARKING = "parking"
    OTHER = "other"


class ClaimStatus(Labelled):
    """Where an expense claim has got to: submitted, then approved, then paid."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    PAID = "paid"


class RecordKind(Labelled):
    """Kinds of record a retention rule can apply to."""

    MENTEE = "mentee"
    VOLUNTEER = "volunteer"
    GROUP_MEMBER = "group_member"
    REFERRAL_NOT_TAKEN_FORWARD = "referral_not_taken_forward"


_LABELS: dict[str, str] = {
    "group_member": "Group member",
    "non_binary": "Non-binary",
    "prefer_not_to_say": "Prefer not to say",
    "lives_with": "Lives with",
    "lived_experience": "Lived experience",
    "cares_for": "Cares for someone with",
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
    "face_to_face": "Face to face",
    "walk_and_talk": "Walk and talk",
    "self": "Self-referral",
    "gp": "GP",
    "social_work": "Social work",
    "another_charity": "Another charity",
    "family_or_friend": "Family or friend",
    "not_taken_forward": "Not taken forward",
    "disclosure_check": "Disclosure check",
    "pvg": "PVG (Scotland)",
    "dbs": "DBS (England and Wales)",
    "enhanced_barred": "Enhanced with barred list",
    "scheme_record": "PVG scheme record",
    "scheme_update": "PVG scheme membership update",
    "as_agreed": "As agreed",
    "mentee_withdrew": "Mentee withdrew",
    "mentor_withdrew": "Mentor withdrew",
    "change_in_circumstances": "Change in circumstances",
    "no_longer_eligible": "No longer eligible",
    "no_contact": "No contact",
    "cancelled_by_mentee": "Cancelled by mentee",
    "cancelled_by_mentor": "Cancelled by mentor",
    "did_not_attend": "Did not attend",
    "confidentiality": "Confidentiality agreement",
    "health_data": "Holding health information",
    "sharing": "Sharing with a named organisation",
    "contact_phone": "Contact by phone",
    "contact_text": "Contact by text message",
    "contact_email": "Contact by email",
    "contact_post": "Contact by post",
    "photos_case_study": "Photos or case study",
    "signed_form": "Signed paper form",
    "drop_in": "Drop-in",
    "referral_not_taken_forward": "Referral not taken forward",
}
