#!/usr/bin/env python3
"""Run one round of locked writers through labeling: blind copies, comparison, assembly.

A round lives in a working folder outside the repository (default /work/corpus):
  <dir>/<writer>/*.json          what each writer wrote and labeled (BRIEF.md)
  <dir>/blind/<writer>/*.json    the scripts alone, for the second labeler (LABELER.md)
  <dir>/labels2/<writer>/*.json  the second labels
  <dir>/disagreements-<round>.json, <dir>/rulings-<round>.json (RULER.md)

  round.py blind w60 w61 ...                 make the blind copies
  round.py compare r14 w60 w61 ...           agreement per writer and field; write the disagreements
  round.py assemble r14 OUT w60 w61 ...      memos with expected (rulings applied), second_label, rulings

Only the standard library: it runs before any environment exists.
"""
import json
import os
import sys
from pathlib import Path

DIR = Path(os.environ.get("CORPUS_DIR", "/work/corpus"))
FIELDS = ("followup", "firm_followup", "decision_maker_met", "excuses_accepted")


def memos(writer):
    return sorted((DIR / writer).glob("*.json"))


def blind(writers):
    for writer in writers:
        out = DIR / "blind" / writer
        out.mkdir(parents=True, exist_ok=True)
        for path in memos(writer):
            script = json.loads(path.read_text())["script"]
            (out / path.name).write_text(json.dumps({"script": script}, indent=2, ensure_ascii=False) + "\n")
        print(f"{writer}: {len(memos(writer))} blind copies", file=sys.stderr)


def second_label(writer, name):
    path = DIR / "labels2" / writer / name
    return json.loads(path.read_text()) if path.exists() else None


def compare(round_name, writers):
    disagreements = []
    for writer in writers:
        agree = dict.fromkeys(FIELDS, 0)
        paths = memos(writer)
        for path in paths:
            memo = json.loads(path.read_text())
            second = second_label(writer, path.name)
            if second is None:
                sys.exit(f"{writer}/{path.name}: no second label")
            for field in FIELDS:
                if memo["expected"][field] == second.get(field):
                    agree[field] += 1
                else:
                    disagreements.append({
                        "writer": writer, "memo": path.stem, "field": field,
                        "writer_label": memo["expected"][field], "second_label": second.get(field),
                        "second_reason": second.get("reason"), "notes": memo.get("notes"),
                        "script": memo["script"]})
        figures = ", ".join(f"{f} {agree[f] / len(paths):.2f}" for f in FIELDS)
        print(f"{writer}: {len(paths)} memos; agreement {figures}")
    out = DIR / f"disagreements-{round_name}.json"
    out.write_text(json.dumps(disagreements, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(disagreements)} disagreements -> {out}")


def assemble(round_name, out_dir, writers):
    rulings_path = DIR / f"rulings-{round_name}.json"
    rulings = json.loads(rulings_path.read_text()) if rulings_path.exists() else []
    for writer in writers:
        (out_dir / writer).mkdir(parents=True, exist_ok=True)
        for path in memos(writer):
            memo = json.loads(path.read_text())
            second = second_label(writer, path.name)
            second.pop("reason", None)
            mine = [r for r in rulings if r["writer"] == writer and r["memo"] == path.stem]
            for ruling in mine:
                memo["expected"][ruling["field"]] = ruling["final"]
                # the list behind a verdict follows the label the ruling sided with, so that the memo
                # stays consistent ('excuses' with 'excuses_accepted', 'followup_when' with 'followup')
                companion = {"excuses_accepted": "excuses", "followup": "followup_when",
                             "decision_maker_met": "decision_maker"}.get(ruling["field"])
                if companion and ruling["final"] != ruling["writer_label"] and ruling["final"] == second.get(ruling["field"]):
                    memo["expected"][companion] = second.get(companion)
            if memo["expected"].get("decision_maker_met") != "yes":
                memo["expected"]["decision_maker"] = None  # named only when met
            memo["second_label"] = second
            memo["rulings"] = [{k: r[k] for k in ("field", "writer_label", "second_label", "final", "ruling")}
                               for r in mine]
            (out_dir / writer / path.name).write_text(json.dumps(memo, indent=2, ensure_ascii=False) + "\n")
    print(f"{sum(len(memos(w)) for w in writers)} memos, {len(rulings)} rulings -> {out_dir}")


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "blind":
        blind(rest)
    elif command == "compare":
        compare(rest[0], rest[1:])
    elif command == "assemble":
        assemble(rest[0], Path(rest[1]), rest[2:])
    else:
        sys.exit(__doc__)
