"""Each memo's life as a state in SQLite, so every memo becomes exactly one debrief.

    pending → processing (leased: owner host:pid, lease_until)
            → done | no_speech                 finished
            → failed (next_attempt_at)          retried with a growing delay
            → quarantined                       final: the bytes cannot be used

Attempts count the memo's own tries: a run killed as a whole (SIGKILL, power
cut) leaves a dead lease, and taking it over does not spend an attempt.

A process claims a memo in a `BEGIN IMMEDIATE` transaction; a second process
then sees a live lease and leaves the memo alone. A lease whose owner died
(killed, crashed) is taken over at once on the same host, or when it expires
on another. Failures that the same bytes would repeat (not audio, truncated,
too long) are final at once; the others (a timeout, a crashed worker, a file
that vanished) are retried.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta, timezone

from ..records import MemoFile
from ..store import tombstones
from ..store.clock import now
from ..store.db import save_analysis, save_transcript, write_transaction
from . import faults
from .snapshot import pid_alive

FINISHED = {"done", "no_speech", "quarantined", "forgotten"}
RETRY_BASE_S = 60  # 1 min, 4 min, 16 min, ...
RETRY_FACTOR = 4


def owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def claim(db, memo: MemoFile, lease_s: float, allow_forgotten: bool = False) -> str:
    """Take the memo for this process. Returns 'claimed', or why not: 'known'
    (finished before), 'forgotten' (a tombstone refuses it), 'busy' (another live
    process has it), 'waiting' (a retry is not due yet).

    A takeover of a lease whose process died does not count as an attempt: a
    kill of the whole run is not the memo's failure (see `fail`)."""
    with write_transaction(db):
        if tombstones.is_forgotten(db, memo.sha256):
            if not allow_forgotten:
                _write(db, memo, {"status": "forgotten", **_no_lease()}, check_tombstone=False)
                return "forgotten"
            tombstones.lift(db, memo.sha256)
        row = _row(db, memo.sha256)
        outcome = _decide(row, allow_forgotten)
        if outcome != "claimed":
            return outcome
        _write(db, memo, {
            "status": "processing",
            "lease_owner": owner_id(),
            "lease_until": _later(lease_s),
        }, count_attempt=not (row and row[0] == "processing"))
    return "claimed"


def may_claim(db, sha256: str, allow_forgotten: bool = False) -> bool:
    """A quick look, without writing: would `claim` take it now? (`claim` decides again.)"""
    if tombstones.is_forgotten(db, sha256):
        return allow_forgotten
    return _decide(_row(db, sha256), allow_forgotten) == "claimed"


def _row(db, sha256: str):
    return db.execute("SELECT status, lease_owner, lease_until, next_attempt_at FROM memos WHERE file_sha256 = ?",
                      [sha256]).fetchone()


def _decide(row, allow_forgotten: bool) -> str:
    if not row:
        return "claimed"
    status, owner, lease_until, next_attempt = row
    if status == "forgotten" and allow_forgotten:
        return "claimed"
    if status in FINISHED:
        return "known"
    if status == "processing" and _lease_alive(owner, lease_until):
        return "busy"
    if status == "failed" and next_attempt and next_attempt > now():
        return "waiting"
    return "claimed"


def _lease_alive(owner: str | None, lease_until: str | None) -> bool:
    if not owner or not lease_until or lease_until <= now():
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():
        return True  # cannot see that process: trust the lease until it expires
    return pid_alive(int(pid))
    return True


def finish(db, memo: MemoFile, status: str, error: str | None = None,
           recorded_at: str | None = None) -> None:
    """Record a final outcome that is not a debrief: no_speech or quarantined."""
    with write_transaction(db):
        _write(db, memo, {"status": status, "error": error, "recorded_at": recorded_at, **_no_lease()})


def complete(db, memo: MemoFile, recorded_at: str, transcript, debrief, nlp_pipeline: str,
             supersedes: list[int] = ()) -> int:
    """Store the memo as done with its transcript, verdicts and evidence: all or nothing.
    `supersedes`: earlier memos of the same file that were prefixes of these bytes.
    Raises `tombstones.Forgotten` (writing nothing) when the memo was forgotten meanwhile."""
    with write_transaction(db):
        memo_id = _write(db, memo, {"status": "done", "error": None, "recorded_at": recorded_at,
                                    "next_attempt_at": None, **_no_lease()})
        faults.check("store", memo.file_name)
        save_transcript(db, memo_id, transcript)
        save_analysis(db, memo_id, debrief, nlp_pipeline)
        for earlier in supersedes:
            db.execute("UPDATE memos SET superseded_by = ?, updated_at = ? WHERE id = ? AND superseded_by IS NULL",
                       [memo_id, now(), earlier])
    return memo_id


