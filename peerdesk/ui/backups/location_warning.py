"""The main window's warning when the database or the backup folder is somewhere risky:
inside a cloud-synced folder (OneDrive, Dropbox...) or on a network drive."""

from __future__ import annotations

import html

from peerdesk.services.locations import LocationRisk

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
