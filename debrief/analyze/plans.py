"""The plans a memo makes, sentence by sentence: the candidates for the next meeting.

Every clause that arranges a meeting (a meeting word, an agreement word, or a
specific day and time) is a candidate; the next sentence may go on with it ("We
set up a meeting. It's Tuesday at ten.") or confirm it ("She put it in her
calendar."). A meeting called off ("let's cancel Friday") is dropped, and a
revised one ("we moved it to a call on Wednesday instead") replaces what came
before. Separate from grading.py: this finds the plans, that says how firm each is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .candidates import COMPONENTS, MODES, SCHEDULE, SPECIFIC, Candidate, plain_when
from .clauses import Clause
from .live_clauses import governing_verb, is_hypothetical, split_live, told_only_as_past
from .patterns import Hit

# A meeting word alone ("he liked the presentation") is not a next meeting:
# something must point forward.
FORWARD = {"DATE", "DATE_VAGUE", "TIME", "FUTURE", "HEDGE", "AGREED", "NEXT"}
CHASE = {"REP_CHASE", "PROPOSAL"}
SET_ASIDE = {"NEGATION", "PAST", "UNREALIZED"}


@dataclass
class Plans:
    """What a memo says about a next meeting, sentence by sentence."""

    candidates: list[Candidate] = field(default_factory=list)
    set_aside: list[tuple[Clause, Hit]] = field(default_factory=list)  # negated, past, called off
    chase: list[tuple[Clause, Hit]] = field(default_factory=list)  # the rep following up alone
    last_schedule: list[Clause] = field(default_factory=list)  # a day or time said, not yet a plan
    previous: list[Clause] = field(default_factory=list)  # the live clauses of the sentence before

    def drop(self, candidates: list[Candidate]) -> None:
        self.set_aside += [(cand.focus, h) for cand in candidates for h in cand.focus.of(*COMPONENTS)]
        self.candidates = [cand for cand in self.candidates if not any(cand is c for c in candidates)]


def read_plans(sentences: list[list[Clause]]) -> Plans:
    """The candidates of the memo's sentences, in order, and what was set aside or chased."""
    memo = Plans()
    for sentence in sentences:
        live, dropped = split_live(sentence)
        memo.set_aside += [(c, h) for c in dropped for h in c.of(*SET_ASIDE) if c.has(*COMPONENTS)]
        if _cancels(live):  # "let's cancel Friday", "the Thursday call is off"
            memo.drop(_called_off(memo.candidates, live))
        elif _only_agrees(live):  # "She put it in her calendar."
            _take_agreement(memo, live)
        else:
            found = _read_sentence(memo, sentence, live)
            told = [] if is_hypothetical(sentence) else told_only_as_past(sentence, live)
            schedule = [c for c in live + told if c.has(*SPECIFIC) and not c.has("STALL", *CHASE)]
            memo.last_schedule = schedule if schedule and not found else []
            memo.previous = live
    return memo


def _take_agreement(memo: Plans, live: list[Clause]) -> None:
    """An agreement alone confirms the plan just before it, or makes a plan of the day and
    time said just before it ('so we did it as a Teams call, Monday at 3. Gus accepted.')."""
    agreeing = [c for c in live if c.has("AGREED", "PENDING")]
    if _near(memo.candidates, live, 2):
        memo.candidates[-1].context += agreeing
    elif memo.last_schedule and 0 < live[0].sent_index - memo.last_schedule[0].sent_index <= 2:
        focus = next(c for c in live if c.has("AGREED"))
        memo.candidates.append(Candidate(focus, memo.last_schedule + agreeing))


def _read_sentence(memo: Plans, sentence: list[Clause], live: list[Clause]) -> list[Candidate]:
    """The plans a sentence makes, confirms, revises or goes on with; what it found."""
    found = _candidates(live)
    if found and _cancelled_after(found, sentence):  # "we booked Tuesday at 10, then she cancelled"
        memo.set_aside += [(cand.focus, h) for cand in found for h in cand.focus.of(*COMPONENTS)]
        found = []
    if found and any(c.has("REVISED") for c in live):  # "we moved it to a call Wednesday instead"
        memo.drop(list(memo.candidates))
    if found and _confirms(memo.candidates, live):  # "Tuesday at ten at her office. She put it in her calendar."
        memo.candidates[-1].context += [c for c in live if c.has("AGREED", "PENDING", *SCHEDULE)]
    elif found:
        for candidate in found:  # "so we did it as a Teams call. Thursday the 17th at 2."
            candidate.context += [c for c in memo.previous if c.has(*MODES) and not c.has(*SPECIFIC)]
        memo.candidates += found
    elif _continues(memo.candidates, live):  # "We set up a meeting. It's Tuesday at ten."
        memo.candidates[-1].context += [c for c in live if c.has("PENDING", "HEDGE", *SCHEDULE)]
    else:
        memo.chase += [(c, h) for c in live for h in c.of(*CHASE)]
    return found


