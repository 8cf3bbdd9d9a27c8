"""Mentoring: use cases and views of this area."""
