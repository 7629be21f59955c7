"""Tests of newsfacts.dates: every rule example, plus behaviour by topic."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.dates import find_dates, find_published
from newsfacts.rules import RuleSet, default_rules

RULES = default_rules()
D = dt.date


def pairs(text: str, published: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m["text"], m["value"]) for m in find_dates(text, published, RULES)]


def values(text: str, published: dt.date | None = None) -> list[str]:
    return [m["value"] for m in find_dates(text, published, RULES)]


# ---------------------------------------------------------------- rule examples

EXAMPLES = [
    pytest.param(rule["id"], ex, id=f"{rule['id']}#{i}")
    for rule in RULES.toml("dates.toml")
    for i, ex in enumerate(rule["examples"])
]


def test_every_rule_has_examples_with_expectations():
    rules = RULES.toml("dates.toml")
    assert len(rules) >= 15
    for rule in rules:
        assert rule["examples"], rule["id"]
        for ex in rule["examples"]:
            assert isinstance(ex.get("text"), str) and isinstance(ex.get("expect"), list), rule["id"]


@pytest.mark.parametrize("rule_id,example", EXAMPLES)
def test_rule_example(rule_id, example):
    pub = D.fromisoformat(example["published"]) if example.get("published") else None
    got = [{"text": m["text"], "value": m["value"]} for m in find_dates(example["text"], pub, RULES)]
    assert got == example["expect"], rule_id


# ---------------------------------------------------------------- month systems

@pytest.mark.parametrize("text,value", [
    # Egyptian / Gulf, with spelling variants
    ("في 3 يناير 2021", "2021-01-03"), ("في 3 فبراير 2021", "2021-02-03"),
    ("في 3 مارس 2021", "2021-03-03"), ("في 3 أبريل 2021", "2021-04-03"),
    ("في 3 إبريل 2021", "2021-04-03"), ("في 3 مايو 2021", "2021-05-03"),
    ("في 3 يونيو 2021", "2021-06-03"), ("في 3 يونيه 2021", "2021-06-03"),
    ("في 3 يوليو 2021", "2021-07-03"), ("في 3 يوليه 2021", "2021-07-03"),
    ("في 3 أغسطس 2021", "2021-08-03"), ("في 3 سبتمبر 2021", "2021-09-03"),
    ("في 3 أكتوبر 2021", "2021-10-03"), ("في 3 نوفمبر 2021", "2021-11-03"),
    ("في 3 ديسمبر 2021", "2021-12-03"),
    # Levantine / Iraqi
    ("في 3 كانون الثاني 2021", "2021-01-03"), ("في 3 شباط 2021", "2021-02-03"),
    ("في 3 آذار 2021", "2021-03-03"), ("في 3 نيسان 2021", "2021-04-03"),
    ("في 3 أيار 2021", "2021-05-03"), ("في 3 حزيران 2021", "2021-06-03"),
    ("في 3 تموز 2021", "2021-07-03"), ("في 3 آب 2021", "2021-08-03"),
    ("في 3 أيلول 2021", "2021-09-03"), ("في 3 تشرين الأول 2021", "2021-10-03"),
    ("في 3 تشرين الثاني 2021", "2021-11-03"), ("في 3 كانون الأول 2021", "2021-12-03"),
    # Maghrebi (Algeria, Tunisia)
    ("في 3 جانفي 2021", "2021-01-03"), ("في 3 فيفري 2021", "2021-02-03"),
    ("في 3 أفريل 2021", "2021-04-03"), ("في 3 ماي 2021", "2021-05-03"),
    ("في 3 جوان 2021", "2021-06-03"), ("في 3 جويلية 2021", "2021-07-03"),
    ("في 3 أوت 2021", "2021-08-03"),
    # Moroccan
    ("في 3 يوليوز 2021", "2021-07-03"), ("في 3 غشت 2021", "2021-08-03"),
    ("في 3 شتنبر 2021", "2021-09-03"), ("في 3 نونبر 2021", "2021-11-03"),
    ("في 3 دجنبر 2021", "2021-12-03"),
])
def test_month_systems(text, value):
    assert values(text) == [value]


@pytest.mark.parametrize("text,mention", [
    ("في 24 فبراير/ شباط 2022", "24 فبراير/ شباط 2022"),
    ("في 24 شباط/فبراير 2022", "24 شباط/فبراير 2022"),
    ("في 24 فبراير (شباط) 2022", "24 فبراير (شباط) 2022"),
    ("في 24 (شباط) فبراير 2022", "24 (شباط) فبراير 2022"),
    ("في 24 فبراير - شباط 2022", "24 فبراير - شباط 2022"),
])
def test_paired_month_names_are_one_mention(text, mention):
    assert pairs(text) == [(mention, "2022-02-24")]


def test_paired_month_without_day_resolves_to_month():
    assert pairs("أكتوبر/تشرين الأول 2023") == [("أكتوبر/تشرين الأول 2023", "2023-10")]
    assert pairs("وفي أكتوبر/ تشرين الأول،", D(2022, 12, 19)) == [("أكتوبر/ تشرين الأول", "2022-10")]


def test_month_alone_takes_the_published_year_unless_far_ahead():
    pub = D(2022, 12, 19)
    assert values("منذ فبراير/ شباط", pub) == ["2022-02"]
    assert values("في ديسمبر", pub) == ["2022-12"]
    assert values("في ديسمبر", D(2024, 9, 25)) == ["2024-12"]  # three months ahead: this year
    assert values("في ديسمبر", D(2023, 1, 5)) == ["2022-12"]  # eleven months ahead: last year
    assert values("منذ فبراير/ شباط", D(2023, 1, 5)) == ["2022-02"]  # since: on or before
    assert values("منذ يناير", D(2023, 1, 5)) == ["2023-01"]
    assert values("في ديسمبر") == []  # no published date: cannot be resolved


def test_month_with_modifiers():
    pub = D(2024, 9, 25)
    assert values("في سبتمبر الماضي", pub) == ["2023-09"]  # strictly before
    assert values("في أغسطس الماضي", pub) == ["2024-08"]
    assert values("في سبتمبر المقبل", pub) == ["2025-09"]  # strictly after
    assert values("في أكتوبر المقبل", pub) == ["2024-10"]
    assert values("في سبتمبر الجاري", pub) == ["2024-09"]


def test_month_year_and_day_month():
    assert pairs("في ديسمبر 2022") == [("ديسمبر 2022", "2022-12")]
    assert pairs("قال يوم 25 مايو", D(2023, 6, 1)) == [("25 مايو", "2023-05-25")]
    assert values("قال يوم 25 مايو") == []


def test_ambiguous_month_words_need_a_marker():
    pub = D(2023, 9, 1)
    assert values("تيريزا ماي قالت", pub) == []
    assert values("زار والده أب الشهيد", pub) == []
    assert values("في باب المغاربة", pub) == []
    assert values("في آب الماضي", pub) == ["2023-08"]
    assert values("خلال شهر آب", pub) == ["2023-08"]
    assert values("في 5 آب", pub) == ["2023-08-05"]


# ---------------------------------------------------------------- numeric, digits, English

@pytest.mark.parametrize("text,value", [
    ("19/12/2022", "2022-12-19"), ("1\\1\\2026", "2026-01-01"), ("19-12-2022", "2022-12-19"),
    ("19.12.2022", "2022-12-19"), ("2022-12-19", "2022-12-19"), ("2022/12/19", "2022-12-19"),
    ("٢٠٢٢/١٢/١٩", "2022-12-19"), ("١٩/١٢/٢٠٢٢", "2022-12-19"),
])
def test_numeric_dates(text, value):
    assert pairs(f"صدر في {text} بيان") == [(text, value)]


def test_numeric_non_dates():
    assert values("النتيجة 3.14.2022 و 99/99/2022 والهاتف 0123456789") == []
    assert values("الساعة 22:25 صباحا") == []


def test_eastern_arabic_digits():
    assert pairs("الإثنين ١٩ ديسمبر ٢٠٢٢") == [("الإثنين ١٩ ديسمبر ٢٠٢٢", "2022-12-19")]
    assert pairs("عام ١٩٩٤") == [("١٩٩٤", "1994")]


@pytest.mark.parametrize("text,mention,value", [
    ("(@x) December 19, 2022", "December 19, 2022", "2022-12-19"),
    ("London 19 December 2022.", "19 December 2022", "2022-12-19"),
    ("تاريخ النشر: 22nd, December 2023", "22nd, December 2023", "2023-12-22"),
    ("في Sept. 3, 2021", "Sept. 3, 2021", "2021-09-03"),
    ("in MARCH 2020", "MARCH 2020", "2020-03"),
])
def test_english_dates(text, mention, value):
    assert pairs(text) == [(mention, value)]


def test_ordinal_day_words():
    assert pairs("في الأول من مارس 2023") == [("الأول من مارس 2023", "2023-03-01")]
    assert values("في الثاني من مارس 2023") == ["2023-03-02"]
    assert values("في الحادي عشر من مارس 2023") == ["2023-03-11"]
    assert values("في الثالث والعشرين من مارس 2023") == ["2023-03-23"]
    assert values("في الحادي والثلاثين من مارس 2023") == ["2023-03-31"]
    assert values("في الثلاثين من مارس", D(2023, 4, 2)) == ["2023-03-30"]


# ---------------------------------------------------------------- Hijri

def test_hijri_dates_convert_to_gregorian_and_keep_their_text():
    assert pairs("الموافق 25 رمضان 1440 هـ") == [("25 رمضان 1440 هـ", "2019-05-30")]
    assert pairs("2 جمادى الآخرة 1443") == [("2 جمادى الآخرة 1443", "2022-01-05")]
    assert values("1 ذو الحجة 1445 هـ") == ["2024-06-07"]
    assert values("10 ذي الحجة 1445") == ["2024-06-16"]
    assert values("15 شعبان 1444 هـ") == ["2023-03-07"]


def test_hijri_without_year_or_impossible_is_left_out():
    assert values("في 25 رمضان", D(2023, 4, 1)) == []
    assert values("في 31 رمضان 1440") == []


# ---------------------------------------------------------------- years

def test_bare_years_in_context():
    assert values("في عام 2023") == ["2023"]
    assert values("خلال العام 2023،") == ["2023"]
    assert values("منذ 1994 حليفا") == ["1994"]
    assert values("تخشى هجوما في 2023.") == ["2023"]
    assert values("في الأشهر الأولى من 2023، في سيناريو") == ["2023"]
    assert values("سنة 1948 وما بعدها") == ["1948"]
    assert values("في 2023 و2024") == ["2023", "2024"]


def test_counts_and_quantities_are_not_years():
    assert values("قتل 2023 شخصا") == []
    assert values("وصل إلى 2023 شخصا") == []
    assert values("في 2023 شخصا") == []
    assert values("أكثر من 2000 جندي") == []
    assert values("أكثر من 2000.") == []
    assert values("بلغ عدد الضحايا 1994") == []
    assert values("منذ 1500 عام") == []
    assert values("من 2000 متظاهر") == []


# ---------------------------------------------------------------- weekdays and relative words

MON = D(2022, 12, 19)  # a Monday


@pytest.mark.parametrize("text,value", [
    ("الإثنين", "2022-12-19"), ("الاثنين", "2022-12-19"), ("يوم الإثنين", "2022-12-19"),
    ("اليوم الإثنين", "2022-12-19"), ("الأحد", "2022-12-18"), ("السبت", "2022-12-17"),
    ("الجمعة", "2022-12-16"), ("الخميس", "2022-12-15"), ("الأربعاء", "2022-12-14"),
    ("الثلاثاء", "2022-12-13"),
])
def test_weekday_is_the_latest_on_or_before_published(text, value):
    assert values(f"قال {text} إن", MON) == [value]


def test_weekday_modifiers():
    assert values("الاثنين الماضي", MON) == ["2022-12-12"]  # strictly before
    assert values("يوم الأحد الماضي", MON) == ["2022-12-18"]
    assert values("الاثنين المقبل", MON) == ["2022-12-26"]  # forward
    assert values("الثلاثاء القادم", MON) == ["2022-12-20"]
    assert values("غدا الثلاثاء", MON) == ["2022-12-20"]


def test_weekday_with_clitic_excludes_it():
    assert pairs("والجمعة، أعلن", MON) == [("الجمعة", "2022-12-16")]
    assert pairs("ويوم الأحد", MON) == [("يوم الأحد", "2022-12-18")]
    assert pairs("منذ الاثنين", MON) == [("الاثنين", "2022-12-19")]


def test_weekday_before_explicit_date_is_one_mention():
    assert pairs("الإثنين 19 ديسمبر 2022", MON) == [("الإثنين 19 ديسمبر 2022", "2022-12-19")]
    assert pairs("الخميس، 15 ديسمبر 2022", MON) == [("الخميس، 15 ديسمبر 2022", "2022-12-15")]


@pytest.mark.parametrize("text,value", [
    ("اليوم", "2022-12-19"), ("أمس", "2022-12-18"), ("الأمس", "2022-12-18"),
    ("بالأمس", "2022-12-18"), ("أمس الأول", "2022-12-17"), ("أول أمس", "2022-12-17"),
    ("غدا", "2022-12-20"), ("غداً", "2022-12-20"), ("الليلة الماضية", "2022-12-18"),
    ("الشهر الماضي", "2022-11"), ("الشهر المقبل", "2023-01"), ("العام الماضي", "2021"),
    ("العام المقبل", "2023"), ("هذا العام", "2022"),
])
def test_relative_words(text, value):
    assert values(f"قال {text} إن", MON) == [value]


def test_relative_text_excludes_clitics_and_keeps_marks():
    assert pairs("وقال بالأمس", MON) == [("الأمس", "2022-12-18")]
    assert pairs("تبدأ غداً.", MON) == [("غداً", "2022-12-20")]


def test_relative_non_dates():
    assert values("في اليوم التالي", MON) == []
    assert values("في ذلك اليوم", MON) == []
    assert values("اليوم العالمي للمرأة", MON) == []
    assert values("الأسبوع الماضي", MON) == []
    assert values("الأحد عشر", MON) == []


def test_without_published_relative_and_weekdays_are_omitted():
    text = "قال اليوم الإثنين إن هجوم أمس والجمعة والشهر الماضي وقع في فبراير، و19 ديسمبر 2022"
    assert pairs(text) == [("19 ديسمبر 2022", "2022-12-19")]
    assert len(pairs(text, MON)) == 6


# ---------------------------------------------------------------- other non-dates

def test_durations_and_clock_times_are_not_dates():
    assert values("خلال 10 أشهر من القتال", MON) == []
    assert values("خلال 3 سنوات", MON) == []
    assert values("حتى الساعة 22:25", MON) == []


def test_street_and_event_names_are_not_dates():
    assert values("بحي 11 ديسمبر وشارع 20 أوت", MON) == []
    assert values("مدينة 6 أكتوبر", MON) == []


def test_duplicate_values_are_all_listed_with_their_offsets():
    text = "اليوم الإثنين وصل بوتين، وقال اليوم إن"
    found = find_dates(text, MON, RULES)
    assert [m["value"] for m in found] == ["2022-12-19", "2022-12-19"]
    assert found[0]["start"] < found[1]["start"]


def test_offsets_are_into_the_original_text_with_diacritics():
    text = "وَصَلَ يَوْمَ الإِثْنَيْنِ 19 دِيسَمْبَر 2022 إلى مِينسك"
    (m,) = find_dates(text, None, RULES)
    assert m["value"] == "2022-12-19"
    assert text[m["start"]:m["end"]] == m["text"]
    assert m["text"].startswith("يَوْمَ") and m["text"].endswith("2022")


def test_sorted_by_start():
    text = "في 2023. الجمعة 16 ديسمبر 2022 ثم أمس"
    found = find_dates(text, MON, RULES)
    assert [m["start"] for m in found] == sorted(m["start"] for m in found)
    assert [m["value"] for m in found] == ["2023", "2022-12-16", "2022-12-18"]


def test_published_as_string_or_datetime():
    assert values("أمس", "2022-12-19") == ["2022-12-18"]
    assert values("أمس", dt.datetime(2022, 12, 19, 10, 0)) == ["2022-12-18"]


# ---------------------------------------------------------------- find_published

@pytest.mark.parametrize("text,expected", [
    ("عنوان الخبر\n\nالإثنين 19 ديسمبر 2022\n\nالتقى الرئيس اليوم", D(2022, 12, 19)),
    ("عنوان\nتاريخ النشر: 30/12/2025 11:09 م\nنص الخبر", D(2025, 12, 30)),
    ("عنوان\n30/12/2025 11:09 م\nنص الخبر", D(2025, 12, 30)),
    ("الدمام في الأربعاء 30 يوليو 2025 03:29 صباحاً كتب فلان - استقبل الوزير اليوم", D(2025, 7, 30)),
    ("عنوان طويل منشور الثلاثاء 12 سبتمبر 2023 توفي نحو 2800 شخص", D(2023, 9, 12)),
    ("عنوان\n01.11.2020 - محدث : 02.11.2020\nنص", D(2020, 11, 1)),
    ("عنوان\nتم التحديث: 2023/10/12\nتم النشر: 2023/10/11\nنص", D(2023, 10, 11)),
    ("عنوان\nأخبار دولية سبتمبر 26, 2025\nنص", D(2025, 9, 26)),
    ("عنوان\nالأربعاء - 2 جمادى الآخرة 1443 هـ - 05 يناير 2022 مـ\nنص", D(2022, 1, 5)),
    ("عنوان\n\n٢٥ سبتمبر ٢٠٢٤\n\nنص الخبر", D(2024, 9, 25)),
    ("عنوان\nبتاريخ 15 مارس 2024 ، 10:00\nنص الخبر الذي يتحدث عن أمور كثيرة جدا في البلاد", D(2024, 3, 15)),
    ("الرياض\nالأربعاء 1445/06/02هـ - 2023/12/15م\nأعلنت الوزارة", D(2023, 12, 15)),
    # wire datelines: city, date, agency tag or dash, then the lead on the same line
    ("عنوان\nالدوحة في 28 أكتوبر 2024 /قنا/ تلقى حضرة صاحب السمو اتصالا هاتفيا اليوم من الرئيس", D(2024, 10, 28)),
    ("عنوان\nمسقط في 4 ربيع الأول 1447هـ الموافق 27 أغسطس 2025م (العمانية) – تلقى السلطان اتصالا اليوم",
     D(2025, 8, 27)),
    ("عنوان\nعمان 15 نيسان 2024 (بترا) - نفى مصدر عسكري مسؤول صحة ما تداولته مواقع التواصل", D(2024, 4, 15)),
    ("عنوان\nالرباط، 25 شتنبر 2024 (و م ع) - أفاد بنك المغرب في بلاغ صدر عقب اجتماع مجلسه", D(2024, 9, 25)),
    ("عنوان\nدبي 3 مارس 2023 - أعلنت هيئة الطرق والمواصلات عن إغلاق عدد من الطرق الرئيسية", D(2023, 3, 3)),
])
def test_published_from_header(text, expected):
    assert find_published(text, RULES) == expected


@pytest.mark.parametrize("text", [
    # a date that dates an event in the lead is not the publication date
    "ضحايا مدنيون بقصف\nسقط، السبت 25 ديسمبر 2021، عدد من المدنيين بين جريح وشهيد جراء قصف صاروخي.",
    "عنوان\nووافق يوم الخميس 25 رمضان 1440 هـ الموافق 30 مايو 2019 م وقد تشرف بتلبية الدعوة جميع القادة.",
    "قال الرئيس اليوم إن الهجوم الذي وقع في 24 فبراير 2022 كان متوقعا منذ زمن بعيد.",
    "لا تاريخ هنا",
    # a date in the lead followed by a bracket is not a dateline: too many words before it
    "عنوان\nقالت الوزارة اليوم إن الهجوم وقع في 24 فبراير 2022 (بحسب البيان) وأسفر عن قتلى.",
    "عنوان\nأعلن وزير الداخلية أمس في 5 مارس 2024 - وهو يوم عطلة - عن خطة جديدة للمرور في المدن.",
    "عنوان\nأعلنت الوزارة أن الانتخابات التشريعية المقبلة ستجرى بتاريخ 15 مارس 2024 في كل الدوائر.",
    "",
])
def test_no_published_date(text):
    assert find_published(text, RULES) is None


def test_published_needs_a_full_date():
    assert find_published("عنوان\nديسمبر 2022\nنص", RULES) is None


def test_published_footer_keyword():
    body = "نص طويل للخبر. " * 300
    assert find_published("عنوان\n" + body + "\nنشر في 5 مارس 2024", RULES) == D(2024, 3, 5)


# ---------------------------------------------------------------- robustness

PIECES = st.one_of(
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩/.-\\:, ()\n\"«»ـًٌٍَُِّْ"
                     "ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئDecembrJanuyFbMchApilgstOoNvSp",
            max_size=6),
    st.sampled_from(["الإثنين", "ديسمبر", "2022", "شباط", "فبراير/ شباط", "اليوم", "أمس", "في ",
                     "عام ", "رمضان", "1440 هـ", "تشرين الأول", "يوم ", "الماضي", "و", "بحي ",
                     "19", "December", " ", "/"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_property_offsets_match_text(text):
    for pub in (None, MON):
        found = find_dates(text, pub, RULES)
        assert [m["start"] for m in found] == sorted(m["start"] for m in found)
        for m in found:
            assert text[m["start"]:m["end"]] == m["text"]
            assert len(m["value"]) in (4, 7, 10)
    find_published(text, RULES)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "الإثنين", "ديسمبر", "2022", "شباط", "فبراير/ شباط", "اليوم", "أمس", "في", "عام", "رمضان",
    "1440 هـ", "تشرين الأول", "يوم", "الماضي", "والجمعة", "بحي", "19", "December", "،", "\n",
    "19/12/2022", "قال", "الرئيس", "مِينسك", "غداً", "(شباط)", "٢٠٢٢", "1994", "شخصا"]), max_size=40))
def test_property_offsets_on_word_sequences(words):
    text = " ".join(words)
    for m in find_dates(text, MON, RULES):
        assert text[m["start"]:m["end"]] == m["text"]


# ---------------------------------------------------------------- rules and import

def test_user_rules_extend_the_vocabulary(tmp_path: Path):
    (tmp_path / "dates.toml").write_text(
        '[months]\n"1" = ["يناير", "جنيور"]\n', encoding="utf-8")
    rules = RuleSet([tmp_path])
    assert [m["value"] for m in find_dates("في 3 جنيور 2020 و3 يناير 2021", None, rules)] == [
        "2020-01-03", "2021-01-03"]


def test_module_import_leaves_heavy_modules_out():
    code = ("import time, sys; t = time.perf_counter(); import newsfacts.dates; "
            "print(time.perf_counter() - t); "
            "print(any(m in sys.modules for m in ('dateparser', 'hijridate', 'camel_tools')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True).stdout.split()
    assert out[1] == "False"  # heavy modules are imported on first use (timing: benchmarks/run.py)


def test_rule_starts_read_per_document_word_find_the_same():
    from newsfacts.dates import _compiled, _matches
    from newsfacts.document import Document
    from newsfacts.rules import default_rules

    c = _compiled(default_rules())
    for text in ["بالخميس والجمعة 5May2022 Jan ٢٠٢٢ مايو5 12الخميس ولخميس وبالجمعة كالسبت",
                 "الإثنين 19 ديسمبر 2022، فبراير/ شباط 2022، 1445/06/02هـ", "x_مايو الخميس_ 3", ""]:
        doc = Document(text)
        assert _matches(c, doc.view.text, doc.tokens) == _matches(c, doc.view.text)
