"""The bytes a memo is known by are the bytes that are decoded.

A memo's identity is the SHA-256 of its bytes, but the file in the inbox can
change after it was hashed: a sync client writes a new version under the same
name, a phone re-exports it. So once a memo is claimed, its bytes are copied,
and hashed as they are copied, into a private folder beside the database; the
worker decodes that copy, never the inbox path. A copy (not a hard link)
because a writer that rewrites the file in place changes every link to it.

Copies are named by host and process, so a run can remove the ones left by a
run of its own host that was killed (`sweep`).
"""

from __future__ import annotations

import hashlib
import os
import socket
from dataclasses import dataclass
from itertools import count
from pathlib import Path

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Snapshot:
    path: Path
    sha256: str

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


class Snapshots:
    """The private folder of copies: `.<database name>.snapshots/<host>/` beside the database."""

    def __init__(self, folder: Path):
        self.folder = folder / _safe(socket.gethostname())
        self._numbers = count()

    @classmethod
    def beside(cls, db_path: Path) -> "Snapshots":
        return cls(db_path.parent / f".{db_path.name}.snapshots")

    def take(self, path: Path) -> Snapshot:
        """Copy `path` into the folder, hashing the bytes as they are copied."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        suffix = path.suffix.lower() if len(path.suffix) <= 8 else ""
        target = self.folder / f"{os.getpid()}.{next(self._numbers)}{suffix}"
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as source, open(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600),
                                                  "wb") as copy:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    copy.write(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return Snapshot(target, digest.hexdigest())

    def sweep(self) -> int:
        """Remove copies whose process is gone (a run killed mid-memo)."""
        removed = 0
        for path in self.folder.glob("*") if self.folder.is_dir() else []:
            pid = path.name.partition(".")[0]
            if pid.isdigit() and not pid_alive(int(pid)):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def prefix_sha256(path: Path, size: int) -> str:
    """The SHA-256 of the first `size` bytes of a file."""
    digest, left = hashlib.sha256(), size
    with open(path, "rb") as f:
        while left > 0 and (chunk := f.read(min(_CHUNK, left))):
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (one we may not signal counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "host"
