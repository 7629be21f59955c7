#!/usr/bin/env python3
"""Score newsfacts.dates on gold documents (default: ../shared/eval/dev).

Per document: the SET of date values found against the gold set (misses and
extras are printed), then micro precision / recall / F1 over all documents,
and the accuracy of find_published over documents whose gold ``published`` is
known. As the extractor would be run, the published date given to find_dates
is ``metadata.published`` when the record has it, else find_published(text).

    python scripts/eval_dates.py [DIR] [-q] [--mentions]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsfacts.dates import find_dates, find_published  # noqa: E402
from newsfacts.rules import default_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("-q", "--quiet", action="store_true", help="only the totals")
    ap.add_argument("--mentions", action="store_true", help="print every mention found")
    args = ap.parse_args()
    rules = default_rules()
    t0 = time.perf_counter()
    find_dates("x", None, rules)  # loads and compiles the rules
    setup = time.perf_counter() - t0
    files = sorted(Path(args.dir).glob("*.json"))
    if not files:
        print(f"no *.json in {args.dir}", file=sys.stderr)
        return 2
    tp = fp = fn = 0
    pub_ok = pub_n = 0  # the published date the tool reports (metadata first)
    text_ok = text_n = 0  # find_published alone, on documents without metadata
    chars = 0
    elapsed = 0.0
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        text = doc["text"]
        chars += len(text)
        meta = (doc.get("metadata") or {}).get("published")
        t0 = time.perf_counter()
        found_pub = find_published(text, rules)
        pub = dt.date.fromisoformat(meta[:10]) if meta else found_pub
        mentions = find_dates(text, pub, rules)
        elapsed += time.perf_counter() - t0
        for m in mentions:
            assert text[m["start"]:m["end"]] == m["text"], (f.name, m)
        gold = {d["value"] for d in doc.get("dates") or []}
        pred = {m["value"] for m in mentions}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        notes = []
        if gold - pred:
            notes.append(f"miss {sorted(gold - pred)}")
        if pred - gold:
            extra = [f"{v} ({', '.join(repr(m['text']) for m in mentions if m['value'] == v)})"
                     for v in sorted(pred - gold)]
            notes.append(f"extra {extra}")
        gpub = doc.get("published")
        if gpub:
            pub_n += 1
            pub_ok += (pub.isoformat() if pub else None) == gpub
            if not meta:
                text_n += 1
                got = found_pub.isoformat() if found_pub else None
                if got == gpub:
                    text_ok += 1
                else:
                    notes.append(f"published {got} != {gpub}")
        elif found_pub and not meta:
            notes.append(f"published {found_pub} (gold none; not scored)")
        if not args.quiet and (notes or args.mentions):
            print(f"{f.stem}: " + "; ".join(notes) if notes else f"{f.stem}: ok")
            if args.mentions:
                for m in mentions:
                    print(f"    {m['start']:5d} {m['value']:10s} {m['text']!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"dates: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn}, {len(files)} docs)")
    if pub_n:
        print(f"published: accuracy={pub_ok / pub_n:.3f} ({pub_ok}/{pub_n}; metadata first, else find_published)")
    if text_n:
        print(f"find_published alone (docs without metadata): {text_ok / text_n:.3f} ({text_ok}/{text_n})")
    if elapsed:
        print(f"speed: {chars / elapsed / 1e6:.2f} MB/s (find_published + find_dates over {chars} chars;"
              f" rules loaded and compiled once in {setup:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
