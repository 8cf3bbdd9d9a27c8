"""`ImportService`: read a file, suggest a mapping, preview, and import all or nothing."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from peerdesk.services.base import Service
from peerdesk.services.importing.apply import apply_links, apply_people, apply_referrals
from peerdesk.services.importing.directory import Directory
from peerdesk.services.importing.fields import SheetKind
from peerdesk.services.importing.layout import (
    data_rows,
    detect_layout,
    headers,
    suggest_columns,
)
from peerdesk.services.importing.links_plan import LinkPlanner
from peerdesk.services.importing.model import (
    Action,
    DuplicateChoice,
    ImportPreview,
    RowKey,
)
from peerdesk.services.importing.people_plan import PeoplePlanner
from peerdesk.services.importing.problems import FileUnreadable, Problem, Severity
from peerdesk.services.importing.progress import Progress
from peerdesk.services.importing.readers import Sheet, Source, read_file
from peerdesk.services.importing.referrals_plan import ReferralPlanner
from peerdesk.services.importing.rowreader import SheetContext
from peerdesk.services.importing.settings import ImportSettings, MappingStore, SheetMapping
from peerdesk.services.importing.templates import INSTRUCTIONS_SHEET
from peerdesk.services.importing.values import is_blank
from peerdesk.services.mentoring.referrals import ReferralService
from peerdesk.services.mentoring.sessions import SessionService
from peerdesk.services.people.service import PeopleService
from peerdesk.services.safety.backups import make_backup

log = logging.getLogger(__name__)

_ORDER = (SheetKind.PEOPLE, SheetKind.PAIRINGS, SheetKind.SESSIONS, SheetKind.ATTENDANCE)
_NEEDED = {
    SheetKind.PEOPLE: ({"first_name", "full_name"}, "the first name (or full name)"),
    SheetKind.PAIRINGS: ({"mentor"}, "the mentor"),
    SheetKind.SESSIONS: ({"session_date"}, "the session date"),
    SheetKind.ATTENDANCE: ({"meeting_date"}, "the meeting date"),
}


class _Refused(Exception):
    """Rolls the import transaction back when the final check inside it finds a problem."""


class ImportService(Service):
    # -- reading and mapping -----------------------------------------------------------
    def read(self, path: Path, settings: ImportSettings | None = None) -> Source:
        """Read the file (raises FileUnreadable, a PeerdeskError, with plain words)."""
        settings = settings or ImportSettings()
        return read_file(path, encoding=settings.encoding, separator=settings.separator)

    def suggest(self, source: Source, saved: ImportSettings | None = None) -> ImportSettings:
        """A mapping for every sheet: saved choices first, then recognised headings."""
        saved = saved or ImportSettings()
        settings = ImportSettings(
            encoding=saved.encoding or source.encoding,
            separator=saved.separator or source.separator,
            day_first=saved.day_first,
            values={k: dict(v) for k, v in saved.values.items()},
        )
        only_saved = next(iter(saved.sheets)) if len(saved.sheets) == 1 else None
        for sheet in source.sheets:
            saved_name = sheet.name if sheet.name in saved.sheets else None
            if saved_name is None and source.kind == "csv" and only_saved is not None:
                saved_name = only_saved
            layout = detect_layout(sheet)
            kept = saved.sheets.get(saved_name) if saved_name else None
            header_row = kept.header_row - 1 if kept else layout.header_row
            kind = kept.kind if kept else layout.kind
            names = headers(sheet, header_row)
            suggested = suggest_columns(sheet, header_row, kind) if kind else {}
            columns = {}
            for index, heading in enumerate(names):
                choice = saved.column_for(saved_name, heading) if saved_name else None
                columns[heading] = choice if choice is not None else suggested.get(index, "")
            settings.sheets[sheet.name] = SheetMapping(
                kind=kind,
                header_row=header_row + 1,
                columns=columns,
                included=kept.included if kept else kind is not None,
            )
        return settings

    def mappings(self, folder: Path) -> MappingStore:
        return MappingStore(folder)

    # -- preview and import ------------------------------------------------------------
    def preview(
        self,
        source: Source,
        settings: ImportSettings,
        choices: dict[RowKey, DuplicateChoice] | None = None,
        progress: Progress | None = None,
    ) -> ImportPreview:
        """What the import would do, and every problem. Writes nothing.

        With `progress`, rows checked are reported to it, and its `cancel()` stops the
        preview part-way with ImportCancelled (the session is rolled back as always)."""
        with self.db.session() as session:
            try:
                preview, _, _ = self._plan(session, source, settings, choices or {}, progress)
            finally:
                session.rollback()
        return preview

    def run(
        self,
        source: Source,
        settings: ImportSettings,
        choices: dict[RowKey, DuplicateChoice] | None,
        backup_folder: Path,
        progress: Progress | None = None,
    ) -> ImportPreview:
        """Import all or nothing, after a backup. Returns the summary (committed or not).
        `progress` hears both plans (the check, then the one inside the transaction); cancelled
        during either, ImportCancelled rolls everything back."""
        preview = self.preview(source, settings, choices, progress)
        if not preview.can_import:
            return preview
        backup = self._backup(backup_folder)
        try:
            # One change set of its own kind: Undo refuses it (the backup above undoes it).
            with self.db.transaction(
                kind="import", description=f"Import from {source.path.name}"
            ) as session:
                preview, people, links = self._plan(
                    session, source, settings, choices or {}, progress
                )
                if not preview.can_import:
                    raise _Refused
                counts = apply_people(session, people.ops)
                counts |= apply_referrals(session, people.referrals.ops)
                counts |= apply_links(session, links)
        except _Refused:
            return preview
        preview.counts |= counts
        preview.committed = True
        preview.backup = backup
        log.info("import committed: %s", {k: v for k, v in counts.items() if v})
        return preview

    def _backup(self, folder: Path) -> Path:
        """The one place an import takes its backup: named and recorded like every backup,
        so it is listed, offered for restore, rotated and encrypted with the others."""
        return make_backup(self.db, folder, "before-import", datetime.now())

    def _plan(
        self,
        session: Session,
        source: Source,
        settings: ImportSettings,
        choices: dict[RowKey, DuplicateChoice],
        progress: Progress | None = None,
    ) -> tuple[ImportPreview, PeoplePlanner, LinkPlanner]:
        progress = progress or Progress()
        progress.check()
        preview = ImportPreview(file=source.path, settings=settings)
        problems = preview.problems
        directory = Directory(session)
        referrals = ReferralPlanner(session, ReferralService(self.db, self._today), choices)
        people = PeoplePlanner(
            session, directory, PeopleService(self.db, self._today), choices, referrals
        )
        links = LinkPlanner(session, directory, SessionService(self.db, self._today))
        contexts = self._contexts(source, settings, problems)
        totals = done = 0
        count = sum(len(rows) for found in contexts.values() for _, rows, _ in found)
        progress.report(0, count)
        for kind in _ORDER:
            for context, rows, totals_rows in contexts.get(kind, []):
                totals += len(totals_rows)
                for r in totals_rows:
                    context.problem("A totals row: it was left out.", r, severity=Severity.WARNING)
                for r in rows:
                    done += 1
                    progress.row(done, count)
                    if kind is SheetKind.PEOPLE:
                        people.plan_row(context, r)
                    elif kind is SheetKind.PAIRINGS:
                        links.plan_pairing_row(context, r)
                    elif kind is SheetKind.SESSIONS:
                        links.plan_session_row(context, r)
                    else:
                        links.plan_attendance_row(context, r)
            if kind is SheetKind.PEOPLE:
                # After every people sheet, so a mentor can be on another sheet.
                for context, _, _ in contexts.get(kind, []):
                    for link in [x for x in people.links if x.key[0] == context.sheet.name]:
                        links.plan_mentor_link(link, context)
        progress.check()
        for kind in _ORDER:
            for context, _, _ in contexts.get(kind, []):
                context.finish()
                problems += context.problems
        order = {s.name: i for i, s in enumerate(source.sheets)}
        preview.rows = sorted(
            people.rows + links.rows, key=lambda r: (order.get(r.sheet, 0), r.row)
        )
        preview.problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row, not p.blocking))
        if contexts and not preview.rows and not preview.blocking:
            problems.append(
                Problem(_no_rows(c.sheet for ctx in contexts.values() for c, _, _ in ctx))
            )
        preview.counts = _counts(preview)
        preview.counts["totals_rows"] = totals
        return preview, people, links

    def _contexts(
        self, source: Source, settings: ImportSettings, problems: list[Problem]
    ) -> dict[SheetKind, list[tuple[SheetContext, list[int], list[int]]]]:
        result: dict[SheetKind, list[tuple[SheetContext, list[int], list[int]]]] = {}
        for sheet in source.sheets:
            mapping = settings.sheets.get(sheet.name)
            if mapping is None or not mapping.included or mapping.kind is None:
                if sheet.rows and len(source.sheets) > 1 and sheet.name != INSTRUCTIONS_SHEET:
                    problems.append(
                        Problem(
                            "This sheet was not imported: its column headings were not "
                            "recognised. Choose what it holds if it should be imported.",
                            sheet=sheet.name,
                            severity=Severity.WARNING,
                        )
                    )
                continue
            header_row = mapping.header_row - 1
            names = headers(sheet, header_row)
            columns = {i: mapping.columns.get(h, "") for i, h in enumerate(names)}
            columns = {i: k for i, k in columns.items() if k}
            context = SheetContext(sheet, mapping.kind, columns, names, settings, self.today())
            needed, label = _NEEDED[mapping.kind]
            if not needed & set(columns.values()):
                problems.append(
                    Problem(
                        f"No column holds {label}: choose it in the column mapping.",
                        row=header_row + 1,
                        sheet=sheet.name,
                    )
                )
                continue
            rows, totals = data_rows(sheet, header_row)
            unused = [
                names[i]
                for i in range(len(names))
                if i not in columns and any(not is_blank(sheet.cell(r, i)) for r in rows)
            ]
            if unused:
                problems.append(
                    Problem(
                        "These columns are not imported: " + ", ".join(unused) + ".",
                        row=header_row + 1,
                        sheet=sheet.name,
                        severity=Severity.WARNING,
                    )
                )
            result.setdefault(mapping.kind, []).append((context, rows, totals))
        if not result and not any(p.blocking for p in problems):
            problems.append(
                Problem(
                    "No list of people, pairings, sessions or group attendance was found in this "
                    "file. Check that it has a row of column headings (see the template), or "
                    "choose the columns yourself."
                )
            )
        return result


def _counts(preview: ImportPreview) -> dict[str, int]:
    tally = Counter((row.what, row.action) for row in preview.rows)
    links = sum(
        n
        for (what, action), n in tally.items()
        if what not in ("Person", "Referral") and action is Action.UNCHANGED
    )
    return {
        "people_created": tally[("Person", Action.CREATE)],
        "people_updated": tally[("Person", Action.UPDATE)],
        "people_unchanged": tally[("Person", Action.UNCHANGED)],
        "people_skipped": tally[("Person", Action.SKIP)],
        "referrals_created": tally[("Referral", Action.CREATE)],
        "referrals_unchanged": tally[("Referral", Action.UNCHANGED)],
        "pairings_created": tally[("Pairing", Action.CREATE)],
        "sessions_created": tally[("Session", Action.CREATE)],
        "attendance_created": tally[("Attendance", Action.CREATE)],
        "links_unchanged": links,
        "rows_refused": sum(n for (_, action), n in tally.items() if action is Action.REFUSED),
    }


def read_and_preview(
    service: ImportService, path: Path, saved: ImportSettings | None = None
) -> tuple[Source | None, ImportPreview]:
    """For the CLI: read, map and preview, turning an unreadable file into a problem."""
    try:
        source = service.read(path, saved)
    except FileUnreadable as error:
        preview = ImportPreview(file=path, settings=saved or ImportSettings())
        preview.problems.append(Problem(str(error)))
        return None, preview
    settings = service.suggest(source, saved)
    return source, service.preview(source, settings)


def _no_rows(sheets: Iterable[Sheet]) -> str:
    # Formulas without saved results read as empty: say so, or "no rows" hides the cause.
    if any(sheet.formulas for sheet in sheets):
        return (
            "There are no rows to import below the headings: the rows there hold formulas "
            "with no saved results, which read as empty. Open the file in Excel or "
            "LibreOffice, save it, and import again."
        )
    return "There are no rows to import below the headings."
