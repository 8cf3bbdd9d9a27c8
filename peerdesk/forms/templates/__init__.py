"""One module per form: each only describes its content with the kit (see layout.py)."""
