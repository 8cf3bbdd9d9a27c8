"""The import assistant with a sheet of referrals: it maps the referral columns itself, offers
the referral fields to choose from, lists each referral in the check before importing, and
imports them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.ui.importing.assistant import ImportAssistant
from tests.ui.import_steps import next_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _without_the_unknown_source(tmp_path: Path) -> Path:
    """The fixture less its one row with a source word peerdesk does not know."""
    lines = (FIXTURES / "people_with_referrals.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "referrals.csv"
    path.write_text("\n".join(x for x in lines if "Pharmacist" not in x) + "\n", encoding="utf-8")
    return path


def _cells(model, column: int) -> list[str]:
    return [
        str(model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
    ]


def test_the_assistant_maps_shows_and_imports_referrals(
    qtbot, services: Services, paths: Paths, tmp_path: Path
) -> None:
    assistant = ImportAssistant(services, paths)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.file_page.path.setText(str(_without_the_unknown_source(tmp_path)))
    next_page(qtbot, assistant)  # the file is read in the background
    page = assistant.mapping_page
    assert assistant.currentPage() is page
    imported_as = dict(zip(_cells(page.columns, 0), _cells(page.columns, 2), strict=True))
    assert imported_as["Date referred"] == "Referral date"
    assert imported_as["Referrer"] == "Referred by"
    assert imported_as["How they heard"] == "Referral source"
    assert imported_as["Status"] == "Referral status"
    offered = [page.field_choice.itemText(i) for i in range(page.field_choice.count())]
    for label in ("Referral date", "Referral source", "Referred by", "Referral status"):
        assert label in offered
    next_page(qtbot, assistant)  # the preview is made in the background
    preview = assistant.preview_page
    assert assistant.currentPage() is preview
    assert preview.isComplete()
    assert "4 referrals will be added" in preview.summary.text()
    what = _cells(preview.plan, 2)
    details = [d for w, d in zip(what, _cells(preview.plan, 3), strict=True) if w == "Referral"]
    assert len(details) == 4
    assert details[0].startswith("Amira Haddad: received 3 March 2026, GP (Dr Okafor")
    assert services.people.list_rows() == []  # the check writes nothing
    assert assistant.grab().save(str(tmp_path / "import-preview-referrals.png"))
    with qtbot.waitSignal(assistant.imported, timeout=20_000) as blocker:
        assistant.next()
    assert blocker.args[0].committed
    qtbot.waitUntil(lambda: assistant.currentPage() is assistant.summary_page)
    assert "4 referrals were added" in assistant.summary_page.text.text()
    amira = next(p for p in services.people.list_rows() if p.name.startswith("Amira"))
    [referral] = services.referrals.for_person(amira.id)
    assert (referral.source, referral.status) == ("gp", "accepted")