def partial_versions(db, memo: MemoFile) -> list[tuple[int, str, int]]:
    """(id, sha256, size) of earlier memos under the same name and rep that are
    shorter: each may be a debrief of this file taken before it finished growing."""
    return db.execute(
        "SELECT id, file_sha256, size_bytes FROM memos WHERE file_name = ? AND rep IS ? AND file_sha256 != ? "
        "AND size_bytes < ? AND superseded_by IS NULL AND status IN ('done', 'no_speech', 'quarantined', 'failed')",
        [memo.file_name, memo.rep, memo.sha256, memo.size_bytes]).fetchall()


def fail(db, memo: MemoFile, error: str, max_attempts: int) -> tuple[str, str]:
    """A failure of this memo's own (its decode, its analysis, its store): retry
    later, or quarantine after `max_attempts`."""
    with write_transaction(db):
        row = db.execute("SELECT attempts FROM memos WHERE file_sha256 = ?", [memo.sha256]).fetchone()
        attempts = (row[0] if row else 0) or 0
        if attempts >= max_attempts:
            status, retry_at = "quarantined", None
            error = f"{error} (gave up after {attempts} attempts)"
        else:
            status, retry_at = "failed", _later(RETRY_BASE_S * RETRY_FACTOR ** max(attempts - 1, 0))
        _write(db, memo, {"status": status, "error": error, "next_attempt_at": retry_at, **_no_lease()})
    return status, error


def note_moved(db, sha256: str, moved_to: str) -> None:
    """Where the audio went; a later copy of the same bytes does not overwrite it."""
    with write_transaction(db):
        db.execute("UPDATE memos SET moved_to = COALESCE(moved_to, ?), updated_at = ? WHERE file_sha256 = ?",
                   [moved_to, now(), sha256])


def note_move_failed(db, sha256: str, error: str) -> None:
    """The debrief is committed but its audio could not be moved: say why (the next run retries)."""
    with write_transaction(db):
        db.execute("UPDATE memos SET error = ?, updated_at = ? WHERE file_sha256 = ?", [error, now(), sha256])


def moved_files(db) -> list[tuple[str, str]]:
    """(sha256, moved_to) of processed audio this ledger moved and has not deleted."""
    return db.execute("SELECT file_sha256, moved_to FROM memos WHERE moved_to IS NOT NULL AND deleted_at IS NULL "
                      "AND status IN ('done', 'no_speech')").fetchall()


def note_deleted(db, sha256: str) -> None:
    with write_transaction(db):
        db.execute("UPDATE memos SET deleted_at = ?, updated_at = ? WHERE file_sha256 = ?", [now(), now(), sha256])


def status_of(db, sha256: str) -> tuple[str | None, str | None]:
    """(status, error) of a memo, or (None, None) when never seen."""
    row = db.execute("SELECT status, error FROM memos WHERE file_sha256 = ?", [sha256]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _memo_row(memo: MemoFile, fields: dict) -> dict:
    """The memos row for this file, with `fields` on top."""
    return {
        "file_sha256": memo.sha256,
        "file_name": memo.file_name,
        "path": memo.path and _safe_path(memo.path),
        "rep": memo.rep,
        "size_bytes": memo.size_bytes,
        "recorded_at": memo.modified_at,
        **{k: v for k, v in fields.items() if v is not None or k in _CLEARABLE},
        "updated_at": now(),
    }


_CLEARABLE = {"error", "lease_owner", "lease_until", "next_attempt_at"}


def _no_lease() -> dict:
    return {"lease_owner": None, "lease_until": None}


def _write(db, memo: MemoFile, fields: dict, count_attempt: bool = False, check_tombstone: bool = True) -> int:
    if check_tombstone:
        tombstones.refuse_if_forgotten(db, memo.sha256)
    row = _memo_row(memo, fields)
    existing = db.execute("SELECT id, attempts FROM memos WHERE file_sha256 = ?", [memo.sha256]).fetchone()
    if existing:
        if count_attempt:
            row["attempts"] = (existing[1] or 0) + 1
        db["memos"].update(existing[0], row)
        return existing[0]
    return db["memos"].insert({**row, "attempts": 1 if count_attempt else 0, "first_seen_at": now()}).last_pk


def _later(seconds: float) -> str:
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat(timespec="seconds")


def _safe_path(path) -> str:
    from .inbox import display_name

    return display_name(path)
