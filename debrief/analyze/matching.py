"""One matcher over all rules, fast: plain phrases go to spaCy's PhraseMatcher.

spaCy's Matcher tries every pattern at every token, so its cost grows with the
number of patterns (about 0.02 ms per pattern per memo here, 938 patterns). Most
lexicon lines are plain phrases once their alternatives are spelled out ("call
it|that off" is "call it off" and "call that off"): those are looked up by hash
in a PhraseMatcher, one per attribute (LOWER, LEMMA, ORTH), and only the rest
(operators, parts of speech, regexes, large alternations) stay in the Matcher.
The matches are the same (tests/test_patterns.py compares them on the samples);
the Matcher still validates every pattern it keeps.

Most of the patterns left cannot match without one word: a token they require is a
lemma or spelling from a short list ("think", "budget", "decide|sign"). Those are
split into small Matchers keyed by that list, and a Matcher runs only where its words
are: on the tokens around each one, as far as its longest pattern reaches (a pattern
with no "*" or "+" is at most as long as its tokens, so no match is lost), or on the
whole doc for the few that can stretch. The rest, anchored on nothing, run on every
doc. A ten-minute memo then costs the matcher little more than its words.
"""

from __future__ import annotations

import itertools
import math

PHRASE_ATTRS = ("LOWER", "LEMMA", "ORTH")
# The Token attribute each anchoring pattern attribute compares ("TEXT" is "ORTH").
ANCHOR_ATTRS = {"LOWER": "lower_", "LEMMA": "lemma_", "ORTH": "text", "TEXT": "text"}
# Spelling out alternatives multiplies phrases: above this a pattern stays in the Matcher,
# so that building the phrases stays quick (about 0.3 s for all rules).
MAX_PHRASES = 64


class RuleMatcher:
    """Called on a Doc like spaCy's Matcher: (match_id, start, end) for every match."""

    def __init__(self, vocab, validate: bool = True):
        from spacy.matcher import Matcher, PhraseMatcher

        self.vocab = vocab
        self.validate = validate
        self.matcher = Matcher(vocab, validate=validate)  # patterns with no anchor
        self.anchored: dict[tuple[str, frozenset], Matcher] = {}  # (attribute, words) -> their patterns
        self.reach: dict[tuple[str, frozenset], int | None] = {}  # the longest of them, None if unbounded
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
        for pattern in kept:
            key = anchor(pattern)
            self._matcher_for(key).add(rule.id, [pattern])
            if key is not None:
                reach = self.reach.get(key, 0)
                self.reach[key] = None if reach is None or _unbounded(pattern) else max(reach, len(pattern))

    def _matcher_for(self, key):
        from spacy.matcher import Matcher

        if key is None:
            return self.matcher
        if key not in self.anchored:
            self.anchored[key] = Matcher(self.vocab, validate=self.validate)
        return self.anchored[key]

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        found = set(self.matcher(doc)) if len(self.matcher) else set()
        where = {attr: {} for attr in ANCHOR_ATTRS}  # attribute -> word -> the tokens that hold it
        for token in doc:
            for attr, name in ANCHOR_ATTRS.items():
                where[attr].setdefault(getattr(token, name), []).append(token.i)
        for key, matcher in self.anchored.items():
            attr, words = key
            at = sorted(i for word in words for i in where[attr].get(word, ()))
            if not at:
                continue
            for start, end in _windows(at, self.reach[key], len(doc)):
                found.update((match_id, s + start, e + start) for match_id, s, e in matcher(doc[start:end]))
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


def _unbounded(pattern: list[dict]) -> bool:
    return any(token.get("OP") in ("*", "+") or str(token.get("OP", "")).startswith("{") for token in pattern)


def _windows(at: list[int], reach: int | None, length: int) -> list[tuple[int, int]]:
    """Token ranges that hold every match touching the tokens `at`: `reach` tokens either
    side of each (merged where they meet), or the whole doc when the reach is unbounded."""
    if reach is None:
        return [(0, length)]
    windows: list[tuple[int, int]] = []
    for i in at:
        start, end = max(0, i - reach + 1), min(length, i + reach)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def anchor(pattern: list[dict]) -> tuple[str, frozenset] | None:
    """(attribute, words): a token the pattern requires must be one of these words, so a doc
    without any of them cannot match. The shortest such list of content words; None when no
    token is required that way, or only stop words and punctuation, which nearly every doc
    holds (those patterns go to the Matcher that runs on every doc: a call costs ~0.1 ms)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    candidates = []
    for token in pattern:
        if token.get("OP") not in (None, "+"):
            continue
        for attr in ANCHOR_ATTRS:
            words = _plain_values(token.get(attr))
            if words:
                common = any(w.lower() in STOP_WORDS or not w.isalpha() for w in words)
                if not common:
                    candidates.append((len(words), attr, words))
    if not candidates:
        return None
    _, attr, words = min(candidates, key=lambda c: c[0])
    return ("ORTH" if attr == "TEXT" else attr), words


def _plain_values(value) -> frozenset | None:
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


def _phrase_doc(vocab, attr: str, words: list[str]):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, lemmas=words) if attr == "LEMMA" else Doc(vocab, words=words)
