"""The hits read for the follow-up verdict: which of them mean what it needs.

A phone the prospect typed the meeting into, "it's his call" and "Andre called
Ron" are no phone meetings; "the 4th call" is no date and "good through Friday" a
deadline; "she wants to see it" is the prospect's wish, not the rep's hedge;
"locked into a contract" is no agreement to meet; "present to her board" is their
own meeting. The other verdicts keep reading the original hits, so this reading
is a module of its own, applied once before any plan is read.
"""

from __future__ import annotations

from dataclasses import replace

from .candidates import COMPONENTS
from .clauses import Clause
from .live_clauses import PLAN_VERBS, governing_verb
from .patterns import Hit
from .when import WEEKDAYS

POSSESSIVES = {"his", "her", "their", "my", "your", "our", "its", "'s", "whose"}
# "We'll go over it on the phone": the phone is the meeting. "Ron confirmed on the
# phone", "she typed it into her phone": the phone only carried the agreement.
MEETING_VERBS = {"talk", "meet", "go", "chat", "speak", "do", "walk", "review", "discuss", "catch", "present",
                 "demo", "hop", "jump", "get", "run", "show", "have", "set", "book", "schedule"}
ARRANGING_VERBS = {"set", "book", "schedule", "confirm", "arrange", "agree", "lock", "pencil"}
PHONE_MEETINGS = {"call", "meeting", "appointment", "chat", "conversation", "interview", "demo"}
# "a call" is a meeting; "make the call" and "it's his call" are a decision.
DECIDING_VERBS = {"make", "be"}
# Nouns an ordinal counts or names rather than dates: "the 4th call", "the third floor", "14th Street".
COUNTED = {"time", "call", "floor", "shift", "visit", "meeting", "one", "person", "quarter", "week", "year", "grade",
           "place", "round", "generation", "location", "store", "branch", "truck", "voicemail", "attempt", "try",
           "street", "st", "avenue", "ave", "century", "birthday", "anniversary"}
