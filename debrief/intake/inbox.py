"""Which files in an inbox are memos, whether they are done being written, and who they are.

Memos arrive through Dropbox, OneDrive, iCloud, Syncthing, SMB shares or a
USB cable, so the inbox holds more than finished memos: half-written files,
sync tools' temporary names and folders, placeholders. Those are ignored by
name; a real memo is taken only once its size and modification time have
stopped changing for a settle time.

A memo's identity is the SHA-256 of its bytes, not its name: phones reuse
names like `Recording.m4a`, and sync tools copy one file under two names.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import stat
import time
from datetime import datetime, timezone
from pathlib import Path

from ..config import AUDIO_EXTENSIONS
from ..records import MemoFile
from .container import is_complete

_CHUNK = 1 << 20
IGNORED_NAMES = (
    "*.part", "*.partial", "*.crdownload", "*.tmp", ".syncthing.*.tmp", "~syncthing~*",
    "*.icloud", "~$*", "._*", ".DS_Store", "Thumbs.db", ".*",
)
IGNORED_FOLDERS = {".stfolder", ".stversions", "@eaDir", ".dropbox.cache", ".Trash", "#recycle"}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def display_name(path: Path | str) -> str:
    """A name safe to store and print, even when the bytes are not UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_memo_name(name: str) -> bool:
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_NAMES):
        return False
    return os.path.splitext(name)[1].lower() in AUDIO_EXTENSIONS


def find_memo_paths(inbox: Path) -> list[Path]:
    """Every candidate memo under `inbox`, in a stable order. Sync folders, hidden
    folders and links that lead outside the inbox are not followed."""
    root = inbox.resolve()
    found = []
    for folder, subfolders, files in os.walk(inbox, followlinks=False):
        subfolders[:] = sorted(d for d in subfolders if d not in IGNORED_FOLDERS and not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if is_memo_name(display_name(name)) and _inside(path, root):
                found.append(path)
    return found


def _inside(path: Path, root: Path) -> bool:
    """False for a symlink that points outside the inbox (or nowhere). A link
    loop (`x.wav -> x.wav`) is let through, to be recorded as unreadable."""
    if not path.is_symlink():
        return True
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return True
    except OSError as error:
        return error.errno == errno.ELOOP


class Settling:
    """Remembers what each file looked like, to tell a finished file from one still arriving.

    A file is `settled` when it is a regular file whose size and modification
    time have not changed for `settle_s` (watched that long, or its mtime is
    already that old) and whose container says it is complete. A file seen
    growing in this process must stay quiet longer (`growing_s`), since a sync
    client that pauses mid-file looks the same as a finished one; MP3 has no
    end marker, so that longer wait is all that protects it. A quiet file whose
    container is cut short is `incomplete`: it is waited for up to
    `incomplete_wait_s`, then handed to the audio gate, which sets it aside as
    truncated, so nothing waits forever unrecorded.
    """

    def __init__(self, settle_s: float, incomplete_wait_s: float = 600.0, growing_s: float | None = None):
        self.settle_s, self.incomplete_wait_s = settle_s, incomplete_wait_s
        self.growing_s = max(settle_s, 20.0) if growing_s is None else growing_s
        self._seen: dict[Path, tuple[int, int, float]] = {}
        self._grew: set[Path] = set()

    def state(self, path: Path) -> str:
        """`settled`, `unsettled` (still changing) or `incomplete` (quiet, container cut short)."""
        info = os.stat(path)  # follows a link inside the inbox to its file
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path)
        quiet_for = self._quiet_for(path, info)
        if quiet_for < (self.growing_s if path in self._grew else self.settle_s):
            return "unsettled"
        if is_complete(path) is False and quiet_for < self.incomplete_wait_s:
            return "incomplete"
        return "settled"

    def is_settled(self, path: Path) -> bool:
        return self.state(path) == "settled"

    def _quiet_for(self, path: Path, info: os.stat_result) -> float:
        now, key = time.time(), (info.st_size, info.st_mtime_ns)
        first_seen = self._seen.get(path)
        if first_seen is None or first_seen[:2] != key:
            if first_seen is not None:
                self._grew.add(path)
            first_seen = self._seen[path] = (*key, now)
        return max(now - max(info.st_mtime, 0.0), now - first_seen[2])

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)
        self._grew.discard(path)


class NotARegularFile(OSError):
    """A FIFO, socket or device under a memo's name: never opened, recorded as skipped."""


def rep_for(path: Path, inbox: Path) -> str | None:
    """The rep is the first folder level under the inbox: INBOX/<rep>/memo.m4a."""
    parts = path.relative_to(inbox).parts
    return display_name(parts[0]) if len(parts) > 1 else None


def describe_memo(path: Path, inbox: Path, rep: str | None = None) -> MemoFile:
    info = path.stat()
    modified = datetime.fromtimestamp(info.st_mtime, tz=timezone.utc)
    return MemoFile(
        path=path,
        file_name=display_name(path.name),
        sha256=file_sha256(path),
        size_bytes=info.st_size,
        rep=rep or rep_for(path, inbox),
        modified_at=modified.isoformat(timespec="seconds"),
    )


def unreadable_key(path: Path) -> str:
    """A stand-in identity for a file whose bytes cannot be read: its path."""
    return "unreadable:" + hashlib.sha256(os.fsencode(path)).hexdigest()
