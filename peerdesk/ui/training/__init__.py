"""The Training screen, its session dialog and the modules panel of Settings (issue 22)."""
