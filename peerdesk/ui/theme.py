"""How the app looks: text size, light/dark/high-contrast palettes, visible focus.

Appearance belongs to this laptop, not to the records, so it lives in QSettings (a restored
backup never changes it), read and written through `peerdesk.ui.preferences`. `apply_appearance` applies everything to the whole app at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from peerdesk.paths import resource_path
from peerdesk.ui import preferences

#: (words shown, point size). The default is the second step: easier on tired eyes than
#: most desktop defaults.
TEXT_SIZES: tuple[tuple[str, int], ...] = (
    ("Normal", 11),
    ("Large", 13),
    ("Larger", 16),
    ("Largest", 20),
)

#: (settings value, words shown)
THEMES: tuple[tuple[str, str], ...] = (
    ("system", "Follow the computer (light or dark)"),
    ("light", "Light"),
    ("dark", "Dark"),
)

FONT_FAMILY = "DejaVu Sans"
#: Chinese, Japanese and Korean: DejaVu has none of their characters, and without a fallback
#: named here a laptop with no such font of its own shows names as empty boxes.
FALLBACK_FAMILY = "Droid Sans Fallback"
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DroidSansFallbackFull.ttf",
)


@dataclass(frozen=True)
class Palette:
    """The colours of one theme. Text colours meet WCAG AA (4.5:1) on their backgrounds;
    the high-contrast palettes meet AAA (7:1)."""

    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    placeholder: str
    link: str
    mid: str
    tooltip_base: str
    tooltip_text: str
    disabled_text: str
    #: Background of the DEMO banner and urgent marks (always with words too).
    warning_base: str
    warning_text: str

    def pairs(self) -> list[tuple[str, str, str]]:
        """(what, foreground, background) pairs people must be able to read."""
        return [
            ("window text", self.window_text, self.window),
            ("text", self.text, self.base),
            ("text on alternate rows", self.text, self.alternate_base),
            ("button text", self.button_text, self.button),
            ("selected text", self.highlighted_text, self.highlight),
            ("placeholder text", self.placeholder, self.base),
            ("link", self.link, self.base),
            ("tooltip", self.tooltip_text, self.tooltip_base),
            ("warning", self.warning_text, self.warning_base),
            ("link on window", self.link, self.window),
        ]


LIGHT = Palette(
    name="light",
    window="#f4f4f2",
    window_text="#1d1d1b",
    base="#ffffff",
    alternate_base="#f0f3f6",
    text="#1d1d1b",
    button="#e8e8e5",
    button_text="#1d1d1b",
    highlight="#1f5fa8",
    highlighted_text="#ffffff",
    placeholder="#5c5c5c",
    link="#17548f",
    mid="#8a8a86",
    tooltip_base="#ffffe8",
    tooltip_text="#1d1d1b",
    disabled_text="#616161",
    warning_base="#fff1c7",
    warning_text="#3d2c00",
)

DARK = Palette(
    name="dark",
    window="#202124",
    window_text="#e8e8e6",
    base="#17181a",
    alternate_base="#24262a",
    text="#e8e8e6",
    button="#2e3034",
    button_text="#e8e8e6",
    highlight="#8ab4f8",
    highlighted_text="#0d1117",
    placeholder="#a8a8a8",
    link="#8ab4f8",
    mid="#6a6c70",
    tooltip_base="#2e3034",
    tooltip_text="#e8e8e6",
    disabled_text="#9a9a9a",
    warning_base="#4a3a00",
    warning_text="#fff4cc",
)

HIGH_CONTRAST_LIGHT = Palette(
    name="high contrast light",
    window="#ffffff",
    window_text="#000000",
    base="#ffffff",
    alternate_base="#ffffff",
    text="#000000",
    button="#ffffff",
    button_text="#000000",
    highlight="#00005c",
    highlighted_text="#ffffff",
    placeholder="#333333",
    link="#00006b",
    mid="#000000",
    tooltip_base="#ffffff",
    tooltip_text="#000000",
    disabled_text="#444444",
    warning_base="#ffffff",
    warning_text="#000000",
)

HIGH_CONTRAST_DARK = Palette(
    name="high contrast dark",
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#000000",
    text="#ffffff",
    button="#000000",
    button_text="#ffffff",
    highlight="#ffff00",
    highlighted_text="#000000",
    placeholder="#d0d0d0",
    link="#ffff66",
    mid="#ffffff",
    tooltip_base="#000000",
    tooltip_text="#ffffff",
    disabled_text="#bdbdbd",
    warning_base="#000000",
    warning_text="#ffff00",
)

ALL_PALETTES = (LIGHT, DARK, HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted(
        (_luminance(QColor(foreground)), _luminance(QColor(background))), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


# -- reading the settings ----------------------------------------------------------------
def text_size_index(settings: QSettings) -> int:
    index = preferences.TEXT_SIZE.read(settings)
    return min(max(index, 0), len(TEXT_SIZES) - 1)


def theme_choice(settings: QSettings) -> str:
    value = preferences.THEME.read(settings)
    return value if value in {key for key, _ in THEMES} else preferences.THEME.default


def high_contrast(settings: QSettings) -> bool:
    return preferences.HIGH_CONTRAST.read(settings)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def current_palette(settings: QSettings) -> Palette:
    choice = theme_choice(settings)
    dark = system_prefers_dark() if choice == "system" else choice == "dark"
    if high_contrast(settings):
        return HIGH_CONTRAST_DARK if dark else HIGH_CONTRAST_LIGHT
    return DARK if dark else LIGHT


# -- applying ------------------------------------------------------------------------------
_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled fonts, so every laptop shows the same, full Unicode text."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    _fonts_loaded = True


def app_font(settings: QSettings) -> QFont:
    _, points = TEXT_SIZES[text_size_index(settings)]
    font = QFont(FONT_FAMILY)
    font.setFamilies([FONT_FAMILY, FALLBACK_FAMILY])
    font.setPointSize(points)
    # Qt sizes a label with a shortcut letter ("&To") from kerned text but draws it in two
    # runs (the underline splits it), unkerned: at large sizes the last letter was cut off.
    font.setKerning(False)
    return font


def qpalette(colours: Palette) -> QPalette:
    """Every role in every colour group set from the theme: a role left unset keeps Qt's own
    grey (a disabled box's background, an inactive window's selection), which in high
    contrast was a grey background and mid-grey text."""
    palette = QPalette()
    roles = QPalette.ColorRole
    groups = QPalette.ColorGroup
    for role, value in (
        (roles.Window, colours.window),
        (roles.WindowText, colours.window_text),
        (roles.Base, colours.base),
        (roles.AlternateBase, colours.alternate_base),
        (roles.Text, colours.text),
        (roles.Button, colours.button),
        (roles.ButtonText, colours.button_text),
        (roles.Highlight, colours.highlight),
        (roles.HighlightedText, colours.highlighted_text),
        (roles.PlaceholderText, colours.placeholder),
        (roles.Link, colours.link),
        (roles.LinkVisited, colours.link),
        (roles.Light, colours.base),
        (roles.Midlight, colours.button),
        (roles.Mid, colours.mid),
        (roles.Dark, colours.mid),
        (roles.Shadow, colours.mid),
        (roles.ToolTipBase, colours.tooltip_base),
        (roles.ToolTipText, colours.tooltip_text),
        (roles.BrightText, colours.highlighted_text),
        (roles.Accent, colours.highlight),
    ):
        # Active, inactive and disabled alike (an inactive window keeps its colours).
        palette.setColor(role, QColor(value))
    for role in (
        roles.WindowText,
        roles.Text,
        roles.ButtonText,
        roles.PlaceholderText,
        roles.Link,
        roles.LinkVisited,
    ):
        palette.setColor(groups.Disabled, role, QColor(colours.disabled_text))
    return palette


def _marks(colours: Palette) -> dict[str, str]:
    """The tick, dot and arrows drawn in check boxes, radio buttons, lists and spin boxes,
    black or white (the files are fixed; the theme picks the one that shows on its boxes).
    Once a box's border is set in the sheet Qt no longer draws these itself."""
    shade = "white" if QColor(colours.text).lightness() > 127 else "black"
    return {
        kind: resource_path("icons", f"{kind}-{shade}.svg").as_posix()
        for kind in ("tick", "dot", "arrow-down", "arrow-up")
    }


