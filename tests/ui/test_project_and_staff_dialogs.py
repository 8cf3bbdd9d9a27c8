"""The project on a group and a pairing, and the staff tick on a person, by keyboard."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingPlan, ReferralDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.groups.group_dialog import GroupDialog
from peerdesk.ui.pairings.change_dialogs import ArrangementsDialog
from peerdesk.ui.pairings.matching_dialog import MatchingDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.vocabulary import Role
from tests.conftest import TODAY
from tests.ui.keys import choose, save, tick, type_into


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def _mnemonics(root: QWidget) -> Counter[str]:
    found: Counter[str] = Counter()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
        else:
            continue
        if match := re.search(r"&([^&\s])", text):
            found[match.group(1).lower()] += 1
    return found


def test_a_person_is_marked_staff_by_keyboard_and_unmarked_again(
    qtbot: QtBot, services: Services
) -> None:
    person_id = services.people.add(PersonDetails("Fay"), roles=[Role.FACILITATOR]).id
    dialog = PersonDialog(services, person_id)
    _shown(qtbot, dialog)
    assert not dialog.staff.isChecked()
    assert dialog.staff.text() == "&Staff member: their time is not counted as volunteer time"
    assert _mnemonics(dialog)["s"] == 1
    tick(qtbot, dialog.staff)
    save(qtbot, dialog)
    assert services.people.get(person_id).is_staff
    again = PersonDialog(services, person_id)
    _shown(qtbot, again)
    assert again.staff.isChecked()
    tick(qtbot, again.staff, False)
    save(qtbot, again)
    assert not services.people.get(person_id).is_staff


def test_a_new_group_is_given_a_project_by_keyboard(qtbot: QtBot, services: Services) -> None:
    hug = services.projects.add("HUG group").id
    dialog = GroupDialog(services)
    _shown(qtbot, dialog)
    assert dialog.project.isVisible()
    type_into(qtbot, dialog.name, "Tuesday HUG")
    choose(qtbot, dialog.project, "HUG")
    assert _mnemonics(dialog)["j"] == 1
    save(qtbot, dialog)
    [group] = services.groups.all()
    assert group.project_id == hug


def test_a_pairing_starts_with_its_referrals_project_and_can_be_moved(
    qtbot: QtBot, services: Services
) -> None:
    lottery = services.projects.add("Mentoring (Lottery)").id
    hug = services.projects.add("HUG group").id
    mentor = services.people.add(PersonDetails("Mo"), roles=[Role.MENTOR]).id
    mentee = services.people.add(PersonDetails("Isla")).id
    referral = services.referrals.start(mentee, ReferralDetails(TODAY, "self", project_id=lottery))
    services.referrals.accept(referral.id)
    finding = MatchingDialog(services, person_id=mentee)
    _shown(qtbot, finding)
    assert finding.project.currentText() == "Mentoring (Lottery)"
    assert _mnemonics(finding)["j"] == 1
    pairing = services.pairings.propose(PairingPlan(mentor, mentee))
    dialog = ArrangementsDialog(services, pairing.id)
    _shown(qtbot, dialog)
    assert dialog.project.currentText() == "Mentoring (Lottery)"
    choose(qtbot, dialog.project, "HUG")
    assert _mnemonics(dialog)["j"] == 1
    save(qtbot, dialog)
    assert services.pairings.get(pairing.id).project_id == hug
