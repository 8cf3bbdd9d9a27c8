"""The References section of a volunteer's page: each referee, how they know the volunteer,
their contact, when the reference was asked for and received, and whether it was
satisfactory; add, edit and remove (with a reason), and print the request letter for the
chosen reference. What is still missing (when Settings asks for references) is said under
the table, in the words readiness uses."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.people.views import PersonView
from peerdesk.services.volunteers.views import ReferenceView
from peerdesk.ui.operation import run_operation
from peerdesk.ui.people.volunteer_dialogs import VolunteerDialog
from peerdesk.ui.people.volunteer_sections import _VolunteerSection
from peerdesk.ui.printing.dialog import FormPreviewDialog
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, chosen_record
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.words import table_day

#: The satisfactory choice's words and values (None: not read yet).
SATISFACTORY = (
    ("Not read yet", None),
    ("Yes, satisfactory", True),
    ("No, not satisfactory", False),
)


def satisfactory_words(view: ReferenceView) -> str:
    if view.received_on is None:
        return "Not received"
    return {None: "Not read yet", True: "Yes", False: "No"}[view.satisfactory]


class ReferenceDialog(VolunteerDialog):
    title = "Add a reference"
    explanation = (
        "Someone who knows the volunteer well, not a relative. Say whether the reference was "
        "satisfactory once it has arrived and been read."
    )
    edit_title = "Edit reference"

    def build(self) -> None:
        self.referee = QLineEdit()
        self.relationship = QLineEdit()
        self.relationship.setPlaceholderText("Former manager, tutor, friend of five years")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("Email, phone or address")
        self.requested = self.date_box(optional=True)
        self.received = self.date_box(optional=True)
        self.satisfactory = QComboBox()
        for words, value in SATISFACTORY:
            self.satisfactory.addItem(words, value)
        self.rows.add("&Referee's name", self.referee, field="referee_name")
        self.rows.add("How they &know them", self.relationship, field="relationship")
        self.rows.add("&Contact", self.contact, field="contact")
        self.rows.add("&Asked for on", self.requested, field="requested_on")
        self.rows.add("Recei&ved on", self.received, field="received_on")
        self.rows.add("&Was it satisfactory?", self.satisfactory, field="satisfactory")

    def load(self, view: ReferenceView) -> None:
        self.referee.setText(view.referee_name)
        self.relationship.setText(view.relationship)
        self.contact.setText(view.contact)
        self.requested.set_value(view.requested_on)
        self.received.set_value(view.received_on)
        self.satisfactory.setCurrentIndex(
            [value for _words, value in SATISFACTORY].index(view.satisfactory)
        )

    def _values(self) -> dict[str, Any]:
        return {
            "referee_name": self.referee.text(),
            "relationship": self.relationship.text(),
            "contact": self.contact.text(),
            "requested_on": self.requested.value(),
            "received_on": self.received.value(),
            "satisfactory": self.satisfactory.currentData(),
        }

    def add_record(self) -> None:
        self.services.references.add(self.person_id, **self._values())

    def update_record(self, record_id: int) -> None:
        self.services.references.update(record_id, **self._values())


class ReferenceRequestPreview(FormPreviewDialog):
    """The reference request letter for one reference, previewed to print or save. Large
    print starts off: the letter goes to the referee, not to the volunteer."""

    def __init__(
        self, services: Services, reference: ReferenceView, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, "person", reference.person_id, "reference-request", parent)
        self.reference_id = reference.id
        self.large_print.blockSignals(True)
        self.large_print.setChecked(False)
        self.large_print.blockSignals(False)

    def render_form(self) -> None:
        self._generation += 1
        generation = self._generation
        large = self.large_print.isChecked()
        self.preview.show_message("Preparing the letter…")
        services, reference_id = self.services, self.reference_id

        def work() -> bytes:
            return services.references.request_letter(reference_id, large_print=large)

        def done(pdf: bytes) -> None:
            if generation == self._generation and not self._closed:
                suffix = "-large-print" if large else ""
                self.preview.show_pdf(pdf, f"reference-request-{reference_id}{suffix}.pdf")
                self.rendered.emit()

        def failed(message: str) -> None:
            if generation == self._generation and not self._closed:
                self.preview.show_message(message)

        run_operation(work, done, failed)


class ReferencesSection(_VolunteerSection):
    def __init__(self, services: Services) -> None:
        super().__init__("References", services)
        self.empty = EmptyState()
        self.table = RecordTable(
            ("Referee", "Contact", "Asked for", "Received", "Satisfactory"), "References"
        )
        self._records: dict[int, ReferenceView] = {}
        self.corrections = CorrectionsBar(
            self.table,
            lambda i: self._edit(ReferenceDialog, i, self._records[i]),
            lambda i: self._remove(
                f"the reference from {self._records[i].referee_name}",
                lambda why: self.services.references.remove(i, why),
            ),
            what="reference",
        )
        self.column.insertWidget(1, self.empty)
        self.column.insertWidget(2, self.table)
        self.add_button = self.add_action(
            "&Add a reference…", lambda: self._record(ReferenceDialog)
        )
        self.print_button = self.add_action("Print a reference re&quest…", self.print_request)
        # Edit…, Remove… and the actions on one row under the table, wrapping at large text
        # sizes rather than widening the page.
        self.action_bar_holder.hide()
        holder = QWidget(self)
        buttons = FlowLayout(holder)
        for widget in (self.corrections, self.add_button, self.print_button):
            buttons.addWidget(widget)
        self.column.insertWidget(3, holder)
        self.print_button.setAccessibleName("Print a reference request for the chosen reference")
        self.preview: ReferenceRequestPreview | None = None

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        records = self.services.references.references(person.id)
        self._records = {r.id: r for r in records}
        rows = []
        for r in records:
            referee = f"{r.referee_name} ({r.relationship})" if r.relationship else r.referee_name
            rows.append(
                (
                    r.id,
                    (
                        referee,
                        r.contact,
                        table_day(r.requested_on, "Not yet"),
                        table_day(r.received_on, "Not yet"),
                        satisfactory_words(r),
                    ),
                )
            )
        self.table.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.corrections.setVisible(bool(rows))
        self.print_button.setVisible(bool(rows))
        gaps = self.services.references.gaps(person.id)
        self.set_facts([("Still needed", "; ".join(gaps))] if gaps else [])
        self.empty.say("No references recorded yet.")
        self.empty.setVisible(not rows)

    def print_request(self) -> None:
        """The request letter for the chosen reference (the only one, if there is one)."""
        chosen = chosen_record(self.table)
        if chosen is None and len(self._records) == 1:
            chosen = next(iter(self._records))
        if chosen is None:
            self.empty.say("Choose a reference in the table first, then print its request.")
            self.empty.setVisible(True)
            return
        self.preview = ReferenceRequestPreview(self.services, self._records[chosen], self)
        self.preview.show()
        self.preview.render_form()
