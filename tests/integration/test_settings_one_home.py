"""`peerdesk backup` (and every command) uses the backup folder and rotation chosen in the
app's settings: they live in the database, not in the app's settings.ini."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from peerdesk.cli.main import main
from peerdesk.data.backup import backup_files
from peerdesk.data.database import DatabaseLostError
from peerdesk.paths import Paths
from peerdesk.services.opening import open_services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.safety.backups import make_backup, noted_backup_folders
from peerdesk.services.safety.recovery import recovery_offer
from tests.conftest import NOW, TODAY


def _choose_in_the_app(paths: Paths, folder: Path, keep: dict[str, int | None]) -> str:
    """What the Backups dialog and Settings do, then close (as the coordinator quits)."""
    services = open_services(paths, today=lambda: TODAY)
    try:
        services.organisation.save(OrganisationDetails(name="Wick Peers"))
        services.backups.save_folder(folder)
        services.organisation.set_backup_rotation(keep)
        identity = services.db.identity
        assert identity
        return identity
    finally:
        services.close()


def test_the_backup_command_writes_to_the_folder_chosen_in_the_app(
    paths: Paths, tmp_path: Path, capsys: object
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    identity = _choose_in_the_app(paths, stick, {})
    assert main(["backup"]) == 0
    made = backup_files(stick, identity)
    assert len(made) == 1
    assert str(made[0]) in capsys.readouterr().out  # type: ignore[attr-defined]
    # Nothing went to peerdesk's own folder but the register's note of where they go.
    assert backup_files(paths.backup_dir, identity) == []
    assert noted_backup_folders(paths.backup_dir, paths.database) == [stick.resolve()]


def test_the_backup_command_keeps_only_what_the_chosen_rotation_keeps(
    paths: Paths, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    identity = _choose_in_the_app(paths, stick, {"recent": 1, "daily": 2, "weekly": 1})
    # Six automatic backups, one a day on the six days before the command runs. The usual
    # rotation (7 daily) would keep them all; the chosen one keeps the newest of 2 days only
    # (today's, made by the command, and yesterday's), and the newest of this month.
    services = open_services(paths, today=lambda: TODAY)
    try:
        for days in range(1, 7):
            make_backup(services.db, stick, "automatic", NOW - timedelta(days=days))
    finally:
        services.close()
    assert len(backup_files(stick, identity)) == 6
    assert main(["backup"]) == 0
    kept = backup_files(stick, identity)
    reasons = sorted(path.name.split("_")[-2] for path in kept)
    assert reasons == ["automatic", "manual"], [path.name for path in kept]


def test_once_chosen_a_lost_databases_backups_are_found_in_the_chosen_folder(
    paths: Paths, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    _choose_in_the_app(paths, stick, {})
    assert main(["backup"]) == 0
    for path in paths.database.parent.glob(paths.database.name + "*"):
        path.unlink()
    offer = recovery_offer(
        paths,
        DatabaseLostError("The database is missing."),
        extra_folders=noted_backup_folders(paths.backup_dir, paths.database),
    )
    assert offer.newest_good is not None and offer.newest_good.path.parent == stick.resolve()


def test_restoring_an_older_backup_keeps_the_backup_folder_and_rotation(
    paths: Paths, tmp_path: Path
) -> None:
    services = open_services(paths, today=lambda: TODAY)
    try:
        services.organisation.save(OrganisationDetails(name="Wick Peers"))
        older = services.backups.back_up("manual")  # before any folder was chosen
        stick = tmp_path / "stick"
        stick.mkdir()
        services.backups.save_folder(stick)
        services.organisation.set_backup_rotation({"monthly": 36})
        services.organisation.save(OrganisationDetails(name="Wick Peer Support"))
        services.backups.restore(older.path)
        organisation = services.organisation.get()
        assert organisation is not None and organisation.name == "Wick Peers"  # restored
        assert services.backups.folder == stick.resolve()
        assert services.backups.policy.monthly == 36
    finally:
        services.close()
