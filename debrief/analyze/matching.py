"""One matcher over all rules, fast: plain phrases go to spaCy's PhraseMatcher.

spaCy's Matcher tries every pattern at every token, so its cost grows with the
number of patterns (about 0.02 ms per pattern per memo here, 938 patterns). Most
lexicon lines are plain phrases once their alternatives are spelled out ("call
it|that off" is "call it off" and "call that off"): those are looked up by hash
in a PhraseMatcher, one per attribute (LOWER, LEMMA, ORTH), and only the rest
(operators, parts of speech, regexes, large alternations) stay in the Matcher.
The matches are the same (tests/test_patterns.py compares them on the samples);
the Matcher still validates every pattern it keeps.
"""

from __future__ import annotations

import itertools
import math

PHRASE_ATTRS = ("LOWER", "LEMMA", "ORTH")
# Spelling out alternatives multiplies phrases: above this a pattern stays in the Matcher,
# so that building the phrases stays quick (about 0.3 s for all rules).
MAX_PHRASES = 64


class RuleMatcher:
    """Called on a Doc like spaCy's Matcher: (match_id, start, end) for every match."""

    def __init__(self, vocab, validate: bool = True):
        from spacy.matcher import Matcher, PhraseMatcher

        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=validate)
        self.phrases = {attr: PhraseMatcher(vocab, attr=attr) for attr in PHRASE_ATTRS}

    def add(self, rule) -> None:
        """Add a rule's patterns; spaCy raises ValueError on a malformed one."""
        kept = []
        for pattern in rule.patterns:
            spelled = spell_out(pattern)
            if spelled is None:
                kept.append(pattern)
            else:
                attr, sequences = spelled
                self.phrases[attr].add(rule.id, [_phrase_doc(self.vocab, attr, words) for words in sequences])
        if kept:
            self.matcher.add(rule.id, kept)

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        found = set(self.matcher(doc))
        for attr, phrases in self.phrases.items():
            if len(phrases) and (attr != "LEMMA" or doc.has_annotation("LEMMA")):
                found.update(phrases(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def spell_out(pattern: list[dict]) -> tuple[str, list[list[str]]] | None:
    """(attribute, word sequences) when every token is one attribute's value, a set of
    them, or an optional one, with at most MAX_PHRASES sequences; else None."""
    attrs, choices = set(), []
    for token in pattern:
        operator = token.get("OP")
        keys = set(token) - {"OP"}
        if operator not in (None, "?") or len(keys) != 1:
            return None
        attr = keys.pop()
        value = token[attr]
        if attr not in PHRASE_ATTRS:
            return None
        if isinstance(value, dict):
            if set(value) != {"IN"}:
                return None
            values = list(value["IN"])
        elif isinstance(value, str):
            values = [value]
        else:
            return None
        choices.append(values + ([None] if operator == "?" else []))
        attrs.add(attr)
    if len(attrs) != 1 or math.prod(len(values) for values in choices) > MAX_PHRASES:
        return None
    sequences = [[w for w in combo if w is not None] for combo in itertools.product(*choices)]
    return attrs.pop(), [s for s in sequences if s]


def _phrase_doc(vocab, attr: str, words: list[str]):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, lemmas=words) if attr == "LEMMA" else Doc(vocab, words=words)
