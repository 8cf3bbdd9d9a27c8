"""Supervision at the largest text size on a 1366×768 laptop: its four text boxes are at
least forty letters wide and three lines high (in a window fixed at 640×620 they were squeezed
beside their long captions, one line high), and the window stays on the screen, scrolling
inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.supervision_dialog import SupervisionDialog
from peerdesk.ui.widgets import fit_screen
from peerdesk.vocabulary import PairingStatus
from tests.unit.test_pairing_transitions import pairing_in

LAPTOP = QRect(0, 0, 1366, 768)


@pytest.mark.parametrize("at_largest", [False, True])
def test_the_four_text_boxes_are_wide_and_tall_enough(
    qtbot: QtBot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    at_largest: bool,
) -> None:
    if at_largest:
        request.getfixturevalue("largest")
    monkeypatch.setattr(fit_screen, "available_geometry", lambda _widget: QRect(LAPTOP))
    pairing = services.pairings.get(pairing_in(services, PairingStatus.ACTIVE))
    dialog = SupervisionDialog(services, pairing.mentor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = fit_screen.room_on_screen(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    for box in (dialog.concerns, dialog.wellbeing, dialog.training_needs, dialog.actions_box):
        metrics = box.fontMetrics()
        assert box.width() >= 40 * metrics.averageCharWidth(), box.accessibleName()
        assert box.viewport().height() >= 3 * metrics.lineSpacing(), box.accessibleName()
