"""The claims stage's per-word lookups find what a scan of the whole text finds.

Triggers and words of saying were found with the Aho-Corasick lexicon of
:mod:`newsfacts.lexicon`, clause marks and negations with one trie regex per
sentence. Both are now read word by word from cached facts about each written
word; these tests rebuild the scans from the same vocabulary and compare them
on random texts made of the vocabulary's forms, proclitics, ة/ه, diacritics,
"_" and punctuation.
"""
from __future__ import annotations

import random
import re
from bisect import bisect_right

import pytest

from newsfacts.claims import _Ctx, _scan, _underscored
from newsfacts.claims_vocab import PUNCT_MARKS, Trig, vocab
from newsfacts.document import Document
from newsfacts.lexicon import Lexicon
from newsfacts.patterns import trie_regex
from newsfacts.rules import default_rules

SEPARATORS = [" ", " ", "  ", "، ", "-", "_", "\n", ". ", "،", "(", ") ", " _", "__", ":", "؛ ", "\u064e", " «", "» "]
PROCLITICS = ["", "", "", "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فل", "لل", "بال", "ال", "وال", "x"]
OTHER_WORDS = ["قال", "مسيرة", "صواريخ", "الجيش", "في", "abc_d", "12", "مقتل", "بلده", "بلدة", "موسكو"]


@pytest.fixture(scope="module")
def voc():
    return vocab(default_rules())


def _scan_forms(voc) -> list[tuple[str, object, bool]]:
    """(form as written, entry, ends in ة) of every form the scan looks for."""
    out = []
    for first, forms in voc.scan_forms.items():
        for f in forms:
            if not f.assimilated:
                key = " ".join((first,) + f.rest)
                out.extend((key, e, f.taa) for e in f.entries)
    return out


def _mark_keys(voc) -> dict[str, tuple[str, ...]]:
    """Span class forms of words (normalized, single spaces) -> classes."""
    out = {}
    for first, (single, longer) in voc.mark_forms.items():
        if not re.fullmatch(r"\w+", first):
            continue  # a punctuation mark
        if single:
            out[first] = single
        for second, forms in longer.items():
            for rest, classes in forms:
                out[" ".join((first, second) + rest)] = classes
    return out


def _texts(voc, seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    words = sorted({k for k, _, _ in _scan_forms(voc)})
    marks = sorted(_mark_keys(voc))
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 12)):
            r = rng.random()
            w = rng.choice(words) if r < 0.5 else rng.choice(marks) if r < 0.75 else rng.choice(OTHER_WORDS)
            w = rng.choice(PROCLITICS) + w
            if rng.random() < 0.2:
                w = w.replace("ه", "ة")
            if rng.random() < 0.1:
                w = w.replace(" ", rng.choice(SEPARATORS))
            parts.append(w + rng.choice(SEPARATORS))
        out.append("".join(parts))
    return out


def test_scan_finds_what_the_lexicon_finds(voc):
    lex = Lexicon()
    for key, entry, taa in _scan_forms(voc):
        lex.add(key[:-1] + "ة" if taa else key, entry)
    for text in _texts(voc, 1, 1500):
        doc = Document(text)
        facts = list(map(voc.facts.__getitem__, map(lambda t: t.norm, doc.tokens)))
        got = _scan(voc, doc, facts, _underscored(doc))
        vstarts = doc.token_vstarts
        want = []
        for m in lex.scan(doc):
            i, j = bisect_right(vstarts, m.vstart) - 1, bisect_right(vstarts, m.vend - 1)
            want.extend((i, j, e) for e in m.entries)
        want.sort(key=lambda h: (h[0], -h[1]))  # (stable: as claims sorted the lexicon's hits)
        assert got == want, text


def test_span_marks_are_the_trie_regex_matches(voc):
    keys = _mark_keys(voc)
    rx = re.compile(r"(?<!\w)(?P<p>[وف]?[بل]?)(?P<w>" + trie_regex(sorted(keys)) + r")(?!\w)")
    rules = default_rules()
    seen = 0
    for text in _texts(voc, 2, 1500):
        doc = Document(text)
        ctx = _Ctx(doc, voc, {}, [], [], rules)
        if ctx.empty:
            continue
        seen += 1
        for k, (a, b) in enumerate(ctx.sent_tok):
            want: dict[str, list[int]] = {}
            if a < b:
                vs, ve = doc.tokens[a].vstart, doc.tokens[b - 1].vend
                for m in rx.finditer(doc.vtext, vs, ve):
                    i = bisect_right(doc.token_vstarts, m.start()) - 1
                    for cls in keys[" ".join(m.group("w").split())]:
                        want.setdefault(cls, []).append(i)
                for cls, chars in PUNCT_MARKS.items():
                    found = [i for i in range(a, b) if doc.tokens[i].norm in chars]
                    if found:
                        want[cls] = sorted(set(want.get(cls, ())) | set(found))
            for cls in set(want) | {"boundaries", "complementizers", "commas", "negations"}:
                assert ctx.marks(k, cls) == want.get(cls, []), (text, k, cls)
    assert seen > 500


def test_scan_triggers_in_order(voc):
    """Trigger hits come by first token, the longest first (what run() relies on)."""
    for text in _texts(voc, 3, 300):
        doc = Document(text)
        facts = list(map(voc.facts.__getitem__, map(lambda t: t.norm, doc.tokens)))
        hits = [(i, j) for i, j, e in _scan(voc, doc, facts, _underscored(doc)) if isinstance(e, Trig)]
        assert hits == sorted(hits, key=lambda h: (h[0], -h[1]))
        assert all(0 <= i < j <= len(doc.tokens) for i, j in hits)
