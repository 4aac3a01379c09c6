"""Which stalls the prospect's side raised (excuses.py judges how the rep handled each).

A stall counts when the prospect said it, or someone on their side relayed it
(filed as `gatekeeper_putoff` when a receptionist, assistant or front desk said
it). The voice is the clause's speaker, corrected where the rep quotes the
prospect without quotation marks, in single quotes, or under someone else's
speech verb. The rep's own plans and notes to self are not stalls; nor is a
request already met, or a call-back that is finding a date. Two families need
frames the flat patterns cannot see: a deliverable governed by a request verb
("she asked me for some references") and a budget that is the subject of
"spent", "frozen", "gone".

Kept apart from the judging: finding a stall is about who said what; judging
it is about what the rep did next.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import SINGLE_QUOTES, Clause
from .patterns import Hit, Rule, overlaps

# STALL: the token patterns, which the follow-up verdict also reads ('call me next quarter'
# is no meeting); STALL_PHRASE: the family lexicons, read here only.
STALL_LABELS = ("STALL", "STALL_PHRASE")
REP_WORDS = {"i", "we", "me", "us", "my", "our", "mi"}  # "mi ask him why": I, in patois
# A deliverable is a send_info stall when one of these verbs governs it.
REQUEST_VERBS = {"ask", "want", "need", "request", "require", "expect"}
SEND_VERBS = {"send", "email", "mail", "forward", "shoot", "text", "fax", "whatsapp", "drop", "leave", "give", "ping",
              "fire", "pop", "bung", "chuck", "flick"}
# Verbs between the deliverable and the request: 'wants to see the references'.
PASS_THROUGH_VERBS = {"see", "get", "review", "read", "receive"}
QUANTITY_NOUNS = {"couple", "few", "copy", "set", "list", "pair", "bunch", "handful"}
SEND_INFO_FRAME = Rule(id="frame-send-info", label="STALL", kind="send_info", source="stalls.py", patterns=[],
                       description="A deliverable the prospect asks for, found by the parse: asked me for references")
# 'get back to me with a date': the prospect is finding a slot, not stalling.
SCHEDULING_WORDS = {"date", "day", "time", "slot", "calendar", "which", "availability", "invite"}
# Put-offs that are said with a negation ('we can't do anything until the AGM').
NEGATIVE_BY_NATURE = {"bad_timing", "think_it_over", "call_back_later", "not_interested", "gatekeeper_putoff"}
# 'Need to check with the OEM.': how a rep's note to self opens.
NOTE_OPENERS = {"need", "gotta", "must", "should", "remember", "note", "reminder", "todo"}
CALENDAR_WORDS = {"calendar", "date", "availability", "schedule", "diary"}
# How a relayed put-off is filed when a gatekeeper said it.
RELAYABLE = {"call_back_later", "send_info", "bad_timing", "not_interested", "think_it_over", "gatekeeper_putoff"}


@dataclass
class Stall:
    clause_index: int
    clause: Clause
    hit: Hit
    kind: str


def find_stalls(clauses: list[Clause]) -> list[Stall]:
    """Stalls said by the prospect's side, one per kind and sentence, overlaps merged."""
    found: list[Stall] = []
    seen = set()
    for index, clause in enumerate(clauses):
        if _rep_note(clause):
            continue
        hits = [h for h in clause.of(*STALL_LABELS) if not _negated_before(clause, h) and not _about_scheduling(clause, h)
                and not _done_already(clause, h)]
        hits += _send_info_frames(clause) + _budget_frames(clause) + _send_orders(clause) + _consult_frames(clause)
        hits = [h for h in hits if not _set_aside(clause.doc, h)]
        if clause.speaker == "rep" and not _after_prospect_lead_in(clauses, index):
            hits = [h for h in hits if _quoted_from_prospect(clause, h.start) or _said_by_other(clause.doc, h.start)
                    or h.rule.kind in ("price", "risk_concern") and _done_by_other(clause.doc, h.start)
                    or _wanted_by_other(clause.doc, h.start)]
        for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
            if any(overlaps(hit, s.hit) for s in found if s.clause is clause):
                continue
            kind = _kind(clause, hit)
            key = (kind, clause.sent_index)
            if key in seen:
                continue
            seen.add(key)
            found.append(Stall(index, clause, hit, kind))
    return sorted(found, key=lambda s: s.hit.start)


