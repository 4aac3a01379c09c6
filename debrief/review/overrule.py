"""How often a manager overrules the machine: the current rules scored on corrected debriefs.

A manager who corrects a debrief has read it: the fields they corrected
carry their value, and the fields they left alone carry their assent. So
every debrief with at least one correction is a labeled memo, labeled by the
person whose judgement the rules serve. The current rules are run again on
those transcripts (nothing is written) and compared, verdict by verdict,
with the effective values of the `debriefs` view. `debrief eval --db` and the
web page's Evaluation call this one function, so they show the same figure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..store.corrections import COMPARED, stored_transcript

VERDICTS = COMPARED  # followup … prospect_pursued, account


@dataclass
class Overrule:
    memo_id: int
    verdict: str
    machine: str | None  # what the current rules say
    manager: str | None  # the effective value (the manager's, where corrected)


@dataclass
class OverruleScore:
    verdict: str
    debriefs: int  # corrected debriefs that have this verdict
    overruled: int  # where the current rules disagree with the manager
    corrected: int  # where the manager corrected this very field

    @property
    def share(self) -> float | None:
        return self.overruled / self.debriefs if self.debriefs else None


@dataclass
class OverruleReport:
    debriefs: int
    patterns_version: str
    scores: list[OverruleScore] = field(default_factory=list)
    overrules: list[Overrule] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"debriefs": self.debriefs, "patterns_version": self.patterns_version,
                "scores": [{**asdict(s), "share": s.share} for s in self.scores],
                "overrules": [asdict(o) for o in self.overrules]}


def overrule_rates(db, analyzer) -> OverruleReport:
    """Score `analyzer` (the current rules) on every debrief a manager corrected."""
    rows = list(db.query(
        f"""SELECT d.id, d.recorded_at, d.corrected_fields, {', '.join('d.' + v for v in VERDICTS)},
                   t.text, t.words, t.duration_s, t.model
            FROM debriefs d JOIN transcripts t ON t.memo_id = d.id
            WHERE d.corrected_fields IS NOT NULL ORDER BY d.id"""))
    machine = analyzer.analyze_many([stored_transcript(r) for r in rows], [r["recorded_at"] for r in rows])
    report = OverruleReport(len(rows), analyzer.version)
    for verdict in VERDICTS:
        score = OverruleScore(verdict, 0, 0, 0)
        for row, debrief in zip(rows, machine):
            said = debrief.verdicts()[verdict]
            score.debriefs += 1
            score.corrected += verdict in row["corrected_fields"].split(",")
            if _norm(said) != _norm(row[verdict]):
                score.overruled += 1
                report.overrules.append(Overrule(row["id"], verdict, said, row[verdict]))
        report.scores.append(score)
    return report


def _norm(value) -> str:
    """Free-text fields (account, who decides) are compared without case or spacing."""
    return " ".join(str(value or "").casefold().split())


def render(report: OverruleReport) -> list[str]:
    lines = [f"{report.debriefs} corrected debriefs, current rules ({report.patterns_version}):",
             f"{'verdict':<26}{'debriefs':>9}{'overruled':>11}{'share':>8}{'corrected':>11}"]
    for s in report.scores:
        share = "—" if s.share is None else f"{round(100 * s.share)}%"
        lines.append(f"{s.verdict:<26}{s.debriefs:>9}{s.overruled:>11}{share:>8}{s.corrected:>11}")
    if report.overrules:
        lines += ["", "Where the manager overrules the current rules:"]
        lines += [f"  {o.memo_id:>6} {o.verdict:<26} machine {o.machine!r}, manager {o.manager!r}"
                  for o in report.overrules]
    return lines
