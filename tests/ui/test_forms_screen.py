"""The Forms screen and the Print… menu, with real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.services.printing import FormChoice, SubjectChoice
from peerdesk.ui.printing import make_print_menu
from peerdesk.ui.printing.dialog import FormPreviewDialog
from peerdesk.ui.screens.forms import FormsScreen
from peerdesk.ui.screens.forms_models import FormListModel, SubjectListModel


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_models_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    forms = FormListModel([FormChoice("referral", "Referral form", "", ("person",))])
    qtmodeltester.check(forms)
    subjects = SubjectListModel()
    subjects.set_rows([SubjectChoice(1, "Łukasz Wróblewski", True), SubjectChoice(2, "王芳")])
    qtmodeltester.check(subjects)


def test_choose_a_form_and_a_person_and_the_preview_shows_pages(
    qtbot, demo_services: Services, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    screen = FormsScreen(demo_services, settings)
    qtbot.addWidget(screen)
    screen.show()
    large = next(c for c in demo_services.printing.subjects("person") if c.needs_large_print)
    assert screen.select_form("referral")
    with qtbot.waitSignal(screen.preview_shown, timeout=30_000) as blank:
        pass
    assert blank.args[0] >= 1
    assert screen.preview.page_count >= 1
    with qtbot.waitSignal(screen.preview_shown, timeout=30_000):
        assert screen.select_subject("person", large.id)
    # The person needs large print, so it is ticked for them, and the preview is longer.
    assert screen.large_print.isChecked()
    assert screen.current_subject() == ("person", large.id)
    assert screen.preview.page_count > blank.args[0]
    assert screen.preview.print_button.isEnabled()
    preview_file = screen.preview.pdf_path
    assert preview_file is not None and preview_file.exists()
    screen.preview.cleanup()
    assert not preview_file.parent.exists()


def test_search_filters_who_the_form_is_for(
    qtbot, demo_services: Services, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    screen = FormsScreen(demo_services, settings)
    qtbot.addWidget(screen)
    screen.select_form("session-log")
    screen.filled_option.setChecked(True)
    everyone = screen.subject_proxy.rowCount()
    screen.search.setText("P0001")
    assert 1 <= screen.subject_proxy.rowCount() < everyone
    screen.select_form("role-description")
    assert not screen.filled_option.isEnabled()
    assert screen.blank_option.isChecked()
    screen.preview.cleanup()


def test_print_menu_lists_the_forms_for_a_pairing_and_opens_a_preview(
    qtbot, demo_services: Services, settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    menu = make_print_menu(demo_services, settings, "pairing", 1)
    names = [action.data() for action in menu.actions()]
    assert "session-log" in names and "introduction-pack" in names and "referral" not in names
    dialog = FormPreviewDialog(demo_services, "pairing", 1, "session-log")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=30_000):
        dialog.render_form()
    assert dialog.preview.page_count >= 1
    target = tmp_path / "saved"
    dialog.preview.save_to(target)
    assert (tmp_path / "saved.pdf").read_bytes().startswith(b"%PDF")
    dialog.preview.cleanup()