WEEKDAY_WORDS = {*WEEKDAYS, "tomorrow"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec"}
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
WISHES = {"want", "wants", "wanted", "like", "'d", "would"}
CONTRACT_NOUNS = {"agreement", "contract", "deal", "price", "pricing", "rate", "term", "terms", "vendor", "supplier",
                  "system", "budget", "spend", "rebate", "lease", "provider", "carrier", "policy", "program"}
VISIT_VERBS = {"come", "stop", "swing", "drop", "pop"}
MEALS = {"lunch", "coffee", "breakfast", "dinner", "drinks", "brekkie"}
DEADLINE_WORDS = {"through", "thru", "until", "till", "til", "by", "before", "from", "since", "after"}


def read_for_followup(clause: Clause) -> Clause:
    """A copy of the clause with only the hits that mean what this verdict needs
    (the other verdicts keep reading the original)."""
    kept = [h for h in clause.hits if _means_it(clause, h)]
    return replace(clause, hits=kept) if len(kept) != len(clause.hits) else clause


def _means_it(clause: Clause, hit: Hit) -> bool:
    if hit.label == "REMOTE":
        return _remote_meeting(clause.doc, hit, clause.speaker)
    if hit.label == "IN_PERSON":
        return not _mealtime(clause.doc, hit) and not _todays_place(clause.doc, hit)
    if hit.label in ("DATE", "TIME") and _set_aside(clause.doc, hit):
        return False
    if hit.label == "NEGATION":
        return not _contrasting_not(clause, hit)
    if hit.label == "DATE" and _a_deadline(clause.doc, hit):
        return False
    if hit.rule.id == "date-weekday-abbrev":  # 'Thurs 3pm', 'Mon 9 June'; not 'the Mon to Fri rota'
        return hit.end < len(clause.doc) and any(ch.isdigit() for ch in clause.doc[hit.end].text)
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


def _set_aside(doc, hit: Hit) -> bool:
    """'Tuesday at 10, not Monday': the day after the "not" is the one it is not."""
    return hit.start >= 2 and doc[hit.start - 1].lower_ == "not" and doc[hit.start - 2].text == ","


def _contrasting_not(clause: Clause, hit: Hit) -> bool:
    """'Tuesday at 10, not Monday': a "not" after a comma that follows the plan's own
    parts sets another day aside; it does not negate the plan."""
    doc = clause.doc
    return hit.start > 0 and doc[hit.start - 1].text == "," and \
        any(h.label in COMPONENTS and h.end < hit.start for h in clause.hits)


def _a_deadline(doc, hit: Hit) -> bool:
    """'only good through Friday', 'send it by Friday', 'goes up from the 1st': a deadline, not a meeting day."""
    before = doc[hit.start - 1].lower_ if hit.start else ""
    verb = doc[hit.start - 2].lemma_.lower() if hit.start > 1 else ""
    if before == "through" and verb == "walk":  # Whisper's "a walk through Monday" is a walkthrough
        return False
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
    """'get back in there', 'booked me back in next Tuesday' are going again; only 'back
    in June', 'back in the day', 'back in 2019' look back."""
    if doc[hit.start:hit.end].text.lower() != "back in":
        return False
    before = doc[hit.start - 1].lemma_.lower() if hit.start else ""
    after = doc[hit.end] if hit.end < len(doc) else None
    if before in ("get", "go", "come", "pop", "swing", "drop", "be") or after is None:
        return True
    looks_back = after.lower_ in MONTH_WORDS | SEASONS | {"the", "those", "my", "his", "her", "our"} or \
        (after.shape_ == "dddd" and after.text[:2] in ("19", "20"))
    return not looks_back


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


def _todays_place(doc, hit: Hit) -> bool:
    """'Before I left the lot', 'we sat in her office': a place the rep was at today
    (a past verb of the rep's own), not where the next meeting is."""
    if hit.rule.id not in ("mode-their-place", "mode-in-person-more") or not doc.has_annotation("DEP"):
        return False
    verb = governing_verb(doc[hit.end - 1])
    if verb is None or verb.tag_ != "VBD" or verb.lemma_.lower() in PLAN_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


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
        if first.tag_ in ("VBD", "VBN"):  # "she rang him there and then": a call made today, not the meeting
            return False
        second = doc[hit.start + 1].lower_ if hit.start + 1 < len(doc) else ""
        return second in ("me", "us", "my") or (speaker == "prospect" and second in ("him", "her"))
    if word == "call":
        if before in ("f/u", "u") and (before == "f/u" or token.i >= 2 and doc[token.i - 2].text == "/"):
            return True  # a note's 'F/u call w/ Rachel': a follow-up call, not 'you call'
        if parsed and token.pos_ == "VERB":  # "call me Tuesday at 2" (the prospect asks), not "I called Ron"
            later = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else ""
            return after in ("me", "us", "my") and token.tag_ == "VB" and later != "back"
        if _teams_heard_as_team(doc, token.i - 1):
            return True
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
        if verb.lemma_ in ARRANGING_VERBS and doc[token.i - 2].lower_ in ("on", "over"):
            return False  # "we were booked right there on the phone": the phone carried the booking
        if before == "by" and verb.lemma_ not in ARRANGING_VERBS and verb.lemma_ not in ("follow", "chase", "check"):
            return True  # 'he gave me a time, Monday the 20th at 11, by phone': how they will talk
        return verb.lemma_ in MEETING_VERBS
    if word == "teen":
        return False
    if (word == "teams" and token.text == "teams") or word == "teens":  # Whisper also hears Teams as "Teens"
        return before in ("on", "a", "via", "over", "ms", "microsoft") or after in PHONE_MEETINGS \
            or after in WEEKDAY_WORDS
    if word == "online" and parsed and token.head.pos_ == "NOUN" and token.dep_ == "amod":
        return False  # "the online store"
    return True


def _teams_heard_as_team(doc, i: int) -> bool:
    """Whisper writes Microsoft Teams as "team's": 'we set a team's call Friday'.
    'Our team's call' is still the rep's own team."""
    if i < 1 or doc[i].lower_ != "'s" or doc[i - 1].lower_ != "team":
        return False
    owner = doc[i - 2].lower_ if i >= 2 else ""
    return owner not in POSSESSIVES and owner not in ("sales", "whole", "leadership", "management")


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
