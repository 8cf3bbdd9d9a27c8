"""The organisation using peerdesk, and its settings that belong with the records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank, utc_now

#: The most backups of each kind that rotation may be told to keep (the least is 1).
BACKUP_KEEP_LIMITS = {"recent": 100, "daily": 365, "weekly": 260, "monthly": 240}


class Organisation(SQLModel, table=True):
    """One row: who the records belong to, and the settings that shape figures and reminders.

    Everything the records need lives here, so the app and the `peerdesk` command see the
    same settings (the backup folder and rotation included). Settings that concern only how
    the app looks on this laptop (text size, theme, window sizes) live in the user's Qt
    settings instead (`peerdesk.ui.preferences`), so that a restored backup does not change
    them.
    """

    __table_args__ = (
        not_blank("name"),
        CheckConstraint(
            "reporting_year_start_month BETWEEN 1 AND 12", name="reporting_year_start_month_valid"
        ),
        CheckConstraint(
            "suppression_threshold BETWEEN 3 AND 10", name="suppression_threshold_valid"
        ),
        CheckConstraint("no_session_weeks BETWEEN 1 AND 52", name="no_session_weeks_valid"),
        CheckConstraint("supervision_weeks BETWEEN 1 AND 52", name="supervision_weeks_valid"),
        CheckConstraint("referral_wait_days BETWEEN 1 AND 365", name="referral_wait_days_valid"),
        CheckConstraint("waiting_remind_weeks BETWEEN 1 AND 52", name="waiting_remind_weeks_valid"),
        CheckConstraint("expiry_warning_days BETWEEN 1 AND 365", name="expiry_warning_days_valid"),
        CheckConstraint("mileage_rate_pence >= 0", name="mileage_rate_pence_min"),
        CheckConstraint("concern_keep_years BETWEEN 1 AND 100", name="concern_keep_years_valid"),
        CheckConstraint("references_required BETWEEN 0 AND 5", name="references_required_valid"),
        CheckConstraint("mileage_reduced_rate_pence >= 0", name="mileage_reduced_rate_pence_min"),
        CheckConstraint("mileage_threshold_miles >= 0", name="mileage_threshold_miles_min"),
        *(
            CheckConstraint(
                f"backup_keep_{kind} IS NULL OR backup_keep_{kind} BETWEEN 1 AND {most}",
                name=f"backup_keep_{kind}_valid",
            )
            for kind, most in BACKUP_KEEP_LIMITS.items()
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    charity_number: str = ""
    logo_png: bytes | None = None
    reporting_year_start_month: int = 4
    suppression_threshold: int = 5
    #: Today shows active pairings with no session for this many weeks.
    no_session_weeks: int = 4
    #: Today shows active mentors without supervision for this many weeks.
    supervision_weeks: int = 8
    #: Today shows referrals waiting longer than this many days.
    referral_wait_days: int = 14
    #: Today shows people accepted and still waiting for a mentor after this many weeks.
    waiting_remind_weeks: int = 8
    #: Concerns are kept this many years after they are closed (safeguarding records).
    concern_keep_years: int = 6
    #: References a volunteer needs (satisfactory) before being paired; 0: not asked.
    references_required: int = 0
    #: Disclosure checks and consents expiring within this many days show on Today.
    expiry_warning_days: int = 30
    #: Weeks after a pairing starts at which a review is due, e.g. "6,13,26".
    review_schedule_weeks: str = "6,13,26"
    #: Mileage: `mileage_rate_pence` a mile for the first `mileage_threshold_miles` business
    #: miles a volunteer claims in a tax year (from 6 April), `mileage_reduced_rate_pence` after.
    mileage_rate_pence: int = 45
    mileage_reduced_rate_pence: int = 25
    mileage_threshold_miles: int = 10000
    #: The outcome scale: its name ("" for peerdesk's own wellbeing check) and its questions,
    #: one a line ("" for peerdesk's own plain-English questions). Answers are 1 to 5.
    outcome_measure_name: str = ""
    outcome_questions: str = ""
    #: Who coordinates the service: printed where the coordinator signs a form.
    coordinator_name: str = ""
    #: The coordinator's role, printed under their name where they sign.
    coordinator_role: str = ""
    #: Where new backups go (e.g. a USB stick); None: peerdesk's own backup folder.
    backup_folder: str | None = None
    #: How many backups rotation keeps of each kind; None: peerdesk's usual number.
    backup_keep_recent: int | None = None
    backup_keep_daily: int | None = None
    backup_keep_weekly: int | None = None
    backup_keep_monthly: int | None = None
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utc_now)


class RetentionRule(SQLModel, table=True):
    """How long a kind of record is kept after last contact, before it is reviewed."""

    __tablename__ = "retention_rule"
    __table_args__ = (CheckConstraint("keep_years BETWEEN 1 AND 100", name="keep_years_valid"),)

    record_kind: str = Field(primary_key=True)
    keep_years: int
