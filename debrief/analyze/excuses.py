"""Which stalls did the prospect raise, and did the rep accept them? (habit 3)

Stalls come in families (think_it_over, send_info, price, no_budget,
bad_timing, call_back_later, consult_someone, happy_with_vendor,
risk_concern, not_interested, gatekeeper_putoff), each with its own lexicon
(`lexicons/stall-*.txt`, label STALL_PHRASE, read only here) besides the
older token patterns (`patterns/excuses.jsonl`, label STALL, which the
follow-up verdict also reads). Two families also need frames the flat
patterns cannot see: a deliverable ("references", "the spec sheet") governed
by a request verb ("she asked me for some references", "he asked if I could
send him references"), and a budget that is the subject of "spent", "frozen",
"gone" ("the budget for new services is already spent").

A stall counts when the prospect said it, or someone on their side relayed
it (filed as `gatekeeper_putoff` when a receptionist, assistant or front desk
said it). The voice is the clause's speaker, corrected where the rep quotes
the prospect without quotation marks ("he told me right off, we've been with
Harbor"), in single quotes, or under someone else's speech verb ("Brianna
said ... I should try again next month"). The rep's own plans and notes to
self ("I'll check back", "Need to check with the OEM") are not stalls; nor is
a request already met ("he sent me the specs"), a call-back that is finding a
date ("she'll check her calendar and get back to me"), or a reason the
prospect gives in answer to the rep's probe: that is the answer.

Each stall is judged by what the rep does about it, in the same sentence and
the two after it:
- probed: the rep asks what is behind it (a PROBE phrase, or by structure:
  the rep asks + a what/why/which/how/who question about the prospect's side,
  or a direct question after "I said"), or the real reason comes out ("it came
  out that", "turns out", "the real issue is");
- converted: the rep redirects it toward a meeting ("I'd rather walk you
  through it", "let's go through it together") and a firm meeting follows,
  even if the rep also sends what was asked; or, with no reply at all, a firm
  meeting (in person or remote) is set after it;
- accepted: the rep goes along in deed ("I'll send it over", "let me know",
  "I left my card"), agrees in words and leaves ("no problem", "fair enough"),
  or says they let it go ("I didn't push");
- accepted, by default, when none of the above: the rep left with it.

Any one accepted stall makes the verdict `yes`. Two readings keep a passing
phrase from deciding it: a stall with no reply at all that comes after one the
rep handled is set aside, and a probe or discovery with no recognised stall
before it is a stall of kind `unspecified`, probed. Both are said in
`unsure_reason`, as are acceptance by default and agreement followed by a meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Excuse
from .clauses import Clause
from .patterns import Hit, Rule, overlaps

WINDOW_SENTENCES = 2
# STALL: the token patterns, which the follow-up verdict also reads ('call me next quarter'
# is no meeting); STALL_PHRASE: the family lexicons, read here only.
STALL_LABELS = ("STALL", "STALL_PHRASE")
ANSWER_SENTENCES = 2
QUESTION_WORDS = {"what", "why", "how", "which", "who", "whom", "whose", "where"}
ASK_VERBS = {"ask", "question", "quiz", "press", "probe", "challenge", "wonder"}
REP_WORDS = {"i", "we", "me", "us", "my", "our"}
# A deliverable is a send_info stall when one of these verbs governs it.
REQUEST_VERBS = {"ask", "want", "need", "request", "require", "expect"}
SEND_VERBS = {"send", "email", "mail", "forward", "shoot", "text", "fax", "whatsapp", "drop", "leave"}
# Verbs between the deliverable and the request: 'wants to see the references'.
PASS_THROUGH_VERBS = {"see", "get", "review", "read", "receive"}
QUANTITY_NOUNS = {"couple", "few", "copy", "set", "list", "pair", "bunch", "handful"}
SEND_INFO_FRAME = Rule(id="frame-send-info", label="STALL", kind="send_info", source="excuses.py", patterns=[],
                       description="A deliverable the prospect asks for, found by the parse: asked me for references")
# 'get back to me with a date': the prospect is finding a slot, not stalling.
SCHEDULING_WORDS = {"date", "day", "time", "slot", "calendar", "which", "availability", "invite"}
# What a prospect says in answer to a probe is a reason, not a new stall; a request
# ('send me references') or a put-off after the answer is still a stall.
REASONS = {"price", "no_budget", "bad_timing", "happy_with_vendor", "risk_concern", "not_interested"}
# Put-offs that are said with a negation ('we can't do anything until the AGM').
NEGATIVE_BY_NATURE = {"bad_timing", "think_it_over", "call_back_later", "not_interested", "gatekeeper_putoff"}
# Probes strong enough to imply a stall was raised even when none was recognised.
STRONG_PROBES = {"reply-probe", "probe-questions", "discovery-answers"}
# 'Need to check with the OEM.': how a rep's note to self opens.
NOTE_OPENERS = {"need", "gotta", "must", "should", "remember", "note", "reminder", "todo"}
CALENDAR_WORDS = {"calendar", "date", "availability", "schedule", "diary"}
# How a relayed put-off is filed when a gatekeeper said it.
RELAYABLE = {"call_back_later", "send_info", "bad_timing", "not_interested", "think_it_over", "gatekeeper_putoff"}


@dataclass
class ExcusesVerdict:
    excuses: list[Excuse]
    evidence: list[tuple[Clause, Hit]]
    confident: bool = True
    unsure_reason: str | None = None


@dataclass
class _Stall:
    clause_index: int
    clause: Clause
    hit: Hit
    kind: str


def judge_excuses(clauses: list[Clause], firm_meeting_at: int | None) -> ExcusesVerdict:
    """`firm_meeting_at` is the sentence index of a firm follow-up (in person or remote), if any."""
    excuses, evidence, doubts = [], [], []
    answers = _answer_zones(clauses)
    for stall in _find_stalls(clauses):
        if stall.kind in REASONS and any(start <= stall.hit.start < end for start, end in answers):
            continue
        handled, response, doubt = _judge_one(clauses, stall, firm_meeting_at)
        if response is None and handled == "accepted" and any(e.handled != "accepted" for e in excuses):
            # No reply at all, after a stall the rep did handle: most often a passing phrase
            # ('year-end', 'check with'), not a second stall. Set aside, and say so.
            doubts.append(f"set aside '{stall.clause.doc[stall.hit.start:stall.hit.end].text}': "
                          "no reply to it, after a stall the rep handled")
            continue
        words = stall.clause.doc[stall.hit.start:stall.hit.end].text
        excuses.append(Excuse(kind=stall.kind, words=words, handled=handled))
        evidence.append((stall.clause, stall.hit))
        if response:
            evidence.append(response)
        if doubt:
            doubts.append(doubt)
    if not excuses:
        unseen = _probe_of_unseen_stall(clauses)
        if unseen:
            clause, hit = unseen
            excuses.append(Excuse(kind="unspecified", words=clause.sentence.text.strip(), handled="probed"))
            evidence.append(unseen)
            doubts.append("the rep probed a stall no family rule recognised")
        else:
            doubts += _unseen_stall_doubt(clauses)
    reason = "; ".join(dict.fromkeys(doubts)) or None
    return ExcusesVerdict(excuses, evidence, confident=reason is None, unsure_reason=reason)


# --- finding stalls -------------------------------------------------------

def _find_stalls(clauses: list[Clause]) -> list[_Stall]:
    """Stalls said by the prospect's side, one per kind and sentence, overlaps merged."""
    found: list[_Stall] = []
    seen = set()
    for index, clause in enumerate(clauses):
        if _rep_note(clause):
            continue
        hits = [h for h in clause.of(*STALL_LABELS) if not _negated_before(clause, h) and not _about_scheduling(clause, h)
                and not _done_already(clause, h)]
        hits += _send_info_frames(clause) + _budget_frames(clause)
        if clause.speaker == "rep" and not _after_prospect_lead_in(clauses, index):
            hits = [h for h in hits if _quoted_from_prospect(clause, h.start) or _said_by_other(clause.doc, h.start)]
        for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
            if any(overlaps(hit, s.hit) for s in found if s.clause is clause):
                continue
            kind = _kind(clause, hit)
            key = (kind, clause.sent_index)
            if key in seen:
                continue
            seen.add(key)
            found.append(_Stall(index, clause, hit, kind))
    return sorted(found, key=lambda s: s.hit.start)


