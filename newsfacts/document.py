"""The document model: original text, normalized view, sentences and tokens.

Everything an extractor reports is an offset into ``Document.text``, the text
as decoded; extractors search ``Document.view`` (normalized: see
:mod:`newsfacts.normalize`) and map back with ``Document.span``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .normalize import Normalized, normalize

#: Word characters of the view: Arabic and Latin letters and all digits.
_TOKEN = re.compile(r"(\w+)|([^\w\s])", re.UNICODE)
_NONWORD = re.compile(r"[^\w]|_")
#: Sentence ends: . ! ? ؟ and line breaks (a title or dateline line is a sentence).
_SENT_END = re.compile(r"(?:[.!?؟…]+[\"'”»)]*)(?=\s)|\n+"
                       # a full stop glued between two Arabic words (رضوان.استقبل), not in أ.ف.ب
                       r"|(?<=[\u0621-\u064a]{2})\.(?=[\u0621-\u064a]{2})")

#: Proclitics that attach to a noun in writing: conjunction, then preposition.
CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")


@lru_cache(maxsize=1 << 17)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Possible ``(proclitics, stem)`` readings of a normalized word, longest stem first.

    ``وبموسكو`` → ``[("", "وبموسكو"), ("و", "بموسكو"), ("وب", "موسكو")]``;
    ``للكرملين`` also yields ``("ل", "الكرملين")`` (ل + ال is written لل).
    Stems shorter than two letters are not offered.
    """
    out = [("", word)]
    for c in ("",) + CONJ:
        if c and not word.startswith(c):
            continue
        rest = word[len(c):]
        if c and len(rest) >= 2:
            out.append((c, rest))
        for p in PREP:
            if rest.startswith(p) and len(rest) - 1 >= 2:
                stem = rest[1:]
                out.append((c + p, stem))
                if p == "ل" and stem.startswith("ل") and len(stem) >= 3:
                    out.append((c + p, "ا" + stem))  # لل + noun = ل + ال + noun
    return tuple(dict.fromkeys(out))  # words repeat: the cache makes this once per distinct word


class Token:
    """A word or punctuation mark; offsets into the original text, ``norm`` from the view.

    A plain slotted class: documents have many tokens, and a frozen dataclass
    costs several times more to create.
    """

    __slots__ = ("index", "start", "end", "vstart", "vend", "norm", "is_word")

    def __init__(self, index: int, start: int, end: int, vstart: int, vend: int, norm: str,
                 is_word: bool | None = None) -> None:
        self.index, self.start, self.end, self.vstart, self.vend, self.norm = index, start, end, vstart, vend, norm
        self.is_word = (norm[:1].isalnum() or norm[:1] == "_") if is_word is None else is_word

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.norm!r})"


@dataclass
class Document:
    """One input document and the views extractors share."""

    text: str
    published: _dt.date | None = None
    view: Normalized = field(init=False)

    def __post_init__(self) -> None:
        self.view = normalize(self.text)

    @property
    def vtext(self) -> str:
        """The normalized view as a string."""
        return self.view.text

    def span(self, vstart: int, vend: int) -> tuple[int, int]:
        """Original offsets of a view span."""
        return self.view.span(vstart, vend)

    @cached_property
    def scan(self) -> str:
        """The view with every non-word character as a space (same length), plus a final space."""
        return _NONWORD.sub(" ", self.view.text) + " "

    @cached_property
    def tokens(self) -> list[Token]:
        orig = self.view._orig
        toks = []
        add = toks.append
        for i, m in enumerate(_TOKEN.finditer(self.view.text)):
            s, e = m.span()
            word = m.lastindex == 1
            if orig is None:
                add(Token(i, s, e, s, e, m.group(), word))
            else:
                add(Token(i, orig[s], orig[e - 1] + 1, s, e, m.group(), word))
        return toks

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in the original text (stripped of surrounding blanks)."""
        spans = []
        pos = 0
        t = self.text
        for m in _SENT_END.finditer(t):
            end = m.end() if not m.group().startswith("\n") else m.start()
            _add_stripped(spans, t, pos, end)
            pos = m.end()
        _add_stripped(spans, t, pos, len(t))
        return spans

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing original ``offset`` (or the one before it)."""
        from bisect import bisect_right

        starts = self._sentence_starts
        return max(0, bisect_right(starts, offset) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]


def _add_stripped(spans: list[tuple[int, int]], t: str, s: int, e: int) -> None:
    while s < e and t[s].isspace():
        s += 1
    while e > s and t[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
