"""The desktop app (Qt). Widgets call services; they never touch the database."""