def _drawn_marks(colours: Palette) -> str:
    """The style sheet's arrows, ticks, dots and scroll bars (part of `style_sheet`)."""
    marks = _marks(colours)
    tick, dot, down, up = (marks[k] for k in ("tick", "dot", "arrow-down", "arrow-up"))
    return f"""
QComboBox::drop-down, QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    width: 1.2em; border-left: 1px solid {colours.mid}; background: {colours.button};
}}
QComboBox::down-arrow, QAbstractSpinBox::down-arrow {{
    image: url("{down}"); width: 0.7em; height: 0.7em;
}}
QAbstractSpinBox::up-arrow {{ image: url("{up}"); width: 0.7em; height: 0.7em; }}
QToolButton::down-arrow, QToolButton::menu-indicator, QPushButton::menu-indicator {{
    image: url("{down}"); width: 0.7em; height: 0.7em;
}}
QTableView {{ gridline-color: {colours.mid}; }}
QScrollBar {{ background: {colours.window}; border: 1px solid {colours.mid}; }}
QScrollBar:vertical {{ width: 16px; }}
QScrollBar:horizontal {{ height: 16px; }}
QScrollBar::handle {{ background: {colours.mid}; border-radius: 3px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 2em; }}
QScrollBar::handle:horizontal {{ min-width: 2em; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {{
    width: 0.8em; height: 0.8em; border: 2px solid {colours.mid};
    background: {colours.base};
}}
QRadioButton::indicator {{ border-radius: 0.5em; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{ image: url("{tick}"); }}
QRadioButton::indicator:checked {{ image: url("{dot}"); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    border-color: {colours.disabled_text};
}}
"""


