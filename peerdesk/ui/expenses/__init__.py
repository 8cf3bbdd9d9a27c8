"""The Expenses screen, its claim dialogs, and the mileage rates panel in Settings."""