def _set_aside(doc, hit: Hit) -> bool:
    """'Rather than emailing documents back and forth, I suggested we sit down': what the rep
    proposes instead of, not something the prospect asked for."""
    return after_rather_than(doc, hit.start, 3)


def after_rather_than(doc, index: int, reach: int) -> bool:
    """'rather than' or 'instead of' within `reach` words before token `index`."""
    before = [t.lower_ for t in doc[max(index - reach, 0):index]]
    return any(a == "rather" and b == "than" or a == "instead" and b == "of" for a, b in zip(before, before[1:]))


SAYING = {"say", "go", "tell", "be", "ask", "add", "reply", "answer", "mention", "open", "start", "give", "put"}


REPORTING_VERBS = {"say", "tell", "go", "mention", "explain", "add", "admit", "reply", "answer", "insist"}


def _said_by_other(doc, index: int) -> bool:
    """'I called and Brianna said Monique's slammed': the parse puts the stall under someone
    else's speech verb, whatever the clause's first subject."""
    for ancestor in doc[index].ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            subjects = [c for c in ancestor.children if c.dep_.startswith("nsubj")]
            return bool(subjects) and not any(c.lower_ in REP_WORDS for c in subjects)
    return False


def _done_by_other(doc, index: int) -> bool:
    """'When I got to the price she baulked': a reaction (price, risk) that is a verb whose
    own subject is the prospect, inside a sentence the rep opened."""
    verb = doc[index]
    if verb.pos_ != "VERB":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.tag_ == "VBD" and verb.head.tag_ == "VBD":
        return True  # a note's 'Loved the oven, hated the price': the prospect's reaction, its subject left out
    return bool(subjects) and all(c.lower_ in ("he", "she", "they") or c.pos_ == "PROPN" for c in subjects)


def _wanted_by_other(doc, index: int) -> bool:
    """'... we talked about the paste she wants to run it by her hygienists first': a stall
    that is what the prospect wants, needs or has to do, inside a run-on sentence the rep opened."""
    verb = doc[index]
    if verb.pos_ != "VERB" or verb.dep_ != "xcomp":
        return False
    wants = verb.head
    subjects = [c for c in wants.children if c.dep_ == "nsubj"]
    return wants.lemma_.lower() in ("want", "need", "have", "like", "prefer") and bool(subjects) and \
        all(c.lower_ in ("he", "she", "they") or c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "") for c in subjects)


def _spoken_before(clauses: list[Clause], index: int) -> Clause | None:
    """The nearest clause before this one that has a speaker (a lone 'so' or 'then' has none)."""
    return next((c for c in reversed(clauses[:index]) if c.speaker is not None), None)


def _after_prospect_lead_in(clauses: list[Clause], index: int) -> bool:
    """'He told me right off, we've been with Harbor since we opened': a first person after the
    prospect's own lead-in and a comma, in the same sentence, is the prospect's words, quoted
    without a speech verb ('his response was, I like it, but I'll need to run it by corporate')."""
    clause = clauses[index]
    if clause.of("SPEECH"):
        return False  # 'she said ... I said I should try again next month'
    doc = clause.doc
    # 'he said ok its interesting but we must think about it': Whisper's run-on, split by the parser; a
    # "we" there is the prospect's firm ('... and I send the quote on the 3rd' is the rep again)
    run_on = clause.start == clause.sentence.start and clause.start > 0 and \
        doc[clause.start - 1].text not in (".", "!", "?") and \
        any(t.dep_ == "nsubj" and t.lower_ == "we" for t in doc[clause.start:clause.end])
    for previous in reversed(clauses[:index]):  # 'his response was, I like it, but I'll need to ...'
        # across the parser's split, only the clause right before ('but we must think ...' after 'he said ok')
        same = previous.sent_index == clause.sent_index or \
            run_on and previous.sent_index == clause.sent_index - 1 and previous is _spoken_before(clauses, index)
        if not same or previous.of("SPEECH") and previous.speaker != "prospect":
            return False
        if previous.speaker == "prospect":
            return any(t.lemma_ in SAYING for t in doc[previous.start:previous.end])
    return False