SINGLE_QUOTES = {"'", "‘", "’"}
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


def _after_prospect_lead_in(clauses: list[Clause], index: int) -> bool:
    """'He told me right off, we've been with Harbor since we opened': a first person right after
    the prospect's own lead-in and a comma is the prospect's words, quoted without a speech verb."""
    if index == 0:
        return False
    clause, previous = clauses[index], clauses[index - 1]
    if previous.sent_index != clause.sent_index or previous.speaker != "prospect":
        return False
    doc = clause.doc
    said = any(t.lemma_ in SAYING for t in doc[previous.start:previous.end])
    return said and not clause.of("SPEECH")  # 'she said ... I should try again next month'



def _quoted_from_prospect(clause: Clause, index: int) -> bool:
    """"she said, 'We're locked in with GreenScape'": a first person inside single quotes
    opened after someone else's speech verb is the prospect talking."""
    doc = clause.doc
    sent = clause.sentence
    for i in range(index - 1, sent.start, -1):
        if doc[i].text in SINGLE_QUOTES and doc[i - 1].text in (",", ":"):
            verb = doc[i - 2] if i >= 2 else None
            if verb is not None and verb.lemma_ in SAYING and not _rep_subject(verb):
                return True
            if verb is not None and verb.lower_ == "like" and i >= 3 and not _rep_subject(doc[i - 3]):
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
    if words[0].lower_ in NOTE_OPENERS and not any(c.dep_.startswith("nsubj") for c in words[0].children):
        return True  # 'Need to check with the OEM if Aman is free': the rep's to-do, whoever is in it
    if clause.speaker is not None or any(t.dep_.startswith("nsubj") for t in words):
        return False
    return words[0].pos_ in ("VERB", "AUX") and words[0].lower_ not in ("let", "please", "come", "call", "send")


