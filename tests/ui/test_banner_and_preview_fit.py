"""The DEMO banner takes one line with a More… link (and Less to fold it again), and the
print preview opens no larger than the free area of its screen."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from peerdesk.services import Services
from peerdesk.ui.main_window import DEMO_BANNER, MainWindow
from peerdesk.ui.printing.dialog import FormPreviewDialog
from peerdesk.ui.widgets.banner import OneLineBanner
from tests.ui.keys import focus


def _lines(banner: OneLineBanner) -> int:
    """Lines of text the banner's height holds (its padding and border aside)."""
    inside = banner.contentsRect().height()
    return round(inside / banner.fontMetrics().lineSpacing())


def test_the_demo_banner_is_one_line_at_the_largest_text_until_more_is_chosen(
    qtbot, demo_services: Services, largest: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_services, largest)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    banner = window.demo_banner
    assert isinstance(banner, OneLineBanner) and banner.isVisible()
    assert _lines(banner) == 1
    assert banner.plain_text() == (
        "DEMO: every person here is fictional, for exploring safely. More…"
    )
    # The link is reached by the keyboard (Tab stops on it) and opened with Enter.
    assert banner.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(focus(qtbot, banner), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _lines(banner) > 1)
    assert banner.plain_text() == DEMO_BANNER
    assert "Start with my organisation" in banner.text()
    qtbot.keyClick(focus(qtbot, banner), Qt.Key.Key_Return)  # Less
    qtbot.waitUntil(lambda: _lines(banner) == 1)


def test_the_more_link_is_in_the_banners_own_colours(qtbot, demo_services, largest) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_services, largest)
    qtbot.addWidget(window)
    window.show()
    banner = window.demo_banner
    colour = banner.palette().color(banner.foregroundRole()).name()
    assert f"color: {colour}" in banner.text()


def test_the_print_preview_opens_within_the_screen(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    pairing = demo_services.pairings.rows()[0]
    dialog = FormPreviewDialog(demo_services, "pairing", pairing.id, "introduction-pack")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= room.height()
    assert dialog.frameGeometry().width() <= room.width()
    # Its Close button (the last thing in it) can be reached on the screen.
    close = dialog.findChildren(QDialogButtonBox)[0]
    bottom = close.mapToGlobal(close.rect().bottomLeft()).y()
    assert bottom <= room.bottom()


def test_the_recovery_sheet_opens_within_the_screen(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from peerdesk.ui.security.recovery_sheet import RecoverySheetDialog

    form = services.printing.forms()[0].name
    dialog = RecoverySheetDialog(services.printing.render(form, None, None, large_print=False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= room.height()
    assert dialog.frameGeometry().width() <= room.width()
