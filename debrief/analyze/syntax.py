"""Small readings of the dependency parse that several of the cast's modules share:
a token's word, the root of a span, the verb of a phrase, whether a verb is negated.

They are kept here, below names.py, meetings.py and authority.py, so that those
modules can share them without importing one another.
"""

from __future__ import annotations

from .patterns import Hit


def word_of(token) -> str:
    return token.lemma_.lower() if token.pos_ == "VERB" else token.lower_


def span_root(span):
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[-1]


def anchor_of(doc, hit: Hit):
    """The verb of a phrase ('signs' in 'signs off'), else its head word."""
    span = doc[hit.start:hit.end]
    if span[0].pos_ == "DET":  # 'the say-so', 'the final word': the phrase, wherever it sits
        return span_root(span)
    for token in span:
        if token.pos_ == "VERB" and token.lower_ not in ("has", "have", "'s"):
            return token
    for token in span:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return span_root(span)


def is_negated(verb) -> bool:
    if any((c.dep_ == "neg" and not _contrasts(c)) or c.lower_ in ("neither", "never") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.head.lemma_ == "be" and verb.lemma_ != "be":
        return False  # "the boss wasn't there, met the accountant": the "not" stays with "was"
    if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False  # "didn't get to see Dr. Hale, and it's his practice": a clause of its own
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.pos_ == "ADJ":
        return is_negated(verb.head.head)  # "she won't be able to see anybody": the "not" is on the "be"
    return verb.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" and not _contrasts(c) for c in verb.head.children)


def _contrasts(neg) -> bool:
    """'They sign off on it, not her', 'Tuesday, not Monday': the "not" sets another
    one aside; the verb itself stands."""
    doc = neg.doc
    before = doc[neg.i - 1] if neg.i else None
    after = doc[neg.i + 1] if neg.i + 1 < len(doc) else None
    if neg.i < neg.head.i or before is None or after is None:
        return False
    # 'it's the committee that decides not him': Whisper drops the comma before a pronoun set aside
    if after.lower_ in ("him", "her", "them", "me", "us") or after.lower_ in ("with", "by") and before.text == ",":
        return True
    return before.text == "," and after.pos_ in ("PRON", "PROPN", "NOUN", "DET", "NUM")


BELIEF = {"think", "assume", "figure", "believe", "suppose", "reckon"}


def believed_before(token) -> bool:
    """'I thought he was the owner', 'I was thinking the fella I met was Salvatore': what the
    rep believed, told in the past, is what the memo goes on to take back."""
    for verb in token.ancestors:
        if verb.lemma_.lower() in BELIEF and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children):
            return verb.tag_ == "VBD" or verb.tag_ == "VBG" and any(c.lower_ in ("was", "were") for c in verb.children)
    return False


MAYBE = {"maybe", "perhaps", "possibly", "mebbe", "probably"}
UNKNOWING = {"know", "sure", "tell", "idea", "clue", "certain"}


def in_doubt(token) -> bool:
    """'Maybe it goes up to the ownership group', 'I think he's the one who decides, maybe',
    'I don't know if he's the one signing', 'could be him who signs': the rep guessing, said
    on the word or on any word it hangs from ('I think he owns it' alone is a belief, and stands)."""
    for word in [token, *token.ancestors]:
        if any(c.dep_ == "advmod" and c.lower_ in MAYBE and not _before_a_quantity(c) for c in word.children):
            return True
        if word.lemma_.lower() in UNKNOWING and any(c.dep_ == "neg" or c.lower_ in ("nuh", "no")
                                                    for c in word.children):
            return True
        if word.lemma_.lower() in UNKNOWING and word.dep_ == "acomp" and \
                any(c.dep_ == "neg" for c in word.head.children):
            return True  # "I'm honestly not sure if it's her call": the "not" on the "'m"
        if word.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ in ("could", "might") for c in word.children):
            return True  # "could be him who signs, could be the franchise people"
        if word.lemma_.lower() == "wonder":
            return True
        if word.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "aux" and c.lower_ in ("might", "may") for c in word.children):
            return True  # "I think he might own the place"
    return _or_else(token) or _belief_doubted(token)


HEDGED_BELIEF = {"think", "reckon", "believe", "guess", "figure", "suppose", "assume"}
DOUBT_OPENERS = {"not", "honestly", "but", "could", "might", "maybe", "or", "though", "do", "although"}


def _belief_doubted(token) -> bool:
    """'I think she owns the budget, not 100%', 'I reckon he's the owner but could be his
    brother-in-law's', 'I think she signs for furniture? Honestly I'm not sure': the rep's own
    belief, doubted in the same breath or the next short one."""
    sent = token.sent
    believes = any(w.lemma_.lower() in HEDGED_BELIEF and w.tag_ in ("VBP", "VB") and _said_under(token, w)
                   and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in w.children) for w in sent)
    if not believes:
        return False
    if _doubt_cue(sent):
        return True
    after = token.doc[sent.end:sent.end + 8]
    return len(after) > 0 and after[0].lower_ in DOUBT_OPENERS and _doubt_cue(after)


def _said_under(token, belief) -> bool:
    """The token is what the belief is about: a few clauses below it ('I think he is the one
    who approves'), not a clause Whisper's run-on hung beneath it ('she is the owner ... we
    did not fix anything, I think we are late'), or the belief is tagged on ('..., I think')."""
    if belief.head == token and belief.dep_ == "parataxis":
        return True
    node = token
    for _ in range(3):
        if node.dep_ in ("advcl", "ROOT") or node.head == node:
            return False
        node = node.head
        if node == belief:
            return True
    return False


def _doubt_cue(span) -> bool:
    """'not 100%', 'not sure', 'could be', 'maybe', a '?', 'don't quote me': the rep doubting."""
    words = [t.lower_ for t in span]
    for i, word in enumerate(words):
        if word in ("sure", "certain", "100", "hundred", "positive") and \
                any(w in ("not", "n't", "nt") for w in words[max(0, i - 3):i]):
            return True
        if word == "?" or word in ("maybe", "perhaps", "possibly") or \
                word == "be" and i and words[i - 1] in ("could", "might", "may"):
            return True
        if word == "quote" and i and words[i - 1] in ("n't", "not", "nt"):
            return True  # "don't quote me on that"
    return False


def _or_else(verb) -> bool:
    """'Pretty sure she owns it, or she manages it, one or the other': the verb itself is one of
    two things the rep offers, each with its own subject ('give or take' is not)."""
    other = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
             and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    return verb.pos_ in ("VERB", "AUX") and bool(other) and \
        any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)


def _before_a_quantity(maybe) -> bool:
    """'she's got maybe ten days of stock', 'maybe a couple of weeks': the amount is the guess."""
    after = maybe.doc[maybe.i + 1] if maybe.i + 1 < len(maybe.doc) else None
    return after is not None and (after.like_num or after.lower_ in ("a", "an", "half", "another", "few"))
