"""The Backups dialog, the start-up recovery dialog and automatic backups, offscreen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from peerdesk.errors import DatabaseDamagedError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import BackupService
from peerdesk.services.safety.recovery import recovery_offer
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.backups.recovery_dialog import AFRESH, QUIT, RESTORE, RecoveryDialog, carry_out
from peerdesk.ui.backups.table_model import BackupTableModel
from tests.conftest import TODAY, FixedClock
from tests.helpers import last_written


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def timed(services: Services, clock: FixedClock) -> Services:
    """Backups made and described at the fixed clock: "Today at 10:15" whenever tests run."""
    services.backups = BackupService(
        services.db, services.today, services.erasure, now=clock.now, settings=services.organisation
    )
    clock.freeze(
        "peerdesk.ui.backups.table_model",
        "peerdesk.services.safety.backups",
        "peerdesk.services.safety.backup_list",
    )
    return services


def test_the_dialog_lists_backs_up_and_restores(
    qtbot, timed: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    services = timed
    services.people.add(PersonDetails(first_name="Ada"))
    dialog = BackupsDialog(services, settings)
    qtbot.addWidget(dialog)
    assert dialog.empty_label.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)

    with qtbot.waitSignal(dialog.backup_made, timeout=20000):
        dialog.back_up_button.click()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Today at 10:15"
    assert dialog.model.index(0, 3).data().startswith("1 person,")
    dialog.resize(800, 420)
    assert dialog.grab().save(str(tmp_path / "backups-dialog.png"))

    services.people.add(PersonDetails(first_name="Later"))
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.restored, timeout=20000):
        dialog.restore_button.click()
    assert [row.name for row in services.people.list_rows()] == ["Ada"]
    assert dialog.model.rowCount() == 2  # the backup made before restoring is listed too


def test_choosing_a_missing_folder_keeps_the_choice_and_says_plug_it_in(
    qtbot, services: Services, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "peerdesk.ui.backups.backups_dialog.show_problem",
        lambda _parent, _title, message: shown.append(str(message)),
    )
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    dialog = BackupsDialog(services, settings)
    qtbot.addWidget(dialog)
    stick = tmp_path / "unplugged" / "stick"
    assert dialog.choose_folder(stick)
    with qtbot.waitSignal(dialog.failed, timeout=20000):
        dialog.back_up_button.click()
    assert "plug it in" in shown[0]
    assert str(stick) in dialog.folder_label.text()
    # Kept in the database (so `peerdesk backup` uses it too), not in settings.ini.
    assert services.organisation.backup_settings().folder == stick
    assert not QSettings(settings.fileName(), QSettings.Format.IniFormat).allKeys()


def test_the_model(qtmodeltester, services: Services) -> None:
    services.backups.back_up("manual")
    model = BackupTableModel()
    model.set_backups(services.backups.all())
    qtmodeltester.check(model)


def test_the_recovery_dialog_offers_the_newest_backup(
    qtbot, paths: Paths, timed: Services, tmp_path: Path
) -> None:
    services = timed
    services.people.add(PersonDetails(first_name="Ada"))
    backup = services.backups.back_up("manual").path
    services.db.close()
    paths.database.write_text("scribble", encoding="utf-8")
    offer = recovery_offer(paths, DatabaseDamagedError("The database peerdesk.db is damaged."))
    dialog = RecoveryDialog(offer)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isVisibleTo(dialog)
    assert dialog.chosen_backup() == backup
    assert "Your newest good backup was made today at 10:15." in dialog.explanation.text()
    assert dialog.backup_choice.currentText().startswith("Today at 10:15 — Made by you — 1 person")
    assert dialog.grab().save(str(tmp_path / "recovery-dialog.png"))
    dialog.restore_button.click()
    assert dialog.choice == RESTORE
    result = carry_out(dialog.choice, paths, dialog.chosen_backup())
    assert result is not None and result.moved_aside is not None
    assert result.moved_aside.read_text(encoding="utf-8") == "scribble"
    reopened = open_services(paths, today=lambda: TODAY)
    try:
        assert [row.name for row in reopened.people.list_rows()] == ["Ada"]
    finally:
        reopened.close()


def test_starting_afresh_asks_first_and_keeps_the_damaged_file(
    qtbot, paths: Paths, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.backups.back_up("manual")
    services.db.close()
    paths.database.write_text("scribble", encoding="utf-8")
    offer = recovery_offer(paths, DatabaseDamagedError("The database peerdesk.db is damaged."))
    dialog = RecoveryDialog(offer)
    qtbot.addWidget(dialog)
    assert dialog.afresh_button.isVisibleTo(dialog)
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answer)
    dialog.afresh_button.click()
    assert dialog.choice == QUIT and dialog.result() != QDialog.DialogCode.Accepted
    assert carry_out(dialog.choice, paths, dialog.chosen_backup()) is None
    assert paths.database.read_text(encoding="utf-8") == "scribble"

    answer = QMessageBox.StandardButton.Yes
    dialog.afresh_button.click()
    assert dialog.choice == AFRESH and dialog.result() == QDialog.DialogCode.Accepted
    result = carry_out(dialog.choice, paths, dialog.chosen_backup())
    assert result is not None and result.moved_aside is not None
    assert result.moved_aside.read_text(encoding="utf-8") == "scribble"
    reopened = open_services(paths, today=lambda: TODAY)
    try:
        assert reopened.people.list_rows() == []
    finally:
        reopened.close()


def test_automatic_backups_only_when_something_changed(
    qtbot, services: Services, settings: QSettings
) -> None:
    auto = AutoBackup(services, settings, interval_ms=60_000)
    # Moments relative to the file's own last write: the test never reads the wall clock.
    auto.last_backup = last_written(services.db) + timedelta(seconds=30)
    auto._on_timer_timeout()
    assert not auto.running and services.backups.all() == []
    auto.last_backup = last_written(services.db) - timedelta(hours=1)
    with qtbot.waitSignal(auto.backup_made, timeout=20000):
        auto._on_timer_timeout()
    assert [b.reason for b in services.backups.all()] == ["automatic"]
    services.people.add(PersonDetails(first_name="Ada"))
    auto.last_backup = last_written(services.db) - timedelta(seconds=5)
    made = auto.finish()
    assert made is not None and made.reason == "on-close"
