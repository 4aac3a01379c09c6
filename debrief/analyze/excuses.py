"""Which stalls did the prospect raise, and did the rep accept them? (habit 3)

Stalls come in families (think_it_over, send_info, price, no_budget,
bad_timing, call_back_later, consult_someone, happy_with_vendor,
risk_concern, not_interested, gatekeeper_putoff), each with its own lexicon
(`lexicons/stall-*.txt`, label STALL_PHRASE, read only here) besides the
older token patterns (`patterns/excuses.jsonl`, label STALL, which the
follow-up verdict also reads), plus two parse frames (stalls.py).

Which stalls were raised, and by whose voice, is read in stalls.py; this
module judges each one.

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
from .clauses import QUESTION_OPENERS, QUOTES, SINGLE_QUOTES, Clause
from .patterns import Hit, Rule, overlaps
from .stalls import REP_WORDS, Stall, after_rather_than, find_stalls, rep_subject

WINDOW_SENTENCES = 2
DEFAULT_ACCEPTANCE = "no reply to the stall was found; accepted by default"
ANSWER_SENTENCES = 2
QUESTION_WORDS = {"what", "why", "how", "which", "who", "whom", "whose", "where"}
ASK_VERBS = {"ask", "question", "quiz", "press", "probe", "challenge", "wonder"}
# What a prospect says in answer to a probe is a reason, not a new stall; a request
# ('send me references') or a put-off after the answer is still a stall.
REASONS = {"price", "no_budget", "bad_timing", "happy_with_vendor", "risk_concern", "not_interested"}
# Probes strong enough to imply a stall was raised even when none was recognised.
STRONG_PROBES = {"reply-probe", "probe-questions", "discovery-answers"}


@dataclass
class ExcusesVerdict:
    excuses: list[Excuse]
    evidence: list[tuple[Clause, Hit]]
    confident: bool = True
    unsure_reason: str | None = None


def judge_excuses(clauses: list[Clause], firm_meeting_at: int | None) -> ExcusesVerdict:
    """`firm_meeting_at` is the sentence index of a firm follow-up (in person or remote), if any."""
    excuses, evidence, doubts = [], [], []
    unanswered: list[Excuse] = []  # accepted only because nothing answered them
    answers = _answer_zones(clauses)
    for stall in find_stalls(clauses):
        if stall.kind in REASONS and any(start <= stall.hit.start < end and (not request or _arranging(stall))
                                         for start, end, request in answers):
            continue
        if _said_again(stall, excuses):
            continue  # 'I asked what's really holding it up ... but he still wants to meet after harvest'
        handled, response, doubt = _judge_one(clauses, stall, firm_meeting_at)
        if response is None and handled == "accepted" and any(e.handled != "accepted" for e in excuses):
            # No reply at all, after a stall the rep did handle: most often a passing phrase
            # ('year-end', 'check with'), not a second stall. Set aside, and say so.
            doubts.append(f"set aside '{stall.clause.doc[stall.hit.start:stall.hit.end].text}': "
                          "no reply to it, after a stall the rep handled")
            continue
        if handled != "accepted":
            _drop_said_before(stall.kind, excuses, evidence, unanswered)
        words = stall.clause.doc[stall.hit.start:stall.hit.end].text
        excuses.append(Excuse(kind=stall.kind, words=words, handled=handled))
        if response is None and handled == "accepted":
            unanswered.append(excuses[-1])
        evidence.append((stall.clause, stall.hit))
        if response:
            evidence.append(response)
        if doubt and not (response is None and handled == "accepted"):
            doubts.append(doubt)
    # the doubt of a stall accepted by default stays only while that stall does
    doubts += [DEFAULT_ACCEPTANCE for _ in unanswered[:1]]
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


def _drop_said_before(kind: str, excuses: list[Excuse], evidence: list, unanswered: list[Excuse]) -> None:
    """A blog's headline or a note's summary line says the stall first ('"We don't have the
    budget." Five words I used to hear as a full stop.'), and the account tells it again with
    the rep's reply: one stall, handled as told the second time."""
    for excuse in [e for e in unanswered if e.kind == kind]:
        at = next(i for i, e in enumerate(excuses) if e is excuse)
        stall_evidence = [i for i, (clause, hit) in enumerate(evidence)
                          if clause.doc[hit.start:hit.end].text == excuse.words]
        del excuses[at]
        if stall_evidence:
            del evidence[stall_evidence[0]]
        unanswered.remove(excuse)


def _said_again(stall: Stall, excuses: list[Excuse]) -> bool:
    """The same stall, said again ('still', 'again') after the rep already handled it once."""
    said_before = any(e.kind == stall.kind and e.handled != "accepted" for e in excuses)
    return said_before and any(t.lower_ in ("still", "again") for t in stall.clause.sentence)


def _answer_zones(clauses: list[Clause]) -> list[tuple[int, int]]:
    """Token ranges where the prospect answers a probe: after the rep's question to the end
    of the next sentence, and any sentence where the real reason comes out."""
    zones = []
    for clause in clauses:
        sent = clause.sentence
        stalls = [h for h in clause.hits if h.label.startswith("STALL")]
        # ('not really the moment' is a stall, though 'not really the money' would be a discovery)
        if any(h.label == "DISCOVERY" and not any(s.start <= h.start < s.end for s in stalls) for h in clause.hits):
            zones.append((sent.start, sent.end, False))
        asked = [h for h in [_rep_asks(clause, None)] if h]  # a question put straight counts in any clause
        probes = asked if clause.speaker == "prospect" else \
            [h for h in clause.of("PROBE") if not clause.negates(h)] + asked
        # 'I asked about getting in front of them', 'asked if we could meet': a request for a
        # meeting, whose put-off in answer is a stall, not the reason behind one
        if probes:
            asks_to_meet = any(h.label == "MEETING" and h.start >= min(p.start for p in probes) for h in clause.hits)
            zones.append((min(h.end for h in probes), _answer_end(clause), asks_to_meet))
    return zones


def _arranging(stall: Stall) -> bool:
    """'she'd see if she can get me on the agenda, probably next month': the answer to a request
    to meet arranges the meeting; its 'next month' is when, not a put-off."""
    return any(h.label in ("MEETING", "PENDING", "AGREED") and not overlaps(h, stall.hit) for h in stall.clause.hits)


# --- judging one stall ----------------------------------------------------

def _judge_one(clauses: list[Clause], stall: Stall, firm_meeting_at: int | None):
    """(handled, response evidence, doubt) for one stall: the rep's first decisive move,
    except that a redirect toward a meeting which is then set wins over sending something."""
    last_sentence = _window_end(clauses, stall)
    window = [c for c in clauses[stall.clause_index:] if c.sent_index <= last_sentence]
    moves = [(kind, clause, hit) for clause in window for kind, hit in _responses(clause, stall)]
    # 'rather than leave it at that', 'instead of just firing off a list': what the rep did not do
    moves = [(kind, clause, hit) for kind, clause, hit in moves
             if kind not in ("comply", "drop", "soft") or not after_rather_than(clause.doc, hit.start, 4)]
    # 'Rather than nod along I asked what happens ...', 'Instead of packing up I asked what happy
    # looks like': instead of accepting, a question; it outweighs a yes said before it
    instead = [(c, h) for k, c, h in moves if k == "probe" and _asks_why_or_what(c.doc, h) and
               any(k2 == "redirect" and c2.sent_index == c.sent_index and h2.start < h.start and
                   c2.doc[h2.start].lower_ in ("rather", "instead") for k2, c2, h2 in moves)]
    if instead:
        after = [m for m in moves if m[2].start > instead[0][1].start]
        if not _left_unanswered(after):
            return "probed", instead[0], None
        moves = [m for m in moves if not (m[0] == "redirect" and m[1].doc[m[2].start].lower_ in ("rather", "instead"))]
    meeting_follows = _meeting_follows(clauses, stall, firm_meeting_at)
    redirects = [(c, h) for kind, c, h in moves if kind == "redirect"]
    soft = unanswered = None
    for index, (kind, clause, hit) in enumerate(moves):
        if kind == "probe" and _left_unanswered(moves[index + 1:]):
            continue  # 'I asked why; she'd rather not say': a probe that learned nothing found no reason
        if kind == "unanswered":
            unanswered = unanswered or (clause, hit)
            continue
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
    if soft is None and unanswered is not None:
        return "accepted", unanswered, None  # asked, learned nothing, and left it there
    return "accepted", soft, None if soft else DEFAULT_ACCEPTANCE


def _left_unanswered(later_moves) -> bool:
    """The prospect's answer to a probe told the rep nothing ('she'd rather not say', 'he
    shrugged'), before any real reason came out."""
    for kind, _, _ in later_moves:
        if kind == "discovery":
            return False
        if kind == "unanswered":
            return True
    return False


def _window_end(clauses: list[Clause], stall: Stall) -> int:
    """The last sentence of the rep's reply: two sentences after the stall's, not counting
    fragments the parser split off ("And I said," / "yeah, I understand, ...")."""
    sentences = {c.sent_index: c.sentence for c in clauses[stall.clause_index:]}
    counted, last = 0, stall.clause.sent_index
    for index in sorted(i for i in sentences if i > stall.clause.sent_index):
        last = index
        if sum(t.is_alpha for t in sentences[index]) >= 4 and not _what_the_rep_once_did(sentences[index]):
            counted += 1
        if counted == WINDOW_SENTENCES:
            break
    return last


def _what_the_rep_once_did(sentence) -> bool:
    """'Before I would just say thank you and go', 'Years ago I'd have handed him a brochure':
    a written account looking back at the rep's old habit, before telling today's reply."""
    words = [t.lower_ for t in sentence]
    pairs = set(zip(words, words[1:]))
    return bool(pairs & {("would", "just"), ("would", "have"), ("'d", "have"), ("used", "to"), ("old", "me")}) and \
        any(w in ("i", "i'd") for w in words)


def _meeting_follows(clauses: list[Clause], stall: Stall, firm_meeting_at: int | None) -> bool:
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


def _responses(clause: Clause, stall: Stall):
    """The rep's moves in a clause after the stall, in order: (kind, hit)."""
    after = [h for h in clause.hits if h.start >= stall.hit.end or clause is not stall.clause]
    moves = []
    for hit in after:
        if hit.label == "DISCOVERY":
            moves.append(("discovery", hit))
        elif hit.label == "NO_ANSWER":  # its own "not" (rather not say) is the point
            moves.append(("unanswered", hit))
    if clause.speaker != "prospect":
        for hit in after:
            if hit.label == "PROBE" and not clause.negates(hit) and not _asks_a_favour(clause.doc, hit) \
                    and not _only_wished(clause.doc, hit) and not _a_saying(clause.doc, hit) \
                    and not _still_unknown(clause.doc, hit) and not _relative_clause(clause.doc, hit):
                moves.append(("probe", hit))
            elif hit.label == "DROP" and not any(overlaps(hit, p) for p in clause.of("PROBE")) \
                    and not _as_a_habit(clause.doc, hit) and not _drop_denied(clause, hit):
                moves.append(("drop", hit))
            elif hit.label == "COMPLY" and not clause.negates(hit):
                moves.append(("comply", hit))
            elif hit.label == "REDIRECT":
                moves.append(("redirect", hit))
            elif hit.label == "ACCEPT" and not _turned(clause.doc, hit):
                moves.append(("soft", hit))
    asked = _rep_asks(clause, stall)
    if asked is not None:
        moves.append(("probe", asked))
    return sorted(moves, key=lambda m: m[1].start)


def _asks_why_or_what(doc, hit: Hit) -> bool:
    """'I asked what happy looks like', not 'I asked if I could walk her through it'."""
    following = [t.lower_ for t in doc[hit.end:min(hit.end + 3, len(doc))] if t.lower_ not in ("him", "her", "them")]
    return bool(following) and following[0] in QUESTION_OPENERS - {"if", "whether"}


def _turned(doc, hit: Hit) -> bool:
    """'Sure, but what if we put a time on it', 'totally, so let's plan it now': the agreement
    is only a courtesy before the rep turns the stall."""
    after = [t for t in doc[hit.end:min(hit.end + 4, len(doc))] if not t.is_punct]
    if not after:
        return False
    if after[0].lower_ in ("but", "though", "however"):
        return True
    sentence_end = doc[hit.start].sent.end
    # 'I said grand, what about the first week back', 'totally, nobody switches in December, so what if we ...'
    rest = [t.lower_ for t in doc[hit.end:min(hit.end + 12, sentence_end)]]
    if any(pair in TURNING for pair in zip(rest, rest[1:])):
        return True
    # 'I understand he's busy, but I only need twenty minutes'
    if doc[hit.start:hit.end].text.lower() in UNDERSTANDING and \
            any(t.lower_ == "but" for t in doc[hit.end:min(hit.end + 8, sentence_end)]):
        return True
    return after[0].lower_ == "so" and len(after) > 1 and after[1].lower_ in ("let", "let's", "why", "how", "what")


TURNING = {("what", "about"), ("how", "about"), ("what", "if"), ("why", "do"), ("why", "not"), ("let", "'s"),
           ("let", "us")}
UNDERSTANDING = {"i understand", "i hear you", "i get it", "i get that", "understood", "i appreciate that"}


def _drop_denied(clause: Clause, hit: Hit) -> bool:
    """'I didn't let that slide', 'wasn't going to drop it': a let-go said with a negation before it
    (one that starts with its own, 'I didn't push', is the let-go itself)."""
    first = clause.doc[hit.start].lower_
    return first not in ("did", "didn't", "n't", "not", "never", "no") and clause.negates(hit)


def _relative_clause(doc, hit: Hit) -> bool:
    """'the one fella who actually decides': 'who' of a relative clause asks nothing."""
    word = doc[hit.start]
    return word.lower_ in ("who", "which", "that", "whose") and word.head.dep_ == "relcl"


def _still_unknown(doc, hit: Hit) -> bool:
    """'I realized I don't know what "us" means, who else is involved': questions the rep
    never put, told as what the rep does not know."""
    sent = doc[hit.start].sent
    return any(t.lemma_.lower() in ("know", "ask", "find") and t.i < hit.start and
               any(c.dep_ == "neg" for c in t.children) and
               any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.children)
               for t in doc[sent.start:hit.start])


