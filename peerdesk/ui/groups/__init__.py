"""The Groups screen's parts: list, group page, meeting dialog and register, chart."""
