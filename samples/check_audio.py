#!/usr/bin/env python3
"""Check that Whisper hears every sample memo right, however it is run.

For each memo JSON (default: every one under ``samples/inbox``) the audio file
beside it is decoded and transcribed by debrief's own transcriber under
several decoding set-ups of tiny.en: debrief's default (greedy, then beam 5
where Whisper doubts the text), pure greedy and pure beam 5 in int8 and
float32, and faster-whisper's own defaults (beam 5, no VAD, conditioned on the
previous text). Each transcript is then read by debrief's Analyzer, and the memo
passes when, in every set-up:

* ``followup``, ``firm_followup``, ``decision_maker_met`` and
  ``excuses_accepted`` equal the JSON's ``expected`` values, and the stalls
  found are the expected kinds;
* the word error rate against the script is at most ``--max-wer`` (numbers
  compared as words, so "9:30" counts as "nine thirty", and accents dropped);
* every name in the script (a capitalised word not opening a sentence) is
  in the transcript.

It also checks that the file's ``creation_time`` is the JSON's
``recorded_at``. It prints a Markdown table and exits 1 if any memo fails.

Usage (from the repository root, in an environment with debrief installed)::

    python samples/check_audio.py                       # all sample memos
    python samples/check_audio.py samples/inbox/dana --json check.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

INBOX = Path(__file__).resolve().parent / "inbox"
AUDIO_SUFFIXES = (".m4a", ".ogg", ".opus", ".mp3", ".wav", ".flac", ".aac", ".mp4", ".oga", ".webm")
VERDICTS = ("followup", "firm_followup", "decision_maker_met", "excuses_accepted")
OPTIONAL = ("proposal_without_meeting", "chasing", "pressure", "prospect_pursued")  # checked when labelled
SETUPS = {  # label -> TranscribeSettings fields (tiny.en on the CPU); no beam fallback unless said
    "default": dict(),  # debrief's default: greedy int8, beam 5 again where Whisper doubts the text
    "greedy int8": dict(beam_size=1, compute_type="int8"),
    "beam5 int8": dict(beam_size=5, compute_type="int8"),
    "greedy f32": dict(beam_size=1, compute_type="float32"),
    "beam5 f32": dict(beam_size=5, compute_type="float32"),
    "fw default": dict(beam_size=5, compute_type="int8", vad_filter=False, condition_on_previous_text=True),
}

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _say(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + _say(n % 100))
    return str(n)


def spell_numbers(text: str) -> str:
    """Digits as words, the way the scripts write them: "9:30" -> "nine thirty", "10:00" -> "ten"."""
    def clock(m: re.Match) -> str:
        hours, minutes = int(m.group(1)), int(m.group(2))
        return _say(hours) if minutes == 0 else f"{_say(hours)} {_say(minutes)}"

    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))  # café
    text = re.sub(r"\b(\d{1,2})[:.](\d{2})\b", clock, text)
    text = re.sub(r"\b(?<=at )(1[0-2]|[1-9])([0-5]\d)\b", clock, text)  # "at 930"
    text = re.sub(r"\b(\d{1,3})(?:st|nd|rd|th)?\b", lambda m: _say(int(m.group(1))), text)
    return re.sub(r"\bok\b", "okay", text, flags=re.IGNORECASE)


def names_in(script: str) -> list[str]:
    """Capitalised words that do not open a sentence: the names a listener must get right."""
    names = []
    for sentence in re.split(r"(?<=[.!?])\s+", script):
        words = re.findall(r"[A-Za-z']+", sentence)
        names += [re.sub(r"'s$", "", w) for w in words[1:] if w[0].isupper() and w != "I" and not w.startswith("I'")]
    return sorted(set(names))


def audio_of(js: Path) -> Path:
    found = [p for p in js.parent.glob(js.stem + ".*") if p.suffix.lower() in AUDIO_SUFFIXES]
    if len(found) != 1:
        sys.exit(f"{js}: expected one audio file beside it, found {[p.name for p in found]}")
    return found[0]


def memo_jsons(paths: list[str]) -> list[Path]:
    found: set[Path] = set()
    for p in map(Path, paths or [str(INBOX)]):
        found.update(p.rglob("*.json") if p.is_dir() else [p])
    return sorted(found)


def check(jsons: list[Path], setups: dict[str, dict], max_wer: float, progress) -> list[dict]:
    from debrief.analyze import Analyzer
    from debrief.config import TranscribeSettings
    from debrief.review.metrics import word_error_rate
    from debrief.speech.audio import decode_audio, probe_audio
    from debrief.speech.transcribe import WhisperTranscriber

    analyzer = Analyzer()
    memos = []
    for js in jsons:
        data = json.loads(js.read_text(encoding="utf-8"))
        audio = audio_of(js)
        info = probe_audio(audio)
        samples = decode_audio(audio, info)
        wanted = data.get("recorded_at")
        tag_ok = wanted is None or (info.creation_time is not None and datetime.fromisoformat(
            info.creation_time) == datetime.fromisoformat(wanted.replace("Z", "+00:00")))
        where = js.resolve()
        name = where.relative_to(INBOX) if where.is_relative_to(INBOX) else js
        memos.append({"memo": str(name.with_suffix("")),
                      "json": js, "data": data, "audio": audio, "samples": samples,
                      "seconds": round(len(samples) / 16000, 1), "creation_time_ok": tag_ok,
                      "names": names_in(data["script"]), "runs": {}})
    for label, fields in setups.items():
        settings = TranscribeSettings(model="tiny.en", device="cpu", language="en", vad_filter=True,
                                      word_timestamps=True, condition_on_previous_text=False)
        if fields and hasattr(settings, "fallback_beam_size"):
            settings.fallback_beam_size = 0  # each named set-up decodes exactly one way
        for key, value in fields.items():
            setattr(settings, key, value)
        transcriber = WhisperTranscriber(settings)
        transcriber.load()
        for memo in memos:
            started = time.perf_counter()
            transcript = transcriber.transcribe(memo["samples"])
            debrief = analyzer.analyze(transcript, memo["data"].get("recorded_at"))
            got = debrief.verdicts()
            expected = memo["data"]["expected"]
            checked = VERDICTS + tuple(v for v in OPTIONAL if v in expected)
            wrong = {v: (got[v], expected[v]) for v in checked if got[v] != expected[v]}
            kinds = sorted({e["kind"] for e in got["excuses"]})
            if "excuses" in expected and kinds != sorted(set(expected["excuses"])):
                wrong["excuses"] = (kinds, sorted(set(expected["excuses"])))
            heard = {re.sub(r"'s$", "", w) for w in re.findall(r"[a-z']+", spell_numbers(transcript.text).lower())}
            missed = [n for n in memo["names"] if n.lower() not in heard]
            wer = word_error_rate(spell_numbers(memo["data"]["script"]), spell_numbers(transcript.text))
            memo["runs"][label] = {
                "wer": round(wer, 4), "raw_wer": round(word_error_rate(memo["data"]["script"], transcript.text), 4),
                "wrong": wrong, "names_missed": missed, "transcript": transcript.text,
                "ok": not wrong and not missed and wer <= max_wer,
                "seconds": round(time.perf_counter() - started, 2),
            }
            progress(f"{label:<12} {memo['memo']:<36} WER {wer:5.1%}"
                     f"{'' if memo['runs'][label]['ok'] else '  FAIL ' + json.dumps({'wrong': wrong, 'names': missed})}")
    for memo in memos:
        memo["ok"] = memo["creation_time_ok"] and all(r["ok"] for r in memo["runs"].values())
    return memos


def table(memos: list[dict], setups: list[str]) -> list[str]:
    head = ["memo", "voice", "speed", "phone band", "file", "s"] + [f"WER {s}" for s in setups] + ["verdicts", "OK"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for m in memos:
        tts = m["data"].get("tts", {})
        verdicts_ok = sum(not r["wrong"] for r in m["runs"].values())
        row = [m["memo"], tts.get("voice", "?"), f"{tts.get('speed', 1.0):g}",
               "yes" if tts.get("phone_band") else "no", m["audio"].suffix.lstrip("."), f"{m['seconds']:.1f}"]
        row += [f"{m['runs'][s]['wer']:.1%}" for s in setups]
        row += [f"{verdicts_ok}/{len(setups)}", "ok" if m["ok"] else "**FAIL**"]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def summary(memos: list[dict], setups: list[str]) -> list[str]:
    lines = []
    for s in setups:
        errors = sum(m["runs"][s]["wer"] * len(m["data"]["script"].split()) for m in memos)
        words = sum(len(m["data"]["script"].split()) for m in memos)
        right = sum(not m["runs"][s]["wrong"] for m in memos)
        lines.append(f"{s}: verdicts right in {right}/{len(memos)} memos, WER {errors / words:.1%} over all words, "
                     f"worst memo {max(m['runs'][s]['wer'] for m in memos):.1%}")
    seconds = sum(m["seconds"] for m in memos)
    passed = sum(m["ok"] for m in memos)
    lines.append(f"{passed}/{len(memos)} memos pass in every set-up; {seconds:.0f} s of audio")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="memo JSON files or folders (default: samples/inbox)")
    parser.add_argument("--setup", action="append", choices=list(SETUPS),
                        help="decoding set-ups to try (repeatable; default: all)")
    parser.add_argument("--max-wer", type=float, default=0.08, help="highest word error rate allowed (0.08)")
    parser.add_argument("--json", type=Path, help="also write every transcript and verdict here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    setups = {s: SETUPS[s] for s in (args.setup or SETUPS)}
    progress = (lambda line: None) if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    memos = check(memo_jsons(args.paths), setups, args.max_wer, progress)
    print("\n".join(table(memos, list(setups))))
    print()
    print("\n".join(summary(memos, list(setups))))
    for m in memos:
        if not m["creation_time_ok"]:
            print(f"{m['memo']}: creation_time tag is not recorded_at {m['data'].get('recorded_at')}")
        for s, r in m["runs"].items():
            if not r["ok"]:
                print(f"{m['memo']} [{s}]: wrong {r['wrong']}, names missed {r['names_missed']}, "
                      f"WER {r['wer']:.1%}\n    heard: {r['transcript']}")
    if args.json:
        args.json.write_text(json.dumps([{k: (str(v) if isinstance(v, Path) else v) for k, v in m.items()
                                          if k not in ("samples", "data")} for m in memos], indent=2))
    return 0 if all(m["ok"] for m in memos) else 1


if __name__ == "__main__":
    raise SystemExit(main())
