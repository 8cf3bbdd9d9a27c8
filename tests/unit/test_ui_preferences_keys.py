"""Every key peerdesk keeps in settings.ini is listed once in peerdesk/ui/preferences.py, and
no other UI module reads or writes settings.ini by itself (read from the source, without Qt)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "peerdesk" / "ui"
PREFERENCES = UI / "preferences.py"
#: What a settings.ini key looks like ("appearance/text_size").
KEY = re.compile(r"^[a-z_]+/[a-z_]+$")
#: QSettings methods that read or write a key.
SETTINGS_CALLS = {"value", "setValue", "remove", "contains", "beginGroup", "allKeys"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _settings_calls(tree: ast.Module) -> list[int]:
    """Lines calling a key method on something named like settings (`self.settings.value`)."""
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SETTINGS_CALLS
            and ast.unparse(node.func.value).lower().endswith("settings")
        ):
            lines.append(node.lineno)
    return lines


def _key_strings(tree: ast.Module) -> set[str]:
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value)
    }


def _registry() -> tuple[dict[str, str], set[str], set[str]]:
    """(preference name → key, names listed in REGISTRY, keys of settings moved away)."""
    tree = _tree(PREFERENCES)
    preferences: dict[str, str] = {}
    listed: set[str] = set()
    moved: set[str] = set()
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if not isinstance(target, ast.Name) or value is None:
            continue
        if isinstance(value, ast.Call) and ast.unparse(value.func) == "Preference":
            key = value.args[0]
            assert isinstance(key, ast.Constant), f"{target.id}: the key must be written out"
            preferences[target.id] = str(key.value)
        elif target.id == "REGISTRY":
            listed = {ast.unparse(element) for element in getattr(value, "elts", [])}
        elif target.id.startswith("OLD_"):
            moved |= _key_strings(ast.Module(body=[node], type_ignores=[]))
    return preferences, listed, moved


def test_every_preference_is_in_the_registry_once_with_its_own_key() -> None:
    preferences, listed, _moved = _registry()
    assert preferences, "no Preference found in peerdesk/ui/preferences.py"
    assert set(preferences) == listed, "a Preference is missing from REGISTRY (or vice versa)"
    keys = list(preferences.values())
    assert len(keys) == len(set(keys)), "two preferences share a key"
    assert all(KEY.match(key) for key in keys)


def test_only_the_preferences_module_reads_or_writes_settings_ini() -> None:
    offenders = [
        f"{path.relative_to(UI.parent.parent)}:{line}"
        for path in sorted(UI.rglob("*.py"))
        if path != PREFERENCES
        for line in _settings_calls(_tree(path))
    ]
    assert not offenders, "use peerdesk.ui.preferences instead of settings.value/setValue"


def test_every_key_used_in_the_ui_is_in_the_registry() -> None:
    preferences, _listed, moved = _registry()
    known = set(preferences.values()) | moved
    used = {
        f"{path.relative_to(UI.parent.parent)}: {key}"
        for path in sorted(UI.rglob("*.py"))
        for key in _key_strings(_tree(path))
        if key not in known
    }
    assert not used, "a settings.ini key used outside the registry"
    # The old backup keys are only read there, to hand them to the database once.
    assert moved == {
        "backups/folder",
        "backups/keep_recent",
        "backups/keep_daily",
        "backups/keep_weekly",
        "backups/keep_monthly",
    }


def test_the_check_finds_a_key_used_behind_the_registrys_back() -> None:
    sneaky = ast.parse('self.settings.setValue("window/splitter", b"")\n')
    assert _settings_calls(sneaky) == [1]
    assert _key_strings(sneaky) == {"window/splitter"}
