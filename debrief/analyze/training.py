"""Fitting the weighing's weights (weighing.py) from labeled memos.

Multinomial logistic regression with an L2 penalty, fitted by plain gradient
descent from zero for a fixed number of steps: the same memos give the same
weights, byte for byte, on the same machine. numpy is needed here only
(faster-whisper brings it); scoring a memo needs none.

Features are kept only when at least MIN_WRITERS different writers used them:
a word or a rule path that one writer leans on says something about that
writer, not about how reps talk.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .weighing import WEIGHTS_DIR, Weights

MIN_WRITERS = 3
L2 = 1.0  # the inverse strength C: larger trusts the corpus more
STEPS = 600
LEARNING_RATE = 0.5
KEEP_DECIMALS = 4


def fit(features: list[dict[str, set[int]]], labels: list[str], writers: list[str], verdict: str,
        l2: float = L2) -> Weights:
    import numpy as np

    vocabulary = _shared_features(features, writers)
    classes = sorted(set(labels))
    x = np.zeros((len(features), len(vocabulary) + 1), dtype=np.float32)
    x[:, -1] = 1.0  # the bias
    for row, names in enumerate(features):
        for name in names:
            column = vocabulary.get(name)
            if column is not None:
                x[row, column] = 1.0
    target = np.eye(len(classes), dtype=np.float32)[[classes.index(label) for label in labels]]
    w = np.zeros((x.shape[1], len(classes)), dtype=np.float32)
    for _ in range(STEPS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        w -= LEARNING_RATE * (x.T @ (p - target) / len(labels) + w / (l2 * len(labels)))
    w = np.round(w, KEEP_DECIMALS)
    names = sorted(vocabulary, key=vocabulary.get)
    weights = {name: [float(v) for v in w[vocabulary[name]]] for name in names if np.abs(w[vocabulary[name]]).max() > 0}
    return Weights(verdict, classes, [float(v) for v in w[-1]], weights)


def _shared_features(features: list[dict[str, set[int]]], writers: list[str]) -> dict[str, int]:
    used_by: dict[str, set[str]] = defaultdict(set)
    for names, writer in zip(features, writers):
        for name in names:
            used_by[name].add(writer)
    kept = sorted(name for name, who in used_by.items() if len(who) >= MIN_WRITERS)
    return {name: column for column, name in enumerate(kept)}


def save(weights: Weights, trained_on: dict, l2: float = L2, folder: Path = WEIGHTS_DIR) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{weights.verdict}.json"
    head = {"verdict": weights.verdict, "classes": weights.classes, "trained_on": trained_on,
            "min_writers": MIN_WRITERS, "l2": l2, "steps": STEPS, "bias": weights.bias}
    # One feature per line, so a retrained file diffs readably.
    rows = ",\n".join(f"  {json.dumps(name)}: {json.dumps(row)}" for name, row in weights.weights.items())
    text = json.dumps(head)[:-1] + ', "weights": {\n' + rows + "\n}}\n"
    path.write_text(text)
    return path
