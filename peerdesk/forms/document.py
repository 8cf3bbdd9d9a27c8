"""Turning form descriptions into a PDF: page frame, header, footer and page numbers.

Each form (a "section"; a pack has several) starts on a new page with the organisation's
header and the form's title. The footer (form name, version, "Confidential when completed",
"page N of M") is drawn once every page is laid out, so M is known; in a pack, pages are
numbered within each form, because each form is handed out on its own.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from peerdesk import files
from peerdesk.forms.data import FormData, FormSpec, OrganisationInfo
from peerdesk.forms.fonts import font_for, markup, register_fonts, visual
from peerdesk.forms.layout import Kit, table_style
from peerdesk.forms.styles import (
    ACCENT,
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    PrintStyle,
)

CONFIDENTIAL = "Confidential when completed"


class _SectionMark(Flowable):
    """Invisible: tells the canvas which form the following pages belong to."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._peerdesk_section = self.index  # type: ignore[attr-defined]


def _numbered_canvas(
    specs: Sequence[FormSpec], organisation: OrganisationInfo, style: PrintStyle
) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds every page until the end, then draws running header and footer on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # reportlab starts every page in Helvetica, which is not embedded: use ours.
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = register_fonts().regular
            super().__init__(*args, **kwargs)
            self._pages: list[tuple[int, dict[str, Any]]] = []
            self._peerdesk_section = 0

        def showPage(self) -> None:
            self._pages.append((self._peerdesk_section, dict(self.__dict__)))
            self._startPage()

        def save(self) -> None:
            counts: dict[int, int] = {}
            for section, _ in self._pages:
                counts[section] = counts.get(section, 0) + 1
            seen: dict[int, int] = {}
            for section, state in self._pages:
                seen[section] = seen.get(section, 0) + 1
                self.__dict__.update(state)
                _draw_running(
                    self, specs[section], organisation, style, seen[section], counts[section]
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_running(
    canvas: Canvas,
    spec: FormSpec,
    organisation: OrganisationInfo,
    style: PrintStyle,
    page: int,
    pages: int,
) -> None:
    fonts = register_fonts()
    size = style.footer
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    # Footer: a rule, then the form's name and version, confidentiality, and the page count.
    base = MARGIN_BOTTOM - 9 * mm
    canvas.line(MARGIN_X, base + size + 2.5 * mm, PAGE_WIDTH - MARGIN_X, base + size + 2.5 * mm)
    canvas.setFont(fonts.regular, size)
    canvas.drawString(MARGIN_X, base, f"{spec.title} · version {spec.version}")
    canvas.setFont(fonts.bold, size)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, base, f"page {page} of {pages}")
    if spec.confidential:
        canvas.setFont(fonts.bold, size)
        canvas.drawString(MARGIN_X, base - size * 1.35, CONFIDENTIAL)
    # Running header from the second page of a form: who it is from and which form.
    if page > 1:
        top = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
        name = visual(organisation.name)
        font = font_for(name)
        canvas.setFont(font, size)
        canvas.drawString(MARGIN_X, top, name)
        room = CONTENT_WIDTH - stringWidth(name, font, size) - 8 * mm
        # The form's name is in the footer too: leave it out here rather than overprint.
        if stringWidth(spec.title, font, size) <= room:
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, spec.title)
        canvas.line(MARGIN_X, top - 2 * mm, PAGE_WIDTH - MARGIN_X, top - 2 * mm)
    canvas.restoreState()


def _logo(png: bytes | None, max_height: float) -> Image | None:
    if not png:
        return None
    try:
        reader = ImageReader(io.BytesIO(png))
        width, height = reader.getSize()
    except (OSError, ValueError):
        return None  # a damaged logo must not stop the form from printing
    scale = min(max_height / height, (45 * mm) / width)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)


def _header(spec: FormSpec, organisation: OrganisationInfo, style: PrintStyle) -> list[Flowable]:
    details: list[Flowable] = []
    if organisation.name.strip():
        details.append(Paragraph(markup(organisation.name), style.p_org_name))
    address = ", ".join(
        part.strip()
        for part in [*organisation.address.splitlines(), organisation.postcode]
        if part.strip()
    )
    contact = "   ".join(p for p in (organisation.phone, organisation.email) if p.strip())
    for line in (address, contact):
        if line:
            details.append(Paragraph(markup(line), style.p_org_detail))
    if organisation.charity_number.strip():
        details.append(
            Paragraph(
                markup(f"Registered charity number {organisation.charity_number}"),
                style.p_org_detail,
            )
        )
    flowables: list[Flowable] = []
    logo = _logo(organisation.logo_png, 22 * mm if not style.large else 28 * mm)
    if details or logo is not None:
        if logo is not None:
            logo_width = logo.drawWidth + 5 * mm
            row: list[Any] = [logo, details]
            widths = [logo_width, CONTENT_WIDTH - logo_width]
        else:
            row, widths = [details], [CONTENT_WIDTH]
        flowables.append(
            Table(
                [row],
                colWidths=widths,
                style=table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
                hAlign="LEFT",
            )
        )
        flowables.append(
            HRFlowable(
                width="100%", thickness=1.2, color=ACCENT, spaceBefore=3 * mm, spaceAfter=5 * mm
            )
        )
    flowables.append(Paragraph(markup(spec.title), style.p_title))
    if spec.summary:
        flowables.append(Paragraph(markup(spec.summary), style.p_hint))
    return flowables


def story_for(
    spec: FormSpec, data: FormData, organisation: OrganisationInfo, style: PrintStyle
) -> list[Flowable]:
    """The flowables of one form: header, title, then what the form module describes."""
    if spec.build is None:
        raise ValueError(f"form {spec.name} has no layout of its own")
    kit = Kit(style, data, organisation)
    story = _header(spec, organisation, style)
    story.append(kit.space(0.6))
    story.extend(spec.build(kit))
    # Space after the last box must not push a blank page out on its own.
    while story and isinstance(story[-1], Spacer):
        story.pop()
    return story


def expand(spec: FormSpec, data: FormData) -> list[tuple[FormSpec, FormData]]:
    """A form is one section; a pack is the forms it joins."""
    if spec.compose is not None:
        return spec.compose(data)
    return [(spec, data)]


def render_pdf(
    spec: FormSpec,
    data: FormData | None = None,
    organisation: OrganisationInfo | None = None,
    *,
    large_print: bool = False,
) -> bytes:
    """The form as PDF bytes. Blank when `data` is None or empty."""
    register_fonts()
    style = PrintStyle.choose(large_print)
    organisation = organisation or OrganisationInfo()
    sections = expand(spec, data or FormData())
    story: list[Flowable] = []
    for index, (section_spec, section_data) in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(_SectionMark(index))
        story.extend(story_for(section_spec, section_data, organisation, style))
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=spec.title,
        author=organisation.name,
        creator="peerdesk",
        subject=spec.title,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="form", frames=[frame])])
    section_specs = [s for s, _ in sections]
    document.build(story, canvasmaker=_numbered_canvas(section_specs, organisation, style))
    return buffer.getvalue()


def write_pdf(pdf: bytes, path: Path) -> Path:
    """Write the PDF whole (see `peerdesk.files`): a failed or interrupted write never
    leaves half a PDF under the real name."""
    return files.write_bytes(Path(path), pdf)
