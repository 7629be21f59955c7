"""Tests for newsfacts.numbers: written forms, rule examples, negatives, properties."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.normalize import norm
from newsfacts.numbers import NumberMention, dual_singulars, find_numbers, parse_number
from newsfacts.rules import RuleError, RuleSet, default_rules

RULES = default_rules()


def amounts(text: str, rules: RuleSet = RULES) -> list[tuple[str, int | None, str | None]]:
    return [(m.text, m.value, m.qualifier) for m in find_numbers(text, rules)]


# --------------------------------------------------------------------------
# Written forms -> (value, qualifier), each read as a whole by parse_number

FORMS = [
    # digits
    ("12", 12, None),
    ("0", 0, None),
    ("١٢", 12, None),
    ("٤٥", 45, None),
    ("۴۵", 45, None),
    ("۱۲۰", 120, None),
    ("1,200", 1200, None),
    ("62,622", 62622, None),
    ("1.200", 1200, None),
    ("١٬٢٠٠", 1200, None),
    ("1\u202f200", 1200, None),
    ("1 200", 1200, None),
    ("1,000,000", 1_000_000, None),
    ("999999999", 999_999_999, None),
    ("و260", 260, None),
    ("بـ17", 17, None),
    # digits with a multiplier
    ("3 آلاف", 3000, None),
    ("٣ آلاف", 3000, None),
    ("2 مليون", 2_000_000, None),
    ("100 ألف", 100_000, None),
    ("3 آلاف و880", 3880, None),
    ("2.5 مليون", 2_500_000, None),
    ("1,5 مليار", 1_500_000_000, None),
    ("2 مليون و500 ألف", 2_500_000, None),
    # units, all genders and cases, clitics, article
    ("واحد", 1, None),
    ("واحدة", 1, None),
    ("اثنان", 2, None),
    ("اثنين", 2, None),
    ("اثنتان", 2, None),
    ("ثلاثة", 3, None),
    ("ثلاث", 3, None),
    ("وأربعة", 4, None),
    ("بخمس", 5, None),
    ("لستة", 6, None),
    ("سبع", 7, None),
    ("ثمانية", 8, None),
    ("ثماني", 8, None),
    ("ثمان", 8, None),
    ("ثمانٍ", 8, None),
    ("تسعة", 9, None),
    ("عشرة", 10, None),
    ("عَشْرُ", 10, None),
    ("الثلاثة", 3, None),
    ("ثـلاثـة", 3, None),
    # teens
    ("أحد عشر", 11, None),
    ("إحدى عشرة", 11, None),
    ("اثنا عشر", 12, None),
    ("اثني عشر", 12, None),
    ("اثنتا عشرة", 12, None),
    ("اثنتى عشرة", 12, None),
    ("ثلاثة عشر", 13, None),
    ("سبع عشرة", 17, None),
    ("تسعة عشر", 19, None),
    # tens and compounds
    ("عشرون", 20, None),
    ("عشرين", 20, None),
    ("ستين", 60, None),
    ("تسعون", 90, None),
    ("خمسة وعشرون", 25, None),
    ("واحد وعشرين", 21, None),
    ("اثنتين وعشرين", 22, None),
    ("ثلاث وثلاثون", 33, None),
    # hundreds
    ("مئة", 100, None),
    ("مائة", 100, None),
    ("مئتان", 200, None),
    ("مئتين", 200, None),
    ("مائتي", 200, None),
    ("ثلاثمئة", 300, None),
    ("ثلاثمائة", 300, None),
    ("ثلاث مئة", 300, None),
    ("تسعمائة", 900, None),
    ("مئة وخمسون", 150, None),
    ("مئة وخمسة وعشرون", 125, None),
    ("مائتين وخمسين", 250, None),
    ("مئة واثنا عشر", 112, None),
    # thousands, millions
    ("ألف", 1000, None),
    ("ألفا", 1000, None),
    ("ألفان", 2000, None),
    ("ألفين", 2000, None),
    ("ثلاثة آلاف", 3000, None),
    ("عشرة آلاف", 10_000, None),
    ("أحد عشر ألفا", 11_000, None),
    ("خمسة وعشرون ألفا", 25_000, None),
    ("مئة ألف", 100_000, None),
    ("خمسمائة ألف", 500_000, None),
    ("ألف وخمسمئة", 1500, None),
    ("ألفين وخمسمئة", 2500, None),
    ("ثلاثة آلاف وخمسمئة وخمسة وعشرون", 3525, None),
    ("مليون", 1_000_000, None),
    ("مليونين", 2_000_000, None),
    ("خمسة ملايين", 5_000_000, None),
    ("مليون ونصف", 1_500_000, None),
    ("نصف مليون", 500_000, None),
    ("ربع مليون", 250_000, None),
    ("مليار و500 مليون", 1_500_000_000, None),
    ("ستة مليارات", 6_000_000_000, None),
    ("ألف مليون", 1_000_000_000, None),
    ("مئة ألف مليون", 100_000_000_000, None),
    # qualifiers
    ("أكثر من 100", 100, "more_than"),
    ("اكثر من مئة", 100, "more_than"),
    ("ما يزيد على 50", 50, "more_than"),
    ("ما يزيد عن ألف", 1000, "more_than"),
    ("يزيد عن 20", 20, "more_than"),
    ("أزيد من ٣٠", 30, "more_than"),
    ("عشرون ونيف", 20, "more_than"),
    ("10 على الأقل", 10, "at_least"),
    ("على الأقل 10", 10, "at_least"),
    ("ما لا يقل عن 204", 204, "at_least"),
    ("لا يقل عن خمسة", 5, "at_least"),
    ("10 فأكثر", 10, "at_least"),
    ("نحو 10", 10, "about"),
    ("بنحو 17", 17, "about"),
    ("حوالي 300", 300, "about"),
    ("حوالى 1300", 1300, "about"),
    ("قرابة ثمانين", 80, "about"),
    ("زهاء ثلاثمائة", 300, "about"),
    ("ما يقارب 210 ملايين", 210_000_000, "about"),
    ("ما يناهز 500", 500, "about"),
    ("40 تقريبا", 40, "about"),
    ("حتى 30", 30, "up_to"),
    ("ما يصل إلى 30", 30, "up_to"),
    ("يصل إلى 11 مليار", 11_000_000_000, "up_to"),
    ("لغاية خمسين", 50, "up_to"),
    ("أقل من 20", 20, "less_than"),
    # percent
    ("10%", 10, "percent"),
    ("10 %", 10, "percent"),
    ("١٠٪", 10, "percent"),
    ("%30", 30, "percent"),
    ("15 بالمئة", 15, "percent"),
    ("ستة في المائة", 6, "percent"),
    ("2.5%", None, "percent"),
    # vague
    ("عشرات", None, "tens"),
    ("العشرات", None, "tens"),
    ("بعشرات", None, "tens"),
    ("مئات", None, "hundreds"),
    ("المئات", None, "hundreds"),
    ("آلاف", None, "thousands"),
    ("الآلاف", None, "thousands"),
    ("عشرات الآلاف", None, "tens_of_thousands"),
    ("مئات الآلاف", None, "hundreds_of_thousands"),
    ("ملايين", None, "millions"),
    ("بضعة", None, "several"),
    ("بضع", None, "several"),
    ("عدة", None, "several"),
    ("لعدة", None, "several"),
    ("بضعة آلاف", None, "thousands"),
]


def test_forms_table_is_large() -> None:
    assert len(FORMS) >= 60


@pytest.mark.parametrize("text,value,qualifier", FORMS, ids=[f[0] for f in FORMS])
def test_written_forms(text: str, value: int | None, qualifier: str | None) -> None:
    assert parse_number(text, RULES) == (value, qualifier)
    # Inside a sentence the same amount is found, with exact offsets.
    sentence = f"وقالت الوزارة إن {text} سقطوا أمس"
    found = find_numbers(sentence, RULES)
    assert len(found) == 1, found
    m = found[0]
    assert (m.value, m.qualifier) == (value, qualifier)
    assert sentence[m.start:m.end] == m.text
    assert sentence.index(text) <= m.start < m.end <= sentence.index(text) + len(text)


DUALS = [
    ("طائرتين", "طائره"),
    ("طائرتان", "طائره"),
    ("صاروخين", "صاروخ"),
    ("صاروخان", "صاروخ"),
    ("شخصين", "شخص"),
    ("غارتين", "غاره"),
    ("مسيّرتين", "مسيره"),
    ("والصاروخان", "صاروخ"),
    ("بصاروخين", "صاروخ"),
    ("للطائرتين", "طائره"),
    ("جنديين", "جندي"),
    ("طفلان", "طفل"),
    ("طائرتا", "طائره"),
    ("بيتين", "بيت"),
]


@pytest.mark.parametrize("word,singular", DUALS)
def test_dual_singulars(word: str, singular: str) -> None:
    got = dual_singulars(word)
    assert singular in got
    assert norm(singular) in got  # the fully normalized form (طايره) too


def test_dual_singulars_not_duals() -> None:
    assert dual_singulars("") == []
    assert dual_singulars("صاروخ") == []  # no dual ending
    assert dual_singulars("في") == []
    assert all(" " not in s and s for s in dual_singulars("طائرتين"))


def test_duals_are_not_numbers() -> None:
    # A dual noun is a count only through dual_singulars and the caller's lexicon.
    assert find_numbers("أسقطت طائرتين", RULES) == []
    assert parse_number("صاروخين", RULES) is None


# --------------------------------------------------------------------------
# Every example of every rule in rules/numbers.toml


def _examples(rules: RuleSet):
    for rule in rules.toml("numbers.toml"):
        for k, ex in enumerate(rule["examples"]):
            yield pytest.param(rule["id"], ex, id=f"{rule['id']}#{k + 1}")


@pytest.mark.parametrize("rule_id,example", list(_examples(RULES)))
def test_rule_examples(rule_id: str, example: dict) -> None:
    got = amounts(example["text"])
    want = [(e["text"], e.get("value"), e.get("qualifier")) for e in example["expect"]]
    assert got == want, f"{rule_id}: {example['text']}"


def test_every_rule_has_an_example_with_and_one_without_hits() -> None:
    rules = RULES.toml("numbers.toml")
    assert len(rules) >= 10
    assert any(ex["expect"] == [] for r in rules for ex in r["examples"])
    assert all(r["examples"] for r in rules)


# --------------------------------------------------------------------------
# Negative cases: nothing must be found

NEGATIVES = [
    "في اليوم الأول",
    "للمرة الثانية",
    "الجولة الثالثة والعاشرة",
    "الحادي عشر من سبتمبر",
    "في الذكرى الثانية عشرة",
    "بين العاشرة والخامسة عشرة",
    "القرن العشرين",
    "الذكرى المئة",
    "يوم الإثنين",
    "يوم الاثنين الماضي",
    "الثلاثاء والأربعاء والخميس والجمعة والسبت والأحد",
    "دفع الثمن غاليا",
    "بثمن بخس",
    "أحد الجنود",
    "واحدة من الطائرات",
    "واحد من أكبر",
    "وأحد عمالقة الفن",
    "الساعة 22:25",
    "٠٢:٠٣ بتوقيت غرينتش",
    "الساعة 10 صباحا",
    "في 10 مساء",
    "2023/10/11",
    "30/12/2025",
    "01.11.2020",
    "2022-12-19",
    "بلغت قوته 6.6 درجات",
    "نسبة 1.5",
    "هاتف 00966501234567",
    "طائرة إف-16",
    "منظومة S-400",
    "صاروخ قادر1",
    "pic.twitter.com/RUUjdI43iB",
    "December 22nd",
    "القمة الـ20",
    "القمة الـ 20",
    "القرار رقم 2231",
    "ارتفع بالمئة",
    "في المئة",
    "عثر عليه ميتا",
    "وجدوهما ميتين",
    "وعده الرئيس",
    "من بعده",
    "لست أدري",
    "ميدان كسته",
    "العشرينيات",
    "عشري",
    "الخميس",
    "سبتمبر",
    "تسعير",
    "نحو إسرائيل",
    "أكثر من مرة",
    "حتى الآن",
    "مهم للغاية",
    "5ر1",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_amounts(text: str) -> None:
    assert find_numbers(text, RULES) == []


def test_ordinal_teen_does_not_hide_a_following_number() -> None:
    assert amounts("الحادي عشر من سبتمبر قتل ثلاثة") == [("ثلاثة", 3, None)]


def test_parse_number_rejects_partial_and_multiple() -> None:
    assert parse_number("12 شخصا", RULES) is None
    assert parse_number("3 و 5", RULES) is None
    assert parse_number("1.5", RULES) is None
    assert parse_number("الأول", RULES) is None
    assert parse_number("", RULES) is None
    assert parse_number("  12  ", RULES) == (12, None)


# --------------------------------------------------------------------------
# Offsets, context and sentences


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "أُسْقِطَتْ أَرْبَعَةُ صَوَارِيخَ وَخَمْسٌ وَعِشْرُونَ مُسَيَّرَةً بـــ 3 آلافٍ"
    found = find_numbers(text, RULES)
    assert [(m.value, m.qualifier) for m in found] == [(4, None), (25, None), (3000, None)]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert found[0].text == "أَرْبَعَةُ"
    assert found[1].text == "خَمْسٌ وَعِشْرُونَ"
    assert found[2].text == "3 آلافٍ"


def test_clitic_is_not_in_the_mention() -> None:
    (m,) = find_numbers("وأربعة صواريخ", RULES)
    assert (m.start, m.end, m.text, m.value) == (1, 6, "أربعة", 4)
    (m,) = find_numbers("وبنحو 17 صاروخا", RULES)
    assert m.text == "نحو 17" and m.qualifier == "about"


def test_sorted_non_overlapping_longest() -> None:
    text = ("مقتل 12 شخصا وإصابة أكثر من 100 آخرين، وأطلقت عشرات المسيرات و3 آلاف و880 "
            "قذيفة خلال ثلاثة أيام، ونزح ١٬٢٠٠ شخص بنسبة 10%")
    found = find_numbers(text, RULES)
    assert [(m.text, m.value, m.qualifier) for m in found] == [
        ("12", 12, None),
        ("أكثر من 100", 100, "more_than"),
        ("عشرات", None, "tens"),
        ("3 آلاف و880", 3880, None),
        ("ثلاثة", 3, None),
        ("١٬٢٠٠", 1200, None),
        ("10%", 10, "percent"),
    ]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_after_noun_qualifier_goes_to_the_right_number() -> None:
    assert amounts("قتل 5 أشخاص وأصيب 3 على الأقل") == [("5", 5, None), ("3 على الأقل", 3, "at_least")]
    assert amounts("قتل خمسة وأصيب عشرة مدنيين على الأقل") == [
        ("خمسة", 5, None), ("عشرة", 10, "at_least")]
    # Not across a line or beyond two words.
    assert amounts("قتل 9 أشخاص\nعلى الأقل") == [("9", 9, None)]
    assert amounts("قتل 9 أشخاص في مدينة كييف على الأقل") == [("9", 9, None)]


def test_real_sentences() -> None:
    assert amounts("روسيا: اعتراض 59 طائرة مسيّرة أوكرانية فوق براينسك (45 مسيرة) وكورسك (6)") == [
        ("59", 59, None), ("45", 45, None), ("6", 6, None)]
    assert amounts("أوكرانيا…مقتل نحو 10 وإصابة العشرات بهجمات روسية بعدة مناطق") == [
        ("نحو 10", 10, "about"), ("عشرات", None, "tens"), ("عدة", None, "several")]
    assert amounts("ارتفاع حصيلة الشهداء إلى 62,622 شهيدًا و157,673 إصابة منذ 7 أكتوبر 2023") == [
        ("62,622", 62622, None), ("157,673", 157673, None), ("7", 7, None), ("2023", 2023, None)]
    assert amounts("وأعلنت أنها أسقطت 4 صواريخ أمريكية من طراز هارم") == [("4", 4, None)]
    assert amounts("ويعيش في أوكرانيا 40 مليون شخص تقريبا.") == [("40 مليون", 40_000_000, "about")]
    assert amounts("عن عمر يناهز 94 عاما") == [("يناهز 94", 94, "about")]


# --------------------------------------------------------------------------
# Rules: user additions, validation


def _user_rules(tmp_path: Path, body: str) -> RuleSet:
    (tmp_path / "numbers.toml").write_text(body, encoding="utf-8")
    return RuleSet([tmp_path])


def test_user_rules_add_words_and_qualifiers(tmp_path: Path) -> None:
    rules = _user_rules(tmp_path, """
