"""One pass over the inbox: settled files → claim → decode + transcribe → analyze → commit → move.

The order is the guarantee. A memo is claimed in the database before any
work, its results are committed in one transaction, and only then is its
audio moved or deleted; a crash at any point leaves a state the next run
picks up (an expired lease, or a committed memo whose file still needs
moving), so no memo is lost and none is stored twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import ledger
from .archive import Disposal
from .audio import AudioError, recorded_at
from .inbox import Settling, describe_memo, display_name, find_memo_paths, rep_for, unreadable_key
from .records import MemoFile, MemoResult, RunSummary
from .worker import TranscriptionWorker, WorkerFailure

ProgressCallback = Callable[[str, int, int, Path], None]  # (stage, index, total, path)
LEASE_MARGIN_S = 120


@dataclass
class RunOptions:
    rep: str | None = None
    settle_s: float = 5.0
    timeout_s: float = 600.0
    max_duration_s: float = 7200.0
    max_attempts: int = 4


class Runner:
    """Holds what lives for a whole run: the database, the worker, the analyzer."""

    def __init__(self, inbox: Path, database, worker: TranscriptionWorker, analyzer,
                 disposal: Disposal, options: RunOptions):
        self.inbox, self.db, self.worker, self.analyzer = inbox, database, worker, analyzer
        self.disposal, self.options = disposal, options
        self.settling = Settling(options.settle_s)

    def run_pass(self, on_progress: ProgressCallback | None = None,
                 should_stop: Callable[[], bool] = lambda: False) -> RunSummary:
        """Process every settled memo once; unsettled ones are reported, for a later pass."""
        paths = find_memo_paths(self.inbox)
        summary = RunSummary()
        for index, path in enumerate(paths):
            if should_stop():
                break
            if on_progress:
                on_progress("start", index, len(paths), path)
            result = self.process_path(path)
            if result:
                summary.results.append(result)
            if on_progress:
                on_progress("done", index + 1, len(paths), path)
        self.disposal.sweep()
        return summary

    def process_path(self, path: Path) -> MemoResult | None:
        try:
            if not self.settling.is_settled(path):
                return MemoResult(_unhashed(path, self.options.rep), "unsettled")
            memo = describe_memo(path, self.inbox, self.options.rep)
        except FileNotFoundError:
            return None  # gone since the scan: renamed or taken by another run
        except OSError as error:
            return self._unreadable(path, error)
        self.settling.forget(path)
        return self.process_memo(memo)

    def process_memo(self, memo: MemoFile) -> MemoResult:
        lease = self.options.timeout_s + LEASE_MARGIN_S
        outcome = ledger.claim(self.db, memo, lease)
        if outcome == "known":
            self._tidy_known(memo)
            return MemoResult(memo, "known")
        if outcome != "claimed":
            return MemoResult(memo, outcome)
        try:
            info, transcript = self.worker.transcribe_file(memo.path)
        except AudioError as error:
            return self._quarantine(memo, str(error))
        except WorkerFailure as error:
            return self._failed(memo, str(error))
        when = recorded_at(info, memo.modified_at)
        if not transcript.text:
            ledger.finish(self.db, memo, "no_speech", "no speech detected", when)
            self._move_processed(memo)
            return MemoResult(memo, "no_speech", "no speech detected")
        debrief = self.analyzer.analyze(transcript)
        memo_id = ledger.complete(self.db, memo, when, transcript, debrief, self.analyzer.pipeline_name)
        self._move_processed(memo)
        return MemoResult(memo, "done", memo_id=memo_id, debrief=debrief)

    def _failed(self, memo: MemoFile, error: str) -> MemoResult:
        status, error = ledger.fail(self.db, memo, error, self.options.max_attempts)
        if status == "quarantined":
            self._move_quarantined(memo, error)
        return MemoResult(memo, status, error)

    def _quarantine(self, memo: MemoFile, error: str) -> MemoResult:
        ledger.finish(self.db, memo, "quarantined", error)
        self._move_quarantined(memo, error)
        return MemoResult(memo, "quarantined", error)

    def _unreadable(self, path: Path, error: OSError) -> MemoResult:
        memo = _unhashed(path, self.options.rep or rep_for(path, self.inbox), key=unreadable_key(path))
        return self._quarantine(memo, f"cannot read file ({error.strerror or error})")

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
        target = self.disposal.processed(memo.path, self.inbox, memo.sha256)
        if target:
            ledger.note_moved(self.db, memo.sha256, display_name(target))

    def _move_quarantined(self, memo: MemoFile, error: str) -> None:
        try:
            target = self.disposal.quarantine(memo.path, self.inbox, memo.sha256, error)
        except OSError:
            return  # could not move it (gone, or no permission): the record says why it failed
        if target:
            ledger.note_moved(self.db, memo.sha256, display_name(target))


def _unhashed(path: Path, rep: str | None, key: str = "") -> MemoFile:
    return MemoFile(path, display_name(path.name), key, 0, rep, "")
