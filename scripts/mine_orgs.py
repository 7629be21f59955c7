#!/usr/bin/env python3
"""Mine organization names (clubs, companies, parties, bodies) from ANERcorp *train*.

An ORG entity form is kept when it is tagged ORG at least MIN_ORG times and at
least MIN_SHARE of its occurrences in train (as whole words, a proclitic و ف ب ل
allowed on the first word) are tagged ORG: أرسنال، الزمالك، فولكسفاغن, not
ليفربول if the city is meant as often. Peoples and sects (الشيعة، الأكراد), which
ANERcorp tags as ORG but the annotation guide does not take for organizations,
are left out (EXCLUDE). Writes rules/organizations_mined.tsv (form, form, kind);
deterministic; reads only train.jsonl (the test part is the benchmark).

    .venv/bin/python scripts/mine_orgs.py [TRAIN_JSONL] [OUT_TSV]
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newsfacts.normalize import REMOVED, norm  # noqa: E402

MIN_ORG = 2
MIN_SHARE = 0.6
MAX_WORDS = 4
TRAIN = ROOT.parent / "shared" / "eval" / "anercorp" / "train.jsonl"
OUT = ROOT / "rules" / "organizations_mined.tsv"
CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: Peoples, sects, tribes, dynasties and generic words: not organizations in the guide's sense.
EXCLUDE = {norm(w) for w in (
    "الشيعة", "السنة", "سنة", "الأكراد", "الفرس", "قريش", "البانتو", "الماوري", "العرب", "اليهود", "المسلمين",
    "المسلمون", "الأمويين", "العباسيين", "الفاطميين", "المغول", "الحكومة", "الشرطة", "الجيش", "البرلمان",
    "الدولة", "دولة", "الوكالة", "المعهد", "النادي", "الشركة", "الحزب", "الأمازيغ", "الصرب", "التتار")}


def _strip(tok: str, known: set[str]) -> str:
    """A first token without its proclitic, when the rest is itself attested."""
    for p in sorted(CLITICS, key=len, reverse=True):
        if tok.startswith(p) and len(tok) - len(p) >= 2 and tok[len(p):] in known:
            return tok[len(p):]
    if tok.startswith("لل") and "ال" + tok[2:] in known:
        return "ال" + tok[2:]
    return tok


def mine(lines: list[str]) -> list[tuple[str, int, int]]:
    rows = [json.loads(l) for l in lines if l.strip()]
    sents = []
    forms: list[list[str]] = []
    for r in rows:
        toks = [norm(REMOVED.sub("", t)) for t in r["text"].split(" ")]
        starts, pos = [], 0
        for t in r["text"].split(" "):
            starts.append(pos)
            pos += len(t) + 1
        spans = []
        for e in r["entities"]:
            if e["type"] != "ORG":
                continue
            idx = [i for i, s in enumerate(starts) if e["start"] <= s < e["end"]]
            if idx and len(idx) <= MAX_WORDS:
                spans.append((idx[0], idx[-1] + 1))
        sents.append((toks, spans))
    singles = {toks[a] for toks, spans in sents for a, b in spans}
    org_count: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for (toks, spans), r in zip(sents, rows):
        raw = r["text"].split(" ")
        for a, b in spans:
            key = (_strip(toks[a], singles), *toks[a + 1:b])
            org_count[key] += 1
            first = raw[a][len(raw[a]) - len(key[0]):] if len(key[0]) <= len(raw[a]) else raw[a]
            surface[key][" ".join([first, *raw[a + 1:b]])] += 1
    cands = {k for k, n in org_count.items() if n >= MIN_ORG and " ".join(k) not in EXCLUDE
             and all(w.isalpha() and len(w) >= 2 for w in k) and len(" ".join(k)) >= 3}
    total: Counter[tuple[str, ...]] = Counter()
    lengths = {len(k) for k in cands}
    for toks, _ in sents:
        for n in lengths:
            for i in range(len(toks) - n + 1):
                key = (_strip(toks[i], singles), *toks[i + 1:i + n])
                if key in cands:
                    total[key] += 1
    out = []
    for k in cands:
        if org_count[k] >= MIN_SHARE * max(total[k], 1):
            forms = surface[k]
            out.append((min(forms, key=lambda f: (-forms[f], f)), org_count[k], total[k]))
    return sorted(out, key=lambda r: (-r[1], r[0]))


def write(rows: list[tuple[str, int, int]], out: Path) -> None:
    body = "".join(f"{f}\t{f}\tmined\n" for f, _, _ in rows)
    out.write_text("# form\tname\tkind — organizations mined from ANERcorp train by scripts/mine_orgs.py "
                   f"(tagged ORG at least {MIN_ORG} times and in {MIN_SHARE:.0%} of their occurrences); "
                   "generated, do not edit\n" + body, encoding="utf-8")


def main() -> int:
    train = Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    if train.name.startswith("test"):
        raise SystemExit("refusing to mine a test split")
    rows = mine(train.read_text(encoding="utf-8").splitlines())
    write(rows, out)
    print(f"{out}: {len(rows)} organizations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
