"""How far the verdicts can be trusted: score them against a labeled set of memos.

A labeled memo is a JSON file with the memo's `script` (what the rep said)
and the `expected` verdicts, as in `samples/`. Where an audio file of the same
name sits beside it, the memo can also be scored *through audio*: decoded,
transcribed with the Whisper model, then analyzed — what a manager actually
gets. Each verdict is scored only on the memos that label it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import macro_f1, per_value_scores

# The three verdicts of PRINCIPLES.md come first: they carry the targets.
HEADLINE = ("firm_followup", "decision_maker_met", "excuses_accepted")
VERDICTS = HEADLINE + ("followup", "proposal_without_meeting", "chasing", "pressure", "prospect_pursued")
AUDIO_SUFFIXES = (".ogg", ".opus", ".m4a", ".mp3", ".wav", ".flac")


class EvalError(ValueError):
    """The labeled set is missing or malformed; the message names the file."""


@dataclass
class LabeledMemo:
    id: str  # its path under the set's folder, without extension
    script: str
    expected: dict
    audio: Path | None = None
    writer: str = ""  # who wrote it: the JSON's `writer`, else its first folder under the set


@dataclass
class Miss:
    memo: str
    verdict: str
    expected: str
    got: str
    why: str  # the near miss or evidence behind what the machine said


@dataclass
class VerdictScore:
    verdict: str
    memos: int
    accuracy: float
    macro_f1: float
    per_value: dict[str, dict]


@dataclass
class EvalReport:
    source: str  # "text" or "audio (<model>)"
    memos: int
    scores: list[VerdictScore] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    by_writer: dict[str, dict] = field(default_factory=dict)  # writer → {memos, headline verdict → macro-F1}
    confidence: dict[str, dict] = field(default_factory=dict)  # verdict → {flagged share, confident accuracy}

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "memos": self.memos,
            "scores": [vars(s) for s in self.scores],
            "by_writer": self.by_writer,
            "confidence": self.confidence,
            "misses": [vars(m) for m in self.misses],
        }


def load_labeled(folder: Path, audio_only: bool = False) -> list[LabeledMemo]:
    """Every `*.json` under `folder` that has a script and expected verdicts."""
    if not folder.is_dir():
        raise EvalError(f"{folder}: no such folder (give the folder that holds the labeled memos)")
    memos = []
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError) as error:
            raise EvalError(f"{path}: not readable JSON ({error})") from None
        if not isinstance(data, dict) or "script" not in data or "expected" not in data:
            continue  # not a labeled memo (e.g. some other JSON file)
        audio = next((a for a in (path.with_suffix(s) for s in AUDIO_SUFFIXES) if a.exists()), None)
        if audio_only and audio is None:
            continue
        relative = path.relative_to(folder)
        writer = data.get("writer") or (relative.parts[0] if len(relative.parts) > 1 else "")
        memos.append(LabeledMemo(str(relative.with_suffix("")), data["script"], data["expected"], audio, writer))
    if not memos:
        raise EvalError(f"{folder}: no labeled memos found (JSON files with 'script' and 'expected')")
    return memos


def score(memos: list[LabeledMemo], debriefs: list, source: str) -> EvalReport:
    """Per verdict: accuracy, per-value precision/recall, macro-F1, and every miss."""
    report = EvalReport(source, len(memos))
    for verdict in VERDICTS:
        pairs = [(m, d) for m, d in zip(memos, debriefs) if verdict in m.expected]
        if not pairs:
            continue
        expected = [str(m.expected[verdict]) for m, _ in pairs]
        got = [str(d.verdicts()[verdict]) for _, d in pairs]
        right = sum(e == g for e, g in zip(expected, got))
        report.scores.append(VerdictScore(verdict, len(pairs), right / len(pairs), macro_f1(expected, got),
                                          per_value_scores(expected, got)))
        report.misses += [Miss(m.id, verdict, e, g, _why(d, verdict))
                          for (m, d), e, g in zip(pairs, expected, got) if e != g]
    report.by_writer = _by_writer(memos, debriefs)
    report.confidence = _confidence(memos, debriefs)
    return report


def _confidence(memos: list[LabeledMemo], debriefs: list) -> dict[str, dict]:
    """How far the machine's own confidence can be trusted: per headline verdict,
    the share it flagged as unsure, and its accuracy on the rest."""
    table = {}
    for verdict in HEADLINE:
        pairs = [(m, d) for m, d in zip(memos, debriefs) if verdict in m.expected]
        sure = [(m, d) for m, d in pairs if verdict not in d.unsure]
        right = sum(str(m.expected[verdict]) == str(d.verdicts()[verdict]) for m, d in sure)
        table[verdict] = {"flagged": round(1 - len(sure) / len(pairs), 3) if pairs else None,
                          "confident_accuracy": round(right / len(sure), 3) if sure else None}
    return table


def _by_writer(memos: list[LabeledMemo], debriefs: list) -> dict[str, dict]:
    """Macro-F1 of the three headline verdicts on each writer's memos: a rule that
    fits one writer's phrasing shows up as one good row among weak ones."""
    writers: dict[str, list] = {}
    for memo, debrief in zip(memos, debriefs):
        writers.setdefault(memo.writer or "-", []).append((memo, debrief))
    table = {}
    for writer, pairs in sorted(writers.items()):
        row: dict = {"memos": len(pairs)}
        for verdict in HEADLINE:
            scored = [(str(m.expected[verdict]), str(d.verdicts()[verdict])) for m, d in pairs if verdict in m.expected]
            row[verdict] = round(macro_f1(*zip(*scored)), 3) if scored else None
        table[writer] = row
    return table


