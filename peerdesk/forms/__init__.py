"""PDF forms: pure functions from plain data to PDF bytes (reportlab, no Qt, no database).

`peerdesk.forms.catalogue` lists every form and renders any of them by name; `fonts` prepares
text in any script. Kept free of imports here so that using `fonts` stays cheap.
"""
