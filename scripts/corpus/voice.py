#!/usr/bin/env python3
"""Speak a round's memos with Kokoro voices, a third through a phone band, for the audio figure.

  voice.py OUT DIR WRITER [WRITER ...]      (run with the tools' environment, see samples/README.md)

Picks 12 memos a writer by the SHA-256 of their names (no reading, no choosing), gives each a voice in
turn from US and UK women and men, a phone band to every third and AAC (.m4a) or Opus (.ogg) in turn,
writes OUT/<writer>/<memo>.json beside its audio and OUT/MANIFEST.tsv. Built on samples/make_audio.py.
"""
import hashlib
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "samples"))
import make_audio  # noqa: E402

PER_WRITER = 12
VOICES = ("af_heart", "bm_george", "am_michael", "bf_emma", "af_bella", "bm_daniel", "am_echo",
          "bf_isabella", "af_sarah", "bm_lewis", "am_fenrir", "bf_alice")
FAST = {"am_fenrir", "am_puck", "af_kore"}  # these run fast at 0.9


def pick(folder: Path) -> list[Path]:
    def key(p):
        return hashlib.sha256(p.stem.encode()).hexdigest()
    return sorted(sorted(folder.glob("*.json"), key=key)[:PER_WRITER])


def main(out: Path, source: Path, writers: list[str]) -> None:
    voice = make_audio.KokoroVoice(make_audio.kokoro_dir(None))
    rows = ["writer\tmemo\tvoice\tphone_band\tformat\tseconds"]
    n = 0
    try:
        for writer in writers:
            (out / writer).mkdir(parents=True, exist_ok=True)
            for js in pick(source / writer):
                name = VOICES[n % len(VOICES)]
                settings = {"voice": name, "speed": 0.8 if name in FAST else 0.9,
                            "phone_band": n % 3 == 2, "format": ("m4a", "ogg")[n % 2]}
                target = out / writer / js.name
                shutil.copyfile(js, target)
                memo = json.loads(js.read_text())
                path, seconds = make_audio.render(voice, target, memo, settings)
                rows.append(f"{writer}\t{js.stem}\t{name}\t{'yes' if settings['phone_band'] else 'no'}"
                            f"\t{settings['format']}\t{seconds:.2f}")
                print(f"{path} {seconds:.1f} s", flush=True)
                n += 1
    finally:
        voice.close()
    (out / "MANIFEST.tsv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
