"""Real faster-whisper, bundled tiny.en, on real human speech from ../shared/audio."""

import csv

import pytest

from debrief.audio import AudioError, decode_audio, probe_audio
from debrief.transcribe import ModelNotFound, resolve_model

from .conftest import SHARED_AUDIO, word_error_rate  # noqa: F401

MANIFEST = list(csv.DictReader(open(SHARED_AUDIO / "manifest.tsv"), delimiter="\t"))


def test_word_error_rate_on_human_speech(transcriber):
    errors, words = 0.0, 0
    for row in MANIFEST:
        path = SHARED_AUDIO / row["file"]
        transcript = transcriber.transcribe(decode_audio(path, probe_audio(path)))
        n = len(row["reference"].split())
        errors += word_error_rate(row["reference"], transcript.text) * n
        words += n
        assert transcript.words, row["file"]
        assert all(0 <= w.start <= w.end <= transcript.duration_s + 0.5 for w in transcript.words)
    # tiny.en scores roughly 0.05-0.15 on these clips; 0.25 leaves room and still catches breakage.
    assert errors / words < 0.25


def test_words_rebuild_the_text_so_evidence_can_be_timed(transcriber):
    path = SHARED_AUDIO / "jfk.flac"
    transcript = transcriber.transcribe(decode_audio(path, probe_audio(path)))
    assert transcript.text == "".join(w.text for w in transcript.words).strip()
    start = transcript.text.lower().index("country")
    timed = transcript.words_between(start, start + len("country"))
    assert timed and 2.0 < timed[0].start < 11.0


def test_unknown_model_name_says_where_to_put_it():
    with pytest.raises(ModelNotFound, match="models/README.md"):
        resolve_model("large-v9")


def test_model_folder_without_tokenizer_is_refused(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"x")
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelNotFound, match="tokenizer.json"):
        resolve_model(str(tmp_path))


def test_bundled_model_resolves_by_default_name():
    ref = resolve_model("tiny.en")
    assert (ref.path / "model.bin").is_file() and ref.name == "tiny.en"


def test_truncated_file_is_caught_not_decoded_partially(tmp_path):
    cut = tmp_path / "cut.flac"
    cut.write_bytes((SHARED_AUDIO / "jfk.flac").read_bytes()[:500_000])
    with pytest.raises(AudioError, match="truncated"):
        decode_audio(cut, probe_audio(cut))


@pytest.mark.parametrize("content,message", [(b"", "empty file"), (b"hello, not audio\n" * 50, "not a readable audio file")])
def test_non_audio_is_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "memo.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message):
        probe_audio(path)
