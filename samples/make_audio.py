#!/usr/bin/env python3
"""Regenerate the bundled sample voice memos from their JSON scripts.

Every ``samples/inbox/<rep>/<memo>.json`` holds a ``"script"`` (the exact
words spoken). For each one this script:

1. speaks the script with espeak-ng into a WAV file in a temporary folder;
2. resamples it to 16 kHz mono and encodes it to Ogg/Opus (24 kbps) with
   PyAV (``import av``; no system ffmpeg needed);
3. writes ``<memo>.ogg`` beside the JSON, replacing any older copy.

The output is deterministic (espeak-ng is deterministic and the Ogg muxer
runs in bit-exact mode), so running it twice gives byte-identical files.

Usage (from the repository root)::

    .venv/bin/python samples/make_audio.py                 # all memos
    .venv/bin/python samples/make_audio.py samples/inbox/dana   # one rep
    .venv/bin/python samples/make_audio.py samples/inbox/dana/becker-bread.json

Requires ``espeak-ng`` on PATH (``apt-get install espeak-ng``) and PyAV.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import av

INBOX = Path(__file__).resolve().parent / "inbox"

VOICE = "en-us"  # espeak-ng voice
SPEED = 150  # words per minute
GAP = 8  # extra pause between words, in 10 ms units (espeak-ng -g)
SAMPLE_RATE = 16_000  # Hz, mono
BITRATE = 24_000  # bits per second
CODEC = "libopus"
SUFFIX = ".ogg"


def speak(text: str, wav: Path) -> None:
    """Render ``text`` to ``wav`` with espeak-ng."""
    subprocess.run(
        ["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-g", str(GAP), "-w", str(wav), "--stdin"],
        input=text.encode("utf-8"),
        check=True,
    )


def encode(wav: Path, out: Path) -> None:
    """Encode ``wav`` to mono Ogg/Opus at SAMPLE_RATE and BITRATE."""
    tmp = out.with_name(out.name + ".part")
    with av.open(str(wav)) as src, av.open(
        str(tmp), "w", format="ogg", options={"fflags": "+bitexact"}
    ) as dst:
        stream = dst.add_stream(CODEC, rate=SAMPLE_RATE)
        stream.layout = "mono"
        stream.bit_rate = BITRATE
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        for frame in src.decode(audio=0):
            frame.pts = None
            for rframe in resampler.resample(frame):
                dst.mux(stream.encode(rframe))
        for rframe in resampler.resample(None):
            dst.mux(stream.encode(rframe))
        dst.mux(stream.encode(None))
    tmp.replace(out)


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
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng not found on PATH (apt-get install espeak-ng)")
    jsons = memo_jsons(args.paths)
    with tempfile.TemporaryDirectory(prefix="debrief-samples-") as tmpdir:
        for js in jsons:
            script = json.loads(js.read_text(encoding="utf-8"))["script"]
            wav = Path(tmpdir) / (js.stem + ".wav")
            out = js.with_suffix(SUFFIX)
            speak(script, wav)
            encode(wav, out)
            print(f"{out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
