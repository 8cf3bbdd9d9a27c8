"""Settings → Security and the first-run offer: the reminder for a plain database, encrypting
from the panel, the idle-lock minutes kept, and first run encrypting only when chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui import preferences
from peerdesk.ui.security.first_run_encryption import FirstRunEncryption
from peerdesk.ui.security.passphrase_dialog import PassphraseDialog
from peerdesk.ui.security.settings_panel import PLAIN_REMINDER, SecurityPanel

PASSPHRASE = "kettle orbit paper lantern"


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def passphrase_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[PassphraseDialog]:
    """The passphrase dialog, when shown, is filled in and OK pressed (then the recovery sheet
    declined); returns the dialogs shown."""
    shown: list[PassphraseDialog] = []

    def exec_filled(dialog: PassphraseDialog) -> int:
        shown.append(dialog)
        qtbot.keyClicks(dialog.fields.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.fields.confirmation, PASSPHRASE)
        dialog.fields.understood.setChecked(True)
        with qtbot.waitSignal(dialog.finished_work, timeout=60000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", exec_filled)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    return shown


def test_the_panel_reminds_then_encrypts(
    qtbot: QtBot,
    services: Services,
    qsettings: QSettings,
    passphrase_typed: list[PassphraseDialog],
) -> None:
    panel = SecurityPanel(services, qsettings)
    qtbot.addWidget(panel)
    assert panel.status.text() == PLAIN_REMINDER
    assert not panel.encrypt_button.isHidden() and panel.change_button.isHidden()

    qtbot.mouseClick(panel.encrypt_button, Qt.MouseButton.LeftButton)
    assert len(passphrase_typed) == 1 and not passphrase_typed[0].changing
    assert services.security.is_encrypted and services.security.verify(PASSPHRASE)
    assert panel.status.text().startswith("✓ Your records are encrypted.")
    assert panel.encrypt_button.isHidden() and not panel.change_button.isHidden()


def test_the_idle_minutes_are_kept(qtbot: QtBot, services: Services, qsettings: QSettings) -> None:
    panel = SecurityPanel(services, qsettings)
    qtbot.addWidget(panel)
    panel.idle_minutes.selectAll()
    qtbot.keyClicks(panel.idle_minutes, "25")
    assert preferences.IDLE_LOCK_MINUTES.read(qsettings) == 25
    again = SecurityPanel(services, qsettings)
    qtbot.addWidget(again)
    assert again.idle_minutes.value() == 25


@pytest.mark.parametrize("chosen", [True, False])
def test_first_run_encrypts_only_when_chosen(
    qtbot: QtBot, services: Services, passphrase_typed: list[PassphraseDialog], chosen: bool
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    offer = FirstRunEncryption(window)
    assert offer.chosen.isChecked()  # recommended, so ticked to begin with
    offer.chosen.setChecked(chosen)
    assert offer.apply(services)  # the start goes ahead either way
    assert len(passphrase_typed) == int(chosen)
    assert services.security.is_encrypted is chosen
