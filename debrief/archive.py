"""Where a memo's audio goes once its outcome is committed: never before.

`keep` leaves it in the inbox (re-runs skip it by its SHA-256). `move` takes
it out: a processed memo to processed/<rep>/, a memo that cannot be used to
quarantine/<rep>/ with a `.error.txt` beside it saying why. `delete:N` moves
processed memos like `move`, then deletes them N days later. Both folders
live outside the inbox (or a watcher would see them again) and on the same
filesystem (so a move is an atomic rename, never a half-copied file).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path


class ArchiveError(ValueError):
    pass


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
        os.utime(target)  # the delete:N clock starts now, not at recording time
        return target

    def quarantine(self, path: Path, inbox: Path, sha256: str, error: str) -> Path | None:
        if not self.moves:
            return None
        target = _move(path, self.quarantine_dir / path.parent.relative_to(inbox), sha256)
        target.with_name(target.name + ".error.txt").write_text(error + "\n", encoding="utf-8")
        return target

    def sweep(self) -> int:
        """Delete processed audio older than N days (only with delete:N)."""
        days = _delete_days(self.after)
        if not days or not self.processed_dir.exists():
            return 0
        cutoff, removed = time.time() - days * 86400, 0
        for path in self.processed_dir.rglob("*"):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        return removed


def _move(path: Path, folder: Path, sha256: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    if target.exists():  # two memos both called Recording.m4a
        target = folder / f"{path.stem}.{sha256[:12]}{path.suffix}"
    os.replace(path, target)
    return target


def _delete_days(after: str) -> int | None:
    prefix, _, days = after.partition(":")
    return int(days) if prefix == "delete" and days.isdigit() and int(days) > 0 else None
