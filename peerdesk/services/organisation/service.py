"""The organisation's details and every setting the records need: one home for them.

They live in the organisation's row in the database, so the desktop app and the `peerdesk`
command read the same values: reminder thresholds, the reporting year, the mileage rate, the
coordinator's name, and where backups go and how many are kept. (How the app looks on this
computer is not here: that is `peerdesk.ui.preferences`.)
"""

from __future__ import annotations

import tempfile
from dataclasses import fields
from pathlib import Path

from sqlmodel import Session, select

from peerdesk.data.models import Organisation
from peerdesk.data.models.organisation import BACKUP_KEEP_LIMITS
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service
from peerdesk.services.organisation.views import (
    KEEP_WORDS,
    BackupSettings,
    OldBackupSettings,
    OrganisationDetails,
    OrganisationView,
    parse_review_schedule,
)

__all__ = [
    "KEEP_WORDS",
    "BackupSettings",
    "OldBackupSettings",
    "OrganisationDetails",
    "OrganisationService",
    "OrganisationView",
    "parse_review_schedule",
]


class OrganisationService(Service):
    def get(self) -> OrganisationView | None:
        with self.db.session() as session:
            found = session.exec(select(Organisation)).first()
            return OrganisationView.of(found) if found is not None else None

    def details(self) -> OrganisationDetails:
        """The details and settings as saved, or the usual settings before setting up (one
        place for the defaults a screen shows: 30 days' warning, supervision every 8 weeks…)."""
        organisation = self.get()
        return organisation.details if organisation else OrganisationDetails(name="")

    def is_set_up(self) -> bool:
        return self.get() is not None

    def save(
        self, details: OrganisationDetails, *, is_demo: bool | None = None
    ) -> OrganisationView:
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
            return OrganisationView.of(organisation)

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

    # -- backups ---------------------------------------------------------------------------
    def backup_settings(self) -> BackupSettings:
        """The chosen backup folder and rotation (nothing chosen before setting up)."""
        organisation = self.get()
        return _backup_settings(organisation) if organisation else BackupSettings()

    def choose_backup_folder(self, folder: Path | str | None) -> Path | None:
        """Keep new backups in `folder` (e.g. a USB stick); None: peerdesk's own folder.

        A folder that is there must be one peerdesk can write in. One that is not there
        (a USB stick not plugged in) is kept: each backup until it is says to plug it in.
        """
        chosen = writable_folder(folder) if folder else None
        with self.db.transaction() as session:
            organisation = _organisation_to_change(session)
            organisation.backup_folder = str(chosen) if chosen else None
            session.add(organisation)
        return chosen

    def set_backup_rotation(self, keep: dict[str, int | None]) -> None:
        """How many backups of each kind rotation keeps; None: peerdesk's usual number.

        Kinds not in `keep` stay as they are.
        """
        checked = {kind: checked_keep(kind, number) for kind, number in keep.items()}
        with self.db.transaction() as session:
            organisation = _organisation_to_change(session)
            for kind, number in checked.items():
                setattr(organisation, f"backup_keep_{kind}", number)
            session.add(organisation)

    def keep_backup_settings(self, kept: BackupSettings) -> None:
        """Put back the backup folder and rotation as they were before a restore: a restored
        backup brings back the records, not an older idea of where backups go."""
        with self.db.transaction() as session:
            organisation = session.exec(select(Organisation)).first()
            if organisation is None:
                return
            organisation.backup_folder = str(kept.folder) if kept.folder else None
            chosen = dict(kept.keep)
            for kind in BACKUP_KEEP_LIMITS:
                setattr(organisation, f"backup_keep_{kind}", chosen.get(kind))
            session.add(organisation)

    def adopt_old_backup_settings(self, old: OldBackupSettings) -> bool:
        """Copy what an older peerdesk kept in settings.ini into the database, once.

        Only what the database has not chosen itself is copied (a number out of range is
        brought into range, one that is not a number ignored). True when the old values are
        settled and may be removed from settings.ini: False before the organisation is set up,
        and on the demo database, so that the real database adopts them later.
        """
        with self.db.transaction() as session:
            organisation = session.exec(select(Organisation)).first()
            if organisation is None or organisation.is_demo:
                return False
            if old.folder and not organisation.backup_folder:
                organisation.backup_folder = str(Path(old.folder).expanduser())
            for kind, text in old.keep:
                column = f"backup_keep_{kind}"
                if kind in BACKUP_KEEP_LIMITS and getattr(organisation, column) is None:
                    number = _number_or_none(text)
                    if number is not None:
                        most = BACKUP_KEEP_LIMITS[kind]
                        setattr(organisation, column, min(max(number, 1), most))
            session.add(organisation)
        return True

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
            ("waiting_remind_weeks", "weeks waiting for a mentor before a reminder", 1, 52),
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
            waiting_remind_weeks=int(details.waiting_remind_weeks),
            expiry_warning_days=int(details.expiry_warning_days),
            review_schedule_weeks=", ".join(str(w) for w in schedule),
            mileage_rate_pence=int(details.mileage_rate_pence),
            outcome_measure_name=v.short_text(
                details.outcome_measure_name, "outcome_measure_name", "the outcome measure"
            ),
            coordinator_name=v.short_text(
                details.coordinator_name, "coordinator_name", "the coordinator's name"
            ),
            coordinator_role=v.short_text(
                details.coordinator_role, "coordinator_role", "the coordinator's role"
            ),
        )


def writable_folder(folder: Path | str) -> Path:
    """`folder` as a full path, if peerdesk can write in it (or it is not there yet: a drive
    not plugged in); a plain-English problem if not."""
    path = Path(folder).expanduser()
    if not path.is_absolute():
        raise ValidationError(
            f"Please choose the backup folder by its full path (not “{folder}”).", "backup_folder"
        )
    if not path.exists():
        return path
    if not path.is_dir():
        raise ValidationError(
            f"{path} is a file, not a folder: choose a folder for backups.", "backup_folder"
        )
    try:
        # Proof by doing: permissions, read-only drives and full disks all show here.
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError:
        raise ValidationError(
            f"peerdesk cannot save files in {path}. Choose a folder you can write to "
            "(a USB stick must not be locked or full).",
            "backup_folder",
        ) from None
    return path.resolve()


def checked_keep(kind: str, number: int | None) -> int | None:
    """A number of backups to keep, checked against its range (None: the usual number)."""
    if kind not in BACKUP_KEEP_LIMITS:
        raise ValueError(f"unknown kind of backup to keep: {kind!r}")
    if number is None:
        return None
    most = BACKUP_KEEP_LIMITS[kind]
    if not 1 <= int(number) <= most:
        raise ValidationError(
            f"The number of {KEEP_WORDS[kind]} to keep must be between 1 and {most}.",
            f"backup_keep_{kind}",
        )
    return int(number)


def _backup_settings(organisation: OrganisationView) -> BackupSettings:
    keep = tuple(
        (kind, number)
        for kind in BACKUP_KEEP_LIMITS
        if (number := getattr(organisation, f"backup_keep_{kind}")) is not None
    )
    folder = Path(organisation.backup_folder) if organisation.backup_folder else None
    return BackupSettings(folder=folder, keep=keep)


def _organisation_to_change(session: Session) -> Organisation:
    organisation = session.exec(select(Organisation)).first()
    if organisation is None:
        raise ValidationError("Please save the organisation's details first.", "name")
    return organisation


def _number_or_none(text: str) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None
