"""One Aho-Corasick pass finds every lexicon form in a document.

Forms are normalized (:func:`newsfacts.normalize.norm`) and matched on whole
words of the normalized view. A match may carry written proclitics before it
(و ف ب ل ك and their pairs: ``وبموسكو``, ``للكرملين`` = ل + الكرملين); the
proclitics are left out of the mention.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from .document import _NONWORD, Document, _tuplegetter
from .normalize import REMOVED, norm, norm_many

#: Written proclitic sequences allowed before a lexicon form.
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
_MAX_PROCLITIC = max(map(len, PROCLITICS))
_PROCLITIC_ENDS = frozenset(p[-1] for p in PROCLITICS if p)  # the letter right before the form

def _key(form: str) -> str:
    return " ".join(_NONWORD.sub(" ", norm(form)).split())


def _keys(forms: list[str]) -> list[str]:
    return [" ".join(_NONWORD.sub(" ", n).split()) for n in norm_many(forms)]


class Match(tuple):
    """A lexicon hit: view span of the form (proclitics excluded) and its entries.

    A tuple with named fields (like :class:`~newsfacts.document.Token`): a scan makes
    one per hit, and a tuple is several times cheaper to make than a frozen dataclass.
    """

    __slots__ = ()

    def __new__(cls, vstart: int, vend: int, prefix: str, key: str, entries: tuple[Any, ...],
                assimilated: bool = False) -> "Match":
        return tuple.__new__(cls, (vstart, vend, prefix, key, entries, assimilated))

    vstart = _tuplegetter(0, "View start of the form (after its proclitics).")
    vend = _tuplegetter(1, "View end of the form.")
    prefix = _tuplegetter(2, "The proclitics written before the form (\"\" if none).")
    key = _tuplegetter(3, "The normalized form matched.")
    entries = _tuplegetter(4, "The entries of the form.")
    assimilated = _tuplegetter(5, "The form's ال was written as ل after a ل (للكرملين).")

    def __repr__(self) -> str:
        return (f"Match(vstart={self[0]!r}, vend={self[1]!r}, prefix={self[2]!r}, key={self[3]!r}, "
                f"entries={self[4]!r}, assimilated={self[5]!r})")


class Lexicon:
    """Normalized forms → entries, scanned with one automaton."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Any]] = {}
        self._taa: dict[str, bool] = {}  # key ends in a written ة (not a pronoun ه)
        self._automaton = None

    def add(self, form: str, entry: Any) -> None:
        self._add(form, _key(form), entry)

    def _add(self, form: str, key: str, entry: Any) -> None:
        if len(key) < 2:
            return
        self._entries.setdefault(key, []).append(entry)
        taa = REMOVED.sub("", form).rstrip().endswith("ة")
        self._taa[key] = self._taa.get(key, True) and taa
        self._automaton = None

    def add_all(self, pairs: Iterable[tuple[str, Any]]) -> None:
        """Add many ``(form, entry)`` pairs, normalizing them in one pass."""
        pairs = list(pairs)
        for (form, entry), key in zip(pairs, _keys([f for f, _ in pairs])):
            self._add(form, key, entry)

    def _build(self):
        import ahocorasick

        a = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            # value: (length of the word as written, key, entries, assimilated, ends in ة)
            a.add_word(key + " ", (len(key), key, tuple(entries), False, self._taa[key]))
            if key.startswith("ال") and len(key) > 3:
                # ل + ال is written لل: the form appears as ل + rest after a ل.
                lkey = "ل" + key[2:]
                if lkey not in self._entries:
                    a.add_word(lkey + " ", (len(lkey), key, tuple(entries), True, self._taa[key]))
        a.make_automaton()
        self._automaton = a

    def scan(self, doc: Document) -> list[Match]:
        """All whole-word matches in ``doc`` (overlaps included)."""
        if not self._entries:
            return []
        if self._automaton is None:
            self._build()
        s = doc.scan
        text, orig = doc.text, doc.view._orig
        out: list[Match] = []
        append, new = out.append, tuple.__new__
        for end, (length, key, entries, assimilated, taa) in self._automaton.iter(s):
            start = end - length  # end is the index of the trailing space
            if start == 0 or s[start - 1] == " ":
                if assimilated:
                    continue  # the ل of لل is not written
                prefix = ""
            elif s[start - 1] not in _PROCLITIC_ENDS:
                continue  # inside a word, after a letter no proclitic ends with
            else:
                prefix = _proclitics(s, start)
                if prefix is None or (assimilated and prefix[-1] != "ل"):
                    continue
            if taa and text[end - 1 if orig is None else orig[end - 1]] != "ة":
                continue  # بلده (his country) is not بلدة (town): ة and ه fold together
            append(new(Match, (start, end, prefix, key, entries, assimilated)))  # Match(...), cheaper
        return out


def _proclitics(s: str, start: int) -> str | None:
    """The proclitics written before ``s[start]`` inside a word of the scan string
    ``s``, or None if the letters there are not proclitics."""
    lo = max(0, start - _MAX_PROCLITIC - 1)
    ws = s.rfind(" ", lo, start) + 1
    if ws == 0 and lo > 0:
        return None  # more letters before the form than proclitics have
    prefix = s[ws:start]
    return prefix if prefix in PROCLITICS else None
