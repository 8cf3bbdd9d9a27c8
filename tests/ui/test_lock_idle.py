"""The idle lock: records hidden after the (shortened) idle time, back with the passphrase;
a wrong passphrase gets a plain message and a wait; Lock now; open dialogs are covered too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.security.idle_lock import LOCKED_TITLE, IdleLock, find_idle_lock
from peerdesk.ui.security.menu import lock_now

PASSPHRASE = "kettle orbit paper lantern"
MARKER = "Zebedee-Quintrell"


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def encrypted(services: Services) -> Services:
    services.people.add(PersonDetails(first_name=MARKER))
    services.security.encrypt(PASSPHRASE)
    return services


def visible_text(window: QWidget) -> str:
    """Everything a person could read in `window`: labels, inputs, and table cells."""
    parts = [window.windowTitle()]
    for label in window.findChildren(QLabel):
        if label.isVisible():
            parts.append(label.text())
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible():
            parts.append(edit.text())
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None:
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private
                columns = 1
            for row in range(model.rowCount(QModelIndex())):
                for column in range(columns):
                    parts.append(str(model.index(row, column).data()))
    return "\n".join(parts)


def show_people(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("people")
    qtbot.waitUntil(lambda: MARKER in visible_text(window))


def test_idle_lock_hides_the_records_and_the_passphrase_brings_them_back(
    qtbot, encrypted: Services, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(encrypted, qsettings)
    qtbot.addWidget(window)
    lock = IdleLock(window, encrypted, qsettings, timeout_ms=150, delay=lambda _n: 0)
    show_people(qtbot, window)

    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass  # nobody touches anything
    assert lock.is_locked
    assert MARKER not in visible_text(window)
    assert window.windowTitle() == LOCKED_TITLE
    assert not any(action.isEnabled() for action in window.menuBar().actions()[0].menu().actions())

    cover = lock.cover_with_form()
    assert cover is not None and cover.form is not None
    cover.form.passphrase.setText("kettle orbit paper lanterns")
    cover.form.unlock_button.click()
    assert lock.is_locked
    assert "not right" in cover.form.message.text()
    assert MARKER not in visible_text(window)

    cover.form.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(lock.unlocked, timeout=2000):
        cover.form.unlock_button.click()
    qtbot.waitUntil(lambda: MARKER in visible_text(window))
    assert window.windowTitle() != LOCKED_TITLE
    # Counting starts again after the unlock.
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)


def test_wrong_passphrases_wait_longer_each_time(qtbot, encrypted: Services, qsettings) -> None:  # type: ignore[no-untyped-def]
    waits: list[int] = []

    def delay(failures: int) -> int:
        waits.append(failures)
        return 60_000 if failures >= 2 else 0

    window = MainWindow(encrypted, qsettings)
    qtbot.addWidget(window)
    lock = IdleLock(window, encrypted, qsettings, timeout_ms=0, delay=delay)
    window.show()
    lock.lock()
    cover = lock.cover_with_form()
    assert cover is not None and cover.form is not None
    for guess in ("password", "letmein"):
        cover.form.passphrase.setText(guess)
        cover.form.unlock_button.click()
    assert waits == [1, 2]
    assert "try again in 60 seconds" in cover.form.message.text()
    assert not cover.form.passphrase.isEnabled() and not cover.form.unlock_button.isEnabled()
    # Even the right passphrase is not taken while waiting.
    cover.form.passphrase.setText(PASSPHRASE)
    cover.form.unlock_button.click()
    assert lock.is_locked


def test_lock_now_covers_an_open_dialog_and_keeps_what_was_typed(
    qtbot, encrypted: Services, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(encrypted, qsettings)
    qtbot.addWidget(window)
    lock = IdleLock(window, encrypted, qsettings, timeout_ms=0, delay=lambda _n: 0)
    assert find_idle_lock(window) is lock
    window.show()
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.setWindowTitle(f"Notes about {MARKER}")
    notes = QLineEdit(f"Met {MARKER} today")
    QVBoxLayout(dialog).addWidget(notes)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)

    lock_now(encrypted, qsettings, window)
    assert lock.is_locked
    assert MARKER not in visible_text(dialog)
    assert dialog.isVisible(), "the dialog stays open, only covered"
    cover = lock.cover_with_form()
    assert cover is not None and cover.parent() is dialog, "the modal dialog asks"
    assert cover.form is not None
    cover.form.passphrase.setText(PASSPHRASE)
    cover.form.unlock_button.click()
    assert not lock.is_locked
    assert notes.isVisible() and notes.text() == f"Met {MARKER} today"
    assert dialog.windowTitle() == f"Notes about {MARKER}"


def test_a_plain_database_locks_too_and_says_it_has_no_passphrase(
    qtbot, services: Services, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    services.people.add(PersonDetails(first_name=MARKER))
    window = MainWindow(services, qsettings)
    qtbot.addWidget(window)
    lock = IdleLock(window, services, qsettings, timeout_ms=0)
    show_people(qtbot, window)
    lock.lock()
    assert MARKER not in visible_text(window)
    assert "no passphrase" in visible_text(window)
    cover = lock.cover_with_form()
    assert cover is not None and cover.show_button is not None
    cover.show_button.click()
    qtbot.waitUntil(lambda: MARKER in visible_text(window))


def test_a_wrong_passphrase_is_heard_and_read_as_its_words(  # type: ignore[no-untyped-def]
    qtbot, encrypted: Services, qsettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.ui import announcer
    from tests.ui import a11y_tree

    heard: list[str] = []
    monkeypatch.setattr(announcer, "announce", lambda text, *a, **k: heard.append(text))
    window = MainWindow(encrypted, qsettings)
    qtbot.addWidget(window)
    lock = IdleLock(window, encrypted, qsettings, timeout_ms=0, delay=lambda failures: 0)
    window.show()
    lock.lock()
    cover = lock.cover_with_form()
    assert cover is not None and cover.form is not None
    cover.form.passphrase.setText("password")
    cover.form.unlock_button.click()
    assert heard and heard[-1] == cover.form.message.text() != ""
    assert [p for p in a11y_tree.problems(cover) if "label says" in p] == []
