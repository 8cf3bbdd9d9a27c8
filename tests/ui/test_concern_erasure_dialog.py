"""The erasure dialog says in plain words what a concern keeps, why and until when; with no
concern within its retention period it says nothing more."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernInput
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.consents.rights_dialogs import EraseDialog
from peerdesk.vocabulary import Role


def _note(dialog: EraseDialog) -> str:
    (label,) = [
        w
        for w in dialog.findChildren(type(dialog.what_goes))
        if w.accessibleName() == ("What is kept, and until when")
    ]
    return label.text() if label.isVisible() else ""


def test_the_erasure_dialog_says_what_a_concern_keeps(qtbot: QtBot, services: Services) -> None:
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    before = EraseDialog(services, person.id)
    qtbot.addWidget(before)
    before.show()
    assert _note(before) == ""
    concern = services.concerns.raise_concern(
        ConcernInput(raised_on=date(2026, 3, 3), what="Worried", about_person_id=person.id)
    )
    services.concerns.close(concern.id, on=date(2026, 3, 3), outcome="Resolved")
    dialog = EraseDialog(services, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _note(dialog) == (
        "Kept for now:\n\nA concern raised about them on 3 March 2026 is a safeguarding record: "
        "their name stays in it until 3 March 2032, six years after it was closed, and is then "
        "replaced with 'Erased person'."
    )
    # The list of what goes does not also say the kept concern's notes are cleared.
    goes = dialog.what_goes.text()
    assert "Concerns: the written notes" not in goes
    assert "Concerns: only those past their keeping period (the others: below)" in goes
