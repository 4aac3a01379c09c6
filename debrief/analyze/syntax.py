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
    return _or_else(token)


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
