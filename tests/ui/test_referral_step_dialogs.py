"""The small dialogs of a referral's steps (first conversation, accept, not taken forward,
close, reopen), driven as a coordinator would; each save checked through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralAction
from peerdesk.ui.referrals.step_dialogs import ReferralStepDialog
from tests.conftest import TODAY
from tests.ui.test_referral_dialogs import (
    RECEIVED,
    TABLES,
    mnemonics,
    person,
    press_on_focus,
    referral,
    save,
    shown,
    type_here,
)
from tests.unit.test_pairings_builders import table_snapshot


# -- each step's small dialog ------------------------------------------------------------------
def step(qtbot: QtBot, services: Services, action: ReferralAction) -> ReferralStepDialog:
    person_id = person(services)
    view = referral(services, person_id)
    if action is ReferralAction.REOPEN:
        view = services.referrals.close(view.id, "Moved away", on=RECEIVED)
    dialog = ReferralStepDialog(services, view, action)
    shown(qtbot, dialog)
    return dialog


def test_first_conversation_keeps_the_date_and_notes(qtbot: QtBot, services: Services) -> None:
    dialog = step(qtbot, services, ReferralAction.ASSESS)
    assert QApplication.focusWidget() is dialog.on.editor
    assert not dialog.reason.isVisible() and not dialog.back_to.isVisible()
    dialog.on.editor.selectAll()
    type_here(qtbot, "yesterday")
    dialog.notes.setFocus()
    type_here(qtbot, "Would like someone nearby")
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.get(dialog.referral.id)
    assert (saved.status, saved.assessed_on, saved.assessment_notes) == (
        "assessed",
        TODAY - timedelta(days=1),
        "Would like someone nearby",
    )


def test_accepting_needs_only_the_date(qtbot: QtBot, services: Services) -> None:
    dialog = step(qtbot, services, ReferralAction.ACCEPT)
    assert not dialog.notes.isVisible() and not dialog.reason.isVisible()
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem.text()
    assert services.referrals.get(dialog.referral.id).decided_on == TODAY


def test_not_taken_forward_without_a_reason_is_refused_under_the_reason(
    qtbot: QtBot, services: Services
) -> None:
    dialog = step(qtbot, services, ReferralAction.NOT_TAKEN_FORWARD)
    before = table_snapshot(services, *TABLES)
    assert dialog.signposted_to.isVisible()
    save(qtbot, dialog)
    assert dialog.isVisible() and "why the referral was not taken forward" in (
        dialog.problem_text("reason")
    )
    assert QApplication.focusWidget() is dialog.reason  # straight to what needs fixing
    assert table_snapshot(services, *TABLES) == before
    type_here(qtbot, "Wants a group instead")
    dialog.signposted_to.setFocus()
    type_here(qtbot, "Tuesday carers' group")
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.get(dialog.referral.id)
    assert (saved.status, saved.not_taken_forward_reason, saved.signposted_to) == (
        "not_taken_forward",
        "Wants a group instead",
        "Tuesday carers' group",
    )


def test_closing_needs_a_reason_and_a_date_after_the_referral(
    qtbot: QtBot, services: Services
) -> None:
    dialog = step(qtbot, services, ReferralAction.CLOSE)
    before = table_snapshot(services, *TABLES)
    dialog.reason.setFocus()
    type_here(qtbot, "Moved out of the area")
    dialog.on.set_value(RECEIVED - timedelta(days=1))
    save(qtbot, dialog)
    assert dialog.isVisible() and "before the referral was received" in dialog.problem_text("on")
    assert table_snapshot(services, *TABLES) == before
    dialog.on.set_value(TODAY)
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.get(dialog.referral.id)
    assert (saved.status, saved.close_reason) == ("closed", "Moved out of the area")


def test_reopening_chooses_where_it_goes_back_to(qtbot: QtBot, services: Services) -> None:
    dialog = step(qtbot, services, ReferralAction.REOPEN)
    assert QApplication.focusWidget() is dialog.back_to
    assert [dialog.back_to.itemText(i) for i in range(dialog.back_to.count())] == [
        "Accepted \u2014 waiting for a mentor",
        "First conversation held",
    ]
    type_here(qtbot, "First")
    assert dialog.back_to.currentData() == "assessed"
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem_text("reason")
    dialog.reason.setFocus()
    type_here(qtbot, "Got back in touch")
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.get(dialog.referral.id)
    assert (saved.status, saved.reopen_reason) == ("assessed", "Got back in touch")


def test_a_step_no_longer_possible_is_refused_at_the_top(qtbot: QtBot, services: Services) -> None:
    """The page offered Accept, but the referral was accepted elsewhere meanwhile."""
    dialog = step(qtbot, services, ReferralAction.ACCEPT)
    services.referrals.accept(dialog.referral.id, on=TODAY)
    before = table_snapshot(services, *TABLES)
    save(qtbot, dialog)
    assert dialog.isVisible() and "already been accepted" in dialog.problem_text()
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize("action", list(ReferralAction))
def test_each_step_dialog_s_letters_are_unique(
    qtbot: QtBot, services: Services, action: ReferralAction
) -> None:
    dialog = step(qtbot, services, action)
    assert {letter: n for letter, n in mnemonics(dialog).items() if n > 1} == {}
