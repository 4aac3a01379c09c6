#!/usr/bin/env python3
"""How much debrief costs on top of bare faster-whisper, measured in one run.

Builds its own corpus in a temporary folder (the sample memos, memos joined
from them, one ten-minute memo), then prints:

- `debrief run` end to end (--jobs 1 and 2): wall time, audio seconds per wall
  second, peak memory of the whole process tree, time per stage;
- bare faster-whisper on the same files with the same model and settings, in
  the same run, and the ratio debrief / bare (the headline figure);
- `analyze` throughput on stored transcripts, `reanalyze` on a 1,000-memo
  database, `debrief --help` start-up time;
- peak memory over 200 memos (does it grow?);
- word error rate on ../shared/audio and verdict macro-F1 on the labelled
  samples for each decoding choice (greedy vs beam 5; any model in models/).

Usage: .venv/bin/python benchmarks/bench.py [--quick] [--json FILE]
Machines are shared and noisy: compare ratios taken in one run, not runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.corpus import build_corpus, build_wav_copies  # noqa: E402
from benchmarks.quality import decoding_choices  # noqa: E402

PYTHON = sys.executable
SETTINGS = dict(beam_size=1, vad_filter=True, word_timestamps=True, condition_on_previous_text=False, language="en")


def run_measured(command: list[str], env: dict | None = None) -> dict:
    """Wall time and peak resident memory of a command and all its children."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()  # output goes to files: a full pipe would stall the command
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True, env={**os.environ, **(env or {})})
        peak, timeline = 0, []
        while process.poll() is None:
            rss = _tree_rss(process.pid)
            peak = max(peak, rss)
            timeline.append((time.perf_counter() - started, rss))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        out.seek(0), err.seek(0)
        if process.returncode not in (0, 1):
            raise RuntimeError(f"{command[:4]} failed: {err.read()[-2000:]}")
        return {"wall_s": wall, "peak_mb": peak / 1024, "stdout": out.read(), "timeline": timeline}


def _tree_rss(root: int) -> int:
    """Sum of VmRSS (kB) over a process and its descendants, from /proc."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/status") as f:
                rss[int(entry)] = next((int(line.split()[1]) for line in f if line.startswith("VmRSS")), 0)
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(children)
        frontier = children
    return sum(rss.get(pid, 0) for pid in tree)


def debrief_run(inbox: Path, db: Path, jobs: int, threads: int = 0) -> dict:
    command = [PYTHON, "-m", "debrief", "run", str(inbox), "--db", str(db), "--json", "--settle", "0",
               "--jobs", str(jobs), "--cpu-threads", str(threads)]
    result = run_measured(command)
    summary = json.loads(result["stdout"])
    return {**result, "audio_s": summary["seconds"].get("audio", 0.0), "stages": summary["seconds"],
            "processed": summary["processed"]}


def _peak_between(timeline: list, start: float, end: float) -> float:
    """Peak MB within a share of the run's duration (0.0-1.0)."""
    total = timeline[-1][0] if timeline else 1.0
    inside = [rss for t, rss in timeline if start * total <= t <= end * total]
    return max(inside, default=0) / 1024


def bare_whisper(files: list[Path], processes: int, threads: int) -> dict:
    """The same files through faster-whisper alone: `processes` at once, files split between them."""
    lists = [files[i::processes] for i in range(processes)]
    started = time.perf_counter()
    procs = [subprocess.Popen([PYTHON, str(Path(__file__).with_name("bare.py")), str(threads),
                               json.dumps(SETTINGS), *map(str, part)], stdout=subprocess.PIPE, text=True)
             for part in lists]
    peak = 0
    while any(p.poll() is None for p in procs):
        peak = max(peak, sum(_tree_rss(p.pid) for p in procs if p.poll() is None))
        time.sleep(0.05)
    audio = sum(json.loads(p.communicate()[0])["audio_s"] for p in procs)
    return {"wall_s": time.perf_counter() - started, "peak_mb": peak / 1024, "audio_s": audio}


def analyze_throughput(db: Path, copies: int = 500) -> float:
    from debrief.analyze import Analyzer
    from debrief.records import Transcript

    texts = [row[0] for row in sqlite3.connect(db).execute("SELECT text FROM transcripts")]
    transcripts = [Transcript.from_text(texts[i % len(texts)]) for i in range(copies)]
    analyzer = Analyzer()
    started = time.perf_counter()
    analyzer.analyze_many(transcripts)
    return copies / (time.perf_counter() - started)


def reanalyze_1000(source_db: Path, work: Path) -> dict:
    db = work / "thousand.db"
    shutil.copy(source_db, db)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT m.id, t.text, t.words, t.duration_s, t.model FROM memos m "
                        "JOIN transcripts t ON t.memo_id = m.id WHERE m.status = 'done'").fetchall()
    for i in range(1000 - len(rows)):
        _, text, words, duration, model = rows[i % len(rows)]
        memo_id = conn.execute("INSERT INTO memos (file_sha256, file_name, rep, status, recorded_at) "
                               "VALUES (?, ?, 'bench', 'done', '2026-01-01T00:00:00+00:00')",
                               [f"bench{i:060d}", f"copy{i}.ogg"]).lastrowid
        conn.execute("INSERT INTO transcripts (memo_id, text, words, duration_s, model) VALUES (?, ?, ?, ?, ?)",
                     [memo_id, text, words, duration, model])
    conn.commit()
    conn.close()
    result = run_measured([PYTHON, "-m", "debrief", "reanalyze", "--db", str(db), "--json"])
    return {"wall_s": result["wall_s"], "memos_per_s": 1000 / result["wall_s"]}


