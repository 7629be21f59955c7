"""The claim vocabulary of ``rules/claims.toml``, compiled once per rule set.

One table holds every form the claim mechanisms look for, by its first word:
rule triggers, countable nouns (with derived dual, accusative and definite
forms) and word classes. A document's words are looked up once for the
triggers and the words of saying (what each written word may begin is cached
per word, proclitics read as the entity lexicon reads them) and the
mechanisms in :mod:`newsfacts.claims` only look at the words around the hits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

from .document import _NONWORD, proclitic_splits
from .lexicon import PROCLITICS
from .normalize import REMOVED, norm
from .rules import RuleError, RuleSet, checked_examples, require

FILE = "claims.toml"

#: Mechanisms implemented in newsfacts/claims.py and the claim types they may produce.
MECHANISMS = {
    "downed": {"shootdown"},
    "casualty": {"killed", "injured"},
    "attack": {"attack"},
    "outage": {"power_outage"},
    "meeting": {"meeting"},
    "denial": {"denial"},
    "denial_predicate": {"denial"},
}
TYPES = ("shootdown", "power_outage", "killed", "injured", "attack", "meeting", "denial")


@dataclass(frozen=True, slots=True)
class Rule:
    index: int
    id: str
    type: str
    mechanism: str
    needs: str | None
    needs_word: str | None
    side: str
    window: int
    counts: str | None
    headline_only: bool = False


@dataclass(frozen=True, slots=True)
class Trig:
    """Lexicon entry of a trigger form."""

    rule: int
    dual: bool
    definite: bool


@dataclass(frozen=True, slots=True)
class Noun:
    """Lexicon entry of a countable noun form."""

    cls: str
    number: str  # sg | pl | du
    definite: bool


@dataclass(frozen=True, slots=True)
class Word:
    """Lexicon entry of a word-class form."""

    cls: str
    value: Any = None


#: Word classes whose words also stand with the article (الطائرات المسيرة الهجومية).
DEFINITE_TOO = frozenset({"object_modifiers"})
#: Word classes found by the document scan (the rest is looked up around the hits only).
SCANNED_WORDS = frozenset({"attribution_verbs", "attribution_preps"})


@dataclass
class Vocab:
    #: Triggers and words of saying, by first word: looked up at every word of a document.
    scan_forms: dict[str, tuple[ScanForm, ...]]
    forms: dict[str, list[tuple[tuple[str, ...], Any, bool]]]  # first word -> (rest, entry, needs ة)
    rules: list[Rule]
    mark_forms: MarkForms  # span class forms (clause marks, negations …) by first word
    singulars: dict[str, frozenset[str]]  # noun class -> normalized singular forms
    units: dict[str, str]  # noun class -> unit
    noun_classes: frozenset[str]
    word_classes: frozenset[str] = field(default_factory=frozenset)
    #: What each written word may begin: filled as documents are read (see word_facts).
    facts: "WordCache" = field(init=False)

    def __post_init__(self) -> None:
        self.facts = WordCache(partial(word_facts, self))


def _plain(s: str) -> str:
    """Diacritics and tatweel removed, spelling kept (ة stays ة for the lexicon's check)."""
    return " ".join(REMOVED.sub("", s).split())


def _accusative(w: str) -> str | None:
    """The indefinite accusative spelling (صاروخ → صاروخا), if the word takes one."""
    last = w[-1:]
    if not last or last in "ةهاىيوء" or " " in w:
        return None
    return w + "ا"


def _duals(w: str) -> list[str]:
    """Dual spellings of a singular (first word only for phrases)."""
    head, _, rest = w.partition(" ")
    tail = (" " + rest) if rest else ""
    if head.endswith("ة"):
        stem = head[:-1] + "ت"
        return [stem + "ين" + tail, stem + "ان" + tail]
    if head[-1:] in "اىيوء":
        return []
    return [head + "ين" + tail, head + "ان" + tail]


def _definite(w: str) -> str | None:
    if w.startswith("ال") or w.startswith("لل"):
        return None
    return "ال" + w


def _str_list(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise RuleError(f"{FILE}: {what} must be a list of non-empty strings")
    return value


def _check_rule(rule: dict, nouns: set[str], words: set[str]) -> None:
    path, rid = rule.get("_file", FILE), rule["id"]
    mech = rule.get("mechanism")
    require(mech in MECHANISMS, path, rid, f"unknown mechanism {mech!r} (one of {sorted(MECHANISMS)})")
    require(rule.get("type") in MECHANISMS[mech], path, rid,
            f"type {rule.get('type')!r} is not produced by mechanism {mech!r}")
    trig = rule.get("triggers")
    require(isinstance(trig, list) and trig and all(isinstance(t, str) and t.strip() for t in trig),
            path, rid, "needs a non-empty 'triggers' list of strings")
    require(rule.get("needs") is None or rule["needs"] in nouns, path, rid,
            f"'needs' must name a noun class ({sorted(nouns)})")
    require(rule.get("needs_word") is None or rule["needs_word"] in words, path, rid,
            f"'needs_word' must name a word class ({sorted(words)})")
    require(rule.get("side", "after") in ("after", "before", "both"), path, rid,
            "'side' must be after, before or both")
    require(isinstance(rule.get("window", 6), int) and rule.get("window", 6) > 0, path, rid,
            "'window' must be a positive integer")
    for ex, exp in checked_examples(rule, path):
        for e in exp:
            require(isinstance(e, dict) and e.get("type") in TYPES, path, rid,
                    f"every expected claim needs a 'type' (one of {TYPES})")


@dataclass(frozen=True, slots=True)
class ScanForm:
    """A trigger or a word of saying as the document scan reads it (see scan_reading)."""

    rest: tuple[str, ...]  # the words after the first
    length: int  # characters from the first word's start (at one place the longer form comes first)
    entries: tuple[Any, ...]
    taa: bool  # every spelling listed ends in ة (the written word must too: بلده is not بلدة)
    assimilated: bool  # a form in ال written ل after a ل (للكرملين): only after a proclitic ending in ل


class _Forms:
    """Every form, for lookups at a token; the scanned ones (triggers, words of saying) also
    for the document scan, as the entity lexicon would hold them."""

    def __init__(self) -> None:
        self.forms: dict[str, list[tuple[tuple[str, ...], Any, bool]]] = {}
        self._scanned: dict[str, list[Any]] = {}  # form (normalized, single spaces) -> entries
        self._scanned_taa: dict[str, bool] = {}

    def add(self, form: str, entry: Any, scan: bool = False) -> None:
        words = _NONWORD.sub(" ", norm(form)).split()
        if not words or len(" ".join(words)) < 2:
            return
        taa = REMOVED.sub("", form).rstrip().endswith("ة")
        self.forms.setdefault(words[0], []).append((tuple(words[1:]), entry, taa))
        if scan:
            key = " ".join(words)
            self._scanned.setdefault(key, []).append(entry)
            self._scanned_taa[key] = self._scanned_taa.get(key, True) and taa

    def scan_forms(self) -> dict[str, tuple[ScanForm, ...]]:
        """The scanned forms by first word, with ل + ال written لل as a form of its own."""
        out: dict[str, list[ScanForm]] = {}

        def put(written: str, key: str, assimilated: bool) -> None:
            first, *rest = written.split(" ")
            out.setdefault(first, []).append(ScanForm(tuple(rest), len(written), tuple(self._scanned[key]),
                                                      self._scanned_taa[key], assimilated))

        for key in self._scanned:
            put(key, key, False)
            if key.startswith("ال") and len(key) > 3 and "ل" + key[2:] not in self._scanned:
                put("ل" + key[2:], key, True)
        return {w: tuple(v) for w, v in out.items()}


_LONGEST_PROCLITICS = max(map(len, PROCLITICS))


#: The scanned forms a written word may begin: (one-word forms, {second word: longer forms}).
ScanReading = tuple[tuple[ScanForm, ...], dict[str, tuple[ScanForm, ...]]]


def scan_reading(forms: dict[str, tuple[ScanForm, ...]], word: str) -> ScanReading | None:
    """The scanned forms the written ``word`` may begin, after proclitics of PROCLITICS."""
    singles: list[ScanForm] = []
    longer: dict[str, list[ScanForm]] = {}
    for plen in range(min(_LONGEST_PROCLITICS + 1, len(word))):
        prefix = word[:plen]
        if prefix not in PROCLITICS:
            continue
        for f in forms.get(word[plen:], ()):
            if not f.assimilated or prefix.endswith("ل"):
                if f.rest:
                    longer.setdefault(f.rest[0], []).append(f)
                else:
                    singles.append(f)
    if not singles and not longer:
        return None
    return tuple(singles), {w: tuple(v) for w, v in longer.items()}


#: Word classes searched with one regex per sentence (they are looked for over spans, not at one token).
MARKED = ("boundaries", "complementizers", "negations", "hedges", "ongoing", "countering", "relatives", "cancel",
          "remote", "illness", "military", "natural_death", "natural_forces", "counterpart")
#: Punctuation tokens that count as marks of a class.
PUNCT_MARKS = {"boundaries": frozenset("؛;"), "complementizers": frozenset(":"), "commas": frozenset("،,:.؛;")}


@dataclass(frozen=True, slots=True)
class WordFacts:
    """What a written (normalized) word may begin, wherever it stands: cached per word."""

    scan: ScanReading | None  # triggers and words of saying (see scan_reading)
    mark: MarkReading | None  # span class forms (see mark_reading)
    #: its forms, per proclitic reading (document.proclitic_splits): one-word forms as
    #: (proclitic length, entry, needs ة), the others by second word as (proclitic length,
    #: words after the first, entry, needs ة), each in the order of the readings
    singles: tuple[tuple[int, Any, bool], ...]
    longer: dict[str, tuple[tuple[int, tuple[str, ...], Any, bool], ...]]
    words: dict[str, tuple[int, Any]]  # its one-word word classes: class -> (1, value)
    nouns: dict[str, Any]  # its one-word noun classes: class -> (number, definite, 1)
    taa: tuple[dict, dict] | None  # (words, nouns) when it is written with a final ة, if others


def word_facts(voc: Vocab, word: str) -> WordFacts:
    """The facts of a written word (call through ``voc.facts``, which caches them)."""
    forms = tuple((len(prefix), rest, entry, taa) for prefix, stem in proclitic_splits(word)
                  for rest, entry, taa in voc.forms.get(stem, ()))
    words, nouns = _one_word(forms, False)
    taa = _one_word(forms, True) if any(needs and not rest for _, rest, _, needs in forms) else None
    longer: dict[str, list] = {}
    for form in forms:
        if form[1]:
            longer.setdefault(form[1][0], []).append(form)
    return WordFacts(scan=scan_reading(voc.scan_forms, word), mark=mark_reading(voc.mark_forms, word),
                     singles=tuple((plen, entry, taa) for plen, rest, entry, taa in forms if not rest),
                     longer={w: tuple(v) for w, v in longer.items()}, words=words, nouns=nouns, taa=taa)


def _one_word(forms: tuple, taa: bool) -> tuple[dict, dict]:
    """Word classes and noun classes of the one-word ``forms`` (the first of a class), for the
    word written with a final ة or not."""
    words: dict[str, tuple[int, Any]] = {}
    nouns: dict[str, Any] = {}
    for _, rest, entry, needs_taa in forms:
        if rest or (needs_taa and not taa):
            continue
        if isinstance(entry, Word):
            words.setdefault(entry.cls, (1, entry.value))
        elif isinstance(entry, Noun):
            nouns.setdefault(entry.cls, (entry.number, entry.definite, 1))
    return words, nouns


class WordCache(dict):
    """Facts about a written word, computed on first sight by ``compute`` (a bounded cache:
    past ``limit`` words they are computed again each time)."""

    def __init__(self, compute: Callable[[str], Any], limit: int = 200_000) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, word: str) -> Any:
        r = self.compute(word)
        if len(self) < self.limit:
            self[word] = r
        return r


#: A span class form by its first word: (its classes if the word alone is one, {second word:
#: ((rest words, classes), …) longest first}).
MarkForms = dict[str, tuple[tuple[str, ...], dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]]]