def _quoted_from_prospect(clause: Clause, index: int) -> bool:
    """"she said, 'We're locked in with GreenScape'": a first person inside single quotes
    opened after someone else's speech verb is the prospect talking."""
    doc = clause.doc
    sent = clause.sentence
    for i in range(index - 1, sent.start - 1, -1):
        if (doc[i].text in SINGLE_QUOTES or doc[i].is_quote) and i > 0 and doc[i - 1].text == ":" and \
                not (i > 1 and doc[i - 2].lower_ in REP_WORDS):
            return True  # "But: 'we're locked in with our broker'", 'Kerem: "I have to talk with my uncle"'
        if doc[i].text in SINGLE_QUOTES and i > sent.start and doc[i - 1].text == ",":
            verb = doc[i - 2] if i >= 2 else None
            if verb is not None and verb.lemma_ in SAYING and not rep_subject(verb):
                return True
            if verb is not None and verb.lower_ == "like" and i >= 3 and not rep_subject(doc[i - 3]):
                return True
            return False
    return False


def _rep_note(clause: Clause) -> bool:
    """'Need to check with the OEM.', 'Left the kits with her.': a sentence with no subject
    that opens on a verb is the rep's own note, not the prospect talking."""
    if clause.direct_speech_by or clause.start != clause.sentence.start:
        return False
    words = [t for t in clause.doc[clause.start:clause.end] if not t.is_punct]
    while words and words[0].lower_ in ("so", "and", "then", "also", "just", "oh", "um", "uh", "okay", "anyway"):
        words = words[1:]
    if not words:
        return False
    if words[0].lemma_.lower() in ("say", "mention") and words[0].tag_ in ("VBD", "VBZ"):
        return False  # CRM shorthand: 'Said to circle back next qtr' is the prospect speaking
    if words[0].lemma_.lower() == "tell" and any(c.lower_ in ("me", "us") for c in words[0].children):
        return False  # 'Told me timing's bad': the prospect told the rep
    if words[0].lower_ in NOTE_OPENERS and not any(c.dep_.startswith("nsubj") for c in words[0].children):
        return True  # 'Need to check with the OEM if Aman is free': the rep's to-do, whoever is in it
    if clause.speaker is not None or any(t.dep_.startswith("nsubj") for t in words):
        return False
    return words[0].pos_ in ("VERB", "AUX") and words[0].lower_ not in ("let", "please", "come", "call", "send")


def _done_already(clause: Clause, hit: Hit) -> bool:
    """'she emailed me the floor plan', 'he came back and said': done in the past, not asked for."""
    doc = clause.doc
    first = doc[hit.start]
    if hit.rule.kind in ("send_info", "call_back_later") and first.tag_ in ("VBD", "VBN") \
            and first.lemma_.lower() not in ("ask", "want", "need", "request") \
            and not (first.tag_ == "VBN" and first.lower_ == "come"):  # 'she asked me for a one-pager'; 'he is telling come next week' (a bare 'come' read as VBN)
        return True
    # 'she thought about it and said, honestly, nothing right now': she thought, then answered
    after = [t.lower_ for t in doc[hit.end:min(hit.end + 3, len(doc))]]
    return hit.rule.kind == "think_it_over" and first.lower_ == "thought" and after[:1] == ["and"] and \
        any(w in ("said", "says", "told", "answered", "replied", "goes", "went", "agreed", "booked", "signed",
                  "decided", "came", "nodded") for w in after[1:])  # '... thought about it and agreed'


def _kind(clause: Clause, hit: Hit) -> str:
    """A put-off relayed by a receptionist or assistant is the gatekeeper's."""
    kind = hit.rule.kind
    if kind in RELAYABLE and any(h.label == "GATEKEEPER" for h in clause.sentence_hits()):
        return "gatekeeper_putoff"
    return kind


def _send_info_frames(clause: Clause) -> list[Hit]:
    """'asked me for some references', 'wants the spec sheets': a deliverable whose
    governing verb is a request, with no negation on the verb."""
    frames = []
    doc = clause.doc
    for hit in clause.of("DELIVERABLE"):
        noun = doc[hit.end - 1]
        if noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            continue  # 'a WhatsApp video call', 'the price increase': the word only modifies another
        verb = _governing_request(noun)
        if verb is not None and not any(c.dep_ == "neg" for c in verb.children):
            frames.append(Hit(SEND_INFO_FRAME, min(verb.i, hit.start), hit.end))
    return frames


