"""The organisation's details and the settings stored with the records."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlmodel import select

from peerdesk.data.models import Organisation
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service


@dataclass
class OrganisationDetails:
    name: str
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    charity_number: str = ""
    reporting_year_start_month: int = 4
    suppression_threshold: int = 5
    no_session_weeks: int = 4
    supervision_weeks: int = 8
    referral_wait_days: int = 14
    expiry_warning_days: int = 30
    review_schedule_weeks: str = "6,13,26"
    mileage_rate_pence: int = 45
    outcome_measure_name: str = ""

    @classmethod
    def of(cls, organisation: Organisation) -> OrganisationDetails:
        return cls(**{f.name: getattr(organisation, f.name) for f in fields(cls)})


def parse_review_schedule(text: str) -> list[int]:
    """ "6,13,26" → [6, 13, 26]; raises ValidationError for anything else."""
    weeks: list[int] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 520:
            raise ValidationError(
                "Review weeks should be whole numbers of weeks separated by commas, "
                "for example 6, 13, 26.",
                "review_schedule_weeks",
            )
        weeks.append(int(part))
    return sorted(set(weeks))


class OrganisationService(Service):
    def get(self) -> Organisation | None:
        with self.db.session() as session:
            return session.exec(select(Organisation)).first()

    def is_set_up(self) -> bool:
        return self.get() is not None

    def save(self, details: OrganisationDetails, *, is_demo: bool | None = None) -> Organisation:
        """Create or update the single organisation row."""
        cleaned = self._validate(details)
        with self.db.transaction() as session:
            organisation = session.exec(select(Organisation)).first()
            if organisation is None:
                organisation = Organisation(name=cleaned.name)
            for f in fields(OrganisationDetails):
                setattr(organisation, f.name, getattr(cleaned, f.name))
            if is_demo is not None:
                organisation.is_demo = is_demo
            session.add(organisation)
            session.flush()
            session.refresh(organisation)
            return organisation

    def set_logo(self, png: bytes | None) -> None:
        if png is not None and not png.startswith(b"\x89PNG"):
            raise ValidationError("The logo must be a PNG picture.", "logo")
        if png is not None and len(png) > 2_000_000:
            raise ValidationError(
                "The logo picture is too large: please use one under 2 MB.", "logo"
            )
        with self.db.transaction() as session:
            organisation = session.exec(select(Organisation)).first()
            if organisation is None:
                raise ValidationError("Please save the organisation's details first.", "name")
            organisation.logo_png = png
            session.add(organisation)

    def review_weeks(self) -> list[int]:
        organisation = self.get()
        return parse_review_schedule(
            organisation.review_schedule_weeks if organisation else "6,13,26"
        )

    @staticmethod
    def _validate(details: OrganisationDetails) -> OrganisationDetails:
        name = v.required_text(details.name, "name", "the organisation's name")
        if not 1 <= int(details.reporting_year_start_month) <= 12:
            raise ValidationError(
                "Please choose the month your reporting year starts.", "reporting_year_start_month"
            )
        if not 3 <= int(details.suppression_threshold) <= 10:
            raise ValidationError(
                "The small-number threshold must be between 3 and 10.", "suppression_threshold"
            )
        for name_, label, low, high in (
            ("no_session_weeks", "weeks without a session", 1, 52),
            ("supervision_weeks", "weeks between supervisions", 1, 52),
            ("referral_wait_days", "days a referral may wait", 1, 365),
            ("expiry_warning_days", "days of warning before expiry", 1, 365),
        ):
            value = int(getattr(details, name_))
            if not low <= value <= high:
                raise ValidationError(
                    f"The number of {label} must be between {low} and {high}.", name_
                )
        if int(details.mileage_rate_pence) < 0:
            raise ValidationError("The mileage rate cannot be negative.", "mileage_rate_pence")
        schedule = parse_review_schedule(details.review_schedule_weeks)
        return OrganisationDetails(
            name=name,
            address=v.long_text(details.address, "address", "the address"),
            postcode=v.postcode(details.postcode),
            phone=v.phone(details.phone),
            email=v.email(details.email),
            charity_number=v.short_text(
                details.charity_number, "charity_number", "the charity number"
            ),
            reporting_year_start_month=int(details.reporting_year_start_month),
            suppression_threshold=int(details.suppression_threshold),
            no_session_weeks=int(details.no_session_weeks),
            supervision_weeks=int(details.supervision_weeks),
            referral_wait_days=int(details.referral_wait_days),
            expiry_warning_days=int(details.expiry_warning_days),
            review_schedule_weeks=", ".join(str(w) for w in schedule),
            mileage_rate_pence=int(details.mileage_rate_pence),
            outcome_measure_name=v.short_text(
                details.outcome_measure_name, "outcome_measure_name", "the outcome measure"
            ),
        )
