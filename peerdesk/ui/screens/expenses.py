"""The Expenses screen lives with its dialogs in `peerdesk.ui.expenses`; the navigation
builds screens from this package, so it is named here."""

from peerdesk.ui.expenses.screen import ExpensesScreen

__all__ = ["ExpensesScreen"]
