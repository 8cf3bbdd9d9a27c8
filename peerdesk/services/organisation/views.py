"""The organisation's details and settings as screens and the command line read them: plain
dataclasses, never the organisation's row. The UI imports this module (and the container)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from peerdesk.data.models.organisation import BACKUP_KEEP_LIMITS
from peerdesk.errors import ValidationError

#: Words for each number of backups kept, in plain-English problems.
KEEP_WORDS = {
    "recent": "most recent backups",
    "daily": "days with a backup",
    "weekly": "weeks with a backup",
    "monthly": "months with a backup",
}


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
    #: Today lists people accepted and still waiting for a mentor after this many weeks.
    waiting_remind_weeks: int = 8
    expiry_warning_days: int = 30
    review_schedule_weeks: str = "6,13,26"
    mileage_rate_pence: int = 45
    outcome_measure_name: str = ""
    coordinator_name: str = ""
    coordinator_role: str = ""

    @classmethod
    def of(cls, organisation: Any) -> OrganisationDetails:
        return cls(**{f.name: getattr(organisation, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class OrganisationView:
    """The organisation's row as screens and the command line read it (never the row)."""

    id: int
    name: str
    address: str
    postcode: str
    phone: str
    email: str
    charity_number: str
    logo_png: bytes | None
    reporting_year_start_month: int
    suppression_threshold: int
    no_session_weeks: int
    supervision_weeks: int
    referral_wait_days: int
    waiting_remind_weeks: int
    expiry_warning_days: int
    review_schedule_weeks: str
    mileage_rate_pence: int
    outcome_measure_name: str
    coordinator_name: str
    coordinator_role: str
    backup_folder: str | None
    backup_keep_recent: int | None
    backup_keep_daily: int | None
    backup_keep_weekly: int | None
    backup_keep_monthly: int | None
    is_demo: bool

    @classmethod
    def of(cls, organisation: Any) -> OrganisationView:
        values = {f.name: getattr(organisation, f.name) for f in fields(cls)}
        values["id"] = organisation.id or 0
        return cls(**values)

    @property
    def details(self) -> OrganisationDetails:
        return OrganisationDetails.of(self)


@dataclass(frozen=True)
class BackupSettings:
    """Where new backups go and how many are kept, as chosen (None: not chosen)."""

    folder: Path | None = None
    #: The chosen numbers; kinds not chosen are absent and keep peerdesk's usual number
    #: (`peerdesk.services.safety.backups.RotationPolicy` has them).
    keep: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class OldBackupSettings:
    """The backup folder and rotation as an older peerdesk kept them in settings.ini, as text."""

    folder: str = ""
    #: kind ("recent", "daily", "weekly", "monthly") → the text stored for it.
    keep: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.folder and not self.keep


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


__all__ = [
    "BACKUP_KEEP_LIMITS",
    "KEEP_WORDS",
    "BackupSettings",
    "OldBackupSettings",
    "OrganisationDetails",
    "OrganisationView",
    "parse_review_schedule",
]
