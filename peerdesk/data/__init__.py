"""The data layer: tables, the database file, migrations. Never imports Qt."""
