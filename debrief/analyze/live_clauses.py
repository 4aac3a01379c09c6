"""Which clauses of a sentence still speak of a plan.

Clauses that are negated ("Friday doesn't work"), told in the past ("we met
Tuesday at ten"), never meant ("I was going to suggest") or hypothetical ("if the
trial goes well we'd meet") are set aside; a contrastive "but" drops what came
before it, and "but I didn't" drops what it denies. Separate from plans.py: this
decides what a sentence says, plans.py what the memo's sentences add up to.
"""

from __future__ import annotations

from .candidates import COMPONENTS, MODES, SPECIFIC
from .clauses import Clause

# A sentence told in the past ("we met Tuesday at ten") is no plan, unless its verb
# is one that makes a plan ("we set Tuesday at ten", "we said Friday at three").
PLAN_VERBS = {"set", "book", "rebooke", "rebook", "talk", "discuss", "mention", "float", "suggest", "propose",
              "offer", "ask", "say", "agree", "confirm", "lock", "put", "fix", "arrange", "move", "push", "rebook",
              "reschedule", "schedule", "plan", "decide", "settle", "land", "pencil", "get", "make", "write", "block",
              "invite", "send", "accept", "change", "switch", "nail", "finalize", "pick", "choose"}
NOT_CONDITIONS = {"see", "ask", "check", "know", "wonder", "even", "as", "what", "asked", "wondering"}


def by_sentence(clauses: list[Clause]) -> list[list[Clause]]:
    sentences: dict[int, list[Clause]] = {}
    for clause in clauses:
        sentences.setdefault(clause.sent_index, []).append(clause)
    return list(sentences.values())


def split_live(sentence: list[Clause]) -> tuple[list[Clause], list[Clause]]:
    """Drop what a later 'but' overrides or denies ('but I didn't'), clauses that are
    negated, in the past or never meant, and every clause of a hypothetical."""
    if is_hypothetical(sentence):
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


def told_only_as_past(sentence: list[Clause], live: list[Clause]) -> list[Clause]:
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
        if _denies_a_thing(doc[negation.start]):
            continue  # 'no real objections, we booked Thursday the 23rd': the "no" is the objections'
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


PLAN_NOUNS = {"meeting", "date", "time", "day", "appointment", "follow-up", "followup", "call", "plan", "slot",
              "visit", "demo", "session", "booking", "invite", "commitment", "agreement", "answer", "next"}


def _denies_a_thing(token) -> bool:
    """'No' as the determiner of a noun that is no plan ('no real objections', 'no stall'): it
    says there is none of that thing, not that no meeting was set ('no date yet' does)."""
    return token.lower_ == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN" and \
        token.head.lemma_.lower() not in PLAN_NOUNS


def _past_plan(clause: Clause) -> bool:
    """'Last time we met on Friday at ten': the past marker belongs to the day said. In
    'an hour ago she texted, could we do Monday at noon instead' it belongs to the text."""
    if not clause.past:
        return False
    doc = clause.doc
    if not doc.has_annotation("DEP") or not clause.has(*SPECIFIC):
        return True
    past_verbs = {governing_verb(doc[h.start]) for h in clause.of("PAST")}
    # 'we moved it to wednesday 10:30': a change said in the past tense is a plan to come
    past_verbs -= {governing_verb(doc[h.start]) for h in clause.of("REVISED")}
    return any(governing_verb(doc[h.start]) in past_verbs for h in clause.of(*SPECIFIC))


def _denies(clause: Clause) -> bool:
    """'but I didn't', 'but she never did': a short 'but' clause that only says no."""
    negations = clause.of("NEGATION")
    if not negations or negations[0].start - clause.start > 4 or clause.has(*COMPONENTS):
        return False
    after = negations[0].end
    return after >= clause.end or clause.doc[after].is_punct


def is_hypothetical(sentence: list[Clause]) -> bool:
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
    verbs = {governing_verb(doc[h.start]) for h in clause.of(*SPECIFIC)}
    return all(v is not None and v.tag_ in ("VBD", "VBN") and v.lemma_.lower() not in PLAN_VERBS
               and not _gave_the_rep(v) and not any(c.tag_ == "MD" for c in v.children) for v in verbs)


def _gave_the_rep(verb) -> bool:
    """'She gave me Tuesday 11th at 10:30am', 'he fit us in Friday at 9': a day handed to the
    rep is a plan, though told in the past tense."""
    return verb.lemma_.lower() in ("give", "fit", "squeeze", "slot", "pen", "allot") and \
        any(c.lower_ in ("me", "us") for c in verb.children)


def governing_verb(token):
    """The verb a day or time belongs to ('we met Tuesday at ten' → met)."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
