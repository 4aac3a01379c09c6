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

The hits are read for this verdict first (`_read_for_followup`): a phone the
prospect typed the meeting into, "it's his call" and "Andre called Ron" are
no phone meetings; "the 4th call" is no date and "good through Friday" a
deadline; "she wants to see it" is the prospect's wish, not the rep's hedge;
"locked into a contract" is no agreement to meet; "present to her board" is
their own meeting. A firm meeting whose place is not said is taken as in
person: remote meetings are named (a call, Zoom, Teams).

Say when unsure (`unsure_reason`): a "none" with no next step of any kind, or
with a meeting set aside; a "tentative" with a day or time but not firm, or
with no time frame at all; a firm plan with another firm plan beside it. Only
the doubts that could turn `firm_followup` (`firm_in_doubt`) flag the debrief
for review: a vague plan is no firm meeting whichever way it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .clauses import Clause
from .patterns import Hit

RANK = {"none": 0, "tentative": 1, "firm_remote": 2, "firm_in_person": 3}
SPECIFIC = {"DATE", "TIME"}
MODES = {"IN_PERSON", "REMOTE"}
SCHEDULE = SPECIFIC | MODES | {"DATE_VAGUE"}
COMPONENTS = SCHEDULE | {"AGREED", "MEETING"}
# A meeting word alone ("he liked the presentation") is not a next meeting:
# something must point forward.
FORWARD = {"DATE", "DATE_VAGUE", "TIME", "FUTURE", "HEDGE", "AGREED", "NEXT"}
CHASE = {"REP_CHASE", "PROPOSAL"}
SET_ASIDE = {"NEGATION", "PAST", "UNREALIZED"}

POSSESSIVES = {"his", "her", "their", "my", "your", "our", "its", "'s", "whose"}
# "We'll go over it on the phone": the phone is the meeting. "Ron confirmed on the
# phone", "she typed it into her phone": the phone only carried the agreement.
MEETING_VERBS = {"talk", "meet", "go", "chat", "speak", "do", "walk", "review", "discuss", "catch", "present",
                 "demo", "hop", "jump", "get", "run", "show", "have", "set", "book", "schedule"}
