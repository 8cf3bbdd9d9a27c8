"""The Forms screen: pick a form, pick who it is for, preview, print or save.

Every form can be printed blank. A form about a person, pairing, group or meeting can also be
filled in from the records; large print is ticked for someone who needs it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from peerdesk.services import Services
from peerdesk.ui.operation import run_operation
from peerdesk.ui.printing.preview import PdfPreview
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.screens.forms_models import FormListModel, SubjectListModel
from peerdesk.ui.widgets.list_rows import keep_rows

KIND_WORDS = {
    "person": "A person",
    "pairing": "A pairing",
    "group": "A group",
    "meeting": "A group meeting",
    "referral": "A referral",
}


class FormsScreen(Screen):
    title = "Forms"
    #: Emitted when a preview is on show (the number of pages).
    preview_shown = Signal(int)

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._render)
        self._build()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.form_model = FormListModel(self.services.printing.forms())
        self.form_list = QListView(self)
        self.form_list.setModel(self.form_model)
        self.form_list.setAccessibleName("Forms")
        self.form_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        form_label = QLabel("For&m", self)
        form_label.setBuddy(self.form_list)

        self.blank_option = QRadioButton("&Blank", self)
        self.blank_option.setAccessibleName("Print the form blank")
        self.filled_option = QRadioButton("Filled &in for:", self)
        self.filled_option.setAccessibleName("Fill the form in for a record")
        self.blank_option.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.blank_option)
        choice.addButton(self.filled_option)

        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName("Kind of record")
        kind_label = QLabel("&Kind of record", self)
        kind_label.setBuddy(self.kind_box)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type to search by name…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search for who the form is for")
        search_label = QLabel("Sear&ch", self)
        search_label.setBuddy(self.search)
        self.subject_model = SubjectListModel()
        self.subject_proxy = QSortFilterProxyModel(self)
        self.subject_proxy.setSourceModel(self.subject_model)
        self.subject_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.subject_list = QListView(self)
        self.subject_list.setModel(self.subject_proxy)
        self.subject_list.setAccessibleName("Who the form is for")
        self.subject_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.subject_hint = QLabel(self)
        self.subject_hint.setWordWrap(True)
        self.large_print = QCheckBox("&Large print", self)
        self.large_print.setAccessibleName("Large print")
        self.large_print.setToolTip("Text of 16 point and bigger, for people who need it")

        forms_column = self._form_column(form_label)
        who_column = self._who_column(kind_label, search_label)

        for view in (self.form_list, self.subject_list):
            # Long names wrap rather than scroll sideways in the narrow column.
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideNone)
            keep_rows(view)

        self.preview = PdfPreview(self)
        self.splitter = splitter = QSplitter(self)
        splitter.addWidget(forms_column)
        splitter.addWidget(who_column)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(2, 1)
        self._columns = (forms_column, who_column)
        self._split_for_font()
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.form_list.selectionModel().currentChanged.connect(self._on_form_changed)
        self.blank_option.toggled.connect(self._on_blank_toggled)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.search.textChanged.connect(self.subject_proxy.setFilterFixedString)
        self.subject_list.selectionModel().currentChanged.connect(self._on_subject_changed)
        self.large_print.toggled.connect(self._schedule)
        self._update_subject_controls()

    # Three columns (the form, who it is for, the preview) so that each list has the
    # screen's height: stacked in one column, at the largest text, each showed two rows.
    def _form_column(self, form_label: QLabel) -> QWidget:
        forms_column = QWidget(self)
        forms_column.setAccessibleName("Which form")
        column = QVBoxLayout(forms_column)
        column.addWidget(form_label)
        column.addWidget(self.form_list, 1)
        column.addWidget(self.large_print)
        return forms_column

    def _who_column(self, kind_label: QLabel, search_label: QLabel) -> QWidget:
        who_column = QWidget(self)
        who_column.setAccessibleName("Who the form is for")
        column = QVBoxLayout(who_column)
        # A caption level with "Form", so both columns start at the same height (and Tab,
        # from the list of forms to Blank, goes on along the line, not back up the page).
        column.addWidget(QLabel("Who it is for", self))
        column.addWidget(self.blank_option)
        column.addWidget(self.filled_option)
        column.addWidget(kind_label)
        column.addWidget(self.kind_box)
        column.addWidget(search_label)
        column.addWidget(self.search)
        column.addWidget(self.subject_list, 1)
        column.addWidget(self.subject_hint)
        return who_column

    def print_record(self) -> bool:
        """File ▸ Print (Ctrl+P) here prints the form in the preview, when there is one."""
        if not self.preview.print_button.isEnabled():
            return False
        self.preview.print_button.animateClick()
        return True

    def _split_for_font(self) -> None:
        """Room for the choices in the text size in use: the form's names wrap in about 26
        letters, who it is for in about 22; the preview has the rest."""
        letter = self.fontMetrics().averageCharWidth()
        widths = [letter * 26, letter * 22]
        for column, width in zip(self._columns, widths, strict=True):
            column.setMinimumWidth(width)
        rest = max(self.splitter.width() - sum(widths), letter * 30)
        self.splitter.setSizes([*widths, rest])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            keep_rows(self.form_list)
            keep_rows(self.subject_list)
            self._split_for_font()

    # -- state ---------------------------------------------------------------------------
    def current_form(self) -> str | None:
        form = self.form_model.form_at(self.form_list.currentIndex().row())
        return form.name if form else None

    def current_subject(self) -> tuple[str, int] | None:
        if self.blank_option.isChecked():
            return None
        index = self.subject_proxy.mapToSource(self.subject_list.currentIndex())
        choice = self.subject_model.choice_at(index.row())
        kind = self.kind_box.currentData()
        return (kind, choice.id) if choice and kind else None

    def select_form(self, name: str) -> bool:
        for row in range(self.form_model.rowCount()):
            form = self.form_model.form_at(row)
            if form and form.name == name:
                self.form_list.setCurrentIndex(self.form_model.index(row, 0))
                return True
        return False

    def select_subject(self, kind: str, record_id: int) -> bool:
        kinds = [self.kind_box.itemData(i) for i in range(self.kind_box.count())]
        if kind not in kinds:
            return False
        self.filled_option.setChecked(True)
        self.kind_box.setCurrentIndex(kinds.index(kind))
        self.search.clear()
        for row in range(self.subject_proxy.rowCount()):
            index = self.subject_proxy.index(row, 0)
            if self.subject_proxy.data(index, Qt.ItemDataRole.UserRole + 1) == record_id:
                self.subject_list.setCurrentIndex(index)
                return True
        return False

    # -- slots ---------------------------------------------------------------------------
    def _on_form_changed(self, *_args: object) -> None:
        form = self.form_model.form_at(self.form_list.currentIndex().row())
        previous = self.kind_box.currentData()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        for kind in form.subjects if form else ():
            self.kind_box.addItem(KIND_WORDS[kind], kind)
        kinds = list(form.subjects) if form else []
        self.kind_box.setCurrentIndex(kinds.index(previous) if previous in kinds else 0)
        self.kind_box.blockSignals(False)
        if not kinds:
            self.blank_option.setChecked(True)
        if previous not in kinds:
            self._load_subjects()
        self._update_subject_controls()
        self._schedule()

    def _on_blank_toggled(self, _blank: bool) -> None:
        self._update_subject_controls()
        if not self.blank_option.isChecked() and self.subject_model.rowCount() == 0:
            self._load_subjects()
        self._schedule()

    def _on_kind_changed(self, _index: int) -> None:
        self._load_subjects()
        self._schedule()

    def _on_subject_changed(self, *_args: object) -> None:
        index = self.subject_proxy.mapToSource(self.subject_list.currentIndex())
        choice = self.subject_model.choice_at(index.row())
        if choice is not None:
            self.large_print.blockSignals(True)
            self.large_print.setChecked(choice.needs_large_print)
            self.large_print.blockSignals(False)
        self._schedule()

    def _load_subjects(self) -> None:
        kind = self.kind_box.currentData()
        self.subject_model.set_rows(self.services.printing.subjects(kind) if kind else [])
        self._update_subject_controls()

    def _update_subject_controls(self) -> None:
        can_fill = self.kind_box.count() > 0
        self.filled_option.setEnabled(can_fill)
        filling = can_fill and self.filled_option.isChecked()
        for widget in (self.kind_box, self.search, self.subject_list):
            widget.setEnabled(filling)
        if not can_fill and self.current_form():
            self.subject_hint.setText("This form is always printed blank.")
        elif filling and self.subject_model.rowCount() == 0:
            self.subject_hint.setText("There are no records of this kind yet.")
        elif filling and not self.subject_list.currentIndex().isValid():
            self.subject_hint.setText("Choose who the form is for.")
        else:
            self.subject_hint.setText("")

    # -- rendering -----------------------------------------------------------------------
    def _schedule(self, *_args: object) -> None:
        self._update_subject_controls()
        self._timer.start()

    def _render(self) -> None:
        name = self.current_form()
        if name is None:
            self.preview.show_message("Choose a form to see it here.")
            return
        subject = self.current_subject()
        if self.filled_option.isChecked() and subject is None:
            self.preview.show_message("Choose who the form is for, or tick Blank.")
            return
        self._generation += 1
        generation = self._generation
        large = self.large_print.isChecked()
        kind, record_id = subject if subject else (None, None)
        services = self.services
        self.preview.show_message("Preparing the form…")

        def work() -> bytes:
            return services.printing.render(name, kind, record_id, large_print=large)

        def succeeded(pdf: bytes) -> None:
            if not isValid(self) or generation != self._generation:
                return  # the window closed meanwhile, or a newer choice is on its way
            who = f"-{kind}-{record_id}" if kind else "-blank"
            self.preview.show_pdf(pdf, f"{name}{who}{'-large-print' if large else ''}.pdf")
            self.preview_shown.emit(self.preview.page_count)

        def failed(message: str) -> None:
            if isValid(self) and generation == self._generation:
                self.preview.show_message(message)

        run_operation(work, succeeded, failed)

    def refresh(self) -> None:
        if not self.blank_option.isChecked():
            self._load_subjects()
