"""Supervision quick entry: the next supervision date it offers is the service's suggestion
(the organisation's limit, or six weeks if that is longer), and the mentor is named."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.ui.pairings.supervision_dialog import open_supervision_dialog
from peerdesk.vocabulary import PairingStatus
from tests.conftest import TODAY
from tests.unit.test_pairing_transitions import pairing_in


def test_the_dialog_offers_the_services_next_supervision_date(
    qtbot: QtBot, services: Services
) -> None:
    pairing = services.pairings.get(pairing_in(services, PairingStatus.ACTIVE))
    services.organisation.save(OrganisationDetails(name="Wick Peers", supervision_weeks=4))
    dialog = open_supervision_dialog(services, pairing.mentor_id)
    qtbot.addWidget(dialog)
    assert dialog.next_date.day() == TODAY + timedelta(weeks=4)
    assert pairing.mentor_name in dialog.windowTitle()
    assert [row.id for row in dialog.pairings_model.rows()] == [pairing.id]
