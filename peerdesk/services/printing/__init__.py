"""Forms: gathering the plain data each pre-filled form needs, and rendering it."""

from peerdesk.services.printing.service import FormChoice, PrintingService, SubjectChoice

__all__ = ["FormChoice", "PrintingService", "SubjectChoice"]
