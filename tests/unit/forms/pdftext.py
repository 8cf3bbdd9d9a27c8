"""Reading a PDF back: its text per page (pdftotext, else pypdf) and its fonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

from pypdf import PdfReader

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pages_text(pdf: bytes) -> list[str]:
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
        return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def normalise(text: str) -> str:
    """NFKC (Arabic presentation forms back to letters), no bidi marks, spaces collapsed."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font used on any page."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font in (resources.get_object().get("/Font") or {}).values():
            font = font.get_object()
            name = str(font.get("/BaseFont"))
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts") or []:
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            found[name] = found.get(name, False) or embedded
    return sorted(found.items())


def body_text(pdf: bytes, title: str, organisation: str) -> str:
    """The text of every page without the running header and footer, normalised, so that a
    note carried over a page break reads on as one piece."""
    furniture = {
        f"{title} · version 1",
        "Confidential when completed",
        title,
        organisation,
        f"{organisation} {title}",
    }
    kept: list[str] = []
    for page in pages_text(pdf):
        for line in page.splitlines():
            clean = normalise(line)
            if clean in furniture or re.fullmatch(r"page \d+ of \d+", clean):
                continue
            if clean.endswith("(continued)"):
                continue
            kept.append(clean)
    return normalise(" ".join(kept))
