"""What each person form needs from the records, and nothing more."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Availability,
    Condition,
    Consent,
    ConsentWording,
    ExpenseClaim,
    ExpenseLine,
    MeetingModePreference,
    Organisation,
    Pairing,
    Person,
    PersonCondition,
    PersonRole,
    Referral,
    VolunteerProfile,
    VolunteerReference,
)
from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.forms.templates.equality_monitoring import ETHNICITIES
from peerdesk.services.base import get_or_raise
from peerdesk.services.outcomes import scale
from peerdesk.services.printing import text as t
from peerdesk.vocabulary import (
    ClaimStatus,
    ConditionLink,
    ConsentKind,
    ConsentMethod,
    ExpenseKind,
    Gender,
    MeetingMode,
    PairingStatus,
    PartOfDay,
    ReferralSource,
    Role,
    SupportedAs,
    Weekday,
    YesNoPreferNot,
)

CHANNELS = {
    ConsentKind.CONTACT_PHONE: "Phone call",
    ConsentKind.CONTACT_TEXT: "Text message",
    ConsentKind.CONTACT_EMAIL: "Email",
    ConsentKind.CONTACT_POST: "Letter by post",
}


def _person(session: Session, person_id: int) -> Person:
    return get_or_raise(session, Person, person_id, "person")


def _roles(session: Session, person_id: int) -> list[Role]:
    rows = session.exec(
        select(PersonRole.role).where(
            PersonRole.person_id == person_id, col(PersonRole.ended_on).is_(None)
        )
    )
    return [Role(role) for role in rows]


def current_consents(session: Session, person_id: int) -> list[tuple[Consent, ConsentWording]]:
    """The latest answer for each kind (and each organisation shared with), not withdrawn."""
    rows = session.exec(
        select(Consent, ConsentWording)
        .join(ConsentWording, col(ConsentWording.id) == col(Consent.wording_id))
        .where(
            Consent.person_id == person_id,
            col(Consent.withdrawn_on).is_(None),
            col(Consent.entered_in_error_on).is_(None),
        )
        .order_by(col(Consent.given_on), col(Consent.id))
    )
    latest: dict[tuple[str, str], tuple[Consent, ConsentWording]] = {}
    for consent, wording in rows:
        latest[(consent.kind, consent.third_party)] = (consent, wording)
    return list(latest.values())


def referral(session: Session, person_id: int, today: date, org: OrganisationInfo) -> FormData:
    person = _person(session, person_id)
    latest = session.exec(
        select(Referral)
        .where(Referral.person_id == person_id)
        .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
    ).first()
    conditions = session.exec(
        select(Condition.name, PersonCondition.link)
        .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
        .where(PersonCondition.person_id == person_id)
        .order_by(col(Condition.name))
    )
    modes = session.exec(
        select(MeetingModePreference.mode).where(MeetingModePreference.person_id == person_id)
    )
    contact: set[str] = set()
    no_contact: set[str] = set()
    for consent, _ in current_consents(session, person_id):
        channel = CHANNELS.get(ConsentKind(consent.kind))
        if channel:
            (contact if consent.agreed else no_contact).add(channel)
    fields = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "preferred_name": person.preferred_name,
        "pronouns": person.pronouns,
        "date_of_birth": t.day(person.date_of_birth),
        "address": person.address,
        "postcode": person.postcode,
        "phone": person.phone,
        "email": person.email,
        "gp_practice": person.gp_practice,
        "conditions": ", ".join(
            name if link != ConditionLink.CARES_FOR.value else f"{name} (cares for someone)"
            for name, link in conditions
        ),
        "access_energy": t.joined(person.access_needs, person.energy_needs),
    }
    ticks = {
        "modes": frozenset(MeetingMode(mode).label for mode in modes),
        "contact": frozenset(contact),
        "no_contact": frozenset(no_contact),
    }
    if latest is not None:
        fields |= {
            "referrer_name": latest.referrer_name,
            "referrer_organisation": latest.referrer_organisation,
            "referrer_relationship": latest.referrer_relationship,
            "referrer_contact": latest.referrer_contact,
            "cared_for_condition": latest.cared_for_condition,
            "cared_for_relationship": latest.cared_for_relationship,
            "other_professionals": latest.other_professionals,
            "risks": latest.risks,
            "support_network": latest.support_network,
            "hopes": latest.hopes,
            "referral_date": t.day(latest.referral_date),
            "source": ReferralSource(latest.source).label,
        }
        ticks["person_agreed"] = frozenset({"Yes" if latest.person_agreed else "No"})
        carer = latest.support_as == SupportedAs.CARER.value
        ticks["support_as"] = frozenset(
            {"As a carer for someone" if carer else "For themselves (they live with a condition)"}
        )
    return FormData(fields=fields, ticks=ticks)


def mentor_application(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    profile = session.get(VolunteerProfile, person_id)
    slots = session.exec(select(Availability).where(Availability.person_id == person_id))
    referees = list(
        session.exec(
            select(VolunteerReference)
            .where(VolunteerReference.person_id == person_id)
            .order_by(col(VolunteerReference.id))
        )
    )[:2]
    fields = {
        "person_name": t.name(person),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "preferred_name": person.preferred_name,
        "pronouns": person.pronouns,
        "address": person.address,
        "postcode": person.postcode,
        "phone": person.phone,
        "email": person.email,
        "languages": person.languages,
        "emergency_contact": person.emergency_contact,
    }
    if profile is not None:
        fields |= {
            "lived_experience": profile.lived_experience,
            "skills": profile.skills,
            "interests": profile.interests,
        }
    for number, referee in enumerate(referees, 1):
        fields |= {
            f"referee_{number}_name": referee.referee_name,
            f"referee_{number}_relationship": referee.relationship,
            f"referee_{number}_contact": referee.contact,
        }
    ticks: dict[str, frozenset[str]] = {
        "availability": frozenset(
            f"{Weekday(s.weekday).label} {PartOfDay(s.part_of_day).label.lower()}" for s in slots
        )
    }
    if person.date_of_birth is not None:
        adult = t.age_on(person.date_of_birth, today) >= 18
        ticks["adult"] = frozenset({"Yes" if adult else "No"})
    if profile is not None and profile.max_mentees >= 1:
        words = {1: "One", 2: "Two", 3: "Three"}
        ticks["max_mentees"] = frozenset({words.get(profile.max_mentees, "More than three")})
    return FormData(fields=fields, ticks=ticks)


def name_only(session: Session, person_id: int, today: date, org: OrganisationInfo) -> FormData:
    return FormData(fields={"person_name": t.name(_person(session, person_id))})


def volunteer_agreement(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    roles = _roles(session, person_id)
    role = (
        "Peer mentor"
        if Role.MENTOR in roles
        else "Group facilitator"
        if Role.FACILITATOR in roles
        else ""
    )
    return FormData(fields={"person_name": t.name(person), "role": role})


def confidentiality_agreement(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    roles = frozenset(role.label for role in _roles(session, person_id))
    return FormData(fields={"person_name": t.name(person)}, ticks={"role": roles})


def consent_record(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    rows: list[list[str]] = []
    sharing: list[list[str]] = []
    versions: list[str] = []
    for consent, wording in current_consents(session, person_id):
        kind = ConsentKind(consent.kind)
        answer = "Yes" if consent.agreed else "No"
        how = ConsentMethod(consent.method).label
        if kind is ConsentKind.SHARING:
            sharing.append([consent.third_party, consent.purpose, answer, t.day(consent.given_on)])
        else:
            rows.append([kind.label, answer, how, t.day(consent.given_on)])
        versions.append(f"{kind.label}: version {wording.version}")
    return FormData(
        fields={"person_name": t.name(person), "wording_versions": "; ".join(versions)},
        rows={"consents": rows, "sharing": sharing},
    )


def supervision(session: Session, person_id: int, today: date, org: OrganisationInfo) -> FormData:
    person = _person(session, person_id)
    live = [PairingStatus.ACTIVE.value, PairingStatus.PAUSED.value, PairingStatus.INTRODUCED.value]
    rows = session.exec(
        select(Pairing, Person)
        .join(Person, col(Person.id) == col(Pairing.mentee_id))
        .where(Pairing.mentor_id == person_id, col(Pairing.status).in_(live))
        .order_by(col(Pairing.id))
    )
    # The mentee's first name is enough to talk about the pairing in supervision.
    pairings = [
        [pairing.reference, t.first_name(mentee), PairingStatus(pairing.status).label, ""]
        for pairing, mentee in rows
    ]
    return FormData(fields={"person_name": t.name(person)}, rows={"pairings": pairings})


def expenses(session: Session, person_id: int, today: date, org: OrganisationInfo) -> FormData:
    """The lines of the person's claims not yet approved, as the form's table."""
    person = _person(session, person_id)
    rows = list(
        session.exec(
            select(ExpenseLine)
            .join(ExpenseClaim, col(ExpenseClaim.id) == col(ExpenseLine.claim_id))
            .where(
                ExpenseClaim.person_id == person_id,
                ExpenseClaim.status == ClaimStatus.SUBMITTED.value,
            )
            .order_by(col(ExpenseLine.line_date), col(ExpenseLine.id))
        )
    )
    lines = [
        [
            t.day(line.line_date),
            line.description,
            f"{line.miles_tenths / 10:g}" if line.miles_tenths else "",
            t.pence(line.amount_pence) if line.kind == ExpenseKind.FARES.value else "",
            t.pence(line.amount_pence) if line.kind == ExpenseKind.PARKING.value else "",
            "Yes" if line.has_receipt else "",
            t.pence(line.amount_pence),
        ]
        for line in rows
    ]
    fields = {"person_name": t.name(person), "mileage_rate": _rate(org, session)}
    if rows:
        fields["total_miles"] = f"{sum(line.miles_tenths for line in rows) / 10:g}"
        fields["total_claimed"] = t.pence(sum(line.amount_pence for line in rows))
    return FormData(fields=fields, rows={"lines": lines})


def expense_claim(session: Session, claim_id: int, today: date, org: OrganisationInfo) -> FormData:
    """One claim's lines as the form's table, with its status, approval and payment."""
    claim = get_or_raise(session, ExpenseClaim, claim_id, "expense claim")
    person = _person(session, claim.person_id)
    rows = list(
        session.exec(
            select(ExpenseLine)
            .where(ExpenseLine.claim_id == claim_id)
            .order_by(col(ExpenseLine.line_date), col(ExpenseLine.id))
        )
    )
    fields = {
        "person_name": t.name(person),
        "mileage_rate": _rate(org, session),
        "claim": f"Claim {claim_id}, submitted {t.day(claim.submitted_on)}: "
        f"{ClaimStatus(claim.status).label.lower()}",
        "approved_on": t.day(claim.approved_on),
        "paid_on": t.joined(t.day(claim.paid_on), claim.paid_how, separator=", "),
        "month": f"{claim.submitted_on:%B %Y}",
        "total_miles": f"{sum(line.miles_tenths for line in rows) / 10:g}",
        "total_claimed": t.pence(sum(line.amount_pence for line in rows)),
    }
    return FormData(fields=fields, rows={"lines": [_line_cells(line) for line in rows]})


def _line_cells(line: ExpenseLine) -> list[str]:
    """A line on the form: for mileage, the miles and the rate (or the split) it was paid at."""
    what = line.description
    if line.kind == ExpenseKind.MILEAGE.value:
        full = line.miles_tenths - line.reduced_miles_tenths
        rate = f"{full / 10:g} at {line.rate_pence}p"
        if line.reduced_miles_tenths:
            rate += f", {line.reduced_miles_tenths / 10:g} at {line.reduced_rate_pence}p"
        what = t.joined(what, f"({rate})", separator=" ")
    elif line.kind == ExpenseKind.OTHER.value:
        what = t.joined(what, "(other)", separator=" ")
    return [
        t.day(line.line_date),
        what,
        f"{line.miles_tenths / 10:g}" if line.miles_tenths else "",
        t.pence(line.amount_pence) if line.kind == ExpenseKind.FARES.value else "",
        t.pence(line.amount_pence) if line.kind == ExpenseKind.PARKING.value else "",
        "Yes" if line.has_receipt else "No",
        t.pence(line.amount_pence),
    ]


def _rate(org: OrganisationInfo, session: Session) -> str:
    row = session.exec(select(Organisation)).first()
    return f"{row.mileage_rate_pence}p" if row is not None else ""


GENDER_OPTIONS = {
    Gender.WOMAN.value: "Woman",
    Gender.MAN.value: "Man",
    Gender.NON_BINARY.value: "Non-binary",
    Gender.OTHER.value: "In another way",
    Gender.PREFER_NOT_TO_SAY.value: "Prefer not to say",
}


def equality_monitoring(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    ticks: dict[str, frozenset[str]] = {}
    fields = {"person_name": t.name(person), "postcode_area": t.outward_code(person.postcode)}
    band = t.age_band(person.date_of_birth, today)
    if band:
        ticks["age_band"] = frozenset({band})
    if person.gender:
        ticks["gender"] = frozenset({GENDER_OPTIONS.get(person.gender, "")})
    if person.ethnicity:
        matches = [e for e in ETHNICITIES if e.casefold() == person.ethnicity.casefold()]
        if matches:
            ticks["ethnicity"] = frozenset(matches)
        else:
            fields["ethnicity_other"] = person.ethnicity
    for key, value in (("disability", person.disability), ("carer", person.carer_status)):
        if value:
            ticks[key] = frozenset({YesNoPreferNot(value).label})
    return FormData(fields=fields, ticks=ticks)


def wellbeing_check(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = _person(session, person_id)
    return FormData(fields={"person_name": t.name(person), **wellbeing_scale(session)})


def wellbeing_scale(session: Session) -> dict[str, str]:
    """The outcome scale in Settings, for the wellbeing check (blank or filled in): its name,
    and its questions one a line ("" for peerdesk's own, which the form prints itself)."""
    row = session.exec(select(Organisation)).first()
    questions = row.outcome_questions if row is not None else ""
    name = scale.name_of(row.outcome_measure_name if row is not None else "")
    return {
        "measure": name,
        "questions": "\n".join(scale.questions_of(questions)) if questions.strip() else "",
    }
