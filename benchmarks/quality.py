"""Accuracy beside speed for each decoding choice, so the default is chosen on data.

For greedy, beam-5 and greedy-with-beam-5-fallback decoding with tiny.en (and
beam 5 with any model found in models/): word error rate on ../shared/audio and
on the labeled memos that have audio (against their scripts), how often the
fallback fired, and macro-F1 of the three verdicts through audio.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

VERDICTS = ("firm_followup", "decision_maker_met", "excuses_accepted")


def decoding_choices(root: Path, labeled: Path | None = None) -> list[dict]:
    """Greedy alone, beam 5 alone, and greedy with the beam-5 fallback (the default),
    plus beam 5 with any model found in models/. `labeled`: the folder of labeled
    memos with audio beside them (default: every one under samples/)."""
    from debrief.config import TranscribeSettings

    choices = [("tiny.en, greedy", TranscribeSettings(model="tiny.en", beam_size=1, fallback_beam_size=0)),
               ("tiny.en, beam 5", TranscribeSettings(model="tiny.en", beam_size=5, fallback_beam_size=0)),
               ("tiny.en, greedy → beam 5", TranscribeSettings(model="tiny.en", beam_size=1, fallback_beam_size=5))]
    models = root / "models"
    for folder in sorted(p for p in models.iterdir() if p.is_dir()) if models.exists() else []:
        choices.append((f"{folder.name}, beam 5", TranscribeSettings(model=str(folder), beam_size=5)))
    return [measure(label, settings, root, labeled or root / "samples") for label, settings in choices]


def measure(label: str, settings, root: Path, labeled: Path) -> dict:
    from debrief.analyze import Analyzer
    from debrief.review.evaluate import load_labeled
    from debrief.review.metrics import macro_f1, word_error_rate
    from debrief.speech.audio import decode_audio, probe_audio
    from debrief.speech.transcribe import WhisperTranscriber

    transcriber, analyzer = WhisperTranscriber(settings), Analyzer()
    transcriber.load()
    shared = root.parent / "shared" / "audio"
    rows = list(csv.DictReader(open(shared / "manifest.tsv"), delimiter="\t"))
    errors = words = audio_s = busy_s = 0.0
    for row in rows:
        transcript, seconds, spent = _transcribe(transcriber, shared / row["file"], decode_audio, probe_audio)
        n = len(row["reference"].split())
        errors, words = errors + word_error_rate(row["reference"], transcript.text) * n, words + n
        audio_s, busy_s = audio_s + seconds, busy_s + spent
    memos = load_labeled(labeled, audio_only=True)
    expected, predicted = {v: [] for v in VERDICTS}, {v: [] for v in VERDICTS}
    memo_errors = memo_words = fallbacks = 0.0
    for memo in memos:
        transcript, seconds, spent = _transcribe(transcriber, memo.audio, decode_audio, probe_audio)
        audio_s, busy_s = audio_s + seconds, busy_s + spent
        n = len(memo.script.split())
        memo_errors, memo_words = memo_errors + word_error_rate(memo.script, transcript.text) * n, memo_words + n
        fallbacks += "→" in transcript.decoding
        verdicts = analyzer.analyze(transcript).verdicts()
        for v in VERDICTS:
            expected[v].append(memo.expected[v])
            predicted[v].append(verdicts[v])
    return {"label": label, "wer": errors / words, "memo_wer": memo_errors / max(memo_words, 1),
            "memos": len(memos), "fallback_share": fallbacks / max(len(memos), 1), "speed": audio_s / busy_s,
            "macro_f1": {v: macro_f1(expected[v], predicted[v]) for v in VERDICTS}}


def _transcribe(transcriber, path: Path, decode_audio, probe_audio):
    samples = decode_audio(path, probe_audio(path))
    started = time.perf_counter()
    transcript = transcriber.transcribe(samples)
    return transcript, len(samples) / 16000, time.perf_counter() - started
