#!/usr/bin/env python3
"""Entity F1 on a held-out block of ANERcorp *train*, with lexicons mined from the rest.

The name lexicons (rules/names/given.tsv, family.tsv, not_names.tsv, name_shapes.tsv),
rules/organizations_mined.tsv, rules/common_words.tsv and rules/names/person_contexts.tsv are mined from ANERcorp train, so scoring on train
itself flatters every rule that leans on them. This script copies the engine
and its rules to a scratch directory, re-mines those lists from train minus one
contiguous block (fold), runs the extractor in-process on that block and prints
per-type and micro F1 the way ../shared/eval/anercorp.py does (token ranges).
Only train.jsonl is read; the test split stays the benchmark.

    .venv/bin/python scripts/eval_anercorp_holdout.py [--folds 4] [--fold 3] [--show 40] [--all]
"""
from __future__ import annotations

import argparse
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "eval" / "anercorp" / "train.jsonl"
FIELD_TYPE = {"people": "PER", "places": "LOC", "organizations": "ORG"}
TYPES = ("PER", "LOC", "ORG")


def token_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    return max(first, 0), max(last, 0)


def prepare(tmp: Path, train_rows: list[str]) -> None:
    """Engine + rules in ``tmp``, with the mined lists rebuilt from ``train_rows``."""
    shutil.copytree(ROOT / "newsfacts", tmp / "newsfacts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tmp / "rules")
    shutil.copytree(ROOT / "scripts", tmp / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    part = tmp / "train_part.jsonl"
    part.write_text("".join(r + "\n" for r in train_rows), encoding="utf-8")
    py = sys.executable
    subprocess.run([py, str(tmp / "scripts" / "mine_names.py"), "--train", str(part),
                    "--out", str(tmp / "rules" / "names")], check=True, capture_output=True)
    subprocess.run([py, str(tmp / "scripts" / "mine_orgs.py"), str(part), str(tmp / "rules" / "organizations_mined.tsv")],
                   check=True, capture_output=True)
    sys.path.insert(0, str(tmp / "scripts"))
    mcw = importlib.import_module("mine_common_words")
    rows = mcw.mine(train_rows)
    (tmp / "rules" / "common_words.tsv").write_text("".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    subprocess.run([py, str(tmp / "scripts" / "mine_contexts.py"), str(part),
                    str(tmp / "rules" / "names" / "person_contexts.tsv")], check=True, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--fold", type=int, default=3, help="which block is held out (0-based)")
    ap.add_argument("--all", action="store_true", help="no hold-out: score all of train with the repo's lists")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--type", default="", help="only show errors of this type (PER, LOC, ORG)")
    ap.add_argument("--dump", type=Path, help="write gold and predicted token ranges per sentence (JSONL)")
    args = ap.parse_args()
    if args.train.name.startswith("test"):
        raise SystemExit("refusing to tune on a test split")
    lines = [l for l in args.train.read_text(encoding="utf-8").splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmpd:
        if args.all:
            held = lines
            sys.path.insert(0, str(ROOT))
        else:
            n = len(lines)
            a, b = n * args.fold // args.folds, n * (args.fold + 1) // args.folds
            held = lines[a:b]
            prepare(Path(tmpd), lines[:a] + lines[b:])
            sys.path.insert(0, tmpd)
        from newsfacts.document import Document
        from newsfacts.entities import find_entities
        from newsfacts.rules import RuleSet

        rules = RuleSet()

        tally = {t: [0, 0, 0] for t in TYPES}
        shown = 0
        dump = args.dump.open("w", encoding="utf-8") if args.dump else None
        for i, line in enumerate(held):
            s = json.loads(line)
            text = s["text"]
            starts, pos = [], 0
            for tok in text.split(" "):
                starts.append(pos)
                pos += len(tok) + 1
            gold = {(e["type"], *token_range(starts, e["start"], e["end"]))
                    for e in s["entities"] if e["type"] in TYPES}
            facts = find_entities(Document(text), rules)  # entities only: other extractors may be mid-edit
            pred = set()
            for field, typ in FIELD_TYPE.items():
                for ent in facts[field]:
                    for m in ent["mentions"]:
                        pred.add((typ, *token_range(starts, m["start"], m["end"])))
            if dump:
                dump.write(json.dumps({"text": text, "gold": sorted(gold), "pred": sorted(pred)},
                                      ensure_ascii=False) + "\n")
            for t in TYPES:
                g = {x for x in gold if x[0] == t}
                p = {x for x in pred if x[0] == t}
                tally[t][0] += len(g & p)
                tally[t][1] += len(p - g)
                tally[t][2] += len(g - p)
            want = (lambda xs: {x for x in xs if x[0] == args.type}) if args.type else (lambda xs: xs)
            if args.show and shown < args.show and want(gold) != want(pred):
                shown += 1
                toks = text.split(" ")
                fmt = lambda xs: sorted(f"{x[0]}:{' '.join(toks[x[1]:x[2] + 1])}" for x in want(xs))
                print(f"h{i:05d} missed={fmt(gold - pred)} extra={fmt(pred - gold)}")
                print("       ", text[:300])

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    for t in TYPES:
        p, r, f = prf(*tally[t])
        print(f"{t:4} p={p:.3f} r={r:.3f} f1={f:.3f}  (tp={tally[t][0]} fp={tally[t][1]} fn={tally[t][2]})")
    p, r, f = prf(*[sum(tally[t][k] for t in TYPES) for k in range(3)])
    print(f"sentences={len(held)} micro p={p:.3f} r={r:.3f} f1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