PHONE_MEETINGS = {"call", "meeting", "appointment", "chat", "conversation", "interview", "demo"}
# "a call" is a meeting; "make the call" and "it's his call" are a decision.
DECIDING_VERBS = {"make", "be"}
# Nouns an ordinal counts rather than dates: "the 4th call", "the third floor".
COUNTED = {"time", "call", "floor", "shift", "visit", "meeting", "one", "person", "quarter", "week", "year", "grade",
           "place", "round", "generation", "location", "store", "branch", "truck", "voicemail", "attempt", "try"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec"}
WISHES = {"want", "wants", "wanted", "like", "'d", "would"}
# A sentence told in the past ("we met Tuesday at ten") is no plan, unless its verb
# is one that makes a plan ("we set Tuesday at ten", "we said Friday at three").
PLAN_VERBS = {"set", "book", "rebooke", "rebook", "talk", "discuss", "mention", "float", "suggest", "propose",
              "offer", "ask", "say", "agree", "confirm", "lock", "put", "fix", "arrange", "move", "push", "rebook",
              "reschedule", "schedule", "plan", "decide", "settle", "land", "pencil", "get", "make", "write", "block",
              "invite", "send", "accept", "change", "switch", "nail", "finalize", "pick", "choose"}
CONTRACT_NOUNS = {"agreement", "contract", "deal", "price", "pricing", "rate", "term", "terms", "vendor", "supplier",
                  "system", "budget", "spend", "rebate", "lease", "provider", "carrier", "policy", "program"}
VISIT_VERBS = {"come", "stop", "swing", "drop", "pop"}
MEALS = {"lunch", "coffee", "breakfast", "dinner", "drinks", "brekkie"}
DEADLINE_WORDS = {"through", "thru", "until", "till", "til", "by", "before", "from", "since", "after"}
NOT_CONDITIONS = {"see", "ask", "check", "know", "wonder", "even", "as", "what", "asked", "wondering"}


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
    unsure_reason: str | None = None  # why the verdict may be wrong; None when confident
    # Whether that doubt could turn firm_followup: a firm plan beside another, or a day or
    # time said without all that makes it firm. A "none" or a vague "tentative" is no firm
    # meeting either way, so its doubt (none or tentative?) does not flag the headline verdict.
    firm_in_doubt: bool = False

    @property
    def confident(self) -> bool:
        return self.unsure_reason is None


def judge_followup(clauses: list[Clause]) -> FollowupVerdict:
    clauses = [_read_for_followup(c) for c in clauses]
    sentences = _by_sentence(clauses)
    if clauses:
        clauses[0].doc.user_data["debrief_clauses_by_sentence"] = {s[0].sent_index: s for s in sentences}
    memo = _read_plans(sentences)
    for i, candidate in enumerate(memo.candidates):
        _grade(candidate, memo.candidates[:i])
    if not memo.candidates:
        return FollowupVerdict("none", None, ["a next meeting"], memo.chase or memo.set_aside,
                               unsure_reason=_unsure_of_none(memo.chase, memo.set_aside))
    best = _final_plan(memo.candidates)
    unsure = _unsure(best, memo.candidates)
    return FollowupVerdict(best.value, best.when, best.missing, _evidence_of(best),
                           best.focus.sent_index, best.first_text("DATE"), best.first_text("TIME"),
                           unsure, unsure is not None and (best.value.startswith("firm") or bool(best.hits(*SPECIFIC))))


@dataclass
class _Plans:
    """What a memo says about a next meeting, sentence by sentence."""

    candidates: list[Candidate] = field(default_factory=list)
    set_aside: list[tuple[Clause, Hit]] = field(default_factory=list)  # negated, past, called off
    chase: list[tuple[Clause, Hit]] = field(default_factory=list)  # the rep following up alone
    last_schedule: list[Clause] = field(default_factory=list)  # a day or time said, not yet a plan
    previous: list[Clause] = field(default_factory=list)  # the live clauses of the sentence before

    def drop(self, candidates: list[Candidate]) -> None:
        self.set_aside += [(cand.focus, h) for cand in candidates for h in cand.focus.of(*COMPONENTS)]
        self.candidates = [cand for cand in self.candidates if not any(cand is c for c in candidates)]


def _read_plans(sentences: list[list[Clause]]) -> _Plans:
    memo = _Plans()
    for sentence in sentences:
        live, dropped = _live_clauses(sentence)
        memo.set_aside += [(c, h) for c in dropped for h in c.of(*SET_ASIDE) if c.has(*COMPONENTS)]
        if _cancels(live):  # "let's cancel Friday", "the Thursday call is off"
            memo.drop(_called_off(memo.candidates, live))
        elif _only_agrees(live):  # "She put it in her calendar."
            _take_agreement(memo, live)
        else:
            found = _read_sentence(memo, sentence, live)
            told = [] if _hypothetical(sentence) else _told_only_as_past(sentence, live)
            schedule = [c for c in live + told if c.has(*SPECIFIC) and not c.has("STALL", *CHASE)]
            memo.last_schedule = schedule if schedule and not found else []
            memo.previous = live
    return memo


def _take_agreement(memo: _Plans, live: list[Clause]) -> None:
    """An agreement alone confirms the plan just before it, or makes a plan of the day and
    time said just before it ('so we did it as a Teams call, Monday at 3. Gus accepted.')."""
    agreeing = [c for c in live if c.has("AGREED", "PENDING")]
    if _near(memo.candidates, live, 2):
        memo.candidates[-1].context += agreeing
    elif memo.last_schedule and 0 < live[0].sent_index - memo.last_schedule[0].sent_index <= 2:
        focus = next(c for c in live if c.has("AGREED"))
        memo.candidates.append(Candidate(focus, memo.last_schedule + agreeing))


def _read_sentence(memo: _Plans, sentence: list[Clause], live: list[Clause]) -> list[Candidate]:
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


def _evidence_of(best: Candidate) -> list[tuple[Clause, Hit]]:
    evidence = {}
    for clause in [best.focus, *best.context]:
        for hit in clause.hits:
            if hit.label in COMPONENTS or (hit.label == "HEDGE" and clause is best.focus):
                evidence.setdefault((hit.start, hit.rule.id), (clause, hit))
    return list(evidence.values())


def _final_plan(candidates: list[Candidate]) -> Candidate:
    """The firmest plan, among equals the most complete, then the later one; but a firm
    plan said later about the same day or time ("So it's Zoom, Thursday, 5:30") revises
    an earlier firm one, whatever its mode."""
    best = max(reversed(candidates), key=lambda c: (RANK[c.value], -len(c.missing)))
    later = [c for c in candidates[candidates.index(best) + 1:]
             if c.value.startswith("firm") and c.value != best.value and _restates(c, best)]
    return later[-1] if best.value.startswith("firm") and later else best


# --- reading the hits for this verdict -------------------------------------------------

def _read_for_followup(clause: Clause) -> Clause:
    """A copy of the clause with only the hits that mean what this verdict needs
    (the other verdicts keep reading the original)."""
    kept = [h for h in clause.hits if _means_it(clause, h)]
    return replace(clause, hits=kept) if len(kept) != len(clause.hits) else clause


def _means_it(clause: Clause, hit: Hit) -> bool:
    if hit.label == "REMOTE":
        return _remote_meeting(clause.doc, hit, clause.speaker)
    if hit.label == "IN_PERSON":
        return not _mealtime(clause.doc, hit)
    if hit.label == "DATE" and _a_deadline(clause.doc, hit):
        return False
    if hit.label == "DATE" and hit.rule.id == "date-ordinal":
        return not _counts_something(clause.doc, hit)
    if hit.label == "HEDGE":
        return not _prospects_wish(clause, hit)
    if hit.label == "PAST":
        return not _going_back(clause.doc, hit)
    if hit.label == "MEETING":
        doc = clause.doc
        return not (_done_already(doc, hit) or _their_own_meeting(doc, hit) or _a_document(doc, hit)
                    or (hit.rule.id == "followup-meet-again" and _not_with_the_rep(clause, hit)))
    if hit.label == "AGREED":
        return not (_agrees_to_something_else(clause.doc, hit) or _conditional(clause.doc, hit))
    return True


def _not_with_the_rep(clause: Clause, hit: Hit) -> bool:
    """Everyday meeting words used for something else: 'present to her board', 'sit down
    with his accountant' (their own people), 'come back to us with questions' (a reply),
    'catch up on my emails', 'grab lunch' alone."""
    doc = clause.doc
    after = doc[hit.end].lower_ if hit.end < len(doc) else ""
    later = doc[hit.end + 1].lower_ if hit.end + 1 < len(doc) else ""
    last = doc[hit.end - 1].lower_
    if (last == "up" and after == "on") or (last == "back" and after == "to"):
        return True
    if (after in ("with", "to") and later in ("his", "her", "their")) or \
            (last in ("with", "to") and after in ("his", "her", "their")):
        return True
    meal = any(t.lower_ in MEALS for t in doc[hit.start:hit.end])
    words = {t.lower_ for t in doc[clause.start:clause.end]}
    return meal and "i" in words and not words & {"with", "for", "we", "us", "let", "'s", "you"}


def _a_deadline(doc, hit: Hit) -> bool:
    """'only good through Friday', 'send it by Friday', 'goes up from the 1st': a deadline, not a meeting day."""
    before = doc[hit.start - 1].lower_ if hit.start else ""
    verb = doc[hit.start - 2].lemma_.lower() if hit.start > 1 else ""
    return before in DEADLINE_WORDS and not (before == "by" and verb in VISIT_VERBS)  # "come by Monday at 8"


def _a_document(doc, hit: Hit) -> bool:
    """'get it in front of the board': the proposal goes in front of them, not the rep."""
    return doc[hit.start].lemma_.lower() == "get" and hit.start + 1 < len(doc) and \
        doc[hit.start + 1].lower_ in ("it", "this", "that", "them", "these", "those")


def _conditional(doc, hit: Hit) -> bool:
    """'if they want to lock it in': an agreement only supposed."""
    return any(t.lower_ == "if" for t in doc[max(hit.start - 5, 0):hit.start])


def _their_own_meeting(doc, hit: Hit) -> bool:
    """'at their next meeting', 'his meeting': the prospect's own meeting, not one with the
    rep; 'he's in meetings all week': busy."""
    before = doc[hit.start - 1].lower_ if hit.start else ""
    two_before = doc[hit.start - 2].lower_ if hit.start > 1 else ""
    return before in ("their", "his", "her", "in") or (before in ("next", "board", "partners", "monthly", "weekly")
                                                  and two_before in ("their", "his", "her"))


def _agrees_to_something_else(doc, hit: Hit) -> bool:
    """'locked into the Vizient agreement', 'committed our spend', 'the door's locked':
    agreement words about a contract or a thing, not a meeting."""
    token = doc[hit.start]
    after = doc[hit.end].lower_ if hit.end < len(doc) else ""
    if token.lower_ == "locked" and hit.end - hit.start == 1 and \
            after not in ("in", "it", "that", "down", "for", "us", "me"):
        return True
    if not doc.has_annotation("DEP"):
        return False
    if token.dep_ == "relcl" and token.head.lemma_.lower() in CONTRACT_NOUNS:  # "a deal his accountant set up"
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    objects += [g for c in token.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in CONTRACT_NOUNS for o in objects)


def _going_back(doc, hit: Hit) -> bool:
    """'get back in there' is going again, not 'back in June'."""
    if doc[hit.start:hit.end].text.lower() != "back in":
        return False
    before = doc[hit.start - 1].lemma_.lower() if hit.start else ""
    after = doc[hit.end].lower_ if hit.end < len(doc) else ""
    return before in ("get", "go", "come", "pop", "swing", "drop", "be") or after in ("there", "here", "front", "touch")


def _done_already(doc, hit: Hit) -> bool:
    """'I swung by again today', 'I only took the meeting', 'the demo went great': a
    meeting told in the past (not 'we set up a meeting', which makes one)."""
    if not doc.has_annotation("TAG"):
        return False
    token = doc[hit.start]
    if token.tag_ in ("VBD", "VBN"):  # "finally got some time with her", "came back and said"
        return token.lemma_.lower() not in PLAN_VERBS - {"get", "come"}
    verb = token.head
    if token.pos_ == "NOUN" and verb.tag_ in ("VBD", "VBN") and token.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return verb.lemma_.lower() not in PLAN_VERBS and not any(c.tag_ == "MD" for c in verb.children)
    return False


def _mealtime(doc, hit: Hit) -> bool:
    """'during their lunch', 'before the lunch rush': a time of day, not a meal together."""
    word = doc[hit.start].lower_
    before = doc[hit.start - 1].lower_ if hit.start else ""
    return word in MEALS and before in ("during", "before", "after", "their", "his", "her", "the", "at")


def _remote_meeting(doc, hit: Hit, speaker: str | None = None) -> bool:
    """'a call', 'on Zoom', 'phone call' are meetings; a phone that carried the
    agreement, a call the rep makes, and 'his call' (a decision) are not."""
    token = doc[hit.end - 1]
    word = token.lower_
    before = doc[token.i - 1].lower_ if token.i else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    parsed = doc.has_annotation("DEP")
    first = doc[hit.start]
    if first.lemma_.lower() in ("ring", "give") and hit.rule.id != "mode-remote":  # "ring me Monday", not "I'll ring"
        second = doc[hit.start + 1].lower_ if hit.start + 1 < len(doc) else ""
        return second in ("me", "us", "my") or (speaker == "prospect" and second in ("him", "her"))
    if word == "call":
        if parsed and token.pos_ == "VERB":  # "call me Tuesday at 2" (the prospect asks), not "I called Ron"
            later = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else ""
            return after in ("me", "us", "my") and token.tag_ == "VB" and later != "back"
        if before in POSSESSIVES or before in ("service", "sales", "cold", "house", "judgment", "close", "roll"):
            return False
        return not (parsed and token.head.lemma_ in DECIDING_VERBS and before in ("the", "final", "last"))
    if word in ("phone", "cell", "mobile", "viber", "whatsapp"):
        if after in PHONE_MEETINGS:
            return True
        if before in POSSESSIVES or not parsed:
            return False
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return verb.lemma_ in MEETING_VERBS
    if word == "teams" and token.text == "teams":
        return before in ("on", "a", "via", "over", "ms", "microsoft") or after in PHONE_MEETINGS
    if word == "online" and parsed and token.head.pos_ == "NOUN" and token.dep_ == "amod":
        return False  # "the online store"
    return True


def _counts_something(doc, hit: Hit) -> bool:
    """'the 4th call', 'the third floor': an ordinal that counts, not a day."""
    token = doc[hit.end - 1]
    if token.lower_ in MONTH_WORDS:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in COUNTED:
        return True
    return doc.has_annotation("DEP") and token.dep_ == "amod" and token.head.i == after.i \
        and after.pos_ == "NOUN" and after.lower_ not in MONTH_WORDS


def _prospects_wish(clause: Clause, hit: Hit) -> bool:
    """'She wants to see it working' says what the prospect wants, not that the
    plan is a hope; the rep's own 'I want to get back in front of him' is one."""
    doc = clause.doc
    first = doc[hit.start].lower_
    asked = any(t.lemma_.lower() in ("ask", "wonder") for t in doc[max(hit.start - 4, 0):hit.start])
    return asked or (first in WISHES and clause.speaker == "prospect")


# --- which clauses and sentences count ----------------------------------------------------

def _by_sentence(clauses: list[Clause]) -> list[list[Clause]]:
    sentences: dict[int, list[Clause]] = {}
    for clause in clauses:
        sentences.setdefault(clause.sent_index, []).append(clause)
    return list(sentences.values())


def _live_clauses(sentence: list[Clause]) -> tuple[list[Clause], list[Clause]]:
    """Drop what a later 'but' overrides or denies ('but I didn't'), clauses that are
    negated, in the past or never meant, and every clause of a hypothetical."""
    if _hypothetical(sentence):
        return [], sentence
    contrasts = [i for i, c in enumerate(sentence) if c.starts_contrast]
    reset = []
    # "..., but nothing's booked" says the plan is not firm; it does not take it back
    if contrasts and (any(c.has(*COMPONENTS) and not _negates_plan(c) for c in sentence[contrasts[-1]:])
                      or _denies(sentence[contrasts[-1]])):
        reset, sentence = sentence[: contrasts[-1]], sentence[contrasts[-1]:]
    agreed = any(c.has("AGREED", "REVISED") for c in sentence)
    gone = [c for c in sentence if _negates_plan(c) or _past_plan(c) or c.has("UNREALIZED")
            or (not agreed and _told_as_past(c))]
    live = [c for c in sentence if not any(c is g for g in gone)]
    return live, reset + gone


def _told_only_as_past(sentence: list[Clause], live: list[Clause]) -> list[Clause]:
    """Clauses set aside only for their past tense ('so we did it as a Teams call, Monday
    at 3'): an agreement said right after them ('Gus accepted the invite') makes them a plan."""
    return [c for c in sentence if not any(c is l for l in live) and _told_as_past(c)
            and not (_negates_plan(c) or _past_plan(c) or c.has("UNREALIZED"))]


def _negates_plan(clause: Clause) -> bool:
    """A negation that governs the meeting: before it with no comma between ("we didn't
    set a meeting") or right after it ("Friday doesn't work"). "I didn't talk to her,
    and came out and said Denise would do a Zoom" keeps its Zoom; "so nobody's under
    a car" does not touch "Wednesday at 7 am" before it."""
    if not clause.negated:
        return False
    parts = clause.of(*COMPONENTS)
    if not parts:
        return True
    doc = clause.doc
    for negation in clause.of("NEGATION"):
        if any(negation.start <= p.start < negation.end + 1 for p in parts):
            return True
        before = [p for p in parts if p.start > negation.start]
        if before and not any(t.is_punct for t in doc[negation.end:before[0].start]):
            return True
        after = [p for p in parts if p.end <= negation.start]
        if after and negation.start - after[-1].end <= 3 and \
                not any(t.is_punct for t in doc[after[-1].end:negation.start]):
            return True
    return False


def _past_plan(clause: Clause) -> bool:
    """'Last time we met on Friday at ten': the past marker belongs to the day said. In
    'an hour ago she texted, could we do Monday at noon instead' it belongs to the text."""
    if not clause.past:
        return False
    doc = clause.doc
    if not doc.has_annotation("DEP") or not clause.has(*SPECIFIC):
        return True
    past_verbs = {_governing_verb(doc[h.start]) for h in clause.of("PAST")}
    return any(_governing_verb(doc[h.start]) in past_verbs for h in clause.of(*SPECIFIC))


def _denies(clause: Clause) -> bool:
    """'but I didn't', 'but she never did': a short 'but' clause that only says no."""
    negations = clause.of("NEGATION")
    if not negations or negations[0].start - clause.start > 4 or clause.has(*COMPONENTS):
        return False
    after = negations[0].end
    return after >= clause.end or clause.doc[after].is_punct


def _hypothetical(sentence: list[Clause]) -> bool:
    """'If the trial goes well, we'd meet with the plant manager': a condition on the
    meeting itself ('see if', 'asked if' are questions, not conditions)."""
    doc = sentence[0].doc
    tokens = doc[sentence[0].start:sentence[-1].end]
    conditions = [t for t in tokens if t.lower_ == "if"
                  and not any(w.lower_ in NOT_CONDITIONS or w.lemma_ in NOT_CONDITIONS
                              for w in doc[max(t.i - 3, 0):t.i])]
    if not conditions or not any(c.has("MEETING", *SPECIFIC, *MODES) for c in sentence):
        return False
    consequence = {t.lower_ for t in tokens} & {"would", "'d", "wouldd", "only"}
    return bool(consequence)


def _told_as_past(clause: Clause) -> bool:
    """'We met Tuesday at ten at her office': a day and time told in the past tense
    is what happened, unless the verb makes the plan ('we set Tuesday at ten')."""
    doc = clause.doc
    if not (doc.has_annotation("DEP") and clause.has(*SPECIFIC)) or clause.has("AGREED", "FUTURE"):
        return False
    verbs = {_governing_verb(doc[h.start]) for h in clause.of(*SPECIFIC)}
    return all(v is not None and v.tag_ in ("VBD", "VBN") and v.lemma_.lower() not in PLAN_VERBS
               and not any(c.tag_ == "MD" for c in v.children) for v in verbs)


def _governing_verb(token):
    """The verb a day or time belongs to ('we met Tuesday at ten' → met)."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _cancels(live: list[Clause]) -> bool:
    """'Let's cancel Friday', 'so Friday's off': the plan so far is called off (a
    clause that also books something new is a revision, read elsewhere)."""
    return any(c.has("CANCELLED") for c in live) and not any(c.has("AGREED", "REVISED") for c in live)


def _cancelled_after(found: list[Candidate], sentence: list[Clause]) -> bool:
    """A plan called off later in its own sentence ("..., then she called and cancelled")."""
    last = max(c.focus.start for c in found)
    return any(c.start > last and c.has("CANCELLED") and not c.has("AGREED", "REVISED")
               and not any(c.negates(h) for h in c.of("CANCELLED")) for c in sentence)


def _called_off(candidates: list[Candidate], live: list[Clause]) -> list[Candidate]:
    """The plans a cancellation names by their day ('the Thursday call is off'), else the latest."""
    days = {_plain(live[0].doc[h.start:h.end].text) for c in live for h in c.of("DATE")}
    if days:
        return [cand for cand in candidates if _plain(cand.first_text("DATE") or "") in days]
    return candidates[-1:]


def _only_agrees(live: list[Clause]) -> bool:
    return any(c.has("AGREED") for c in live) and not any(c.has("MEETING", *SCHEDULE) for c in live)


def _near(candidates: list[Candidate], live: list[Clause], sentences: int) -> bool:
    return bool(candidates and live) and 0 < live[0].sent_index - candidates[-1].focus.sent_index <= sentences


# --- candidates -------------------------------------------------------------------------------

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
    days = {_governing_verb(doc[h.start]) for h in clause.of(*SPECIFIC)}
    return any(j.dep_ in ("nsubj", "nsubjpass") or j in days or (j.dep_ == "dobj" and j.head in days) for j in jobs)


def _confirms(candidates: list[Candidate], live: list[Clause]) -> bool:
    """A sentence that only agrees to something (no day, time or place of its own)
    right after a plan that has them, confirms that plan."""
    if not candidates or any(c.has("DATE", "TIME", "IN_PERSON", "REMOTE") for c in live):
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


def _held_open(candidate: Candidate) -> bool:
    """The prospect left it open: 'he said maybe', 'she has to check her calendar and
    get back to me', or a schedule clause said as a hope ('Friday at 2 is a maybe')."""
    focus = candidate.focus
    sentence = [c for c in _clauses_of(focus) if c.start > focus.start]
    if any((c.speaker == "prospect" and c.hedged) or c.has("PENDING") for c in sentence):
        return True
    return any((c.has("PENDING") or (c.hedged and c.has(*SPECIFIC))) and c is not focus and not c.has("AGREED")
               for c in candidate.context) or focus.has("PENDING")


def _clauses_of(clause: Clause) -> list[Clause]:
    return clause.doc.user_data.get("debrief_clauses_by_sentence", {}).get(clause.sent_index, [])


def _only_asked(candidate: Candidate) -> bool:
    """The day and time were put as a question ('I asked if Tuesday at ten works')."""
    doc = candidate.focus.doc
    for hit in candidate.hits("DATE"):
        window = doc[max(hit.start - 4, 0):hit.start]
        if any(t.lower_ in ("if", "whether") for t in window) and \
                any(t.lemma_.lower() in ("ask", "wonder", "see", "check")
                    for t in doc[max(hit.start - 7, 0):hit.start]):
            return True
    return False


def _mode(candidate: Candidate, earlier: list[Candidate]) -> tuple[str, bool]:
    """Remote or in person, and whether it was said. The plan's own sentence speaks first,
    and there a remote meeting wins ("she wants a walkthrough, so we have a Zoom on
    Monday"): the in-person words around it usually tell today's visit. A plan said
    again ("So Friday at 1.") keeps the mode it was first said with; then the sentences
    around it; a mode never said is taken as in person."""
    here = [c for c in [candidate.focus, *candidate.context] if c.sent_index == candidate.focus.sent_index]
    elsewhere = [c for c in candidate.context if c.sent_index != candidate.focus.sent_index]
    said_here = _mode_said(here)
    if said_here:
        return said_here, True
    for before in reversed(earlier):
        if _restates(candidate, before):
            return _mode(before, [])
    said_elsewhere = _mode_said(elsewhere)
    return (said_elsewhere, True) if said_elsewhere else ("in_person", False)


def _mode_said(clauses: list[Clause]) -> str | None:
    labels = {h.label for c in clauses for h in c.of(*MODES)}
    return "remote" if "REMOTE" in labels else "in_person" if "IN_PERSON" in labels else None


def _restates(candidate: Candidate, before: Candidate) -> bool:
    """The same day or time said again: 'we set a call for tomorrow at 8 ... So that's
    tomorrow morning at eight.'"""
    for label in ("DATE", "TIME"):
        said, said_before = candidate.first_text(label), before.first_text(label)
        if said and said_before and _plain(said) == _plain(said_before):
            return True
    return False


def _plain(text: str) -> str:
    words = [w for w in text.lower().replace(".", "").split() if w not in ("at", "on", "the", "this", "next")]
    return " ".join(words)


def _grade(candidate: Candidate, earlier: list[Candidate]) -> None:
    focus = candidate.focus
    has = {h.label for h in candidate.hits(*COMPONENTS)}
    still_to_arrange = focus.has("AGREED") and focus.future and focus.speaker == "rep"  # "I'll book it"
    confirmed = any(c.has("AGREED") and not (c.future and c.speaker == "rep") for c in candidate.context)
    hedged = focus.hedged or bool(candidate.lead_in and candidate.lead_in.hedged) or _held_open(candidate)
    specific = SPECIFIC <= has
    said_agreed = (focus.has("AGREED") and not still_to_arrange) or confirmed
    proposed = _only_asked(candidate)  # "I asked if Tuesday at ten works": a question, not an answer
    agreed = said_agreed or (specific and not still_to_arrange and not proposed)
    mode, mode_said = _mode(candidate, earlier)
    candidate.mode_said, candidate.agreed_said = mode_said, said_agreed

    missing = []
    if "DATE" not in has:
        missing.append("a specific day" + (" (only a rough time frame)" if "DATE_VAGUE" in has else ""))
    if "TIME" not in has:
        missing.append("a time")
    if mode != "in_person":
        missing.append("in person")
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


def _unsure(best: Candidate, candidates: list[Candidate]) -> str | None:
    """Why the chosen reading may be wrong, or None when the memo says it plainly.
    A firm plan with a day, a time and agreement is plain even when its place is
    not said (remote meetings are named) or its agreement is only the day and time."""
    others = {c.value for c in candidates if c is not best and c.value.startswith("firm")} - {best.value}
    if best.value.startswith("firm") and others:
        return "the memo holds another firm plan: " + ", ".join(sorted(others))
    hedged = any(m.startswith("a commitment") for m in best.missing)  # said as a hope: plainly tentative
    if best.value == "tentative" and best.hits(*SPECIFIC) and not hedged:
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