def _cancels(live: list[Clause]) -> bool:
    """'Let's cancel Friday', 'so Friday's off': the plan so far is called off (a
    clause that also books something new is a revision, read elsewhere; "he'll be in
    touch to rebook" books nothing yet)."""
    return any(c.has("CANCELLED") for c in live) and \
        not any(c.has("AGREED") or (c.has("REVISED") and c.has(*SCHEDULE)) for c in live)


def _cancelled_after(found: list[Candidate], sentence: list[Clause]) -> bool:
    """A plan called off later in its own sentence ("..., then she called and cancelled")."""
    last = max(c.focus.start for c in found)
    return any(c.start > last and c.has("CANCELLED") and not c.has("AGREED", "REVISED")
               and not any(c.negates(h) for h in c.of("CANCELLED")) for c in sentence)


def _called_off(candidates: list[Candidate], live: list[Clause]) -> list[Candidate]:
    """The plans a cancellation names by their day ('the Thursday call is off'), else the latest."""
    days = {plain_when(live[0].doc[h.start:h.end].text) for c in live for h in c.of("DATE")}
    if days:
        return [cand for cand in candidates if plain_when(cand.first_text("DATE") or "") in days]
    return candidates[-1:]


def _only_agrees(live: list[Clause]) -> bool:
    return any(c.has("AGREED") for c in live) and not any(c.has("MEETING", *SCHEDULE) for c in live)


def _near(candidates: list[Candidate], live: list[Clause], sentences: int) -> bool:
    return bool(candidates and live) and 0 < live[0].sent_index - candidates[-1].focus.sent_index <= sentences


def _candidates(live: list[Clause]) -> list[Candidate]:
    """One candidate per clause that arranges a meeting; a stall ("call me next
    quarter") or the rep's own chasing ("I'll give her a call") is not one."""
    context = [c for c in live if c.has(*SCHEDULE) and not c.has("STALL", *CHASE)]
    found = []
    for i, clause in enumerate(live):
        # "call me next quarter" is a stall; "come back in the spring and we'll sit down" is one too,
        # but also a meeting the prospect asked for
        stalled = clause.has("STALL") and clause.speaker != "rep" and not clause.has(*SPECIFIC, "MEETING", "IN_PERSON")
        if stalled or not _arranges_meeting(clause, live):
            continue
        previous = live[i - 1] if i else None
        lead_in = previous if previous and not previous.content and previous.end - previous.start <= 4 else None
        found.append(Candidate(clause, context, lead_in))
    return found


def _arranges_meeting(clause: Clause, live: list[Clause]) -> bool:
    if _a_job_not_a_meeting(clause):  # "I booked my flight for Monday at 6"
        return False
    if clause.has("AGREED"):
        return True
    if clause.has("MEETING"):
        return any(c.has(*FORWARD) for c in live)
    if clause.has(*CHASE) and clause.speaker != "prospect":  # "he said ring him Monday at 8:15" is his plan
        return False
    # "Zoom on Thursday at two", "The 30th at 6:30 am": a day and a time, or a when and a how.
    sentence_specific = {h.label for c in live for h in c.of(*SPECIFIC)}
    if any(_a_job_not_a_meeting(c) for c in live):  # "the install is Tuesday at 8"
        return False
    return (clause.has("DATE") and sentence_specific == SPECIFIC) or \
        (clause.has(*SPECIFIC) and clause.has(*MODES))


def _a_job_not_a_meeting(clause: Clause) -> bool:
    """'The delivery comes Thursday at 6', 'I'll have the drum delivered Monday': the day
    belongs to a delivery or an install (its subject, or its verb), not to a meeting."""
    doc = clause.doc
    jobs = [doc[h.start] for h in clause.of("LOGISTICS")]
    if not jobs or not doc.has_annotation("DEP"):
        return bool(jobs) and not doc.has_annotation("DEP")
    days = {governing_verb(doc[h.start]) for h in clause.of(*SPECIFIC)}
    return any(j.dep_ in ("nsubj", "nsubjpass") or j in days or (j.dep_ == "dobj" and j.head in days) for j in jobs)


def _confirms(candidates: list[Candidate], live: list[Clause]) -> bool:
    """A sentence that only agrees to something (no day or time of its own, and a place
    or a mode only with the agreement) right after a plan that has them, confirms that plan."""
    if not candidates or any(c.has("DATE", "TIME") for c in live):
        return False
    # 'Morag's sent a Teams invite and Gillian's accepted it': the plan's mode, agreed
    if any(c.has("IN_PERSON", "REMOTE") for c in live) and not any(c.has("AGREED") for c in live):
        return False
    previous = candidates[-1]
    near = 0 < live[0].sent_index - previous.focus.sent_index <= 2
    return near and bool(previous.hits("DATE", "TIME"))


def _continues(candidates: list[Candidate], live: list[Clause]) -> bool:
    """The next sentence goes on with the plan: its day, time or place ("It's Tuesday at
    ten."); a place alone ("the coffee there was terrible") only for a plan without one."""
    if not (candidates and live):
        return False
    labels = {h.label for c in live for h in c.hits}
    if not labels & (SPECIFIC | {"PENDING", "DATE_VAGUE"}) and not (labels & MODES and not candidates[-1].hits(*MODES)):
        return False
    return live[0].sent_index - candidates[-1].focus.sent_index == 1
