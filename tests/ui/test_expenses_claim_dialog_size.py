"""The claim dialog at the largest text size fits a 1366×768 laptop (its inputs scroll, its
buttons stay on screen), with a few lines entered; each of its access keys is its own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.expenses.views import LineInput
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui import theme
from peerdesk.ui.expenses.claim_dialog import ClaimDialog
from peerdesk.vocabulary import ExpenseKind, Role
from tests.ui.test_referral_dialogs import mnemonics


def test_the_claim_dialog_fits_a_laptop_at_the_largest_text_size(
    qtbot: QtBot, services: Services, largest: QSettings
) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    person = services.people.add(PersonDetails(first_name="Ewan"), roles=[Role.MENTOR])
    claim = services.expenses.add_claim(
        person.id or 0,
        submitted_on=date(2026, 6, 1),
        lines=[
            LineInput(date(2026, 5, d), ExpenseKind.MILEAGE, "To the group and back", 124)
            for d in range(1, 6)
        ],
    )
    dialog = ClaimDialog(services)
    dialog.edit(claim.id, claim, title="Edit claim")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.font().pointSize() == theme.TEXT_SIZES[-1][1]
    assert dialog.width() <= 1366 and dialog.height() <= 740, (dialog.width(), dialog.height())
    assert dialog.save_button.isVisible()


def test_every_access_key_in_the_claim_dialog_is_its_own(qtbot: QtBot, services: Services) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    dialog = ClaimDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys = mnemonics(dialog)
    assert {"v", "b", "n", "k", "d", "l", "g", "o"} <= set(keys)
    assert [key for key, count in keys.items() if count > 1] == []
