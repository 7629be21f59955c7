#!/usr/bin/env python3
"""Mine common (non-name) Arabic words from ANERcorp *train* into rules/common_words.tsv.

A word is common when it occurs at least MIN_OUTSIDE times outside any entity
and at most a fifth as often inside one. Entity extraction never takes such a
word as part of a name unless a name lexicon lists it. Deterministic; reads
only train.jsonl (the test part is the benchmark).

    .venv/bin/python scripts/mine_common_words.py [TRAIN_JSONL]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newsfacts.normalize import norm  # noqa: E402

MIN_OUTSIDE = 2
MAX_INSIDE_SHARE = 0.2
TRAIN = ROOT.parent / "shared" / "eval" / "anercorp" / "train.jsonl"
OUT = ROOT / "rules" / "common_words.tsv"


def mine(lines: list[str]) -> list[tuple[str, int]]:
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for line in lines:
        row = json.loads(line)
        text = row["text"]
        spans = [(e["start"], e["end"]) for e in row["entities"]]
        pos = 0
        for tok in text.split(" "):
            start, end = pos, pos + len(tok)
            pos = end + 1
            w = norm(tok)
            if not w or not w[0].isalpha() or len(w) < 2:
                continue
            if any(s < end and start < e for s, e in spans):
                inside[w] += 1
            else:
                outside[w] += 1
    rows = [(w, n) for w, n in outside.items() if n >= MIN_OUTSIDE and inside[w] <= MAX_INSIDE_SHARE * n]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main() -> int:
    train = Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN
    rows = mine(train.read_text(encoding="utf-8").splitlines())
    body = "".join(f"{w}\t{n}\n" for w, n in rows)
    OUT.write_text("# word (normalized)\tcount outside entities — mined from ANERcorp train by "
                   "scripts/mine_common_words.py\n" + body, encoding="utf-8")
    print(f"{OUT}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
