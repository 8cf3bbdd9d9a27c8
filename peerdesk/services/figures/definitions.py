"""How each figure was counted, in plain words, and which section of a report it belongs to.

These words appear in every export (the notes sheet, the PDF's last pages), on the Figures
screen ("How was this counted?") and in docs/figures.md. Keep them in step with counting.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.vocabulary import ClosureReason, Gender, MeetingMode, ReferralSource, YesNoPreferNot


@dataclass(frozen=True)
class Definition:
    key: str
    label: str
    meaning: str


_DEFINITIONS = [
    Definition(
        "referrals_received", "Referrals received", "Referrals with a referral date in the period."
    ),
    Definition(
        "referrals_by_source", "Referrals by source", "The same referrals, by where they came from."
    ),
    Definition(
        "referrals_not_taken_forward",
        "Referrals not taken forward",
        'Referrals in the period whose status is "not taken forward".',
    ),
    Definition(
        "people_supported",
        "People supported",
        "The headline number: distinct people who were supported as a mentee or carer "
        "(had a held session) or who came to a group meeting, each person counted once "
        "however many roles or sessions they had.",
    ),
    Definition(
        "mentees_supported",
        "Mentees and carers supported",
        "Distinct mentees or carers with at least one held session in the period. A held "
        "session is one recorded as held, dated in the period.",
    ),
    Definition(
        "mentees_new",
        "New mentees and carers",
        "Of those, people whose first held session ever falls in the period.",
    ),
    Definition(
        "carers_supported",
        "Carers supported",
        "Of the mentees and carers supported, those with a held session in a pairing "
        "where they are supported as a carer.",
    ),
    Definition(
        "pairings_started",
        "Pairings started",
        "Pairings whose start date (the day they first became active) is in the period.",
    ),
    Definition(
        "pairings_active",
        "Pairings active",
        "Pairings active at any time in the period: started on or before its last day, "
        "and not ended, or ended on or after its first day.",
    ),
    Definition("pairings_ended", "Pairings ended", "Pairings whose end date is in the period."),
    Definition(
        "pairings_ended_by_reason",
        "Pairings ended, by reason",
        "The same pairings, by the reason recorded when they ended.",
    ),
    Definition(
        "pairings_ended_as_planned",
        "Pairings that ended as planned",
        "Of the pairings ended, those recorded as ending as planned.",
    ),
    Definition(
        "sessions_held",
        "Sessions held",
        "Mentoring sessions recorded as held, dated in the period.",
    ),
    Definition(
        "sessions_by_mode",
        "Sessions held, by how people met",
        "The same sessions, by how they met (face to face, phone, video, walk and talk).",
    ),
    Definition(
        "sessions_cancelled",
        "Sessions cancelled or missed",
        "Sessions in the period cancelled by the mentee or the mentor, rearranged, or "
        "where someone did not attend. These are not counted as held.",
    ),
    Definition(
        "contact_hours",
        "Contact hours",
        "The lengths of the held sessions added up, in hours to one decimal place "
        "(whoever mentored them, staff or volunteer).",
    ),
    Definition(
        "group_meetings", "Group meetings", "Peer support group meetings dated in the period."
    ),
    Definition(
        "group_attendances",
        "Group attendances",
        "Over those meetings: the people named on the register plus the unnamed drop-in "
        "attendees. A person who came to ten meetings counts ten times here.",
    ),
    Definition(
        "group_unique_attendees",
        "People who came to groups",
        "Distinct named people who came to at least one group meeting in the period. "
        "Unnamed drop-in attendees cannot be counted as people.",
    ),
    Definition(
        "volunteers_active",
        "Active volunteers",
        "Distinct volunteers who mentored a held session or facilitated a group meeting "
        "in the period. Staff members are not volunteers: their time is not counted.",
    ),
    Definition(
        "volunteers_new",
        "New volunteers",
        'Volunteers whose journey first reached "active" in the period (coming back '
        "after a pause is not new).",
    ),
    Definition(
        "volunteers_left",
        "Volunteers who left",
        'Volunteers whose journey reached "left" in the period.',
    ),
    Definition(
        "volunteers_trained",
        "Volunteers trained",
        "Distinct volunteers with at least one completed training record dated in the period.",
    ),
    Definition(
        "volunteer_hours",
        "Volunteer hours",
        "Mentoring: the lengths of held sessions. Groups: each meeting's length times "
        "the facilitators present. Training: hours of completed training. Supervision: "
        "the lengths of supervision meetings. Total: all of these. Minutes are added "
        "exactly and shown in hours to one decimal place. Staff members' time is not "
        "volunteer time: it is left out of every part (a meeting counts its facilitators "
        "who are not staff).",
    ),
    Definition(
        "supervision_sessions",
        "Supervision meetings",
        "Supervision meetings with mentors dated in the period.",
    ),
    Definition(
        "concerns_raised",
        "Concerns raised",
        "Safeguarding or wellbeing concerns raised in the period.",
    ),
    Definition(
        "demographics",
        "Who was supported",
        "For the people supported (the headline number): age on the last day of the "
        "period, gender, ethnicity, disability, long-term condition and area (local "
        'authority). Each breakdown has a "not known" bucket for missing answers; '
        '"prefer not to say" is an answer. Every breakdown adds up to the number of '
        "people supported, except conditions: a person with two conditions counts under "
        'both, and people with none recorded are "not known".',
    ),
    Definition(
        "outcomes",
        "Outcomes",
        'For each outcome measure: the number of people with a "before" and an '
        '"after" score both dated in the period (their first before and last after), '
        "the mean before, the mean after and the mean change. Means are given only for "
        "5 people or more (10 or more in publishable figures).",
    ),
    Definition(
        "expenses_paid_pence",
        "Expenses paid",
        "The money paid on volunteers' expense claims paid in the period (by the day each "
        "was paid), in whole pence: 1234 is £12.34. In publishable figures it is "
        '"suppressed" when fewer volunteers than the threshold were paid.',
    ),
]

DEFINITIONS: dict[str, Definition] = {d.key: d for d in _DEFINITIONS}

BREAKDOWN_LABELS = {
    "age_band": "Age",
    "gender": "Gender",
    "ethnicity": "Ethnicity",
    "disability": "Disability",
    "condition": "Long-term condition",
    "area": "Area",
}

#: Sections of a report (CSV "section" column, XLSX sheets, PDF headings), in order.
SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    (
        "People supported",
        (
            "people_supported",
            "mentees_supported",
            "mentees_new",
            "carers_supported",
            "group_unique_attendees",
        ),
    ),
    ("Referrals", ("referrals_received", "referrals_by_source", "referrals_not_taken_forward")),
    (
        "Mentoring",
        (
            "pairings_started",
            "pairings_active",
            "pairings_ended",
            "pairings_ended_by_reason",
            "pairings_ended_as_planned",
            "sessions_held",
            "sessions_by_mode",
            "sessions_cancelled",
            "contact_hours",
        ),
    ),
    ("Groups", ("group_meetings", "group_attendances")),
    (
        "Volunteers",
        (
            "volunteers_active",
            "volunteers_new",
            "volunteers_left",
            "volunteers_trained",
            "volunteer_hours",
            "supervision_sessions",
        ),
    ),
    ("Expenses", ("expenses_paid_pence",)),
    ("Safeguarding", ("concerns_raised",)),
    ("Who was supported", ("demographics",)),
    ("Outcomes", ("outcomes",)),
]

#: The numbers at the top of a report.
HEADLINES = (
    "people_supported",
    "mentees_supported",
    "group_unique_attendees",
    "sessions_held",
    "contact_hours",
    "volunteers_active",
    "volunteer_hours",
)


def money(pence: int) -> str:
    """Whole pence as a person reads money: 123456 → "£1,234.56"."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"


