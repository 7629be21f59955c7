"""Faster code paths of the document, dates and numbers give what the plain ones give."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import dates as D
from newsfacts import numbers as N
from newsfacts.document import Document, token_words
from newsfacts.normalize import REMOVED, fold, normalize

# Characters that exercise the boundaries: letters, digits, blanks of every kind,
# punctuation, sentence ends, diacritics and tatweel (removed by the view), "_".
CHARS = ["ب", "و", "ل", "ة", "a", "Z", "1", "٣", " ", " ", "\t", "\n", "\u00a0", "\u2009", ".", "،",
         "!", "؟", "…", "»", ")", "-", "_", "\u064b", "\u0651", "\u0640", "\u200f"]
texts = st.lists(st.sampled_from(CHARS), max_size=80).map("".join)
long_words = st.lists(st.sampled_from(["ب" * 70, "x" * 3, " ", "\n", "و", "1"]), max_size=8).map("".join)


def plain_prev_word(view: str, pos: int) -> tuple[str, int]:
    i = pos
    while i > 0 and view[i - 1].isalpha():
        i -= 1
    while i > 0 and view[i - 1] in " \t\u00a0":
        i -= 1
    j = i
    while j > 0 and not view[j - 1].isspace():
        j -= 1
    return view[j:i], j


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, long_words), st.data())
def test_numbers_prev_word(view, data):
    pos = data.draw(st.integers(0, len(view)))
    assert N._prev_word(view, pos) == plain_prev_word(view, pos)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, long_words))
def test_dates_last_words_and_word_count(text):
    for n in (1, 3):
        assert D._last_words(text, n) == D._WORD.findall(text)[-n:]
    filler = {"x", "ب"}
    for most in (0, 3):
        words = [w for w in D._WORD.findall(text) if w.lower() not in filler]
        assert D._at_most_words(text, filler, most) == (len(words) <= most)


def plain_normalize(text: str) -> tuple[str, tuple[int, ...] | None]:
    kept = [i for i, ch in enumerate(text) if not REMOVED.match(ch)]
    if len(kept) == len(text):
        return fold(text), None
    return fold(REMOVED.sub("", text)), tuple(kept + [len(text)])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize(text):
    nv = normalize(text)
    assert (nv.text, nv._orig) == plain_normalize(text)
    for a in range(len(nv.text) + 1):
        for b in (a, min(len(nv.text), a + 2)):
            if a < b:
                assert nv.span(a, b) == (nv.orig(a), nv.orig(b - 1) + 1)
            else:
                assert nv.span(a, b) == (nv.orig(a), nv.orig(a))


PLAIN_SENT_END = re.compile(r"[.!?؟…][.!?؟…]*[\"'”»)]*(?=\s)|\n\n*"
                            r"|\.(?<=[\u0621-\u064a]{2}\.)(?=[\u0621-\u064a]{2})")


def plain_sentences(t: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    cuts = [(m.start() if t[m.start()] == "\n" else m.end(), m.end()) for m in PLAIN_SENT_END.finditer(t)]
    for cut, nxt in cuts + [(len(t), len(t))]:
        seg = t[pos:cut]
        if seg.strip():
            s = pos + len(seg) - len(seg.lstrip())
            spans.append((s, s + len(seg.strip())))
        pos = nxt
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CHARS + ["رضوان", "أ", "ف", "ب"]), max_size=60).map("".join))
def test_sentences_and_scan(text):
    doc = Document(text)
    assert doc.sentences == plain_sentences(text)
    assert doc.scan == re.sub(r"[^\w]|_", " ", doc.view.text) + " "


@settings(max_examples=200, deadline=None)
@given(texts)
def test_tokens_and_token_words(text):
    doc = Document(text)
    view = doc.view.text
    toks = doc.tokens
    plain = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", view)]
    assert [(t.vstart, t.vend, t.norm) for t in toks] == plain
    assert [(t.start, t.end) for t in toks] == [doc.span(a, b) for a, b, _ in plain]
    norms, distinct = token_words(toks)
    assert norms == [w for _, _, w in plain] and distinct == set(norms)
    assert token_words(list(toks)) == (norms, distinct)  # another list: read afresh
