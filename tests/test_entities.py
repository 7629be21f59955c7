"""Focused tests of the entity extractor beyond the per-rule examples."""
from newsfacts.document import Document
from newsfacts.entities import find_entities
from newsfacts.rules import default_rules


def ents(text: str) -> dict:
    return find_entities(Document(text), default_rules())


def test_mentions_are_exact_slices():
    text = "وقال كينيون : إن وزارة الخارجية التركية نفت ذلك.\nتلفزيون سوريا ـ إسطنبول"
    out = ents(text)
    for field in ("people", "places", "organizations"):
        for e in out[field]:
            for m in e["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]


def test_line_break_and_free_tatweel_end_a_name():
    out = ents("ونقل تلفزيون سوريا ـ إسطنبول الخبر.\nوكتبت صحيفة نيويورك تايمز\nفند المتحدث ذلك.")
    orgs = {o["name"] for o in out["organizations"]}
    assert "تلفزيون سوريا" in orgs
    assert "نيويورك تايمز" in orgs
    assert not any("\n" in o or "ـ" in o for o in orgs)


def test_list_waw_starts_a_new_name():
    out = ents("شارك في المسلسل نور الشريف ومعالي زايد وأشرف عبدالغفور.")
    names = {p["name"] for p in out["people"]}
    assert "نور الشريف" in names
    assert not any(" و" in n for n in names)


def test_org_prefix_alias_needs_a_single_host():
    text = "وقالت وزارة الدفاع الروسية إن وزارة الدفاع الأوكرانية تكذب، وردت وزارة الدفاع ببيان."
    orgs = ents(text)["organizations"]
    short = [o for o in orgs if o["name"] == "وزارة الدفاع"]
    assert short, "two longer hosts: the short form stays on its own"


def test_connector_alone_is_no_person():
    out = ents("قصفت الصواريخ مطار بن غوريون ومدينة عسقلان.")
    assert all(p["name"] != "بن" for p in out["people"])


def test_hamza_alef_is_no_article():
    out = ents("وفاز الإسباني فرناندو ألونسو بالسباق.")
    assert "فرناندو ألونسو" in {p["name"] for p in out["people"]}