def help_time(repeats: int = 7) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "debrief", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def memory_over(n: int, work: Path) -> dict:
    """One run over n memos: peak memory in its first and in its last tenth. Equal
    peaks mean nothing accumulates from memo to memo."""
    run = debrief_run(build_wav_copies(work / "many", n), work / "many.db", jobs=2)
    return {"memos": n, "peak_mb": run["peak_mb"], "first_tenth_mb": _peak_between(run["timeline"], 0.05, 0.15),
            "last_tenth_mb": _peak_between(run["timeline"], 0.9, 1.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="Fewer memos; skip the 200-memo memory run.")
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON.")
    parser.add_argument("--decoding-only", type=Path, metavar="FOLDER",
                        help="Only compare the decoding choices, on the labeled memos with audio under FOLDER.")
    args = parser.parse_args()
    if args.decoding_only:
        choices = decoding_choices(ROOT, args.decoding_only)
        print_decoding(choices)
        if args.json:
            args.json.write_text(json.dumps(choices, indent=2))
        return
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="debrief-bench-") as tmp:
        work = Path(tmp)
        inbox = build_corpus(work / "inbox", joined=6 if args.quick else 16, long_minutes=0 if args.quick else 10)
        files = sorted(p for p in inbox.rglob("*") if p.suffix in (".ogg", ".m4a"))
        figures = {"machine": f"{platform.machine()}, {cores} cores, {platform.python_version()}",
                   "memos": len(files)}
        figures["debrief_j1"] = debrief_run(inbox, work / "j1.db", jobs=1, threads=cores)
        figures["bare_p1"] = bare_whisper(files, processes=1, threads=cores)
        figures["debrief_j2"] = debrief_run(inbox, work / "j2.db", jobs=2, threads=max(1, cores // 2))
        figures["bare_p2"] = bare_whisper(files, processes=2, threads=max(1, cores // 2))
        figures["analyze_memos_per_s"] = analyze_throughput(work / "j1.db")
        figures["reanalyze_1000"] = reanalyze_1000(work / "j1.db", work)
        figures["help_s"] = help_time()
        if not args.quick:
            figures["memory_200"] = memory_over(200, work)
        figures["decoding"] = decoding_choices(ROOT)
    for run in ("debrief_j1", "debrief_j2", "bare_p1", "bare_p2"):
        figures[run].pop("stdout", None)
        figures[run].pop("timeline", None)
    print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


def print_table(f: dict) -> None:
    def rtf(r):
        return r["audio_s"] / r["wall_s"]

    print(f"\nMachine: {f['machine']}; corpus: {f['memos']} memos, "
          f"{f['debrief_j1']['audio_s'] / 60:.1f} min of audio; tiny.en int8, greedy, VAD, word timestamps\n")
    print(f"{'run':<34}{'wall s':>9}{'audio s / wall s':>18}{'peak MB':>10}")
    for label, key in (("debrief run --jobs 1", "debrief_j1"), ("bare faster-whisper, 1 process", "bare_p1"),
                       ("debrief run --jobs 2", "debrief_j2"), ("bare faster-whisper, 2 processes", "bare_p2")):
        r = f[key]
        print(f"{label:<34}{r['wall_s']:>9.1f}{rtf(r):>18.1f}{r['peak_mb']:>10.0f}")
    for jobs, bare in (("1", "bare_p1"), ("2", "bare_p2")):
        print(f"ratio debrief / bare, --jobs {jobs}: {f['debrief_j' + jobs]['wall_s'] / f[bare]['wall_s']:.3f}")
    print(f"throughput --jobs 2 vs --jobs 1: {f['debrief_j1']['wall_s'] / f['debrief_j2']['wall_s']:.2f}x")
    stages = f["debrief_j1"]["stages"]
    total = sum(v for k, v in stages.items() if k != "audio")
    print("\nstage (--jobs 1)      seconds   share")
    for stage in ("decode", "transcribe", "analyze", "store"):
        print(f"  {stage:<18}{stages.get(stage, 0):>9.2f}{100 * stages.get(stage, 0) / total:>7.1f}%")
    share = 100 * (stages.get("analyze", 0) + stages.get("store", 0)) / f["debrief_j1"]["wall_s"]
    print(f"  analyze + store = {share:.2f}% of the wall time")
    print(f"\nanalyze: {f['analyze_memos_per_s']:.0f} memos/s (nlp.pipe, stored transcripts)")
    r = f["reanalyze_1000"]
    print(f"reanalyze, 1,000-memo database: {r['wall_s']:.1f} s ({r['memos_per_s']:.0f} memos/s, process start included)")
    print(f"debrief --help: {f['help_s'] * 1000:.0f} ms (median of 7)")
    if "memory_200" in f:
        m = f["memory_200"]
        print(f"peak memory over {m['memos']} memos (--jobs 2): {m['peak_mb']:.0f} MB; "
              f"{m['first_tenth_mb']:.0f} MB in the first tenth of the run, {m['last_tenth_mb']:.0f} MB in the last")
    print_decoding(f["decoding"])


def print_decoding(choices: list[dict]) -> None:
    print(f"\ndecoding choice (memos with audio: {choices[0]['memos']})"
          "   WER shared  WER memos  fallback  audio s / s  macro-F1: firm_followup  decision_maker_met  excuses_accepted")
    for d in choices:
        m = d["macro_f1"]
        print(f"  {d['label']:<34}{d['wer']:>10.3f}{d['memo_wer']:>11.3f}{d['fallback_share']:>10.0%}{d['speed']:>13.1f}"
              f"       {m['firm_followup']:>10.2f}{m['decision_maker_met']:>20.2f}{m['excuses_accepted']:>18.2f}")


if __name__ == "__main__":
    main()
