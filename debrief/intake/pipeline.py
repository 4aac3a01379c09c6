"""One pass over the inbox: settled files → claim → decode + transcribe → analyze → commit → move.

The order is the guarantee. A memo is claimed in the database before any
work, its results are committed in one transaction, and only then is its
audio moved or deleted; a crash at any point leaves a state the next run
picks up (an expired lease, or a committed memo whose file still needs
moving), so no memo is lost and none is stored twice.

The bytes hashed are the bytes decoded: a claimed memo is copied into a
private snapshot while it is hashed again, and the worker reads the copy
(`snapshot.py`). And one file never stops the inbox: whatever goes wrong
with one file, in any stage, is recorded against that file and the pass goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..records import MemoFile, MemoResult, RunSummary
from ..speech.audio import AudioError, has_words, recorded_at
from ..store.tombstones import Forgotten
from . import faults, ledger
from .archive import BytesChanged, Disposal
from .inbox import NotARegularFile, Settling, describe_memo, display_name, find_memo_paths, rep_for, unreadable_key
from .snapshot import Snapshots, prefix_sha256
from .worker import WorkerFailure, WorkerPool

ProgressCallback = Callable[[str, int, int, Path], None]  # (stage, index, total, path)
LEASE_MARGIN_S = 120


@dataclass
class RunOptions:
    rep: str | None = None
    settle_s: float = 5.0
    timeout_s: float = 600.0
    max_duration_s: float = 7200.0
    max_attempts: int = 4
    jobs: int = 1
    incomplete_wait_s: float = 600.0
    allow_forgotten: bool = False


class Runner:
    """Holds what lives for a whole run: the database, the workers, where files go."""

    def __init__(self, inbox: Path, database, pool: WorkerPool, analyzer: Callable, disposal: Disposal,
                 options: RunOptions, snapshots: Snapshots | None = None):
        """`analyzer` builds the Analyzer on first use: a pass over known memos loads no model.
        `snapshots` defaults to a private folder beside the database."""
        self.inbox, self.db, self.pool, self._make_analyzer = inbox, database, pool, analyzer
        self.disposal, self.options, self._snapshots = disposal, options, snapshots
        self.settling = Settling(options.settle_s, options.incomplete_wait_s)
        self._in_hand: set[str] = set()  # SHA-256s being worked on right now
        self._started = False

    @property
    def snapshots(self) -> Snapshots:
        if self._snapshots is None:
            db_file = self.db.execute("PRAGMA database_list").fetchone()[2]
            self._snapshots = Snapshots.beside(Path(db_file))
            self._snapshots.sweep()  # copies left by a killed run of this host
        return self._snapshots

    def run_pass(self, on_progress: ProgressCallback | None = None,
                 should_stop: Callable[[], bool] = lambda: False) -> RunSummary:
        """Process every settled memo once, `jobs` at a time; unsettled ones are
        reported, for a later pass. Results are committed by this process only."""
        paths = find_memo_paths(self.inbox)
        queue, summary, in_hand = iter(paths), RunSummary(), {}
        while True:
            for worker in self.pool.idle():
                memo = self._next_claimed(queue, summary, should_stop)
                if memo is None:
                    break
                if not self._started:  # only now: a pass over known memos loads no model
                    self.pool.start()
                    self._started = True
                self._hand_over(worker, memo, in_hand, summary)
            if not in_hand:
                break
            for worker in self.pool.finished():
                summary.results.append(self._finish(in_hand.pop(worker), worker))
                if on_progress:
                    on_progress("done", len(summary.results), len(paths), summary.results[-1].memo.path)
        self.disposal.sweep(ledger.moved_files(self.db), lambda sha: ledger.note_deleted(self.db, sha))
        return summary

    def _next_claimed(self, queue, summary: RunSummary, should_stop) -> MemoFile | None:
        """The next memo this process has claimed; other files' outcomes go in the summary."""
        for path in queue:
            if should_stop():
                return None
            try:
                prepared = self.prepare(path)
            except Exception as error:  # a poison file: recorded against it, the pass goes on
                prepared = self._poisoned(self._path_memo(path), "claim", error)
            if isinstance(prepared, MemoFile):
                return prepared
            if prepared is not None:
                summary.results.append(prepared)
        return None

    def prepare(self, path: Path) -> MemoFile | MemoResult | None:
        """A settled, hashed memo claimed by this process, with its snapshot; or why
        not (a result); or None when the file is gone."""
        try:
            state = self.settling.state(path)
            if state != "settled":
                return MemoResult(_unhashed(path, self.options.rep), state)
            memo = describe_memo(path, self.inbox, self.options.rep)
        except FileNotFoundError:
            return None  # gone since the scan: renamed or taken by another run
        except NotARegularFile:
            return MemoResult(_unhashed(path, self.options.rep), "skipped", "not a regular file")
        except OSError as error:
            return self._unreadable(path, error)
        self.settling.forget(path)
        if memo.sha256 in self._in_hand:  # the same bytes under a second name, this pass
            return MemoResult(memo, "known")
        try:
            faults.check("claim", memo.file_name)
            outcome, memo = self._claim(memo)
        except Exception as error:
            return self._poisoned(memo, "claim", error)
        if outcome == "known":
            self._tidy_known(memo)
        return memo if outcome == "claimed" else MemoResult(memo, outcome)

    def _claim(self, memo: MemoFile) -> tuple[str, MemoFile]:
        """Claim with a snapshot: the copy's hash must match the one just taken,
        or the file is still changing and waits for a later pass."""
        lease_s, allow = self.options.timeout_s + LEASE_MARGIN_S, self.options.allow_forgotten
        if not ledger.may_claim(self.db, memo.sha256, allow):  # known, busy...: no copy needed
            return ledger.claim(self.db, memo, lease_s, allow), memo
        try:
            snapshot = self.snapshots.take(memo.path)
        except FileNotFoundError:
            return "unsettled", memo
        if snapshot.sha256 != memo.sha256:
            snapshot.discard()
            return "unsettled", memo
        outcome = ledger.claim(self.db, memo, lease_s, allow)
        if outcome != "claimed":
            snapshot.discard()
            return outcome, memo
        return outcome, replace(memo, snapshot=snapshot.path)

    def _hand_over(self, worker, memo: MemoFile, in_hand: dict, summary: RunSummary) -> None:
        try:
            worker.submit(memo.snapshot or memo.path, memo.file_name)
            in_hand[worker] = memo
            self._in_hand.add(memo.sha256)
        except WorkerFailure as error:  # the worker could not even start
            try:
                summary.results.append(self._failed(memo, str(error)))
            except Forgotten:
                summary.results.append(MemoResult(memo, "forgotten", str(error)))
            _discard(memo)

    def _finish(self, memo: MemoFile, worker) -> MemoResult:
        self._in_hand.discard(memo.sha256)
        try:
            return self._store(memo, worker)
        except Forgotten:
            return MemoResult(memo, "forgotten", "forgotten while it was processed; nothing stored")
        except Exception as error:  # analysis or store failed for this memo: recorded, the pass goes on
            return self._poisoned(memo, "analysis or store", error)
        finally:
            _discard(memo)

    def _store(self, memo: MemoFile, worker) -> MemoResult:
        try:
            work = worker.result()
        except AudioError as error:
            return self._quarantine(memo, str(error))
        except WorkerFailure as error:
            return self._failed(memo, str(error))
        when, timings = recorded_at(work.info, memo.modified_at), dict(work.timings)
        if not has_words(work.transcript.text):  # silence, noise, or only punctuation
            ledger.finish(self.db, memo, "no_speech", "no speech detected", when)
            result = MemoResult(memo, "no_speech", "no speech detected")
        else:
            analyzer, started = self._make_analyzer(), time.perf_counter()
            faults.check("analyze", memo.file_name)
            debrief = analyzer.analyze(work.transcript, when)
            stored = time.perf_counter()
            memo_id = ledger.complete(self.db, memo, when, work.transcript, debrief, analyzer.pipeline_name,
                                      self._partials_of(memo))
            timings.update(analyze=stored - started, store=time.perf_counter() - stored)
            result = MemoResult(memo, "done", memo_id=memo_id, debrief=debrief)
        result.timings = {**timings, "audio": work.transcript.duration_s}
        self._move_processed(memo)
        return result

    def _partials_of(self, memo: MemoFile) -> list[int]:
        """Earlier debriefs of this same file (same name, same rep) taken while it was
        still growing: their bytes are a prefix of these. They are superseded."""
        source = memo.snapshot or memo.path
        return [memo_id for memo_id, sha, size in ledger.partial_versions(self.db, memo)
                if size and prefix_sha256(source, size) == sha]

    def _failed(self, memo: MemoFile, error: str) -> MemoResult:
        status, error = ledger.fail(self.db, memo, error, self.options.max_attempts)
        if status == "quarantined":
            self._move_quarantined(memo, error)
        return MemoResult(memo, status, error)

    def _poisoned(self, memo: MemoFile, stage: str, error: Exception) -> MemoResult:
        """Any unexpected exception tied to one file. Only the exception's type (and an
        OS error's reason) is recorded: a message could hold transcript words."""
        reason = f"{stage} failed ({type(error).__name__}" + (
            f": {error.strerror})" if isinstance(error, OSError) and error.strerror else ")")
        try:
            return self._failed(memo, reason)
        except Forgotten:
            return MemoResult(memo, "forgotten", reason)
        except Exception:  # the database itself failed too: report it, the next run retries
            return MemoResult(memo, "failed", reason)

    def _quarantine(self, memo: MemoFile, error: str) -> MemoResult:
        ledger.finish(self.db, memo, "quarantined", error)
        self._move_quarantined(memo, error)
        return MemoResult(memo, "quarantined", error)

    def _unreadable(self, path: Path, error: OSError) -> MemoResult:
        return self._quarantine(self._path_memo(path), f"cannot read file ({error.strerror or error})")

    def _path_memo(self, path: Path) -> MemoFile:
        """A file known only by its path (its bytes could not be read)."""
        return _unhashed(path, self.options.rep or rep_for(path, self.inbox), key=unreadable_key(path))

    def _tidy_known(self, memo: MemoFile) -> None:
        """A known memo still in the inbox: committed before a crash could move it,
        or a second copy of the same bytes. Finish the move now."""
        if not self.disposal.moves:
            return
        status, error = ledger.status_of(self.db, memo.sha256)
        if status in ("done", "no_speech"):
            self._move_processed(memo)
        elif status == "quarantined":
            self._move_quarantined(memo, error or "could not be used")

    def _move_processed(self, memo: MemoFile) -> None:
        """Move after commit. A file gone (another run moved it) or replaced by other
        bytes stays as it is; any other failure is noted, and the next run retries."""
        try:
            target = self.disposal.processed(memo.path, self.inbox, memo.sha256)
        except (FileNotFoundError, BytesChanged):
            return
        except Exception as error:
            ledger.note_move_failed(self.db, memo.sha256, f"not moved ({type(error).__name__}: "
                                                          f"{getattr(error, 'strerror', None) or error})")
            return
        if target:
            ledger.note_moved(self.db, memo.sha256, display_name(target))

    def _move_quarantined(self, memo: MemoFile, error: str) -> None:
        try:
            target = self.disposal.quarantine(memo.path, self.inbox, memo.sha256, error)
        except Exception:
            return  # could not move it (gone, changed, no permission): the record says why it failed
        if target:
            ledger.note_moved(self.db, memo.sha256, display_name(target))


def _unhashed(path: Path, rep: str | None, key: str = "") -> MemoFile:
    return MemoFile(path, display_name(path.name), key, 0, rep, "")


def _discard(memo: MemoFile) -> None:
    if memo.snapshot:
        memo.snapshot.unlink(missing_ok=True)