[qualifiers_before]
"ما يربو عن" = "more_than"
[vague]
"عدد من" = "several"

[[rule]]
id = "user.more"
examples = [{ text = "ما يربو عن 40", expect = [{ text = "ما يربو عن 40", value = 40, qualifier = "more_than" }] }]
""")
    assert amounts("قتل ما يربو عن 40 شخصا", rules) == [("ما يربو عن 40", 40, "more_than")]
    assert amounts("وإصابة عدد من المدنيين", rules) == [("عدد من", None, "several")]
    assert amounts("وإصابة عدد من المدنيين") == []  # the built-in rules are untouched
    assert any(r["id"] == "user.more" for r in rules.toml("numbers.toml"))


def test_bad_example_is_refused(tmp_path: Path) -> None:
    rules = _user_rules(tmp_path, """
[[rule]]
id = "user.bad"
examples = [{ text = "قتل 5", expect = [{ text = "6", value = 6 }] }]
""")
    with pytest.raises(RuleError, match="user.bad"):
        find_numbers("5", rules)


def test_rule_without_examples_is_refused(tmp_path: Path) -> None:
    rules = _user_rules(tmp_path, '[[rule]]\nid = "user.none"\nexamples = []\n')
    with pytest.raises(RuleError, match="user.none"):
        find_numbers("5", rules)


# --------------------------------------------------------------------------
# Properties

_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـ")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list(" \n\t\u00a0\u202f.,،:/-%٪٫٬()") + ["\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0670", "\u200f"]
    + list("abcS")
)
_WORDS = st.sampled_from([
    "ثلاثة", "آلاف", "و", "أكثر من", "نحو", "على الأقل", "عشر", "عشرات", "مئة", "مائتين", "ألف",
    "مليون", "ونصف", "بالمئة", "%", "الحادي", "الساعة", "اثنا", "إحدى", "عدة", "بضعة", "تقريبا",
    "١٢", "3", "1,200", "2.5", "22:25", " ", "\n", "ال", "ـ", "\u064e", "ميتا", "مئتا",
])
_TEXT = st.lists(st.one_of(_ALPHABET, _WORDS), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_find_numbers_never_raises_and_spans_are_exact(text: str) -> None:
    found = find_numbers(text, RULES)
    last_end = -1
    for m in found:
        assert isinstance(m, NumberMention)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.value is None or isinstance(m.value, int)
        assert m.value is not None or m.qualifier is not None


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999), st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"]))
def test_any_plain_integer_reads_back(n: int, digits: str) -> None:
    s = str(n).translate(str.maketrans("0123456789", digits))
    assert parse_number(s, RULES) == (n, None)
    grouped = f"{n:,}".translate(str.maketrans("0123456789", digits))
    assert parse_number(grouped, RULES) == (n, None)


# --------------------------------------------------------------------------
# Speed


def test_import_leaves_heavy_modules_out() -> None:
    # The module's own cost, beyond re and dataclasses which it needs anyway;
    # it must not import normalize/camel-tools, typing or build the rules.
    code = ("import re, dataclasses, sys, time; t = time.perf_counter(); import newsfacts.numbers; "
            "dt = time.perf_counter() - t; "
            "print(dt, any(m in sys.modules for m in ('newsfacts.normalize', 'typing', 'camel_tools')))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            .stdout.split() for _ in range(3)]
    assert all(heavy == "False" for _, heavy in runs)  # timing itself: benchmarks/run.py


def test_default_rules() -> None:
    assert find_numbers("قتل 5") == find_numbers("قتل 5", RULES)
    assert parse_number("خمسة") == (5, None)


def test_normalized_can_be_passed_in() -> None:
    from newsfacts.normalize import normalize

    text = "أَسْقَطَتْ أربعةَ صواريخ"
    assert find_numbers(text, RULES, normalized=normalize(text)) == find_numbers(text, RULES)


def test_one_megabyte_of_dense_numbers() -> None:
    para = ("أعلنت وزارة الدفاع الروسية، الإثنين 19 ديسمبر 2022، أن الدفاعات الجوية أسقطت أربعة "
            "صواريخ أميركية و٣٠ طائرة مسيّرة، فيما قُتل أكثر من 100 شخص وأصيب العشرات خلال 10 أشهر "
            "من الحرب التي شرّدت نحو ثلاثة ملايين ونصف مليون شخص في 12 منطقة بنسبة 10%.\n")
    text = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    found = find_numbers(text, RULES)
    assert len(found) > 10_000
    assert all(text[m.start:m.end] == m.text for m in found)


def test_numbers_tried_at_document_words_only_find_the_same():
    from newsfacts.document import Document

    texts = ["قتل أكثر من 100 شخص وأصيب ما لا يقل عن عشرين، وبلغ عدد القتلى 3 و 5 على الأقل",
             "أسقطت أحد عشر صاروخا و260 مسيرة بنسبة 5% في 2024-01-03 الساعة 10:30 ف3 وب4 أرض-3",
             "عشرات الآلاف من الناس، نحو5 آلاف، الحادي عشر، إف-16، x_3 _3 3_", ""]
    for text in texts:
        doc = Document(text)
        assert find_numbers(text, RULES, normalized=doc.view, tokens=doc.tokens) == \
            find_numbers(text, RULES, normalized=doc.view)