def _only_wished(doc, hit: Hit) -> bool:
    """'which I should've dug into', 'I could have asked': what the rep wishes they had done."""
    verb = next((t for t in doc[hit.start:hit.end] if t.pos_ == "VERB"), None)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    wished = {"should", "could", "would", "might", "shoulda", "coulda"}
    return bool(auxes & wished) and bool(auxes & {"have", "'ve", "of"})


def _as_a_habit(doc, hit: Hit) -> bool:
    """'normally I'd let that go, but I said ...': what the rep would usually do, not did."""
    verb = next((t for t in doc[hit.start:hit.end] if t.pos_ == "VERB"), None)
    if verb is None:
        return False
    children = {c.lower_ for c in verb.children}
    return bool(children & {"would", "'d"}) and bool(children & {"normally", "usually", "ordinarily", "typically"})


HAVING = {"get", "have", "give", "take", "like", "love", "do"}


def _a_saying(doc, hit: Hit) -> bool:
    """'you get what you pay for', 'dearer than what they pay Toyota': a 'what' that is not a question."""
    if doc[hit.start].lower_ not in ("what", "how"):
        return False
    verb = next((t for t in doc[hit.start:hit.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return verb.dep_ in ("pcomp", "relcl") or verb.dep_ == "ccomp" and verb.head.lemma_.lower() in HAVING


FAVOUR_VERBS = {"give", "pass", "hand", "take", "forward", "leave", "put", "show", "drop", "mention"}


CONVENIENT = {"best", "good", "free", "available", "convenient", "suit", "suits", "work", "works", "call", "ring",
              "come", "phone", "visit", "better"}


def _asks_a_favour(doc, hit: Hit) -> bool:
    """'I asked if she could give him the folder', 'I asked her to set a meeting', 'I asked when
    would be best': asking for a favour or a time, not what is behind the stall."""
    following = doc[hit.end:min(hit.end + 6, len(doc))]
    if doc[hit.end - 1].lower_ in ("her", "him", "them") and following and following[0].lower_ == "to" and \
            len(following) > 1 and following[1].pos_ in ("VERB", "AUX"):
        return True  # 'I asked her to help set a meeting': a request
    when = following and (following[0].lower_ == "when" or
                          [t.lower_ for t in following[:2]] in (["what", "time"], ["what", "day"]))
    if when and any(t.lower_ in CONVENIENT for t in following[1:]):
        return True  # 'I asked when would be best': a time to call ('asked when the budget opens' is a probe)
    return (any(t.lower_ in ("if", "whether") for t in following[:2])
            and any(t.lemma_ in FAVOUR_VERBS for t in following))


PROBE_BY_STRUCTURE = Rule(id="probe-by-structure", label="PROBE", kind="probed", source="excuses.py", patterns=[],
                          description="The rep asks + a question about the prospect's side: I asked what specifically "
                                      "burned her, I asked who exactly in HQ")


def _rep_asks(clause: Clause, stall: Stall | None) -> Hit | None:
    """'I asked (him) what/why/how/which/who ...' or 'I said, ... what would you want ...':
    a question about the prospect's side, not the rep's own offer ('let me see what I can do')."""
    doc = clause.doc
    sent = clause.sentence
    # a question put straight after the prospect's words is the rep's, whoever spoke last
    if clause.start <= sent.start + 1 and not (stall is not None and clause is stall.clause):
        asked = _question_put_straight(sent)
        if asked is not None:
            return asked
    if clause.speaker == "prospect":
        return None
    for token in doc[clause.start:clause.end]:
        if stall is not None and token.i < stall.hit.end and clause is stall.clause:
            continue
        asking = token.lemma_ in ASK_VERBS and (rep_subject(token) or clause.speaker == "rep" or _notes_style(token))
        saying = token.lemma_ in ("say", "go", "tell") and rep_subject(token)
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


def _question_put_straight(sent) -> Hit | None:
    """'What would you change about them, if you could?' or 'Why not, I asked.': a sentence that
    opens on a question word, put to the prospect ('you' and a '?') or tagged as the rep's asking,
    and said by nobody else ('What would you pay, she asked me' is hers)."""
    words = [t for t in sent if not t.is_punct]
    if not words or words[0].lower_ not in QUESTION_WORDS or any(t.text in QUOTES | SINGLE_QUOTES for t in sent):
        return None
    pause = next((t.i for t in sent if t.text in (",", "?")), sent.end)  # the tag comes after the question
    speakers = [c for t in sent if t.i > pause and t.lemma_ in ASK_VERBS | {"say"}
                for c in t.children if c.dep_ == "nsubj"]
    if any(c.lower_ not in ("i", "we") for c in speakers):
        return None
    tagged = bool(speakers)
    direct = sent[-1].text == "?" and any(t.lower_ in ("you", "your", "ya", "y'all") for t in sent)
    if (tagged or direct) and _about_prospect(sent.doc, words[0].i, sent.end):
        return Hit(PROBE_BY_STRUCTURE, words[0].i, words[0].i + 1)
    return None


def _notes_style(verb) -> bool:
    """'Asked what went wrong.': a note's sentence that opens on its verb, with no subject,
    is the rep's own doing."""
    return verb.i == verb.sent.start and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


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
