"""Rules are data: JSONL pattern files, validated, loaded into one matcher (matching.py).

Each line is one rule: a stable kebab-case `id` (it is stored in
`evidence.rule_id`), a `label` (what the rule finds: DATE, STALL, ...), a
one-line `description`, one or more spaCy token `patterns`, and `examples`
that must and must not match (a test runs them all). Lexicons
(`lexicons/*.txt`) are rules too, written as plain phrases one per line and
matched by lemma, so one line covers every inflection ("cost more than they
figured" / "costs more than we figured"). Lemmas come from the trained
pipeline; on a blank pipeline (no model installed) only the JSONL rules on
LOWER/ORTH still fire, and the verdicts are weaker.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

PATTERN_FILES = ("qualifiers", "followup", "decision_maker", "excuses", "signals")
REQUIRED_KEYS = {"id", "label", "description", "patterns", "examples"}
LEXICON_HEADER_KEYS = {"id", "label", "description", "kind", "match", "no_match"}


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    description: str
    patterns: list
    source: str  # the file it came from, without extension
    kind: str | None = None  # for stalls: which kind
    split_at: int = 0  # for clause breaks: where in the match the new clause starts
    examples: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Hit:
    """A rule that fired on tokens [start, end) of a Doc."""

    rule: Rule
    start: int
    end: int

    @property
    def label(self) -> str:
        return self.rule.label


def _read(name: str) -> str:
    return resources.files("debrief.analyze").joinpath(f"patterns/{name}.jsonl").read_text()


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every rule from every pattern file and lexicon, checked for shape and unique ids."""
    rules, seen = [], set()
    for name in PATTERN_FILES:
        for number, line in enumerate(_read(name).splitlines(), start=1):
            if line.strip():
                rules.append(_parse_rule(line, f"{name}.jsonl:{number}", name))
    for name in lexicon_names():
        rules.append(parse_lexicon(_read_lexicon(name), f"lexicons/{name}.txt"))
    for rule in rules:
        if rule.id in seen:
            raise PatternError(f"{rule.source}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return tuple(rules)


def _parse_rule(line: str, where: str, source: str) -> Rule:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise PatternError(f"{where}: not valid JSON ({error})") from None
    missing = REQUIRED_KEYS - data.keys()
    if missing:
        raise PatternError(f"{where}: missing {', '.join(sorted(missing))}")
    if not data["patterns"] or not all(isinstance(p, list) and p for p in data["patterns"]):
        raise PatternError(f"{where}: 'patterns' must be a non-empty list of token patterns")
    return Rule(
        id=data["id"],
        label=data["label"],
        description=data["description"],
        patterns=data["patterns"],
        source=source,
        kind=data.get("kind"),
        split_at=data.get("split_at", 0),
        examples=data["examples"],
    )


def lexicon_names() -> list[str]:
    folder = resources.files("debrief.analyze").joinpath("lexicons")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


def _read_lexicon(name: str) -> str:
    return resources.files("debrief.analyze").joinpath(f"lexicons/{name}.txt").read_text()


def parse_lexicon(text: str, where: str) -> Rule:
    """A lexicon is one rule written as plain phrases, one per line, after a header:

        # id: stall-price
        # label: STALL
        # kind: price
        # description: The price is the objection
        # match: She said it costs more than they figured.
        # no_match: The price list is on the wall.
        more than (we|they) figured
        too expensive

    Each word matches by lemma, so "cost" covers "costs" and "costed"; `a|b`
    is either word, `word?` may be absent, `*` is any one word, `NUM` is any
    number in words or digits, and `NAME` is any capitalised word ("happy with
    ADP"). `match`/`no_match` lines (any number) are the examples a test runs.
    """
    header: dict[str, list[str]] = {}
    patterns = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() in LEXICON_HEADER_KEYS and value.strip():
                header.setdefault(key.strip(), []).append(value.strip())
            continue
        if line:
            patterns.append(_phrase_pattern(line, f"{where}:{number}"))
    missing = {"id", "label", "description"} - header.keys()
    if missing or not patterns:
        raise PatternError(f"{where}: needs {', '.join(sorted(missing)) or 'at least one phrase'}")
    return Rule(
        id=header["id"][0], label=header["label"][0], description=header["description"][0],
        patterns=patterns, source=where, kind=header.get("kind", [None])[0],
        examples={"match": header.get("match", []), "no_match": header.get("no_match", [])},
    )


OBJECT_PRONOUN_LEMMA = {"me": "I", "us": "we", "them": "they", "him": "he", "her": "she"}


def _phrase_pattern(phrase: str, where: str) -> list[dict]:
    pattern = []
    for word in phrase.split():
        optional = word.endswith("?") and len(word) > 1
        word = (word[:-1] if optional else word).strip("()")  # "(we|they)" reads as "we|they"
        options = [w.lower() for w in word.split("|") if w]
        if word == "*":
            token: dict = {"IS_PUNCT": False}
        elif word == "NUM":
            token = {"LIKE_NUM": True}
        elif word == "NAME":
            token = {"IS_ALPHA": True, "IS_LOWER": False}  # no POS: the blank pipeline has no tagger
        elif not options:
            raise PatternError(f"{where}: empty word in {phrase!r}")
        elif all(w.isalpha() for w in options):
            # 'cost' also matches 'costs', 'costed'; the lemmatizer keeps "I" and
            # acronyms ("BOQ") in capitals, so those spellings are accepted too
            # 'me', 'us', 'them', 'him', 'her' are lemmatized to the subject form, which is accepted too
            options += [OBJECT_PRONOUN_LEMMA[w] for w in options if w in OBJECT_PRONOUN_LEMMA]
            # a spelling written in the lexicon with inner capitals ("WhatsApp") is kept as written too
            written = [w for w in word.split("|") if w and w != w.lower()]
            token = {"LEMMA": {"IN": sorted({v for w in options for v in (w, w.capitalize(), w.upper())} | set(written))}}
        else:
            # "n't", "'s", "2:30": as written; Whisper's "doesnt" splits into 'does' and 'nt'
            options += ["nt"] if "n't" in options else []
            token = {"LOWER": {"IN": options}}
        if optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


def patterns_version() -> str:
    """A short hash of the pattern, lexicon and weight files: stored with each debrief to tell
    rule sets apart (retrained weights change the verdicts as surely as a new pattern)."""
    digest = hashlib.sha256()
    for name in PATTERN_FILES:
        digest.update(_read(name).encode())
    for name in lexicon_names():
        digest.update(_read_lexicon(name).encode())
    for path in sorted((Path(__file__).parent / "weights").glob("*.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_matcher(vocab, rules=None, base_forms=None):
    """One matcher over all rules (matching.py); spaCy validates every token pattern on add.
    `base_forms` (word -> its possible lemmas) lets a lexicon word written plural or in the
    third person ('things', 'hates') match, since lexicons are matched on lemmas."""
    from .matching import RuleMatcher

    matcher = RuleMatcher(vocab)
    for rule in rules or load_rules():
        if base_forms is not None:
            rule = widened(rule, base_forms)
        try:
            matcher.add(rule)
        except ValueError as error:
            raise PatternError(f"{rule.source}.jsonl: rule {rule.id!r}: {error}") from None
    return matcher


def widened(rule: Rule, base_forms) -> Rule:
    """The rule with each lemma also matching the base forms of words written inflected; a
    one-word line is a thing or a title and stays as written ('pricing' is not 'price')."""
    return replace(rule, patterns=[[_widened(token, base_forms) for token in p] if len(p) > 1 else p
                                   for p in rule.patterns])


def _widened(token: dict, base_forms) -> dict:
    lemmas = token.get("LEMMA", {}).get("IN") if isinstance(token.get("LEMMA"), dict) else None
    if not lemmas:
        return token
    wider = set(lemmas) | {form for word in lemmas if word.islower() for form in base_forms(word)}
    return {**token, "LEMMA": {"IN": sorted(wider)}}


def lemma_forms(nlp):
    """Word -> the lemmas spaCy's rule lemmatizer could give it as a plural noun or a third-person
    verb, or None without a rule lemmatizer (the blank pipeline). Only words ending in -s are read
    ('timing' may be a noun, and 'tried it before' is not 'try it before'); short words ('us' -> 'u')
    and stop words are left out: they would widen a phrase by accident."""
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return None
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")
    stop = nlp.Defaults.stop_words

    @lru_cache(maxsize=None)
    def forms(word: str) -> frozenset[str]:
        if len(word) < 4 or not word.isalpha() or not word.endswith("s") or word.endswith("ss"):
            return frozenset()
        found = set()
        for pos in ("NOUN", "VERB"):
            token = Doc(nlp.vocab, words=[word])[0]
            token.pos_ = pos
            found.update(lemma.lower() for lemma in lemmatizer.rule_lemmatize(token))
        return frozenset(f for f in found if f != word and f not in stop)
    return forms


def find_hits(doc, matcher, rules_by_id: dict[str, Rule]) -> list[Hit]:
    """Matches as Hits, keeping the longest where one rule overlaps itself,
    and dropping whatever a BLOCK rule covers (e.g. 'at one point' is no time)."""
    longest: dict[str, list[Hit]] = {}
    for match_id, start, end in matcher(doc):
        rule = rules_by_id[doc.vocab.strings[match_id]]
        longest.setdefault(rule.id, []).append(Hit(rule, start, end))
    hits = [hit for group in longest.values() for hit in _drop_overlaps(group)]
    blocks = [h for h in hits if h.label == "BLOCK"]
    kept = [h for h in hits if h.label == "BLOCK" or not any(overlaps(h, b) for b in blocks)]
    return sorted(kept, key=lambda h: (h.start, -h.end))


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(overlaps(hit, k) for k in kept):
            kept.append(hit)
    return kept


def overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
