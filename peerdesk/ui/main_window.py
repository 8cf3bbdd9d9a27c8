"""The main window: navigation on the left, one screen at a time on the right, menus with the
usual shortcuts, a status bar, and a clear DEMO banner when the demo file is open."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk import __version__
from peerdesk.services import Services
from peerdesk.ui import preferences, status_speech, theme
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.backups.location_warning import (
    BACKUP_FAILURES_FOR_BANNER,
    backup_failing_html,
    warning_html,
)
from peerdesk.ui.backups.menu import open_backups, watch_health
from peerdesk.ui.menu_extras import MENU_ENTRIES
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.screens import SCREENS, Screen
from peerdesk.ui.screens.lazy import LazyScreens
from peerdesk.ui.undo_actions import UndoActions
from peerdesk.ui.widgets.banner import Banner, OneLineBanner
from peerdesk.ui.widgets.page_stack import PageStack

DEMO_BANNER = (
    "DEMO: every person here is fictional, for exploring safely. Your own records are kept "
    "in a separate file; to use them, close peerdesk, open it again and choose “Start with "
    "my organisation”."
)

NEW_PERSON_TEXT = "&New person…"

#: The View menu's entries, each with an access key of its own in that menu (the screens'
#: titles elsewhere, the navigation list say, have none).
VIEW_TEXTS = {
    "today": "&Today",
    "people": "&People",
    "pairings": "P&airings",
    "sessions": "&Sessions",
    "groups": "&Groups",
    "forms": "&Forms",
    "figures": "F&igures",
    "expenses": "&Expenses",
    "concerns": "&Concerns",
    "training": "T&raining",
    "settings": "Setti&ngs",
}

#: Edit actions passed to whichever text input has the keyboard focus (Undo and Redo are
#: UndoActions: of typing in a text box, of the last saved change elsewhere).
EDIT_ACTIONS = (
    ("Cu&t", QKeySequence.StandardKey.Cut, "cut"),
    ("&Copy", QKeySequence.StandardKey.Copy, "copy"),
    ("&Paste", QKeySequence.StandardKey.Paste, "paste"),
    ("Select &all", QKeySequence.StandardKey.SelectAll, "selectAll"),
)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        # The backup folder and rotation an older peerdesk kept in settings.ini move into the
        # database once, before anything (the location check, automatic backups) reads them.
        preferences.adopt_old_backup_settings(settings, services)
        # Each screen is built the first time it is needed: start-up builds only Today.
        self.screens = LazyScreens([key for key, _, _ in SCREENS], self._build_screen)
        self._menus: dict[str, QMenu] = {}
        self._backup_failures = 0
        self._build()
        self._build_menus()
        self.health_watch = watch_health(self, services, settings)  # weekly check, a minute on
        self._update_title()
        self.check_locations()
        geometry = preferences.WINDOW_GEOMETRY.read(settings)
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            # A size saved on another screen (or a tiny one) must still show every screen.
            self.resize(self.size().expandedTo(self.minimumSizeHint()))
        else:
            self._fit_to_screen(QSize(1180, 780))

    def _fit_to_screen(self, wanted: QSize) -> None:
        """The first time: a comfortable size that fits the screen (a small laptop too), centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(wanted)
            return
        room = screen.availableGeometry()
        size = wanted.boundedTo(QSize(room.width() * 95 // 100, room.height() * 92 // 100))
        self.resize(size.expandedTo(self.minimumSizeHint()))
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.demo_banner = OneLineBanner(DEMO_BANNER)
        self.demo_banner.setObjectName("demoBanner")
        outer.addWidget(self.demo_banner)
        # Warnings that need the coordinator: a risky place for the records, failing backups.
        self.location_banner = Banner("Where your records are kept", central)
        self.backup_banner = Banner("Automatic backups", central)
        outer.addWidget(self.location_banner)
        outer.addWidget(self.backup_banner)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.navigation = QListWidget(central)
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setObjectName("navigation")
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stack = PageStack(central)
        for key, title, _factory in SCREENS:
            # A light stand-in keeps the stack's rows in step with the navigation's.
            self.stack.addWidget(QWidget(self.stack))
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self._size_navigation()
        self.navigation.currentRowChanged.connect(self._on_navigation_changed)
        row.addWidget(self.navigation)
        # On a short laptop screen at a large text size a screen may be taller than the
        # window: then it scrolls up and down as a whole rather than squeezing its parts.
        self.screen_area = QScrollArea(central)
        self.screen_area.setObjectName("screenArea")
        self.screen_area.setFrameShape(QFrame.Shape.NoFrame)
        # No silent Tab stop (no name, no focus shown): Tab to a widget scrolls it into view.
        self.screen_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screen_area.setWidgetResizable(True)
        self.screen_area.setWidget(self.stack)
        row.addWidget(self.screen_area, 1)
        self.setCentralWidget(central)
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self.navigation.setCurrentRow(0)
        self.statusBar().showMessage("Ready", 3000)
        status_speech.speak_status_messages(self.statusBar())  # from now on: "Ready" is no news

    def _build_screen(self, key: str) -> Screen:
        """Build one screen and put it in its row of the stack, in place of its stand-in."""
        row = next(row for row, (k, _t, _f) in enumerate(SCREENS) if k == key)
        _key, title, factory = SCREENS[row]
        screen = factory(self.services, self.settings)
        screen.record_requested.connect(self.open_record)
        screen.setAccessibleName(title)
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, screen)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        if key == "settings":
            from peerdesk.ui.screens.settings import SettingsScreen

            if isinstance(screen, SettingsScreen):
                screen.organisation_saved.connect(self._update_title)
                screen.appearance_changed.connect(self._on_appearance_changed)
        return screen

    def _size_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(title) for _, title, _ in SCREENS)
        self.navigation.setFixedWidth(widest + metrics.averageCharWidth() * 6)

    def _action(self, menu: QMenu, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for name in ("File", "Edit", "View", "Records", "Tools", "Help"):
            self._menus[name] = QMenu(f"&{name}", self)
        file_menu = self._menus["File"]
        key = QKeySequence.StandardKey
        self.new_action = self._action(file_menu, NEW_PERSON_TEXT, key.New, self._on_new)
        self.new_referral_action = self._action(
            file_menu, "New &referral…", None, self._on_new_referral
        )
        self.raise_concern_action = self._action(
            file_menu, "Raise a &concern…", "Ctrl+Shift+K", self._on_raise_concern
        )
        # Only a person's page knows whom the referral is for: the item follows the screen.
        file_menu.aboutToShow.connect(self.update_file_menu)
        self.print_action = self._action(file_menu, "&Print…", key.Print, self._on_print)
        file_menu.addSeparator()
        self.preferences_action = self._action(
            file_menu, "Se&ttings", key.Preferences, lambda: self.show_screen("settings")
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", key.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self._menus["Edit"]
        self.undo_actions = UndoActions(self, self.services, edit_menu, self._after_undo)
        edit_menu.addSeparator()
        for text, shortcut, method in EDIT_ACTIONS:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            # The focused input handles its own shortcut first; the menu is for discovery.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _c=False, m=method: self._on_edit_action(m))
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.find_action = self._action(edit_menu, "&Find…", key.Find, self._on_find)

        view_menu = self._menus["View"]
        for number, (screen_key, title, _f) in enumerate(SCREENS, start=1):
            jump = f"Ctrl+{number}" if number < 10 else None
            self._action(
                view_menu,
                VIEW_TEXTS.get(screen_key, title),
                jump,
                lambda _c=False, k=screen_key: self.show_screen(k),
            )
        view_menu.addSeparator()
        self._action(view_menu, "&Larger text", key.ZoomIn, lambda: self.step_text_size(1))
        self._action(view_menu, "S&maller text", key.ZoomOut, lambda: self.step_text_size(-1))
        self.contrast_action = self._action(
            view_menu, "&High contrast", None, self._on_contrast_toggled
        )
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(theme.high_contrast(self.settings))

        for entry in MENU_ENTRIES:
            menu = self._menus.get(entry.menu)
            if menu is None:
                menu = QMenu(f"&{entry.menu}", self)
                self._menus[entry.menu] = menu
            action = QAction(entry.text, self)
            if entry.shortcut is not None:
                action.setShortcut(QKeySequence(entry.shortcut))
            action.triggered.connect(
                lambda _checked=False, e=entry: e.callback(self.services, self.settings, self)
            )
            menu.addAction(action)
        self._action(self._menus["Help"], "&About peerdesk", None, self._on_about)
        for menu in self._menus.values():
            if not menu.isEmpty():
                bar.addMenu(menu)

    # -- title and demo ------------------------------------------------------------------------
    def _update_title(self) -> None:
        organisation = self.services.organisation.get()
        name = organisation.name if organisation else "peerdesk"
        is_demo = bool(organisation and organisation.is_demo)
        prefix = "DEMO — " if is_demo else ""
        self.setWindowTitle(f"{prefix}{name} — {self.services.database_path.name}")
        self.demo_banner.setVisible(is_demo)
        self.database_label.setText(f"Records file: {self.services.database_path.name}")
        self.database_label.setToolTip(str(self.services.database_path))

    def check_locations(self) -> None:
        """Warn when the database or backups are in a synced folder or on a network."""
        try:
            risks = self.services.backups.location_risks()
        except OSError:
            risks = []  # the check itself must never stop the app
        if risks:
            self.location_banner.show_message(
                warning_html(risks), action=("&Backups…", self._on_location_backups_clicked)
            )
        else:
            self.location_banner.clear()

    # -- automatic backups --------------------------------------------------------------------
    def watch_auto_backup(self, auto_backup: AutoBackup) -> None:
        """Show what the automatic backups do: a word when one fails, a banner when they
        keep failing, and the banner gone once one works again."""
        auto_backup.backup_failed.connect(self._on_auto_backup_failed)
        auto_backup.backup_made.connect(self._on_auto_backup_made)

    def _on_auto_backup_failed(self, message: str) -> None:
        self._backup_failures += 1
        self.statusBar().showMessage(
            "The automatic backup did not work; peerdesk will try again in 30 minutes. "
            f"({message})",
            20000,
        )
        if self._backup_failures >= BACKUP_FAILURES_FOR_BANNER:
            self.backup_banner.show_message(
                backup_failing_html(self._backup_failures, message),
                action=("&Backups…", self._on_failing_backups_clicked),
            )

    def _on_auto_backup_made(self, _info: object) -> None:
        self._backup_failures = 0
        self.backup_banner.clear()
        self.statusBar().showMessage("Backed up automatically.", 5000)

    def _on_failing_backups_clicked(self) -> None:
        open_backups(self.services, self.settings, self)

    def _on_location_backups_clicked(self) -> None:
        open_backups(self.services, self.settings, self)
        self.check_locations()  # a new backup folder may have settled it

    @property
    def is_demo(self) -> bool:
        return not self.demo_banner.isHidden()

    # -- navigation ------------------------------------------------------------------------------
    def current_screen(self) -> Screen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def _on_navigation_changed(self, row: int) -> None:
        if not 0 <= row < len(SCREENS):
            return
        screen = self.screens[SCREENS[row][0]]
        self.stack.setCurrentWidget(screen)
        status_speech.screen_shown(self, SCREENS[row][1])
        screen.refresh()

    def show_screen(self, key: str) -> None:
        keys = [k for k, _, _ in SCREENS]
        row = keys.index(key)
        if self.navigation.currentRow() == row:
            self._on_navigation_changed(row)
        else:
            self.navigation.setCurrentRow(row)

    def open_record(self, kind: str, record_id: int) -> None:
        """Route a request to see a record to the screen that shows it."""
        for row, (key, _title, _factory) in enumerate(SCREENS):
            screen = self.screens[key]
            if screen.show_record(kind, record_id):
                self.navigation.blockSignals(True)
                self.navigation.setCurrentRow(row)
                self.navigation.blockSignals(False)
                self.stack.setCurrentWidget(screen)
                return
        self.statusBar().showMessage("That record cannot be shown here yet.", 5000)

    # -- menu actions ------------------------------------------------------------------------------
    def current_page(self) -> QWidget | None:
        """The record page or list shown inside the current screen (screens that hold a list
        and a record's page keep them in a `stack`), or None."""
        stack = getattr(self.current_screen(), "stack", None)
        page = stack.currentWidget() if isinstance(stack, PageStack) else None
        return page if page is not None and page.isVisible() else None

    def _on_new(self) -> None:
        """Ctrl+N is "new thing here": a session on a pairing's page, a meeting's register on
        a group's page (the page's `new_here`), else the screen's own kind of record, else a
        person. One action for the whole window, so the key never has two meanings."""
        page = self.current_page()
        new_here = getattr(page, "new_here", None)
        if callable(new_here):
            refusal = new_here()
            if refusal:
                self.statusBar().showMessage(str(refusal), 6000)
            return
        screen = self.current_screen()
        if screen is not None and screen.new_record():
            return
        people = self.screens["people"]
        self.show_screen("people")
        people.new_record()

    def current_person_page(self) -> PersonPage | None:
        """The person's page, when one is what the coordinator is looking at."""
        screen = self.current_screen()
        page = getattr(screen, "person_page", None)
        if screen is None or not isinstance(page, PersonPage) or page.person_id is None:
            return None
        return page if page.isVisibleTo(screen) else None

    def update_file_menu(self) -> None:
        self.new_referral_action.setEnabled(self.current_person_page() is not None)
        # Ctrl+N says what it starts on this page ("&New session…" on a pairing's page).
        self.new_action.setText(getattr(self.current_page(), "new_here_text", NEW_PERSON_TEXT))

    def _on_new_referral(self) -> None:
        page = self.current_person_page()
        if page is None:
            self.statusBar().showMessage(
                "Open the person’s page first, or use New referral… on the Pairings "
                "screen for someone not on record yet.",
                6000,
            )
            return
        page.new_referral()

    def _on_raise_concern(self) -> None:
        """File ▸ Raise a concern…: on the Concerns screen, about the person whose page was
        showing (if one was)."""
        from peerdesk.ui.concerns.screen import ConcernsScreen

        page = self.current_person_page()
        subject = ("person", page.person_id) if page and page.person_id else None
        self.show_screen("concerns")
        screen = self.screens["concerns"]
        if isinstance(screen, ConcernsScreen):
            screen.raise_concern(subject)

    def _on_find(self) -> None:
        """Ctrl+F: the search box of the page shown, else of the screen, else People's."""
        focus_search = getattr(self.current_page(), "focus_search", None)
        if callable(focus_search) and focus_search():
            return
        screen = self.current_screen()
        if screen is not None and screen.focus_search():
            return
        self.show_screen("people")
        self.screens["people"].focus_search()

    def _on_print(self) -> None:
        """Ctrl+P: the forms for the record on screen (the page's `print_here`, else the
        screen's own `print_record`)."""
        print_here = getattr(self.current_page(), "print_here", None)
        if callable(print_here) and print_here():
            return
        screen = self.current_screen()
        if screen is not None and screen.print_record():
            return
        self.statusBar().showMessage(
            "Open a person, pairing or group first, then print its forms.", 6000
        )

    def _after_undo(self, message: str) -> None:
        """A saved change undone or redone: every screen shows the records as they now are."""
        screen = self.current_screen()
        if screen is not None:
            screen.refresh()
        self.statusBar().showMessage(message, 6000)

    def _on_edit_action(self, method: str) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit):
            getattr(focus, method)()

    def step_text_size(self, step: int) -> None:
        index = theme.text_size_index(self.settings) + step
        if not 0 <= index < len(theme.TEXT_SIZES):
            self.statusBar().showMessage("The text is as large (or small) as it goes.", 4000)
            return
        preferences.TEXT_SIZE.write(self.settings, index)
        self._reapply_appearance()
        self.statusBar().showMessage(f"Text size: {theme.TEXT_SIZES[index][0]}", 4000)

    def _on_contrast_toggled(self, checked: bool) -> None:
        preferences.HIGH_CONTRAST.write(self.settings, checked)
        self._reapply_appearance()

    def _reapply_appearance(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_appearance(app, self.settings)
        # A settings screen not built yet reads the appearance when it is.
        settings_screen = self.screens.built("settings")
        if settings_screen is not None:
            from peerdesk.ui.screens.settings import SettingsScreen

            if isinstance(settings_screen, SettingsScreen):
                settings_screen.sync_appearance()
        self._on_appearance_changed()

    def _on_appearance_changed(self) -> None:
        self.contrast_action.setChecked(theme.high_contrast(self.settings))
        self._size_navigation()

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            "About peerdesk",
            f"peerdesk {__version__}: records, forms and funder figures for peer-support "
            "groups, kept on this computer.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.health_watch.stop()  # a health check running now stops at SQLite's next step
        preferences.WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        super().closeEvent(event)
