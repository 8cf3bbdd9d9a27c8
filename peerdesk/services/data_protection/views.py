"""What the data protection services hand to screens: consents and wordings (with whether a
consent can still be withdrawn), consent gaps, subject access requests and exports, erasure
reports and retention rules. The UI imports this module, nothing else from the area."""

from peerdesk.services.data_protection.consent_lines import (
    CONTACT_KINDS,
    ConsentView,
    WordingRow,
    WordingView,
)
from peerdesk.services.data_protection.consents import ConsentEntry, ConsentGap
from peerdesk.services.data_protection.erasure import ErasureReport
from peerdesk.services.data_protection.retention import RetentionDue, RuleRow
from peerdesk.services.data_protection.subject_access import RequestRow, SubjectAccessExport

__all__ = [
    "CONTACT_KINDS",
    "ConsentEntry",
    "ConsentGap",
    "ConsentView",
    "ErasureReport",
    "RequestRow",
    "RetentionDue",
    "RuleRow",
    "SubjectAccessExport",
    "WordingRow",
    "WordingView",
]
