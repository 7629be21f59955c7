"""The person-name lexicons in rules/names/ and the script that mines them."""
from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import pytest

from newsfacts.normalize import norm

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "rules" / "names"

_spec = importlib.util.spec_from_file_location("mine_names", ROOT / "scripts" / "mine_names.py")
mine_names = importlib.util.module_from_spec(_spec)
sys.modules["mine_names"] = mine_names
_spec.loader.exec_module(mine_names)

#: file -> number of columns
FILES = {
    "given.tsv": 2,
    "family.tsv": 2,
    "not_names.tsv": 2,
    "titles.tsv": 2,
    "person_words.tsv": 2,
    "given_extra.tsv": 2,
    "family_extra.tsv": 2,
    "not_names_extra.tsv": 2,
    "title_candidates.tsv": 3,
}


def rows(name: str) -> list[list[str]]:
    """Data rows of a TSV, split on tabs, unstripped (so padding is visible)."""
    lines = (NAMES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def first_col(name: str) -> list[str]:
    return [r[0] for r in rows(name)]


def keys(name: str) -> set[str]:
    return {norm(w) for w in first_col(name)}


# ------------------------------------------------------------------ format

@pytest.mark.parametrize("name,ncols", sorted(FILES.items()))
def test_file_format(name, ncols):
    text = (NAMES / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# "), "first line must be a # comment naming the columns"
    assert "\t" in lines[0], "the header names the columns, tab-separated"
    data = rows(name)
    assert len(data) >= 15
    for r in data:
        assert len(r) == ncols, r
        for cell in r:
            assert cell, f"empty cell in {r}"
            assert cell == cell.strip(), f"padded cell {cell!r}"
            assert "  " not in cell, f"double space in {cell!r}"
    assert "\r" not in text


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_duplicates_after_normalization(name):
    seen: dict[str, str] = {}
    for word in first_col(name):
        key = norm(word)
        assert key not in seen, f"{word!r} duplicates {seen[key]!r}"
        seen[key] = word


@pytest.mark.parametrize("name", ["given.tsv", "family.tsv"])
def test_counts_are_sorted_integers(name):
    data = [(w, int(c)) for w, c in rows(name)]
    assert all(c >= 0 for _, c in data)
    assert data == sorted(data, key=lambda r: (-r[1], r[0]))


@pytest.mark.parametrize("name", ["given.tsv", "family.tsv"])
def test_names_are_arabic_letters(name):
    for word in first_col(name):
        for part in word.split(" "):
            assert mine_names.ARABIC_WORD.match(part), word


# ----------------------------------------------------------------- content

def test_well_known_given_names():
    given = keys("given.tsv")
    for name in ["محمد", "أحمد", "علي", "عبد الله", "فلاديمير", "سيرغي", "سيرجي", "دميتري",
                 "فولوديمير", "ألكسندر", "إيمانويل", "فاطمة", "مريم"]:
        assert norm(name) in given, name
    assert len(given) >= 500


def test_well_known_surnames():
    family = keys("family.tsv")
    for name in ["بوتين", "لافروف", "زيلينسكي", "ترامب", "بايدن", "ماكرون", "نتنياهو",
                 "أردوغان", "بيسكوف", "لوكاشنكو", "غوتيريش", "أنان", "نصر الله"]:
        assert norm(name) in family, name


def test_mined_counts_come_from_train():
    given = dict(rows("given.tsv"))
    family = dict(rows("family.tsv"))
    assert int(given["محمد"]) > 50          # the most frequent given name in ANERcorp train
    assert int(family["بوتين"]) > 5
    assert int(family["زيلينسكي"]) == 0     # hand-listed, not in 2000s news


def test_function_words_are_not_names():
    names = keys("given.tsv") | keys("family.tsv")
    raw = set(first_col("given.tsv")) | set(first_col("family.tsv"))
    for word in ["في", "من", "على", "عن", "إلى", "قال", "إن", "أن", "الذي", "التي", "هذا",
                 "رئيس", "وزير", "الرئيس", "الثاني", "الله", "الدين"]:
        assert word not in raw, word
        if (word, "علي") not in mine_names.ACCEPTED_FOLD_COLLISIONS:
            assert norm(word) not in names, word


def test_not_names_hold_function_words_and_titles():
    nn = keys("not_names.tsv")
    for word in ["في", "من", "على", "عن", "قال", "إن", "الذي", "التي", "هذا", "رئيس", "وزير", "الثاني"]:
        assert norm(word) in nn, word


def test_not_names_never_fold_onto_a_name_except_the_documented_one():
    names = {norm(w): w for w in first_col("given.tsv") + first_col("family.tsv")}
    collisions = {(w, names[norm(w)]) for w in first_col("not_names.tsv") if norm(w) in names}
    assert collisions == mine_names.ACCEPTED_FOLD_COLLISIONS == {("على", "علي")}


def test_titles():
    titles = dict(rows("titles.tsv"))
    assert titles["الرئيس"] == "head_of_state"
    assert titles["وزير الخارجية"] == "minister"
    assert titles["المتحدث باسم"] == "spokesperson"
    assert titles["رئيس الوزراء"] == "head_of_state"
    for t in ["الأمين العام", "الملك", "الجنرال", "البابا", "السيد", "الصحفي", "نظيره", "رئيس بلدية"]:
        assert t in titles, t
    assert set(titles.values()) == mine_names.TITLE_KINDS


def test_single_word_titles_are_not_names():
    names = keys("given.tsv") | keys("family.tsv")
    for title in first_col("titles.tsv"):
        if " " not in title:
            assert norm(title) not in names, title


def test_person_words():
    words = dict(rows("person_words.tsv"))
    for w in ["بن", "ابن", "بنت", "أبو", "أبي", "أبا", "آل", "عبد"]:
        assert words[w] == "connector", w
    assert set(words.values()) <= mine_names.PERSON_WORD_KINDS
    names = keys("given.tsv") | keys("family.tsv")
    assert not {norm(w) for w in words} & names


def test_hand_lists_are_merged():
    given, family = keys("given.tsv"), keys("family.tsv")
    assert {norm(w) for w in first_col("given_extra.tsv")} <= given
    assert {norm(w) for w in first_col("family_extra.tsv")} <= family


def test_title_candidates_rank_titles_above_verbs():
    cands = {r[0]: (int(r[1]), int(r[2])) for r in rows("title_candidates.tsv")}
    before, total = cands["الشيخ"]
    assert before <= total and before / total > 0.8
    order = [r[0] for r in rows("title_candidates.tsv")]
    assert order.index("الرئيس") < order.index("وقال")


def test_generated_files_are_up_to_date():
    if not mine_names.TRAIN.is_file():
        pytest.skip("ANERcorp train split not available")
    built = mine_names.build(mine_names.TRAIN, NAMES)
    for name, content in built.items():
        assert (NAMES / name).read_text(encoding="utf-8") == content, f"{name} is stale: rerun the script"


_cspec = importlib.util.spec_from_file_location("mine_contexts", ROOT / "scripts" / "mine_contexts.py")
mine_contexts = importlib.util.module_from_spec(_cspec)
_cspec.loader.exec_module(mine_contexts)


def test_person_contexts_are_up_to_date():
    if not mine_names.TRAIN.is_file():
        pytest.skip("ANERcorp train split not available")
    assert (NAMES / "person_contexts.tsv").read_text(encoding="utf-8") == mine_contexts.render(mine_names.TRAIN), \
        "person_contexts.tsv is stale: rerun scripts/mine_contexts.py"


def test_person_contexts_format_and_direction():
    table = {}
    for r in rows("person_contexts.tsv"):
        assert len(r) == 5 and r[1] in ("before", "after"), r
        assert int(r[3]) + int(r[4]) >= mine_contexts.MIN_TOTAL
        table[(r[0], r[1])] = float(r[2])
    assert table[(norm("الرئيس"), "before")] > 2 > 0 > table[(norm("في"), "before")]
    assert table[(norm("قوله"), "after")] > 0


def test_contexts_refuse_the_test_split(tmp_path):
    (tmp_path / "test.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        mine_contexts.main([str(tmp_path / "test.jsonl"), str(tmp_path / "out.tsv")])


def test_refuses_the_test_split(tmp_path):
    (tmp_path / "test.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        mine_names.main(["--train", str(tmp_path / "test.jsonl"), "--out", str(tmp_path)])


# --------------------------------------------------------- mining function

def _row(text: str, *ents: tuple[str, str]) -> dict:
    """A record with entities given as (surface, type), located left to right."""
    out, pos = [], 0
    for surface, typ in ents:
        start = text.index(surface, pos)
        out.append({"text": surface, "type": typ, "start": start, "end": start + len(surface)})
        pos = start + len(surface)
    return {"text": text, "entities": out}


SAMPLE = [
    _row("وقال محمد بن راشد آل مكتوم إن الوضع جيد .", ("محمد بن راشد آل مكتوم", "PER")),
    _row("التقى ومحمد عبد الله في دبي .", ("ومحمد عبد الله", "PER"), ("دبي", "LOC")),
    _row("وصل الملك عبد الله الثاني إلى عمان .", ("عبد الله الثاني", "PER"), ("عمان", "LOC")),
    _row("قال بوش إن جورج بوش سيزور بغداد .", ("بوش", "PER"), ("جورج بوش", "PER"), ("بغداد", "LOC")),
    _row("وقال وليد جنبلاط إن نجم الحزب صاعد .", ("وليد جنبلاط", "PER")),
    _row("ظهر نجم الدين في نجم نجم نجم نجم نجم .", ("نجم الدين", "PER")),
    _row("كتب حسن نصر الله رسالة .", ("حسن نصر الله", "PER")),
    _row("وقال نجم سعيد كلاما .", ("نجم سعيد", "PER")),
]


def test_mine_is_deterministic():
    a = mine_names.mine(copy.deepcopy(SAMPLE), given_extra=["فلاديمير"], family_extra=["بوتين"],
                        not_names_seed=[("في", "function_word")])
    b = mine_names.mine(copy.deepcopy(SAMPLE), given_extra=["فلاديمير"], family_extra=["بوتين"],
                        not_names_seed=[("في", "function_word")])
    assert a == b
    assert a.given and a.family and a.not_names
    c = mine_names.mine(list(reversed(copy.deepcopy(SAMPLE))), given_extra=["فلاديمير"],
                        family_extra=["بوتين"], not_names_seed=[("في", "function_word")])
    assert c == a, "row order must not change the output"


def test_mine_behaviour():
    m = mine_names.mine(SAMPLE, given_extra=["فلاديمير"], family_extra=["بوتين"],
                        not_names_seed=[("في", "function_word"), ("إن", "function_word")])
    given, family = dict(m.given), dict(m.family)
    # first unit, clitic و stripped because محمد is attested; عبد joins the next token
    assert given["محمد"] == 2 and "ومحمد" not in given
    assert family["عبد الله"] == 2      # last unit of ومحمد عبد الله + lone عبد الله الثاني
    # وليد keeps its و: ليد is not attested as a PER token
    assert given["وليد"] == 1
    # patronymic after بن is a given name; the name after آل is a surname
    assert given["راشد"] == 1 and family["مكتوم"] == 1
    # regnal numbers and the الله of a compound are never surnames
    assert "الثاني" not in family and "الله" not in family
    assert family["نصر الله"] == 1
    # a lone name counts as a surname
    assert family["بوش"] == 2 and "بوش" not in given
    # X الدين is one unit
    assert "الدين" not in family and family["نجم الدين"] == 1  # a lone name counts as a surname
    # نجم: once a given name in PER, six times outside -> not a name, but a not-name
    assert "نجم" not in given
    assert ("نجم", "mostly_outside") in m.not_names
    # hand names are merged with count 0, seed not-names kept
    assert given["فلاديمير"] == 0 and family["بوتين"] == 0
    assert ("في", "function_word") in m.not_names
    assert m.given == sorted(m.given, key=lambda r: (-r[1], r[0]))


def test_rare_outside_words_are_kept():
    sample = SAMPLE + [_row("هذا جنبلاط وذاك جنبلاط .")]  # twice outside, once in PER: rare enough
    assert "جنبلاط" in dict(mine_names.mine(sample).family)
    sample += [_row("جنبلاط هنا .")]                       # three times outside: too common
    assert "جنبلاط" not in dict(mine_names.mine(sample).family)


def test_not_name_seed_blocks_a_mined_name_but_not_a_hand_name():
    m = mine_names.mine(SAMPLE, not_names_seed=[("جنبلاط", "common_noun")])
    assert "جنبلاط" not in dict(m.family)
    m = mine_names.mine(SAMPLE, family_extra=["جنبلاط"], not_names_seed=[("جنبلاط", "common_noun")])
    assert "جنبلاط" in dict(m.family)
    assert "جنبلاط" not in dict(m.not_names)


def test_clitic_forms_count_as_outside_occurrences():
    # the runtime strips و ف ب ل before a lookup, so بيان is an occurrence of يان
    sample = SAMPLE + [_row("قال يان ستوب كلاما .", ("يان ستوب", "PER")),
                       _row("صدر بيان وبيان ثم بيان .")]
    m = mine_names.mine(sample)
    assert "يان" not in dict(m.given)
    assert "ستوب" in dict(m.family)


def test_two_letter_words_are_not_mined_as_names():
    sample = SAMPLE + [_row("قال ني هاو كلاما .", ("ني هاو", "PER"))] * 3
    m = mine_names.mine(sample, given_extra=["جو"])
    given = dict(m.given)
    assert "ني" not in given and given["جو"] == 0
    assert dict(m.family)["هاو"] == 3