def _done_already(clause: Clause, hit: Hit) -> bool:
    """'she emailed me the floor plan', 'he came back and said': done in the past, not asked for."""
    first = clause.doc[hit.start]
    return hit.rule.kind in ("send_info", "call_back_later") and first.tag_ in ("VBD", "VBN")


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
        verb = _governing_request(noun)
        if verb is not None and not any(c.dep_ == "neg" for c in verb.children):
            frames.append(Hit(SEND_INFO_FRAME, min(verb.i, hit.start), hit.end))
    return frames


BUDGET_FRAME = Rule(id="frame-no-budget", label="STALL", kind="no_budget", source="excuses.py", patterns=[],
                    description="The money is gone, found by the parse: the budget for new services is already spent")
BUDGET_NOUNS = {"budget", "money", "funds", "funding", "capital", "cash"}
BUDGET_GONE = {"spent", "frozen", "gone", "cut", "exhausted", "allocated", "finished", "tapped", "maxed", "committed",
               "tight", "done", "blown", "used", "slashed", "zeroed", "earmarked", "over"}


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
                token.lower_ == "of" and head.lemma_ in QUANTITY_NOUNS):
            return None
        if head.pos_ in ("VERB", "AUX"):
            by_rep = _rep_subject(head)
            if not by_rep and (head.lemma_ in REQUEST_VERBS or
                               (head.lemma_ in SEND_VERBS and head.tag_ not in ("VBD", "VBN"))):
                return head
            # 'he asked if I could send him references': the rep's send, the prospect's request
            if head.lemma_ not in PASS_THROUGH_VERBS and not (by_rep and head.lemma_ in SEND_VERBS):
                return None
        token = head
    return None


def _rep_subject(verb) -> bool:
    return any(c.dep_.startswith("nsubj") and c.lower_ in REP_WORDS for c in verb.children)


def _negated_before(clause: Clause, hit: Hit) -> bool:
    """'we're not locked into a contract': a negation just before the stall, no comma between."""
    doc = clause.doc
    if doc[hit.start].lower_ in ("not", "n't", "no", "never") or hit.rule.kind in NEGATIVE_BY_NATURE:
        return False
    for negation in clause.of("NEGATION"):
        if hit.start - 3 <= negation.start < hit.start and not any(t.is_punct for t in doc[negation.end:hit.start]):
            return True
    return False


def _about_scheduling(clause: Clause, hit: Hit) -> bool:
    """'She'll check her calendar and get back to me with a time': arranging, not stalling."""
    hits = clause.sentence_hits()
    pending = any(h.label == "PENDING" and overlaps(h, hit) for h in hits)
    if pending and any(h.label in ("DATE", "TIME", "MEETING", "AGREED") for h in hits):
        return True
    # 'call me Tuesday at 2': a call the prospect sets, with a day and a time, is a meeting.
    labels = {h.label for h in hits}
    if hit.rule.kind == "call_back_later" and "TIME" in labels and "DATE" in labels:
        return True
    # 'he'll ring her and come back to me with a date': a day being found, not a put-off.
    if hit.rule.kind in ("call_back_later", "think_it_over"):
        after = clause.doc[hit.end:min(hit.end + 6, clause.sentence.end)]
        before = clause.doc[clause.sentence.start:hit.start]
        return any(t.lemma_ in SCHEDULING_WORDS for t in after) or any(t.lemma_ in CALENDAR_WORDS for t in before)
    return False


