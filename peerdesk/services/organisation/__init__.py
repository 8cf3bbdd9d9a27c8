"""The organisation's details and every setting the records need (see `service`); screens
import `views`."""

from peerdesk.services.organisation.service import (
    KEEP_WORDS,
    BackupSettings,
    OldBackupSettings,
    OrganisationDetails,
    OrganisationService,
    OrganisationView,
    parse_review_schedule,
)
from peerdesk.services.organisation.views import BACKUP_KEEP_LIMITS

__all__ = [
    "BACKUP_KEEP_LIMITS",
    "KEEP_WORDS",
    "BackupSettings",
    "OldBackupSettings",
    "OrganisationDetails",
    "OrganisationService",
    "OrganisationView",
    "parse_review_schedule",
]
