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
from itertools import accumulate, repeat
from operator import itemgetter

try:
    from collections import _tuplegetter
except ImportError:  # pragma: no cover - other Pythons
    def _tuplegetter(i: int, doc: str) -> property:
        return property(itemgetter(i), doc=doc)

from .normalize import Normalized, normalize

#: Word characters of the view: Arabic and Latin letters and all digits.
_TOKEN = re.compile(r"(\w+)|([^\w\s])", re.UNICODE)
#: The same tokens as one group, for re.split: [blank, token, blank, token, …, blank].
_TOKEN_SPLIT = re.compile(r"(\w+|[^\w\s])")
_NONWORD = re.compile(r"[\W_]")  # not a word character, or "_"
#: The other characters than word characters and the space (one class: re skips to
#: them in C; "_" is replaced apart, with str.replace).
_NONWORD_NOT_SPACE = re.compile(r"[^\w ]")
#: Sentence ends: . ! ? ؟ and line breaks (a title or dateline line is a sentence).
#: (The pattern starts with one character class, so re skips to those characters in C;
#: each branch then checks which one it was.)
_SENT_END = re.compile(r"[.!?؟…\n](?:(?<=[.!?؟…])[.!?؟…]*[\"'”»)]*(?=\s)|(?<=\n)\n*"
                       # a full stop glued between two Arabic words (رضوان.استقبل), not in أ.ف.ب
                       r"|(?<=\.)(?<=[\u0621-\u064a]{2}\.)(?=[\u0621-\u064a]{2}))")

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


class Token(tuple):
    """A word or punctuation mark; offsets into the original text, ``norm`` from the view.

    A tuple with named fields: a document's tokens are made in one pass of C code
    (:attr:`Document.tokens`), several times cheaper than calling a constructor per token.
    """

    __slots__ = ()

    def __new__(cls, index: int, start: int, end: int, vstart: int, vend: int, norm: str,
                is_word: bool | None = None) -> "Token":
        if is_word is None:
            is_word = norm[:1].isalnum() or norm[:1] == "_"
        return tuple.__new__(cls, (index, start, end, vstart, vend, norm, is_word))

    index = _tuplegetter(0, "Position in the document's token list.")
    start = _tuplegetter(1, "Original start offset.")
    end = _tuplegetter(2, "Original end offset.")
    vstart = _tuplegetter(3, "Start offset in the view.")
    vend = _tuplegetter(4, "End offset in the view.")
    norm = _tuplegetter(5, "The token as written in the view.")
    is_word = _tuplegetter(6, "A word (letters, digits), not a punctuation mark.")

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.norm!r})"


_NORM = itemgetter(5)  # Token.norm


def token_words(tokens: list[Token]) -> tuple[list[str], set[str]]:
    """The ``norm`` of every token of ``tokens`` and the set of them."""
    norms = list(map(_NORM, tokens))
    return norms, set(norms)


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
        return _NONWORD_NOT_SPACE.sub(" ", self.view.text).replace("_", " ") + " "

    @cached_property
    def tokens(self) -> list[Token]:
        parts = _TOKEN_SPLIT.split(self.view.text)  # blanks and tokens alternate
        offs = list(accumulate(map(len, parts), initial=0))
        norms = parts[1::2]
        vstarts = offs[1::2]
        vends = offs[2::2]
        orig = self.view._orig
        if orig is None:
            starts, ends = vstarts, vends
        else:
            starts = list(map(orig.__getitem__, vstarts))
            ends = [orig[e - 1] + 1 for e in vends]
        # A token is a run of \w or one other character; str.isalnum is \w less "_".
        isword = list(map(str.isalnum, norms))
        if "_" in self.view.text:
            isword = [w or "_" in t for w, t in zip(isword, norms)]
        self._arrays = (vstarts, starts, isword)
        # map(tuple.__new__, repeat(Token), rows) calls tuple.__new__ directly (cheaper than a partial)
        return list(map(tuple.__new__, repeat(Token), zip(range(len(norms)), starts, ends, vstarts, vends,
                                                          norms, isword)))

    @property
    def token_vstarts(self) -> list[int]:
        """View start of every token (shared: do not modify)."""
        self.tokens
        return self._arrays[0]

    @property
    def token_starts(self) -> list[int]:
        """Original start of every token (shared: do not modify)."""
        self.tokens
        return self._arrays[1]

    @property
    def token_isword(self) -> list[bool]:
        """Whether each token is a word (shared: do not modify)."""
        self.tokens
        return self._arrays[2]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in the original text (stripped of surrounding blanks)."""
        spans = []
        pos = 0
        t = self.text
        for m in _SENT_END.finditer(t):
            s, e = m.span()
            _add_stripped(spans, t, pos, s if t[s] == "\n" else e)
            pos = e
        _add_stripped(spans, t, pos, len(t))
        return spans


def _add_stripped(spans: list[tuple[int, int]], t: str, s: int, e: int) -> None:
    seg = t[s:e]
    core = seg.strip()  # str.strip drops what str.isspace calls blank
    if core:
        s += len(seg) - len(seg.lstrip())
        spans.append((s, s + len(core)))
