"""The Expenses screen by keyboard alone (issue 21 point 2): a claim for a demo mentor with a
mileage line and a parking line, approved, then marked paid; the screen's totals, the claim's
status and its history then say so. Amounts worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.expenses.views import LineInput
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.expenses.screen import ExpensesScreen
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.vocabulary import ExpenseKind, Role
from tests.ui.keys import choose, focus, in_modal, press, save, tick, type_into


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
    # The reporting year 2026 (from 1 April 2026) holds the day the claim is paid.
    paid_before = services.figures.count(services.figures.year(2026)).expenses_paid_pence
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
    # Enter in a line's input adds the line (it does not save the claim yet).
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.description.text() == ""
    # No miles before it this tax year: 12.4 miles at 45p = 558p; parking 350p; total 908p.
    assert cells(dialog.table, 0)[5:] == ["£5.58", "12.4 miles at 45p"]
    assert cells(dialog.table, 1)[1:6] == ["Parking", "Hospital car park", "", "Yes", "£3.50"]
    assert dialog.total.text() == "Total: £9.08 (2 lines)"
    save(qtbot, dialog)

    [claim] = services.expenses.claims(person_id=person_id)
    assert screen.chosen_claim() == claim
    assert cells(screen.table, 0)[1:] == [name, "10 Jun 2026", "Submitted", "£9.08", "Not yet"]

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
    assert cells(screen.table, 0)[3:] == ["Paid", "£9.08", "14 Jun 2026"]
    assert not screen.edit_button.isEnabled() and not screen.paid_button.isEnabled()
    # A paid claim's lines stay in view, as they were paid.
    assert cells(screen.lines, 0)[5:] == ["£5.58", "12.4 miles at 45p"]
    assert cells(screen.months, 0) == ["June 2026", "£9.08", "£9.08"]
    assert cells(screen.volunteers, 0) == [name, "1", "£9.08", "£9.08", "£0.00", "12.4"]
    history = "\n".join(screen.history.lines())
    assert f"Paid expense claim {claim.id} on 14 June 2026 (Cash)" in history
    assert f"Approved expense claim {claim.id} on 12 June 2026" in history
    assert "Added an expense claim submitted on 10 June 2026" in history
    # The funders' figures count the claim in the money paid this year, by its paid date.
    paid_now = services.figures.count(services.figures.year(2026)).expenses_paid_pence
    assert paid_now == paid_before + 908
    # The volunteer's own page lists the claim, paid, with what they have been paid.
    page = PersonPage(services, settings(tmp_path))
    qtbot.addWidget(page)
    page.show_person(person_id)
    assert not page.claims.isHidden()
    assert cells(page.claims.table, 0) == ["10 Jun 2026", "Paid", "£9.08", "14 Jun 2026", ""]
    assert page.claims.totals.text() == "Paid £9.08; waiting to be paid £0.00."


def test_a_claim_is_corrected_then_removed_with_a_reason_by_keyboard(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    person = services.people.add(
        PersonDetails(first_name="Ewan", last_name="Facilitator"), roles=[Role.FACILITATOR]
    )
    claim = services.expenses.add_claim(
        person.id or 0,
        submitted_on=date(2026, 6, 1),
        lines=[
            LineInput(date(2026, 5, 30), ExpenseKind.MILEAGE, "To the group", miles_tenths=100),
            LineInput(date(2026, 5, 30), ExpenseKind.FARES, "Bus", amount_pence=280),
        ],
    )
    screen = ExpensesScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    # Space chooses the row the keyboard is on (the first, on coming into the table).
    focus(qtbot, screen.table)
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    assert screen.chosen_claim() == claim
    press(qtbot, screen.edit_button)
    dialog = screen.dialog
    assert dialog is not None and dialog.windowTitle() == f"Edit claim {claim.id}"
    # Choose the mileage line in the table, type the right miles over it, change it.
    focus(qtbot, dialog.table)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.miles.text() == "10"
    type_into(qtbot, dialog.miles, "16.5")
    press(qtbot, dialog.change_line_button)
    # Then the fares line goes.
    focus(qtbot, dialog.table)
    qtbot.keyClick(dialog.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert dialog.amount.text() == "2.80"
    press(qtbot, dialog.remove_line_button)
    # 16.5 miles at 45p = 742.5p, paid 743p (half a penny up).
    assert dialog.total.text() == "Total: £7.43 (1 line)"
    save(qtbot, dialog)
    [line] = services.expenses.claim(claim.id).lines
    assert (line.id, line.miles_tenths, line.amount_pence) == (claim.lines[0].id, 165, 743)
    assert cells(screen.table, 0)[4] == "£7.43"

    def remove(window: QDialog) -> None:
        type_into(qtbot, window.reason, "Claimed twice")  # type: ignore[attr-defined]
        save(qtbot, window)

    in_modal(qtbot, lambda: press(qtbot, screen.corrections.remove_button), remove)
    assert services.expenses.claims() == []
    assert screen.empty.isVisible()
    assert services.history.latest(1)[0].reason == "Claimed twice"


def test_the_status_filter_and_the_claim_form_by_keyboard(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    services = demo_services
    screen = ExpensesScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    everything = screen.table.table_model.rowCount()
    choose(qtbot, screen.status_filter, "Submitted")
    submitted = services.expenses.claims(status="submitted")
    shown = [cells(screen.table, row) for row in range(screen.table.table_model.rowCount())]
    assert 0 < len(shown) == len(submitted) < everything
    assert {row[3] for row in shown} == {"Submitted"}
    # Only a paid claim's own money is in the totals shown: none of these is paid.
    months = screen.months.table_model.rowCount()
    assert {cells(screen.months, r)[2] for r in range(months)} == {"£0.00"}
    focus(qtbot, screen.table)
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    assert screen.approve_button.isEnabled() and not screen.paid_button.isEnabled()
    press(qtbot, screen.print_button)
    preview = screen.preview
    assert preview is not None
    # The expenses form, filled in for the claim, is rendered in the background and shown.
    qtbot.waitUntil(lambda: preview.preview.page_count >= 1, timeout=20000)
    assert preview.preview.pdf_path is not None
    preview.close()
    # File ▸ Print does what the button does, for the chosen claim.
    assert screen.print_record()
    again = screen.preview
    assert again is not None and again is not preview
    qtbot.waitUntil(lambda: again.preview.page_count >= 1, timeout=20000)
    again.close()
