"""The pure form renderer: any script, long text, page numbers, no placeholder words."""

from __future__ import annotations

import re

import pytest

from peerdesk.forms.catalogue import FORMS, form_names, forms_for, get_form, render
from peerdesk.forms.data import FormData, OrganisationInfo
from tests.unit.forms.pdftext import body_text, fonts, normalise, pages_text

ORG = OrganisationInfo(
    name="Caithness Peer Support",
    address="Unit 4, The Old School\nHigh Street",
    postcode="KW14 7AB",
    charity_number="SC012345",
)
NAMES = ["Łukasz Wróblewski", "Siobhán Ó Súilleabháin", "محمد الأحمد", "王芳"]
WORDS = ["peer", "support", "is", "about", "sharing", "what", "helped", "and", "listening", "well"]
NOTE = " ".join(f"{WORDS[i % len(WORDS)]}{i}" for i in range(400))[:3000].rstrip()


def test_every_form_has_a_unique_short_name() -> None:
    names = form_names()
    # Issue 22 adds forms in three parts at once: each checks its own names are there.
    assert len(names) >= 21 and len(names) == len(set(names))
    assert "reference-request" in names
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)
    assert get_form("session-log") is not None and get_form("nonsense") is None
    assert {f.name for f in forms_for("pairing")} >= {"session-log", "introduction-pack"}


@pytest.fixture(scope="module")
def international_pdfs() -> dict[str, bytes]:
    mentor, mentee = NAMES[0], NAMES[2]
    pairing = FormData(
        fields={
            "mentor_name": mentor,
            "mentee_name": mentee,
            "pairing_reference": "P0007",
            "goal_1": NAMES[1],
            "goal_2": NAMES[3],
            "goal_3": NOTE,
        }
    )
    referral = FormData(
        fields={"first_name": NAMES[3], "last_name": "", "referrer_name": NAMES[1], "hopes": NOTE}
    )
    return {
        "agreement": render("mentoring-agreement", pairing, ORG),
        "agreement-large": render("mentoring-agreement", pairing, ORG, large_print=True),
        "referral-large": render("referral", referral, ORG, large_print=True),
    }


@pytest.mark.parametrize("which", ["agreement", "agreement-large", "referral-large"])
def test_names_in_any_script_and_a_long_note_come_back_whole(
    international_pdfs: dict[str, bytes], which: str
) -> None:
    pdf = international_pdfs[which]
    title = "Referral form" if which.startswith("referral") else "Mentoring agreement"
    text = body_text(pdf, title, ORG.name)
    expected = NAMES if which.startswith("agreement") else [NAMES[1], NAMES[3]]
    for name in expected:
        assert name in text, name
    # The whole 3,000-character note, in order, even when it runs on over a page.
    assert normalise(NOTE) in text


def test_a_long_note_in_large_print_continues_on_the_next_page(
    international_pdfs: dict[str, bytes],
) -> None:
    pages = [normalise(p) for p in pages_text(international_pdfs["referral-large"])]
    holding = [i for i, page in enumerate(pages) if "sharing" in page and "helped" in page]
    assert len(holding) >= 2, "the note should carry on across pages in large print"
    assert any("(continued)" in pages[i] for i in holding)


def test_page_numbers_and_fonts_embedded(international_pdfs: dict[str, bytes]) -> None:
    for pdf in international_pdfs.values():
        pages = pages_text(pdf)
        for number, page in enumerate(pages, 1):
            assert f"page {number} of {len(pages)}" in page
        used = fonts(pdf)
        assert used and all(embedded for _, embedded in used), used
        assert any("DroidSansFallback" in name for name, _ in used)


def test_blank_forms_have_no_placeholder_words() -> None:
    pdf = render("referral", None, OrganisationInfo())
    text = normalise(" ".join(pages_text(pdf)))
    for word in ("None", "null", "TODO", "Lorem"):
        assert word not in text.split()
    assert "Referral form" in text


def test_pack_numbers_pages_within_each_form() -> None:
    pdf = render("introduction-pack", None, ORG)
    pages = [normalise(p) for p in pages_text(pdf)]
    starts = [p for p in pages if "page 1 of" in p]
    # Cover, agreement, two confidentiality agreements, lone working, four session logs.
    assert len(starts) == 9
    assert "Introduction pack · version" in starts[0]
    assert sum("Confidentiality agreement · version" in p for p in starts) == 2
    assert sum("Session log sheet · version" in p for p in starts) == 4


def test_footer_marks_personal_forms_confidential() -> None:
    for form in FORMS:
        if form.name in ("role-description", "introduction-pack"):
            continue
        assert form.confidential, form.name
    assert get_form("role-description").confidential is False  # type: ignore[union-attr]
