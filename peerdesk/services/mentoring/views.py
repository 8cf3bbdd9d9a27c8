"""What the screens may use from mentoring: the views services return (no table rows), the
entries dialogs fill in, and the few constants and helpers a screen needs.

The UI imports mentoring only from here (`peerdesk.services.mentoring.views`); the service
modules build these objects.
"""

from peerdesk.services.mentoring.lists import (
    OPEN_STATUSES,
    WAITING_REFERRAL_STATUSES,
    waited_words,
)
from peerdesk.services.mentoring.matching import IneligibleMentor, MatchResult, RankedMentor, Reason
from peerdesk.services.mentoring.pairings import MAX_GOALS, TRANSITIONS, Ending, PairingPlan
from peerdesk.services.mentoring.referral_views import (
    ACTION_WORDS,
    OPEN_REFERRAL_STATUSES,
    STATUS_WORDS,
    ReferralAction,
    ReferralStep,
    ReferralView,
    status_words,
)
from peerdesk.services.mentoring.referrals import (
    ReferralAvailability,
    ReferralDetails,
    ReferralPreferences,
)
from peerdesk.services.mentoring.reviews import DueReview, ReviewEntry, SessionCounts
from peerdesk.services.mentoring.rows import (
    ConcernView,
    NextReview,
    PairingAction,
    PairingRow,
    PairingView,
    PlannedSessionsAfterEnd,
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
    "ACTION_WORDS",
    "CANCELLATIONS",
    "MAX_GOALS",
    "OPEN_REFERRAL_STATUSES",
    "OPEN_STATUSES",
    "STATUS_WORDS",
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
    "PlannedSessionsAfterEnd",
    "RankedMentor",
    "Reason",
    "ReferralAction",
    "ReferralAvailability",
    "ReferralDetails",
    "ReferralPreferences",
    "ReferralStep",
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
    "status_words",
    "waited_words",
]
