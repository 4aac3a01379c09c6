"""Scores for the benchmark and the tests: word error rate, per-value precision/recall, macro-F1."""

from __future__ import annotations

import re


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level Levenshtein distance over the reference length, on normalised words."""
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i]
        for j, h in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(len(ref), 1)


def normalise_words(text: str) -> list[str]:
    text = text.lower().replace("mr.", "mister").replace("-", " ")
    return re.sub(r"[^a-z0-9' ]", " ", text).split()


def per_value_scores(expected: list[str], predicted: list[str]) -> dict[str, dict]:
    """Precision, recall and F1 for every value seen in either list."""
    scores = {}
    for value in sorted(set(expected) | set(predicted)):
        tp = sum(e == value and p == value for e, p in zip(expected, predicted))
        fp = sum(e != value and p == value for e, p in zip(expected, predicted))
        fn = sum(e == value and p != value for e, p in zip(expected, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[value] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return scores


def macro_f1(expected: list[str], predicted: list[str]) -> float:
    scores = per_value_scores(expected, predicted)
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0
