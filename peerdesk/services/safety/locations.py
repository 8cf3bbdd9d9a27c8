"""Risky places for a database or its backups: cloud-synced folders and network shares.

The rules are pure functions of a path string, the platform's path style and (optionally) the
text of a mount table, so they are tested for Windows, macOS and Linux on any machine.
`location_risk` is the thin impure wrapper that reads the running system.

Only well-known shapes are flagged, matched on whole folder names, so an ordinary folder such
as `Documents/Dropbox receipts` or `/home/sam/onedrive-notes` raises no false alarm.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

CLOUD = "cloud"
NETWORK = "network"

ONEDRIVE = "OneDrive"
DROPBOX = "Dropbox"
GOOGLE_DRIVE = "Google Drive"
ICLOUD = "iCloud Drive"
NETWORK_SHARE = "a network drive"

#: File systems that live on another machine (Linux /proc/mounts and macOS `mount` names).
NETWORK_FILE_SYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afpfs",
    "webdav",
    "davfs",
    "fuse.davfs",
    "sshfs",
    "fuse.sshfs",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "ncpfs",
    "9p",
}
#: File systems that are a cloud service mounted as a folder.
CLOUD_FILE_SYSTEMS = {"fuse.rclone": "a cloud drive", "fuse.onedriver": ONEDRIVE}

# GNOME's gvfs mounts remote places under /run/user/<uid>/gvfs/<scheme>:host=...
_GVFS = re.compile(r"^/run/user/\d+/gvfs/(?P<scheme>[a-z0-9-]+):", re.IGNORECASE)
_GVFS_NETWORK = {"smb-share", "sftp", "dav", "davs", "ftp", "ftps", "nfs", "afp-volume"}


@dataclass(frozen=True)
class LocationRisk:
    kind: str  # CLOUD or NETWORK
    service: str  # "OneDrive", "a network drive"...
    role: str  # "database" or "backups"
    path: str

    @property
    def title(self) -> str:
        if self.kind == CLOUD:
            return f"Inside {self.service}"
        return "On a network drive"

    @property
    def message(self) -> str:
        if self.role == "database" and self.kind == CLOUD:
            return (
                f"Your database is inside {self.service} ({self.path}). Sync programs copy "
                "the file while peerdesk is writing to it, which can damage it or leave "
                "conflicting copies, and they send personal information about the people you "
                "support to the cloud. Move the database to a folder on this computer that is "
                "not synced, and keep backups on a USB stick."
            )
        if self.role == "database":
            return (
                f"Your database is on a network drive ({self.path}). A database used over a "
                "network can be damaged, and peerdesk stops working whenever the network "
                "drops. Keep the database on this computer's own disk."
            )
        if self.kind == CLOUD:
            return (
                f"Your backups are going into {self.service} ({self.path}). Each backup is a "
                "full copy of your records, including health information, and will be copied "
                "to the cloud. Check your organisation allows that; if not, choose a backup "
                "folder on a USB stick or on this computer."
            )
        return (
            f"Your backups are going to a network drive ({self.path}). If the network drops "
            "during a backup, that backup fails (your records stay safe), so look at the list "
            "of backups now and then, or choose a USB stick instead."
        )


def pure_path(path: str, platform: str) -> PurePath:
    if platform == "win32":
        return PureWindowsPath(path)
    return PurePosixPath(path)


def cloud_service(path: str, platform: str) -> str | None:
    """The cloud-sync service whose folder holds `path`, judged from its folder names."""
    parts = [part.lower() for part in pure_path(path, platform).parts]
    for index, part in enumerate(parts):
        before = parts[index - 1] if index else ""
        found = _cloud_folder(part, before, parts[:index])
        if found is not None:
            return found
    gvfs = _GVFS.match(path.replace("\\", "/"))
    if gvfs is not None and gvfs["scheme"].lower() == "google-drive":
        return GOOGLE_DRIVE
    return None


def _cloud_folder(part: str, before: str, ancestors: list[str]) -> str | None:
    # macOS 12+: every file provider lives in ~/Library/CloudStorage/<Provider>-<account>.
    if before == "cloudstorage" and len(ancestors) >= 2 and ancestors[-2] == "library":
        for prefix, service in (
            ("onedrive", ONEDRIVE),
            ("dropbox", DROPBOX),
            ("googledrive", GOOGLE_DRIVE),
            ("icloud", ICLOUD),
        ):
            if part.startswith(prefix):
                return service
        return "a cloud storage folder"
    if part == "onedrive" or part.startswith(("onedrive - ", "onedrive (")):
        return ONEDRIVE
    if part == "dropbox" or part.startswith("dropbox ("):
        return DROPBOX
    if part in ("google drive", "googledrive", "my drive", "shared drives", "google-drive"):
        return GOOGLE_DRIVE
    if part in ("icloud drive", "iclouddrive", "com~apple~clouddocs"):
        return ICLOUD
    if part == "mobile documents" and before == "library":
        return ICLOUD
    return None


def is_unc(path: str) -> bool:
    """A Windows network path: \\\\server\\share\\..., //server/share or \\\\?\\UNC\\server\\..."""
    normalised = path.replace("/", "\\")
    if normalised.lower().startswith("\\\\?\\unc\\"):
        return True
    if normalised.startswith("\\\\?\\") or normalised.startswith("\\\\.\\"):
        return False
    return normalised.startswith("\\\\") and len(normalised) > 2


