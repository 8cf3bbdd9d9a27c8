"""Backups screen, start-up recovery dialog and automatic backups."""
