"""Rules are data: JSONL pattern files, validated, loaded into one spaCy Matcher.

Each line is one rule: a stable kebab-case `id` (it is stored in
`evidence.rule_id`), a `label` (what the rule finds: DATE, STALL, ...), a
one-line `description`, one or more spaCy token `patterns`, and `examples`
that must and must not match (a test runs them all). Rules use only token
attributes a blank English pipeline has (LOWER, ORTH, SHAPE, LIKE_NUM), so
the verdicts work with and without the trained spaCy model.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

PATTERN_FILES = ("qualifiers", "followup", "decision_maker", "excuses", "signals")
REQUIRED_KEYS = {"id", "label", "description", "patterns", "examples"}


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
    """Every rule from every pattern file, checked for shape and unique ids."""
    rules, seen = [], set()
    for name in PATTERN_FILES:
        for number, line in enumerate(_read(name).splitlines(), start=1):
            if not line.strip():
                continue
            rule = _parse_rule(line, f"{name}.jsonl:{number}", name)
            if rule.id in seen:
                raise PatternError(f"{name}.jsonl:{number}: duplicate rule id {rule.id!r}")
            seen.add(rule.id)
            rules.append(rule)
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


def patterns_version() -> str:
    """A short hash of the pattern files: stored with each debrief to tell rule sets apart."""
    digest = hashlib.sha256()
    for name in PATTERN_FILES:
        digest.update(_read(name).encode())
    return digest.hexdigest()[:12]


def build_matcher(vocab, rules=None):
    """One Matcher over all rules; spaCy validates every token pattern on add."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for rule in rules or load_rules():
        try:
            matcher.add(rule.id, rule.patterns)
        except ValueError as error:
            raise PatternError(f"{rule.source}.jsonl: rule {rule.id!r}: {error}") from None
    return matcher


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
