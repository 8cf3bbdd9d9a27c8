"""How to read a file (the mapping), saved as JSON so next month's file imports the same way.

Columns are saved by their heading, not their position, so a sheet whose columns move
still imports correctly. Like GnuCash's saved import settings, a mapping has a name.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from peerdesk import files
from peerdesk.errors import ValidationError
from peerdesk.services.importing.fields import FIELDS, SheetKind, normalise_header

log = logging.getLogger(__name__)


@dataclass
class SheetMapping:
    """How one sheet is read. `header_row` is 1-based, as the spreadsheet shows it."""

    kind: SheetKind | None
    header_row: int
    #: Column heading (as written in the file) → field key; "" means "do not import".
    columns: dict[str, str] = field(default_factory=dict)
    included: bool = True


@dataclass
class ImportSettings:
    encoding: str | None = None
    separator: str | None = None
    #: True: 03/04/1980 is 3 April (UK). False: 4 March (American).
    day_first: bool = True
    sheets: dict[str, SheetMapping] = field(default_factory=dict)
    #: Field key → {what the file says: peerdesk value}, e.g. {"gender": {"W": "woman"}}.
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ImportSettings:
        try:
            data = json.loads(text)
            sheets = {
                str(name): SheetMapping(
                    kind=SheetKind(raw["kind"]) if raw.get("kind") else None,
                    header_row=max(1, int(raw.get("header_row", 1))),
                    columns={str(k): str(v) for k, v in dict(raw.get("columns", {})).items()},
                    included=bool(raw.get("included", True)),
                )
                for name, raw in dict(data.get("sheets", {})).items()
            }
            settings = cls(
                encoding=data.get("encoding") or None,
                separator=data.get("separator") or None,
                day_first=bool(data.get("day_first", True)),
                sheets=sheets,
                values={
                    str(k): {str(a): str(b) for a, b in dict(v).items()}
                    for k, v in dict(data.get("values", {})).items()
                },
            )
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.info("mapping file unreadable: %s", type(error).__name__)
            raise ValidationError(
                "That mapping file could not be read: it may be damaged or from something "
                "else. Choose another, or set the columns again.",
                "mapping",
            ) from None
        for mapping in settings.sheets.values():
            if mapping.kind is None:
                continue
            known = {spec.key for spec in FIELDS[mapping.kind]}
            mapping.columns = {h: k for h, k in mapping.columns.items() if k in known or not k}
        return settings

    def column_for(self, sheet: str, heading: str) -> str | None:
        """The saved field for a heading (None: no saved choice; "": do not import)."""
        mapping = self.sheets.get(sheet)
        if mapping is None:
            return None
        wanted = normalise_header(heading)
        for saved, key in mapping.columns.items():
            if normalise_header(saved) == wanted:
                return key
        return None


class MappingStore:
    """Named mappings in a folder (the app and CLI use paths.config_dir / "import-mappings")."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json"))

    def path_for(self, name: str) -> Path:
        safe = re.sub(r"[^\w\- ]+", "", name).strip()
        if not safe:
            raise ValidationError(
                "Please give the mapping a name made of letters or numbers.", "name"
            )
        return self.folder / f"{safe}.json"

    def save(self, name: str, settings: ImportSettings) -> Path:
        path = self.path_for(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        return files.write_text(path, settings.to_json())

    def load(self, name: str) -> ImportSettings:
        return load_settings(self.path_for(name))


def load_settings(path: Path) -> ImportSettings:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(
            f"The mapping file {path.name} could not be opened ({type(error).__name__}).",
            "mapping",
        ) from None
    return ImportSettings.from_json(text)
