"""Parts of the Figures screen: its table model and the definitions dialog."""
