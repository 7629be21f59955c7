"""Lexicon.scan finds what the plain scan (the earlier implementation) finds, in the same order."""
from __future__ import annotations

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.document import Document
from newsfacts.lexicon import PROCLITICS, Lexicon, Match

FORMS = ["موسكو", "الكرملين", "بلدة", "بيت لحم", "الأمم المتحدة", "مجلس الأمن الدولي", "لحم", "كو",
         "الأمن", "المتحدة", "ابو ظبي", "x_y", "New York"]


def plain_scan(lex: Lexicon, doc: Document) -> list[tuple]:
    a = ahocorasick.Automaton()
    for key, entries in lex._entries.items():
        a.add_word(key + " ", (key, tuple(entries), False, lex._taa[key]))
        if key.startswith("ال") and len(key) > 3:
            lkey = "ل" + key[2:]
            if lkey not in lex._entries:
                a.add_word(lkey + " ", (key, tuple(entries), True, lex._taa[key]))
    a.make_automaton()
    s = doc.scan
    out = []
    for end, (key, entries, assimilated, taa) in a.iter(s):
        if taa and doc.text[doc.view.orig(end - 1)] != "ة":
            continue
        start = end - (len(key) - (1 if assimilated else 0))
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
        out.append((start, end, prefix, key, entries, assimilated))
    return out


def lexicon() -> Lexicon:
    lex = Lexicon()
    for i, form in enumerate(FORMS):
        lex.add(form, ("entry", i))
    return lex


PARTS = FORMS + ["و", "وب", "ل", "لل", "فل", "كال", "بلده", "ال", " ", "  ", "، ", "-", ".", "\n", "_",
                 "\u064b", "ة", "ه", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=14).map("".join))
def test_scan_equals_plain_scan(text):
    lex = lexicon()
    doc = Document(text)
    found = lex.scan(doc)
    assert [tuple(m) for m in found] == plain_scan(lex, doc)
    assert all(isinstance(m, Match) for m in found)


def test_match_fields_and_equality():
    m = Match(3, 9, "و", "موسكو", (("place", 1),))
    assert (m.vstart, m.vend, m.prefix, m.key, m.entries, m.assimilated) == (3, 9, "و", "موسكو", (("place", 1),), False)
    assert m == Match(3, 9, "و", "موسكو", (("place", 1),), False)
    assert hash(m) == hash((3, 9, "و", "موسكو", (("place", 1),), False))