def _why(debrief, verdict: str) -> str:
    """What the machine saw: the near miss, else the sentences that decided it."""
    near = {
        "firm_followup": "; ".join(debrief.followup_missing),
        "followup": "; ".join(debrief.followup_missing),
        "decision_maker_met": debrief.decision_maker_missing or debrief.decision_maker or "",
        "excuses_accepted": ", ".join(f"{e.kind}: {e.handled}" for e in debrief.excuses),
    }.get(verdict, "")
    field_name = "followup" if verdict == "firm_followup" else verdict
    sentences = [e.sentence for e in debrief.evidence if e.field == field_name]
    evidence = " / ".join(dict.fromkeys(sentences))[:240]
    return " | ".join(part for part in (near, evidence) if part)


def analyze_texts(analyzer, memos: list[LabeledMemo]) -> list:
    from ..records import Transcript

    return analyzer.analyze_many(Transcript.from_text(m.script) for m in memos)


def analyze_audio(analyzer, transcriber, memos: list[LabeledMemo], progress=None) -> list:
    """Decode and transcribe each memo's audio, then analyze what Whisper wrote."""
    from ..speech.audio import decode_audio, probe_audio

    transcripts = []
    for number, memo in enumerate(memos, start=1):
        if progress:
            progress(f"[{number}/{len(memos)}] transcribing {memo.id}")
        transcripts.append(transcriber.transcribe(decode_audio(memo.audio, probe_audio(memo.audio))))
    return analyzer.analyze_many(transcripts)


def render(report: EvalReport, show_misses: bool = True) -> list[str]:
    lines = [f"{report.source}: {report.memos} memos", ""]
    lines.append(f"{'verdict':<26}{'memos':>6}{'accuracy':>10}{'macro-F1':>10}   per value: precision / recall (n)")
    for s in report.scores:
        values = "  ".join(f"{v} {p['precision']:.2f}/{p['recall']:.2f} ({p['support']})"
                           for v, p in s.per_value.items())
        lines.append(f"{s.verdict:<26}{s.memos:>6}{s.accuracy:>10.2f}{s.macro_f1:>10.2f}   {values}")
    if len(report.by_writer) > 1:
        lines += ["", f"{'writer':<26}{'memos':>6}" + "".join(f"{v:>20}" for v in HEADLINE)]
        for writer, row in report.by_writer.items():
            cells = "".join(f"{row[v]:>20.2f}" if row[v] is not None else f"{'-':>20}" for v in HEADLINE)
            lines.append(f"{writer:<26}{row['memos']:>6}{cells}")
    if report.confidence:
        lines += ["", f"{'when the machine is sure':<26}{'flagged unsure':>16}{'accuracy of the rest':>22}"]
        for verdict, row in report.confidence.items():
            flagged = f"{row['flagged']:.0%}" if row["flagged"] is not None else "-"
            accuracy = f"{row['confident_accuracy']:.2f}" if row["confident_accuracy"] is not None else "-"
            lines.append(f"{verdict:<26}{flagged:>16}{accuracy:>22}")
    if show_misses and report.misses:
        lines += ["", f"misses ({len(report.misses)}):"]
        for miss in report.misses:
            lines.append(f"  {miss.memo}: {miss.verdict} expected {miss.expected}, got {miss.got}")
            if miss.why:
                lines.append(f"      {miss.why}")
    return lines