def label(key: str) -> str:
    return DEFINITIONS[key].label if key in DEFINITIONS else key.replace("_", " ").capitalize()


def bucket_label(figure: str, bucket: str) -> str:
    """The words for a breakdown bucket: "face_to_face" → "Face to face"."""
    vocabularies = {
        "referrals_by_source": ReferralSource,
        "pairings_ended_by_reason": ClosureReason,
        "sessions_by_mode": MeetingMode,
        "demographics.gender": Gender,
        "demographics.disability": YesNoPreferNot,
    }
    vocabulary = vocabularies.get(figure)
    if vocabulary is not None and bucket in vocabulary.values():
        return vocabulary(bucket).label
    if bucket == "prefer_not_to_say":
        return "Prefer not to say"
    if figure == "volunteer_hours" or figure.startswith("outcomes."):
        return STAT_LABELS.get(bucket, bucket)
    return bucket[:1].upper() + bucket[1:] if bucket else ""


STAT_LABELS = {
    "mentoring": "Mentoring",
    "groups": "Groups",
    "training": "Training",
    "supervision": "Supervision",
    "total": "Total",
    "n": "People with before and after scores",
    "mean_before": "Mean score before",
    "mean_after": "Mean score after",
    "mean_change": "Mean change",
}


def figure_label(figure: str) -> str:
    """The words for a CSV figure name: "demographics.age_band" → "Who was supported: Age"."""
    if figure.startswith("demographics."):
        return f"{label('demographics')}: {BREAKDOWN_LABELS[figure.split('.', 1)[1]]}"
    if figure.startswith("outcomes."):
        return f"Outcomes: {figure.split('.', 1)[1]}"
    return label(figure)
