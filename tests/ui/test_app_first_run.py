"""First run: the welcome saves the organisation, or opens a separate demo database."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QDialog

from peerdesk.services import Services
from peerdesk.ui.first_run import WelcomeDialog, demo_paths
from tests.conftest import TODAY


def test_welcome_needs_a_name_and_then_saves_the_organisation(
    qtbot, services: Services, paths
) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(services, paths)
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    assert "organisation's name" in dialog.rows.problem_text("name")
    assert not services.organisation.is_set_up()
    qtbot.keyClicks(dialog.name, "Caithness Long Covid Peers")
    qtbot.keyClicks(dialog.charity_number, "SC012345")
    dialog.address.setPlainText("1 High Street\nWick")
    dialog.year_start.setCurrentIndex(0)  # January
    dialog.encryption.chosen.setChecked(False)  # encryption at first run: tests/ui/test_lock_*
    dialog.start_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    organisation = services.organisation.get()
    assert organisation is not None
    assert organisation.name == "Caithness Long Covid Peers"
    assert organisation.charity_number == "SC012345"
    assert organisation.reporting_year_start_month == 1
    assert organisation.is_demo is False


def test_explore_with_demo_data_opens_a_separate_demo_file(  # type: ignore[no-untyped-def]
    qtbot, services: Services, paths, demo_template
) -> None:
    # The generator has its own tests; here a ready demo file keeps the test quick.
    shutil.copyfile(demo_template, demo_paths(paths).database)
    dialog = WelcomeDialog(services, paths, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: dialog.demo_services is not None, timeout=60_000)
    demo = dialog.demo_services
    assert demo is not None
    try:
        assert demo.database_path == demo_paths(paths).database
        assert demo.database_path != services.database_path
        organisation = demo.organisation.get()
        assert organisation is not None and organisation.is_demo
        assert len(demo.people.list_rows()) > 50
    finally:
        demo.close()
    assert not services.organisation.is_set_up()  # the real file is untouched
