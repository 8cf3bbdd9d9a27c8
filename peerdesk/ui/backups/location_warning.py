"""The main window's warnings about keeping the records safe: the database or the backup
folder somewhere risky (a cloud-synced folder, a network drive), and automatic backups that
keep failing."""

from __future__ import annotations

import html

from peerdesk.services.safety.views import LocationRisk

WHAT_TO_DO = {
    "database": (
        "What to do: close peerdesk, move the database file to a folder on this computer "
        "that is not synced or shared, and open it from there."
    ),
    "backups": (
        "What to do: open File → Backups…, press “Choose backup folder…” and pick a "
        "folder on this computer or on a USB stick."
    ),
}


def warning_html(risks: list[LocationRisk]) -> str:
    """Why each place is risky and what to do about it, in plain words."""
    parts = ["<b>⚠ Your records are kept somewhere risky.</b>"]
    for risk in risks:
        parts.append(
            f"<p><b>{html.escape(risk.title)}.</b> {html.escape(risk.message)}<br>"
            f"{html.escape(WHAT_TO_DO.get(risk.role, ''))}</p>"
        )
    return "".join(parts)


#: Automatic backups failing this many times in a row put a banner up (one failure is only
#: a status-bar message: a USB stick pulled out for a moment is no emergency).
BACKUP_FAILURES_FOR_BANNER = 2


def backup_failing_html(failures: int, message: str) -> str:
    return (
        f"<b>⚠ Automatic backups are failing</b> ({failures} times in a row). Your records "
        "are safe on this computer, but there is no fresh copy of them if the laptop is lost "
        f"or breaks. The last problem: {html.escape(message)}<br>What to do: if backups go to "
        "a USB stick, plug it in; then open File → Backups… and press “Back up now”, or "
        "choose another backup folder."
    )
