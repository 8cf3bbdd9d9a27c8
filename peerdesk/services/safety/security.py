"""Encryption at rest: encrypt this database, change its passphrase, judge a passphrase.

`services.security` is the one door the desktop app and the command line use. Encrypting
makes a backup first, converts the file in place (see `peerdesk.data.encryption`), then
encrypts the older backups too, so no plain copy of the records is left in peerdesk's folders.
A forgotten passphrase cannot be recovered: nothing here stores it, and there is no back door.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peerdesk.data.backup import parse_backup_name
from peerdesk.data.database import Database
from peerdesk.data.encryption import change_passphrase as rekey_file
from peerdesk.data.encryption import encrypt_database
from peerdesk.data.keys import (
    KDF_ITERATIONS,
    Passphrase,
    PassphraseNeededError,
    WrongPassphraseError,
    is_encrypted_file,
)
from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services.base import Clock, Service
from peerdesk.services.organisation import OrganisationService
from peerdesk.services.safety.backups import BackupService
from peerdesk.services.safety.encryption_sweep import Sweep, readable_files, sweep, temp_folders

__all__ = [
    "ENV_PASSPHRASE",
    "LOST_PASSPHRASE_DETAIL",
    "LOST_PASSPHRASE_HEADLINE",
    "LOST_PASSPHRASE_WARNING",
    "EncryptionResult",
    "PassphraseNeededError",
    "SecurityService",
    "Strength",
    "WrongPassphraseError",
    "estimate_strength",
]

log = logging.getLogger(__name__)

#: For scripts and scheduled jobs only: a passphrase in the environment can be read by other
#: programs running as the same user, and may end up in shell history.
ENV_PASSPHRASE = "PEERDESK_PASSPHRASE"

LOST_PASSPHRASE_HEADLINE = "If you forget this passphrase, your records cannot be recovered."
LOST_PASSPHRASE_DETAIL = (
    "Nobody (not peerdesk's makers, not an IT expert) can open them without it. Write it down "
    "and keep it somewhere safe and separate from this computer, such as a locked drawer or safe."
)
LOST_PASSPHRASE_WARNING = f"{LOST_PASSPHRASE_HEADLINE} {LOST_PASSPHRASE_DETAIL}"

#: Shortest passphrase accepted, and the lowest strength (see `Strength.score`) accepted.
MIN_LENGTH = 8
MIN_SCORE = 2

#: Passwords that top every leaked-password list; any of them is guessed in seconds.
_COMMON_WORDS = """
    password password1 passw0rd 123456 1234567 12345678 123456789 1234567890 qwerty
    qwertyuiop qwerty123 abc123 111111 000000 123123 letmein welcome welcome1 iloveyou
    admin administrator monkey dragon football baseball sunshine princess master shadow
    trustno1 superman batman starwars whatever freedom charlie michael jennifer hello
    hello123 login secret changeme default computer internet summer winter spring autumn
    liverpool arsenal chelsea manchester london england peerdesk charity volunteer
    mentoring support peersupport passphrase
