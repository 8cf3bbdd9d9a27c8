"""Reports: PDFs that are not forms to fill in, each a pure function from plain data to a PDF
(the figures for funders, a subject access response, the recovery sheet). No Qt, no database:
the services gather the data and call these."""
