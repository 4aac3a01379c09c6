"""A second opinion on two verdicts, weighed over the whole memo.

The rules read sentence by sentence, and a memo can say who decides, or how a
stall was met, in a way no rule foresaw. So for `decision_maker_met` and
`excuses_accepted` a linear model (multinomial logistic regression) weighs the
rules' own findings (their verdict, how they reached it, which patterns fired)
together with the memo's words: lemmas, lemma pairs, and who-does-what pairs
from the dependency parse ("sign>nsubj>she"). It gives every value a
probability, and its value is the verdict.

Why a model and not more rules: measured leaving one writer out at a time
(fit on the others, score the one left out; 935 memos, 17 writers), the rules
alone give 0.79 macro-F1 for the decision-maker and 0.86 for excuses, rules
and words weighed together 0.86 and 0.93.

The weights are data (`weights/<verdict>.json`), trained by
`python -m debrief.analyze.train` on the labeled corpus. Only features that at
least three independent writers used are kept, so one writer's turn of phrase
cannot become a rule. Scoring is a dot product in plain Python: deterministic,
offline, and cheap. The evidence is the sentence whose words weighed most for
the chosen value, named `weighed-<verdict>` with the model's probability; a
probability under CONFIDENT makes the verdict unsure.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_DIR = Path(__file__).parent / "weights"
WEIGHED_VERDICTS = ("decision_maker_met", "excuses_accepted")
# Dependencies that say who does what to whom: the pairs worth a feature.
FRAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "poss", "acomp", "xcomp"}
# Below this probability the weighed value is flagged for a manager. Chosen leaving one writer
# out at a time (scripts/train-weights --leave-one-writer-out): about the lowest threshold at which
# the verdicts not flagged were 95% right with at most a quarter flagged. On 1,340 memos from 26
# writers: decision-maker 20% flagged, 0.954 right; excuses 7% flagged, 0.963 right; checked again
# on 1,520 memos from 30 writers: about 18% flagged, 0.96 right; 8% flagged, 0.962 right.
CONFIDENT = {"decision_maker_met": 0.88, "excuses_accepted": 0.80}
# A weighing with less than an even chance does not overrule rules that are sure of themselves: on
# a memo unlike the corpus (one sentence typed in) the rules' reading is the safer one. Leaving one
# writer out (1,340 memos), raising this to 0.65 cost the decision-maker 0.01 macro-F1.
OVERRULE_AT = 0.5


@dataclass
class Weighing:
    verdict: str
    value: str
    probability: float
    probabilities: dict[str, float]
    sentence: int | None  # index into doc.sents of the sentence that weighed most, if any


@dataclass
class Weights:
    verdict: str
    classes: list[str]
    bias: list[float]
    weights: dict[str, list[float]]

    def weigh(self, features: dict[str, set[int]]) -> Weighing:
        scores = list(self.bias)
        for name in features:
            row = self.weights.get(name)
            if row:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        probabilities = {c: e / total for c, e in zip(self.classes, exp)}
        best = max(range(len(self.classes)), key=lambda k: scores[k])
        return Weighing(self.verdict, self.classes[best], probabilities[self.classes[best]], probabilities,
                        self._strongest_sentence(features, best))

    def _strongest_sentence(self, features: dict[str, set[int]], best: int) -> int | None:
        """The sentence whose features pull hardest toward the chosen value over the others."""
        pull: dict[int, float] = {}
        for name, sentences in features.items():
            row = self.weights.get(name)
            if not row or not sentences:
                continue
            margin = row[best] - sum(w for k, w in enumerate(row) if k != best) / (len(row) - 1)
            for s in sentences:
                pull[s] = pull.get(s, 0.0) + margin
        return max(pull, key=pull.get) if pull and max(pull.values()) > 0 else None


@cache
def load_weights(verdict: str) -> Weights | None:
    """None when no weights were trained for this verdict: the rules decide alone."""
    path = WEIGHTS_DIR / f"{verdict}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return Weights(data["verdict"], data["classes"], data["bias"], data["weights"])


def memo_features(doc, rule_findings: dict[str, list[str]]) -> dict[str, set[int]]:
    """Feature name → the sentences it occurs in (empty for a finding about the whole memo)."""
    features: dict[str, set[int]] = {name: set() for names in rule_findings.values() for name in names}
    for index, sent in enumerate(doc.sents):
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        lemmas = [t.lemma_.lower() for t in words]
        names = [f"w={lemma}" for lemma in lemmas]
        names += [f"b={a}_{b}" for a, b in zip(lemmas, lemmas[1:])]
        names += [f"d={t.lemma_.lower()}>{t.dep_}>{t.head.lemma_.lower()}" for t in words if t.dep_ in FRAME_DEPS]
        for name in names:
            features.setdefault(name, set()).add(index)
    return features


def decision_maker_findings(verdict) -> list[str]:
    """What the rules found about the decision-maker, as feature names."""
    basis = (verdict.basis or "").split(":")
    return [f"dm.rule={verdict.value}", f"dm.basis={':'.join(basis[:2])}",
            f"dm.unsure={bool(verdict.unsure_reason)}:{verdict.value}"] + \
        [f"dm.cast.{fact}" for fact in verdict.cast_shape]


def excuses_findings(verdict) -> list[str]:
    """What the rules found about stalls and their handling, as feature names."""
    excuses = verdict.excuses
    value = "none" if not excuses else "yes" if any(e.handled == "accepted" for e in excuses) else "no"
    names = [f"ex.rule={value}", f"ex.unsure={bool(verdict.unsure_reason)}:{value}"]
    for e in excuses:
        names += [f"ex.kind={e.kind}", f"ex.handled={e.handled}", f"ex.kind_handled={e.kind}:{e.handled}"]
    return names


def hit_findings(hits) -> list[str]:
    """Which rules fired anywhere in the memo, by id and by label."""
    return sorted({f"hit={h.rule.id}" for h in hits} | {f"label={h.label}" for h in hits})


def settle_decision_maker(verdict, weighing: Weighing):
    """The weighed value decides; the rules' reading stays as evidence and near miss."""
    if weighing.value == verdict.value:
        return _flag_if_close(verdict, weighing, None)
    if _rules_stand(verdict, weighing):
        return _flag_rules_standing(verdict, verdict.value, weighing)
    said = verdict.value
    verdict.value = weighing.value
    verdict.who = verdict.met_label if weighing.value == "yes" else None
    if weighing.value != "yes" and verdict.missing is None:
        verdict.missing = "who decides, said plainly" if weighing.value == "unclear" \
            else "the person met to be the one who decides"
    return _flag_if_close(verdict, weighing, said)


