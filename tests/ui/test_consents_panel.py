"""The consents tab: record through the dialog, withdraw, and the pairing gate warns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.consents import ConsentsPanel
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog, WithdrawDialog
from peerdesk.ui.consents.rights_dialogs import EraseDialog
from peerdesk.ui.pairings.change_dialogs import StatusChangeDialog
from peerdesk.vocabulary import ConsentKind, Role


@pytest.fixture
def pair(services: Services) -> tuple[int, int, int]:
    mentor = services.people.add(
        PersonDetails(first_name="Mo", last_name="Mentor"), roles=[Role.MENTOR]
    )
    mentee = services.people.add(
        PersonDetails(first_name="Mia", last_name="Mentee"), roles=[Role.MENTEE]
    )
    assert mentor.id is not None and mentee.id is not None
    pairing = services.pairings.propose(PairingPlan(mentor_id=mentor.id, mentee_id=mentee.id))
    assert pairing.id is not None
    return mentor.id, mentee.id, pairing.id


def record_confidentiality(qtbot: Any, services: Services, person_id: int, parent: Any) -> None:
    dialog = RecordConsentDialog(services, person_id, parent, kind=ConsentKind.CONFIDENTIALITY)
    qtbot.addWidget(dialog)
    assert dialog.wording.toPlainText().startswith("Version 1: I will keep")
    qtbot.keyClicks(dialog.recorded_by, "Coordinator")
    assert dialog.evidence.isEnabled()  # a signed paper form is the usual way
    qtbot.keyClicks(dialog.evidence, f"F{person_id:03d}-CON")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None


def try_activation(
    qtbot: Any, services: Services, pairing_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], StatusChangeDialog | None]:
    """Ask the pairing page to activate, answering No to the gate's question if it asks.

    Returns what the question said and the date dialog opened (None when nothing goes ahead).
    """
    from peerdesk.ui.pairings.pairing_page import PairingPage

    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = PairingPage(services, settings)
    qtbot.addWidget(page)
    page.show_pairing(pairing_id)
    return asked, page.activate()


def test_record_withdraw_and_the_gate_warns_on_activation(
    qtbot: Any,
    services: Services,
    pair: tuple[int, int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    mentor, mentee, pairing = pair
    panel = ConsentsPanel(services)
    qtbot.addWidget(panel)
    panel.show_person(mentee)
    assert panel.empty.isVisibleTo(panel) and not panel.table.isVisibleTo(panel)

    record_confidentiality(qtbot, services, mentor, panel)
    record_confidentiality(qtbot, services, mentee, panel)
    panel.show_person(mentee)
    model = panel.table.table_model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Confidentiality agreement"
    assert model.index(0, 1).data() == "Agreed"
    assert model.index(0, 4).data() == "Version 1"
    asked, dialog = try_activation(qtbot, services, pairing, tmp_path, monkeypatch)
    assert asked == [] and isinstance(dialog, StatusChangeDialog)  # no question: the date next
    dialog.reject()
    assert services.pairings.get(pairing).status == "proposed"

    # Withdraw: select the consent, one click on Withdraw, one on the dialog's Withdraw.
    def one_click(dialog: WithdrawDialog) -> int:
        dialog.withdraw_button.click()
        return dialog.result()

    monkeypatch.setattr(WithdrawDialog, "exec", one_click)
    with qtbot.waitSignal(panel.consents_changed):
        panel.table.selectRow(0)
        assert panel.withdraw_button.isEnabled()
        qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert model.index(0, 1).data() == "Withdrawn 15 June 2026 (verbal)"
    assert not panel.withdraw_button.isEnabled()

    (warning,), dialog = try_activation(qtbot, services, pairing, tmp_path, monkeypatch)
    assert "Mia Mentee" in warning and "confidentiality agreement" in warning
    # Answered No: no date is asked for, and the pairing is not active.
    assert dialog is None
    assert services.pairings.get(pairing).status == "proposed"
    panel.grab().save(str(tmp_path / "consents-panel.png"))


def test_a_sharing_consent_needs_the_organisation(
    qtbot: Any, services: Services, pair: tuple[int, int, int]
) -> None:
    _mentor, mentee, _pairing = pair
    dialog = RecordConsentDialog(services, mentee, kind=ConsentKind.SHARING)
    qtbot.addWidget(dialog)
    assert dialog.third_party.isEnabled()
    qtbot.keyClicks(dialog.recorded_by, "Coordinator")
    dialog.method.setCurrentIndex(dialog.method.findData("verbal"))
    assert not dialog.evidence.isEnabled()
    dialog.accept()
    assert dialog.saved is None
    assert services.consents.for_person(mentee) == []
    qtbot.keyClicks(dialog.third_party, "Riverside Medical Practice")
    dialog.accept()
    assert dialog.saved is not None
    assert services.gates.for_sharing(mentee, "Riverside Medical Practice") == []


def test_erase_needs_the_word_and_names_what_will_go(
    qtbot: Any, services: Services, pair: tuple[int, int, int]
) -> None:
    _mentor, mentee, _pairing = pair
    record_confidentiality(qtbot, services, mentee, None)
    dialog = EraseDialog(services, mentee)
    qtbot.addWidget(dialog)
    assert "Mia Mentee" in dialog.what_goes.text()
    assert "Consents: 1 deleted" in dialog.what_goes.text()
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, "erase")
    assert dialog.erase_button.isEnabled()
    dialog.accept()
    assert dialog.report is not None and dialog.report.backup is not None
    assert services.people.get(mentee).display_name == "Erased person"


def test_erasing_from_the_person_page_shows_the_anonymised_record(
    qtbot: Any,
    services: Services,
    pair: tuple[int, int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from peerdesk.ui.people.person_page import PersonPage

    _mentor, mentee, _pairing = pair
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = PersonPage(services, settings)
    qtbot.addWidget(page)
    page.show_person(mentee)
    assert "Mia Mentee" in page.heading.text()

    def confirm(dialog: EraseDialog) -> int:
        qtbot.keyClicks(dialog.confirm, "erase")
        dialog.erase_button.click()
        return dialog.result()

    monkeypatch.setattr(EraseDialog, "exec", confirm)
    with qtbot.waitSignal(page.consents.person_erased):
        page.consents.erase_button.click()
    assert "Erased person" in page.heading.text()
    page.resize(900, 700)
    page.grab().save(str(tmp_path / "person-page-erased.png"))
