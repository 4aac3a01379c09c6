"""The gate before transcription: is this file audio we can trust, and how long is it?

PyAV (which faster-whisper decodes with) is forgiving in ways that lose data
silently: random bytes can decode to zero seconds and a truncated file decodes
to the part that survived, both without an error. So we compare the decoded
length with what the container says and fail loudly instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SAMPLE_RATE = 16000
# A decoded length below this share of the container's stated length means the
# file is truncated (a half-synced upload), not a short memo.
MIN_DECODED_SHARE = 0.9


class AudioError(Exception):
    """The file cannot be used as a memo; the message says why, in plain words."""


@dataclass(frozen=True)
class AudioInfo:
    stated_duration_s: float | None
    creation_time: str | None  # ISO 8601 from the container's tags, when present
    codec: str | None


def probe_audio(path: Path) -> AudioInfo:
    """Open the container and read its audio stream's facts, without decoding."""
    import av

    if path.stat().st_size == 0:
        raise AudioError("empty file (0 bytes)")
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError("no audio stream in the file")
            stream = container.streams.audio[0]
            return AudioInfo(
                stated_duration_s=_stated_duration(container, stream),
                creation_time=_creation_time(container.metadata, stream.metadata),
                codec=stream.codec_context.name if stream.codec_context else None,
            )
    except AudioError:
        raise
    except (av.FFmpegError, OSError, UnicodeDecodeError) as error:
        raise AudioError(f"not a readable audio file ({_reason(error)})") from None


def decode_audio(path: Path, info: AudioInfo):
    """Decode to 16 kHz mono float32, and check nothing was silently lost."""
    import av
    from faster_whisper.audio import decode_audio as whisper_decode

    try:
        samples = whisper_decode(str(path), sampling_rate=SAMPLE_RATE)
    except (av.FFmpegError, OSError, ValueError) as error:
        raise AudioError(f"audio could not be decoded ({_reason(error)})") from None
    decoded_s = len(samples) / SAMPLE_RATE
    if decoded_s == 0:
        raise AudioError("no audio could be decoded from the file")
    stated = info.stated_duration_s
    if stated and decoded_s < stated * MIN_DECODED_SHARE:
        raise AudioError(
            f"truncated: decoded {decoded_s:.1f} s of the {stated:.1f} s the file states"
        )
    return samples


def recorded_at(info: AudioInfo, modified_at: str) -> str:
    """When the memo was recorded: the container's creation_time, else the file's mtime."""
    return info.creation_time or modified_at


def _stated_duration(container, stream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000  # av.time_base is microseconds
    return None


def _creation_time(*tag_sets: dict) -> str | None:
    for tags in tag_sets:
        value = tags.get("creation_time")
        if value:
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=timezone.utc)
            return parsed.isoformat(timespec="seconds")
    return None


def _reason(error: Exception) -> str:
    text = getattr(error, "strerror", None) or str(error)
    return text.split(":")[0].strip() or type(error).__name__


def chunk_bounds(samples, chunk_s: float, search_s: float = 10.0) -> list[tuple[int, int]]:
    """Cut long audio into pieces of about `chunk_s`, each cut at the quietest
    half second near its target, so no word is split and Whisper's feature
    extraction never holds more than one piece (memory stays flat for long memos)."""
    import numpy as np

    size, step, span = int(chunk_s * SAMPLE_RATE), SAMPLE_RATE // 10, 5  # 0.1 s frames, 0.5 s windows
    bounds, start = [], 0
    while len(samples) - start > size + size // 4:  # a short tail stays with the last piece
        low = start + size - int(search_s * SAMPLE_RATE)
        window = samples[low: start + size + int(search_s * SAMPLE_RATE)]
        frames = len(window) // step
        energy = np.square(window[: frames * step].reshape(frames, step)).sum(axis=1)
        quiet = np.convolve(energy, np.ones(span), mode="valid")  # energy of each half second
        cut = low + (int(np.argmin(quiet)) + span // 2) * step + step // 2
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(samples)))
    return bounds
