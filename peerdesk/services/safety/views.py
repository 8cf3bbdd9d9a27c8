"""What the safety services hand to screens: backups in words, restores, where files sit
(cloud or network risks), passphrase strength and encryption results, and the recovery
offer made when a database cannot be opened. The UI imports this module, nothing else from
the area (the recovery functions work on files before any database is open), and the weekly
health check's watch and its line on Today."""

from peerdesk.services.safety.backup_list import BackupInfo, noted_backup_folders
from peerdesk.services.safety.backups import RestoreResult
from peerdesk.services.safety.health import HealthReport
from peerdesk.services.safety.integrity_watch import (
    FullCheck,
    HealthLine,
    HealthRecords,
    HealthVerdict,
    IntegrityWatch,
)
from peerdesk.services.safety.locations import LocationRisk
from peerdesk.services.safety.recovery import (
    RecoveryOffer,
    RecoveryResult,
    is_recoverable,
    newest_good_backup,
    recovery_offer,
    restore_after_problem,
    restore_while_open,
    start_afresh,
)
from peerdesk.services.safety.security import (
    LOST_PASSPHRASE_DETAIL,
    LOST_PASSPHRASE_HEADLINE,
    EncryptionResult,
    RecoverySheet,
    Strength,
    estimate_strength,
)

__all__ = [
    "LOST_PASSPHRASE_DETAIL",
    "LOST_PASSPHRASE_HEADLINE",
    "BackupInfo",
    "EncryptionResult",
    "FullCheck",
    "HealthLine",
    "HealthRecords",
    "HealthReport",
    "HealthVerdict",
    "IntegrityWatch",
    "LocationRisk",
    "RecoveryOffer",
    "RecoveryResult",
    "RecoverySheet",
    "RestoreResult",
    "Strength",
    "estimate_strength",
    "is_recoverable",
    "newest_good_backup",
    "noted_backup_folders",
    "recovery_offer",
    "restore_after_problem",
    "restore_while_open",
    "start_afresh",
]
