"""Printing forms from record pages ("Print…" on person, pairing, group and meeting pages)."""

from peerdesk.ui.printing.print_menu import make_print_menu

__all__ = ["make_print_menu"]
