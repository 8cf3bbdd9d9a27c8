"""Menu entries that features add to the main window, without editing the window itself.

Each entry: (menu title, action text, shortcut or None, callback(services, settings, parent)).
Every text has an access key (the letter after "&") of its own within its menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.backups.menu import check_database, open_backups
from peerdesk.ui.consents.menu import open_consent_gaps, open_retention, open_wordings
from peerdesk.ui.guide import open_guide
from peerdesk.ui.importing.menu import export_people, export_sessions, open_import_assistant
from peerdesk.ui.security.menu import LOCK_SHORTCUT, lock_now

MenuCallback = Callable[[Services, QSettings, QWidget], None]


@dataclass(frozen=True)
class MenuEntry:
    menu: str  # "File", "Records", "Tools" or "Help"
    text: str
    callback: MenuCallback
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None


#: Features add their entries here: import the callback from the feature's own module and add
#: one line. The main window builds its menus from this list.
MENU_ENTRIES: list[MenuEntry] = [
    MenuEntry("File", "&Backups…", open_backups),
    MenuEntry("Help", "&Coordinator's guide", open_guide),
    MenuEntry("Help", "Check the &database", check_database),
    MenuEntry("Records", "&Consents expiring or missing…", open_consent_gaps),
    MenuEntry("Records", "Consent &wordings…", open_wordings),
    MenuEntry("Records", "&Retention…", open_retention),
    MenuEntry("File", "&Import from a spreadsheet…", open_import_assistant),
    MenuEntry("File", "&Export people…", export_people),
    MenuEntry("File", "Export &sessions…", export_sessions),
    MenuEntry("File", "&Lock now", lock_now, LOCK_SHORTCUT),
]
