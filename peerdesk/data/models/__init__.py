"""Every table of the peerdesk database. Importing this module registers them all."""

from peerdesk.data.models.base import NAMING_CONVENTION, utc_now
from peerdesk.data.models.concerns import Concern, ConcernAction
from peerdesk.data.models.consents import Consent, ConsentWording
from peerdesk.data.models.data_protection import (
    ErasureHold,
    ErasureLogEntry,
    SubjectAccessRequest,
)
from peerdesk.data.models.expenses import ExpenseClaim, ExpenseLine
from peerdesk.data.models.groups import (
    Attendance,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    PeerGroup,
)
from peerdesk.data.models.history import ChangeLogEntry, ChangeSet
from peerdesk.data.models.identity import DatabaseIdentity
from peerdesk.data.models.organisation import Organisation, RetentionRule
from peerdesk.data.models.outcomes import OutcomeAnswer, OutcomeScore
from peerdesk.data.models.pairings import (
    MentoringSession,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    Review,
)
from peerdesk.data.models.people import (
    Availability,
    Condition,
    MeetingModePreference,
    Person,
    PersonCondition,
    PersonRole,
)
from peerdesk.data.models.projects import Project
from peerdesk.data.models.referrals import Referral
from peerdesk.data.models.training import TrainingModule, TrainingSession, TrainingSessionModule
from peerdesk.data.models.volunteers import (
    DisclosureCheck,
    Supervision,
    SupervisionPairing,
    TrainingRecord,
    VolunteerProfile,
    VolunteerReference,
    VolunteerStageChange,
)

__all__ = [
    "NAMING_CONVENTION",
    "Attendance",
    "Availability",
    "ChangeLogEntry",
    "ChangeSet",
    "Concern",
    "ConcernAction",
    "Condition",
    "Consent",
    "ConsentWording",
    "DatabaseIdentity",
    "DisclosureCheck",
    "ErasureHold",
    "ErasureLogEntry",
    "ExpenseClaim",
    "ExpenseLine",
    "GroupFacilitator",
    "GroupMeeting",
    "GroupMember",
    "MeetingFacilitator",
    "MeetingModePreference",
    "MentoringSession",
    "Organisation",
    "OutcomeAnswer",
    "OutcomeScore",
    "Pairing",
    "PairingGoal",
    "PairingStatusChange",
    "PeerGroup",
    "Person",
    "PersonCondition",
    "PersonRole",
    "Project",
    "Referral",
    "RetentionRule",
    "Review",
    "SubjectAccessRequest",
    "Supervision",
    "SupervisionPairing",
    "TrainingModule",
    "TrainingRecord",
    "TrainingSession",
    "TrainingSessionModule",
    "VolunteerProfile",
    "VolunteerReference",
    "VolunteerStageChange",
    "utc_now",
]
