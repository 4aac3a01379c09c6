"""A signing limit against the deal's size: authority "up to" a sum is none for a deal said to
go past it ("he can sign until fifty thousand pesos, and the licence is more than four hundred",
"up to five grand on his own card, but the package is eighty"). authority.py asks this of each
authority predicate; a limit with no word of the deal's size leaves the authority standing.
"""

from __future__ import annotations

import re

from .when import NUMBERS

LIMITED = {"until", "till", "up", "upto", "below", "under", "max", "maximum"}
PAST = {"more", "over", "above", "beyond", "exceed", "exceeds", "exceeding", "bigger", "larger"}


def past_the_limit(verb) -> bool:
    """'He can sign until fifty thousand pesos, and the licence is more than four hundred', 'up to
    five grand on his own card, but the package is eighty', 'up to a point, but a laundry system is
    well beyond that': authority up to a sum the deal goes past is none for this deal ('signs
    contracts up to fifty lakhs' with no word of the deal's size still decides)."""
    doc = verb.doc
    limit = next((t for t in verb.subtree if t.lower_ in LIMITED and verb in list(t.ancestors)[:3]
                  and (t.lower_ != "up" or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to")), None)
    if limit is None:
        return False  # 'he owns Turcotte Plumbing up in Sudbury': a place, not a limit
    cap = _sum_said(doc[limit.i + 1:limit.i + 5])
    end = doc[verb.sent.end].sent.end if verb.sent.end < len(doc) else verb.sent.end
    for t in doc[max(t.i for t in limit.subtree) + 1:end]:
        if t.lemma_.lower() in PAST and _the_deal_is(t) and any(_a_sum(n) for n in doc[t.i:t.i + 5]):
            return True  # 'more than four hundred'
        if t.lemma_.lower() in PAST and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in POINTING and _is_said_of(t):
            return True  # 'a laundry system is well beyond that' (not 'above that goes to corporate')
        if not cap or not (t.like_num or t.text[:1].isdigit()) or not _the_deal_is(t):
            continue
        deal = _sum_said(doc[t.i:t.i + 3])
        if deal and _bigger(deal, cap):
            return True  # 'up to five grand ... the package is eighty'
    return False


POINTING = {"that", "it", "this", "his", "her", "their", "the"}
SCALES = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
          "million": 1e6, "m": 1e6, "mil": 1e6}


def _sum_said(tokens) -> tuple[float, float | None] | None:
    """(number, scale or None) of the first sum said: 'five grand' (5, 1000), '50K' (50, 1000),
    'eighty' (80, None), 'twenty thousand euro' (20, 1000)."""
    for i, t in enumerate(tokens):
        digits = re.match(r"^(\d+(?:\.\d+)?)(k|m)?$", t.lower_.replace(",", ""))
        value = float(digits.group(1)) if digits else None
        scale = SCALES.get(digits.group(2)) if digits and digits.group(2) else None
        if value is None:
            value = _spoken(t.lower_, tokens[i + 1].lower_ if i + 1 < len(tokens) else "")
            if value is None:
                continue
        later = [w.lower_ for w in tokens[i + 1:i + 3]]
        scale = scale or next((SCALES[w] for w in later if w in SCALES), None)
        return value, scale
    return None


TENS = {**NUMBERS, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken(word: str, after: str) -> float | None:
    """'eighty' 80, 'twenty five' 25, 'five hundred' 500: a sum said in words (clock words only
    go to fifty, when.py's NUMBERS)."""
    if word not in TENS or word in ("oh", "o", "zero"):
        return None
    value = float(TENS[word])
    if after == "hundred":
        return value * 100
    if value % 10 == 0 and value >= 20 and after in TENS and 0 < TENS[after] < 10:
        return value + TENS[after]
    return value


def _bigger(deal, cap) -> bool:
    """The deal's sum past the cap: by value when both scales are said, else by the numbers said
    ('up to five grand ... the package is eighty')."""
    (value, scale), (limit, limit_scale) = deal, cap
    if scale and limit_scale:
        return value * scale > limit * limit_scale
    return value > limit


def _is_said_of(token) -> bool:
    """'A laundry system is well beyond that': the thing bought is the subject of 'be'."""
    verb = next((v for v in [token] + list(token.ancestors)[:3] if v.lemma_ == "be"), None)
    return verb is not None and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _the_deal_is(token) -> bool:
    """'The licence is more than four hundred', 'the quote comes to over a million' (not
    'anything over fifty goes to the board', which restates the limit)."""
    for verb in [token] + list(token.ancestors)[:3]:
        if verb.lemma_.lower() in ("be", "cost", "come", "run", "total", "exceed", "go"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # 'our order is twelve lakhs', the parser losing 'order' to the conjunction, still says the deal
            return not any(c.lower_ in ("anything", "everything", "whatever", "any") for c in subjects)
    return False


def _a_sum(token) -> bool:
    return token.like_num or token.text[:1].isdigit() or token.tag_ == "$" or token.ent_type_ == "MONEY" or \
        token.lower_ in ("k", "lakh", "lakhs", "crore", "grand", "million", "thousand", "hundred")
