"""Recording a consent (with the exact wording shown) and withdrawing one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.data_protection.views import ConsentEntry, ConsentView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import day
from peerdesk.vocabulary import ConsentKind, ConsentMethod


def choices(combo: QComboBox, vocabulary: type[ConsentKind] | type[ConsentMethod]) -> QComboBox:
    for member in vocabulary:
        combo.addItem(member.label, member.value)
    return combo


class RecordConsentDialog(RecordDialog):
    """What the person agreed to (or declined), on which wording, when and how."""

    def __init__(
        self,
        services: Services,
        person_id: int,
        parent: QWidget | None = None,
        *,
        kind: ConsentKind | None = None,
    ) -> None:
        person = services.people.get(person_id)
        super().__init__(
            services,
            parent,
            title=f"Record consent: {person.display_name}",
        )
        self.person_id = person_id
        self.person_name = person.display_name
        self.saved: ConsentView | None = None
        self.kind = self.rows.add("&Consent to", choices(QComboBox(), ConsentKind), field="kind")
        self.answer = self.rows.add("&Answer", QComboBox(), field="agreed")
        self.answer.addItem("Agreed", True)
        self.answer.addItem("Declined", False)
        self.wording = self.rows.add(
            "&Words shown to them",
            QPlainTextEdit(),
            field="wording_id",
            help_text="The exact wording is kept with the consent. To change it, make a new "
            "version under Records → Consent wordings.",
        )
        self.wording.setReadOnly(True)
        self.wording.setMaximumHeight(90)
        self.third_party = self.rows.add(
            "&Organisation shared with", QLineEdit(), field="third_party"
        )
        self.purpose = self.rows.add("&Purpose", QLineEdit(), field="purpose")
        today = services.today()
        self.given_on = self.rows.add(
            "&Date given", DateBox(today, today=services.today), field="given_on"
        )
        self.method = self.rows.add("&How", choices(QComboBox(), ConsentMethod), field="method")
        self.evidence = self.rows.add(
            "Paper &form reference",
            QLineEdit(),
            field="evidence_reference",
            help_text="The number on the signed form, so it can be found.",
        )
        self.recorded_by = self.rows.add("Recorded &by", QLineEdit(), field="recorded_by")
        self.review_on = self.rows.add(
            "&Review or expiry date",
            DateBox(optional=True, today=services.today),
            field="review_on",
        )
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._on_kind_changed()
        self._on_method_changed()
        self.resize(560, self.sizeHint().height())

    def selected_kind(self) -> ConsentKind:
        return ConsentKind(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        kind = self.selected_kind()
        self._wording = self.services.consents.current_wording(kind)
        self.wording.setPlainText(f"Version {self._wording.version}: {self._wording.text}")
        sharing = kind is ConsentKind.SHARING
        for widget in (self.third_party, self.purpose):
            widget.setEnabled(sharing)
            self.rows.labels["third_party" if widget is self.third_party else "purpose"].setEnabled(
                sharing
            )

    def _on_method_changed(self) -> None:
        signed = self.method.currentData() == ConsentMethod.SIGNED_FORM.value
        self.evidence.setEnabled(signed)
        self.rows.labels["evidence_reference"].setEnabled(signed)

    def entry(self) -> ConsentEntry:
        kind = self.selected_kind()
        sharing = kind is ConsentKind.SHARING
        signed = self.method.currentData() == ConsentMethod.SIGNED_FORM.value
        return ConsentEntry(
            kind=kind,
            given_on=self.given_on.day(),
            method=self.method.currentData(),
            recorded_by=self.recorded_by.text(),
            agreed=bool(self.answer.currentData()),
            wording_id=self._wording.id,
            third_party=self.third_party.text() if sharing else "",
            purpose=self.purpose.text() if sharing else "",
            evidence_reference=self.evidence.text() if signed else "",
            review_on=self.review_on.value(),
        )

    def add_record(self) -> None:
        self.saved = self.services.consents.record(self.person_id, self.entry())

    def saved_words(self) -> str:
        if self.editing:
            return f"Consent details for {self.person_name} saved."
        return f"Consent recorded for {self.person_name}."

    # -- editing: the record keeping only ------------------------------------------------
    def load(self, view: ConsentView) -> None:
        """Show a saved consent. What they agreed to, when, how and in which words is its
        history and stays as it is; only the record keeping around it can be put right."""
        self.kind.setCurrentIndex(self.kind.findData(view.kind))
        self.answer.setCurrentIndex(self.answer.findData(view.agreed))
        self.method.setCurrentIndex(self.method.findData(view.method))
        shown = [w for w in self.services.consents.wordings(view.kind) if w.id == view.wording_id]
        if shown:
            self.wording.setPlainText(f"Version {shown[0].version}: {shown[0].text}")
        self.third_party.setText(view.third_party)
        self.purpose.setText(view.purpose)
        self.given_on.set_value(view.given_on)
        self.evidence.setText(view.evidence_reference)
        self.recorded_by.setText(view.recorded_by)
        self.review_on.set_value(view.review_on)
        for field in ("kind", "agreed", "third_party", "given_on", "method"):
            self.rows.labels[field].setEnabled(False)
        for widget in (self.kind, self.answer, self.third_party, self.given_on, self.method):
            widget.setEnabled(False)
        self.purpose.setEnabled(True)
        self.rows.labels["purpose"].setEnabled(True)
        self.intro.setText(
            "What they agreed to, when, how and in which words stay as recorded. If any of "
            "those is wrong, mark this consent as entered in error and record it again."
        )
        self.intro.setVisible(True)

    def update_record(self, record_id: int) -> None:
        self.saved = self.services.consents.update_consent_details(
            record_id,
            purpose=self.purpose.text(),
            recorded_by=self.recorded_by.text(),
            evidence_reference=self.evidence.text(),
            review_on=self.review_on.value(),
        )


class WithdrawDialog(RecordDialog):
    """Withdrawing is one action: the date (today) and how are filled in already."""

    def __init__(
        self, services: Services, consent: ConsentView, parent: QWidget | None = None
    ) -> None:
        label = ConsentKind(consent.kind).label
        super().__init__(
            services,
            parent,
            title="Withdraw consent",
            intro=f"{label}, given on {day(consent.given_on)}. From the date below it no longer "
            "counts: peerdesk will warn before anything that needs it.",
            accept_text="&Withdraw",
        )
        self.consent = consent
        self.saved: ConsentView | None = None
        self.withdraw_button = self.save_button
        self.withdrawn_on = self.rows.add(
            "&Withdrawn on",
            DateBox(services.today(), today=services.today),
            field="withdrawn_on",
        )
        self.method = self.rows.add(
            "&How they told you", choices(QComboBox(), ConsentMethod), field="withdrawal_method"
        )
        self.method.setCurrentIndex(self.method.findData(ConsentMethod.VERBAL.value))

    def write(self) -> None:
        self.saved = self.services.consents.withdraw(
            self.consent.id, on=self.withdrawn_on.day(), method=self.method.currentData()
        )
