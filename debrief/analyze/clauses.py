"""A memo cut into clauses, each with who is speaking and how it is meant.

A memo is the rep's report of a conversation: "she said she'd think it over,
I said no problem" holds two speakers, one stall and one reaction. Negation,
hedges and the past are judged per clause, so "we didn't book anything last
time, but this time we locked in Tuesday" keeps its second half.

Clauses break where a pattern of label CLAUSE_BREAK or CONTRAST fires
(data, not code). The speaker is the clause's subject: the dependency
parse's nsubj when the trained pipeline is there, else the first subject
pronoun the patterns found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import Hit

# Labels that qualify content rather than being content themselves.
QUALIFIERS = {"BLOCK", "NEGATION", "HEDGE", "PAST", "FUTURE", "CONTRAST", "CLAUSE_BREAK",
              "SUBJECT_REP", "SUBJECT_PROSPECT"}
NOT_A_SPEAKER = {"it", "that", "this", "there", "what", "which", "who", "nothing", "everything"}


@dataclass
class Clause:
    doc: object
    sent_index: int
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    speaker: str | None = None  # rep | prospect | None (not said)
    starts_contrast: bool = False  # begins with 'but', 'however', ...

    def has(self, *labels: str) -> bool:
        return any(h.label in labels for h in self.hits)

    def of(self, *labels: str) -> list[Hit]:
        return [h for h in self.hits if h.label in labels]

    @property
    def content(self) -> list[Hit]:
        """Hits that say something (a date, a stall), not how it is said."""
        return [h for h in self.hits if h.label not in QUALIFIERS]

    @property
    def negated(self) -> bool:
        """A negation that is not part of a longer phrase ('no problem', 'not interested')."""
        return any(
            not any(c.start <= n.start < c.end for c in self.content) for n in self.of("NEGATION")
        )

    @property
    def hedged(self) -> bool:
        return self.has("HEDGE")

    @property
    def past(self) -> bool:
        return self.has("PAST")

    @property
    def future(self) -> bool:
        return self.has("FUTURE")

    @property
    def sentence(self):
        return self.doc[self.start].sent

    @property
    def text(self) -> str:
        return self.doc[self.start:self.end].text


def split_clauses(doc, hits: list[Hit]) -> list[Clause]:
    """Cut every sentence at its clause breaks and give each clause its hits and speaker."""
    breaks = {h.start + h.rule.split_at: h.label for h in hits if h.label in ("CLAUSE_BREAK", "CONTRAST")}
    clauses: list[Clause] = []
    for sent_index, sent in enumerate(doc.sents):
        cuts = sorted({sent.start, *[i for i in breaks if sent.start < i < sent.end]})
        for start, end in zip(cuts, cuts[1:] + [sent.end]):
            clause = Clause(doc, sent_index, start, end, starts_contrast=breaks.get(start) == "CONTRAST")
            clause.hits = [h for h in hits if start <= h.start < end]
            clause.speaker = _speaker(clause)
            clauses.append(clause)
    _inherit_speakers(clauses)
    return clauses


def _speaker(clause: Clause) -> str | None:
    doc = clause.doc
    if doc.has_annotation("DEP"):
        for token in doc[clause.start:clause.end]:
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in NOT_A_SPEAKER:
                return _speaker_of_token(clause, token.i)
    subjects = clause.of("SUBJECT_REP", "SUBJECT_PROSPECT")
    if subjects:
        return "rep" if subjects[0].label == "SUBJECT_REP" else "prospect"
    return None


def _speaker_of_token(clause: Clause, index: int) -> str:
    for hit in clause.of("SUBJECT_REP", "SUBJECT_PROSPECT"):
        if hit.start <= index < hit.end:
            return "rep" if hit.label == "SUBJECT_REP" else "prospect"
    return "prospect"  # a name or a noun ("the owner", "Tom"): someone on their side


def _inherit_speakers(clauses: list[Clause]) -> None:
    """A clause with no subject of its own continues the previous clause's speaker."""
    for previous, clause in zip(clauses, clauses[1:]):
        if clause.speaker is None and previous.sent_index == clause.sent_index:
            clause.speaker = previous.speaker
