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


def decode_audio(path: Path, info: AudioInfo, max_duration_s: float | None = None):
    """Decode to 16 kHz mono float32, and check nothing was silently lost.

    The length cap is applied to the samples as they arrive, not to the length the
    container states: a file whose length field is zeroed or false (a FLAC saying 0
    samples while holding hours) stops at the cap instead of filling the memory."""
    import av

    try:
        samples = _decode_capped(path, None if max_duration_s is None else int(max_duration_s * SAMPLE_RATE))
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


def too_long(seconds: float, cap: float, stopped: bool = False) -> str:
    if stopped:
        return (f"too long: over the {cap / 60:.0f} min limit (--max-duration); "
                "decoding stopped there, whatever length the file states")
    return f"too long: {seconds / 60:.0f} min, over the {cap / 60:.0f} min limit (--max-duration)"


def _decode_capped(path: Path, cap_samples: int | None):
    """PyAV frames → 16 kHz mono s16 → float32, stopping once past `cap_samples`."""
    import gc
    import itertools

    import av
    import numpy as np

    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    chunks, total = [], 0
    with av.open(str(path), metadata_errors="ignore") as container:
        for frame in itertools.chain(_frames(container), [None]):
            for out in resampler.resample(frame):
                chunk = out.to_ndarray().reshape(-1)
                chunks.append(chunk)
                total += len(chunk)
                if cap_samples is not None and total > cap_samples:
                    raise AudioError(too_long(total / SAMPLE_RATE, cap_samples / SAMPLE_RATE, stopped=True))
    del resampler
    gc.collect()  # PyAV's resampler holds buffers until collected (faster-whisper issue 390)
    if not chunks:
        return np.zeros(0, np.float32)
    return np.concatenate(chunks).astype(np.float32) / 32768.0


def _frames(container):
    """Audio frames, skipping undecodable ones (as faster-whisper does)."""
    import av

    frames = container.decode(audio=0)
    while True:
        try:
            frame = next(frames)
        except StopIteration:
            return
        except av.error.InvalidDataError:
            continue
        frame.pts = None  # the resampler checks timestamps; a damaged file's are not to be trusted
        yield frame


def has_words(text: str) -> bool:
    """Does a transcript hold a spoken word? Whisper writes noise as punctuation
    ("...", "-") or as a bracketed note ("[Music]", "(static)"): those are not speech."""
    import re

    spoken = re.sub(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪", " ", text or "")
    return re.search(r"[^\W_]", spoken) is not None


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
