"""People and volunteers: the list, the person page, the add/edit dialog."""
