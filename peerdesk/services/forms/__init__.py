"""Forms: gathering the plain data each pre-filled form needs, and rendering it."""

from peerdesk.services.forms.service import FormChoice, FormService, SubjectChoice

__all__ = ["FormChoice", "FormService", "SubjectChoice"]
