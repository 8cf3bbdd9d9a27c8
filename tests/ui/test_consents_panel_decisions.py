"""The consents panel shows what the service decided: Withdraw only on a consent that can
still be withdrawn, and one click marks every waiting request to see records answered."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel

from peerdesk.services import Services
from peerdesk.ui.consents import ConsentsPanel
from peerdesk.vocabulary import ConsentKind
from tests.conftest import TODAY
from tests.unit.test_consent_rules import answer, person


def _select(panel: ConsentsPanel, consent_id: int) -> None:
    model = panel.table.model()
    for row in range(model.rowCount()):
        if panel._consents[row].id == consent_id:
            panel.table.selectionModel().select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"consent {consent_id} is not listed")


def test_withdraw_is_offered_only_where_the_service_allows_it(
    qtbot: Any, services: Services
) -> None:
    someone = person(services, "Ailsa")
    agreed = answer(services, someone, ConsentKind.CONFIDENTIALITY, date(2026, 1, 5))
    declined = answer(services, someone, ConsentKind.HEALTH_DATA, date(2026, 1, 6), agreed=False)
    panel = ConsentsPanel(services)
    qtbot.addWidget(panel)
    panel.show_person(someone)
    assert not panel.withdraw_button.isEnabled()
    _select(panel, agreed)
    assert panel.withdraw_button.isEnabled()
    _select(panel, declined)
    assert not panel.withdraw_button.isEnabled()


def test_one_click_answers_every_waiting_request(qtbot: Any, services: Services) -> None:
    someone = person(services, "Bea")
    services.subject_access.record_request(someone, date(2026, 5, 1))
    services.subject_access.record_request(someone, date(2026, 6, 1))
    panel = ConsentsPanel(services)
    qtbot.addWidget(panel)
    panel.show_person(someone)
    assert not panel.answered_button.isHidden()
    assert panel.notice.text().count("They asked to see their records") == 2
    with qtbot.waitSignal(panel.consents_changed):
        panel.answered_button.click()
    assert [r.answered_on for r in services.subject_access.requests_for(someone)] == [TODAY] * 2
    assert panel.answered_button.isHidden()
