"""Outcome measures on screen: the wellbeing section of a person's page, its dialog and
chart, and the outcome scale's Settings panel."""
