"""Projects or funding streams (issue 21): naming them, ending them, and which records carry
them (see `service`); screens import `views`."""

from peerdesk.services.projects.service import ProjectsService, check_project, referral_project
from peerdesk.services.projects.views import NO_PROJECT, ProjectView

__all__ = ["NO_PROJECT", "ProjectView", "ProjectsService", "check_project", "referral_project"]
