"""Record pages and dialogs as a screen reader reads them (issue 24, through Qt's accessibility
interfaces, no AT-SPI needed): every tab of a mentee's and a mentor's page, a pairing's page in
each state, every group's page and every catalogued dialog read what they show; titles are
plain words, said when a page opens; the print preview says in words which form it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.views import GroupDetails
from peerdesk.ui import announcer
from peerdesk.ui.expenses.claim_dialog import ClaimDialog
from peerdesk.ui.groups.group_page import GroupPage
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.printing.preview import PdfPreview
from peerdesk.ui.widgets.headings import Heading
from scripts.dialog_catalogue import DIALOGS
from tests.ui import a11y_tree

P = TypeVar("P", bound=QWidget)


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(demo_services, settings)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    settings.clear()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What is announced, heard at the one seam."""
    heard: list[str] = []
    monkeypatch.setattr(announcer, "announce", lambda text, *_a, **_k: heard.append(text))
    return heard


def _open(qtbot: QtBot, window: MainWindow, kind: str, record_id: int, page: type[P]) -> P:
    """Open a record the way the app does and wait for its page (screens are built when first
    shown)."""
    window.open_record(kind, record_id)
    found = window.findChild(page)
    assert found is not None
    qtbot.waitUntil(found.isVisible, timeout=3000)
    return found


def _person_page(qtbot: QtBot, window: MainWindow, person_id: int) -> PersonPage:
    return _open(qtbot, window, "person", person_id, PersonPage)


@pytest.mark.parametrize("who", ["mentee", "mentor"])
def test_every_tab_of_a_person_page_reads_what_it_shows(
    qtbot: QtBot, window: MainWindow, demo_services: Services, who: str
) -> None:
    rows = demo_services.people.list_rows()
    chosen = next(
        r for r in rows if (r.status == "Paired" if who == "mentee" else "mentor" in r.roles)
    )
    page = _person_page(qtbot, window, chosen.id)
    found: list[str] = []
    for key in page.tabs.shown_keys():
        page.tabs.choose(key)
        qtbot.waitUntil(lambda k=key: page.tabs.current_key() == k, timeout=2000)
        found += [f"{key}: {problem}" for problem in a11y_tree.problems(page)]
    assert found == []


