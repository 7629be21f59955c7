"""Mine person-name lexicons for newsfacts from the ANERcorp train split.

Run from the repository root::

    .venv/bin/python scripts/mine_names.py            # rebuild rules/names/*
    .venv/bin/python scripts/mine_names.py --check    # rebuild in memory, fail if files differ

Reads ``shared/eval/anercorp/train.jsonl`` beside the checkout (override with
``--train``; never the test split) and the hand-written lists in ``rules/names/``:

* ``given_extra.tsv``   name<TAB>origin      hand list of given names
* ``family_extra.tsv``  name<TAB>note        hand list of frequent surnames
* ``not_names_extra.tsv`` word<TAB>reason    hand list of words that are never names
* ``titles.tsv``        title<TAB>role_kind  hand-cleaned titles (validated only)
* ``person_words.tsv``  word<TAB>kind        connectors (validated only)

and writes (generated, do not edit by hand):

* ``given.tsv``   name<TAB>count     count = times seen as a given name in train PER
* ``family.tsv``  name<TAB>count     count = times seen as a surname in train PER
* ``not_names.tsv`` word<TAB>reason
* ``title_candidates.tsv`` ngram<TAB>before_per<TAB>total  (review aid for titles.tsv)
* ``name_shapes.tsv`` ngram<TAB>log_odds   letter n-grams of PER words vs. words outside entities

All comparisons use :func:`newsfacts.normalize.norm` (alef / alef-maksura /
teh-marbuta folding), so every generated list has one row per normalized key;
the spelling kept is the hand list's, else the most frequent one in train.
Output is sorted (count descending, then name) and byte-for-byte deterministic.
"""
from __future__ import annotations

import argparse
import math
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.normalize import REMOVED, norm  # noqa: E402

def _default_train() -> Path:
    """shared/ beside the checkout (as in CI), else the workplace's shared/."""
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        path = base / "eval" / "anercorp" / "train.jsonl"
        if path.is_file():
            return path
    return Path("/work/shared/eval/anercorp/train.jsonl")


TRAIN = _default_train()
NAMES_DIR = ROOT / "rules" / "names"
SOURCE = "ANERcorp train split (CAMeL Lab split, CC BY-SA 4.0)"

#: A token counts as a name only if it is Arabic letters (no digits, Latin, punctuation).
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]{2,}$")
#: Mined name units need this many letters (per word): two-letter words (ني, سي, كو)
#: are mostly transliterated syllables or clitic remainders (بنى → نى). Hand lists may add shorter ones.
MIN_LETTERS = 3
#: Proclitics stripped from a PER token when the rest is itself attested in PER.
CLITICS = ("و", "ف", "ب", "ل")
_PREFIXES = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: Kept although seen more often outside entities than inside PER, if seen at most this often outside.
RARE_OUTSIDE = 2
#: A PER token seen at least this often outside, and MOSTLY_FACTOR times more than in PER, is a not-name.
MOSTLY_MIN = 5
MOSTLY_FACTOR = 3
#: Any word seen at least this often outside entities (and not a known name) is a not-name.
FREQUENT_OUTSIDE = 30
#: The token after which the next token is part of the same name unit (عبد الله).
JOIN_NEXT = {"عبد"}
#: Tokens that attach to the token before them (نصر الله, نور الدين, سيف الإسلام).
JOIN_PREV = {"الله", "الدين", "الإسلام", "الاسلام"}
#: Words that follow a name but are no surname: regnal numbers, epithets.
NAME_SUFFIXES = {
    "الأول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
    "الثامن", "التاسع", "العاشر", "الحادي", "عشر", "الابن", "الأب", "الاب",
    "الأكبر", "الاكبر", "الأصغر", "الاصغر", "الكبير", "الصغير", "جونيور", "الحفيد",
}
TITLE_KINDS = {
    "head_of_state", "minister", "spokesperson", "official", "military",
    "royal", "religious", "honorific", "professional", "relative",
}
PERSON_WORD_KINDS = {"connector", "particle"}
#: Words ending a title n-gram that the runtime handles itself (nisba, "former").
_NISBA = re.compile(r"^(ال)?\w+(ي|ية)$")
_MARKED = set("أإآىةؤئ")
_TITLE_MODIFIERS = {"السابق", "السابقة", "الأسبق", "الراحل", "الراحلة", "الحالي", "الجديد"}

