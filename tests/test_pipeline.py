"""The engine as a library: contract shape, long documents in parts, determinism."""
import json

import pytest

from newsfacts import extract
from newsfacts import pipeline
from newsfacts.pipeline import split_parts


def test_contract_keys_and_types():
    facts = extract("التقى الرئيس الروسي فلاديمير بوتين في مينسك نظيره ألكسندر لوكاشنكو.", "2022-12-19", source="x")
    assert list(facts)[:7] == ["source", "published", "people", "places", "organizations", "dates", "claims"]
    assert facts["source"] == "x" and facts["published"] == "2022-12-19"
    for p in facts["people"]:
        assert set(p) >= {"name", "aliases", "role", "mentions"}
    for p in facts["places"]:
        assert set(p) >= {"name", "aliases", "kind", "country", "lat", "lon", "mentions"}


def test_bad_published_is_an_error():
    with pytest.raises(ValueError, match="ISO"):
        extract("نص", "19/12/2022")


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        extract(b"bytes")


def test_split_parts_cut_at_breaks_and_cover_text():
    text = ("فقرة أولى طويلة. " * 20 + "\n\n") * 10
    parts = split_parts(text, 500)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(e - s <= 500 for s, e in parts)
    assert all(text[e - 2:e] == "\n\n" for _, e in parts[:-1])


def test_long_document_in_parts_merges_entities(monkeypatch, sample1):
    text = sample1.read_text(encoding="utf-8")
    long_text = "\n\n".join([text] * 4)
    whole = extract(long_text)
    monkeypatch.setattr(pipeline, "PART_CHARS", len(text) + 10)
    parts = extract(long_text)
    # the same people, one entry each, with the mentions of every part, at exact offsets
    assert sorted(p["name"] for p in parts["people"]) == sorted(p["name"] for p in whole["people"])
    putin = next(p for p in parts["people"] if p["name"] == "فلاديمير بوتين")
    assert len(putin["mentions"]) == len(next(p for p in whole["people"] if p["name"] == "فلاديمير بوتين")["mentions"])
    for field in ("people", "places", "organizations"):
        for e in parts[field]:
            for m in e["mentions"]:
                assert long_text[m["start"]:m["end"]] == m["text"]
    for d in parts["dates"]:
        assert long_text[d["start"]:d["end"]] == d["text"]


def test_deterministic(sample2):
    text = sample2.read_text(encoding="utf-8")
    assert json.dumps(extract(text), ensure_ascii=False) == json.dumps(extract(text), ensure_ascii=False)
