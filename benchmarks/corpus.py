"""The benchmark's corpus, built from the bundled samples at run time (nothing committed).

- every sample memo, as it is;
- `joined` longer memos, each two samples back to back (one to two minutes, like real memos);
- one memo of `long_minutes` minutes, samples end to end;
- for the memory run, n WAV copies that differ by one sample (n distinct memos).
"""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples" / "inbox").rglob("*") if p.suffix in (".ogg", ".m4a"))
RATE = 16000


def _decode(path: Path) -> np.ndarray:
    from faster_whisper import decode_audio

    return decode_audio(str(path), sampling_rate=RATE)


def _write_ogg(path: Path, samples: np.ndarray) -> None:
    import av

    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(path), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=RATE, layout="mono")
        stream.bit_rate = 24000
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)


def build_corpus(inbox: Path, joined: int = 16, long_minutes: int = 10) -> Path:
    for sample in SAMPLES:
        target = inbox / sample.parent.name / sample.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, target)
    audio = [_decode(s) for s in SAMPLES]
    for i in range(joined):
        first, second = audio[i % len(audio)], audio[(i * 5 + 3) % len(audio)]
        _write_ogg(inbox / "joined" / f"joined-{i:02d}.ogg", np.concatenate([first, second]))
    if long_minutes:
        pieces, total = [], 0
        while total < long_minutes * 60 * RATE:
            pieces.append(audio[len(pieces) % len(audio)])
            total += len(pieces[-1])
        _write_ogg(inbox / "long" / f"{long_minutes}-minutes.ogg", np.concatenate(pieces))
    return inbox


def build_wav_copies(inbox: Path, n: int) -> Path:
    audio = [_decode(s) for s in SAMPLES]
    for i in range(n):
        pcm = (audio[i % len(audio)] * 32767).astype(np.int16)
        pcm[-1] = i  # one sample differs: a distinct memo, the same speech
        path = inbox / "rep" / f"memo-{i:04d}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(RATE)
            w.writeframes(pcm.tobytes())
    return inbox
