"""Putting right a referral from the person's page, from the keyboard (issue 20): "Edit
referral…" opens the referral dialog it was taken in, titled "Edit referral for NAME", with
what was saved and no person chooser; the focus is on the referral date, so typing a date
and pressing Enter saves it. The page shows the new date, the status stays, and the
person's History says what changed in words. A refused edit keeps the dialog open and
saves nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralDetails
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.widgets.words import day
from peerdesk.vocabulary import ReferralStatus
from tests.ui.keys import press
from tests.ui.person_tabs import open_tab
from tests.unit.test_referral_transitions import RECEIVED, referral_in

NEW_DATE = RECEIVED - timedelta(days=3)


def open_page(qtbot: QtBot, services: Services, tmp_path: Path, person_id: int) -> PersonPage:
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.show_person(person_id)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, "referral")
    return page


def open_editing(qtbot: QtBot, page: PersonPage) -> ReferralDialog:
    assert page.referral.edit_button.isVisible()
    press(qtbot, page.referral.edit_button)
    dialog = page.referral.active_dialog
    assert isinstance(dialog, ReferralDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_date_where_the_focus_is(qtbot: QtBot, dialog: ReferralDialog, text: str) -> None:
    """Type into whatever has the focus when the dialog opens (it should be the date)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is dialog.referral_date.editor
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused, text)


def test_edit_referral_saves_the_date_typed_and_the_history_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    referral = referral_in(services, ReferralStatus.ACCEPTED)
    services.referrals.update_details(
        referral.id, ReferralDetails(referral_date=RECEIVED, source="self", hopes="A walk")
    )
    page = open_page(qtbot, services, tmp_path, referral.person_id)
    dialog = open_editing(qtbot, page)
    assert dialog.windowTitle() == "Edit referral for Ruth"
    assert dialog.chooser is None and not dialog.boxes.get("About them")
    assert dialog.hopes.toPlainText() == "A walk"  # loaded from what was saved
    assert dialog.referral_date.day() == RECEIVED

    type_date_where_the_focus_is(qtbot, dialog, f"{NEW_DATE:%d/%m/%Y}")
    with qtbot.waitSignal(page.person_changed):
        qtbot.keyClick(dialog.referral_date.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = services.referrals.get(referral.id)
    assert (saved.referral_date, saved.status, saved.hopes) == (NEW_DATE, "accepted", "A walk")
    assert page.referral.fact("Referred on") == day(NEW_DATE)
    assert page.referral.fact("Status") == "Accepted \u2014 waiting for a mentor"
    newest = page.history.history.lines()[0]
    assert newest.startswith("Edited referral of Ruth"), newest
    assert f"Referral date changed from {day(RECEIVED)} to {day(NEW_DATE)}" in newest, newest


def test_a_refused_edit_says_why_and_saves_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    referral = referral_in(services, ReferralStatus.ASSESSED)  # first conversation next day
    page = open_page(qtbot, services, tmp_path, referral.person_id)
    dialog = open_editing(qtbot, page)
    later = RECEIVED + timedelta(days=5)
    type_date_where_the_focus_is(qtbot, dialog, f"{later:%d/%m/%Y}")
    qtbot.keyClick(dialog.referral_date.editor, Qt.Key.Key_Tab)
    press(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "cannot be after its first step" in dialog.problem_text("referral_date")
    assert services.referrals.get(referral.id).referral_date == RECEIVED
    dialog.reject()