def _mark_forms(words: dict) -> MarkForms:
    """Every form of the span classes by its first word (a punctuation mark of PUNCT_MARKS is a
    form of one token)."""
    classes: dict[tuple[str, ...], set[str]] = {}
    for cls in MARKED:
        for f in words.get(cls, []):
            key = tuple(_NONWORD.sub(" ", norm(f)).split())
            if key:
                classes.setdefault(key, set()).add(cls)
    for cls, chars in PUNCT_MARKS.items():
        for ch in chars:
            classes.setdefault((ch,), set()).add(cls)
    single: dict[str, tuple[str, ...]] = {}
    longer: dict[str, dict[str, list]] = {}
    for key in sorted(classes, key=len, reverse=True):
        cls = tuple(sorted(classes[key]))
        if len(key) == 1:
            single[key[0]] = cls
        else:
            longer.setdefault(key[0], {}).setdefault(key[1], []).append((key[2:], cls))
    return {w: (single.get(w, ()), {w2: tuple(v) for w2, v in longer.get(w, {}).items()})
            for w in single.keys() | longer.keys()}


#: What a written word may begin of the span class forms: (the classes of the one-word form
#: it is read as, the longer forms to try before it: {second word: ((rest words, classes), …)}
#: per reading). None: no form.
MarkReading = tuple[tuple[str, ...], tuple[dict, ...]]


