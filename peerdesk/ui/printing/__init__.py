"""Printing forms from record pages ("Print…" on person, pairing, group and meeting pages)."""

from peerdesk.ui.printing.preview import PdfPreview
from peerdesk.ui.printing.print_menu import make_print_menu, open_form

__all__ = ["PdfPreview", "make_print_menu", "open_form"]
