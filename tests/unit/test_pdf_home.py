"""Every PDF peerdesk makes is drawn under peerdesk/forms/ (forms, and the reports in
peerdesk/forms/reports/): no other module of the package imports reportlab."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "peerdesk"


def imported_modules(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def reportlab_users() -> list[str]:
    return sorted(
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if any(
            name == "reportlab" or name.startswith("reportlab.")
            for name in imported_modules(path.read_text(encoding="utf-8"))
        )
    )


def test_only_peerdesk_forms_imports_reportlab() -> None:
    users = reportlab_users()
    assert any(user.startswith("peerdesk/forms/reports/") for user in users)
    assert [user for user in users if not user.startswith("peerdesk/forms/")] == []


def test_the_check_sees_every_way_of_importing_it() -> None:
    for line in (
        "import reportlab",
        "from reportlab.lib import colors",
        "def f():\n    from reportlab.platypus import Table",
    ):
        assert "reportlab" in {m.split(".")[0] for m in imported_modules(line)}
    assert imported_modules("from . import reportlab_notes") == set()
