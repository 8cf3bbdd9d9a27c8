"""Data protection: use cases and views of this area."""