"""
COMMON = frozenset(_COMMON_WORDS.split())

_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiopasdfghjklzxcvbnm")

STRENGTH_WORDS = ("Very weak", "Weak", "Fair", "Good", "Strong")


@dataclass(frozen=True)
class Strength:
    """An honest, rough estimate of how hard a passphrase is to guess.

    `bits` follows the NIST SP 800-63 (2006) rule of thumb for chosen passwords: 4 bits for
    the first character, 2 for each of the next 7, 1.5 for characters 9 to 20 and 1 after
    that, plus 6 when upper case and non-letters are both used. People choose passwords far
    less randomly than their length suggests, so this counts length low on purpose.
    """

    score: int  # 0 (very weak) to 4 (strong)
    bits: float
    advice: str

    @property
    def words(self) -> str:
        return STRENGTH_WORDS[self.score]

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE


def estimate_strength(passphrase: str) -> Strength:
    text = passphrase
    if not text:
        return Strength(0, 0.0, "Type a passphrase: four or five unrelated words work well.")
    stripped = text.lower().strip().rstrip("0123456789!?.*#@$ ")
    if text.lower() in COMMON or stripped in COMMON:
        return Strength(0, 0.0, "This is one of the most common passwords: choose another.")
    if len(set(text)) <= 2 or _is_sequence(text.lower()):
        return Strength(0, 0.0, "Repeated or sequential characters are guessed at once.")
    bits = _nist_bits(text)
    if len(text) < MIN_LENGTH:
        return Strength(0, bits, f"Use at least {MIN_LENGTH} characters; longer is better.")
    score = 1 if bits < 30 else 2 if bits < 40 else 3 if bits < 52 else 4
    advice = {
        1: "Too easy to guess. Make it longer: four or five unrelated words work well.",
        2: "Acceptable. A few more words would make it much stronger.",
        3: "Good. Make sure you will remember it.",
        4: "Strong. Make sure you will remember it.",
    }[score]
    return Strength(score, bits, advice)


def _nist_bits(text: str) -> float:
    length = len(text)
    bits = 4.0 if length else 0.0
    bits += 2.0 * min(max(length - 1, 0), 7)
    bits += 1.5 * min(max(length - 8, 0), 12)
    bits += 1.0 * max(length - 20, 0)
    has_upper = any(c.isupper() for c in text)
    has_other = any(not c.isalpha() for c in text)
    if has_upper and has_other:
        bits += 6.0
    return round(bits, 1)


def _is_sequence(text: str) -> bool:
    if len(text) < 4:
        return False
    return any(text in run or text in run[::-1] for run in _SEQUENCES)


@dataclass(frozen=True)
class EncryptionResult:
    """What encrypting (or changing the passphrase) did besides the database itself."""

    backup: Path | None
    sweep: Sweep = field(default_factory=Sweep)

    @property
    def rekeyed(self) -> list[Path]:
        """This database's backups (and damaged copies) now under the current passphrase."""
        return self.sweep.rekeyed

    @property
    def backups_encrypted(self) -> int:
        return len(self.sweep.rekeyed)

    @property
    def rekeyed_backups(self) -> list[Path]:
        """Of `rekeyed`, the backups (named as peerdesk names them)."""
        return [path for path in self.rekeyed if parse_backup_name(path.name) is not None]

    @property
    def rekeyed_copies(self) -> list[Path]:
        """Of `rekeyed`, the rest: copies of the database kept after damage."""
        return [path for path in self.rekeyed if parse_backup_name(path.name) is None]

    @property
    def plain_left(self) -> list[Path]:
        """This database's files still readable without the passphrase (could not be read)."""
        return self.sweep.left


@dataclass(frozen=True)
class RecoverySheet:
    """What the printed recovery sheet says (never the passphrase itself)."""

    organisation: str
    database: Path
    backup_folder: Path
    encrypted: bool
    printed_on: date
    kdf: str = f"SQLCipher 4: AES-256, PBKDF2-HMAC-SHA512, {KDF_ITERATIONS:,} iterations"


def check_new_passphrase(passphrase: str, confirmation: str | None = None) -> Strength:
    """Refuse a passphrase that is empty, too weak or mistyped (the confirmation differs)."""
    strength = estimate_strength(passphrase)
    if passphrase != passphrase.strip():
        raise ValidationError(
            "The passphrase starts or ends with a space, which is easy to forget. Remove it.",
            "passphrase",
        )
    if not strength.acceptable:
        raise ValidationError(f"{strength.words} passphrase. {strength.advice}", "passphrase")
    if confirmation is not None and confirmation != passphrase:
        raise ValidationError(
            "The two passphrases are not the same. Type it again in both boxes.", "confirmation"
        )
    return strength


