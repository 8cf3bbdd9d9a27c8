"""Forms: an introduction pack and 100 pre-filled session log sheets, against bare reportlab.

Ours: `services.printing.render(name, "pairing", id)`, the public API the Forms screen and the
`peerdesk form` command use: gather the pairing's data, lay the form out, write the PDF.
Floor: reportlab's canvas drawing the very same text (read back from our PDFs beforehand, line
by line, page by page) with `drawString` on blank A4 pages in the same embedded font. The
ratio is the cost of our layout layer: boxes, tables, wrapping, headers and page numbers.
"""

from __future__ import annotations

import io
from typing import Any

from bench.harness import Comparison, interleave

SESSION_LOGS = 100


def pairing_ids(services: Any, count: int) -> list[int]:
    """The first pairings that have started (their sheets carry names and a reference)."""
    choices = services.printing.subjects("pairing")
    ids = sorted(choice.id for choice in choices)
    return ids[:count]


def _jobs(services: Any) -> list[tuple[str, int]]:
    ids = pairing_ids(services, SESSION_LOGS)
    return [("introduction-pack", ids[0])] + [("session-log", pairing) for pairing in ids]


def our_forms(services: Any, jobs: list[tuple[str, int]]) -> list[bytes]:
    return [services.printing.render(name, "pairing", pairing) for name, pairing in jobs]


def page_texts(pdf: bytes) -> list[list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return [[line for line in (page.extract_text() or "").splitlines()] for page in reader.pages]


def bare_reportlab(documents: list[list[list[str]]]) -> list[bytes]:
    """Draw each document's lines on blank pages, top to bottom, one string per line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from peerdesk.forms.fonts import register_fonts

    font = register_fonts().regular
    height = A4[1]
    results = []
    for pages in documents:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4)
        for lines in pages:
            canvas.setFont(font, 10)
            y = height - 50
            for line in lines:
                canvas.drawString(50, y, line)
                y -= 12
            canvas.showPage()
        canvas.save()
        results.append(buffer.getvalue())
    return results


def run(services: Any, runs: int) -> Comparison:
    jobs = _jobs(services)
    documents = [page_texts(pdf) for pdf in our_forms(services, jobs)]
    pages = sum(len(document) for document in documents)
    lines = sum(len(page) for document in documents for page in document)
    mine, floor = interleave(
        lambda: our_forms(services, jobs), lambda: bare_reportlab(documents), runs
    )
    return Comparison(
        "forms",
        "Forms: pack + 100 session logs",
        mine,
        floor,
        2.0,
        "reportlab canvas.drawString of the same text on blank pages, same font",
        notes=[
            f"one introduction pack and {len(jobs) - 1} pre-filled session log sheets: "
            f"{len(jobs)} PDFs, {pages} pages, {lines:,} lines of text",
            "ours includes reading each pairing from the database (the floor is given the text)",
        ],
        extra={"documents": len(jobs), "pages": pages, "lines": lines},
    )
