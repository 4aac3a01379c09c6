"""Plain dataclasses passed between the stages: inbox → audio → transcribe → analyze → store.

Nothing here imports Whisper or spaCy, so every stage (and the CLI) can use
these types without paying for the heavy libraries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class MemoFile:
    """An audio file found in the inbox, before anything is decoded."""

    path: Path
    file_name: str
    sha256: str
    size_bytes: int
    rep: str | None
    modified_at: str  # ISO 8601, the file's modification time
    snapshot: Path | None = None  # the private copy decoded once the memo is claimed


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float = 1.0  # Whisper's confidence in the word: low ones make evidence unsure


@dataclass(frozen=True)
class Transcript:
    """What Whisper heard. `words` carry the times evidence is located by."""

    text: str
    words: list[Word]
    duration_s: float
    language: str = "en"
    model: str | None = None
    decoding: str = ""  # how it was decoded: "greedy", "beam 5", "greedy → beam 5 (why)"
    warning: str | None = None  # speech heard but too few words came out: a manager should listen

    @classmethod
    def from_text(cls, text: str) -> "Transcript":
        """A transcript with no audio behind it (`debrief analyze`): no times."""
        return cls(text=text.strip(), words=[], duration_s=0.0, model=None)

    def words_between(self, start_char: int, end_char: int) -> list[Word]:
        """The words whose characters overlap text[start_char:end_char]."""
        found, offset = [], 0
        for word in self.words:
            word_start = self.text.find(word.text.strip(), offset)
            if word_start < 0:
                continue
            word_end = word_start + len(word.text.strip())
            offset = word_end
            if word_end > start_char and word_start < end_char:
                found.append(word)
            elif word_start >= end_char:
                break
        return found


@dataclass
class Evidence:
    """One sentence that decided (part of) a verdict, and where it is in the audio."""

    field: str  # the debriefs column it supports, e.g. "followup"
    rule_id: str  # the pattern id that fired, e.g. "agreed-booked"
    sentence: str
    start_s: float | None = None
    end_s: float | None = None
    score: float | None = None  # a weighed verdict's probability; None for a rule's hit


@dataclass
class Excuse:
    """A stall the prospect raised and how the rep handled it."""

    kind: str  # think_it_over, send_info, no_budget, ...
    words: str  # the stall as said
    handled: str  # accepted | probed | converted


@dataclass
class Debrief:
    """The structured debrief of one memo: the verdicts and their evidence."""

    followup: str = "none"  # firm_in_person | firm_remote | tentative | none
    followup_when: str | None = None
    followup_at: str | None = None  # ISO 8601, resolved against the recording time
    followup_missing: list[str] = field(default_factory=list)
    followup_unsure: str | None = None  # why the follow-up verdict may be wrong; None when confident
    decision_maker_met: str = "unclear"  # yes | no | unclear
    decision_maker: str | None = None
    decision_maker_missing: str | None = None  # the near miss when not met
    decision_maker_unsure: str | None = None  # why the decision-maker verdict is unsure; None when confident
    excuses: list[Excuse] = field(default_factory=list)
    excuses_unsure: str | None = None  # why the excuses verdict may be wrong; None when confident
    proposal_without_meeting: str = "no"  # yes | no
    chasing: str = "no"  # yes | no
    pressure: str = "no"  # yes | no
    prospect_pursued: str = "no"  # yes | no
    coaching: dict[str, str] = field(default_factory=dict)  # verdict → one-line note
    unsure: dict[str, str] = field(default_factory=dict)  # verdict → why the machine is not confident
    account: str | None = None  # the prospect's company, as the memo names it
    evidence: list[Evidence] = field(default_factory=list)
    transcript: str = ""
    patterns_version: str = ""
    # What the weighing read (feature → sentences), kept to train and measure it; not stored.
    features: dict[str, set[int]] | None = field(default=None, repr=False, compare=False)

    @property
    def firm_followup(self) -> str:
        return "yes" if self.followup == "firm_in_person" else "no"

    @property
    def excuses_accepted(self) -> str:
        if not self.excuses:
            return "none"
        return "yes" if any(e.handled == "accepted" for e in self.excuses) else "no"

    def verdicts(self) -> dict:
        """The verdict columns, named as in the `debriefs` view."""
        return {
            "followup": self.followup,
            "firm_followup": self.firm_followup,
            "followup_when": self.followup_when,
            "followup_at": self.followup_at,
            "followup_missing": list(self.followup_missing),
            "decision_maker_met": self.decision_maker_met,
            "decision_maker": self.decision_maker,
            "decision_maker_missing": self.decision_maker_missing,
            "excuses_accepted": self.excuses_accepted,
            "excuses": [asdict(e) for e in self.excuses],
            "proposal_without_meeting": self.proposal_without_meeting,
            "chasing": self.chasing,
            "pressure": self.pressure,
            "prospect_pursued": self.prospect_pursued,
            "coaching_note": self.coaching_note,
            "coaching": dict(self.coaching),
            "unsure": dict(self.unsure),
            "needs_review_reason": self.needs_review_reason,
            "account": self.account,
        }

    @property
    def needs_review_reason(self) -> str | None:
        """Why a manager should look at this debrief: every unsure verdict, in plain words."""
        return "; ".join(f"{verdict}: {why}" for verdict, why in self.unsure.items()) or None

    @property
    def coaching_note(self) -> str | None:
        """The one habit to work on first, in plain words (the notes are kept in priority order)."""
        return next(iter(self.coaching.values()), None)

    def to_dict(self) -> dict:
        return {
            "transcript": self.transcript,
            **self.verdicts(),
            "patterns_version": self.patterns_version,
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass
class MemoResult:
    """The outcome of processing one file, reported to the caller of `run`."""

    memo: MemoFile
    status: str  # done | no_speech | known | forgotten | failed | quarantined | busy | waiting | unsettled
    #              | incomplete | skipped
    error: str | None = None
    memo_id: int | None = None
    debrief: Debrief | None = None
    timings: dict = field(default_factory=dict)  # seconds: decode, transcribe, analyze, store; audio


FINISHED = ("done", "no_speech", "failed", "quarantined")  # outcomes a pass reached for a memo


@dataclass
class RunSummary:
    results: list[MemoResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[MemoResult]:
        return [r for r in self.results if r.status in ("failed", "quarantined")]

    def to_dict(self) -> dict:
        return {
            "processed": self.count("done"),
            "no_speech": self.count("no_speech"),
            "skipped_known": self.count("known"),
            "refused_forgotten": self.count("forgotten"),
            "failed": self.count("failed"),
            "quarantined": self.count("quarantined"),
            "busy_elsewhere": self.count("busy"),
            "waiting_to_retry": self.count("waiting"),
            "still_being_written": self.count("unsettled"),
            "incomplete": self.count("incomplete"),
            "skipped": [{"file": r.memo.file_name, "path": str(r.memo.path), "reason": r.error}
                        for r in self.results if r.status == "skipped"],
            "seconds": self.stage_seconds(),
            "failures": [
                {"file": r.memo.file_name, "path": str(r.memo.path), "status": r.status, "error": r.error}
                for r in self.results if r.status in ("failed", "quarantined")
            ],
        }

    def stage_seconds(self) -> dict:
        """Total seconds spent per stage over the memos processed (and seconds of audio)."""
        totals: dict[str, float] = {}
        for result in self.results:
            for stage, seconds in result.timings.items():
                totals[stage] = round(totals.get(stage, 0.0) + seconds, 3)
        return totals

    def merge(self, later: "RunSummary") -> "RunSummary":
        """This pass's results, replaced path by path by a later pass's; except that a memo
        this run already finished (done, no speech, failed, quarantined), which the later
        pass then finds "known", keeps its outcome: it was processed, not skipped."""
        by_path = {r.memo.path: r for r in self.results}
        for result in later.results:
            earlier = by_path.get(result.memo.path)
            if result.status == "known" and earlier and earlier.status in FINISHED:
                continue
            by_path[result.memo.path] = result
        return RunSummary(list(by_path.values()))