SEND_ORDER_FRAME = Rule(id="frame-send-order", label="STALL", kind="send_info", source="stalls.py", patterns=[],
                       description="The prospect tells the rep to send something, whatever Whisper made of the "
                                   "thing: 'kindly send the BOKU with make and model'")
NOT_A_DELIVERABLE = SCHEDULING_WORDS | {"invitation", "link", "address", "location", "pin", "number", "contact",
                                        "regards", "love", "best", "greetings", "photo", "picture", "line", "note",
                                        "message", "text", "email", "reminder", "word"}


def _send_orders(clause: Clause) -> list[Hit]:
    """'He said, kindly send the BOKU': a send verb in the imperative, in the prospect's
    words, with something to send, is a request for it, known word or not."""
    doc = clause.doc
    frames = []
    for verb in doc[clause.start:clause.end]:
        if not (_sends(verb) and verb.tag_ == "VB") or any(c.dep_.startswith(("nsubj", "aux", "neg")) for c in verb.children):
            continue
        if not (clause.speaker == "prospect" or _said_by_other(doc, verb.i)):
            continue
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if thing is not None and thing.lemma_.lower() in QUANTITY_NOUNS:  # 'a couple of times'
            of = next((c for c in thing.children if c.lower_ == "of"), None)
            thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if thing is not None and thing.lemma_.lower() not in NOT_A_DELIVERABLE:
            frames.append(Hit(SEND_ORDER_FRAME, verb.i, thing.i + 1))
    return frames


BUDGET_FRAME = Rule(id="frame-no-budget", label="STALL", kind="no_budget", source="stalls.py", patterns=[],
                    description="The money is gone, found by the parse: the budget for new services is already spent")
BUDGET_NOUNS = {"budget", "money", "funds", "funding", "capital", "cash", "dollar", "penny"}
BUDGET_GONE = {"spent", "frozen", "gone", "cut", "exhausted", "allocated", "finished", "tapped", "maxed", "committed",
               "tight", "done", "blown", "used", "slashed", "zeroed", "earmarked", "over", "tied", "spoken"}
CONSULT_FRAME = Rule(id="frame-consult", label="STALL", kind="consult_someone", source="stalls.py", patterns=[],
                     description="Someone else must look first, found by the parse: his accountant must look at the "
                                 "figures first, the GM has to approve any new supplier")
# What someone else must do before the prospect can say yes.
REVIEW_VERBS = {"approve", "sign", "okay", "ok", "look", "see", "check", "review", "vet", "weigh", "decide", "vote",
                "bless", "clear", "green-light", "greenlight", "authorise", "authorize", "rubber-stamp"}
OBLIGED = {"have", "need", "got", "gotta"}
NOT_SOMEONE = {"it", "this", "that", "thing", "everything", "anything", "nothing", "something", "one", "you", "i", "we"}


def _consult_frames(clause: Clause) -> list[Hit]:
    """'his accountant must look at the figures first', 'the GM has to approve any new supplier':
    a named person or a role (not the rep, not 'it') obliged to review before a yes."""
    frames = []
    for verb in clause.doc[clause.start:clause.end]:
        if verb.lemma_.lower() not in REVIEW_VERBS or verb.pos_ != "VERB" or \
                any(c.dep_ == "neg" for c in verb.children):
            continue
        must = any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)
        obliged = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGED and \
            not any(c.dep_ == "neg" for c in verb.head.children)
        holder = verb if must else verb.head if obliged else None
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None) if holder is not None else None
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.lower_ not in NOT_SOMEONE and \
                not any(c.lower_ in ("my", "our") for c in subject.children):
            frames.append(Hit(CONSULT_FRAME, min(subject.i, verb.i), verb.i + 1))
    return frames


