"""Dialogs of the app opened over the seed-1 demo, for checks and pictures of every window: the
laptop-fit test (tests/ui/laptop_fit.py) and the screenshots' contact sheets.

Each entry is (name, factory); a factory builds the dialog (not shown) over the main window,
from the demo's records. Dialogs that only confirm a choice (message boxes) are left out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.services import Services

Factory = Callable[[Services, QWidget], QDialog]


def _ids(services: Services) -> dict[str, int]:
    rows = services.people.list_rows()
    paired = next(r for r in rows if r.status == "Paired")
    mentor = next(r for r in rows if "mentor" in r.roles)
    pairing = services.pairings.rows()[0]
    group = services.groups.rows()[0]
    return {"mentee": paired.id, "mentor": mentor.id, "pairing": pairing.id, "group": group.id}


def _person(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.people.person_dialog import PersonDialog

    return PersonDialog(services, parent=parent)


def _edit_person(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.people.person_dialog import PersonDialog

    return PersonDialog(services, _ids(services)["mentee"], parent)


def _referral(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.referrals.referral_dialog import ReferralDialog

    return ReferralDialog(services, parent=parent, choose_person=True)


def _session(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.pairings.session_dialog import SessionDialog

    return SessionDialog(services, _ids(services)["pairing"], parent)


def _review(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.pairings.review_dialog import ReviewDialog

    return ReviewDialog(services, _ids(services)["pairing"], parent)


def _end(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.pairings.end_dialog import EndDialog

    return EndDialog(services, _ids(services)["pairing"], parent)


def _matching(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.pairings.matching_dialog import MatchingDialog

    return MatchingDialog(services, parent)


def _supervision(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.pairings.supervision_dialog import SupervisionDialog

    return SupervisionDialog(services, _ids(services)["mentor"], parent)


def _group(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.groups.group_dialog import GroupDialog

    return GroupDialog(services, parent=parent)


def _register(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.groups.meeting_dialog import MeetingDialog

    return MeetingDialog(services, _ids(services)["group"], parent=parent)


def _consent(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog

    return RecordConsentDialog(services, _ids(services)["mentee"], parent)


def _concern(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.concerns.concern_dialog import ConcernDialog

    return ConcernDialog(services, parent)


def _claim(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.expenses.claim_dialog import ClaimDialog

    return ClaimDialog(services, parent, person_id=_ids(services)["mentor"])


def _training(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.training.session_dialog import TrainingSessionDialog

    return TrainingSessionDialog(services, parent)


def _score(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.outcomes.score_dialog import ScoreDialog

    return ScoreDialog(services, _ids(services)["mentee"], parent)


def _availability(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.people.availability_dialog import AvailabilityDialog

    return AvailabilityDialog(services, _ids(services)["mentor"], parent)


def _definitions(_services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.figures.definitions_dialog import DefinitionsDialog

    return DefinitionsDialog(parent=parent)


def _preview(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.printing.dialog import FormPreviewDialog

    return FormPreviewDialog(
        services, "pairing", _ids(services)["pairing"], "introduction-pack", parent
    )


def _backups(services: Services, parent: QWidget) -> QDialog:
    from peerdesk.ui.backups.backups_dialog import BackupsDialog

    settings = getattr(parent, "settings", None)
    return BackupsDialog(services, settings, parent)  # type: ignore[arg-type]


DIALOGS: list[tuple[str, Factory]] = [
    ("Add a person", _person),
    ("Edit details", _edit_person),
    ("New referral", _referral),
    ("Log a session", _session),
    ("Record a review", _review),
    ("End a pairing", _end),
    ("Find a mentor", _matching),
    ("Supervision", _supervision),
    ("New group", _group),
    ("Take the register", _register),
    ("Record consent", _consent),
    ("Raise a concern", _concern),
    ("New expense claim", _claim),
    ("Record a training session", _training),
    ("Wellbeing scores", _score),
    ("Availability", _availability),
    ("How was this counted?", _definitions),
    ("Form preview", _preview),
    ("Backups", _backups),
]
