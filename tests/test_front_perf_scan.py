"""The scan string and the tokens agree with plain regex versions on every kind of blank."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.document import Document, token_words

# Every character Python counts as blank, some punctuation and symbols, letters, digits,
# "_", removed marks and a character outside the BMP (the view is then UCS-4).
BLANKS = [ch for ch in map(chr, range(0x3001)) if ch.isspace()]
CHARS = BLANKS + ["ب", "ك", "a", "7", "٣", "_", ".", "،", "-", "«", "😀", "\u064b", "\u0640", "\u200f", "²"]
texts = st.lists(st.sampled_from(CHARS), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_scan_string(text):
    doc = Document(text)
    assert doc.scan == re.sub(r"[^\w]|_", " ", doc.view.text) + " "


@settings(max_examples=200, deadline=None)
@given(texts)
def test_tokens(text):
    doc = Document(text)
    plain = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", doc.view.text)]
    assert [(t.vstart, t.vend, t.norm) for t in doc.tokens] == plain
    assert token_words(doc.tokens) == ([w for _, _, w in plain], {w for _, _, w in plain})
