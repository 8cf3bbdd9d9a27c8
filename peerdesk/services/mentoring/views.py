"""What the screens may use from mentoring: the views services return (no table rows), the
entries dialogs fill in, and the few constants and helpers a screen needs.

The UI imports mentoring only from here (`peerdesk.services.mentoring.views`); the service
modules build these objects.
"""

from peerdesk.services.mentoring.lists import OPEN_STATUSES, WAITING_REFERRAL_STATUSES
from peerdesk.services.mentoring.matching import IneligibleMentor, MatchResult, RankedMentor, Reason
from peerdesk.services.mentoring.pairings import MAX_GOALS, TRANSITIONS, Ending, PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.mentoring.reviews import DueReview, ReviewEntry, SessionCounts
from peerdesk.services.mentoring.rows import (
    ConcernView,
    NextReview,
    PairingAction,
    PairingRow,
    PairingView,
    ReferralView,
    ReviewView,
    SessionView,
    StatusChange,
    SupervisionPlan,
    TimelineEntry,
    WaitingRow,
)
from peerdesk.services.mentoring.sessions import (
    CANCELLATIONS,
    ConcernDetails,
    SessionEntry,
    SessionFilter,
    SessionRow,
)

__all__ = [
    "CANCELLATIONS",
    "MAX_GOALS",
    "OPEN_STATUSES",
    "TRANSITIONS",
    "WAITING_REFERRAL_STATUSES",
    "ConcernDetails",
    "ConcernView",
    "DueReview",
    "Ending",
    "IneligibleMentor",
    "MatchResult",
    "NextReview",
    "PairingAction",
    "PairingPlan",
    "PairingRow",
    "PairingView",
    "RankedMentor",
    "Reason",
    "ReferralDetails",
    "ReferralView",
    "ReviewEntry",
    "ReviewView",
    "SessionCounts",
    "SessionEntry",
    "SessionFilter",
    "SessionRow",
    "SessionView",
    "StatusChange",
    "SupervisionPlan",
    "TimelineEntry",
    "WaitingRow",
]
