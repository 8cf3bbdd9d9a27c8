"""Rebuild the feature sections of README.md from docs/readme/*.md.

Each feature keeps its README section in docs/readme/<topic>.md (written beside its code);
this puts them, in the order below, between the README's feature markers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = ("desktop", "pairings", "groups", "safeguarding", "forms", "figures", "expenses",
         "data-protection", "data-safety", "encryption", "importing", "packaging",
         "performance")  # fmt: skip
START, END = "<!-- features:start -->", "<!-- features:end -->"


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    folder = ROOT / "docs" / "readme"
    names = [n for n in ORDER if (folder / f"{n}.md").exists()]
    names += sorted(p.stem for p in folder.glob("*.md") if p.stem not in ORDER)
    sections = []
    for name in names:
        body = (folder / f"{name}.md").read_text(encoding="utf-8").strip()
        # Links in docs/readme point up one level; from the README they start at docs/.
        body = re.sub(r"\]\(\.\./", "](docs/", body)
        body = re.sub(r"\]\((?!https?:|docs/|#|\.\./)([^)]+\.md)", r"](docs/\1", body)
        sections.append(body)
    block = f"{START}\n\n" + "\n\n".join(sections) + f"\n\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.replace("<!-- Feature sections are added below this line. -->", block)
    readme.write_text(text, encoding="utf-8")
    print(f"README.md: {len(sections)} feature sections ({', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