def _answer_zones(clauses: list[Clause]) -> list[tuple[int, int]]:
    """Token ranges where the prospect answers a probe: after the rep's question to the end
    of the next sentence, and any sentence where the real reason comes out."""
    zones = []
    for clause in clauses:
        sent = clause.sentence
        if any(h.label == "DISCOVERY" for h in clause.hits):
            zones.append((sent.start, sent.end))
        if clause.speaker == "prospect":
            continue
        probes = [h for h in clause.of("PROBE") if not clause.negates(h)] + [h for h in [_rep_asks(clause, None)] if h]
        if probes:
            zones.append((min(h.end for h in probes), _answer_end(clause)))
    return zones


# --- judging one stall ----------------------------------------------------

def _judge_one(clauses: list[Clause], stall: _Stall, firm_meeting_at: int | None):
    """(handled, response evidence, doubt) for one stall: the rep's first decisive move,
    except that a redirect toward a meeting which is then set wins over sending something."""
    last_sentence = stall.clause.sent_index + WINDOW_SENTENCES
    window = [c for c in clauses[stall.clause_index:] if c.sent_index <= last_sentence]
    moves = [(kind, clause, hit) for clause in window for kind, hit in _responses(clause, stall)]
    meeting_follows = _meeting_follows(clauses, stall, firm_meeting_at)
    redirects = [(c, h) for kind, c, h in moves if kind == "redirect"]
    soft = None
    for kind, clause, hit in moves:
        if kind in ("probe", "discovery"):
            return "probed", (clause, hit), None
        if kind == "drop":  # 'I didn't push, we let that go': said outright, it decides
            return "accepted", (clause, hit), None
        if kind == "redirect":
            break
        if kind == "comply":
            if redirects and meeting_follows:  # 'I'll send it, but let's go through it together'
                break
            return "accepted", (clause, hit), None
        if kind == "soft" and soft is None:
            soft = (clause, hit)
    if redirects:
        if meeting_follows:
            return "converted", redirects[0], None
        return "accepted", redirects[0], "the rep proposed a meeting but none was firmly set"
    if meeting_follows and soft is None:
        return "converted", None, None
    if meeting_follows:
        return "accepted", soft, "the rep agreed to the stall, though a firm meeting follows"
    return "accepted", soft, None if soft else "no reply to the stall was found; accepted by default"


def _meeting_follows(clauses: list[Clause], stall: _Stall, firm_meeting_at: int | None) -> bool:
    """A firm meeting set after the stall: the follow-up verdict's, or a day and a time
    agreed in the next few sentences."""
    if firm_meeting_at is not None and firm_meeting_at >= stall.clause.sent_index:
        return True
    near = [c for c in clauses[stall.clause_index:] if c.sent_index <= stall.clause.sent_index + 3]
    for clause in near:
        labels = {h.label for h in clause.sentence_hits()}
        if {"DATE", "TIME"} <= labels and not clause.negated and not clause.hedged:
            return True
    return False


def _responses(clause: Clause, stall: _Stall):
    """The rep's moves in a clause after the stall, in order: (kind, hit)."""
    after = [h for h in clause.hits if h.start >= stall.hit.end or clause is not stall.clause]
    moves = []
    for hit in after:
        if hit.label == "DISCOVERY":
            moves.append(("discovery", hit))
    if clause.speaker != "prospect":
        for hit in after:
            if hit.label == "PROBE" and not clause.negates(hit) and not _asks_a_favour(clause.doc, hit):
                moves.append(("probe", hit))
            elif hit.label == "DROP" and not any(overlaps(hit, p) for p in clause.of("PROBE")):
                moves.append(("drop", hit))
            elif hit.label == "COMPLY" and not clause.negates(hit):
                moves.append(("comply", hit))
            elif hit.label == "REDIRECT":
                moves.append(("redirect", hit))
            elif hit.label == "ACCEPT":
                moves.append(("soft", hit))
        asked = _rep_asks(clause, stall)
        if asked is not None:
            moves.append(("probe", asked))
    return sorted(moves, key=lambda m: m[1].start)


