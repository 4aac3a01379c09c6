"""Where a memo's audio goes once its outcome is committed: never before.

`keep` leaves it in the inbox (re-runs skip it by its SHA-256). `move` takes
it out: a processed memo to processed/<rep>/, a memo that cannot be used to
quarantine/<rep>/ with a `.error.txt` beside it saying why. `delete:N` moves
processed memos like `move`, then deletes them N days later. Both folders
live outside the inbox (or a watcher would see them again) and on the same
filesystem (so a move is an atomic rename, never a half-copied file).

A path is moved only while it still holds the bytes whose outcome was
committed (checked by SHA-256 just before the rename): a file replaced under
the same name meanwhile is a new memo and stays. `delete:N` deletes only
files the ledger moved and recorded, and only while their bytes still match.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import faults
from .inbox import file_sha256

NAME_MAX = 255  # bytes, on every filesystem a memo is likely to sit on
ERROR_SUFFIX = ".error.txt"


class ArchiveError(ValueError):
    pass


class BytesChanged(OSError):
    """The path no longer holds the bytes whose outcome was committed: not moved."""


@dataclass(frozen=True)
class Disposal:
    after: str  # keep | move | delete:N
    processed_dir: Path
    quarantine_dir: Path

    @classmethod
    def for_inbox(cls, inbox: Path, after: str, processed: Path | None = None,
                  quarantine: Path | None = None) -> "Disposal":
        if after != "keep" and after != "move" and not _delete_days(after):
            raise ArchiveError("--after takes keep, move or delete:N (N days)")
        disposal = cls(after, processed or inbox.parent / "processed", quarantine or inbox.parent / "quarantine")
        if after != "keep":
            disposal._check(inbox)
        return disposal

    def _check(self, inbox: Path) -> None:
        root = inbox.resolve()
        for folder in (self.processed_dir, self.quarantine_dir):
            if folder.resolve().is_relative_to(root):
                raise ArchiveError(f"{folder} is inside the inbox; put it beside the inbox instead")
            folder.mkdir(parents=True, exist_ok=True)
            if os.stat(folder).st_dev != os.stat(inbox).st_dev:
                raise ArchiveError(f"{folder} is on another filesystem than the inbox; moves must be renames")

    @property
    def moves(self) -> bool:
        return self.after != "keep"

    def processed(self, path: Path, inbox: Path, sha256: str) -> Path | None:
        if not self.moves:
            return None
        target = _move(path, self.processed_dir / path.parent.relative_to(inbox), sha256)
        # the delete:N clock starts now, not at recording time (for a moved link: the link's own)
        os.utime(target, follow_symlinks=False)
        return target

    def quarantine(self, path: Path, inbox: Path, sha256: str, error: str) -> Path | None:
        if not self.moves:
            return None
        target = _move(path, self.quarantine_dir / path.parent.relative_to(inbox), sha256)
        target.with_name(target.name + ERROR_SUFFIX).write_text(error + "\n", encoding="utf-8")
        return target

    def sweep(self, moved: Iterable[tuple[str, str]], on_deleted: Callable[[str], None]) -> int:
        """Delete processed audio older than N days (only with delete:N): only the
        files in `moved` ((sha256, path) as the ledger recorded them), and only while
        the bytes there still have that SHA-256. Anything else in the folder stays."""
        days = _delete_days(self.after)
        if not days:
            return 0
        cutoff, root, removed = time.time() - days * 86400, self.processed_dir.resolve(), 0
        for sha256, moved_to in moved:
            path = Path(moved_to)
            try:
                if (path.is_symlink() or not path.resolve().is_relative_to(root)
                        or path.stat().st_mtime >= cutoff or file_sha256(path) != sha256):
                    continue
                path.unlink()
            except OSError:
                continue  # gone, unreadable or renamed: nothing of ours to delete
            on_deleted(sha256)
            removed += 1
        return removed


def _move(path: Path, folder: Path, sha256: str) -> Path:
    """Rename `path` into `folder`, only while it holds the bytes known by `sha256`.
    Raises FileNotFoundError when it is gone (another run moved it) and
    BytesChanged when other bytes have taken its name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _fit(path.name)
    known_by_path = sha256.startswith("unreadable:")  # bytes never read: nothing to verify
    if target.name != path.name or os.path.lexists(target):  # two memos both called Recording.m4a
        target = folder / _fit(path.name, sha256.rpartition(":")[2][:12])
    faults.check("move", path.name)
    if not known_by_path:
        _verify(path, sha256)
    os.replace(path, target)
    return target


def _verify(path: Path, sha256: str) -> None:
    with open(path, "rb") as f:
        before = os.fstat(f.fileno())
    if file_sha256(path) != sha256:
        raise BytesChanged(f"{path.name} changed after it was processed; left where it is")
    after = os.stat(path)
    if (after.st_ino, after.st_size, after.st_mtime_ns) != (before.st_ino, before.st_size, before.st_mtime_ns):
        raise BytesChanged(f"{path.name} changed while it was checked; left where it is")


def _fit(name: str, tag: str | None = None) -> str:
    """`name`, with `.tag` before its suffix when given, cut to fit NAME_MAX bytes
    with room left for the quarantine's `.error.txt` beside it."""
    stem, suffix = os.path.splitext(name)
    if len(os.fsencode(suffix)) > 16:
        stem, suffix = name, ""
    tail = (f".{tag}" if tag else "") + suffix
    room = NAME_MAX - len(ERROR_SUFFIX) - len(os.fsencode(tail))
    raw = os.fsencode(stem)
    return os.fsdecode(raw[:room]) + tail if len(raw) > room else stem + tail


def _delete_days(after: str) -> int | None:
    prefix, _, days = after.partition(":")
    return int(days) if prefix == "delete" and days.isdigit() and int(days) > 0 else None
