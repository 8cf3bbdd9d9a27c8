"""A claim: the volunteer, when it was submitted, and its lines, entered by keyboard alone.

The lines table shows each line with its worked-out amount ("12.4 miles at 45p", or the split
past the tax year's threshold) and the claim's total, as saving now would store them
(`services.expenses.preview`, which writes nothing). A line is typed into the inputs under
the table and added with "Add line"; choosing a line in the table puts it back into the
inputs, to change or remove it. Save writes the claim and all its lines in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.expenses.views import ClaimView, LineInput, LineView, miles, pounds
from peerdesk.ui.expenses.amounts import miles_text, money, pence, tenths
from peerdesk.ui.widgets import DateBox, RecordTable
from peerdesk.ui.widgets.corrections import chosen_record
from peerdesk.ui.widgets.form_rows import select_data, vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import table_day
from peerdesk.vocabulary import ExpenseKind

HEADINGS = ("Date", "Kind", "Description", "Miles", "Receipt", "Amount", "Worked out")


class ClaimDialog(RecordDialog):
    claim_saved = Signal(int)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, person_id: int | None = None
    ) -> None:
        super().__init__(
            services,
            parent,
            title="New expense claim",
            intro="Enter each journey or cost on its own line: type it in below the table "
            "and choose Add line. Mileage is worked out at the rates in Settings.",
        )
        self.lines: list[LineInput] = []
        # Everything but the buttons scrolls: at the largest text size a claim of a few
        # lines is taller than a laptop screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own: it has no name and shows no focus (the inputs inside it do).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        self.column = QVBoxLayout(content)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)
        self.fields = self.add_form(self.column)
        self.volunteer = QComboBox()
        self.volunteer.addItem("Choose a volunteer", None)
        for choice in services.expenses.volunteers():
            self.volunteer.addItem(choice.name, choice.person_id)
        if person_id is not None:
            select_data(self.volunteer, person_id)
        self.fields.add("&Volunteer", self.volunteer, field="person")
        today = services.today()
        self.submitted = self.fields.add(
            "Su&bmitted on", DateBox(today, today=services.today), field="submitted_on"
        )
        self.project = QComboBox()
        self.project.addItem("No project", None)
        for project_id, name in services.expenses.projects():
            self.project.addItem(name, project_id)
        if self.project.count() > 1:
            self.fields.add("Pro&ject", self.project, field="project")
        self.notes = self.fields.add("&Notes", QLineEdit(), field="notes")
        self.table = RecordTable(HEADINGS, "Claim lines")
        # The description takes the width the other columns leave (cut with "…", whole when
        # pointed at) rather than push the table sideways on a small screen.
        self.table.horizontalHeader().setSectionResizeMode(
            HEADINGS.index("Description"), QHeaderView.ResizeMode.Stretch
        )
        self.column.addWidget(self.table)
        self.total = QLabel()
        self.column.addWidget(self.total)
        self._build_line_inputs()
        self.volunteer.currentIndexChanged.connect(self._show_lines)
        self.table.selectionModel().selectionChanged.connect(self._on_line_chosen)
        self.table.table_model.modelReset.connect(self._on_line_chosen)
        self._show_lines()
        self._fit(scroll, content)

    def _fit(self, scroll: QScrollArea, content: QWidget) -> None:
        """Open as tall as the claim needs, never taller than the screen leaves room for."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 80 if screen is not None else 700
        outside = self.sizeHint().height() - scroll.sizeHint().height()
        wanted = outside + content.sizeHint().height()
        # As wide as every column of the lines table (at the largest text its headings are
        # wider than the inputs: an empty table showed only its headings, "Amount" cut, over
        # a sideways scroll bar), within the screen; 40 for the scroll bar and margins.
        width = max(self.sizeHint().width(), content.sizeHint().width(), self._table_width())
        widest = screen.availableGeometry().width() - 40 if screen is not None else width + 40
        self.resize(min(width + 40, widest), min(wanted, room))

    def _table_width(self) -> int:
        """The width the lines table needs to show every column whole, with the margins
        around it in the dialog."""
        table, header = self.table, self.table.horizontalHeader()
        columns = sum(
            max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
            for column in range(header.count())
        )
        # The margins of the lines' column, the dialog's body and its outer layout.
        layouts = [self.column, self.body, self.layout()]
        margins = sum(
            layout.contentsMargins().left() + layout.contentsMargins().right()
            for layout in dict.fromkeys(layouts)
            if layout is not None
        )
        return columns + 2 * table.frameWidth() + margins

    def _build_line_inputs(self) -> None:
        self.line_rows = self.add_form(self.column)
        self.kind = self.line_rows.add("&Kind", vocabulary_combo(ExpenseKind), field="kind")
        self.line_date = self.line_rows.add(
            "&Date", DateBox(self.services.today(), today=self.services.today), field="line_date"
        )
        self.miles = self.line_rows.add(
            "&Miles", QLineEdit(), field="miles", help_text="For mileage: such as 12.4"
        )
        self.amount = self.line_rows.add(
            "&Amount £", QLineEdit(), field="amount", help_text="For fares, parking and other"
        )
        self.receipt = self.line_rows.add("&Receipt", QCheckBox("Receipt kept"))
        self.description = self.line_rows.add("D&escription", QLineEdit(), field="description")
        buttons = QHBoxLayout()
        self.add_line_button = QPushButton("Add &line")
        self.change_line_button = QPushButton("Chan&ge line")
        self.remove_line_button = QPushButton("Rem&ove line")
        for button in (self.add_line_button, self.change_line_button, self.remove_line_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.column.addLayout(buttons)
        self.add_line_button.clicked.connect(self.add_line)
        self.change_line_button.clicked.connect(self.change_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a line's inputs adds the line (as Add line does), not the whole claim:
        a coordinator typing a receipt's amount means "this line is done"."""
        line_inputs = (self.miles, self.amount, self.description)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if enter and plain and QApplication.focusWidget() in line_inputs:
            self.add_line()
            return
        super().keyPressEvent(event)

    # -- the lines -----------------------------------------------------------------------
    def typed_line(self, line_id: int | None = None) -> LineInput:
        """The line in the inputs, read (a problem is shown under the input it is about)."""
        kind = ExpenseKind(self.kind.currentData())
        mileage = kind is ExpenseKind.MILEAGE
        return LineInput(
            line_date=self.line_date.day(),
            kind=kind,
            description=self.description.text(),
            miles_tenths=tenths(self.miles.text()) if mileage else 0,
            amount_pence=0 if mileage else pence(self.amount.text()),
            has_receipt=self.receipt.isChecked(),
            line_id=line_id,
        )

    def add_line(self) -> bool:
        line = self._read_line(None)
        if line is None:
            return False
        self.lines.append(line)
        self._show_lines()
        self._clear_line_inputs()
        return True

    def change_line(self) -> bool:
        index = self._chosen_index()
        if index is None:
            self.problem.show_error("Choose a line in the table to change.")
            return False
        line = self._read_line(self.lines[index].line_id)
        if line is None:
            return False
        self.lines[index] = line
        self._show_lines()
        return True

    def remove_line(self) -> bool:
        index = self._chosen_index()
        if index is None:
            self.problem.show_error("Choose a line in the table to remove.")
            return False
        del self.lines[index]
        self._show_lines()
        self.table.setFocus()
        return True

    def _read_line(self, line_id: int | None) -> LineInput | None:
        self.clear_problems()
        try:
            return self.typed_line(line_id)
        except ValidationError as error:
            self.show_problem(error)
            return None

    def _chosen_index(self) -> int | None:
        row = chosen_record(self.table)
        return None if row is None or row >= len(self.lines) else row

    def _clear_line_inputs(self) -> None:
        self.miles.clear()
        self.amount.clear()
        self.description.clear()
        self.receipt.setChecked(False)
        self.kind.setFocus()

    def _on_kind_changed(self, *_args: object) -> None:
        mileage = self.kind.currentData() == ExpenseKind.MILEAGE.value
        self.line_rows.set_visible("miles", mileage)
        self.line_rows.set_visible("amount", not mileage)

    def _on_line_chosen(self, *_args: object) -> None:
        index = self._chosen_index()
        self.change_line_button.setEnabled(index is not None)
        self.remove_line_button.setEnabled(index is not None)
        if index is None:
            return
        line = self.lines[index]
        select_data(self.kind, ExpenseKind(line.kind).value)
        self.line_date.set_value(line.line_date)
        self.miles.setText(miles_text(line.miles_tenths) if line.miles_tenths else "")
        self.amount.setText(money(line.amount_pence) if line.amount_pence else "")
        self.receipt.setChecked(line.has_receipt)
        self.description.setText(line.description)

    def worked_out(self) -> list[LineView]:
        """The lines as saving now would store them (nothing is written)."""
        try:
            return self.services.expenses.preview(
                self.volunteer.currentData(), self.lines, self.record_id
            )
        except PeerdeskError:
            return []

    def _show_lines(self, *_args: object) -> None:
        worked = self.worked_out()
        # Rows are numbered by their place in the list (a new line has no id yet).
        self.table.set_rows(
            [
                (
                    n,
                    (
                        table_day(line.line_date),
                        line.kind_label,
                        line.description,
                        miles(line.miles_tenths) if line.miles_tenths else "",
                        "Yes" if line.has_receipt else "No",
                        pounds(line.amount_pence),
                        line.worked_out,
                    ),
                )
                for n, line in enumerate(worked)
            ]
        )
        total = sum(line.amount_pence for line in worked)
        count = len(worked)
        self.total.setText(
            f"Total: {pounds(total)} ({count} line{'s' if count != 1 else ''})"
            if count
            else "No lines yet: add the first below."
        )

    # -- saving --------------------------------------------------------------------------
    def load(self, view: ClaimView) -> None:
        select_data(self.volunteer, view.person_id)
        self.submitted.set_value(view.submitted_on)
        select_data(self.project, view.project_id)
        self.notes.setText(view.notes)
        self.lines = [line.as_input() for line in view.lines]
        self._show_lines()

    def _values(self) -> dict[str, object]:
        person_id = self.volunteer.currentData()
        if person_id is None:
            raise ValidationError("Choose the volunteer who is claiming.", "person")
        if not self.lines:
            raise ValidationError(
                "Add at least one line: type it in under the table and choose Add line.",
                "lines",
            )
        return {
            "submitted_on": self.submitted.day(),
            "lines": list(self.lines),
            "notes": self.notes.text(),
            "project_id": self.project.currentData(),
            "person_id": person_id,
        }

    def add_record(self) -> None:
        values = self._values()
        person_id = values.pop("person_id")
        claim = self.services.expenses.add_claim(person_id, **values)  # type: ignore[arg-type]
        self.claim_saved.emit(claim.id)

    def update_record(self, record_id: int) -> None:
        claim = self.services.expenses.update_claim(record_id, **self._values())  # type: ignore[arg-type]
        self.claim_saved.emit(claim.id)