def test_a_detail_is_read_as_its_value_labelled_by_its_caption(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    person = next(r for r in demo_services.people.list_rows() if r.status == "Paired")
    page = _person_page(qtbot, window, person.id)
    facts = page.details.facts
    values = [
        facts.itemAt(row, facts.ItemRole.FieldRole).widget() for row in range(facts.rowCount())
    ]
    gender = next(
        v for v in values if isinstance(v, QLabel) and v.text() == page.details.fact("Gender")
    )
    reader = QAccessible.queryAccessibleInterface(gender)
    assert reader.text(QAccessible.Text.Name) == gender.text()
    labels = [
        other.text(QAccessible.Text.Name)
        for other, relation in reader.relations(QAccessible.RelationFlag.Label)
    ]
    # Its caption first; Qt adds the section around it ("Details and contact permissions").
    assert labels[0] == "Gender:"
    # Not in the keyboard's way: Tab goes from action to action.
    assert gender.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_pairing_page_in_each_state_reads_what_it_shows(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    by_status = {row.status: row.id for row in demo_services.pairings.rows()}
    assert len(by_status) >= 4, by_status  # the demo has pairings in most states
    found: list[str] = []
    for status, pairing_id in by_status.items():
        page = _open(qtbot, window, "pairing", pairing_id, PairingPage)
        found += [f"{status}: {problem}" for problem in a11y_tree.problems(page)]
    assert found == []


def test_every_group_page_and_tab_reads_what_it_shows(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    found: list[str] = []
    for row in demo_services.groups.rows():
        page = _open(qtbot, window, "group", row.id, GroupPage)
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
            found += [f"{row.name}, tab {index}: {p}" for p in a11y_tree.problems(page)]
    assert found == []


@pytest.mark.parametrize(("name", "make"), DIALOGS, ids=[name for name, _ in DIALOGS])
def test_every_dialog_reads_what_it_shows(
    qtbot: QtBot, window: MainWindow, demo_services: Services, name: str, make: object
) -> None:
    dialog = make(demo_services, window)  # type: ignore[operator]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert a11y_tree.problems(dialog) == []
    dialog.reject()


def test_a_title_is_plain_words_and_said_when_its_page_opens(
    qtbot: QtBot, window: MainWindow, demo_services: Services, said: list[str]
) -> None:
    row = demo_services.groups.rows()[0]
    details = GroupDetails.of(demo_services.groups.get(row.id))
    details.name = "Tea & <Talk>"
    demo_services.groups.update(row.id, details)
    page = _open(qtbot, window, "group", row.id, GroupPage)
    reader = QAccessible.queryAccessibleInterface(page.heading)
    assert isinstance(page.heading, Heading)
    assert reader.text(QAccessible.Text.Name) == "Tea & <Talk>"
    assert a11y_tree.shown_text(page.heading) == "Tea & <Talk>"
    assert not a11y_tree.MARKUP.search(reader.text(QAccessible.Text.Description))
    assert said[-1] == "Tea & <Talk>"
    # Refreshing the page it is on says nothing more.
    heard = len(said)
    page.reload()
    assert len(said) == heard


def test_a_pairing_title_is_said_each_time_the_page_opens(
    qtbot: QtBot, window: MainWindow, demo_services: Services, said: list[str]
) -> None:
    pairing = demo_services.pairings.rows()[0]
    page = _open(qtbot, window, "pairing", pairing.id, PairingPage)
    title = page.heading.title
    assert title.startswith(pairing.reference) and title in said
    reader = QAccessible.queryAccessibleInterface(page.heading)
    assert reader.text(QAccessible.Text.Name) == title
    window.show_screen("today")
    said.clear()
    window.open_record("pairing", pairing.id)
    qtbot.waitUntil(page.isVisible, timeout=3000)
    assert title in said


def test_the_preview_says_which_form_and_how_many_pages_then_offers_open(
    qtbot: QtBot, demo_services: Services, said: list[str]
) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 800)
    preview.show()
    qtbot.waitExposed(preview)
    form = demo_services.printing.forms()[0]
    preview.show_pdf(demo_services.printing.render(form.name), "form.pdf")
    pages = preview.page_count
    words = f"{pages} page{'' if pages == 1 else 's'}"
    assert preview.about.isVisible()
    assert a11y_tree.shown_text(preview.about) == f"{form.title}: {words}."
    view = QAccessible.queryAccessibleInterface(preview.view)
    assert view.text(QAccessible.Text.Name) == f"Preview of {form.title}"
    description = view.text(QAccessible.Text.Description)
    assert words in description and "Open in PDF viewer" in description
    assert f"{form.title} ready to print: {words}." in said
    assert a11y_tree.problems(preview) == []
    # From the pages, Tab goes to Open in PDF viewer, the first button below them.
    assert preview.open_button.mapTo(preview, preview.open_button.rect().topLeft()).y() > (
        preview.view.mapTo(preview, preview.view.rect().bottomLeft()).y()
    )
    preview.view.setFocus()
    qtbot.waitUntil(preview.view.hasFocus, timeout=2000)
    qtbot.keyClick(preview.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is preview.open_button
    # With no form, no words about one.
    preview.show_message("Choose a form to see it here.")
    assert not preview.about.isVisible()


def test_the_claim_lines_table_shows_every_heading_at_the_largest_text(
    qtbot: QtBot, demo_services: Services, largest: QSettings
) -> None:
    mentor = next(r for r in demo_services.people.list_rows() if "mentor" in r.roles)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ClaimDialog(demo_services, parent, person_id=mentor.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
