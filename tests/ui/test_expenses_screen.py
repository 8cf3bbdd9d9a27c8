"""The Expenses screen by keyboard alone (issue 21 point 2): a claim for a demo mentor with a
mileage line and a parking line, approved, then marked paid; the screen's totals, the claim's
status and its history then say so. Amounts worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.expenses.screen import ExpensesScreen
from tests.ui.keys import choose, in_modal, press, save, tick, type_into


def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def cells(table: object, row: int) -> list[str]:
    model = table.table_model  # type: ignore[attr-defined]
    return [model.index(row, c).data() for c in range(model.columnCount())]


def unclaimed_volunteer(services: Services) -> tuple[int, str]:
    """A demo mentor or facilitator with no claims yet, whose first name no one else's
    starts with (a list is chosen from by typing; Space would open it instead)."""
    choices = services.expenses.volunteers()
    for choice in choices:
        first = choice.name.split()[0]
        clash = [c for c in choices if c is not choice and c.name.startswith(first)]
        # QTest cannot type letters such as ö (it aborts): a name typed in plain letters.
        unclaimed = not services.expenses.claims(person_id=choice.person_id)
        if first.isascii() and not clash and unclaimed:
            return choice.person_id, choice.name
    raise AssertionError("every demo volunteer has a claim")


def test_a_claim_is_entered_approved_and_paid_by_keyboard(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    services = demo_services
    person_id, name = unclaimed_volunteer(services)
    screen = ExpensesScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    choose(qtbot, screen.volunteer_filter, name.split()[0])
    assert screen.empty.isVisible()

    press(qtbot, screen.new_button)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.volunteer.currentData() == person_id
    type_into(qtbot, dialog.submitted, "10/06/2026")
    # A new line is mileage unless another kind is chosen.
    assert dialog.kind.currentText() == "Mileage"
    type_into(qtbot, dialog.line_date, "01/06/2026")
    type_into(qtbot, dialog.miles, "12.4")
    type_into(qtbot, dialog.description, "To Wick and back")
    press(qtbot, dialog.add_line_button)
    choose(qtbot, dialog.kind, "Parking")
    type_into(qtbot, dialog.line_date, "01/06/2026")
    type_into(qtbot, dialog.amount, "3.50")
    tick(qtbot, dialog.receipt)
    type_into(qtbot, dialog.description, "Hospital car park")
    press(qtbot, dialog.add_line_button)
    # No miles before it this tax year: 12.4 miles at 45p = 558p; parking 350p; total 908p.
    assert cells(dialog.table, 0)[5:] == ["£5.58", "12.4 miles at 45p"]
    assert cells(dialog.table, 1)[1:6] == ["Parking", "Hospital car park", "", "Yes", "£3.50"]
    assert dialog.total.text() == "Total: £9.08 (2 lines)"
    save(qtbot, dialog)

    [claim] = services.expenses.claims(person_id=person_id)
    assert screen.chosen_claim() == claim
    assert cells(screen.table, 0)[1:] == [name, "10/06/2026", "Submitted", "£9.08", "Not yet"]

    def approve(window: QDialog) -> None:
        type_into(qtbot, window.on, "12/06/2026")  # type: ignore[attr-defined]
        save(qtbot, window)

    in_modal(qtbot, lambda: press(qtbot, screen.approve_button), approve)
    assert cells(screen.table, 0)[3] == "Approved"

    def paid(window: QDialog) -> None:
        type_into(qtbot, window.on, "14/06/2026")  # type: ignore[attr-defined]
        choose(qtbot, window.how, "Cash")  # type: ignore[attr-defined]
        save(qtbot, window)

    in_modal(qtbot, lambda: press(qtbot, screen.paid_button), paid)

    assert services.expenses.claim(claim.id).status == "paid"
    assert cells(screen.table, 0)[3:] == ["Paid", "£9.08", "14/06/2026"]
    assert not screen.edit_button.isEnabled() and not screen.paid_button.isEnabled()
    assert cells(screen.months, 0) == ["June 2026", "£9.08", "£9.08"]
    assert cells(screen.volunteers, 0) == [name, "1", "£9.08", "£9.08", "£0.00", "12.4"]
    history = "\n".join(screen.history.lines())
    assert f"Paid expense claim {claim.id} on 14 June 2026 (Cash)" in history
    assert f"Approved expense claim {claim.id} on 12 June 2026" in history
    assert "Added an expense claim submitted on 10 June 2026" in history
