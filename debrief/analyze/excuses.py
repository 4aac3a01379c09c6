"""Which stalls did the prospect raise, and did the rep accept them? (habit 3)

A stall counts when the prospect said it (or nobody in particular did): "I'll
check back next month" is the rep chasing, not a stall. Each stall is then
judged by what the rep did next, in the same sentence and the two after it:
- accepted, whatever came later, when the rep says they let it go ("I didn't
  push", "we let that go");
- converted: a firm face-to-face meeting was set after the stall;
- probed: the rep asked what was behind it;
- accepted: anything else, with or without a "no problem" (the rep left with it).

"Get back to me" is a stall, except where it is about a date being arranged
("she'll check her calendar and get back to me").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Excuse
from .clauses import Clause
from .patterns import Hit, overlaps

WINDOW_SENTENCES = 2


@dataclass
class ExcusesVerdict:
    excuses: list[Excuse]
    evidence: list[tuple[Clause, Hit]]


def judge_excuses(clauses: list[Clause], firm_meeting_at: int | None) -> ExcusesVerdict:
    """`firm_meeting_at` is the sentence index of a firm in-person follow-up, if any."""
    excuses, evidence, seen = [], [], set()
    for index, clause in enumerate(clauses):
        if clause.speaker == "rep":
            continue
        for hit in clause.of("STALL"):
            key = (hit.rule.kind, clause.sent_index)
            if key in seen or _about_scheduling(clause, hit):
                continue
            seen.add(key)
            handled, response = _judge_one(clauses, index, firm_meeting_at)
            words = clause.doc[hit.start:hit.end].text
            excuses.append(Excuse(kind=hit.rule.kind, words=words, handled=handled))
            evidence.append((clause, hit))
            if response:
                evidence.append(response)
    return ExcusesVerdict(excuses, evidence)


def _about_scheduling(clause: Clause, hit: Hit) -> bool:
    hits = clause.sentence_hits()
    pending = any(h.label == "PENDING" and overlaps(h, hit) for h in hits)
    return pending and any(h.label in ("DATE", "TIME", "MEETING", "AGREED") for h in hits)


def _judge_one(clauses: list[Clause], index: int, firm_meeting_at: int | None):
    stall_sentence = clauses[index].sent_index
    window = [c for c in clauses[index:] if c.sent_index <= stall_sentence + WINDOW_SENTENCES
              and c.speaker != "prospect"]
    drops = [(c, h) for c in window for h in c.of("DROP") if not any(overlaps(h, p) for p in c.of("PROBE"))]
    if drops:
        return "accepted", drops[0]
    if firm_meeting_at is not None and firm_meeting_at >= stall_sentence:
        return "converted", None
    accepted = None
    for clause in window:
        probes = [h for h in clause.of("PROBE") if not clause.negated]
        if probes:
            return "probed", (clause, probes[0])
        accepts = clause.of("ACCEPT")
        if accepts and accepted is None:
            accepted = (clause, accepts[0])
    return "accepted", accepted