def settle_excuses(verdict, weighing: Weighing, sentence_text: str | None):
    """The weighed value decides; the list of stalls is changed as little as it takes to agree."""
    from ..records import Excuse

    excuses = verdict.excuses
    said = "none" if not excuses else "yes" if any(e.handled == "accepted" for e in excuses) else "no"
    if weighing.value == said:
        return _flag_if_close(verdict, weighing, None)
    if _rules_stand(verdict, weighing):
        return _flag_rules_standing(verdict, said, weighing)
    words = sentence_text or ""
    if weighing.value == "none":
        verdict.excuses = []
    elif weighing.value == "yes":
        open_ = [e for e in excuses if e.handled != "converted"] or excuses
        if open_:
            open_[-1].handled = "accepted"
        else:
            verdict.excuses = [Excuse("unspecified", words, "accepted")]
    else:
        for e in excuses:
            if e.handled == "accepted":
                e.handled = "probed"
        if not excuses:
            verdict.excuses = [Excuse("unspecified", words, "probed")]
    return _flag_if_close(verdict, weighing, said)


def _percent(weighing: Weighing) -> str:
    """Rounded down, so a probability just under its threshold never reads as the threshold."""
    return f"{math.floor(weighing.probability * 100)}%"


def _rules_stand(verdict, weighing: Weighing) -> bool:
    return verdict.unsure_reason is None and weighing.probability < OVERRULE_AT


def _flag_rules_standing(verdict, said: str, weighing: Weighing):
    verdict.confident = False
    verdict.unsure_reason = f"the rules say {said}; weighed over the whole memo, {_percent(weighing)} " \
                            f"for {weighing.value}"
    return verdict


def _flag_if_close(verdict, weighing: Weighing, rules_said: str | None):
    """Unsure when the weighing is close; say so, and what the rules alone said if they differ."""
    verdict.unsure_reason = None
    verdict.confident = weighing.probability >= CONFIDENT[weighing.verdict]
    if not verdict.confident:
        close = f"weighed over the whole memo, only {_percent(weighing)} for {weighing.value}"
        verdict.unsure_reason = close + (f" (the rules alone said {rules_said})" if rules_said else "")
    return verdict
