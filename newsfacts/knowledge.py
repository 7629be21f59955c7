"""The entity knowledge base: every lexicon of ``rules/`` compiled once.

One :class:`~newsfacts.lexicon.Lexicon` holds every multi-word form the entity
extractors look for (places, organizations, titles, triggers, heads, well-known
people), tagged by kind, so a document is scanned once. Single-word lists
(given names, function words, nisba adjectives) are plain normalized sets.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .normalize import REMOVED, norm, norm_many
from .rules import RuleSet

#: Endings of a nisba adjective after its ي: masc., fem., plurals, dual.
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يات", "يين")


class Place:
    """A gazetteer row (``form, name, kind, country, lat, lon, population``).

    Numbers are parsed when first read: the gazetteer has thousands of rows
    and a document touches a handful, so start-up does not pay for the rest.
    """

    __slots__ = ("name", "kind", "country", "_row")

    def __init__(self, row: list[str]) -> None:
        self._row = row
        self.name = row[1] or row[0]
        self.kind = _col(row, 2) or "city"
        self.country = _col(row, 3) or None

    @property
    def lat(self) -> float | None:
        return _num(_col(self._row, 4))

    @property
    def lon(self) -> float | None:
        return _num(_col(self._row, 5))

    @property
    def population(self) -> int:
        return _int(_col(self._row, 6))

    def __repr__(self) -> str:
        return f"Place({self.name!r}, {self.kind!r}, {self.country!r})"


@dataclass
class Knowledge:
    lexicon: Lexicon
    function_words: frozenset[str]
    verbs: frozenset[str]
    given: frozenset[str]
    family: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    nisba: dict[str, str]
    stoplist: frozenset[str]
    club_before: frozenset[str]
    prepositions: frozenset[str]
    org_stop: frozenset[str]
    min_population: int
    max_person_tokens: int
    title_words: frozenset[str] = field(default_factory=frozenset)
    common: frozenset[str] = field(default_factory=frozenset)
    #: Function words as written (with ى): على is a preposition even though it folds to علي (Ali).
    curated_family: frozenset[str] = field(default_factory=frozenset)
    #: Mined surnames seen at least ``frequent_family`` times in ANERcorp train (أنان، السنيورة).
    frequent_family: frozenset[str] = field(default_factory=frozenset)
    function_raw: frozenset[str] = field(default_factory=frozenset)
    not_orgs: frozenset[str] = field(default_factory=frozenset)
    #: Verbs whose subject, right after them, is often a person (قال، أضاف، أكد).
    reporting: frozenset[str] = field(default_factory=frozenset)
    #: Words after which a person is named in the genitive (قوله after عن X).
    quote_after: frozenset[str] = field(default_factory=frozenset)
    list_end: frozenset[str] = field(default_factory=frozenset)
    club_heads: frozenset[str] = field(default_factory=frozenset)
    led_by: frozenset[str] = field(default_factory=frozenset)
    name_closers: frozenset[str] = field(default_factory=frozenset)
    #: أبو، أم: a kunya before a given name is a name (أبو حمزة).
    kunya: frozenset[str] = field(default_factory=frozenset)
    #: بن، بنت: between two names (شهاب بن طارق).
    nasab: frozenset[str] = field(default_factory=frozenset)
    #: Regnal ordinals that end a name (عبدالله الثاني، محمد الخامس).
    regnal: frozenset[str] = field(default_factory=frozenset)
    compound_tails: frozenset[str] = field(default_factory=frozenset)
    #: Second halves that make a compound given name with any name word before them (نصر الدين).
    open_tails: frozenset[str] = field(default_factory=frozenset)
    #: Compound given names written as two words (صلاح الدين، زين الدين), from names/given.tsv.
    compound_given: frozenset[str] = field(default_factory=frozenset)
    #: First words of the compound given names (عبد، نور، صلاح …).
    compound_heads: frozenset[str] = field(default_factory=frozenset)
    #: Dual forms of place triggers (بلدتي، منطقتي): two names follow, joined by و.
    dual_triggers: frozenset[str] = field(default_factory=frozenset)
    #: Words that end a place name after its trigger (التابعة، الواقعة).
    place_name_stop: frozenset[str] = field(default_factory=frozenset)
    #: Abbreviated titles written with a full stop (د. = doctor).
    abbrev_titles: frozenset[str] = field(default_factory=frozenset)
    #: First words of multi-word place forms that are triggers, not names (قطاع غزة، دولة قطر).
    place_heads: frozenset[str] = field(default_factory=frozenset)
    #: Letter n-gram log-odds, PER words vs. other words (rules/names/name_shapes.tsv).
    shapes: dict = field(default_factory=dict)
    #: An unknown word continues a name only if its shape scores at least this.
    shape_extend: float = -9.0
    #: Two or more unknown words that all score at least this make a name on their own.
    shape_pair: float = 9.0
    #: An unknown word of three letters or fewer continues a name only if its shape scores at least this.
    shape_short: float = 9.0
    #: The word after a given name, shaped like a verb or ة-noun, ends the name below this shape score.
    shape_verb: float = -9.0
    #: Person context model (rules/names/person_contexts.tsv, mined from ANERcorp train):
    #: log-odds of a word right before / right after a person vs. another uncommon word.
    ctx_before: dict = field(default_factory=dict)
    ctx_after: dict = field(default_factory=dict)
    #: person.context: an unknown word (or two) is a name when before + after + shape weight × shape
    #: (+ known-name bonus) reaches this.
    context_threshold: float = 99.0
    #: ... and when the two neighbours alone (before + after) reach this.
    context_min: float = 0.0
    #: person.shape and person.alias are dropped when the words around score below this.
    context_veto: float = -99.0
    #: Words person.context never takes (ordinals that are also surnames: ثاني هجوم).
    context_stop: frozenset[str] = field(default_factory=frozenset)
    context_shape_weight: float = 1.0
    context_known_bonus: float = 0.0
    #: Gregorian month names (rules/dates.toml): a company named like a month (نيسان) is the month after a date.
    month_words: frozenset[str] = field(default_factory=frozenset)
    #: Two-word Hijri month names: ربيع الأول is a month, not ربيع the first.
    hijri_months: frozenset[str] = field(default_factory=frozenset)
    #: Per-word facts the entity rules compute once per process (entities._word_info).
    word_cache: dict = field(default_factory=dict)
    #: Genitives that continue a listed organization's name (وكالة مهر للأنباء).
    field_genitives: frozenset[str] = field(default_factory=frozenset)
    #: Facility words and the first words of place names: a person named right after one
    #: names the facility or the place (مستشفى نبيه بري، قاعدة عين الأسد).
    facility_heads: frozenset[str] = field(default_factory=frozenset)
    #: Honorifics and kin words that begin place names after a place trigger (سيدي عيسى، البو حياة).
    name_prefixes: frozenset[str] = field(default_factory=frozenset)
    #: Descriptions that refer back to a listed body named in the same text (المنظمة الدولية → الأمم المتحدة).
    org_anaphors: dict = field(default_factory=dict)
    quiet_words: dict = field(default_factory=dict)  # word form -> starts no person rule by itself

    def shape(self, w: str) -> float:
        """Name-likeness of a normalized word: mean log-odds of its letter 2-4-grams
        (> 0 looks like a name: كيني، ميلر، إينزاغي; < 0 like a verb or noun: تناولت، أسبوعين)."""
        s = f"^{w}$"
        get = self.shapes.get
        total, n = 0.0, 0
        for k in (2, 3, 4):
            for i in range(len(s) - k + 1):
                total += get(s[i:i + k], 0.0)
                n += 1
        return total / n if n else 0.0

    def context(self, w: str, side: str) -> float:
        """Log-odds of the word ``w`` standing right ``side`` (before | after) a person;
        a rare spelling with و / ف is read as the word without it."""
        table = self.ctx_before if side == "before" else self.ctx_after
        v = table.get(w)
        if v is None and len(w) > 3 and w[0] in "وف":
            v = table.get(w[1:])
        return v or 0.0

    def known_name(self, w: str) -> bool:
        """A normalized word that a name lexicon lists."""
        return w in self.given or w in self.family

    def nisba_country(self, word: str) -> str | None:
        """Country of a nisba adjective (``الروسية`` → روسيا), else None (cached per word)."""
        key = ("nisba", word)
        cache = self.word_cache
        if key in cache:
            return cache[key]
        w = word[2:] if word.startswith("ال") else word
        found = None
        for end in ("يتين", "يتان", "يون", "يين", "يان", "يات", "يه", "ي"):
            if w.endswith(end) and len(w) > len(end) + 1:
                found = self.nisba.get(w[: -len(end)] + "ي")
                if found:
                    break
        if len(cache) > 200_000:
            cache.clear()
        cache[key] = found
        return found


def _num(s: str) -> float | None:
    try:
        return round(float(s), 4)
    except (TypeError, ValueError):
        return None


def _int(s: str) -> int:
    try:
        return int(float(s))
    except (TypeError, ValueError):
        return 0


def _col(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


def build(rules: RuleSet) -> Knowledge:
    """Compile the entity knowledge (cached per rule set by the caller)."""
    t = rules.toml_tables("entities.toml")
    words, places_t, orgs_t, people_t = t.get("words", {}), t.get("places", {}), t.get("organizations", {}), t.get("people", {})
    lex = Lexicon()

    # Places: generated gazetteer, hand-written regions and variants.
    lex.add_all((row[0], ("place", Place(row))) for row in rules.tsv("places/places.tsv") if len(row) >= 2 and row[0])
    for trig in places_t.get("triggers", []):
        lex.add(trig, ("trigger", trig))
    for trig in places_t.get("plural_triggers", []):
        lex.add(trig, ("pluraltrigger", trig))
    for trig in places_t.get("dual_triggers", []):
        lex.add(trig, ("dualtrigger", trig))
    for head in orgs_t.get("heads", []):
        lex.add(head["head"], ("orghead", int(head.get("max", 2)), head["head"] in orgs_t.get("generic", []),
                               bool(head.get("descriptor", False)), bool(head.get("name_only", False)),
                               bool(head.get("team", False)), bool(head.get("genitive", False))))
    for row in rules.tsv("organizations.tsv") + rules.tsv("organizations_mined.tsv"):
        if row and row[0]:
            lex.add(row[0], ("org", _col(row, 1) or row[0]))
    title_words = set()
    for row in rules.tsv("names/titles.tsv"):
        if row and row[0]:
            lex.add(row[0], ("title", _col(row, 1)))
            title_words.update(norm(row[0]).split())
    for row in rules.tsv("people.tsv"):
        if row and row[0]:
            lex.add(row[0], ("famous", row[0]))
            for alias in row[1:]:
                if alias:
                    lex.add(alias, ("famous", row[0]))
    connectors = {norm(w) for w in people_t.get("connectors", [])}
    # Second halves of compound given names (عبد الله، نور الدين): never a surname alone.
    tails = {norm(w) for w in people_t.get("compound_tails", [])}
    compound_given = set()
    for row in rules.tsv("names/given.tsv"):
        parts = norm(row[0]).split() if row and row[0] else []
        if len(parts) == 2 and parts[1].startswith("ال"):
            tails.add(parts[1])
            compound_given.add(" ".join(parts))
    # عبد + a name of God is a given name even where the lexicon has not seen it (عبد العظيم، عبد الباسط).
    compound_given |= {f"{norm('عبد')} {t}" for t in tails if t.startswith("ال")}
    famous_words = {w for row in rules.tsv("people.tsv") for f in row for w in norm(f).split()} - connectors - tails
    # only a one-word form the list gives as standalone (بوتين) is a surname that may stand alone
    famous_alone = {norm(f) for row in rules.tsv("people.tsv") for f in row[1:] if f and " " not in f.strip()}

    def nset(values) -> frozenset[str]:
        return frozenset(norm_many([v for v in values if v]))

    nisba = {}
    for name in ("places/nisba.tsv",):
        for row in rules.tsv(name):
            if len(row) >= 2 and row[0]:
                nisba.setdefault(norm(row[0]), row[1])
    for adj, country in places_t.get("nisba_extra", []):
        nisba.setdefault(norm(adj), country)
    return Knowledge(
        lexicon=lex,
        function_words=nset(words.get("function", [])),
        verbs=nset(words.get("verbs", [])),
        given=nset(r[0] for r in rules.tsv("names/given.tsv")) ,
        family=nset(r[0] for r in rules.tsv("names/family.tsv")) | famous_words,
        not_names=nset(r[0] for r in rules.tsv("names/not_names.tsv")),
        connectors=nset(people_t.get("connectors", [])),
        nisba=nisba,
        stoplist=nset(r[0] for r in rules.tsv("places/stoplist.tsv")),
        club_before=nset(orgs_t.get("club_before", [])),
        club_heads=nset(orgs_t.get("club_heads", [])),
        led_by=nset(orgs_t.get("led_by", [])),
        prepositions=nset(places_t.get("prepositions", [])),
        org_stop=nset(orgs_t.get("stop", [])),
        field_genitives=nset(orgs_t.get("field_genitives", [])),
        org_anaphors={norm(a): norm(b) for a, b in orgs_t.get("anaphors", [])},
        name_prefixes=nset(places_t.get("name_prefixes", [])),
        facility_heads=nset(people_t.get("facility_heads", []) + people_t.get("toponym_heads", [])),
        min_population=int(places_t.get("min_population", 100000)),
        max_person_tokens=int(people_t.get("max_tokens", 4)),
        title_words=frozenset(title_words),
        common=nset(r[0] for r in rules.tsv("common_words.tsv")),
        curated_family=nset(r[0] for r in rules.tsv("names/family_extra.tsv")) | famous_alone,
        frequent_family=nset(r[0] for r in rules.tsv("names/family.tsv")
                             if len(r) > 1 and r[1].isdigit() and int(r[1]) >= int(people_t.get("frequent_family", 5))),
        function_raw=frozenset(REMOVED.sub("", w) for w in words.get("function", []) if w.endswith("ى")),
        not_orgs=nset(orgs_t.get("generic_bodies", [])),
        reporting=nset(people_t.get("reporting_verbs", [])),
        quote_after=nset(people_t.get("quote_words", [])),
        list_end=nset(people_t.get("list_end", [])),
        name_closers=nset(people_t.get("name_closers", [])),
        kunya=nset(people_t.get("kunya", [])),
        nasab=nset(people_t.get("nasab", [])),
        regnal=nset(people_t.get("regnal", [])),
        compound_tails=frozenset(tails),
        open_tails=nset(people_t.get("open_tails", [])),
        compound_given=frozenset(compound_given),
        compound_heads=frozenset(c.split()[0] for c in compound_given),
        dual_triggers=nset(places_t.get("dual_triggers", [])),
        place_name_stop=nset(places_t.get("name_stop", [])),
        abbrev_titles=nset(people_t.get("abbreviated_titles", [])),
        place_heads=nset(places_t.get("heads", [])),
        shape_extend=float(people_t.get("shape_extend", -9.0)),
        shape_pair=float(people_t.get("shape_pair", 9.0)),
        shape_short=float(people_t.get("shape_short", 9.0)),
        shape_verb=float(people_t.get("shape_verb", -9.0)),
        month_words=_month_words(rules),
        hijri_months=_hijri_months(rules),
        shapes={r[0]: float(r[1]) for r in rules.tsv("names/name_shapes.tsv") if len(r) >= 2 and r[0]},
        ctx_before=_contexts(rules, "before"),
        ctx_after=_contexts(rules, "after"),
        context_threshold=float(people_t.get("context_threshold", 99.0)),
        context_min=float(people_t.get("context_min", 0.0)),
        context_veto=float(people_t.get("context_veto", -99.0)),
        context_stop=nset(people_t.get("context_stop", [])),
        context_shape_weight=float(people_t.get("context_shape_weight", 1.0)),
        context_known_bonus=float(people_t.get("context_known_bonus", 0.0)),
    )


def _contexts(rules: RuleSet, side: str) -> dict[str, float]:
    return {r[0]: float(r[2]) for r in rules.tsv("names/person_contexts.tsv") if len(r) >= 3 and r[1] == side}


def _hijri_months(rules: RuleSet) -> frozenset[str]:
    """Two-word Hijri month names (ربيع الأول، جمادى الآخرة), normalized."""
    table = rules.toml_tables("dates.toml").get("hijri_months", {})
    names = [n for v in table.values() if isinstance(v, list) for n in v if isinstance(n, str)]
    return frozenset(n for n in norm_many(names) if " " in n)


def _month_words(rules: RuleSet) -> frozenset[str]:
    months = rules.toml_tables("dates.toml").get("months", {})
    out: list[str] = []

    def walk(v) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
    walk(months)
    return frozenset(w for w in norm_many(out) if w and " " not in w and not w.isdigit())


def knowledge(rules: RuleSet) -> Knowledge:
    return rules.compiled("knowledge", build)
