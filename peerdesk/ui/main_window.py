"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui.menu_extras import MENU_ENTRIES
from peerdesk.ui.screens import SCREENS, Screen


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.screens: dict[str, Screen] = {}
        self._build()
        self._update_title()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)

    def _build(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget(central)
        for key, title, factory in SCREENS:
            screen = factory(self.services, self.settings)
            screen.record_requested.connect(self.open_record)
            self.screens[key] = screen
            self.stack.addWidget(screen)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._on_navigation_changed)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.setCurrentRow(0)
        file_menu = self.menuBar().addMenu("&File")
        self._menus = {"File": file_menu}
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._add_menu_entries()
        self.statusBar().showMessage("Ready")

    def _add_menu_entries(self) -> None:
        menus = self._menus
        for entry in MENU_ENTRIES:
            menu = menus.get(entry.menu)
            if menu is None:
                menu = self.menuBar().addMenu(f"&{entry.menu}")
                menus[entry.menu] = menu
            action = QAction(entry.text, self)
            if entry.shortcut is not None:
                action.setShortcut(QKeySequence(entry.shortcut))
            action.triggered.connect(
                lambda _checked=False, e=entry: e.callback(self.services, self.settings, self)
            )
            menu.addAction(action)

    def _update_title(self) -> None:
        organisation = self.services.organisation.get()
        name = organisation.name if organisation else "peerdesk"
        self.setWindowTitle(f"{name} — {self.services.database_path.name}")

    def _on_navigation_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        widget = self.stack.currentWidget()
        if isinstance(widget, Screen):
            widget.refresh()

    def show_screen(self, key: str) -> None:
        keys = [k for k, _, _ in SCREENS]
        self.navigation.setCurrentRow(keys.index(key))

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

    def closeEvent(self, event) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