def needs_passphrase(path: Path) -> bool:
    """Whether the file at `path` is encrypted (or at least, not a plain database)."""
    return is_encrypted_file(path)


class SecurityService(Service):
    def __init__(
        self,
        db: Database,
        today: Clock = date.today,
        backups: BackupService | None = None,
        organisation: OrganisationService | None = None,
    ) -> None:
        super().__init__(db, today)
        #: Makes the backup before the file is converted and names the folders to sweep;
        #: without it only the database's own backup folder is swept and no backup is made.
        self._backups = backups
        self._organisation = organisation or OrganisationService(db, today)

    @property
    def is_encrypted(self) -> bool:
        return self.db.is_encrypted

    def verify(self, passphrase: str) -> bool:
        """Whether `passphrase` is this database's (for unlocking). Always False when plain."""
        return self.db.key is not None and self.db.key.same_as(passphrase)

    def encrypt(self, passphrase: str, confirmation: str | None = None) -> EncryptionResult:
        """Encrypt this plain database in place, after a backup; then encrypt its backups."""
        if self.db.is_encrypted:
            raise ValidationError("This database is already encrypted.", "passphrase")
        check_new_passphrase(passphrase, confirmation)
        key = Passphrase(passphrase)
        service = self._backups
        backup = service.before("encryption").path if service is not None else None
        self.db.release_connections()
        try:
            encrypt_database(self.db.path, key)
        finally:
            # Connect again with whatever the file now is: encrypted, or still plain.
            self.db.use_key(key if is_encrypted_file(self.db.path) else None)
        if self.db.key is None:
            return EncryptionResult(backup=backup)
        swept = sweep(self.db, self._backup_folders(), key)
        log.info(
            "encrypted; %d files encrypted, %d left plain", len(swept.rekeyed), len(swept.left)
        )
        return EncryptionResult(backup=backup, sweep=swept)

    def change_passphrase(
        self, old: str, new: str, confirmation: str | None = None
    ) -> EncryptionResult:
        """Change the passphrase of this database and of its backups in peerdesk's folders."""
        if self.db.key is None:
            raise ValidationError(
                "This database is not encrypted yet: use “Encrypt this database” first.", "old"
            )
        if not self.db.key.same_as(old):
            raise ValidationError(
                "The current passphrase is not right. Check that Caps Lock is off.", "old"
            )
        if new == old:
            raise ValidationError("The new passphrase is the same as the current one.", "new")
        check_new_passphrase(new, confirmation)
        old_key, new_key = self.db.key, Passphrase(new)
        service = self._backups
        backup = service.before("passphrase-change").path if service is not None else None
        self.db.release_connections()
        try:
            rekey_file(self.db.path, old_key, new_key)
        except PeerdeskError:
            self.db.use_key(old_key)
            raise
        self.db.use_key(new_key)
        swept = sweep(self.db, self._backup_folders(), new_key, old=old_key)
        log.info("passphrase changed; %d files re-keyed", len(swept.rekeyed))
        return EncryptionResult(backup=backup, sweep=swept)

    def readable_files(self) -> list[Path]:
        """Database files in the data folder, the backup folders and peerdesk's temporary
        folders that anyone can read without a passphrase (the demo's included)."""
        folders = [self.db.path.parent, *self._backup_folders()]
        return readable_files(folders, temp_folders())

    def recovery_sheet(self) -> RecoverySheet:
        organisation = self._organisation.get()
        service = self._backups
        folder = service.folder if service is not None else self.db.path.parent / "backups"
        return RecoverySheet(
            organisation=organisation.name if organisation else "",
            database=self.db.path,
            backup_folder=folder,
            encrypted=self.db.is_encrypted,
            printed_on=self.today(),
        )

    def _backup_folders(self) -> list[Path]:
        service = self._backups
        if service is None:
            folder = self.db.backup_dir or self.db.path.parent / "backups"
            return [folder] if folder.is_dir() else []
        return list(service.folders())