FAVOUR_VERBS = {"give", "pass", "hand", "take", "forward", "leave", "put", "show", "drop", "mention"}


def _asks_a_favour(doc, hit: Hit) -> bool:
    """'I asked if she could give him the folder': asking for a favour, not what is behind the stall."""
    following = doc[hit.end:min(hit.end + 6, len(doc))]
    return (any(t.lower_ in ("if", "whether") for t in following[:2])
            and any(t.lemma_ in FAVOUR_VERBS for t in following))


PROBE_BY_STRUCTURE = Rule(id="probe-by-structure", label="PROBE", kind="probed", source="excuses.py", patterns=[],
                          description="The rep asks + a question about the prospect's side: I asked what specifically "
                                      "burned her, I asked who exactly in HQ")


def _rep_asks(clause: Clause, stall: _Stall | None) -> Hit | None:
    """'I asked (him) what/why/how/which/who ...' or 'I said, ... what would you want ...':
    a question about the prospect's side, not the rep's own offer ('let me see what I can do')."""
    doc = clause.doc
    if clause.speaker == "prospect":
        return None
    sent = clause.sentence
    for token in doc[clause.start:clause.end]:
        if stall is not None and token.i < stall.hit.end and clause is stall.clause:
            continue
        asking = token.lemma_ in ASK_VERBS and (_rep_subject(token) or clause.speaker == "rep")
        saying = token.lemma_ in ("say", "go", "tell") and _rep_subject(token)
        if not (asking or saying) or any(c.dep_ == "neg" for c in token.children):
            continue
        reach = 8 if asking else 20
        for follower in doc[token.i + 1:min(sent.end, token.i + reach)]:
            if follower.lower_ in QUESTION_WORDS and _about_prospect(doc, follower.i, sent.end):
                if saying and not asking and not _is_question(doc, follower.i, sent.end):
                    continue
                return Hit(PROBE_BY_STRUCTURE, token.i, follower.i + 1)
        if saying and sent[-1].text == "?" and not any(h.label == "REDIRECT" for h in clause.sentence_hits()):
            return Hit(PROBE_BY_STRUCTURE, token.i, token.i + 1)  # 'I said, is there anything specific?'
    return None


def _about_prospect(doc, index: int, end: int) -> bool:
    """'what I can do', 'how about I come in': the rep's own offer, not a question."""
    following = [t.lower_ for t in doc[index + 1:min(end, index + 3)]]
    if doc[index].lower_ == "how" and following[:1] == ["about"]:
        return False
    return not any(word in REP_WORDS for word in following)


def _is_question(doc, index: int, end: int) -> bool:
    """A direct question after 'I said': a '?' or an inverted auxiliary ('what would you...')."""
    rest = doc[index:end]
    return any(t.text == "?" for t in rest) or (len(rest) > 2 and rest[1].pos_ == "AUX")


def _answer_end(clause: Clause) -> int:
    """After a probe, the rest of that sentence and the next ANSWER_SENTENCES are the prospect's answer."""
    doc = clause.doc
    end = clause.sentence.end
    for _ in range(ANSWER_SENTENCES):
        if end < len(doc):
            end = doc[end].sent.end
    return end


def _probe_of_unseen_stall(clauses: list[Clause]):
    """'I asked her who exactly at corporate...', then 'it came out that...': the rep dug into a
    put-off the family rules did not catch. Only a probe phrase or a discovery, not a plain question."""
    for clause in clauses:
        if clause.speaker == "prospect":
            continue
        for hit in clause.of("PROBE", "DISCOVERY"):
            plain_ask = clause.doc[hit.start].lower_ in REP_WORDS  # 'I asked her': any question
            if plain_ask and _rep_asks(clause, None) is None:
                continue
            if hit.rule.id in STRONG_PROBES and not clause.negates(hit) and not clause.negated:
                return clause, hit
    return None


def _unseen_stall_doubt(clauses: list[Clause]) -> list[str]:
    """Nothing found, but the rep reports agreeing or probing: a stall may have been missed."""
    for clause in clauses:
        if clause.speaker != "prospect" and (clause.of("COMPLY", "DROP", "REDIRECT") or
                                             [h for h in clause.of("PROBE") if h.rule.id != "probe-by-structure"]):
            return ["no stall found, but the rep reports a reply to one"]
    return []
