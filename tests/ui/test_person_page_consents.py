"""The person page follows the consents tab: a consent recorded or withdrawn there changes
the contact permissions shown at the top of the page straight away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog, WithdrawDialog
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.vocabulary import ConsentKind, ConsentMethod


def test_contact_permissions_follow_the_consents_tab(
    qtbot: Any, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = services.people.add(PersonDetails(first_name="Ailsa", last_name="Gunn"))
    assert person.id is not None
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_person(person.id)
    assert "None recorded yet" in page.details.fact("May be contacted by")

    def record_email(dialog: RecordConsentDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData(ConsentKind.CONTACT_EMAIL.value))
        dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.VERBAL.value))
        dialog.recorded_by.setText("Coordinator")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RecordConsentDialog, "exec", record_email)
    with qtbot.waitSignal(page.person_changed) as changed:
        page.consents.record_button.click()
    assert changed.args == [person.id]
    assert page.details.fact("May be contacted by") == "Email"

    def withdraw(dialog: WithdrawDialog) -> int:
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(WithdrawDialog, "exec", withdraw)
    page.consents.table.selectRow(0)
    assert page.consents.withdraw_button.isEnabled()
    with qtbot.waitSignal(page.consents.consents_changed):
        page.consents.withdraw_button.click()
    assert "None recorded yet" in page.details.fact("May be contacted by")
