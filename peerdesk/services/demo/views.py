"""What the first-run screen passes to and gets from the demo service: the options for
fictional demo records and the summary of what was made."""

from peerdesk.services.demo.options import DemoOptions, DemoSummary

__all__ = ["DemoOptions", "DemoSummary"]
