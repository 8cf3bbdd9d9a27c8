"""The record types services return, for type hints in the UI and CLI.

The UI may not import the data layer; it reads these objects' attributes and never saves them.
"""

from peerdesk.data.models import (
    Concern,
    Consent,
    ConsentWording,
    DisclosureCheck,
    GroupMeeting,
    MentoringSession,
    Organisation,
    Pairing,
    PairingStatusChange,
    PeerGroup,
    Person,
    PersonRole,
    Referral,
    Review,
    Supervision,
    TrainingRecord,
    VolunteerProfile,
    VolunteerStageChange,
)

__all__ = [
    "Concern",
    "Consent",
    "ConsentWording",
    "DisclosureCheck",
    "GroupMeeting",
    "MentoringSession",
    "Organisation",
    "Pairing",
    "PairingStatusChange",
    "PeerGroup",
    "Person",
    "PersonRole",
    "Referral",
    "Review",
    "Supervision",
    "TrainingRecord",
    "VolunteerProfile",
    "VolunteerStageChange",
]