def style_sheet(colours: Palette, *, strong: bool, points: int = TEXT_SIZES[0][1]) -> str:
    """The text size, focus that is easy to see, and the few named parts that need their own
    colours.

    The text size is in the sheet (not only in the application font) because Qt then
    re-applies it to every widget itself, hidden and internal ones included (a tab widget's
    tab bar keeps the old size otherwise), without peerdesk touching each widget from Python:
    walking `allWidgets()` met widgets half-way through deletion and crashed.
    """
    width = 3 if strong else 2
    return f"""
QWidget {{ font-family: "{FONT_FAMILY}", "{FALLBACK_FAMILY}"; font-size: {points}pt; }}
QAbstractItemView {{ qproperty-tabKeyNavigation: false; }}
QPlainTextEdit, QTextEdit {{ qproperty-tabChangesFocus: true; }}
QPushButton, QToolButton {{
    padding: 0.3em 0.9em; border: 1px solid {colours.mid}; border-radius: 4px;
    background: {colours.button}; color: {colours.button_text};
}}
QCheckBox, QRadioButton {{ border: {width}px solid transparent; }}
QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView {{
    border: 1px solid {colours.mid};
}}
QLineEdit, QAbstractSpinBox, QComboBox {{ padding: {width - 1}px; }}
QPlainTextEdit, QTextEdit, QAbstractItemView {{ margin: {width - 1}px; }}
{_drawn_marks(colours)}QTabWidget::pane {{ border: 1px solid {colours.mid}; top: -1px; }}
QTabBar::tab {{
    padding: 0.3em 0.8em; margin-right: 2px; border: 1px solid {colours.mid};
    border-top-left-radius: 4px; border-top-right-radius: 4px;
    background: {colours.button}; color: {colours.button_text};
}}
QTabBar::tab:selected {{
    background: {colours.base}; color: {colours.text};
    border-top: {width + 1}px solid {colours.window_text};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {colours.highlight}; }}
QPushButton:default {{ border: 2px solid {colours.mid}; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus,
QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
QAbstractItemView:focus, QCheckBox:focus, QRadioButton:focus, QLabel:focus,
QTabBar::tab:selected:focus {{
    border: {width}px solid {colours.highlight};
}}
/* The thicker border takes the padding's (or margin's) room: nothing moves or is covered. */
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{ padding: 0px; }}
QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {{ margin: 0px; }}
QPushButton:disabled {{ color: {colours.disabled_text}; }}
QLabel#problem {{ color: {colours.warning_text}; background: {colours.warning_base};
    border-left: 4px solid {colours.warning_text}; padding: 0.2em 0.5em; }}
QLabel#demoBanner {{ color: {colours.warning_text}; background: {colours.warning_base};
    border: 2px solid {colours.warning_text}; padding: 0.3em 0.6em; }}
QLabel#demoBanner:focus {{ border: {width}px solid {colours.highlight}; }}
QFrame#warningBanner {{ background: {colours.warning_base};
    border: 2px solid {colours.warning_text}; }}
QFrame#warningBanner QLabel {{ color: {colours.warning_text}; }}
QLabel#emptyState {{ padding: 1em; }}
QListWidget#navigation::item {{ padding: 0.45em 0.6em; }}
"""


def apply_appearance(app: QApplication, settings: QSettings) -> Palette:
    """Apply text size, theme and high contrast to every window at once, open ones too."""
    load_fonts()
    colours = current_palette(settings)
    font = app_font(settings)
    # Widgets coloured by the old sheet keep its palette, so it comes off first; setting the
    # new sheet then repolishes every widget (in Qt, so none is touched mid-deletion).
    app.setStyleSheet("")
    if app.style().name().lower() != "fusion":
        # Once only: replacing the style deletes the old one, and a widget with a style
        # sheet of its own (waiting to be deleted, say) could still point at it: a crash.
        app.setStyle("Fusion")  # the same look and palette handling on every system
    app.setPalette(qpalette(colours))
    app.setFont(font)  # for what is drawn outside widgets (font metrics, printing previews)
    app.setStyleSheet(style_sheet(colours, strong=high_contrast(settings), points=font.pointSize()))
    return colours
