"""Accuracy beside speed for each decoding choice, so the default is chosen on data.

For greedy and beam-5 decoding with tiny.en (and beam 5 with any model found in
models/): word error rate on ../shared/audio, and macro-F1 of the three verdicts
on the labelled sample memos, through audio.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

VERDICTS = ("firm_followup", "decision_maker_met", "excuses_accepted")


def decoding_choices(root: Path) -> list[dict]:
    from debrief.config import TranscribeSettings

    choices = [("tiny.en, greedy", TranscribeSettings(model="tiny.en", beam_size=1)),
               ("tiny.en, beam 5", TranscribeSettings(model="tiny.en", beam_size=5))]
    models = root / "models"
    for folder in sorted(p for p in models.iterdir() if p.is_dir()) if models.exists() else []:
        choices.append((f"{folder.name}, beam 5", TranscribeSettings(model=str(folder), beam_size=5)))
    return [measure(label, settings, root) for label, settings in choices]


def measure(label: str, settings, root: Path) -> dict:
    from debrief.analyze import Analyzer
    from debrief.audio import decode_audio, probe_audio
    from debrief.metrics import macro_f1, word_error_rate
    from debrief.transcribe import WhisperTranscriber

    transcriber, analyzer = WhisperTranscriber(settings), Analyzer()
    transcriber.load()
    shared = root.parent / "shared" / "audio"
    rows = list(csv.DictReader(open(shared / "manifest.tsv"), delimiter="\t"))
    errors = words = audio_s = busy_s = 0.0
    for row in rows:
        text, seconds, spent = _transcribe(transcriber, shared / row["file"], decode_audio, probe_audio)
        n = len(row["reference"].split())
        errors, words = errors + word_error_rate(row["reference"], text) * n, words + n
        audio_s, busy_s = audio_s + seconds, busy_s + spent
    expected, predicted = {v: [] for v in VERDICTS}, {v: [] for v in VERDICTS}
    for label_file in sorted((root / "samples" / "inbox").rglob("*.json")):
        audio = label_file.with_suffix(".ogg")
        transcript_text, seconds, spent = _transcribe(transcriber, audio, decode_audio, probe_audio)
        audio_s, busy_s = audio_s + seconds, busy_s + spent
        from debrief.records import Transcript

        verdicts = analyzer.analyze(Transcript.from_text(transcript_text)).verdicts()
        truth = json.loads(label_file.read_text())["expected"]
        for v in VERDICTS:
            expected[v].append(truth[v])
            predicted[v].append(verdicts[v])
    return {"label": label, "wer": errors / words, "speed": audio_s / busy_s,
            "macro_f1": {v: macro_f1(expected[v], predicted[v]) for v in VERDICTS}}


def _transcribe(transcriber, path: Path, decode_audio, probe_audio):
    samples = decode_audio(path, probe_audio(path))
    started = time.perf_counter()
    transcript = transcriber.transcribe(samples)
    return transcript.text, len(samples) / 16000, time.perf_counter() - started
