"""The safeguarding and concerns log: `ConcernService` (service.py), its views (views.py)."""