@dataclass(frozen=True)
class Mount:
    source: str
    point: str
    fs_type: str


def parse_mount_table(text: str) -> list[Mount]:
    """Mounts from Linux /proc/mounts, or the output of `mount` on Linux or macOS."""
    mounts: list[Mount] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        linux_mount = re.match(r"^(?P<src>.+?) on (?P<mp>.+?) type (?P<fs>\S+)", line)
        mac_mount = re.match(r"^(?P<src>.+?) on (?P<mp>.+) \((?P<fs>[^,)]+)", line)
        if linux_mount:
            mounts.append(Mount(linux_mount["src"], linux_mount["mp"], linux_mount["fs"]))
        elif mac_mount:
            mounts.append(Mount(mac_mount["src"], mac_mount["mp"], mac_mount["fs"].strip()))
        else:
            fields = line.split()
            if len(fields) >= 3:
                mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return mounts


def _unescape(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011 and so on.
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match[1], 8)), field)


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount holding `path`: the one with the longest mount point that contains it."""
    best: Mount | None = None
    target = PurePosixPath(path)
    for mount in mounts:
        point = PurePosixPath(mount.point)
        if (target == point or point in target.parents) and (
            best is None or len(point.parts) > len(PurePosixPath(best.point).parts)
        ):
            best = mount
    return best


def classify(
    path: str,
    *,
    platform: str,
    mount_table: str | None = None,
    remote_drive: bool = False,
) -> tuple[str, str] | None:
    """(kind, service) for a risky location, or None for an ordinary local folder.

    `platform` is a `sys.platform` value ("win32", "darwin", "linux"); `mount_table` is the
    text of /proc/mounts or `mount` (POSIX); `remote_drive` says a Windows drive letter is
    mapped to a network share (the system knows; the path alone cannot tell).
    """
    service = cloud_service(path, platform)
    if service is not None:
        return CLOUD, service
    if platform == "win32":
        if is_unc(path) or remote_drive:
            return NETWORK, NETWORK_SHARE
        return None
    gvfs = _GVFS.match(path)
    if gvfs is not None and gvfs["scheme"].lower() in _GVFS_NETWORK:
        return NETWORK, NETWORK_SHARE
    if mount_table:
        mount = mount_of(path, parse_mount_table(mount_table))
        if mount is not None:
            fs_type = mount.fs_type.lower()
            if fs_type in CLOUD_FILE_SYSTEMS:
                return CLOUD, CLOUD_FILE_SYSTEMS[fs_type]
            if fs_type in NETWORK_FILE_SYSTEMS:
                return NETWORK, NETWORK_SHARE
    return None


def location_risk(path: Path, *, role: str) -> LocationRisk | None:
    """The risk of keeping the `role` ("database" or "backups") at `path` on this machine."""
    text = str(path)
    found = classify(
        text,
        platform=sys.platform,
        mount_table=_read_mount_table(),
        remote_drive=_is_remote_drive(path),
    )
    if found is None:
        return None
    kind, service = found
    return LocationRisk(kind=kind, service=service, role=role, path=text)


def _read_mount_table() -> str | None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    return None


def _is_remote_drive(path: Path) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes  # pragma: no cover - Windows only

    drive = PureWindowsPath(path).drive  # pragma: no cover
    if not drive or drive.startswith("\\\\"):  # pragma: no cover
        return False
    drive_remote = 4  # pragma: no cover - GetDriveTypeW's DRIVE_REMOTE
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # pragma: no cover
    return bool(kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # pragma: no cover
