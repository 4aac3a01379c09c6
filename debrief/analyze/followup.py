"""Was a firm, face-to-face next meeting set? (PRINCIPLES.md, habit 1)

Every clause that arranges a meeting (a meeting word or an agreement word)
is a candidate. Its components — a specific day, a time, the mode (in person
or remote) — may sit in sibling clauses of the same sentence or in the next
sentence ("We set up a meeting. It's Tuesday at ten."); its agreement and
its hedges are its own. Clauses that are negated or in the past are set
aside; a contrastive "but" drops what came before it. The best candidate in
the memo wins; among equals the most complete, then the later one (plans get
revised during a memo). A sentence that only agrees ("she put it in her
calendar") confirms the plan just before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import Clause
from .patterns import Hit

RANK = {"none": 0, "tentative": 1, "firm_remote": 2, "firm_in_person": 3}
SCHEDULE = {"DATE", "DATE_VAGUE", "TIME", "IN_PERSON", "REMOTE"}
COMPONENTS = SCHEDULE | {"AGREED", "MEETING"}
# A meeting word alone ("he liked the presentation") is not a next meeting:
# something must point forward.
FORWARD = {"DATE", "DATE_VAGUE", "TIME", "FUTURE", "HEDGE", "AGREED", "NEXT"}
CHASE = {"REP_CHASE", "PROPOSAL"}


@dataclass
class Candidate:
    focus: Clause  # the clause that arranges the meeting
    context: list[Clause]  # where its day, time and place may be said
    lead_in: Clause | None = None  # a bare "Hopefully," in front of it
    value: str = "tentative"
    missing: list[str] = field(default_factory=list)

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
        return " ".join(doc[start:end].text for start, end in merged) or None


@dataclass
class FollowupVerdict:
    value: str
    when: str | None
    missing: list[str]
    evidence: list[tuple[Clause, Hit]]
    sent_index: int | None = None  # where the chosen meeting was arranged
    date_text: str | None = None  # the day as said ("next Tuesday"), for resolving followup_at
    time_text: str | None = None  # the time as said ("at ten thirty")


def judge_followup(clauses: list[Clause]) -> FollowupVerdict:
    candidates, set_aside, chase = [], [], []
    sentences = _by_sentence(clauses)
    if clauses:
        clauses[0].doc.user_data["debrief_clauses_by_sentence"] = {s[0].sent_index: s for s in sentences}
    for sentence in sentences:
        live, dropped = _live_clauses(sentence)
        set_aside += [(c, h) for c in dropped for h in c.of("NEGATION", "PAST") if c.has(*COMPONENTS)]
        found = _candidates(live)
        if found and _confirms(candidates, live):  # "Tuesday at ten at her office. She put it in her calendar."
            candidates[-1].context += [c for c in live if c.has("AGREED", "PENDING", *SCHEDULE)]
        elif found:
            candidates += found
        elif _continues(candidates, live):  # "We set up a meeting. It's Tuesday at ten."
            candidates[-1].context += [c for c in live if c.has("PENDING", "HEDGE", *SCHEDULE)]
        else:
            chase += [(c, h) for c in live for h in c.of(*CHASE)]
    for candidate in candidates:
        _grade(candidate)
    if not candidates:
        return FollowupVerdict("none", None, ["a next meeting"], chase or set_aside)
    # The firmest plan wins; among equals the most complete, then the later one
    # (plans get revised during a memo).
    best = max(reversed(candidates), key=lambda c: (RANK[c.value], -len(c.missing)))
    evidence = {}
    for clause in [best.focus, *best.context]:
        for hit in clause.hits:
            if hit.label in COMPONENTS or (hit.label == "HEDGE" and clause is best.focus):
                evidence.setdefault((hit.start, hit.rule.id), (clause, hit))
    return FollowupVerdict(best.value, best.when, best.missing, list(evidence.values()),
                           best.focus.sent_index, best.first_text("DATE"), best.first_text("TIME"))


def _by_sentence(clauses: list[Clause]) -> list[list[Clause]]:
    sentences: dict[int, list[Clause]] = {}
    for clause in clauses:
        sentences.setdefault(clause.sent_index, []).append(clause)
    return list(sentences.values())


def _live_clauses(sentence: list[Clause]) -> tuple[list[Clause], list[Clause]]:
    """Drop what a later 'but' overrides, and clauses that are negated or in the past."""
    contrasts = [i for i, c in enumerate(sentence) if c.starts_contrast]
    reset = []
    if contrasts and any(c.has(*COMPONENTS) for c in sentence[contrasts[-1]:]):
        reset, sentence = sentence[: contrasts[-1]], sentence[contrasts[-1]:]
    live = [c for c in sentence if not (c.negated or c.past)]
    dropped = reset + [c for c in sentence if c.negated or c.past]
    return live, dropped


def _candidates(live: list[Clause]) -> list[Candidate]:
    """One candidate per clause that arranges a meeting; a stall ("call me next
    quarter") or the rep's own chasing ("I'll give her a call") is not one."""
    context = [c for c in live if c.has(*SCHEDULE) and not c.has("STALL", *CHASE)]
    found = []
    for i, clause in enumerate(live):
        stalled = clause.has("STALL") and clause.speaker != "rep"  # "call me next quarter"
        if stalled or not _arranges_meeting(clause, live):
            continue
        lead_in = live[i - 1] if i and not live[i - 1].content else None
        found.append(Candidate(clause, context, lead_in))
    return found


def _arranges_meeting(clause: Clause, live: list[Clause]) -> bool:
    if clause.has("AGREED"):
        return True
    if clause.has("MEETING"):
        return any(c.has(*FORWARD) for c in live)
    # "Zoom on Thursday at two", "lunch Friday at noon": a when and a how, no chasing.
    return clause.has("DATE", "TIME") and clause.has("IN_PERSON", "REMOTE") and not clause.has(*CHASE)


def _confirms(candidates: list[Candidate], live: list[Clause]) -> bool:
    """A sentence that only agrees to something (no day, time or place of its own)
    right after a plan that has them, confirms that plan."""
    if not candidates or any(c.has("DATE", "TIME", "IN_PERSON", "REMOTE") for c in live):
        return False
    previous = candidates[-1]
    near = 0 < live[0].sent_index - previous.focus.sent_index <= 2
    return near and bool(previous.hits("DATE", "TIME"))


def _continues(candidates: list[Candidate], live: list[Clause]) -> bool:
    if not (candidates and live) or not any(c.has("PENDING", *SCHEDULE) for c in live):
        return False
    return live[0].sent_index - candidates[-1].focus.sent_index == 1


def _held_open(candidate: Candidate) -> bool:
    """The prospect left it open: 'he said maybe', 'she has to check her calendar and
    get back to me', or a schedule clause said as a hope ('Friday at 2 is a maybe')."""
    focus = candidate.focus
    sentence = [c for c in _clauses_of(focus) if c.start > focus.start]
    if any(c.speaker == "prospect" and (c.hedged or c.has("PENDING")) for c in sentence):
        return True
    return any((c.hedged or c.has("PENDING")) and c is not focus and not c.has("AGREED") for c in candidate.context) \
        or focus.has("PENDING")


def _clauses_of(clause: Clause) -> list[Clause]:
    return clause.doc.user_data.get("debrief_clauses_by_sentence", {}).get(clause.sent_index, [])


def _grade(candidate: Candidate) -> None:
    focus = candidate.focus
    has = {h.label for h in candidate.hits(*COMPONENTS)}
    still_to_arrange = focus.has("AGREED") and focus.future and focus.speaker == "rep"  # "I'll book it"
    confirmed = any(c.has("AGREED") and not (c.future and c.speaker == "rep") for c in candidate.context)
    hedged = focus.hedged or bool(candidate.lead_in and candidate.lead_in.hedged) or _held_open(candidate)
    specific = "DATE" in has and "TIME" in has
    agreed = (focus.has("AGREED") and not still_to_arrange) or confirmed or (specific and not still_to_arrange)
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
