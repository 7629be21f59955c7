"""Acceptance on the two sample articles (issue 2): the whole pipeline, end to end."""
import pytest

from newsfacts import extract
from newsfacts.normalize import norm


@pytest.fixture(scope="module")
def facts1(sample1):
    return extract(sample1.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def facts2(sample2):
    return extract(sample2.read_text(encoding="utf-8"), published="2022-12-19")


def names(facts, field):
    return {norm(n) for e in facts[field] for n in [e["name"], *e["aliases"]]}


def find(facts, field, name):
    return next(e for e in facts[field] if norm(name) in {norm(n) for n in [e["name"], *e["aliases"]]})


def test_published_from_dateline(facts1):
    assert facts1["published"] == "2022-12-19"


def test_people(facts1):
    putin = find(facts1, "people", "فلاديمير بوتين")
    assert putin["name"] == "فلاديمير بوتين" and "بوتين" in putin["aliases"] and putin["role"] == "الرئيس الروسي"
    for name in ("ألكسندر لوكاشنكو", "سيرغي لافروف", "سيرغي شويغو", "ديميتري بيسكوف"):
        assert norm(name) in {norm(e["name"]) for e in facts1["people"]}, name
    assert len([e for e in facts1["people"] if "بوتين" in e["name"]]) == 1  # one person, one entry


def test_places_and_orgs(facts1):
    for place in ("مينسك", "بيلغورود", "كييف", "بيلاروسيا", "موسكو", "أوكرانيا"):
        assert norm(place) in names(facts1, "places"), place
    for org in ("الكرملين", "وزارة الدفاع الروسية"):
        assert norm(org) in names(facts1, "organizations"), org


def test_place_has_coordinates(facts1):
    minsk = find(facts1, "places", "مينسك")
    assert minsk["country"] == "بيلاروسيا" and abs(minsk["lat"] - 53.9) < 0.2 and abs(minsk["lon"] - 27.57) < 0.2


def test_dates(facts1):
    values = {d["value"] for d in facts1["dates"]}
    assert {"2022-12-19", "2022-02-24", "2022-12-16", "2022-10", "2023", "1994"} <= values
    feb = next(d for d in facts1["dates"] if d["value"] == "2022-02-24")
    assert feb["text"] == "24 فبراير/ شباط"


def _claims(facts, type_):
    return [c for c in facts["claims"] if c["type"] == type_]


def test_shootdown_claim(facts1):
    shot = _claims(facts1, "shootdown")
    assert any(c["count"] == 4 and c["location"] and "بيلغورود" in str(c["location"])
               and norm(str(c["claimant"])) in {norm("الجيش الروسي"), norm("وزارة الدفاع الروسية")} for c in shot), shot


def test_meeting_and_denial(facts1):
    meetings = _claims(facts1, "meeting")
    assert any("مينسك" in str(c["location"]) and any("بوتين" in p for p in c["participants"] or [])
               and any("لوكاشنكو" in p for p in c["participants"] or []) for c in meetings), meetings
    assert any("بيسكوف" in str(c["claimant"]) for c in _claims(facts1, "denial"))


def test_second_sample_claims(facts2):
    assert any(c["count"] == 12 for c in _claims(facts2, "power_outage"))
    assert any(c["count"] == 3 for c in _claims(facts2, "injured"))
    counts = {c["count"] for c in _claims(facts2, "shootdown")}
    assert {30, 4} <= counts, facts2["claims"]


def test_offsets_point_into_the_text(sample1, facts1):
    text = sample1.read_text(encoding="utf-8")
    for field in ("people", "places", "organizations"):
        for e in facts1[field]:
            for m in e["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
    for d in facts1["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    for c in facts1["claims"]:
        assert text[c["start"]:c["end"]] == c["evidence"]
