"""Signs of chasing, pressure, and the healthy opposite (PRINCIPLES.md, habit 4).

- chasing: the prospect does not answer (calls not returned, no reply), or the
  rep makes contact only to "check in", again and again;
- pressure: the rep manufactures urgency ("the price goes up Friday");
- prospect_pursued: the prospect came to the rep (a referral, they called
  first, they asked to meet).

Each is `yes` when a rule of its label fires and no negation governs it
("I never had to chase him") and, for pressure and pursuit, is said by the
right side: pressure is the rep's, pursuit the prospect's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import Clause
from .patterns import Hit

SIGNALS = {  # column → (label, the speaker it cannot come from)
    "chasing": ("CHASING", None),
    "pressure": ("PRESSURE", "prospect"),
    "prospect_pursued": ("PURSUED", "rep"),
}


@dataclass
class SignalsVerdict:
    values: dict[str, str]
    evidence: dict[str, list[tuple[Clause, Hit]]] = field(default_factory=dict)


def judge_signals(clauses: list[Clause]) -> SignalsVerdict:
    evidence: dict[str, list[tuple[Clause, Hit]]] = {name: [] for name in SIGNALS}
    for clause in clauses:
        for name, (label, not_from) in SIGNALS.items():
            if not_from is None or clause.speaker != not_from:
                evidence[name] += [(clause, hit) for hit in clause.of(label) if not clause.negates(hit)]
    values = {name: "yes" if found else "no" for name, found in evidence.items()}
    return SignalsVerdict(values, evidence)
