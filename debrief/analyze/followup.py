"""Was a firm, face-to-face next meeting set? (PRINCIPLES.md, habit 1)

Every clause that arranges a meeting (a meeting word, an agreement word, or a
specific day and time) is a candidate. Its components — a specific day, a
time, the mode (in person or remote) — may sit in sibling clauses of the same
sentence or in the next sentence ("We set up a meeting. It's Tuesday at
ten."); its agreement and its hedges are its own. A sentence that only agrees
("she put it in her calendar", "invite accepted") confirms the plan said just
before it. Clauses that are negated, in the past, never meant ("I was going
to suggest", "we originally said") or hypothetical ("if the trial goes well
we'd meet") are set aside; a contrastive "but" drops what came before it, and
"but I didn't" drops what it denies.

The final plan counts: a meeting called off ("let's cancel Friday") is gone,
and a revised one ("we moved it to a call on Wednesday instead") replaces what
came before. Otherwise the firmest candidate wins; among equals the most
complete, then the later one.

The hits are read for this verdict first (followup_hits.py): a phone the
prospect typed the meeting into, "it's his call" and "Andre called Ron" are
no phone meetings; "the 4th call" is no date and "good through Friday" a
deadline; "she wants to see it" is the prospect's wish, not the rep's hedge;
"locked into a contract" is no agreement to meet; "present to her board" is
their own meeting. A firm meeting whose place is not said is taken as in
person: remote meetings are named (a call, Zoom, Teams).

Say when unsure (`unsure_reason`): a "none" with no next step of any kind, or
with a meeting set aside; a "tentative" with a day or time and one piece short of firm, or
with no time frame at all; a firm plan with another firm plan beside it. Only
the doubts that could turn `firm_followup` (`firm_in_doubt`) flag the debrief
for review: a vague plan is no firm meeting whichever way it is read.

The reading is in parts: followup_hits.py (which hits count), live_clauses.py
(which clauses of a sentence still speak of a plan), plans.py (the candidates,
sentence by sentence), grading.py (how firm each is). This module chooses the
final plan and says how sure the verdict is.
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import COMPONENTS, SPECIFIC, Candidate, restates
from .clauses import Clause
from .followup_hits import read_for_followup
from .grading import grade
from .live_clauses import by_sentence
from .patterns import Hit
from .plans import read_plans

RANK = {"none": 0, "tentative": 1, "firm_remote": 2, "firm_in_person": 3}


@dataclass
class FollowupVerdict:
    value: str
    when: str | None
    missing: list[str]
    evidence: list[tuple[Clause, Hit]]
    sent_index: int | None = None  # where the chosen meeting was arranged
    date_text: str | None = None  # the day as said ("next Tuesday"), for resolving followup_at
    time_text: str | None = None  # the time as said ("at ten thirty")
    unsure_reason: str | None = None  # why the verdict may be wrong; None when confident
    # Whether that doubt could turn firm_followup: a firm plan beside another, or a day or
    # time said without all that makes it firm. A "none" or a vague "tentative" is no firm
    # meeting either way, so its doubt (none or tentative?) does not flag the headline verdict.
    firm_in_doubt: bool = False

    @property
    def confident(self) -> bool:
        return self.unsure_reason is None


def judge_followup(clauses: list[Clause]) -> FollowupVerdict:
    clauses = [read_for_followup(c) for c in clauses]
    sentences = by_sentence(clauses)
    if clauses:
        clauses[0].doc.user_data["debrief_clauses_by_sentence"] = {s[0].sent_index: s for s in sentences}
    memo = read_plans(sentences)
    for i, candidate in enumerate(memo.candidates):
        grade(candidate, memo.candidates[:i])
    if not memo.candidates:
        return FollowupVerdict("none", None, ["a next meeting"], memo.chase or memo.set_aside,
                               unsure_reason=_unsure_of_none(memo.chase, memo.set_aside))
    best = _final_plan(memo.candidates)
    unsure = _unsure(best, memo.candidates)
    return FollowupVerdict(best.value, best.when, best.missing, _evidence_of(best),
                           best.focus.sent_index, best.first_text("DATE"), best.first_text("TIME"),
                           unsure, unsure is not None and (best.value.startswith("firm") or bool(best.hits(*SPECIFIC))))


def _evidence_of(best: Candidate) -> list[tuple[Clause, Hit]]:
    evidence = {}
    for clause in [best.focus, *best.context]:
        for hit in clause.hits:
            if hit.label in COMPONENTS or (hit.label == "HEDGE" and clause is best.focus):
                evidence.setdefault((hit.start, hit.rule.id), (clause, hit))
    return list(evidence.values())


def _final_plan(candidates: list[Candidate]) -> Candidate:
    """The firmest plan, among equals the most complete, then the later one; but a firm
    plan said later about the same day or time ("So it's Zoom, Thursday, 5:30"), or after
    the memo says the plan was changed, revises an earlier firm one, whatever its mode."""
    best = max(reversed(candidates), key=lambda c: (RANK[c.value], -len(c.missing)))
    later = [c for c in candidates[candidates.index(best) + 1:]
             if c.value.startswith("firm") and c.value != best.value
             and (restates(c, best) or _revised_between(best, c))]
    return later[-1] if best.value.startswith("firm") and later else best


def _revised_between(before: Candidate, after: Candidate) -> bool:
    """'Thursday at 10 at her office ... she wants to move it to Friday at 2, on Zoom instead':
    the plan was changed between the two."""
    hits = before.focus.doc.user_data.get("debrief_hits", [])
    return any(h.label == "REVISED" and before.focus.end <= h.start < after.focus.end for h in hits)


def _unsure(best: Candidate, candidates: list[Candidate]) -> str | None:
    """Why the chosen reading may be wrong, or None when the memo says it plainly.
    A firm plan with a day, a time and agreement is plain even when its place is
    not said (remote meetings are named) or its agreement is only the day and time."""
    others = {c.value for c in candidates if c is not best and c.value.startswith("firm")} - {best.value}
    if best.value.startswith("firm") and others:
        return "the memo holds another firm plan: " + ", ".join(sorted(others))
    hedged = any(m.startswith("a commitment") for m in best.missing)  # said as a hope: plainly tentative
    # One piece short of firm is one misread away from yes; two or more short is a plain no.
    if best.value == "tentative" and best.hits(*SPECIFIC) and not hedged and len(best.missing) == 1:
        return "a day or time was said, but " + ", ".join(m.split(" (")[0] for m in best.missing) + " missing"
    if best.value == "tentative" and not best.hits("DATE_VAGUE", *SPECIFIC):
        return "a meeting is meant, but with no time frame at all; it may be only talk"
    return None


def _unsure_of_none(chase: list, set_aside: list) -> str | None:
    """'None' is plain when the rep says how they will follow up alone ('I'll check back
    in May'); without that, a meeting said in words the rules do not know would be missed."""
    if chase:
        return None
    if set_aside:
        return "a meeting was talked about, but as past, negated, hypothetical or called off"
    return "no next step found at all, neither a meeting nor the rep's own follow-up"
