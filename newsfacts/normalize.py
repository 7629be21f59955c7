"""Normalized view of Arabic text with a map back to the original offsets.

The view applies camel-tools' alef / alef-maksura / teh-marbuta folding and
removes diacritics and tatweel. Folding is one character for one character;
only removals change length, and ``Normalized.orig`` maps every position of
the view back to the original text, so a match found in the view is reported
with offsets into the text the user gave us.

camel-tools' own ``dediac_ar`` cannot report what it removed, and importing
``camel_tools.utils.dediac`` costs about half a second (it walks all of
Unicode), so the diacritic set is copied here; a test checks that it still
equals ``camel_tools.utils.charsets.AR_DIAC_CHARSET``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: camel-tools' AR_DIAC_CHARSET (fathatan … sukun, superscript alef).
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
#: Other marks that never change which word is meant: Quranic annotation
#: signs, extended harakat, bidi and zero-width controls.
_OTHER_MARKS = "\u0610-\u061a\u0653-\u065f\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
REMOVED = re.compile(f"[{AR_DIACRITICS}{TATWEEL}{_OTHER_MARKS}]")

#: camel-tools' normalize_alef_ar, normalize_alef_maksura_ar and normalize_teh_marbuta_ar
#: (a test checks that they agree), then, beyond camel-tools' folding, hamza carriers and
#: Persian letter shapes, so that مسؤول/مسئول and كييف/کییف meet. All one-for-one, and no
#: letter produced is folded again, so the order does not matter.
_FOLDS = (("\u0625", "\u0627"), ("\u0623", "\u0627"), ("\u0671", "\u0627"), ("\u0622", "\u0627"),
          ("\u0649", "\u064a"), ("\u0629", "\u0647"),
          ("ؤ", "و"), ("ئ", "ي"), ("ک", "ك"), ("ی", "ي"), ("ہ", "ه"), ("ۀ", "ه"))


def fold(s: str) -> str:
    """Fold letter variants one-for-one (length is preserved)."""
    # str.replace per letter is many times faster than str.translate on Arabic text
    for a, b in _FOLDS:
        if a in s:
            s = s.replace(a, b)
    return s


@lru_cache(maxsize=1 << 17)
def norm(s: str) -> str:
    """Normalize a short string for comparison (no offset map)."""
    return " ".join(fold(REMOVED.sub("", s)).split())


def norm_many(items: list[str]) -> list[str]:
    """:func:`norm` of many short strings in one pass (for building lexicons)."""
    if not items:
        return []
    joined = fold(REMOVED.sub("", "\n".join(s.replace("\n", " ") for s in items)))
    return [" ".join(x.split()) for x in joined.split("\n")]


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string and, per position, its position in the original."""

    text: str
    original: str
    _orig: tuple[int, ...] | None  # None: identity (nothing was removed)

    def orig(self, i: int) -> int:
        """Original offset of view position ``i`` (``len(view)`` maps to the end)."""
        if self._orig is None:
            return i
        return self._orig[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the view span ``[start, end)``."""
        orig = self._orig  # (orig() inlined: extractors call this very often)
        if start >= end:
            o = start if orig is None else orig[start]
            return o, o
        if orig is None:
            return start, end
        return orig[start], orig[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Build the normalized view of ``text``."""
    kept_parts = REMOVED.split(text)  # the text between removed characters, in one pass
    if len(kept_parts) == 1:
        return Normalized(fold(text), text, None)
    kept: list[int] = []
    extend = kept.extend
    pos = 0
    for part in kept_parts:
        if part:
            extend(range(pos, pos + len(part)))
        pos += len(part) + 1  # REMOVED matches one character
    kept.append(len(text))
    return Normalized(fold("".join(kept_parts)), text, tuple(kept))
