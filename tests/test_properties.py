"""Property tests: extract() never raises on any text, and every offset is exact."""
from hypothesis import HealthCheck, given, settings, strategies as st

from newsfacts import extract

ALPHABET = list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة ًٌٍَُِّْـ") + list("0123456789٠١٢٣٤٥٦٧٨٩۱۲") + \
    list(".,،؛:؟!\"'«»()-/\\\n\t ") + ["\u200f", "\u200e", "\u202b", "\u2066", "😀", "\x00", "\x07", "a", "Z"]
WORDS = ["في", "منطقة", "بيلغورود", "أسقطت", "أربعة", "صواريخ", "الرئيس", "فلاديمير", "بوتين", "وزارة", "الدفاع",
         "الروسية", "الإثنين", "19", "ديسمبر", "2022", "قتل", "12", "شخصا", "أمس", "للكرملين", "نفى", "التقى"]

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=6)), max_size=40).map(" ".join)


def _check(text, facts):
    for field in ("people", "places", "organizations"):
        for e in facts[field]:
            assert e["name"]
            for m in e["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(text)
                assert text[m["start"]:m["end"]] == m["text"]
    for d in facts["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    for c in facts["claims"]:
        assert text[c["start"]:c["end"]] == c["evidence"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2022-12-19"]))
def test_extract_never_raises_and_offsets_are_exact(text, published):
    _check(text, extract(text, published))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode(text):
    _check(text, extract(text))
