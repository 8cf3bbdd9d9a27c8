"""Consents expiring or missing: who needs asking again, and for what."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog
from peerdesk.ui.widgets.empty_state import EmptyState
from peerdesk.ui.widgets.record_table import RECORD_ID_ROLE, RecordTableModel
from peerdesk.vocabulary import ConsentKind

HEADINGS = ("Person", "Consent", "State")


class ConsentGapsDialog(QDialog):
    """Every consent missing for someone's current roles, withdrawn, expired or due soon.

    Activating a line opens "Record consent" for that person and kind.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Consents expiring or missing")
        self.setAccessibleName("Consents expiring or missing")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "People supported need consent to hold their health information and a "
            "confidentiality agreement; volunteers and group members need a confidentiality "
            "agreement. Double-click a line (or press Enter) to record the consent."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(services.organisation.details().expiry_warning_days)
        self.days.setSuffix(" days")
        label = QLabel("Show consents due for review within")
        label.setBuddy(self.days)
        self.days.setAccessibleName("Show consents due for review within")
        row.addWidget(label)
        row.addWidget(self.days)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RecordTableModel(HEADINGS, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Consents expiring or missing")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyState("Everyone has the consents they need. Nothing is due soon.")
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.days.valueChanged.connect(self.refresh)
        self.table.activated.connect(self._on_row_activated)
        self._gaps: dict[int, tuple[int, str]] = {}
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        gaps = self.services.consents.gaps(within_days=self.days.value())
        self._gaps = {i: (gap.person_id, gap.kind.value) for i, gap in enumerate(gaps)}
        self.model.set_rows(
            [(i, (gap.name, gap.kind.label, gap.description)) for i, gap in enumerate(gaps)]
        )
        self.empty.setVisible(not gaps)
        self.table.setVisible(bool(gaps))

    def _on_row_activated(self, index: QModelIndex) -> None:
        key = index.data(RECORD_ID_ROLE)
        if not isinstance(key, int) or key not in self._gaps:
            return
        person_id, kind = self._gaps[key]
        dialog = RecordConsentDialog(self.services, person_id, self, kind=ConsentKind(kind))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