#: Folding collisions between a hand not-name and a name, accepted on purpose:
#: على (preposition) and علي (given name) are one key after alef-maksura folding;
#: they must be told apart by surface form or context at run time.
ACCEPTED_FOLD_COLLISIONS = {("على", "علي")}


# --------------------------------------------------------------------------- io

def read_tsv(path: Path, ncols: int) -> list[tuple[str, ...]]:
    """Rows of a hand TSV (``#`` lines and blank lines skipped); cells stripped."""
    rows: list[tuple[str, ...]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != ncols or not all(cells):
            raise SystemExit(f"{path}:{lineno}: expected {ncols} non-empty tab-separated columns: {line!r}")
        rows.append(tuple(cells))
    return rows


def format_tsv(header: str, rows: Iterable[tuple]) -> str:
    out = [header]
    out.extend("\t".join(str(c) for c in row) for row in rows)
    return "\n".join(out) + "\n"


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ----------------------------------------------------------------------- mining

@dataclass
class Mined:
    given: list[tuple[str, int]]
    family: list[tuple[str, int]]
    not_names: list[tuple[str, str]]
    title_candidates: list[tuple[str, int, int]]
    collisions: list[tuple[str, str]] = field(default_factory=list)


def _sentence_tokens(row: dict) -> tuple[list[str], list[str | None], list[int]]:
    """Tokens of a sentence, the entity type of each (None outside), and entity index."""
    text = row["text"]
    toks: list[str] = []
    starts: list[int] = []
    pos = 0
    for tok in text.split(" "):
        if tok:
            toks.append(tok)
            starts.append(pos)
        pos += len(tok) + 1
    types: list[str | None] = [None] * len(toks)
    ent_of: list[int] = [-1] * len(toks)
    for k, ent in enumerate(row.get("entities", [])):
        for i, s in enumerate(starts):
            if ent["start"] <= s < ent["end"]:
                types[i] = ent["type"]
                ent_of[i] = k
    return toks, types, ent_of


def _units(tokens: list[str]) -> list[str]:
    """Group a PER entity's tokens into name units: عبد + next, X + الله/الدين."""
    units: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if norm(tok) in {norm(j) for j in JOIN_NEXT} and i + 1 < len(tokens):
            units.append(f"{tok} {tokens[i + 1]}")
            i += 2
            continue
        if tok in JOIN_PREV and units and " " not in units[-1] and units[-1] not in CONNECTOR_FORMS:
            units[-1] = f"{units[-1]} {tok}"
        else:
            units.append(tok)
        i += 1
    return units


#: Filled from person_words.tsv by :func:`mine`; connectors never start or end a name unit.
CONNECTOR_FORMS: set[str] = {"بن", "ابن", "بنت", "أبو", "ابو", "أبي", "ابي", "أبا", "ابا", "آل", "ال", "أم", "ام"}


def _strip_clitic(unit: str, attested: set[str]) -> str:
    """Strip one or two proclitics (و ف ب ل) when the rest is attested as a PER token."""
    first, _, rest = unit.partition(" ")
    cands = []
    for a in CLITICS:
        if first.startswith(a):
            cands.append(first[1:])
            if a in ("و", "ف"):
                for b in ("ب", "ل"):
                    if first[1:].startswith(b):
                        cands.append(first[2:])
    for cand in cands:
        if len(cand) >= 2 and norm(cand) in attested:
            return f"{cand} {rest}" if rest else cand
    return unit


def _follows_person(toks: list[str], types: list[str | None], i: int) -> bool:
    """The entity starting at token ``i`` comes right after another person (or after one and a
    comma): an item of a list of names, whose leading و is the conjunction."""
    if i >= 1 and types[i - 1] == "PER":
        return True
    return i >= 2 and toks[i - 1] in ("،", ",") and types[i - 2] == "PER"


def _is_word_unit(unit: str) -> bool:
    return all(ARABIC_WORD.match(p) for p in unit.split(" "))


def mine(
    rows: list[dict],
    *,
    given_extra: Iterable[str] = (),
    family_extra: Iterable[str] = (),
    not_names_seed: Iterable[tuple[str, str]] = (),
    connectors: Iterable[str] = (),
    titles: Iterable[str] = (),
) -> Mined:
    """Mine given names, surnames, not-names and title candidates from ``rows``.

    ``rows`` are ANERcorp-style records (``text`` + ``entities`` with offsets).
    Pure function of its arguments: same input, same output. Hand names
    (``given_extra``, ``family_extra``) always end up in the lists; mined ones
    must pass the frequency rule and must not be a not-name, connector, title
    or name suffix.
    """
    given_extra = list(given_extra)
    family_extra = list(family_extra)
    not_names_seed = list(not_names_seed)
    conn = set(CONNECTOR_FORMS) | set(connectors)
    conn_keys = {norm(c) for c in conn}
    suffix_keys = {norm(w) for w in NAME_SUFFIXES}

    sents = [_sentence_tokens(r) for r in rows]

    # PER tokens and hand names (for clitic attestation), outside-entity unigram and bigram counts.
    per_attested: set[str] = {norm(n) for n in given_extra + family_extra if " " not in n}
    outside: Counter[str] = Counter()
    outside_bi: Counter[str] = Counter()
    for toks, types, _ in sents:
        for i, tok in enumerate(toks):
            if types[i] == "PER":
                per_attested.add(norm(tok))
            elif types[i] is None:
                outside[norm(tok)] += 1
                if i + 1 < len(toks) and types[i + 1] is None:
                    outside_bi[norm(f"{tok} {toks[i + 1]}")] += 1

    def out_count(key: str) -> int:
        """Outside-entity occurrences, with proclitics (و ف ب ل) for one-word keys:
        the runtime strips them before looking a word up, so بيان counts for يان."""
        if " " in key:
            return outside_bi[key]
        return outside[key] + sum(outside[p + key] for p in _PREFIXES)

    first: Counter[str] = Counter()   # first unit of multi-unit PER
    last: Counter[str] = Counter()    # last unit of multi-unit PER
    single: Counter[str] = Counter()  # the only unit of a one-unit PER
    patronym: Counter[str] = Counter()  # unit after بن / ابن / بنت inside a name
    in_per: Counter[str] = Counter()  # any unit position
    surface: dict[str, Counter[str]] = defaultdict(Counter)

    def note(unit: str, bucket: Counter[str]) -> None:
        key = norm(unit)
        bucket[key] += 1
        surface[key][REMOVED.sub("", unit)] += 1

    for toks, types, ent_of in sents:
        i = 0
        while i < len(toks):
            if types[i] != "PER":
                i += 1
                continue
            j = i
            while j < len(toks) and ent_of[j] == ent_of[i]:
                j += 1
            ent_toks = toks[i:j]
            listed = _follows_person(toks, types, i)
            i = j
            units = _units(ent_toks)
            if listed and units[0].startswith("و") and len(units[0]) > 3:
                units[0] = units[0][1:]  # a list of names: محمود مرسى ويحيى شاهين وشادية
            else:
                units[0] = _strip_clitic(units[0], per_attested)
            for u in units:
                if _is_word_unit(u):
                    in_per[norm(u)] += 1
            # name units proper: drop connectors / particles and trailing epithets
            core = [u for u in units if norm(u) not in conn_keys]
            while core and norm(core[-1]) in suffix_keys:
                core.pop()
            if not core:
                continue
            if len(core) == 1:
                if norm(units[0]) not in conn_keys:
                    note(core[0], single)
            else:
                if norm(units[0]) not in conn_keys:  # أبو مازن: no given name
                    note(core[0], first)
                note(core[-1], last)
            for k in range(1, len(units) - 1):
                if units[k - 1] in ("بن", "ابن", "بنت") and norm(units[k]) not in conn_keys:
                    note(units[k], patronym)

    seed_keys = {norm(w) for w, _ in not_names_seed}
    blocked = seed_keys | conn_keys | suffix_keys | {norm(t) for t in titles} | {norm(w) for w in JOIN_PREV}

    def passes(key: str) -> bool:
        if key in blocked or not _is_word_unit(key):
            return False
        if any(len(p) < MIN_LETTERS for p in key.split(" ")):
            return False
        return in_per[key] >= out_count(key) or out_count(key) <= RARE_OUTSIDE

    given_c: Counter[str] = Counter()   # every key, before the frequency filter
    family_c: Counter[str] = Counter()
    for key in set(first) | set(last) | set(single) | set(patronym):
        g = first[key] + patronym[key]
        f = last[key]
        if single[key]:
            # A lone name is a surname (بوش, أنان) unless it is mostly a first name.
            if first[key] > last[key]:
                g += single[key]
            else:
                f += single[key]
        if g:
            given_c[key] = g
        if f:
            family_c[key] = f

    def spelled(key: str, hand: dict[str, str]) -> str:
        if key in hand:
            return hand[key]
        forms = surface[key]
        # most frequent; tie: the spelling with more hamza / maksura / teh marbuta, then code points
        return min(forms, key=lambda s: (-forms[s], -sum(ch in _MARKED for ch in s), s))

    def merge(counts: Counter[str], extra: list[str]) -> list[tuple[str, int]]:
        # mined keys must pass the filter; hand names are kept whatever their counts
        hand = {}
        for name in extra:
            hand.setdefault(norm(name), name)
        keys = {k for k in counts if passes(k)} | set(hand)
        rows_ = [(spelled(k, hand), counts.get(k, 0)) for k in keys]
        return sorted(rows_, key=lambda r: (-r[1], r[0]))

    given = merge(given_c, given_extra)
    family = merge(family_c, family_extra)
    name_keys = {norm(n) for n, _ in given} | {norm(n) for n, _ in family}
    name_surface = {norm(n): n for n, _ in given + family}

    # ------------------------------------------------------------- not-names
    not_names: dict[str, tuple[str, str]] = {}
    collisions: list[tuple[str, str]] = []
    for word, reason in not_names_seed:
        key = norm(word)
        if key in name_keys:
            if word == name_surface[key]:
                continue  # the hand name list wins over the hand stop list
            collisions.append((word, name_surface[key]))
        not_names.setdefault(key, (word, reason))
    for key in sorted(in_per):
        o = out_count(key)
        if key in name_keys or key in not_names or " " in key or not _is_word_unit(key):
            continue
        if key in conn_keys:
            continue
        if o >= MOSTLY_MIN and o >= MOSTLY_FACTOR * in_per[key]:
            not_names[key] = (key, "mostly_outside")
    outside_surface: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, types, _ in sents:
        for i, tok in enumerate(toks):
            if types[i] is None:
                outside_surface[norm(tok)][tok] += 1
    for key, o in outside.items():
        if o >= FREQUENT_OUTSIDE and key not in name_keys and key not in not_names \
                and key not in conn_keys and ARABIC_WORD.match(key):
            not_names[key] = (key, "frequent_outside")
    # report the most frequent surface spelling of mined not-names
    final_nn: list[tuple[str, str]] = []
    for key, (word, reason) in not_names.items():
        if reason in ("mostly_outside", "frequent_outside") and outside_surface.get(key):
            forms = outside_surface[key]
            word = min(forms, key=lambda s: (-forms[s], s))
        final_nn.append((word, reason))
    order = {"function_word": 0, "verb": 1, "title": 2, "common_noun": 3, "ordinal": 4,
             "epithet": 5, "time": 6, "acronym_letter": 7,
             "mostly_outside": 8, "frequent_outside": 9}
    final_nn.sort(key=lambda r: (order.get(r[1], 9), r[0]))

    return Mined(given, family, final_nn, _title_candidates(sents), sorted(collisions))


def _title_candidates(sents) -> list[tuple[str, int, int]]:
    """1–3 token n-grams right before a PER entity (or before a nisba chain leading to one).

    ``before_per`` counts the n-gram immediately before a PER start, or before a
    chain of ال-nisba adjectives / "former" that leads to it (وزير الخارجية
    الروسي X gives وزير الخارجية الروسي, وزير الخارجية and وزير); ``total``
    counts the n-gram everywhere (normalized). Kept: Arabic words only, seen
    before a PER at least twice. Ranked by before_per²/total (frequent and
    specific first); the spelling shown is the most frequent one before a PER.
    """
    before: Counter[str] = Counter()
    total: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, types, ent_of in sents:
        keys = [norm(t) for t in toks]
        for n in (1, 2, 3):
            for i in range(len(toks) - n + 1):
                total[" ".join(keys[i:i + n])] += 1
        for i in range(len(toks)):
            if types[i] != "PER" or (i > 0 and ent_of[i - 1] == ent_of[i]):
                continue
            ends = {i}
            j = i
            while j > 0 and types[j - 1] is None and toks[j - 1].startswith("ال") and (
                    _NISBA.match(toks[j - 1]) or toks[j - 1] in _TITLE_MODIFIERS):
                j -= 1
                ends.add(j)
            grams: set[tuple[int, int]] = set()
            for end in ends:
                for n in (1, 2, 3):
                    s = end - n
                    if s >= 0 and all(types[k] is None and ARABIC_WORD.match(toks[k])
                                      for k in range(s, end)):
                        grams.add((s, end))
            for s, end in grams:
                key = " ".join(keys[s:end])
                before[key] += 1
                spelling[key][" ".join(toks[s:end])] += 1
    rows = []
    for key, c in before.items():
        if c >= 2:
            forms = spelling[key]
            rows.append((min(forms, key=lambda f: (-forms[f], f)), c, total[key]))
    rows.sort(key=lambda r: (-r[1] * r[1] / r[2], -r[1], r[0]))
    return rows


#: Letter n-gram sizes of the name-shape model (with ^ and $ marking word edges).
SHAPE_NS = (2, 3, 4)
#: An n-gram is kept when this many distinct words (PER or outside) contain it.
SHAPE_MIN_WORDS = 3


def shape_grams(word: str) -> list[str]:
    """Letter n-grams of a normalized word, edges marked (``^كي``, ``ون$``)."""
    w = f"^{word}$"
    return [w[i:i + k] for k in SHAPE_NS for i in range(len(w) - k + 1)]


def mine_shapes(rows: list[dict]) -> list[tuple[str, float]]:
    """Log-odds of each letter n-gram between PER word types and outside word types.

    A word's name-likeness (:meth:`newsfacts.knowledge.Knowledge.shape`) is the mean
    over its n-grams: transliterated endings (-سكي، -وف، -يتش، -ز) and name-like
    letter runs score high, verb and noun morphology (يـ، تـ، ـات، ـا) low. Word
    types, not tokens, so frequent names do not swamp the model. An n-gram seen in
    fewer than SHAPE_MIN_WORDS words is left out (it counts 0 at run time).
    """
    per: set[str] = set()
    out: set[str] = set()
    for row in rows:
        toks, types, _ = _sentence_tokens(row)
        for tok, typ in zip(toks, types):
            if typ not in (None, "PER") or not ARABIC_WORD.match(tok):
                continue
            (per if typ == "PER" else out).add(norm(tok))
    both = per & out
    per -= both
    out -= both
    gp: Counter[str] = Counter()
    go: Counter[str] = Counter()
    for words, c in ((per, gp), (out, go)):
        for w in words:
            c.update(set(shape_grams(w)))
    n_p, n_o = len(per) + 1, len(out) + 1
    rows_out = []
    for g in sorted(set(gp) | set(go)):
        if gp[g] + go[g] >= SHAPE_MIN_WORDS:
            rows_out.append((g, round(math.log((gp[g] + 0.5) / n_p) - math.log((go[g] + 0.5) / n_o), 3)))
    return rows_out


# ------------------------------------------------------------------ validation

def validate_hand_lists(names_dir: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    titles = read_tsv(names_dir / "titles.tsv", 2)
    words = read_tsv(names_dir / "person_words.tsv", 2)
    for path, rows, kinds in ((names_dir / "titles.tsv", titles, TITLE_KINDS),
                              (names_dir / "person_words.tsv", words, PERSON_WORD_KINDS)):
        seen: set[str] = set()
        for word, kind in rows:
            if kind not in kinds:
                raise SystemExit(f"{path}: {word!r}: unknown kind {kind!r}")
            if norm(word) in seen:
                raise SystemExit(f"{path}: duplicate {word!r}")
            seen.add(norm(word))
    return titles, words  # type: ignore[return-value]


def build(train: Path, names_dir: Path) -> dict[str, str]:
    """Everything the script writes: file name -> content."""
    titles, words = validate_hand_lists(names_dir)
    given_extra = [r[0] for r in read_tsv(names_dir / "given_extra.tsv", 2)]
    family_extra = [r[0] for r in read_tsv(names_dir / "family_extra.tsv", 2)]
    seed = read_tsv(names_dir / "not_names_extra.tsv", 2)
    rows = load_jsonl(train)
    mined = mine(rows, given_extra=given_extra, family_extra=family_extra,
                 not_names_seed=seed, connectors=[w for w, _ in words],
                 titles=[t for t, _ in titles])
    unexpected = set(mined.collisions) - ACCEPTED_FOLD_COLLISIONS
    if unexpected:
        raise SystemExit(f"not_names_extra.tsv folds onto names: {sorted(unexpected)}")
    gen = "# generated by scripts/mine_names.py; edit the *_extra.tsv hand lists instead\n"
    return {
        "given.tsv": format_tsv(
            f"# name\tcount — given names: first name units of PER entities in {SOURCE} "
            "(count = times seen; 0 = only in given_extra.tsv)\n" + gen.rstrip("\n"),
            mined.given),
        "family.tsv": format_tsv(
            f"# name\tcount — surnames: last name units of PER entities and lone-surname "
            f"mentions in {SOURCE} (count = times seen; 0 = only in family_extra.tsv)\n"
            + gen.rstrip("\n"),
            mined.family),
        "not_names.tsv": format_tsv(
            f"# word\treason — never a given name or surname: not_names_extra.tsv plus words "
            f"frequent outside entities in {SOURCE}. Note: على folds to the name علي; "
            "compare these by surface form\n" + gen.rstrip("\n"),
            mined.not_names),
        "title_candidates.tsv": format_tsv(
            f"# ngram\tbefore_per\ttotal — normalized n-grams before PER entities (or before "
            f"a nisba chain leading to one) in {SOURCE}; review aid for the hand-made "
            "titles.tsv, not read by the runtime\n" + gen.rstrip("\n"),
            mined.title_candidates),
        "name_shapes.tsv": format_tsv(
            f"# ngram\tlog_odds — letter n-grams (^ $ = word edges) of PER words vs. words outside "
            f"entities in {SOURCE}; read by the runtime as a name-likeness score\n" + gen.rstrip("\n"),
            mine_shapes(rows)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--out", type=Path, default=NAMES_DIR)
    ap.add_argument("--check", action="store_true", help="fail if the files on disk are stale")
    args = ap.parse_args(argv)
    if args.train.name.startswith("test"):
        raise SystemExit("refusing to mine a test split")
    files = build(args.train, args.out)
    stale = []
    for name, content in sorted(files.items()):
        path = args.out / name
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != content:
            stale.append(name)
            if not args.check:
                path.write_text(content, encoding="utf-8")
        print(f"{name}: {content.count(chr(10)) - 2} rows{' (updated)' if old != content else ''}")
    if args.check and stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
