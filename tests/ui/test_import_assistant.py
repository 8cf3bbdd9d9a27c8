"""The import assistant: choose a file, check the columns, see the problems, import."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import Action
from peerdesk.ui.importing.assistant import ImportAssistant
from peerdesk.ui.importing.models import ColumnsModel, PlanModel, ProblemsModel, SheetPreviewModel
from peerdesk.ui.menu_extras import MENU_ENTRIES
from tests.ui.import_steps import FIXTURES, next_page


def _start(qtbot, services: Services, paths: Paths, name: str) -> ImportAssistant:
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.file_page.path.setText(str(FIXTURES / name))
    next_page(qtbot, assistant)  # the file is read in the background
    return assistant


def _cells(model, column: int) -> list[str]:
    return [
        str(model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
    ]


def test_a_problem_row_is_shown_and_nothing_can_be_imported(
    qtbot, services: Services, paths: Paths, tmp_path: Path
) -> None:
    assistant = _start(qtbot, services, paths, "people_with_problems.csv")
    assert assistant.currentPage() is assistant.mapping_page
    assert _cells(assistant.mapping_page.columns, 2) == [
        "First name",
        "Last name",
        "Date of birth",
        "Mentor",
    ]
    next_page(qtbot, assistant)
    page = assistant.preview_page
    assert assistant.currentPage() is page
    problems = page.problems
    assert _cells(problems, 1)[:3] == ["3", "4", "5"]
    assert _cells(problems, 2)[:3] == ["First name", "Date of birth", "Mentor"]
    assert "Unknown mentor 'Nobody Known'" in _cells(problems, 3)[2]
    assert not page.isComplete()
    assert "must be fixed" in page.summary.text()
    assert assistant.grab().save(str(tmp_path / "import-preview-problems.png"))
    assert services.people.list_rows() == []


def test_the_assistant_imports_a_workbook(
    qtbot, services: Services, paths: Paths, tmp_path: Path
) -> None:
    assistant = _start(qtbot, services, paths, "caithness_records.xlsx")
    page = assistant.mapping_page
    assert page.sheet.currentText() == "Mentees"
    assert page.header_row.value() == 3
    headings = [page.preview.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
    assert headings[0] == "Forename\n→ First name"
    assert assistant.grab().save(str(tmp_path / "import-mapping.png"))
    next_page(qtbot, assistant)
    preview = assistant.preview_page
    assert preview.isComplete()
    assert "6 people will be added" in preview.summary.text()
    assert assistant.grab().save(str(tmp_path / "import-preview.png"))
    with qtbot.waitSignal(assistant.imported, timeout=20_000) as blocker:
        assistant.next()
    result = blocker.args[0]
    assert result.committed
    qtbot.waitUntil(lambda: assistant.currentPage() is assistant.summary_page)
    assert "6 people were added" in assistant.summary_page.text.text()
    assert len(services.people.list_rows()) == 6
    assert assistant.grab().save(str(tmp_path / "import-summary.png"))


def test_changing_a_column_updates_the_live_preview(
    qtbot, services: Services, paths: Paths
) -> None:
    assistant = _start(qtbot, services, paths, "people_semicolon.csv")
    page = assistant.mapping_page
    assert page.columns.field_of(0) == ""
    page.columns_view.selectRow(0)
    page.field_choice.setCurrentIndex(page.field_choice.findData("first_name"))
    assert page.preview.headerData(0, Qt.Orientation.Horizontal) == "Vorname\n→ First name"
    next_page(qtbot, assistant)
    assert assistant.preview_page.isComplete()
    assert [r.action for r in assistant.preview.rows] == [Action.CREATE, Action.CREATE]


def test_a_duplicate_choice_changes_the_plan(
    qtbot, services: Services, paths: Paths, tmp_path: Path
) -> None:
    copy = tmp_path / "people.csv"
    shutil.copy(FIXTURES / "people_windows1252.csv", copy)
    from peerdesk.services.people.service import PersonDetails

    services.people.add(PersonDetails(first_name="José", last_name="Núñez", phone="01955 600100"))
    assistant = _start(qtbot, services, paths, str(copy))
    next_page(qtbot, assistant)
    page = assistant.preview_page
    row = next(i for i, r in enumerate(page.plan.rows) if r.duplicate)
    page.plan_view.selectRow(row)
    assert page.choice.isEnabled()
    page.choice.setCurrentIndex(page.choice.findData("update"))
    page.choice.activated.emit(page.choice.currentIndex())
    # The preview is made again in the background; the chosen row stays chosen.
    qtbot.waitUntil(lambda: page.plan.rows[row].action is Action.UPDATE, timeout=20_000)
    assert not assistant.working
    assert page.plan_view.currentIndex().row() == row
    assert page.choice.currentData() == "update"


def test_models_pass_the_model_tester(qtmodeltester, services: Services, paths: Paths) -> None:
    source = services.importing.read(FIXTURES / "caithness_records.xlsx")
    settings = services.importing.suggest(source)
    preview = services.importing.preview(source, settings)
    columns, sheet_preview = ColumnsModel(), SheetPreviewModel()
    columns.set_sheet(source.sheets[0], settings.sheets["Mentees"])
    sheet_preview.set_sheet(source.sheets[0], settings.sheets["Mentees"])
    plan, problems = PlanModel(), ProblemsModel()
    plan.set_preview(preview)
    problems.set_problems(preview.problems)
    for model in (columns, sheet_preview, plan, problems):
        qtmodeltester.check(model)


def test_menu_entries_are_there() -> None:
    texts = [(e.menu, e.text.replace("&", "")) for e in MENU_ENTRIES]  # without access keys
    assert ("File", "Import from a spreadsheet…") in texts
    assert ("File", "Export people…") in texts and ("File", "Export sessions…") in texts
