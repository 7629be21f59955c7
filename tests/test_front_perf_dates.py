"""Dates: the rule dispatch (a rule is tried only where its first characters are found)
finds what the rules joined as one alternation find."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import dates as D
from newsfacts.document import Document
from newsfacts.patterns import match_prefixes
from newsfacts.rules import default_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def c():
    return D._compiled(default_rules())


def covered(actual: frozenset[str], declared: frozenset[str]) -> bool:
    """Does every beginning in ``actual`` start with one in ``declared``?"""
    return all(any(a.startswith(d) for d in declared) for a in actual)


def test_declared_piece_words_cover_the_pieces(c):
    for name, words in c.piece_words.items():
        if name == "EMONTH":
            continue  # case-blind: below
        declared = frozenset(w.split(" ", 1)[0][:D._PREFIX_LEN] for w in words)
        k = max(map(len, declared))  # enough to tell the declared words apart
        actual = match_prefixes(c.pieces[name], k, class_limit=64, limit=100_000)
        assert "" not in actual and covered(actual, declared), name


def test_english_months_start_with_a_latin_letter(c):
    assert "(?i:" in c.pieces["EMONTH"]
    assert all(m[:1].isascii() and m[:1].isalpha() for m in c.emonths)
    assert c.piece_words["EMONTH"] == list(D._CASELESS_LATIN)


def test_zero_width_pieces_match_no_text(c):
    for name in c.zero_width & set(c.pieces):
        assert match_prefixes(c.pieces[name] + "Q", D._PREFIX_LEN) == {"Q"}, name
    for name in ("NOTBEFORE", "AFTER"):
        for words in c.lists.values():
            assert match_prefixes(D._list_piece(name, words) + "Q", D._PREFIX_LEN) == {"Q"}


def test_list_piece_starts_with_its_words(c):
    for words in c.lists.values():
        declared = frozenset(D._norm(w).split(" ", 1)[0][:D._PREFIX_LEN] for w in words)
        assert covered(match_prefixes(D._list_piece("LIST", words), D._PREFIX_LEN), declared)


def test_caseless_latin_letters():
    letter = re.compile("(?i)[a-z]")
    assert {chr(i) for i in range(0x110000) if letter.match(chr(i))} == set(D._CASELESS_LATIN)


def test_digit_chars():
    assert {chr(i) for i in range(0x10000) if re.fullmatch(D._DIGIT, chr(i))} == set(D._DIGIT_CHARS)


def test_rule_prefixes_are_safe_for_the_expanded_rules(c):
    """The beginnings read from a rule's template (its pieces as marks) cover those of
    the full expanded regex, where the analysis can read them."""
    read = 0
    for i, rx in enumerate(c.rule_regex):
        actual = match_prefixes(rx.pattern, D._PREFIX_LEN, limit=100_000)
        if "" not in actual:
            read += 1
            assert covered(actual, c.prefixes[i]), c.rules[i]["id"]
    assert read >= 5


def test_match_prefixes_examples():
    assert match_prefixes(r"ab|a(?:c|d)?e", 3) == {"ab", "ace", "ade", "ae"}
    assert match_prefixes(r"(?<!\w)x*y", 3) == {"xxx", "xxy", "xy", "y"}
    assert match_prefixes(r"(?i:ab)c", 3) == {""}
    assert match_prefixes(r"\d+x", 3) == {""}
    assert match_prefixes(r"(?:\uE000|q)\s+z", 3, {"\uE000": ["يناير", "تشرين الاول"]}) == \
        {"ينا", "تشرين"[:3], "q"}
    assert match_prefixes(r"[\uE000q]z", 2, {"\uE000": None}) == {"", "qz"}


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for p in sorted((ROOT / "eval" / "holdout").glob("*.json")):
        out.append(json.loads(p.read_text(encoding="utf-8"))["text"])
    return out + [
        "الإثنين 19 ديسمبر 2022، فبراير/ شباط 2022، 1445/06/02هـ (شباط) فبراير 2021",
        "في الأول من تشرين الأول 2023 والثاني والعشرين من الشهر الجاري، Dec. 5, 2021 و5 May 2022",
        "يوم الخميس الماضي، أمس، غدا، هذا العام، الأسبوع المقبل، ſeptember 3, 2020 KELVIN",
    ]


def joined_first_match(c, kind: int, view: str, q: int):
    m = D._joined(c, kind).match(view, q)
    return (int(m.lastgroup[1:]), m.span()) if m else None


def first_match(c, kind: int, view: str, q: int):
    r = D._first_match(c, kind, view, q)
    return (r[0], r[1].span()) if r else None


def test_dispatch_equals_joined_alternation_everywhere(c):
    for text in texts():
        view = Document(text).view.text
        for q in range(len(view)):
            for kind in (0, 1):
                assert first_match(c, kind, view, q) == joined_first_match(c, kind, view, q), (text[:40], q)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["الإثنين", "19", "ديسمبر", "2022", "(", ")", "/", " ", "شباط", "الأول",
                                 "من", "شهر", "May", "5th", "،", "هـ", "اليوم", "الماضي", "و", "عام",
                                 "1445", "-", "\n", "x_", "تشرين", "الثاني"]), max_size=12))
def test_dispatch_equals_joined_alternation_on_made_up_text(c, parts):
    view = Document("".join(parts)).view.text
    for q in range(len(view)):
        for kind in (0, 1):
            assert first_match(c, kind, view, q) == joined_first_match(c, kind, view, q)
