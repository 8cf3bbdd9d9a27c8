"""peerdesk.files: a file is replaced whole or not at all, flushed to the disk, no leftovers."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from peerdesk import files


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reached the disk, in order: each fsync (of a file or a folder) and each rename."""
    seen: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        seen.append("fsync")
        real_fsync(descriptor)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        seen.append("replace")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return seen


def test_write_bytes_writes_the_whole_content_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "export.pdf"
    data = bytes(range(256)) * 4000  # 1 MB, more than one buffer
    assert files.write_bytes(target, data) == target
    assert target.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.pdf"]


def test_write_bytes_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old and much longer than the new content")
    files.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_write_text_keeps_encoding_and_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    files.write_text(target, "Zoë,Ng\r\nAl,Bo\r\n", encoding="utf-8-sig", newline="")
    assert target.read_bytes() == "\ufeffZoë,Ng\r\nAl,Bo\r\n".encode()


def test_a_writer_given_a_path_fills_the_target(tmp_path: Path) -> None:
    target = tmp_path / "figures.xlsx"
    seen: list[Path] = []

    def build(path: Path) -> None:
        seen.append(path)
        path.write_bytes(b"workbook")

    with files.atomic_path(target) as temporary:
        build(temporary)
        assert not target.exists(), "nothing under the real name before the end"
    assert target.read_bytes() == b"workbook"
    assert seen[0].parent == tmp_path, "written beside the target (same disk: one rename)"
    assert seen[0] != target and not seen[0].exists()


def test_file_is_synced_before_the_rename_and_the_folder_after(
    tmp_path: Path, events: list[str]
) -> None:
    files.write_bytes(tmp_path / "form.pdf", b"%PDF")
    folder_synced = ["fsync"] if os.name == "posix" else []
    assert events == ["fsync", "replace", *folder_synced]


def test_a_failing_writer_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"the old export")
    with pytest.raises(ValueError, match="half way"), files.atomic_path(target) as temporary:
        temporary.write_bytes(b"half a workb")
        raise ValueError("half way")
    assert target.read_bytes() == b"the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]


def test_a_full_disk_while_writing_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "subject-access.json"
    target.write_text("{}", encoding="utf-8")
    real_open = open

    def filling_open(path: Path, mode: str = "r", **options: object) -> object:
        handle = real_open(path, mode, **options)  # type: ignore[call-overload]
        if "w" in mode:
            write = handle.write

            def write_then_fill(data: str) -> None:
                write(data[:5])  # part of it reaches the disk, then it is full
                handle.flush()
                _disk_full()

            handle.write = write_then_fill
        return handle

    monkeypatch.setattr(files, "open", filling_open, raising=False)
    with pytest.raises(OSError, match="No space"):
        files.write_text(target, '{"records": []}')
    assert target.read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["subject-access.json"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_flushing_or_renaming_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "backup.db"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, failing, _disk_full)
    with pytest.raises(OSError, match="No space"):
        files.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.db"]


def test_a_missing_target_stays_missing_when_the_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    with pytest.raises(RuntimeError), files.atomic_path(target) as temporary:
        temporary.write_text("a,b")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_no_part(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    with pytest.raises(KeyboardInterrupt), files.atomic_path(target) as temporary:
        temporary.write_bytes(b"%PDF-1.4 ...")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_named_temporary_is_used_and_discarded_by_the_caller(tmp_path: Path) -> None:
    target = tmp_path / "peerdesk_backup.db"
    named = tmp_path / "peerdesk_backup.db.part"
    journal = tmp_path / "peerdesk_backup.db.part-journal"
    discarded: list[Path] = []

    def discard(path: Path) -> None:
        discarded.append(path)
        path.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)

    with files.atomic_path(target, temporary=named, discard=discard) as temporary:
        assert temporary == named and not named.exists(), "the writer creates it"
        named.write_bytes(b"good copy")
    assert target.read_bytes() == b"good copy" and discarded == []

    with pytest.raises(OSError), files.atomic_path(target, temporary=named, discard=discard):
        named.write_bytes(b"half")
        journal.write_bytes(b"journal")
        _disk_full()
    assert discarded == [named]
    assert target.read_bytes() == b"good copy"
    assert [p.name for p in tmp_path.iterdir()] == ["peerdesk_backup.db"]


def test_move_renames_over_an_existing_file_and_syncs_the_folder(
    tmp_path: Path, events: list[str]
) -> None:
    source, target = tmp_path / "peerdesk.db", tmp_path / "peerdesk.damaged.db"
    source.write_bytes(b"damaged")
    target.write_bytes(b"other")
    assert files.move(source, target) == target
    assert target.read_bytes() == b"damaged" and not source.exists()
    assert events == ["replace", *(["fsync"] if os.name == "posix" else [])]


def test_move_between_folders_syncs_both(tmp_path: Path, events: list[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = tmp_path / "a" / "file.db"
    source.write_bytes(b"x")
    files.move(source, tmp_path / "b" / "file.db")
    assert (tmp_path / "b" / "file.db").read_bytes() == b"x"
    assert events == ["replace", *(["fsync", "fsync"] if os.name == "posix" else [])]
