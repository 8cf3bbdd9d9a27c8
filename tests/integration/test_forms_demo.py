"""Every form, blank and filled in from the demo records, in normal and large print, read back.

PDFs are rendered once per module and shared by the checks, to keep the run short.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.data.database import open_database
from peerdesk.forms.catalogue import FORMS
from peerdesk.services import Services
from tests.conftest import TODAY
from tests.unit.forms.pdftext import fonts, normalise, pages_text

#: (form, kind or None, large print)
CASES = [
    (form.name, kind, large)
    for form in FORMS
    for kind in [None, *(s.value for s in form.subjects)]
    for large in (False, True)
]


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("forms-demo")
    shutil.copyfile(demo_template, folder / "demo.db")
    database = open_database(folder / "demo.db", backup_dir=folder / "backups", lock=False)
    try:
        yield Services(database, today=lambda: TODAY)
    finally:
        database.close()


@pytest.fixture(scope="module")
def rendered(demo: Services) -> dict[tuple[str, str | None, bool], tuple[bytes, list[str]]]:
    """Each case rendered once: the PDF and the names that must be on it."""
    chosen: dict[str, int] = {}
    for kind in ("person", "pairing", "group", "meeting"):
        choices = demo.printing.subjects(kind)
        chosen[kind] = choices[len(choices) // 2].id
    # The letters are filled in for a referral that has an outcome (the outcome letter
    # refuses one still open).
    chosen["referral"] = next(
        c.id
        for c in demo.printing.subjects("referral")
        if demo.referrals.get(c.id).status in ("accepted", "not_taken_forward")
    )
    result = {}
    for name, kind, large in CASES:
        record_id = chosen[kind] if kind else None
        pdf = demo.printing.render(name, kind, record_id, large_print=large)
        result[(name, kind, large)] = (pdf, _expected_names(demo, kind, record_id))
    return result


def _expected_names(demo: Services, kind: str | None, record_id: int | None) -> list[str]:
    if kind is None or record_id is None:
        return []
    if kind == "person":
        return [demo.people.get(record_id).display_name]
    if kind == "pairing":
        pairing = demo.pairings.get(record_id)
        return [demo.people.get(pairing.mentor_id).display_name, pairing.reference]
    if kind == "group":
        return [demo.groups.get(record_id).name]
    if kind == "referral":
        return [demo.people.get(demo.referrals.get(record_id).person_id).display_name]
    meeting = next(
        m for g in demo.groups.all() for m in demo.groups.meetings(g.id or 0) if m.id == record_id
    )
    return [demo.groups.get(meeting.group_id).name]


@pytest.mark.parametrize(("name", "kind", "large"), CASES, ids=lambda v: str(v))
def test_form_reads_back(
    rendered: dict[tuple[str, str | None, bool], tuple[bytes, list[str]]],
    demo: Services,
    name: str,
    kind: str | None,
    large: bool,
) -> None:
    pdf, names = rendered[(name, kind, large)]
    pages = pages_text(pdf)
    text = normalise(" ".join(pages))
    spec = next(f for f in FORMS if f.name == name)
    organisation = demo.organisation.get()
    assert organisation is not None
    assert spec.title in text
    assert normalise(organisation.name) in text
    for expected in names:
        assert normalise(expected) in text, expected
    if spec.compose is None:
        for number, page in enumerate(pages, 1):
            assert f"page {number} of {len(pages)}" in normalise(page)
    else:  # a pack numbers the pages of each of its forms
        for page in pages:
            assert re.search(r"page \d+ of \d+", normalise(page))
    words = set(text.split())
    assert not words & {"None", "null", "NULL", "TODO", "placeholder"}
    used = fonts(pdf)
    assert used and all(embedded for _, embedded in used), used


def test_large_print_is_at_least_16_point(
    rendered: dict[tuple[str, str | None, bool], tuple[bytes, list[str]]],
) -> None:
    pdf, _ = rendered[("referral", "person", True)]
    sizes = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes |= {float(s) for s in re.findall(r"/F\S+ ([\d.]+) Tf", content)}
    # Everything but the footer line (13 pt) is 16 pt or more.
    assert min(sizes - {13.0}) >= 16, sorted(sizes)


def test_session_log_carries_no_address_birth_date_or_conditions(demo: Services) -> None:
    for choice in demo.printing.subjects("pairing"):
        pairing = demo.pairings.get(choice.id)
        mentee = demo.people.get(pairing.mentee_id)
        conditions = demo.people.conditions(mentee.id or 0)
        if mentee.address and mentee.date_of_birth and conditions:
            break
    else:
        pytest.fail("the demo has no mentee with address, birth date and conditions")
    text = normalise(
        " ".join(pages_text(demo.printing.render("session-log", "pairing", choice.id)))
    )
    assert normalise(mentee.display_name) in text
    assert pairing.reference in text
    for line in mentee.address.splitlines():
        assert normalise(line) not in text
    assert mentee.postcode not in text
    born = mentee.date_of_birth
    for shown in (f"{born.day} {born:%B %Y}", born.isoformat(), f"{born:%d/%m/%Y}"):
        assert shown not in text
    for condition in conditions:
        assert condition.name not in text
