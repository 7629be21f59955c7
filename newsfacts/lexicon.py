"""One Aho-Corasick pass finds every lexicon form in a document.

Forms are normalized (:func:`newsfacts.normalize.norm`) and matched on whole
words of the normalized view. A match may carry written proclitics before it
(و ف ب ل ك and their pairs: ``وبموسكو``, ``للكرملين`` = ل + الكرملين); the
proclitics are left out of the mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .document import _NONWORD, Document
from .normalize import REMOVED, norm, norm_many

#: Written proclitic sequences allowed before a lexicon form.
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})

def _key(form: str) -> str:
    return " ".join(_NONWORD.sub(" ", norm(form)).split())


def _keys(forms: list[str]) -> list[str]:
    return [" ".join(_NONWORD.sub(" ", n).split()) for n in norm_many(forms)]


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit: view span of the form (proclitics excluded) and its entries."""

    vstart: int
    vend: int
    prefix: str
    key: str
    entries: tuple[Any, ...]
    assimilated: bool = False  # the form's ال was written as ل after a ل (للكرملين)


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
            a.add_word(key + " ", (key, tuple(entries), False, self._taa[key]))
            if key.startswith("ال") and len(key) > 3:
                # ل + ال is written لل: the form appears as ل + rest after a ل.
                lkey = "ل" + key[2:]
                if lkey not in self._entries:
                    a.add_word(lkey + " ", (key, tuple(entries), True, self._taa[key]))
        a.make_automaton()
        self._automaton = a

    def scan(self, doc: Document) -> list[Match]:
        """All whole-word matches in ``doc`` (overlaps included)."""
        if not self._entries:
            return []
        if self._automaton is None:
            self._build()
        s = doc.scan
        out = []
        text, view = doc.text, doc.view
        for end, (key, entries, assimilated, taa) in self._automaton.iter(s):
            if taa and text[view.orig(end - 1)] != "ة":
                continue  # بلده (his country) is not بلدة (town): ة and ه fold together
            length = len(key) - (1 if assimilated else 0)
            start = end - length  # end is the index of the trailing space
            ws = start
            while ws > 0 and s[ws - 1] != " " and start - ws <= 3:
                ws -= 1
            prefix = s[ws:start]
            if ws > 0 and s[ws - 1] != " ":
                continue
            if assimilated and not prefix.endswith("ل"):
                continue
            if prefix not in PROCLITICS:
                continue
            out.append(Match(start, end, prefix, key, entries, assimilated))
        return out

