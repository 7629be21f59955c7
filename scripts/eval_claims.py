#!/usr/bin/env python3
"""Per-claim diff of newsfacts' claims against the gold dev set.

    .venv/bin/python scripts/eval_claims.py [GOLD_DIR] [--doc ID ...] [--only-errors]

For every document: gold claims with the predicted claim they matched (the
same matching as ../shared/eval/score.py: same type, equal count or a gold
count of null), slot by slot (location, claimant marked ✓/✗), then the
predicted claims that matched nothing. Ends with the claim P/R/F1 and the
slot accuracies, per claim type too.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PUNCT = re.compile(r"[\"'«»“”‘’()\[\]{}.,،:;؛!?؟\-–—/]+")


def _norm(s: str) -> str:
    s = _DIACRITICS.sub("", s or "").translate(_FOLD)
    return " ".join(_PUNCT.sub(" ", s).split())


def _lenient(a: str, b: str) -> bool:
    x, y = _norm(a).split(), _norm(b).split()
    if not x or not y:
        return False
    if len(x) > len(y):
        x, y = y, x
    return any(y[i:i + len(x)] == x for i in range(len(y) - len(x) + 1))


def slot_ok(gold, pred) -> bool | None:
    golds = [g for g in (gold if isinstance(gold, list) else [gold]) if g]
    if not golds:
        return None
    preds = [p for p in (pred if isinstance(pred, list) else [pred]) if isinstance(p, str) and p]
    return any(_lenient(g, p) for g in golds for p in preds)


def match(gold: list[dict], pred: list[dict]):
    used = [False] * len(gold)
    pairs, extras = [], []
    for p in pred:
        same = [i for i, g in enumerate(gold) if not used[i] and g.get("type") == p.get("type")]
        hit = next((i for i in same if gold[i].get("count") is not None and gold[i]["count"] == p.get("count")), None)
        if hit is None:
            hit = next((i for i in same if gold[i].get("count") is None), None)
        if hit is None:
            extras.append(p)
        else:
            used[hit] = True
            pairs.append((gold[hit], p))
    misses = [g for i, g in enumerate(gold) if not used[i]]
    return pairs, extras, misses


def _fmt(c: dict) -> str:
    keys = ("type", "count", "qualifier", "object", "unit", "location", "claimant", "participants")
    return " ".join(f"{k}={c.get(k)!r}" for k in keys if c.get(k) is not None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--doc", action="append", help="only this document id (repeatable)")
    ap.add_argument("--only-errors", action="store_true", help="print only documents with a miss, extra or slot error")
    ap.add_argument("--evidence", action="store_true", help="print the evidence of predicted claims")
    args = ap.parse_args()

    from newsfacts import extract

    tally = Counter()
    per_type = Counter()
    for path in sorted(args.gold_dir.glob("*.json")):
        if args.doc and path.stem not in args.doc:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = (gold.get("metadata") or {}).get("published")
        pred = extract(gold["text"], published)["claims"]
        pairs, extras, misses = match(gold.get("claims") or [], pred)
        lines = []
        bad = bool(extras or misses)
        for g, p in pairs:
            marks = []
            for slot in ("location", "claimant"):
                ok = slot_ok(g.get(slot), p.get(slot))
                if ok is None:
                    continue
                tally[f"{slot}_n"] += 1
                tally[f"{slot}_ok"] += int(ok)
                if not ok:
                    bad = True
                    marks.append(f"✗{slot}: gold={g.get(slot)!r} pred={p.get(slot)!r}")
            per_type[(g["type"], "tp")] += 1
            lines.append(f"  = {_fmt(g)}" + ("" if not marks else "\n      " + "\n      ".join(marks)))
            if args.evidence:
                lines.append(f"      ev: {p['evidence'][:160]}")
        for g in misses:
            per_type[(g["type"], "fn")] += 1
            lines.append(f"  - MISS {_fmt(g)}")
        for p in extras:
            per_type[(p["type"], "fp")] += 1
            lines.append(f"  + EXTRA {_fmt(p)}  [{p['rule']}]")
            if args.evidence:
                lines.append(f"      ev: {p['evidence'][:160]}")
        tally["tp"] += len(pairs)
        tally["fp"] += len(extras)
        tally["fn"] += len(misses)
        if bad or not args.only_errors:
            print(path.stem)
            print("\n".join(lines))
    tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nclaims P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    for slot in ("location", "claimant"):
        n = tally[f"{slot}_n"]
        if n:
            print(f"{slot} accuracy {tally[f'{slot}_ok'] / n:.3f} ({tally[f'{slot}_ok']}/{n})")
    for t in sorted({k[0] for k in per_type}):
        tp_, fp_, fn_ = per_type[(t, "tp")], per_type[(t, "fp")], per_type[(t, "fn")]
        print(f"  {t:13} tp={tp_:3} fp={fp_:3} fn={fn_:3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
