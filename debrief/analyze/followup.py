"""Was a firm, face-to-face next meeting set? (PRINCIPLES.md, habit 1)

Each sentence that talks about a next meeting becomes a candidate built from
its components: a specific day, a time, the mode (in person or remote) and
the prospect's agreement. Clauses that are negated or in the past are set
aside; a contrastive "but" drops what came before it; a hedge ("hopefully",
"try to") keeps the meeting tentative. The best candidate in the memo wins,
the later one on a tie (plans get revised during a memo).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import Clause
from .patterns import Hit

RANK = {"none": 0, "tentative": 1, "firm_remote": 2, "firm_in_person": 3}
COMPONENTS = {"DATE", "DATE_VAGUE", "TIME", "IN_PERSON", "REMOTE", "AGREED", "MEETING"}
CHASE = {"REP_CHASE", "PROPOSAL"}


@dataclass
class Candidate:
    clauses: list[Clause]
    value: str = "tentative"
    missing: list[str] = field(default_factory=list)

    def hits(self, *labels: str) -> list[Hit]:
        return [h for c in self.clauses for h in c.of(*labels)]

    @property
    def when(self) -> str | None:
        spans = self.hits("DATE", "DATE_VAGUE", "TIME")
        if not spans:
            return None
        doc = self.clauses[0].doc
        return " ".join(doc[h.start:h.end].text for h in sorted(spans, key=lambda h: h.start))


@dataclass
class FollowupVerdict:
    value: str
    when: str | None
    missing: list[str]
    evidence: list[tuple[Clause, Hit]]


def judge_followup(clauses: list[Clause]) -> FollowupVerdict:
    candidates, set_aside, chase = [], [], []
    for sentence in _by_sentence(clauses):
        live, dropped = _live_clauses(sentence)
        set_aside += [(c, h) for c in dropped for h in c.of("NEGATION", "PAST") if c.has(*COMPONENTS)]
        labels = {h.label for c in live for h in c.hits}
        if labels & {"MEETING", "AGREED"} or (
            labels & {"DATE", "TIME"} and labels & {"IN_PERSON", "REMOTE"} and not labels & CHASE
        ):
            candidates.append(Candidate(live))
        elif labels & {"DATE", "TIME", "IN_PERSON", "REMOTE"} and _continues(candidates, live):
            candidates[-1].clauses += live  # "We set up a meeting. It's Tuesday at ten."
        elif labels & CHASE:
            chase += [(c, h) for c in live for h in c.of(*CHASE)]
    for candidate in candidates:
        _grade(candidate)
    if not candidates:
        return FollowupVerdict("none", None, ["a next meeting"], chase or set_aside)
    best = max(reversed(candidates), key=lambda c: RANK[c.value])
    evidence = [(c, h) for c in best.clauses for h in c.hits if h.label in COMPONENTS | {"HEDGE"}]
    return FollowupVerdict(best.value, best.when, best.missing, evidence)


def _by_sentence(clauses: list[Clause]) -> list[list[Clause]]:
    sentences: dict[int, list[Clause]] = {}
    for clause in clauses:
        sentences.setdefault(clause.sent_index, []).append(clause)
    return list(sentences.values())


def _live_clauses(sentence: list[Clause]) -> tuple[list[Clause], list[Clause]]:
    """Drop what a later 'but' overrides, and clauses that are negated or in the past."""
    contrasts = [i for i, c in enumerate(sentence) if c.starts_contrast]
    if contrasts and any(c.has(*COMPONENTS) for c in sentence[contrasts[-1]:]):
        reset, sentence = sentence[: contrasts[-1]], sentence[contrasts[-1]:]
    else:
        reset = []
    live = [c for c in sentence if not (c.negated or c.past)]
    dropped = reset + [c for c in sentence if c.negated or c.past]
    return live, dropped


def _continues(candidates: list[Candidate], live: list[Clause]) -> bool:
    return bool(candidates and live) and live[0].sent_index - candidates[-1].clauses[-1].sent_index == 1


def _grade(candidate: Candidate) -> None:
    has = {h.label for c in candidate.clauses for h in c.hits}
    agreed_by_word = any(
        c.has("AGREED") and not (c.future and c.speaker == "rep") for c in candidate.clauses
    )
    still_to_arrange = any(c.has("AGREED") and c.future and c.speaker == "rep" for c in candidate.clauses)
    hedged = any(c.hedged for c in candidate.clauses)
    specific = "DATE" in has and "TIME" in has
    agreed = agreed_by_word or (specific and not still_to_arrange)
    mode = "remote" if "REMOTE" in has else "in_person" if has & {"IN_PERSON", "MEETING"} else None

    missing = []
    if "DATE" not in has:
        missing.append("a specific day" + (" (only a rough time frame)" if "DATE_VAGUE" in has else ""))
    if "TIME" not in has:
        missing.append("a time")
    if mode != "in_person":
        missing.append("in person" if mode == "remote" else "in person (no place or mode said)")
    if not agreed:
        missing.append("the prospect's agreement")
    if hedged:
        missing.append("a commitment (said as a hope or an attempt)")
    candidate.missing = missing

    firm = specific and agreed and not hedged
    if firm and mode == "in_person":
        candidate.value = "firm_in_person"
    elif firm and mode == "remote":
        candidate.value = "firm_remote"
    else:
        candidate.value = "tentative"
