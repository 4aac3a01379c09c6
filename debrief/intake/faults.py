"""Fault injection, for tests of the promise that one file never stops the inbox.

`DEBRIEF_FAULTS="stage:word,stage:word"` makes `stage` (claim, decode,
transcribe, analyze, store, move) raise for every memo whose file name
contains `word`. The variable reaches the worker processes, so the stages
that run there fail there. Unset (always, outside tests), `check` does nothing.
"""

from __future__ import annotations

import os

STAGES = ("claim", "decode", "transcribe", "analyze", "store", "move")


class InjectedFault(RuntimeError):
    pass


def check(stage: str, file_name: str | None) -> None:
    spec = os.environ.get("DEBRIEF_FAULTS")
    if not spec or not file_name:
        return
    for item in spec.split(","):
        where, _, word = item.partition(":")
        if where.strip() == stage and word and word in file_name:
            raise InjectedFault(f"injected fault in {stage}")
