"""The normalized view and its map back to original offsets."""
from hypothesis import given, strategies as st

from newsfacts.normalize import AR_DIACRITICS, norm, normalize


def test_diacritic_set_is_camel_tools_set():
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    assert set(AR_DIACRITICS) == set(AR_DIAC_CHARSET)


def test_folding_matches_camel_tools():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    s = "أعلنتْ وزارةُ الدفاعِ إسقاطَ مسيّرةٍ فوق آمرلي ومصطفى"
    expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(s))))
    assert normalize(s).text == expected


def test_view_maps_back_to_original():
    s = "هجومًا على كييف"
    v = normalize(s)
    assert v.text == "هجوما علي كييف"
    i = v.text.index("كييف")
    start, end = v.span(i, i + 4)
    assert s[start:end] == "كييف"


def test_tatweel_and_hamza_carriers_fold():
    assert norm("مسـؤول") == "مسوول" and norm("هيئة") == "هييه" and norm("مصطفى") == "مصطفي"


arabicish = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة ًٌٍَُِّْـ\u200f.،؟0123456789٠١٢")))


@given(arabicish)
def test_every_view_span_maps_inside_the_original(s):
    v = normalize(s)
    assert len(v.text) <= len(s)
    for i in range(len(v.text)):
        a, b = v.span(i, i + 1)
        assert 0 <= a < b <= len(s)
        assert norm(s[a:b]) == norm(v.text[i]) or v.text[i].isspace()
