"""The pages of the import assistant. The wizard holds the state; pages show and change it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from peerdesk.services.importing.views import (
    ENCODINGS,
    FIELDS,
    SEPARATORS,
    DuplicateChoice,
    SheetKind,
)
from peerdesk.ui.importing.models import (
    NOT_IMPORTED,
    ColumnsModel,
    PlanModel,
    ProblemsModel,
    SheetPreviewModel,
)
from peerdesk.ui.importing.work import keep_eight_rows, split_page
from peerdesk.ui.widgets.fit_screen import FittingScrollArea
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.words import plural

if TYPE_CHECKING:
    from peerdesk.ui.importing.assistant import ImportAssistant

DETECT = "Work it out"


def _labelled(form: QFormLayout, text: str, widget, name: str) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name)
    form.addRow(label, widget)


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Columns as wide as their words, scrolling sideways when wider than the page: a last
    # column stretched to the page's width cut a problem's message short at the largest text.
    view.horizontalHeader().setStretchLastSection(False)
    show_full_text_tips(view)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view


class FilePage(QWizardPage):
    def __init__(self, assistant: ImportAssistant) -> None:
        super().__init__()
        self.assistant = assistant
        self.setTitle("Choose the spreadsheet")
        self.body, self.strip = split_page(
            self,
            "Choose an Excel workbook (.xlsx) or a CSV file. Nothing is saved until you have "
            "seen a preview and said yes.",
        )
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText("No file chosen yet")
        self.path.textChanged.connect(self.completeChanged)
        choose = QPushButton("&Choose…")
        choose.setAccessibleName("Choose a file")
        choose.clicked.connect(self._on_choose_clicked)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        label = QLabel("&File:")
        label.setBuddy(self.path)
        self.path.setAccessibleName("File to import")
        form.addRow(label, row)
        self.mapping = QComboBox()
        self.mapping.addItem("None: work the columns out", "")
        for name in assistant.store.names():
            self.mapping.addItem(name, name)
        _labelled(form, "Saved &mapping:", self.mapping, "Saved column mapping")
        self.encoding = QComboBox()
        self.encoding.addItem(DETECT, "")
        for value, text in ENCODINGS.items():
            self.encoding.addItem(text, value)
        _labelled(form, "Charac&ters (CSV):", self.encoding, "Character set of a CSV file")
        self.separator = QComboBox()
        self.separator.addItem(DETECT, "")
        for value, text in SEPARATORS.items():
            self.separator.addItem(text, value)
        _labelled(form, "&Separator (CSV):", self.separator, "Separator of a CSV file")
        self.order = QComboBox()
        self.order.addItem("Day first, as in the UK (25/12/1980)", True)
        self.order.addItem("Month first, as in the US (12/25/1980)", False)
        _labelled(form, "&Dates:", self.order, "Order of day and month in dates")

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a spreadsheet",
            "",
            "Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)",
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self.assistant.working

    def validatePage(self) -> bool:
        # Reading runs in the background: False now, and the assistant moves on when done.
        return self.assistant.load(
            self.path.text().strip(),
            self.mapping.currentData() or None,
            self.encoding.currentData() or None,
            self.separator.currentData() or None,
            bool(self.order.currentData()),
        )


class MappingPage(QWizardPage):
    def __init__(self, assistant: ImportAssistant) -> None:
        super().__init__()
        self.assistant = assistant
        self.setTitle("Match the columns")
        self.body, self.strip = split_page(
            self,
            "peerdesk has matched the columns it recognises. Check them, and choose what any "
            "other column holds. The rows below show how the first rows will be read.",
        )
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._on_sheet_changed)
        _labelled(form, "&Sheet:", self.sheet, "Sheet")
        self.kind = QComboBox()
        self.kind.addItem("Nothing: do not import this sheet", "")
        for kind in SheetKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        _labelled(form, "This sheet &holds:", self.kind, "What this sheet holds")
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 30)
        self.header_row.valueChanged.connect(self._on_header_row_changed)
        _labelled(form, "Headings are on &row:", self.header_row, "Row of the column headings")
        layout.addLayout(form)
        self.columns = ColumnsModel()
        self.columns_view = _table("Columns and what they are imported as")
        self.columns_view.setModel(self.columns)
        self.columns_view.selectionModel().currentRowChanged.connect(self._on_column_selected)
        layout.addWidget(self.columns_view, 2)
        field_form = QFormLayout()
        self.field_choice = QComboBox()
        self.field_choice.currentIndexChanged.connect(self._on_field_changed)
        _labelled(
            field_form,
            "Import the chosen &column as:",
            self.field_choice,
            "Import the chosen column as",
        )
        layout.addLayout(field_form)
        self.preview = SheetPreviewModel()
        self.preview_view = _table("How the first rows will be read")
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().show()  # the spreadsheet's own row numbers
        preview_label = QLabel("How the first rows will be rea&d:")
        preview_label.setBuddy(self.preview_view)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview_view, 3)
        self._updating = False

    def initializePage(self) -> None:
        source = self.assistant.source
        self._updating = True
        self.sheet.clear()
        for sheet in source.sheets if source else []:
            self.sheet.addItem(sheet.name, sheet.name)
        self._updating = False
        first = next(
            (
                i
                for i, s in enumerate(source.sheets if source else [])
                if self._mapping_of(s.name) and self._mapping_of(s.name).included
            ),
            0,
        )
        self.sheet.setCurrentIndex(first)
        self._on_sheet_changed()

    def _mapping_of(self, name: str):
        settings = self.assistant.settings
        return settings.sheets.get(name) if settings else None

    def _current(self):
        source = self.assistant.source
        name = self.sheet.currentData()
        sheet = source.sheet(name) if source and name else None
        return sheet, self._mapping_of(name) if name else None

    def _on_sheet_changed(self, *_: object) -> None:
        if self._updating:
            return
        _sheet, mapping = self._current()
        self._updating = True
        kind = mapping.kind.value if mapping and mapping.kind and mapping.included else ""
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.header_row.setValue(mapping.header_row if mapping else 1)
        self._updating = False
        self._reload()

    def _reload(self) -> None:
        sheet, mapping = self._current()
        self.columns.set_sheet(sheet, mapping)
        self.preview.set_sheet(sheet, mapping)
        self._updating = True
        self.field_choice.clear()
        self.field_choice.addItem(NOT_IMPORTED, "")
        for spec in FIELDS[mapping.kind] if mapping and mapping.kind else ():
            self.field_choice.addItem(spec.label, spec.key)
        self._updating = False
        # As wide as their words and the headings' (each heading says what its column becomes).
        self.columns_view.resizeColumnsToContents()
        self.preview_view.resizeColumnsToContents()
        keep_eight_rows(self.columns_view, self.preview_view)
        if self.columns.rowCount():
            self.columns_view.selectRow(0)

    def _on_kind_changed(self, *_: object) -> None:
        if self._updating:
            return
        sheet, mapping = self._current()
        if sheet is None or mapping is None:
            return
        value = self.kind.currentData()
        self.assistant.change_kind(sheet.name, SheetKind(value) if value else None)
        self._reload()

    def _on_header_row_changed(self, value: int) -> None:
        if self._updating:
            return
        sheet, mapping = self._current()
        if sheet is not None and mapping is not None:
            self.assistant.change_header_row(sheet.name, value)
            self._reload()

    def _on_column_selected(self, current, _previous=None) -> None:
        self._updating = True
        key = self.columns.field_of(current.row()) if current.isValid() else ""
        self.field_choice.setCurrentIndex(max(0, self.field_choice.findData(key)))
        self._updating = False

    def _on_field_changed(self, *_: object) -> None:
        if self._updating:
            return
        row = self.columns_view.currentIndex().row()
        self.columns.set_field(row, self.field_choice.currentData() or "")
        self.preview.refresh()
        self.columns_view.resizeColumnToContents(2)
        if row >= 0:
            self.preview_view.resizeColumnToContents(row)  # its heading's new words

    def isComplete(self) -> bool:
        return not self.assistant.working

    def validatePage(self) -> bool:
        # The preview runs in the background: False now, and the assistant moves on when done.
        return self.assistant.make_preview()


class PreviewPage(QWizardPage):
    def __init__(self, assistant: ImportAssistant) -> None:
        super().__init__()
        self.assistant = assistant
        self.setTitle("Check before importing")
        self.body, self.strip = split_page(self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = ProblemsModel()
        self.problems_view = _table("Problems found in the file")
        self.problems_view.setModel(self.problems)
        problems_label = QLabel("&Problems and notes:")
        problems_label.setBuddy(self.problems_view)
        layout.addWidget(problems_label)
        layout.addWidget(self.problems_view, 2)
        self.plan = PlanModel()
        self.plan_view = _table("What will happen to each row")
        self.plan_view.setModel(self.plan)
        self.plan_view.selectionModel().currentRowChanged.connect(self._on_row_selected)
        plan_label = QLabel("&What will happen to each row:")
        plan_label.setBuddy(self.plan_view)
        layout.addWidget(plan_label)
        layout.addWidget(self.plan_view, 3)
        # The duplicate choice and saving the mapping: hidden while work runs, the strip
        # taking their place (at the largest text the page has no room for both).
        self.choices_row = QWidget()
        form = QFormLayout(self.choices_row)
        form.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        for choice in (DuplicateChoice.SKIP, DuplicateChoice.UPDATE, DuplicateChoice.ADD):
            self.choice.addItem(choice.label, choice.value)
        self.choice.setEnabled(False)
        self.choice.activated.connect(self._on_choice_activated)
        _labelled(
            form,
            "For the chosen &likely duplicate:",
            self.choice,
            "What to do with the chosen likely duplicate",
        )
        save_row = QHBoxLayout()
        self.mapping_name = QLineEdit()
        self.mapping_name.setPlaceholderText("A name, e.g. Monthly mentee list")
        save = QPushButton("Sa&ve mapping")
        save.setAccessibleName("Save this column mapping")
        save.clicked.connect(self._on_save_clicked)
        save_row.addWidget(self.mapping_name, 1)
        save_row.addWidget(save)
        label = QLabel("Save these &settings for next time:")
        label.setBuddy(self.mapping_name)
        self.mapping_name.setAccessibleName("Name for the saved mapping")
        form.addRow(label, save_row)
        layout.addWidget(self.choices_row)

    def initializePage(self) -> None:
        self.show_preview()
        self.setButtonText(self.wizard().WizardButton.NextButton, "&Import")

    def show_preview(self) -> None:
        preview = self.assistant.preview
        self.problems.set_problems(preview.problems if preview else [])
        self.plan.set_preview(preview)
        for view in (self.problems_view, self.plan_view):
            view.resizeColumnsToContents()
        keep_eight_rows(self.problems_view, self.plan_view)
        if preview is None:
            return
        lines = "<br>".join(preview.summary_lines())
        if preview.blocking:
            lines += (
                f"<p><b>{plural(len(preview.blocking), 'problem')} must be fixed before anything "
                "can be "
                "imported.</b> Correct the file and choose it again, or go back and change the "
                "columns. Nothing has been saved.</p>"
            )
        elif not preview.can_import:
            lines += (
                "<p>Everything in this file is already in peerdesk: there is nothing to import.</p>"
            )
        elif preview.duplicates:
            lines += (
                "<p>Some rows look like people already recorded: choose what to do with each.</p>"
            )
        self.summary.setText(lines)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self.assistant.preview
        return bool(preview and preview.can_import) and not self.assistant.working

    def _on_row_selected(self, current, _previous=None) -> None:
        row = self.plan.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        choosable = row is not None and row.choice is not None
        self.choice.setEnabled(choosable)
        if row is not None and row.choice is not None:
            self.choice.setCurrentIndex(self.choice.findData(row.choice.value))

    def _on_choice_activated(self, *_: object) -> None:
        current = self.plan_view.currentIndex()
        row = self.plan.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if row is None or row.choice is None:
            return
        self.assistant.choose(
            row.key,
            DuplicateChoice(self.choice.currentData()),
            lambda: self.plan_view.selectRow(current.row()),
        )

    def choice_shown(self) -> None:
        """Put the duplicate choice back to the chosen row's (after a new preview is shown,
        or a new one was cancelled)."""
        self._on_row_selected(self.plan_view.currentIndex())

    def _on_save_clicked(self) -> None:
        self.assistant.save_mapping(self.mapping_name.text())

    def validatePage(self) -> bool:
        return self.assistant.start_import()


class SummaryPage(QWizardPage):
    def __init__(self, assistant: ImportAssistant) -> None:
        super().__init__()
        self.assistant = assistant
        self.setTitle("Imported")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = FittingScrollArea(self)  # a long summary scrolls within the screen
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.text)
        column.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll)

    def initializePage(self) -> None:
        result = self.assistant.outcome
        if result is None:
            return
        lines = "<br>".join(result.summary_lines())
        if result.backup:
            lines += f"<p>A backup was made just before: {result.backup.name}</p>"
        self.text.setText(lines)
