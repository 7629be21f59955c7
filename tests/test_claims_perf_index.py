"""A token's word and noun classes filled in for the whole document at once are what the
per-token lookup (``_Ctx._index``) finds.

``_Ctx`` takes the classes of every token whose written word alone decides them (no final-ة
variant, no form of several words starting on it) in one pass; the others are looked up
when first asked for. These tests compare the two on real texts and on texts made of the
vocabulary's forms, ة/ه spellings and proclitics.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsfacts.claims import _Ctx
from newsfacts.claims_vocab import vocab
from newsfacts.document import Document
from newsfacts.rules import default_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PROCLITICS = ["", "", "", "و", "ب", "ل", "وب", "فل", "ال", "بال", "لل"]
SEPARATORS = [" ", " ", "، ", "-", "_", "\n", ". ", ": "]


@pytest.fixture(scope="module")
def rules():
    return default_rules()


def _real_texts() -> list[str]:
    texts = [p.read_text() for p in sorted(SAMPLES.glob("*.txt"))]
    for p in sorted((ROOT / "eval" / "holdout").glob("*.json")):
        texts.append(json.loads(p.read_text())["text"])
    return texts


def _vocab_texts(rules, n: int) -> list[str]:
    rng = random.Random(7)
    words = sorted(" ".join((first,) + rest) for first, forms in vocab(rules).forms.items()
                   for rest, _, _ in forms)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(3, 14)):
            w = rng.choice(PROCLITICS) + rng.choice(words)
            if rng.random() < 0.3:
                w = w.replace("ه", "ة") if rng.random() < 0.5 else w.replace("ة", "ه")
            parts.append(w + rng.choice(SEPARATORS))
        out.append("".join(parts))
    return out


def _check(text: str, rules) -> int:
    """Compare the filled-in classes of ``text``'s tokens with _index; how many were filled in."""
    ctx = _Ctx(Document(text), vocab(rules), {}, [], [], rules)
    if ctx.empty:
        return 0
    filled = 0
    for i in range(ctx.ntoks):
        wd, nd = ctx._wc[i], ctx._nc[i]
        assert (wd is None) == (nd is None)
        if wd is None:
            continue
        filled += 1
        ctx._wc[i] = ctx._nc[i] = None
        assert ctx._index(i) == (wd, nd), (text, i, ctx.toks[i].norm)
    return filled


def test_filled_classes_are_what_index_finds_in_real_texts(rules):
    assert sum(_check(t, rules) for t in _real_texts()) > 1000


def test_filled_classes_are_what_index_finds_in_vocabulary_texts(rules):
    assert sum(_check(t, rules) for t in _vocab_texts(rules, 400)) > 1000
