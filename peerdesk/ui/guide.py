"""Help ▸ Coordinator's guide: the user guide (docs/user-guide.md), shown in the web browser.

The guide is Markdown. A browser (or Windows, which has nothing to open .md files with) would
show it as raw text, so it is turned into one HTML page with Qt's own Markdown reader and that
page is opened. The frozen app carries the guide inside the package (packaging/peerdesk.spec
copies it to resources/guide); from a source checkout it is read from docs/.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.paths import resource_path
from peerdesk.services import Services

log = logging.getLogger(__name__)

GUIDE_FILE = "user-guide.md"
PAGE_FILE = "coordinators-guide.html"


def guide_source() -> Path | None:
    """The guide's Markdown file: the copy shipped in the package, else the checkout's."""
    candidates = (
        resource_path("guide", GUIDE_FILE),
        Path(__file__).resolve().parents[2] / "docs" / GUIDE_FILE,
    )
    return next((path for path in candidates if path.is_file()), None)


def page_folder() -> Path:
    """Where the HTML page is written: a folder of its own in the system's temporary
    folder (the guide holds no one's details; it is rewritten each time it is opened)."""
    return Path(tempfile.gettempdir()) / "peerdesk-guide"


def write_page(source: Path, folder: Path) -> Path:
    """The guide as one HTML page in `folder`; its pictures stay where they are, linked by
    their full address so the page shows them from anywhere."""
    document = QTextDocument()
    document.setBaseUrl(QUrl.fromLocalFile(str(source.parent) + "/"))
    document.setMarkdown(source.read_text(encoding="utf-8"))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, "Coordinator's guide")
    pictures = QUrl.fromLocalFile(str(source.parent / "screenshots") + "/").toString()
    html = document.toHtml().replace('src="screenshots/', f'src="{pictures}')
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / PAGE_FILE
    page.write_text(html, encoding="utf-8")
    return page


def open_guide(_services: Services, _settings: QSettings, parent: QWidget) -> None:
    """Help ▸ Coordinator's guide: open the guide in the web browser, or say why not."""
    source = guide_source()
    problem = ""
    if source is None:
        problem = "The guide is not included in this copy of peerdesk."
    else:
        try:
            page = write_page(source, page_folder())
        except OSError as error:
            log.warning("The guide page could not be written: %s", error.strerror)
            problem = "The guide could not be prepared: the temporary folder cannot be written."
        else:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(page))):
                problem = f"No web browser opened the guide. It is here: {page}"
    if problem:
        QMessageBox.information(parent, "Coordinator's guide", problem)
