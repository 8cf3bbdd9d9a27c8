"""A review is corrected from the pairing's timeline: Enter on it opens the same dialog,
"Edit review of …", with what was saved; a change the review dialog would refuse is refused
with nothing changed; Remove… asks why and takes the review off the timeline. The service
checks an edit exactly as it checks a new review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReviewEntry
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.pairings.review_dialog import ReviewDialog
from peerdesk.vocabulary import ReviewDecision
from tests.ui.keys import focus, in_modal, press, save, type_into
from tests.unit.test_pairings_builders import active_pairing


@pytest.fixture
def pairing(services: Services) -> int:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.reviews.record(
        pairing_id,
        ReviewEntry(review_date=date(2026, 4, 10), what_is_working="Walks", decision="continue"),
    )
    return pairing_id


def open_review(qtbot: QtBot, services: Services, tmp_path: Path, pairing: int) -> PairingPage:
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    model = page.timeline_proxy
    [row] = [r for r in range(model.rowCount()) if "Review" in str(model.index(r, 1).data())]
    page.timeline.setCurrentIndex(model.index(row, 0))
    focus(qtbot, page.timeline)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitExposed(dialog)
    return page


def test_enter_on_a_review_edits_it(
    qtbot: QtBot, services: Services, tmp_path: Path, pairing: int
) -> None:
    page = open_review(qtbot, services, tmp_path, pairing)
    dialog = page.active_dialog
    assert isinstance(dialog, ReviewDialog)
    assert dialog.windowTitle() == "Edit review of 10 April 2026"
    assert dialog.working.toPlainText() == "Walks"
    type_into(qtbot, dialog.review_date, "1/1/2026")  # before the pairing started
    press(qtbot, dialog.save_button)
    assert "before the pairing started" in dialog.problem_text("review_date")
    assert services.reviews.for_pairing(pairing)[0].review_date == date(2026, 4, 10)
    type_into(qtbot, dialog.review_date, "11/4/2026")
    type_into(qtbot, dialog.working, "Walks and the library")
    with qtbot.waitSignal(page.pairing_changed):
        save(qtbot, dialog)
    [review] = services.reviews.for_pairing(pairing)
    assert (review.review_date, review.what_is_working) == (
        date(2026, 4, 11),
        "Walks and the library",
    )


def test_remove_a_review_with_a_reason(
    qtbot: QtBot, services: Services, tmp_path: Path, pairing: int
) -> None:
    page = open_review(qtbot, services, tmp_path, pairing)
    dialog = page.active_dialog
    assert isinstance(dialog, ReviewDialog)
    [remove] = [b for b in dialog.buttons.buttons() if b.text() == "Re&move…"]

    def why(asked: QDialog) -> None:
        assert asked.windowTitle() == "Remove the review of 10 April 2026"
        type_into(qtbot, asked.reason, "Recorded on the wrong pairing")  # type: ignore[attr-defined]
        save(qtbot, asked)

    with qtbot.waitSignal(page.pairing_changed):
        in_modal(qtbot, lambda: qtbot.mouseClick(remove, Qt.MouseButton.LeftButton), why)
    assert services.reviews.for_pairing(pairing) == []
    model = page.timeline_proxy
    assert not any("Review" in str(model.index(r, 1).data()) for r in range(model.rowCount()))


def test_the_service_checks_an_edit_as_it_checks_a_new_review(
    services: Services, pairing: int
) -> None:
    [review] = services.reviews.for_pairing(pairing)
    with pytest.raises(ValidationError) as refused:
        services.reviews.update_review(
            review.id,
            ReviewEntry(review_date=date(2026, 4, 10), decision="maybe"),
        )
    assert refused.value.field == "decision"
    with pytest.raises(ValidationError, match="why it is being removed"):
        services.reviews.remove_review(review.id, "")
    assert services.reviews.for_pairing(pairing) == [review]
    edited = services.reviews.update_review(
        review.id, ReviewEntry(review_date=date(2026, 4, 10), decision=ReviewDecision.ADJUST)
    )
    assert edited.decision == ReviewDecision.ADJUST.value