def _budget_frames(clause: Clause) -> list[Hit]:
    """'the budget for this year is spent', 'our budget ... is already gone': a budget as the
    subject of a predicate that says the money is not there."""
    frames = []
    for token in clause.doc[clause.start:clause.end]:
        if token.lemma_ in BUDGET_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            head = token.head
            predicates = [head] + [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
            if any(p.lower_ in BUDGET_GONE for p in predicates) and not any(c.dep_ == "neg" for c in head.children):
                frames.append(Hit(BUDGET_FRAME, min(token.i, head.i), max(token.i, head.i) + 1))
    return frames


def _governing_request(token):
    """Walk up from a noun through objects, conjuncts, 'ask for' and 'want to see' (4 steps).
    A send verb counts as a request only when not in the past ('he sent me the specs')."""
    for _ in range(4):
        head = token.head
        if head.i == token.i or token.dep_ not in ("dobj", "pobj", "prep", "conj", "compound", "appos", "xcomp",
                                               "ccomp", "dative", "nmod", "amod"):
            return None
        if token.dep_ == "prep" and not (token.lower_ == "for" and head.lemma_ == "ask") and not (
                token.lower_ == "of" and head.lemma_ in QUANTITY_NOUNS) and not (
                token.lower_ == "over" and _sends(head)):  # 'ping us over a brochure'
            return None
        if head.pos_ in ("VERB", "AUX"):
            by_rep = rep_subject(head)
            if not by_rep and (head.lemma_ in REQUEST_VERBS or (_sends(head) and head.tag_ not in ("VBD", "VBN"))):
                return head
            # 'he asked if I could send him references': the rep's send, the prospect's request
            if head.lemma_ not in PASS_THROUGH_VERBS and not (by_rep and _sends(head)):
                return None
        token = head
    return None


def _sends(verb) -> bool:
    return verb.lemma_ in SEND_VERBS or verb.lower_ in SEND_VERBS  # the lemmatizer reads "ping" as "pe"


def rep_subject(verb) -> bool:
    return any(c.dep_.startswith("nsubj") and c.lower_ in REP_WORDS for c in verb.children)


def _negated_before(clause: Clause, hit: Hit) -> bool:
    """'we're not locked into a contract': a negation just before the stall, no comma between."""
    doc = clause.doc
    if doc[hit.start].lower_ in ("not", "n't", "no", "never"):
        return False
    # "he can't sit on it forever": a put-off said with a negation is still one, unless it is "forever"
    forever = any(t.lower_ in ("forever", "indefinitely") for t in doc[hit.end:min(hit.end + 2, len(doc))])
    if hit.rule.kind in NEGATIVE_BY_NATURE and not forever:
        return False
    for negation in clause.of("NEGATION"):
        if hit.start - 3 <= negation.start < hit.start and not any(t.is_punct for t in doc[negation.end:hit.start]):
            return True
    return False


def _ones_own_time(token) -> bool:
    """'I'll take my time', 'in her own time': no time being found for a meeting."""
    before = [t.lower_ for t in token.doc[max(token.i - 2, 0):token.i]]
    return token.lower_ == "time" and any(w in ("my", "your", "his", "her", "their", "our", "own") for w in before)


def _about_scheduling(clause: Clause, hit: Hit) -> bool:
    """'She'll check her calendar and get back to me with a time': arranging, not stalling."""
    hits = clause.sentence_hits()
    pending = any(h.label == "PENDING" and overlaps(h, hit) for h in hits)
    # the 'come back' of 'come back to me in September' is the put-off itself, not a meeting
    if pending and any(h.label in ("DATE", "TIME", "MEETING", "AGREED") and not overlaps(h, hit) for h in hits):
        return True
    # 'call me Tuesday at 2': a call the prospect sets, with a day and a time, is a meeting.
    labels = {h.label for h in hits}
    if hit.rule.kind == "call_back_later" and "TIME" in labels and "DATE" in labels:
        return True
    # 'he'll ring her and come back to me with a date': a day being found, not a put-off.
    if hit.rule.kind in ("call_back_later", "think_it_over"):
        after = clause.doc[hit.end:min(hit.end + 6, clause.sentence.end)]
        before = clause.doc[clause.sentence.start:hit.start]
        # 'come back some other time', 'another day': no date being found, a put-off
        put_off = any(t.lower_ in ("other", "another") for t in clause.doc[max(hit.start, hit.end - 2):hit.end + 2])
        return not put_off and (any(t.lemma_ in SCHEDULING_WORDS and not _ones_own_time(t) for t in after) or
                                any(t.lemma_ in CALENDAR_WORDS for t in before))
    return False
