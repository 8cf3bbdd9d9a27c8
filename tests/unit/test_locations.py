"""Cloud-synced folders and network shares, on Windows, macOS and Linux path shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.services.safety.locations import (
    CLOUD,
    NETWORK,
    LocationRisk,
    classify,
    location_risk,
    parse_mount_table,
)

CLOUD_CASES = [
    ("win32", r"C:\Users\sam\OneDrive\peerdesk\peerdesk.db", "OneDrive"),
    ("win32", r"C:\Users\sam\OneDrive - Carers Trust\Documents\peerdesk.db", "OneDrive"),
    ("win32", r"C:\Users\sam\Dropbox\peerdesk.db", "Dropbox"),
    ("win32", r"C:\Users\sam\Dropbox (Hope Charity)\data\peerdesk.db", "Dropbox"),
    ("win32", r"G:\My Drive\peerdesk\peerdesk.db", "Google Drive"),
    ("win32", r"C:\Users\sam\Google Drive\peerdesk.db", "Google Drive"),
    ("win32", r"C:\Users\sam\iCloudDrive\peerdesk.db", "iCloud Drive"),
    ("darwin", "/Users/sam/Library/CloudStorage/OneDrive-Personal/peerdesk.db", "OneDrive"),
    ("darwin", "/Users/sam/Library/CloudStorage/Dropbox/peerdesk.db", "Dropbox"),
    (
        "darwin",
        "/Users/sam/Library/CloudStorage/GoogleDrive-sam@example.org/My Drive/p.db",
        "Google Drive",
    ),
    (
        "darwin",
        "/Users/sam/Library/Mobile Documents/com~apple~CloudDocs/peerdesk/p.db",
        "iCloud Drive",
    ),
    ("darwin", "/Users/sam/Dropbox/peerdesk.db", "Dropbox"),
    ("linux", "/home/sam/Dropbox/peerdesk/peerdesk.db", "Dropbox"),
    ("linux", "/home/sam/OneDrive/peerdesk.db", "OneDrive"),
    ("linux", "/run/user/1000/gvfs/google-drive:host=gmail.com,user=sam/x/p.db", "Google Drive"),
]


@pytest.mark.parametrize(("platform", "path", "service"), CLOUD_CASES)
def test_cloud_folders_are_recognised(platform: str, path: str, service: str) -> None:
    assert classify(path, platform=platform) == (CLOUD, service)


NETWORK_CASES = [
    ("win32", r"\\fileserver\office\peerdesk\peerdesk.db", None),
    ("win32", "//fileserver/office/peerdesk.db", None),
    ("win32", r"\\?\UNC\fileserver\office\peerdesk.db", None),
    (
        "linux",
        "/mnt/office/peerdesk.db",
        "//fileserver/office /mnt/office cifs rw,relatime,vers=3.0 0 0\n",
    ),
    ("linux", "/srv/nfs/home/peerdesk.db", "server:/export /srv/nfs nfs4 rw 0 0\n"),
    ("linux", "/run/user/1000/gvfs/smb-share:server=nas,share=office/peerdesk.db", None),
    (
        "darwin",
        "/Volumes/office/peerdesk.db",
        "/dev/disk3s1 on / (apfs, local, journaled)\n"
        "//sam@nas._smb._tcp.local/office on /Volumes/office (smbfs, nodev, nosuid, mounted by sam)\n",
    ),
]


@pytest.mark.parametrize(("platform", "path", "mounts"), NETWORK_CASES)
def test_network_shares_are_recognised(platform: str, path: str, mounts: str | None) -> None:
    assert classify(path, platform=platform, mount_table=mounts) == (NETWORK, "a network drive")


def test_a_mapped_windows_drive_is_a_network_share_when_the_system_says_so() -> None:
    assert classify(r"Z:\peerdesk.db", platform="win32", remote_drive=True)[0] == NETWORK  # type: ignore[index]
    assert classify(r"Z:\peerdesk.db", platform="win32") is None


LINUX_MOUNTS = (
    "/dev/nvme0n1p2 / ext4 rw,relatime 0 0\n"
    "/dev/sdb1 /media/sam/USB\\040STICK vfat rw 0 0\n"
    "//nas/share /mnt/nas cifs rw 0 0\n"
)

ORDINARY = [
    ("win32", r"C:\Users\sam\AppData\Local\peerdesk\peerdesk\peerdesk.db", None),
    ("win32", r"C:\Users\sam\Documents\Dropbox receipts\peerdesk.db", None),
    ("win32", r"D:\Backups\peerdesk", None),
    ("win32", r"\\?\C:\Users\sam\peerdesk.db", None),
    ("darwin", "/Users/sam/Library/Application Support/peerdesk/peerdesk.db", None),
    (
        "darwin",
        "/Volumes/USB STICK/peerdesk backups",
        "/dev/disk4s1 on /Volumes/USB STICK (msdos, local)\n",
    ),
    ("linux", "/home/sam/.local/share/peerdesk/peerdesk.db", LINUX_MOUNTS),
    ("linux", "/home/sam/onedrive-notes/peerdesk.db", LINUX_MOUNTS),
    ("linux", "/media/sam/USB STICK/peerdesk backups", LINUX_MOUNTS),
    ("linux", "/mnt/nasty/peerdesk.db", LINUX_MOUNTS),
]


@pytest.mark.parametrize(("platform", "path", "mounts"), ORDINARY)
def test_ordinary_local_folders_raise_no_alarm(
    platform: str, path: str, mounts: str | None
) -> None:
    assert classify(path, platform=platform, mount_table=mounts) is None


def test_mount_tables_from_linux_and_macos_are_read() -> None:
    mounts = parse_mount_table(LINUX_MOUNTS)
    assert mounts[1].point == "/media/sam/USB STICK" and mounts[2].fs_type == "cifs"
    mac = parse_mount_table("map auto_home on /System/Volumes/Data/home (autofs, automounted)")
    assert mac[0].point == "/System/Volumes/Data/home" and mac[0].fs_type == "autofs"


def test_messages_explain_why_for_each_role_and_kind() -> None:
    texts = {
        LocationRisk(kind, "OneDrive" if kind == CLOUD else "a network drive", role, "/x").message
        for kind in (CLOUD, NETWORK)
        for role in ("database", "backups")
    }
    assert len(texts) == 4
    database_in_cloud = LocationRisk(CLOUD, "OneDrive", "database", "/x").message
    assert "damage" in database_in_cloud and "OneDrive" in database_in_cloud


def test_this_machines_own_temporary_folder_is_not_flagged(tmp_path: Path) -> None:
    assert location_risk(tmp_path / "peerdesk.db", role="database") is None
