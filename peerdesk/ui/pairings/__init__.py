"""The Pairings feature's widgets: lists, the pairing page, matching, sessions, reviews."""
