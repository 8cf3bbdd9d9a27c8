"""Dialogs of the app opened over the seed-1 demo, for checks and pictures of every window: the
laptop-fit test (tests/ui/laptop_fit.py) and the screenshots' contact sheets.

Each entry is (name, factory); a factory builds the dialog (not shown) over the main window,
from the demo's records. Dialogs that only confirm a choice (message boxes) are left out."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QDialog, QWidget, QWizard

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


# -- the import assistant, on each of its pages ------------------------------------------------
#: A small file for the assistant: two people already recorded (likely duplicates), two rows
#: with problems, and new people. {0} and {1} are recorded people's first and last names.
_IMPORT_ROWS = [
    "First name,Last name,Date of birth,Email,Phone",
    "{0},{1},,{2},",
    "{3},{4},,{5},",
    ",Sutherland,01/01/1980,,",
    "Fiona,Reid,31/02/1985,,",
    *[f"Person{i},Family{i},0{i % 9 + 1}/0{i % 9 + 1}/1970,,01955 60{i:04}" for i in range(24)],
]


def _wait(done: Callable[[], bool], seconds: int = 60) -> None:
    """Let events run until `done()` (the assistant reads and checks in the background)."""
    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start(20)
    QTimer.singleShot(seconds * 1000, loop.quit)
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise RuntimeError("the import assistant did not finish its work")


def _assistant(services: Services, parent: QWidget, pages: int) -> QDialog:
    """The assistant over `parent` with the small file read, moved on `pages` pages (1: the
    columns, 2: the preview; 3: the summary, shown for the preview without importing)."""
    from peerdesk.ui.importing.assistant import ImportAssistant
    from peerdesk.ui.importing.menu import paths_for

    assistant = ImportAssistant(services, paths_for(services), parent)
    if not pages:
        return assistant
    known = [r for r in services.people.list_rows() if r.email][:2]
    names = [[*r.name.partition(" ")[::2], r.email] for r in known]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        rows = "\n".join(_IMPORT_ROWS).format(*names[0], *names[1])
        path.write_text(rows + "\n", encoding="utf-8")
        assistant.file_page.path.setText(str(path))
        assistant.show()  # a hidden wizard does not move on
        for number in range(1, min(pages, 2) + 1):
            assistant.next()
            _wait(lambda n=number: assistant.currentId() == n and not assistant.working)  # type: ignore[misc]
    if pages == 3:
        # The summary of what an import would do, with nothing written to the demo.
        assistant.outcome = assistant.preview
        assistant.next()
    assistant.hide()
    return assistant


def _working(assistant: QDialog, words: str = "Checking the rows…") -> QDialog:
    """The current page as it is while work runs: its strip shown part-way, its inputs and
    the wizard's buttons disabled. No work is started, so closing the window closes it."""
    page = assistant.currentPage() or assistant.page(assistant.startId())  # type: ignore[attr-defined]
    page.strip.start(words, "Checking row {done} of {total}…", cancellable=True)
    page.strip.show_counts(12_000, 50_000)
    page.body.setEnabled(False)
    choices = getattr(page, "choices_row", None)
    if choices is not None:
        choices.hide()
    wizard = QWizard.WizardButton
    for button in (wizard.BackButton, wizard.NextButton, wizard.CancelButton):
        assistant.button(button).setEnabled(False)  # type: ignore[attr-defined]
    return assistant


IMPORT_PAGES: list[tuple[str, Factory]] = [
    ("Import: the file", lambda s, p: _assistant(s, p, 0)),
    ("Import: reading the file", lambda s, p: _working(_assistant(s, p, 0), "Reading the file…")),
    ("Import: the columns", lambda s, p: _assistant(s, p, 1)),
    ("Import: checking the rows", lambda s, p: _working(_assistant(s, p, 1))),
    ("Import: the preview", lambda s, p: _assistant(s, p, 2)),
    ("Import: the preview, working", lambda s, p: _working(_assistant(s, p, 2))),
    ("Import: the summary", lambda s, p: _assistant(s, p, 3)),
]


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
    *IMPORT_PAGES,
]
