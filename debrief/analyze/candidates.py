"""A candidate plan: a clause that arranges a next meeting, and the clauses around it
where its day, time and place may be said; and the label groups its parts are read by.

It sits below plans.py (which finds candidates), grading.py (which grades them) and
followup.py (which chooses one), so that all three can share it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import Clause
from .patterns import Hit

SPECIFIC = {"DATE", "TIME"}
MODES = {"IN_PERSON", "REMOTE"}
SCHEDULE = SPECIFIC | MODES | {"DATE_VAGUE"}
COMPONENTS = SCHEDULE | {"AGREED", "MEETING"}


@dataclass
class Candidate:
    focus: Clause  # the clause that arranges the meeting
    context: list[Clause]  # where its day, time and place may be said
    lead_in: Clause | None = None  # a bare "Hopefully," in front of it
    value: str = "tentative"
    missing: list[str] = field(default_factory=list)
    mode_said: bool = False  # was in person / remote said, or assumed?
    agreed_said: bool = False  # an agreement word, not only a day and time

    def hits(self, *labels: str) -> list[Hit]:
        clauses = {id(c): c for c in [self.focus, *self.context]}.values()
        return [h for c in clauses for h in c.of(*labels)]

    def first_text(self, *labels: str) -> str | None:
        hits = sorted(self.hits(*labels), key=lambda h: (h.start, h.start - h.end))
        return self.focus.doc[hits[0].start:hits[0].end].text if hits else None

    @property
    def when(self) -> str | None:
        merged: list[list[int]] = []  # "at 3" and "3 p.m." overlap: say "at 3 p.m." once
        for hit in sorted(self.hits("DATE", "DATE_VAGUE", "TIME"), key=lambda h: h.start):
            if merged and hit.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hit.end)
            else:
                merged.append([hit.start, hit.end])
        doc = self.focus.doc
        for span in merged:  # 'Thursday 11 at the plant': the word that told the hour is no part of it
            while span[1] - span[0] > 1 and (doc[span[1] - 1].is_punct or doc[span[1] - 1].lower_ in LEFT_OFF):
                span[1] -= 1
        return " ".join(doc[start:end].text for start, end in merged) or None


LEFT_OFF = {"at", "in", "with", "before", "after", "then", "confirmed", "works"}


def restates(candidate: Candidate, before: Candidate) -> bool:
    """The same day or time said again: 'we set a call for tomorrow at 8 ... So that's
    tomorrow morning at eight.'"""
    for label in ("DATE", "TIME"):
        said, said_before = candidate.first_text(label), before.first_text(label)
        if said and said_before and plain_when(said) == plain_when(said_before):
            return True
    return False


def plain_when(text: str) -> str:
    """A day or time as said, less the words that vary ('at ten' and 'ten' are the same time)."""
    words = [w for w in text.lower().replace(".", "").split() if w not in ("at", "on", "the", "this", "next")]
    return " ".join(words)