def mark_reading(forms: MarkForms, word: str) -> MarkReading | None:
    """The span class forms the written ``word`` may begin, read as the trie regex
    ``[وف]?[بل]?(form)`` reads it: with the most proclitics it can take first (وبعد is
    و + ب + عد if عد is a form), then the longest form."""
    splits = []
    if word[:1] in ("و", "ف"):
        if word[1:2] in ("ب", "ل"):
            splits.append(word[2:])
        splits.append(word[1:])
    elif word[:1] in ("ب", "ل"):
        splits.append(word[1:])
    splits.append(word)
    longers = []
    for first in splits:
        single, longer = forms.get(first, ((), {}))
        if longer:
            longers.append(longer)
        if single:
            return single, tuple(longers)
    return ((), tuple(longers)) if longers else None


def build(rules: RuleSet) -> Vocab:
    """Compile the claim vocabulary and rules (call through :func:`vocab`)."""
    t = rules.toml_tables(FILE)
    lex = _Forms()
    singulars: dict[str, set[str]] = {}
    noun_tables = t.get("nouns", {})
    if not isinstance(noun_tables, dict):
        raise RuleError(f"{FILE}: [nouns] must be a table of noun classes")
    for cls, spec in noun_tables.items():
        if not isinstance(spec, dict):
            raise RuleError(f"{FILE}: [nouns.{cls}] must be a table")
        auto_dual = spec.get("auto_dual", True)
        explicit: dict[str, str] = {}
        for number in ("singular", "plural", "dual"):
            for w in _str_list(spec.get(number, []), f"[nouns.{cls}] {number}"):
                explicit.setdefault(_plain(w), {"singular": "sg", "plural": "pl", "dual": "du"}[number])
        forms: dict[str, str] = dict(explicit)
        for w, number in explicit.items():
            if number == "sg":
                singulars.setdefault(cls, set()).add(norm(w))
                if auto_dual:
                    for d in _duals(w):
                        forms.setdefault(d, "du")
                acc = _accusative(w)
                if acc:
                    forms.setdefault(acc, "sg")
        for w, number in forms.items():
            lex.add(w, Noun(cls, number, w.startswith("ال")))
            d = _definite(w)
            if d:
                lex.add(d, Noun(cls, number, True))
    # Aerial objects are weapons too.
    if "aerial" in noun_tables and "weapon" in noun_tables:
        for lst in lex.forms.values():
            for rest, e, taa in list(lst):
                if isinstance(e, Noun) and e.cls == "aerial":
                    lst.append((rest, Noun("weapon", e.number, e.definite), taa))
        singulars.setdefault("weapon", set()).update(singulars.get("aerial", set()))

    words = t.get("words", {})
    if not isinstance(words, dict):
        raise RuleError(f"{FILE}: [words] must be a table of word classes")
    for cls, forms in words.items():
        if isinstance(forms, dict):  # phrase -> value (qualifiers_after)
            for w, v in forms.items():
                lex.add(_plain(w), Word(cls, v))
        else:
            for w in _str_list(forms, f"[words] {cls}"):
                lex.add(_plain(w), Word(cls), scan=cls in SCANNED_WORDS)
                if cls in DEFINITE_TOO and " " not in w.strip() and _definite(_plain(w)):
                    lex.add(_definite(_plain(w)), Word(cls))  # agreeing with a definite noun

    units = t.get("units", {})
    if not isinstance(units, dict) or not all(isinstance(v, str) for v in units.values()):
        raise RuleError(f"{FILE}: [units] must map unit names to noun classes")
    unit_of = {}
    for unit, cls in units.items():
        if cls not in noun_tables:
            raise RuleError(f"{FILE}: [units] {unit} names an unknown noun class {cls!r}")
        unit_of[cls] = unit

    compiled: list[Rule] = []
    for raw in rules.toml(FILE):
        _check_rule(raw, set(noun_tables), set(words))
        r = Rule(index=len(compiled), id=raw["id"], type=raw["type"], mechanism=raw["mechanism"],
                 needs=raw.get("needs"), needs_word=raw.get("needs_word"), side=raw.get("side", "after"),
                 window=int(raw.get("window", 6)), counts=raw.get("counts"),
                 headline_only=bool(raw.get("headline_only", False)))
        compiled.append(r)
        seen: set[tuple[str, bool]] = set()
        listed = {_plain(w) for w in raw["triggers"]}
        for dual, forms in ((False, raw["triggers"]), (True, raw.get("dual", []))):
            for w in _str_list(forms, f"rule {r.id} triggers"):
                w = _plain(w)
                # a listed form in ال is definite only if its bare form is listed too (التصدي / تصدي);
                # التقى is a verb
                variants = [(w, w.startswith("ال") and w[2:] in listed)]
                if not dual:
                    acc = _accusative(w)
                    if acc:
                        variants.append((acc, False))
                for v, _ in list(variants):
                    d = _definite(v)
                    if d and " " not in v:
                        variants.append((d, True))
                for v, definite in variants:
                    if (v, dual) in seen:
                        continue
                    seen.add((v, dual))
                    lex.add(v, Trig(r.index, dual, definite), scan=True)
    return Vocab(scan_forms=lex.scan_forms(), forms=lex.forms, rules=compiled,
                 mark_forms=_mark_forms(words),
                 singulars={k: frozenset(v) for k, v in singulars.items()},
                 units=unit_of, noun_classes=frozenset(noun_tables), word_classes=frozenset(words))


def vocab(rules: RuleSet) -> Vocab:
    return rules.compiled("claims", build)
