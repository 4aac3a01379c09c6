"""Real faster-whisper, bundled tiny.en, on real human speech from ../shared/audio."""

import csv

import pytest

from debrief.speech.audio import AudioError, decode_audio, probe_audio
from debrief.speech.transcribe import ModelNotFound, resolve_model

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


def test_long_audio_is_cut_in_the_quiet_not_in_a_word():
    import numpy as np

    from debrief.speech.audio import SAMPLE_RATE, chunk_bounds

    rng = np.random.default_rng(0)
    speech = rng.normal(0, 0.3, 600 * SAMPLE_RATE).astype(np.float32)
    for pause in (236, 473):  # half-second pauses near the 240 s targets
        speech[pause * SAMPLE_RATE: pause * SAMPLE_RATE + SAMPLE_RATE // 2] = 0
    bounds = chunk_bounds(speech, 240)
    assert len(bounds) == 3
    assert [b[0] for b in bounds][0] == 0 and bounds[-1][1] == len(speech)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    for _, cut in bounds[:-1]:
        assert not speech[cut - 100: cut + 100].any(), cut / SAMPLE_RATE  # inside a pause
    assert chunk_bounds(speech[: 200 * SAMPLE_RATE], 240) == [(0, 200 * SAMPLE_RATE)]


def test_a_long_memo_is_transcribed_piece_by_piece_with_times_running_on(transcriber):
    import numpy as np

    import debrief.speech.transcribe as transcribe_module
    from debrief.speech.audio import SAMPLE_RATE

    path = SHARED_AUDIO / "jfk.flac"
    one = decode_audio(path, probe_audio(path))
    gap = np.zeros(SAMPLE_RATE, np.float32)
    samples = np.concatenate([one, gap, one, gap, one])
    original = transcribe_module.CHUNK_S
    transcribe_module.CHUNK_S = 10.0  # force pieces on a 35 s input
    try:
        transcript = transcriber.transcribe(samples)
    finally:
        transcribe_module.CHUNK_S = original
    assert transcript.text.lower().count("country") >= 5
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts) and starts[-1] > 24
    assert abs(transcript.duration_s - len(samples) / SAMPLE_RATE) < 0.01
