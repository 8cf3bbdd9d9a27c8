"""What the printing service hands to screens: the forms that can be printed for a kind of
record, and the records one can be filled in for. The UI imports this module (and renders
through `services.printing`), nothing else from the area."""

from peerdesk.services.printing.service import FormChoice, SubjectChoice

__all__ = ["FormChoice", "SubjectChoice"]
