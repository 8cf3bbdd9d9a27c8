"""`Services`: every use case of one open database, built once and handed to UI and CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerdesk.data.database import Database
from peerdesk.services.attention import AttentionService
from peerdesk.services.base import Clock
from peerdesk.services.concerns.service import ConcernService
from peerdesk.services.data_protection.consents import ConsentService
from peerdesk.services.data_protection.erasure import ErasureService
from peerdesk.services.data_protection.gates import GateService
from peerdesk.services.data_protection.retention import RetentionService
from peerdesk.services.data_protection.subject_access import SubjectAccessService
from peerdesk.services.demo.generator import DemoService
from peerdesk.services.expenses.service import ExpenseService
from peerdesk.services.figures import FiguresService
from peerdesk.services.groups.service import GroupService
from peerdesk.services.history import HistoryService
from peerdesk.services.history.undo import UndoService
from peerdesk.services.importing import ExportService, ImportService
from peerdesk.services.mentoring.matching import MatchingService
from peerdesk.services.mentoring.pairings import PairingService
from peerdesk.services.mentoring.referrals import ReferralService
from peerdesk.services.mentoring.reviews import ReviewService
from peerdesk.services.mentoring.sessions import SessionService
from peerdesk.services.organisation import OrganisationService
from peerdesk.services.outcomes import OutcomeService
from peerdesk.services.people.conditions import ConditionsService
from peerdesk.services.people.service import PeopleService
from peerdesk.services.printing import PrintingService
from peerdesk.services.projects import ProjectsService
from peerdesk.services.safety.backups import BackupService
from peerdesk.services.safety.health import HealthService
from peerdesk.services.safety.security import SecurityService
from peerdesk.services.training.service import TrainingService
from peerdesk.services.volunteers.references import ReferenceService
from peerdesk.services.volunteers.service import VolunteerService


class Services:
    """Built on an open database; `peerdesk.services.opening.open_services` opens one."""

    def close(self) -> None:
        self.db.close()

    @property
    def database_path(self) -> Path:
        return self.db.path

    def __init__(self, db: Database, today: Clock = date.today) -> None:
        # Built in dependency order: each service is handed the ones it works with, already
        # built (organisation before backups; erasure before backups, before security).
        self.db = db
        self.today = today
        self.organisation = OrganisationService(db, today)
        self.people = PeopleService(db, today)
        self.conditions = ConditionsService(db, today)
        self.referrals = ReferralService(db, today)
        self.volunteers = VolunteerService(db, today)
        self.training = TrainingService(db, today)
        self.references = ReferenceService(db, today)
        self.pairings = PairingService(db, today)
        self.sessions = SessionService(db, today)
        self.concerns = ConcernService(db, today)
        self.matching = MatchingService(db, today)
        self.reviews = ReviewService(db, today)
        self.consents = ConsentService(db, today)
        self.groups = GroupService(db, today)
        self.expenses = ExpenseService(db, today)
        self.outcomes = OutcomeService(db, today)
        self.health = HealthService(db, today)
        self.importing, self.exporting = ImportService(db, today), ExportService(db, today)
        self.demo = DemoService(db, today)
        self.attention = AttentionService(db, today)
        self.gates = GateService(db, today)
        self.printing = PrintingService(db, today, referrals=self.referrals, gates=self.gates)
        self.erasure = ErasureService(db, today)
        self.subject_access = SubjectAccessService(db, today)
        self.retention = RetentionService(db, today)
        self.figures = FiguresService(db, today)
        self.projects = ProjectsService(db, today)
        self.history = HistoryService(db, today)
        # Undo and Redo reach back to the change sets made after this point (the app opening).
        self.undo = UndoService(db, today)
        self.backups = BackupService(db, today, self.erasure, settings=self.organisation)
        self.security = SecurityService(
            db, today, backups=self.backups, organisation=self.organisation
        )
