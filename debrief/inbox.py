"""Which files in an inbox are memos, who recorded them, and their identity.

A memo's identity is the SHA-256 of its bytes, not its name: phones reuse
names like `Recording.m4a`, and sync tools copy the same file under two names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from .config import AUDIO_EXTENSIONS
from .records import MemoFile

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_memo_path(path: Path) -> bool:
    """An audio extension we take, and not a hidden file (sync tools' leftovers)."""
    return path.suffix.lower() in AUDIO_EXTENSIONS and not path.name.startswith(".")


def find_memo_paths(inbox: Path) -> list[Path]:
    """Every memo under `inbox`, recursively, skipping hidden folders, in a stable order."""
    found = []
    for path in sorted(inbox.rglob("*")):
        relative = path.relative_to(inbox)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.is_file() and is_memo_path(path):
            found.append(path)
    return found


def rep_for(path: Path, inbox: Path) -> str | None:
    """The rep is the first folder level under the inbox: INBOX/<rep>/memo.m4a."""
    parts = path.relative_to(inbox).parts
    return parts[0] if len(parts) > 1 else None


def describe_memo(path: Path, inbox: Path, rep: str | None = None) -> MemoFile:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
    return MemoFile(
        path=path,
        file_name=path.name,
        sha256=file_sha256(path),
        size_bytes=stat.st_size,
        rep=rep or rep_for(path, inbox),
        modified_at=modified.isoformat(timespec="seconds"),
    )


def iter_memos(inbox: Path, rep: str | None = None) -> Iterator[MemoFile]:
    for path in find_memo_paths(inbox):
        yield describe_memo(path, inbox, rep)
