"""Claims: who says what happened, how many, where and when.

The vocabulary and the rules live in ``rules/claims.toml`` (compiled once by
:mod:`newsfacts.claims_vocab`). What each written word may begin is cached per
word (``Vocab.facts``): one lookup per word of a document finds the triggers
and the words of saying; every other word class is looked up only at the
tokens the mechanisms look at, and clause marks, negations and hedges per
sentence when one is asked for. Each trigger hit goes to the mechanism its
rule names:

- ``downed``: shootdowns — a trigger (أسقط، اعتراض، تدمير …) with aerial
  objects near it; coordinated groups (ثلاث مسيرات فوق تولا، وطائرتين فوق
  موسكو; براينسك (45) وكورسك (6)) are one claim each;
- ``casualty``: killed / injured — a counted group of people around a word of
  killing or wounding, or a number before a noun that counts victims;
- ``attack``: an attack noun or verb, with the weapon or strikes it counts;
- ``outage``: electricity cuts with a count of regions, cities, homes, people;
- ``meeting``: two or more named people (or a summit of a named body);
- ``denial`` / ``denial_predicate``: who denies what.

Nothing fires when the event is negated ("no casualties"), habitual, a drill,
the war as a whole, or inside what a denial denies.

Slots are filled by shared helpers: the claimant from attribution (قال X،
بحسب X، نقلا عن X; a pronoun subject inherits the last claimant, anaphors
like الوزارة resolve to an earlier one), the location from the place mentions
of the event's clause (then the clause before, then the sentences before),
the date from the sentence or the publication date. Finally the same claim
told twice (headline and body, or again a line later: same type and count,
compatible source and place) is kept once, with the first evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .claims_vocab import Noun, Rule, Trig, Vocab, Word, WordFacts, vocab
from .document import Document, Token, proclitic_splits
from .knowledge import knowledge
from .normalize import norm
from .numbers import dual_singulars
from .rules import RuleSet

#: Punctuation that ends a headline-free sentence.
_TERMINAL = ".!?؟:"
_VAGUE = {"tens", "hundreds", "thousands", "tens_of_thousands", "hundreds_of_thousands", "millions", "several"}
_NISBA_ENDS = ("ي", "يه", "يا", "يين", "يون", "يات", "يتين", "يتان")
_COMMAS = {"،", ",", "؛", ";"}
_NONBLANK = re.compile(r"\S")  # (re's \s is what str.strip strips)
_INF = float("inf")
_DATELINE_AGENCY = re.compile(r"^\s*[(\[][^)\]\n]{1,30}[)\]]")
_LOCATIVE = {norm(w) for w in ("في", "إلى", "لدى", "داخل", "قرب")}
_BARE_THAT = {"ان", "بان", "وان", "فان", ":"}
_OPEN_QUOTES = {'"', "«", "“", "(", "'"}
_CLOSE_QUOTES = {'"', "»", "”", ")", "'"}
_CONTEXT_SENTENCES = 3
_NONE: list[int] = []
_RECENT = 30  # claimants and claims looked back at (the same article, not a whole archive file)


class _lazy:
    """A property computed on first use and then kept on the instance: functools.cached_property
    without the lock it takes on every first read in Python 3.11 (a document's lookups are
    made by one thread)."""

    def __init__(self, fn: Any) -> None:
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass(slots=True)
class _Cand:
    type: str
    rule: str
    trig: int  # token index of the trigger
    sent: int
    count: int | None = None
    qualifier: str | None = None
    object: str | None = None
    origin: str | None = None
    unit: str | None = None
    location: Any = None
    claimant: str | None = None
    participants: list[str] | None = None
    headline: bool = False
    weak: bool = False  # a meeting with one participant: kept only to complete another
    loc_ctx: bool = False  # the location is the main place of the sentences before, not named here
    loc_rank: int = 6  # how directly the text ties the location to the event (see _Finder.location)
    clause: int = 0  # boundaries (فيما، بينما …) before the trigger in its sentence
    sent_places: frozenset = frozenset()  # normalized names of the places named in its sentence


@dataclass(slots=True)
class _Mention:
    ts: int  # first token
    te: int  # token after the last
    start: int  # original offsets
    end: int
    name: str
    kind: str  # person | place | org


@dataclass(slots=True)
class _Attr:
    pos: int  # token of the attribution word
    kind: str  # verb | prep
    name: str | None
    span: tuple[int, int] = (0, 0)  # tokens of the name in the text (empty if inherited)


@dataclass(slots=True)
class _Group:
    """A counted object: "أربعة صواريخ", "طائرتين", "(45 مسيرة)", "أربع أخرى"."""

    start: int
    end: int
    count: int | None
    qualifier: str | None
    head: int | None  # token of the noun (None: inherited, "أربع أخرى")
    paren: bool = False


class _Ctx:
    """Per-document lookups: tokens, trigger hits, numbers, mentions, attributions."""

    def __init__(self, doc: Document, voc: Vocab, entities: dict, numbers: list, dates: list,
                 rules: RuleSet) -> None:
        self.doc, self.voc, self.rules = doc, voc, rules
        self.toks = doc.tokens
        self.ntoks = len(self.toks)
        self.vstarts = doc.token_vstarts
        # The scan finds triggers and words of saying; every other form is looked
        # up at the tokens around them (self.at), once per token.
        self.trig_hits: list[tuple[int, int, Trig]] = []
        self.trig_types: dict[int, set[str]] = {}
        self.trig_by_tok: dict[int, list[tuple[int, Trig]]] = {}
        self.attr_pos: list[int] = []
        self.attr_verbs: list[int] = []
        # what each written word may begin (cached per word)
        self.norms: list[str] = list(map(_TOKEN_NORM, self.toks))
        self._facts: list[WordFacts] = list(map(voc.facts.__getitem__, self.norms))
        underscored = _underscored(doc)
        hits = _scan(voc, doc, self._facts, underscored)
        if not any(isinstance(e, Trig) for _, _, e in hits):
            self.empty = True
            return
        self.empty = False
        self.starts = doc.token_starts
        n = len(self.toks)
        self.isword = doc.token_isword
        if underscored:  # a word that starts with "_" is none (as in the scan, where "_" is a blank)
            self.isword = list(self.isword)
            for i in underscored:
                if self.toks[i][5][0] == "_":
                    self.isword[i] = False
        for i, j, e in hits:
            if isinstance(e, Trig):
                self.trig_hits.append((i, j, e))
                self.trig_types.setdefault(i, set()).add(voc.rules[e.rule].type)
                self.trig_by_tok.setdefault(i, []).append((j, e))
            else:
                self.attr_pos.append(i)
                if e.cls == "attribution_verbs":
                    self.attr_verbs.append(i)
        self.attr_pos = sorted(set(self.attr_pos))
        self.attr_verbs = sorted(set(self.attr_verbs))
        self._at: dict[int, list[tuple[int, Any, int]]] = {}
        self._marks: dict[int, dict[str, list[int]]] = {}
        self._dir: dict[tuple[int, tuple], bool] = {}
        self.wcum = list(accumulate(self.isword, initial=0))
        # per token, its word classes and noun classes (ends relative to it): None until
        # looked at (see _index)
        self._wc: list[dict[str, tuple[int, Any]] | None] = [None] * n
        self._nc: list[dict[str, tuple[str, bool, int]] | None] = [None] * n
        # Sentences as token ranges.
        self.sents = doc.sentences
        self.sent_tok = [(bisect_left(self.starts, s), bisect_left(self.starts, e)) for s, e in self.sents]
        self.tok_sent: list[int] = []
        for k, (a, b) in enumerate(self.sent_tok):
            if len(self.tok_sent) < a:
                self.tok_sent.extend([max(0, k - 1)] * (a - len(self.tok_sent)))
            self.tok_sent.extend([k] * (b - a))
        if len(self.tok_sent) < n:
            self.tok_sent.extend([max(0, len(self.sents) - 1)] * (n - len(self.tok_sent)))
        # Numbers by first token and by the token after the last.
        self.num_at: dict[int, tuple[int, Any]] = {}
        self.num_before: dict[int, tuple[int, Any]] = {}
        for nm in numbers:
            ts = bisect_right(self.starts, nm.start) - 1
            te = bisect_right(self.starts, nm.end - 1)
            if ts < 0:
                continue
            self.num_at.setdefault(ts, (te, nm))
            self.num_before[te] = (ts, nm)
        self.num_tokens = set()
        for ts, (te, _) in self.num_at.items():
            self.num_tokens.update(range(ts, te))
        # Entity mentions.
        self.mentions: list[_Mention] = []
        starts = self.starts
        for field_, kind in (("people", "person"), ("places", "place"), ("organizations", "org")):
            for ent in entities.get(field_, ()):
                name = ent["name"]
                for m in ent.get("mentions", ()):
                    s, e = m["start"], m["end"]
                    ts = bisect_right(starts, s) - 1
                    if ts >= 0:
                        self.mentions.append(_Mention(ts, bisect_right(starts, e - 1), s, e, name, kind))
        self.mentions.sort(key=_MENTION_END, reverse=True)  # (stable sorts: by first token, the longest first)
        self.mentions.sort(key=_MENTION_START)
        self.mention_ts = [m.ts for m in self.mentions]
        self.places = [m for m in self.mentions if m.kind == "place"]
        self.place_ts = [m.ts for m in self.places]
        self._entities, self._dates = entities, dates
        self._headline: dict[int, bool] = {}
        self.attrs: list[list[_Attr]] = [[] for _ in self.sents]
        self.claimants: list[tuple[int, str]] = []  # (token, name) in text order
        self.denied: list[tuple[int, int]] = []  # token spans inside a denial
        self.speaker_toks: set[int] = set()  # tokens of claimant names: not event places
        self.speaker_people: set[int] = set()  # first tokens of people named as the source of a report

    @_lazy
    def person_names(self) -> list[str]:
        return [p["name"] for p in self._entities.get("people", []) if p.get("name")]

    @_lazy
    def place_country(self) -> dict[str, str]:
        """Normalized place name -> normalized country (a country is its own)."""
        places = self._entities.get("places", [])
        out = {norm(p["name"]): norm(p["country"]) for p in places if p.get("country")}
        for p in places:
            if p.get("kind") == "country":
                out.setdefault(norm(p["name"]), norm(p["name"]))
        return out

    @_lazy
    def mention_count(self) -> dict[str, int]:
        """How many times each place is named."""
        out: dict[str, int] = {}
        for m in self.places:
            out[m.name] = out.get(m.name, 0) + 1
        return out

    @_lazy
    def dates(self) -> tuple[list[dict], list[int]]:
        """The dates sorted by start, and their starts."""
        dates = sorted(self._dates, key=_date_start)
        return dates, list(map(_date_start, dates))

    # -- tokens and classes ---------------------------------------------------

    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < self.ntoks else ""

    def at(self, i: int) -> list[tuple[int, Any, int]]:
        """Every form starting at token ``i``: (end token, entry, view start without proclitics), longest first."""
        r = self._at.get(i)
        if r is not None:
            return r
        r = []
        if 0 <= i < self.ntoks and self.isword[i]:
            f = self._facts[i]
            if f.longer:
                r = self._longer_at(i)
            if f.singles:
                vstart = self.toks[i].vstart
                taa_here = f.taa is not None and self._taa(i)  # (f.taa: some one-word form needs ة)
                r += [(i + 1, entry, vstart + plen) for plen, entry, taa in f.singles if taa_here or not taa]
        self._at[i] = r
        return r

    def _longer_at(self, i: int) -> list[tuple[int, Any, int]]:
        """The forms of several words starting at word token ``i``, as at() gives them."""
        r = []
        longer = self._facts[i].longer.get(self._next_form_word(i))
        if longer:
            vstart = self.toks[i].vstart
            for plen, rest, entry, taa in longer:
                end = self._form_end(i, rest)
                if end is not None and (not taa or self._taa(end - 1)):
                    r.append((end, entry, vstart + plen))
            if len(r) > 1:
                r.sort(key=_FIRST, reverse=True)  # (stable: equal ends keep their order)
        return r

    def _taa(self, i: int) -> bool:
        """Is token ``i`` written with a final ة?"""
        return self.doc.text[self.toks[i].end - 1] == "ة"

    def _form_end(self, i: int, rest: tuple[str, ...]) -> int | None:
        """The end token of a form whose first word is token ``i`` and whose next words are
        ``rest`` (dashes may stand between), else None."""
        toks, isword, n = self.toks, self.isword, self.ntoks
        j = i + 1
        for w in rest:
            while j < n and not isword[j] and toks[j].norm in "-–":
                j += 1
            if j >= n or toks[j].norm != w:
                return None
            j += 1
        return j

    def _next_form_word(self, i: int) -> str | None:
        """The word after token ``i`` that a form of several words would go on with (over dashes)."""
        toks, isword, j = self.toks, self.isword, i + 1
        while j < self.ntoks and not isword[j] and toks[j].norm in "-–":
            j += 1
        return toks[j].norm if j < self.ntoks else None

    def _index(self, i: int) -> tuple[dict, dict]:
        """Word classes and noun classes of the forms at token ``i`` (ends relative to ``i``):
        what the written word is alone is cached per word; its final ة and the forms of
        several words that start on it are looked at here."""
        f = self._facts[i]
        if f.taa is not None and self.doc.text[self.toks[i].end - 1] == "ة":
            wd, nd = f.taa
        else:
            wd, nd = f.words, f.nouns
        longer = self._longer_at(i) if f.longer and self.isword[i] else None
        if longer:
            wd, nd = dict(wd), dict(nd)
            for end, e, _ in longer:
                if isinstance(e, Word):
                    wd[e.cls] = (end - i, e.value)
                elif isinstance(e, Noun):
                    nd[e.cls] = (e.number, e.definite, end - i)
        self._wc[i] = wd
        self._nc[i] = nd
        return wd, nd

    def words_at(self, i: int) -> dict[str, tuple[int, Any]]:
        """The word classes of the forms at token ``i``: class -> (length in tokens, value)."""
        if not 0 <= i < self.ntoks:
            return _NO_CLASSES
        d = self._wc[i]
        return self._index(i)[0] if d is None else d

    def word(self, i: int, cls: str) -> int | None:
        """End token of a word-class form starting at token ``i``, else None."""
        if 0 <= i < self.ntoks:
            d = self._wc[i]
            if d is None:
                d = self._index(i)[0]
            h = d.get(cls)
            if h:
                return i + h[0]
        return None

    def word_value(self, i: int, cls: str) -> tuple[int, Any] | None:
        h = self.words_at(i).get(cls)
        return (i + h[0], h[1]) if h else None

    def noun(self, i: int, cls: str) -> tuple[str, bool, int] | None:
        """(number, definite, end token) of a noun of ``cls`` at token ``i``."""
        if not 0 <= i < self.ntoks:
            return None
        d = self._nc[i]
        if d is None:
            d = self._index(i)[1]
        if cls in d:
            h = d[cls]
            return (h[0], h[1], i + h[2]) if h else None
        r = None
        if self.isword[i] and cls in self.voc.singulars:
            w = self.toks[i].norm
            if len(w) > 3 and (w.endswith("ين") or w.endswith("ان")):
                sing = self.voc.singulars[cls]
                for s in dual_singulars(w):
                    if s in sing:
                        r = ("du", w.startswith("ال") or w[1:3] == "ال", 1)
                        break
        d[cls] = r  # a fact about the written word: safe in the shared cache
        return (r[0], r[1], i + r[2]) if r else None

    def clitic(self, i: int) -> str:
        """The proclitics written before the lexicon form at token ``i`` (بغارة → ب)."""
        tok = self.toks[i]
        for end, e, v in self.at(i):
            if isinstance(e, (Noun, Trig)):
                return self.doc.vtext[tok.vstart:v]
        return ""

    def counted_by(self, i: int):
        """The number right before the noun at token ``i`` that counts it (not "8 بغارة")."""
        nb = self.num_before.get(i)
        if nb is None or self.clitic(i):
            return None  # "مقتل نحو 10 وإصابة": the number ends the phrase before
        return nb

    def any_noun(self, i: int, classes) -> tuple[str, str, bool, int] | None:
        for cls in classes:
            n = self.noun(i, cls)
            if n:
                return (cls, *n)
        return None

    def trig_at(self, i: int) -> list[tuple[int, Trig]]:
        """Trigger forms starting at token ``i`` (from the document scan)."""
        return self.trig_by_tok.get(i, [])

    def is_trigger(self, i: int, types=None) -> bool:
        ts = self.trig_types.get(i)
        if not ts:
            return False
        return types is None or not ts.isdisjoint(types)

    def next_word(self, i: int, limit: int) -> int:
        """Index of the first word token at or after ``i`` (``limit`` if none)."""
        while i < limit and not self.isword[i]:
            i += 1
        return i

    def words_between(self, a: int, b: int) -> int:
        if b <= a:
            return 0
        return self.wcum[b] - self.wcum[a]

    # -- sentences ------------------------------------------------------------

    def is_headline(self, k: int) -> bool:
        h = self._headline.get(k)
        if h is None:
            h = self._headline[k] = self._is_headline(k)
        return h

    def _is_headline(self, k: int) -> bool:
        """A title or subtitle: a whole short line without a final full stop."""
        s, e = self.sents[k]
        t = self.doc.text
        if not _NONBLANK.search(t, s, e):
            return False
        ls = t.rfind("\n", 0, s) + 1
        le = t.find("\n", e)
        if (le < 0 or not _NONBLANK.search(t, le)) and _NONBLANK.search(t, 0, ls):
            return False  # the last line: no story follows it (often a cut-off paragraph)
        if le < 0:
            le = len(t)
        line = t[ls:le].strip()
        if not line or (line[-1] in _TERMINAL and not line.endswith(("..", "…"))):
            return False
        return len(line.split(maxsplit=25)) <= 25

    def sentence_range(self, i: int) -> tuple[int, int]:
        return self.sent_tok[self.tok_sent[i]]

    def marks(self, k: int, cls: str) -> list[int]:
        """Sorted tokens of sentence ``k`` where a form of span class ``cls`` starts."""
        d = self._marks.get(k)
        if d is None:
            d = self._marks[k] = self._sentence_marks(k)
        return d.get(cls, _NONE)

    def _sentence_marks(self, k: int) -> dict[str, list[int]]:
        """Where the span class forms of sentence ``k`` start, by class: in text order, not
        overlapping, a form of several words before the one-word form it begins with."""
        a, b = self.sent_tok[k]
        toks = self.toks
        readings = list(map(_MARK, self._facts[a:b]))
        d: dict[str, list[int]] = {}
        nxt = a
        for i in compress(range(a, b), readings):
            if i < nxt:
                continue
            classes, longers = readings[i - a]
            end = i + 1
            if longers:
                hit = _longer_mark(longers, toks, i, b)
                if hit is not None:
                    end, classes = hit
            if classes:
                nxt = end
                for cls in classes:
                    d.setdefault(cls, []).append(i)
        return d

    def clause_marks(self, k: int) -> tuple[list[int], list[int]]:
        """Tokens of sentence ``k`` that end a clause: (boundaries, complementizers and colons)."""
        d = self._marks.get(k)
        if d is None:
            d = self._marks[k] = self._sentence_marks(k)
        return d.get("boundaries", _NONE), d.get("complementizers", _NONE)

    def marked_in(self, cls: str, a: int, b: int) -> list[int]:
        """Tokens in [a, b) (one sentence) where a form of ``cls`` starts."""
        if a >= b:
            return []
        k = self.tok_sent[a]
        d = self._marks.get(k)
        if d is None:
            d = self._marks[k] = self._sentence_marks(k)
        lst = d.get(cls)
        if not lst:
            return []
        return lst[bisect_left(lst, a):bisect_left(lst, b)]

    def in_denial(self, t: int) -> bool:
        """Is token ``t`` inside what a denial denies?"""
        d = self.denied
        if not d:
            return False
        j = bisect_right(d, (t, _INF))
        return any(s <= t < e for s, e in d[max(0, j - 4):j])

    def is_boundary(self, i: int) -> bool:
        k = self.tok_sent[i]
        d = self._marks.get(k)
        if d is None:
            d = self._marks[k] = self._sentence_marks(k)
        bounds = d.get("boundaries")
        if not bounds:
            return False
        j = bisect_left(bounds, i)
        return j < len(bounds) and bounds[j] == i

    def fwd_end(self, i: int, limit: int) -> int:
        """End of the clause that token ``i`` opens (exclusive)."""
        k = self.tok_sent[i]
        d = self._marks.get(k)
        if d is None:
            d = self._marks[k] = self._sentence_marks(k)
        bounds = d.get("boundaries", _NONE)
        j = bisect_right(bounds, i)
        return min(limit, bounds[j]) if j < len(bounds) else limit

    def bwd_start(self, i: int, lo: int, stop_attr: bool = True) -> int:
        """Start of the clause that ends at token ``i`` (after a complementizer, boundary or word of saying)."""
        bounds, comps = self.clause_marks(self.tok_sent[i])
        best = lo - 1
        for lst in (bounds, comps, self.attr_verbs if stop_attr else ()):
            j = bisect_left(lst, i) - 1
            if j >= 0 and lst[j] >= lo:
                best = max(best, lst[j])
        return best + 1

    # -- mentions -------------------------------------------------------------

    def mentions_in(self, a: int, b: int, kinds=("person", "place", "org")) -> list[_Mention]:
        lo = bisect_left(self.mention_ts, a)
        hi = bisect_left(self.mention_ts, b)
        return [m for m in self.mentions[lo:hi] if m.kind in kinds]

    def places_in(self, a: int, b: int) -> list[_Mention]:
        """The places named in tokens [a, b), but not where the report was filed or who speaks."""
        places, ts = self._event_places
        found = places[bisect_left(ts, a):bisect_left(ts, b)]
        speakers = self.speaker_toks
        return [m for m in found if m.ts not in speakers] if speakers and found else found

    @_lazy
    def _event_places(self) -> tuple[list[_Mention], list[int]]:
        """The places that are not a dateline, and their first tokens."""
        places = [m for m in self.places if not self.dateline(m)]
        return places, [m.ts for m in places]

    def dateline(self, m: _Mention) -> bool:
        """A place that opens a line before a dash (الرباط - …، إسلام آباد (رويترز) - …): where it was filed."""
        t = self.doc.text
        ls = t.rfind("\n", 0, m.start) + 1
        if _NONBLANK.search(t, ls, m.start):
            return False
        rest = t[m.end:m.end + 40]
        rest = _DATELINE_AGENCY.sub("", rest, count=1)
        return rest.lstrip()[:1] in ("-", "–", "—", "/", ":")

    def mention_at(self, i: int, kinds=("person", "org", "place")) -> _Mention | None:
        lo = bisect_left(self.mention_ts, i)
        hi = bisect_right(self.mention_ts, i)
        best = None
        for m in self.mentions[lo:hi]:
            if m.kind in kinds and (best is None or kinds.index(m.kind) < kinds.index(best.kind)):
                best = m
        return best

    def _memo(self, key: tuple, test, *args) -> bool:
        """``test(*args)``, once per document for ``key`` (a mention's start and what is asked)."""
        r = self._dir.get(key)
        if r is None:
            r = self._dir[key] = test(*args)
        return r

    def directional(self, m: _Mention, dirs_ok: tuple[str, ...] = ()) -> bool:
        """Is the place after a preposition of direction (نحو، باتجاه، لـ)?"""
        return self._memo((m.start, dirs_ok), self._directional, m, dirs_ok)

    def _directional(self, m: _Mention, dirs_ok: tuple[str, ...]) -> bool:
        dirs_ok = _normed(dirs_ok)
        tok = self.toks[m.ts]
        prefix = norm(self.doc.text[tok.start:m.start])
        if prefix.endswith("ل") and "ل" not in dirs_ok:
            return True
        k = self._word_before(m)
        if k < 0:
            return False
        # skip a place trigger word: "باتجاه منطقة X"
        if self.word(k, "place_joiners") is not None and k - 1 >= 0:
            k2 = k - 1
            if self.word(k2, "directional") is not None and self.norm(k2) not in dirs_ok:
                return True
        end = self.word(k, "directional")
        if end is not None and end > k and self.norm(k) not in dirs_ok:
            w = self.norm(k)
            return not any(w == d or w.endswith(d) and len(w) - len(d) <= 2 and w.startswith(("و", "ف"))
                           for d in dirs_ok)
        return False

    def locative(self, m: _Mention) -> bool:
        """Is the place introduced by في، ب، إلى، لدى (possibly through منطقة، العاصمة الروسية …)?"""
        return self._memo((m.start, "locative"), self._locative, m)

    def _locative(self, m: _Mention) -> bool:
        tok = self.toks[m.ts]
        if "ب" in norm(self.doc.text[tok.start:m.start]):
            return True
        k = m.ts - 1
        for _ in range(3):  # "في العاصمة الروسية موسكو"
            while k >= 0 and not self.isword[k]:
                k -= 1
            if k < 0:
                return False
            w = self.norm(k)
            if w in _LOCATIVE or (w[:1] in "وف" and w[1:] in _LOCATIVE):
                return True
            if not (self.word(k, "place_joiners") is not None or self.is_place_word(k)
                    or w.endswith(_NISBA_ENDS)):
                return False
            if self.is_place_word(k) and self.toks[k].norm[:1] == "ب":
                return True  # بالعاصمة
            k -= 1
        return False

    def is_place_word(self, i: int) -> bool:
        """A definite place noun that points back to a named place: المدينة، البلدة، العاصمة."""
        if not (0 <= i < len(self.toks)) or not self.isword[i]:
            return False
        for _, stem in proclitic_splits(self.toks[i].norm):
            if stem.startswith("ال") and stem[2:] in self.voc_joiners:
                return True
        return False

    def from_place(self, m: _Mention) -> bool:
        """Is the place where something came from ("أطلق من لبنان")? Never where it happened."""
        return self._memo((m.start, "from"), self._from_place, m)

    def _word_before(self, m: _Mention) -> int:
        """Index of the word before mention ``m`` (-1 if none)."""
        k = m.ts - 1
        while k >= 0 and not self.isword[k]:
            k -= 1
        return k

    def _from_place(self, m: _Mention) -> bool:
        k = self._word_before(m)
        if k >= 1 and self.word(k, "place_joiners") is not None:
            k -= 1
        if not (k >= 0 and self.norm(k) in ("من", "ومن")):
            return False
        seen = 0
        while k > 0 and seen < 4:  # "أطلق من لبنان"، "إطلاق صاروخ أرض-أرض من لبنان"
            k -= 1
            if self.isword[k]:
                seen += 1
                if self.word(k, "launched") is not None:
                    return True
        return False

    def agent(self, m: _Mention) -> bool:
        """Is the place the subject of an event verb (أطلقتها روسيا)? Then it is not where it happened."""
        return self._memo((m.start, "agent"), self._agent, m)

    def _agent(self, m: _Mention) -> bool:
        k = self._word_before(m)
        if k < 0 or self.toks[m.ts].start != m.start:
            return False
        return self.is_trigger(k) and not self.norm(k).startswith("ال")

    def leads(self, m: _Mention) -> bool:
        """The place leads something (لجنة برئاسة الولايات المتحدة): it is no event's location."""
        k = self._word_before(m)
        return k >= 0 and self.toks[m.ts].start == m.start and self.word(k, "led_by") is not None

    def runs(self, places: list[_Mention]) -> list[list[_Mention]]:
        """Places joined by و / comma / a place word (في البصرة وميسان) as runs."""
        out: list[list[_Mention]] = []
        for m in places:
            if out:
                prev = out[-1][-1]
                gap = self.doc.text[prev.end:m.start]
                ok = True
                for w in norm(gap).replace("،", " ").replace(",", " ").replace("(", " ").replace(")", " ").split():
                    w2 = w[1:] if w[:1] in ("و", "ب") and len(w) > 1 else w
                    w3 = w2[1:] if w2[:1] == "ب" and len(w2) > 1 else w2
                    if w in ("و", "ب") or not w2:
                        continue
                    if w in self.voc_joiners or w2 in self.voc_joiners or w3 in self.voc_joiners:
                        continue
                    ok = False
                    break
                if ok:
                    out[-1].append(m)
                    continue
            out.append([m])
        return out

    @_lazy
    def voc_joiners(self) -> frozenset[str]:
        """Normalized place joiners (منطقة، مدينة …)."""
        return self.rules.compiled("claims_joiners", _joiners)


#: Word classes that end a claimant's noun phrase (see _Claimants.stop).
_STOP_CLASSES = frozenset({"complementizers", "np_stops", "time_words", "attribution_verbs", "attribution_preps"})
_TOKEN_NORM = itemgetter(5)  # Token.norm
_FIRST = itemgetter(0)
_FIRST_TWO = itemgetter(0, 1)
_MENTION_START = attrgetter("ts")
_MENTION_END = attrgetter("te")
_SCAN = attrgetter("scan")
_MARK = attrgetter("mark")
_NO_CLASSES: dict = {}
_SCAN_ORDER = itemgetter(0, 1, 2, 3)
_PIECE = re.compile(r"[^\W_]+")  # a word of the scan: letters and digits
_UNDERSCORES = re.compile(r"_+")


def _scan(voc: Vocab, doc: Document, facts: list[WordFacts], underscored: list[int]) -> list[tuple[int, int, Any]]:
    """(first token, token after the last, entry) of every trigger and word of saying in
    ``doc`` (``facts``: of its tokens; ``underscored``: its tokens with "_"), as the entity
    lexicon's scan would find them (whole words, proclitics before the first), ordered by
    first token, the longest first."""
    toks = doc.tokens
    if underscored:
        toks, facts = _scan_words(voc, doc, facts, underscored)
    readings = list(map(_SCAN, facts))
    found = []
    text = doc.text
    for p in compress(range(len(toks)), readings):
        singles, longer = readings[p]
        tok = toks[p]
        first = tok[0]
        for form in singles:
            if not form.taa or text[tok[2] - 1] == "ة":
                found.append((first, -1 - first, tok[4], -form.length, form.entries))
        k = _next_scan_word(toks, p) if longer else None
        if k is not None:
            for form in longer.get(toks[k][5], ()):  # (the second word is the form's: go on after it)
                q = _scan_rest(toks, k, form.rest[1:])
                if q is not None and (not form.taa or text[toks[q][2] - 1] == "ة"):
                    found.append((first, -1 - toks[q][0], toks[q][4], -form.length, form.entries))
    found.sort(key=_SCAN_ORDER)
    return [(i, -j, e) for i, j, _, _, entries in found for e in entries]


def _underscored(doc: Document) -> list[int]:
    """The tokens with "_" in them (words: "_" is a word character), in order."""
    vtext = doc.vtext
    if "_" not in vtext:
        return []
    vstarts = doc.token_vstarts
    return sorted({bisect_right(vstarts, m.start()) - 1 for m in _UNDERSCORES.finditer(vtext)})


def _scan_words(voc: Vocab, doc: Document, facts: list[WordFacts], underscored: list[int]
                ) -> tuple[list, list[WordFacts]]:
    """The tokens and their facts, but a word with "_" in it as its pieces between the "_"
    (the scan's words)."""
    toks = doc.tokens
    out_toks: list = []
    out_facts: list[WordFacts] = []
    last = 0
    orig = doc.view.orig
    for i in underscored:
        out_toks += toks[last:i]
        out_facts += facts[last:i]
        t = toks[i]
        for m in _PIECE.finditer(t[5]):
            vs, ve = t[3] + m.start(), t[3] + m.end()
            out_toks.append(Token(t[0], orig(vs), orig(ve - 1) + 1, vs, ve, m.group(), True))
            out_facts.append(voc.facts[m.group()])
        last = i + 1
    return out_toks + toks[last:], out_facts + facts[last:]


def _scan_rest(toks: list, p: int, rest: tuple[str, ...]) -> int | None:
    """The token of the last word of a form whose first word is token ``p`` and whose other
    words are ``rest``, else None."""
    for w in rest:
        p = _next_scan_word(toks, p)
        if p is None or toks[p][5] != w:
            return None
    return p


def _next_scan_word(toks: list, p: int) -> int | None:
    """The word token one character (a blank or a mark) after token ``p``, else None."""
    k = p + 1
    if k < len(toks) and not toks[k][6]:
        k += 1
    return k if k < len(toks) and toks[k][3] == toks[p][4] + 1 else None


def _longer_mark(longers: tuple[dict, ...], toks: list, i: int, b: int) -> tuple[int, tuple[str, ...]] | None:
    """(end token, classes) of the first span class form of several words at token ``i``
    (ending by ``b``): the forms of each reading of the word (see claims_vocab.mark_reading)."""
    if i + 1 >= b:
        return None
    second = toks[i + 1][5]
    for longer in longers:
        for rest, classes in longer.get(second, ()):
            end = i + 2 + len(rest)
            if end <= b and tuple(map(_TOKEN_NORM, toks[i + 2:end])) == rest:
                return end, classes
    return None


@lru_cache(maxsize=64)
def _normed(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words normalized (the few tuples of words the mechanisms pass)."""
    return tuple(norm(w) for w in words)


def _joiners(rules: RuleSet) -> frozenset[str]:
    words = rules.toml_tables("claims.toml").get("words", {})
    return frozenset(norm(w) for w in words.get("place_joiners", []))


def _one_edit(a: str, b: str) -> bool:
    """Are two words one substitution, insertion, deletion or swap of neighbours apart?"""
    if abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _one_indefinite(w: str, singulars) -> bool:
    """An uncounted singular in the accusative (شخصا، مدنيا، طفلا) names one person."""
    return w in singulars or (w.endswith("ا") and w[:-1] in singulars)


def _is_definite(w: str) -> bool:
    """Does the written word carry the article (الـ، بالـ، وال، لل …)?"""
    return w.startswith(("ال", "لل")) or (len(w) > 3 and w[1:3] == "ال" and w[0] in "وفبك") \
        or (len(w) > 4 and w[2:4] == "ال" and w[0] in "وف" and w[1] in "بك")


def _names(ms: list[_Mention]) -> Any:
    out: list[str] = []
    for m in ms:
        if m.name not in out:
            out.append(m.name)
    if not out:
        return None
    return out[0] if len(out) == 1 else out


# ---------------------------------------------------------------------------
# Attribution: the claimant


class _Claimants:
    def __init__(self, ctx: _Ctx) -> None:
        self.c = ctx

    def stop(self, i: int) -> bool:
        c = self.c
        if not c.isword[i] or i in c.num_tokens:
            return True
        w = c.norms[i]
        if w.startswith(("لل", "بال")) or w in ("ل", "ب", "ك"):
            return True  # (a preposition phrase is no claimant: "ربع نقل | بالقرب من")
        if not c.words_at(i).keys().isdisjoint(_STOP_CLASSES):  # c.word(i, cls) for one of them
            return True
        return c.is_boundary(i) or c.is_trigger(i)

    def skip_lead(self, i: int, limit: int) -> int:
        """Skip commas and time words after an attribution word (أعلن، اليوم، الجيش)."""
        c = self.c
        for _ in range(6):
            if i >= limit:
                break
            if not c.isword[i] and c.norm(i) in _COMMAS:
                i += 1
                continue
            end = c.word(i, "time_words")
            if end is not None:
                i = end
                continue
            break
        return i

    def np(self, i: int, limit: int) -> tuple[str | None, int, int]:
        """The claimant named from token ``i``: (name, first token, end token); name None if none."""
        c = self.c
        i = self.skip_lead(i, limit)
        if i >= limit:
            return None, i, i
        nc = c.word(i, "not_claimants")
        if nc is not None:
            pv = c.word(nc, "published_by") if nc < limit else None
            if pv is not None and pv < limit:
                # "حسب حصيلة نشرتها المديرية العامة": whoever published the data is the source
                name, s, e = self.np(pv, limit)
                if name is not None:
                    return name, s, e
            return None, i, i  # "بحسب البيانات الأولية": data, not a source
        m = c.mention_at(i)
        if m is not None and m.te <= limit and not (m.te == i + 1 and c.is_trigger(i)):
            return m.name, i, m.te  # (an event word the entity pass took for a name is no speaker)
        if self.stop(i):
            return None, i, i
        # An anaphor alone (الجيش، الوزارة) unless an adjective follows: "نفى الجيش تقارير …"
        an = c.word(i, "anaphors")
        if an is not None:
            nx = an if an < limit else limit
            w = c.norm(nx) if nx < limit and c.isword[nx] else ""
            goes_on = (len(w) > 3 and (w.endswith(_NISBA_ENDS) or w.startswith("ال")) and not self.stop(nx)) \
                or w in ("باسم", "الرسمي", "العام") or c.mention_at(nx) is not None
            if not goes_on:
                text = c.doc.text[c.toks[i].start:c.toks[an - 1].end]
                return self.resolve(i, text), i, an
        # A noun phrase: a source, a title, a generic body. After a definite head only definite
        # words agree with it ("الخارجية الروسية | جملة وتفصيلا"); an indefinite head takes a
        # construct ("مصدر طبي"، "وزارة الدفاع").
        a = k = i
        source = c.word(i, "source_nouns") is not None
        definite = _is_definite(c.norm(i))
        norms = c.norms
        while k < limit and k - a < 8:
            w = norms[k]
            if k > a and w == "في" and source:
                k += 1
                continue
            if k > a and self.stop(k):
                break
            if w == "في":
                break
            if k > a and definite and not _is_definite(w) and w != "باسم" and c.mention_at(k) is None \
                    and not (k - 1 > a and norms[k - 1] == "باسم"):
                break  # (after باسم a construct goes on: المتحدث باسم شرطة الولاية)
            k += 1
        if k < limit and norms[k] == "في" and not source:
            # "مدير الدفاع المدني في إدلب، مصطفى حاج يوسف،": the person named after the title's place
            for x in range(k + 1, min(limit, k + 5)):
                if c.norm(x) in _COMMAS:
                    p = c.mention_at(x + 1, ("person",))
                    if p is not None and p.te <= limit:
                        return p.name, a, p.te
                    break
        # a name in quotes after a generic head: صحيفة "ديلي صباح" التركية، مجموعة "غرفة طوارئ …"
        if k < limit and k - a <= 2 and c.toks[k].norm in _OPEN_QUOTES and c.word(a, "name_heads") is not None:
            close = next((x for x in range(k + 1, min(limit, k + 10)) if c.toks[x].norm in _CLOSE_QUOTES), None)
            if close is not None and close > k + 1:
                return c.doc.text[c.toks[k + 1].start:c.toks[close - 1].end], a, close + 1
        # apposition: "نائب المتحدث باسم الخارجية، شمس زاده:"
        if k < limit and c.norm(k) in _COMMAS:
            p = c.mention_at(k + 1, ("person",))
            if p is not None:
                return p.name, a, p.te
        inside = c.mentions_in(a, k, ("person", "org"))
        for m in inside:
            if m.kind == "person":
                return m.name, a, max(k, m.te)
        if k == a:
            return None, a, a
        p = self.named_after(a, k, limit)
        if p is not None:
            return p.name, a, p.te
        text = c.doc.text[c.toks[a].start:c.toks[k - 1].end]
        anaph = c.word(a, "anaphors")
        if anaph is not None and anaph == k:
            return self.resolve(a, text), a, k
        for m in inside:
            return m.name, a, max(k, m.te)  # "مصادر في وزارة الكهرباء" speaks for the ministry
        m = c.mention_at(a, ("place",))
        if m is not None and m.te >= k:
            return m.name, a, k
        return self.person_by_spelling(text) or text, a, k

    def named_after(self, a: int, k: int, limit: int) -> _Mention | None:
        """The person a title names after it: "المتحدث الرسمي باسم قوات التحالف العميد تركي المالكي"
        (the title's body and rank words may stand between; a comma, a preposition or a verb ends it)."""
        c = self.c
        if c.mention_at(a, ("org", "place")) is not None:
            return None
        x, n = k, 0
        while x < limit and n < 10:
            if not c.isword[x]:
                return None
            m = c.mention_at(x, ("person",))
            if m is not None:
                return m if m.te <= limit else None
            if (c.word(x, "np_stops") is not None or c.word(x, "complementizers") is not None
                          or c.word(x, "attribution_verbs") is not None or c.is_trigger(x)
                          or c.is_boundary(x) or x in c.num_tokens):
                return None
            x += 1
            n += 1
        return None

    def person_by_spelling(self, text: str) -> str | None:
        """A one-word name misspelt by a letter (سوبياين) as the person the article names (سيرجي سوبيانين)."""
        w = norm(text)
        if " " in w or len(w) < 5:
            return None
        for name in self.c.person_names:
            last = norm(name).split()[-1]
            if last != w and len(last) >= 5 and _one_edit(w, last):
                return name
        return None

    def resolve(self, i: int, text: str) -> str:
        """An anaphor (الوزارة، المصادر، البيان) as the earlier claimant or body it names."""
        c = self.c
        head = norm(text)
        head = head[2:] if head.startswith("ال") else head
        recent = [(tok, name) for tok, name in c.claimants[-_RECENT:] if tok < i]
        for tok, name in reversed(recent):
            first = norm(name).split()[0]
            first = first[2:] if first.startswith("ال") else first
            if first == head or (len(head) > 3 and first.startswith(head[:-1]) and len(first) - len(head) <= 1):
                return name
        for m in reversed(c.mentions_in(max(0, i - 2000), i, ("org",))):
            first = norm(m.name).split()[0]
            first = first[2:] if first.startswith("ال") else first
            if first == head:
                return m.name
        if head in ("بيان", "مصدر", "مصادر") and recent:
            return recent[-1][1]
        return text

    def look_back(self, i: int, lo: int) -> tuple[str | None, int, int]:
        """A subject before the verb: "وكان الجيش الإسرائيلي أعلن"، "رئيس البلدية، فلان، قال"."""
        c = self.c
        k = i - 1
        seen = 0
        while k >= lo and seen < 8:
            if c.isword[k]:
                seen += 1
                if c.word(k, "complementizers") is not None or c.is_boundary(k):
                    break
                if c.is_trigger(k) or c.word(k, "attribution_verbs") is not None:
                    break
            elif c.norm(k) not in _COMMAS and c.norm(k) not in ('"', "«", "»", "“", "”", "(", ")"):
                break
            k -= 1
        ms = [m for m in c.mentions_in(k + 1, i, ("person", "org", "place")) if m.te <= i]
        # The subject stands right before its verb (SV order): only particles (قد، كان) between.
        last = ms[-1] if ms else None
        adjacent = last is not None and all(c.isword[x] and c.word(x, "copulas") is not None
                                            for x in range(last.te, i))
        if adjacent and "و" in c.doc.text[c.toks[last.ts].start:last.start]:
            # "… في البحر الأحمر وواشنطن تعلن": و + subject + verb opens a new clause
            return last.name, last.ts, last.te
        best = None
        for m in ms:
            if m.kind == "place" and not (m is last and adjacent):
                continue  # a place speaks only as the verb's own subject (موسكو أعلنت), not one before it
            if best is None or m.kind == "person" or (best.kind == "place" and m.kind == "org"):
                best = m
        if best is not None:
            return best.name, best.ts, best.te
        # a plain subject: "وكانت صحيفة «ديلي صباح» التركية قد أفادت"
        a = k + 1
        while a < i and (not c.isword[a] or c.word(a, "copulas") is not None):
            a += 1
        e = i
        while e > a and (not c.isword[e - 1] or c.word(e - 1, "copulas") is not None
                         or c.word(e - 1, "time_words") is not None):
            e -= 1
        if a < e and c.words_between(a, e) <= 6 and c.word(a, "not_claimants") is None \
                and c.word(a, "np_stops") is None and c.word(a, "time_words") is None \
                and all(not c.is_trigger(x) and x not in c.num_tokens for x in range(a, e)):
            text = c.doc.text[c.toks[a].start:c.toks[e - 1].end].strip("\"'«»“” ")
            return self.person_by_spelling(text) or text, a, e
        return None, i, i

    def subject(self, i: int, j: int, a: int, b: int, transmit: bool) -> tuple[str | None, int, int]:
        """Claimant of the attribution verb at ``i`` whose subject may start at ``j``."""
        c = self.c
        name, s, e = self.np(j, b)
        if transmit:
            # "نقلت وكالة X (الإخبارية) عن مصدر Y": the source is Y
            kk, n = (e if name else j), 0
            while kk < b and n < 5:
                if c.isword[kk]:
                    if c.norm(kk) == "عن":
                        inner, s2, e2 = self.np(kk + 1, b)
                        if inner:
                            name, s, e = inner, s2, e2
                        break
                    if c.word(kk, "complementizers") is not None or c.is_trigger(kk):
                        break
                    n += 1
                kk += 1
        if name is None and c.word(i, "circumstantial") is None:
            # a circumstantial participle (مشيرا، مضيفة) has no subject of its own before it
            name, s, e = self.look_back(i, a)
        return name, s, e

    def sentence(self, k: int) -> None:
        """Find the attributions of sentence ``k`` (sentences are done in order)."""
        c = self.c
        a, b = c.sent_tok[k]
        out = c.attrs[k]
        i = a
        for pos in c.attr_pos[bisect_left(c.attr_pos, a):bisect_left(c.attr_pos, b)]:
            if pos < i:
                continue
            i = pos
            kind = None
            end = c.word(i, "attribution_verbs")
            if end is not None and self.prep_before_verb(i):
                i = end  # "حافلة لنقل المسافرين": ل + a verbal noun is not a verb of saying
                continue
            if end is not None:
                kind = "verb"
            else:
                end = c.word(i, "attribution_preps")
                if end is not None:
                    kind = "prep"
            if kind is None:
                continue
            if kind == "verb":
                p = i - 1
                while p >= a and not c.isword[p]:
                    p -= 1
                if p >= a and (c.word(p, "statement_nouns") is not None
                               or any(c.word(x, "statement_nouns") == p + 1 for x in range(max(a, p - 2), p))):
                    i = end  # "في تصريحات بثها التلفزيون": who broadcast, not who said
                    continue
            j = end
            via_verb = False
            if kind == "prep":
                # "بحسب ما أفاد X"، "وفقا لما نقل X عن Y"، "وفقا لـ X"
                jj = c.next_word(j, b)
                if jj < b and c.norm(jj) in ("ما", "لما", "لـ", "ل"):
                    jj2 = c.next_word(jj + 1, b)
                    if c.norm(jj) in ("لـ", "ل") and jj2 < b:
                        j = jj2
                    elif jj2 < b and c.word(jj2, "attribution_verbs") is not None:
                        via_verb = True
                        i = jj2
                        j = c.word(jj2, "attribution_verbs")
                        end = j
            transmit = c.word(i, "transmit_verbs") is not None
            if kind == "verb" or via_verb:
                name, s, e = self.subject(i, j, a, b, transmit)
            else:
                name, s, e = self.np(j, b)
                kk = c.next_word(e if name else j, b)
                if name and kk < b and c.norm(kk) == "عن" and c.word(j, "source_nouns") is None:
                    inner, s2, e2 = self.np(kk + 1, b)
                    if inner:
                        name, s, e = inner, s2, e2
            if name is not None:
                m = c.mention_at(s, ("place",))
                if m is not None and m.name == name:
                    c.speaker_toks.update(range(s, e))
                for m in c.mentions_in(s, e, ("person",)):
                    c.speaker_people.add(m.ts)
            elif kind == "verb" or via_verb:
                name, s, e = self.inherit(i), i, i
            if name is not None:
                out.append(_Attr(i, kind, name, (s, e)))
                c.claimants.append((i, name))
            i = max(end, i + 1)
            if (kind == "verb" or via_verb) and e > i and s >= i:
                i = e

    def prep_before_verb(self, i: int) -> bool:
        """Is the word of saying at ``i`` written with a preposition before it (لنقل، بإعلان)?"""
        c = self.c
        vstart = c.toks[i].vstart
        for _, e, v in c.at(i):
            if isinstance(e, Word) and e.cls == "attribution_verbs":
                pre = c.norms[i][:v - vstart]
                return "ل" in pre or "ب" in pre or "ك" in pre
        return False

    def inherit(self, i: int) -> str | None:
        """The claimant of a pronoun subject at token ``i``: the last one named before it."""
        c = self.c
        for tok, name in reversed(c.claimants):
            if tok < i:
                if c.tok_sent[i] - c.tok_sent[tok] <= _CONTEXT_SENTENCES:
                    return name
                return None
        return None

    def for_claim(self, t: int, same_type: list[int], before_only: bool = False,
                  reported: bool = False) -> str | None:
        """The claimant of a claim whose trigger is token ``t``; with ``reported``, only a source
        whose complement clause holds the trigger (قال X إن … / أفادت X بأن …)."""
        c = self.c
        k = c.tok_sent[t]
        attrs = c.attrs[k]
        if reported:
            comps = c.clause_marks(k)[1]
            attrs = [x for x in attrs if x.pos < t and any(x.pos < p < t for p in comps)]
        after = [x for x in attrs if x.pos > t]
        if not before_only:
            for x in after:
                if x.kind == "prep" and not any(t < s < x.pos for s in same_type):
                    return x.name
                break
        before = [x for x in attrs if x.pos < t]
        if before:
            return before[-1].name
        if before_only:
            return None
        if after:
            return after[0].name
        if k > 0 and c.attrs[k - 1]:
            return c.attrs[k - 1][-1].name
        return None


# ---------------------------------------------------------------------------
# The mechanisms


class _Finder:
    def __init__(self, ctx: _Ctx, kb) -> None:
        self.c = ctx
        self.kb = kb
        self.cl = _Claimants(ctx)
        self.cands: list[_Cand] = []
        self.rank = 6
        self.same_type: dict[tuple[int, str], list[int]] = {}
        self._sent_places: dict[int, frozenset[str]] = {}
        self._context: dict[int, str | None] = {}  # sentence -> main place of the sentences before

    # -- shared helpers ---------------------------------------------------------

    def blocked(self, t: int, a: int, b: int) -> bool:
        """Negated ("no casualties"), habitual, or inside a denial."""
        c = self.c
        negs = c.marked_in("negations", a, t)
        if negs:
            p = negs[-1]
            if c.words_between(p + 1, t) < 6 and not c.marked_in("commas", p + 1, t) \
                    and not any(x in c.num_tokens for x in range(p + 1, t)):
                return True
        if c.marked_in("hedges", max(a, t - 8), min(b, t + 8)):
            return True
        return c.in_denial(t)

    def demonstrative_before(self, t: int) -> bool:
        c = self.c
        k = t - 1
        while k >= 0 and not c.isword[k]:
            k -= 1
        return k >= 0 and c.word(k, "demonstratives") is not None

    def location(self, t: int, tend: int, dirs_ok: tuple[str, ...] = (), with_source: bool = False,
                 locative: bool = False) -> Any:
        """The place(s) of the event whose trigger is tokens [t, tend); with ``with_source``,
        (place, whether the sentence itself names it). ``self.rank`` tells how directly the
        text ties the place to the event (0: right after the trigger … 5: sentences before)."""
        loc, self.rank = self._location(t, tend, dirs_ok, locative)
        if loc is not None:
            return (loc, True) if with_source else loc
        loc = self._context_place(t)
        if loc is None:
            c = self.c
            a, b = c.sentence_range(t)
            for m in c.places[bisect_left(c.place_ts, a):bisect_left(c.place_ts, b)]:
                if c.dateline(m):
                    loc = m.name  # where the report was filed
                    break
        self.rank = 5 if loc is not None else 6
        return (loc, False) if with_source else loc

    def _location(self, t: int, tend: int, dirs_ok: tuple[str, ...] = (), locative: bool = False
                  ) -> tuple[Any, int]:
        """(place(s), rank); with ``locative`` only places after في، ب، إلى، لدى count (a meeting's
        place, not a party or a topic)."""
        c = self.c
        a, b = c.sentence_range(t)
        if not self.sentence_places(c.tok_sent[t]):
            return None, 6  # (every range looked at below is in the sentence)
        if locative:
            def places_in(x: int, y: int) -> list[_Mention]:
                return [m for m in c.places_in(x, y) if c.locative(m)]
        else:
            places_in = c.places_in
        fe = c.fwd_end(tend - 1, b)
        j = bisect_right(c.attr_verbs, tend)
        if j < len(c.attr_verbs) and c.attr_verbs[j] < fe:
            fe = c.attr_verbs[j]  # "…، مشيرا إلى أن …": what follows is another report
        comps = c.marked_in("complementizers", tend, fe)
        if comps:
            fe = comps[0]  # "… في مؤتمر صحفي إن فرنسا ستسلم …": the content of a statement
        fwd = [m for m in places_in(tend, fe) if not c.from_place(m) and not c.leads(m)]
        rel = c.marked_in("relatives", tend + 1, fe)
        near_end = rel[0] if rel else fe
        ok = [m for m in fwd if not c.directional(m, dirs_ok) and not c.agent(m)]
        near = [m for m in ok if m.ts < near_end]
        if near:
            return _names(c.runs(near)[0]), 0
        bs = c.bwd_start(t, a)
        back = [m for m in places_in(bs, t) if m.te <= t]
        if back:
            return _names(c.runs(back)[-1]), 1
        if ok:
            return _names(c.runs(ok)[0]), 2
        back = [m for m in places_in(a, t) if m.te <= t]
        if back:
            return _names(c.runs(back)[-1]), 3
        if fwd:
            return _names(c.runs(fwd)[0]), 4  # only where it headed (باتجاه موسكو)
        return None, 6

    def _context_place(self, t: int) -> str | None:
        """The main place of the sentences just before (the one the article names most)."""
        k = self.c.tok_sent[t]
        if k not in self._context:
            self._context[k] = self._main_place_before(k)
        return self._context[k]

    def _main_place_before(self, k: int) -> str | None:
        c = self.c
        for kk in range(k - 1, max(-1, k - 1 - _CONTEXT_SENTENCES), -1):
            prev = [m for m in c.places_in(*c.sent_tok[kk]) if not c.directional(m) and not c.from_place(m)]
            if prev:
                best = max(prev, key=lambda m: c.mention_count.get(m.name, 0))
                return best.name
        return None

    def phrase(self, head: int, end: int, limit: int, max_mods: int = 3) -> tuple[str, int]:
        """Text of a noun with its modifiers (طائرات أوكرانية مسيرة), and its end token."""
        c = self.c
        k = end
        mods = 0
        while k < limit and mods < max_mods:
            if not c.isword[k] and c.norm(k) == "-" and k + 1 < limit:
                k += 1
                continue
            if not c.isword[k]:
                break
            me = c.word(k, "object_modifiers")
            if me is not None:
                k = me
                mods += 1
                continue
            w = c.norm(k)
            if len(w) > 3 and w.endswith(_NISBA_ENDS) and not c.is_trigger(k) and k not in c.num_tokens \
                    and c.word(k, "np_stops") is None and c.word(k, "time_words") is None \
                    and c.mention_at(k) is None:
                k += 1
                mods += 1
                continue
            break
        while k > end and not c.isword[k - 1]:
            k -= 1
        return c.doc.text[self.word_start(head):c.toks[k - 1].end], k

    def word_start(self, i: int) -> int:
        """Original offset of the word at token ``i`` without its proclitics (بمسيرة → مسيرة)."""
        c = self.c
        for end, e, v in c.at(i):
            if isinstance(e, (Noun, Trig)):
                return c.doc.span(v, v + 1)[0]
        return c.toks[i].start

    def _origin(self, a: int, b: int) -> tuple[str | None, int | None]:
        """Country of make (nisba + الصنع, or a nisba in the object phrase: صواريخ أميركية)
        and, for "nisba + الصنع" inside the phrase, the nisba's token."""
        c = self.c
        found = None
        for k in range(a, min(b + 2, len(c.toks))):
            if not c.isword[k]:
                continue
            country = self.kb.nisba_country(c.norms[k])
            if country:
                if c.word(k + 1, "made") is not None:
                    return country, k
                if k < b and found is None:
                    found = country
        return found, None

    def object_and_origin(self, g: "_Group") -> tuple[str, str | None]:
        """The object as written and its country of make; "X أميركية الصنع" is object X,
        origin الولايات المتحدة (the make is a slot of its own, not part of the object)."""
        c = self.c
        origin, made_at = self._origin(g.head, g.end)
        end = g.end
        if made_at is not None and g.head < made_at < g.end:
            end = made_at
        return c.doc.text[self.word_start(g.head):c.toks[end - 1].end], origin

    def qual_after(self, k: int, qual: str | None) -> str | None:
        if qual:
            return qual
        c = self.c
        k = c.next_word(k, len(c.toks))
        v = c.word_value(k, "qualifiers_after")
        return v[1] if v else None

    def groups(self, a: int, b: int, cls: str, window: int, first_only: bool = False,
               stop_types=(), ellipsis: bool = False, seeded: bool = False) -> list[_Group]:
        """Counted objects of noun class ``cls`` in tokens [a, b).

        With ``ellipsis`` a bare number also counts the object told before it:
        "57 منها" (of them), and in a breakdown "و28 فوق مقاطعة كورسك" after a first
        group (``seeded``: that first group stands before [a, b)).
        """
        c = self.c
        out: list[_Group] = []
        k = a
        last_end = a

        def paren(k: int) -> bool:
            p = k - 1
            return p >= 0 and c.norm(p) == "("

        def joined(k: int) -> bool:
            """Is the group at ``k`` coordinated with the one before (وطائرتين، وعلى أربع أخرى)?"""
            for x in range(max(last_end, k - 3), k + 1):
                w = c.norm(x)
                if w == "و" or (w.startswith("و") and (x == k or c.word(x, "np_stops") is not None
                                                        or w[1:] in ("على", "في", "فوق"))):
                    return True
            return False

        while k < b:
            if c.isword[k]:
                if c.word(k, "object_stops") is not None:
                    break
                if stop_types and k > a and c.is_trigger(k, stop_types):
                    break
            gap = c.words_between(last_end, k)
            have = bool(out) or seeded
            if (not have and gap > window) or (have and gap > 12):
                break
            hit = c.num_at.get(k)
            n = c.noun(k, cls) if hit is None else None
            if have and (hit or n) and not paren(k) and not joined(k):
                k += 1
                continue
            if hit is not None:
                te, nm = hit
                e = c.next_word(te, b)
                of = c.word(e, "out_of")
                if of is not None and c.num_at.get(c.next_word(of, b)):
                    te2, _ = c.num_at[c.next_word(of, b)]
                    head = c.next_word(te2, b)
                    n = c.noun(head, cls)
                    if n:
                        pend = self.phrase(head, n[2], b)[1]
                        out.append(_Group(k, pend, nm.value, self.qual_after(pend, nm.qualifier), head))
                        k = last_end = pend
                        if first_only:
                            break
                        continue
                n = c.noun(te, cls) if te < b else None
                if n:
                    pend = self.phrase(te, n[2], b)[1]
                    out.append(_Group(k, pend, nm.value, self.qual_after(pend, nm.qualifier), te,
                                      paren=paren(k)))
                    k = last_end = pend
                    if first_only:
                        break
                    continue
                if out and c.word(e, "others") is not None:
                    out.append(_Group(k, e + 1, nm.value, nm.qualifier, None))
                    k = last_end = e + 1
                    continue
                if ellipsis and e < b and c.word(e, "of_them") is not None:
                    out.append(_Group(k, e + 1, nm.value, nm.qualifier, None))
                    k = last_end = e + 1
                    if first_only:
                        break
                    continue
                if ellipsis and have and joined(k) and e < b and c.word(e, "breakdown_preps") is not None:
                    out.append(_Group(k, e, nm.value, nm.qualifier, None))
                    k = last_end = e
                    continue
                if out and paren(k) and te < b and c.norm(te) == ")":
                    out.append(_Group(k, te + 1, nm.value, nm.qualifier, None, paren=True))
                    k = last_end = te + 1
                    continue
                k = te
                continue
            if n:
                number, definite, e = n
                count = 2 if number == "du" else (1 if number == "sg" and not definite else None)
                pend = self.phrase(k, e, b)[1]
                out.append(_Group(k, pend, count, None, k))
                k = last_end = pend
                if first_only:
                    break
                continue
            k += 1
        return out

    def group_before(self, t: int, lo: int, cls: str, window: int) -> _Group | None:
        c = self.c
        k, seen = t - 1, 0
        while k >= lo and seen < window:
            if c.isword[k]:
                seen += 1
                n = None
                for kk in range(max(lo, k - 2), k):  # a multi-word noun ending here (طائرة مسيرة)
                    n2 = c.noun(kk, cls)
                    if n2 and n2[2] == k + 1:
                        k, n = kk, n2
                        break
                if n is None:
                    n = c.noun(k, cls)
                if n:
                    p = k - 1
                    while p >= lo and not c.isword[p]:
                        p -= 1
                    if p >= lo and c.word(p, "object_stops") is not None:
                        return None
                    number, definite, e = n
                    nb = c.num_before.get(k)
                    if nb is not None:
                        return _Group(nb[0], e, nb[1].value, nb[1].qualifier, k)
                    count = 2 if number == "du" else (1 if number == "sg" and not definite else None)
                    return _Group(k, e, count, None, k)
            k -= 1
        return None

    def add(self, cand: _Cand) -> None:
        self.cands.append(cand)

    def base(self, rule: Rule, t: int) -> _Cand:
        c = self.c
        k = c.tok_sent[t]
        clause = bisect_left(c.marks(k, "boundaries"), t)
        return _Cand(type=rule.type, rule=rule.id, trig=t, sent=k, headline=c.is_headline(k), clause=clause,
                     sent_places=self.sentence_places(k))

    def sentence_places(self, k: int) -> frozenset[str]:
        """Normalized names of the (event) places named in sentence ``k``."""
        places = self._sent_places.get(k)
        if places is None:
            places = self._sent_places[k] = frozenset(norm(m.name) for m in self.c.places_in(*self.c.sent_tok[k]))
        return places

    def claimant(self, t: int, type_: str) -> str | None:
        return self.cl.for_claim(t, self.same_type.get((self.c.tok_sent[t], type_), []))

    # -- shootdown -----------------------------------------------------------------

    def downed(self, rule: Rule, t: int, tend: int) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        if self.blocked(t, a, b):
            return
        fe = c.fwd_end(tend - 1, b)
        groups = []
        if rule.side in ("after", "both"):
            groups = self.groups(tend, fe, rule.needs, rule.window, stop_types=("killed", "injured"),
                                 ellipsis=True)
        if not groups and rule.side in ("before", "both"):
            g = self.group_before(t, a, rule.needs, rule.window)
            if g:
                groups = [g] + self.groups(tend, fe, rule.needs, rule.window, stop_types=("killed", "injured"),
                                           ellipsis=True, seeded=True)
        if not groups:
            return
        if len(groups) > 1 and any(g.count is not None for g in groups):
            groups = [g for g in groups if g.count is not None]  # a breakdown: its header has no count
        obj = None
        for gi, g in enumerate(groups):
            cand = self.base(rule, t)
            cand.count, cand.qualifier = g.count, g.qualifier
            if g.head is not None:
                obj, cand.origin = self.object_and_origin(g)
            cand.object = obj
            if len(groups) > 1:
                if g.paren:
                    k = g.start - 1
                    pl = [m for m in c.places_in(max(a, k - 6), k) if m.te <= k]
                    cand.location = pl[-1].name if pl else None
                else:
                    nxt = groups[gi + 1].start if gi + 1 < len(groups) else fe
                    lo = g.end
                    if g.start < t:  # "43 طائرة أسقطت فوق بريانسك، و28 ...": its place follows the verb
                        lo, nxt = (g.end, t) if c.places_in(g.end, t) else (tend, nxt)
                    pl = [m for m in c.places_in(lo, nxt) if not c.directional(m)]
                    cand.location = _names(c.runs(pl)[0]) if pl else None
                if cand.location is None and gi == 0:
                    cand.location, own = self.location(t, tend, with_source=True)
                    cand.loc_ctx, cand.loc_rank = not own, self.rank
            else:
                cand.location, own = self.location(t, max(tend, g.end) if g.start >= t else tend, with_source=True)
                cand.loc_ctx, cand.loc_rank = not own, self.rank
            cand.claimant = self.claimant(t, rule.type)
            self.add(cand)

    # -- killed / injured -------------------------------------------------------------

    def casualty(self, rule: Rule, t: int, tend: int, trig: Trig) -> None:
        c = self.c
        if rule.counts == "self" and not trig.dual and not trig.definite \
                and any(c.voc.rules[e.rule].counts == "victims" for _, e in c.trig_at(t)):
            return  # a verbal noun (إصابة، وفاة) that is also counted: the event rule reads both
        a, b = c.sentence_range(t)
        if self.blocked(t, a, b) or self.demonstrative_before(t):
            return
        count = qual = None
        fire = False
        nb = c.counted_by(t)
        after = c.next_word(tend, b)
        if rule.counts == "self":
            if nb is not None:
                count, qual, fire = nb[1].value, nb[1].qualifier, True
            elif trig.dual:
                count, fire = 2, True
            else:
                # a total reached: "ارتفاع ضحايا الزلزال إلى 51"، "عدد القتلى ... بلغ 17"
                k, seen = tend, 0
                while k < b and seen < 8:
                    if c.isword[k]:
                        seen += 1
                        r = c.word(k, "reach")
                        if r is not None:
                            hit = c.num_at.get(c.next_word(r, b))
                            if hit is not None:
                                count, qual, fire = hit[1].value, hit[1].qualifier, True
                                break
                        if c.is_trigger(k, ("killed", "injured")) and k >= tend:
                            break
                    k += 1
                if not fire and trig.definite:
                    hit = c.num_at.get(after)  # "بلغت حصيلة القتلى 45 شخصا"
                    if hit is not None:
                        count, qual, fire = hit[1].value, hit[1].qualifier, True
                if not fire and any(c.voc.rules[e.rule].counts == "victims" for _, e in c.trig_at(t)):
                    return  # a verbal noun (إصابة، وفاة): the event rule reads it
                if not fire:
                    key_noun = c.noun(t, rule.type)
                    number = key_noun[0] if key_noun else "pl"
                    between = any(c.norm(x) in ("بين", "وبين") for x in range(max(a, t - 3), t))
                    if number == "sg" and not trig.definite and not between:
                        count, fire = 1, True
                    elif not trig.definite:
                        fire = True
                    else:
                        p = t - 1
                        while p >= a and not c.isword[p]:
                            p -= 1
                        q = p - 1
                        fire = any(c.word(x, "some") is not None for x in (p, q) if x >= a)
        else:
            hit = c.num_at.get(after) if after < b else None
            if hit is not None:
                count, qual, fire = hit[1].value, hit[1].qualifier, True
                nxt = c.next_word(hit[0], b)
                vn = c.noun(nxt, "victim") if nxt < b else None
                qual = self.qual_after(vn[2] if vn else hit[0], qual)  # "12 شخصا على الأقل"
            if not fire:
                # "قتلت القوات 5 مسلحين"، "مقتل عائلة مكونة من سبعة أفراد": a counted group a few words on
                k, seen = after, 0
                while k < b and seen < 6:
                    if c.isword[k]:
                        seen += 1
                        if c.is_trigger(k) and k > after:
                            break
                        h = c.num_at.get(k)
                        if h is not None and c.noun(c.next_word(h[0], b), "victim"):
                            count, qual, fire = h[1].value, h[1].qualifier, True
                            break
                    k += 1
            if not fire and nb is None:
                # "أربعة أشخاص قتلوا"
                p = t - 1
                while p >= a and not c.isword[p]:
                    p -= 1
                vp = c.noun(p, "victim") if p >= a else None
                if vp:
                    h = c.num_before.get(p)
                    if h is not None:
                        count, qual, fire = h[1].value, h[1].qualifier, True
                    elif (not vp[1] and _one_indefinite(c.norm(p), c.voc.singulars.get("victim", ()))
                          and not (after < b and (c.noun(after, "victim") or c.num_at.get(after)))):
                        count, fire = 1, True  # "إن شخصا قتل وأصيب أربعة آخرون"
            if not fire and nb is not None and c.noun(t, rule.type):
                count, qual, fire = nb[1].value, nb[1].qualifier, True
            if not fire and after < b:
                n = c.noun(after, "victim")
                if n:
                    number, definite, _ = n
                    fire = True
                    if number == "du":
                        count = 2
                    elif number == "sg" and not definite:
                        count = 1
                elif c.word(after, "others") is not None:
                    fire = True
                elif c.noun(after, "killed") or c.noun(after, "injured"):
                    pass  # "سقوط قتلى": the noun fires itself
                else:
                    p = c.mention_at(after, ("person",))
                    if p is None:
                        for k in range(after + 1, min(b, after + 4)):
                            p = c.mention_at(k, ("person",))
                            if p is not None:
                                break
                    if p is not None and rule.type == "killed":
                        count, fire = 1, True
        if not fire:
            return
        if rule.type == "injured" and c.marked_in("illness", t, min(b, tend + 8)):
            return  # cases of a disease, not wounds
        if rule.type == "killed" and c.marked_in("natural_death", t, min(b, tend + 12)):
            return  # a life that ended
        cand = self.base(rule, t)
        cand.count, cand.qualifier = count, qual
        if count is None and qual not in _VAGUE:
            cand.qualifier = None
        cand.location, own = self.location(t, tend, with_source=True)
        cand.loc_ctx, cand.loc_rank = not own, self.rank
        cand.claimant = self.claimant(t, rule.type)
        self.add(cand)

    # -- attack ----------------------------------------------------------------------

    def attack(self, rule: Rule, t: int, tend: int, trig: Trig) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        # (each test below only returns: the ones that most often do come first)
        if self.blocked(t, a, b) or c.marked_in("ongoing", max(a, t - 3), min(b, tend + 3)):
            return  # negated, habitual; the war itself, a drill: not one attack
        if self.demonstrative_before(t):
            return
        if rule.headline_only and not c.is_headline(c.tok_sent[t]):
            return
        # a force of nature strikes (زلزال يضرب ملاطية، ضربت العاصفة الساحل): not an attack
        if any(c.words_between(min(x, t), max(x, t)) <= 5
               for x in c.marked_in("natural_forces", max(a, t - 6), min(b, tend + 4))):
            return
        p = t - 1
        while p >= a and not c.isword[p]:
            p -= 1
        if p >= a and c.word(p, "relatives") is not None:
            return  # "العناصر الذين هاجموا الموقع": a description of a told attack
        # a counter-measure: تصدت لهجوم، إحباط محاولات لتنفيذ هجمات
        lo = max(c.bwd_start(t, a, stop_attr=False), t - 16)
        for p in c.marked_in("countering", lo, t):
            if c.words_between(p, t) <= 10:
                return
        p = t - 1
        while p >= a and not c.isword[p]:
            p -= 1
        if p >= a and c.is_trigger(p, ("shootdown",)):
            return  # "تصدت لهجوم"
        nx = c.next_word(tend, b)
        if nx < b and c.word(nx, "not_attack_after") is not None or p >= a and c.word(p, "not_attack_before"):
            return  # "ضربة جزاء"، "خط الهجوم": a game, not a strike
        fe = c.fwd_end(tend - 1, b)
        g = None
        if rule.needs:
            gs = self.groups(tend, fe, rule.needs, rule.window, first_only=True)
            g = gs[0] if gs else None
            if g is None and rule.side in ("before", "both"):
                g = self.group_before(t, a, rule.needs, rule.window)
            if g is None:
                return
        else:
            gs = self.groups(tend, fe, "weapon", 8, first_only=True, stop_types=("shootdown",))
            g = gs[0] if gs else None
        count = qual = None
        if g is not None:
            count, qual = g.count, g.qualifier
        if count is None and rule.counts == "self":
            nb = c.counted_by(t)
            n = c.noun(t, "strike")
            if nb is not None and n:
                count, qual = nb[1].value, nb[1].qualifier
            elif trig.dual:
                count = 2
            elif n and n[0] == "sg" and not n[1] and not trig.definite:
                count = 1
        cand = self.base(rule, t)
        cand.count, cand.qualifier = count, qual
        if g is not None and g.head is not None:
            cand.object, cand.origin = self.object_and_origin(g)
        elif not rule.needs:
            cand.object, _ = self.phrase(t, tend, b, max_mods=2)
        if g is None and trig.definite and not c.places_in(tend, fe) \
                and not any(c.is_place_word(k) for k in range(tend, min(fe, tend + 5))):
            return  # "الهجوم" with nothing of its own after it: told before, or not an attack at all
        loc, own = self.location(t, tend, with_source=True)
        if g is None and count is None and not own and c.word(t, "figurative") is not None \
                and not c.marked_in("military", a, b):
            return  # no weapon, no strikes, no place, no armed actor: "هجوما حادا على المعارضة"
        cand.location, cand.loc_ctx, cand.loc_rank = loc, not own, self.rank
        cand.claimant = self.claimant(t, rule.type)
        self.add(cand)

    # -- power outage ----------------------------------------------------------------

    def outage(self, rule: Rule, t: int, tend: int) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        if self.blocked(t, a, b):
            return
        units = tuple(self.c.voc.units)
        count = qual = unit = None
        fe = c.fwd_end(tend - 1, b)
        for k in list(range(tend, fe)) + list(range(max(a, t - 8), t)):
            hit = c.num_at.get(k)
            if hit is None:
                continue
            n = c.any_noun(c.next_word(hit[0], b), units)
            if n:
                count, qual, unit = hit[1].value, hit[1].qualifier, c.voc.units[n[0]]
                break
        if unit is None:
            for k in list(range(tend, min(fe, tend + 8))) + list(range(max(a, t - 4), t)):
                if k in c.num_tokens:
                    continue
                n = c.any_noun(k, units)
                if n and n[1] == "pl":
                    unit = c.voc.units[n[0]]
                    break
        cand = self.base(rule, t)
        cand.count, cand.qualifier, cand.unit = count, qual, unit
        cand.location, own = self.location(t, tend, dirs_ok=("عن",), with_source=True)
        cand.loc_ctx, cand.loc_rank = not own, self.rank
        cand.claimant = self.claimant(t, rule.type)
        self.add(cand)

    # -- meeting ---------------------------------------------------------------------

    def meeting(self, rule: Rule, t: int, tend: int, trig: Trig) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        if not c.mentions_in(a, b, ("person",)) and c.word(t, "summit") is None:
            return  # nobody to meet (and no summit of a body): the tests below would all fail
        if c.marked_in("cancel", a, b):
            return  # "كان من المقرر أن يلتقي … إلا أن اللقاء تأجل"
        k, seen = t - 1, 0
        while k >= a and seen < 3:
            if c.isword[k]:
                seen += 1
                if c.word(k, "cancel_near") is not None:
                    return
            k -= 1
        lo = a
        bounds = c.clause_marks(c.tok_sent[t])[0]
        j = bisect_left(bounds, t) - 1
        if j >= 0 and bounds[j] >= a:
            lo = bounds[j] + 1
        # "زعمت الصحيفة أن الوزير عقد اجتماعا": the speaker before a bare أن is not at the meeting;
        # "أعلن لافروف أنه مستعد للقاء روبيو": with أنه he is
        comps = c.clause_marks(c.tok_sent[t])[1]
        j = bisect_left(comps, t) - 1
        if j >= 0 and comps[j] >= lo and c.norm(comps[j]) in _BARE_THAT:
            lo = comps[j] + 1
        hi = c.fwd_end(tend - 1, b)
        # who reports the meeting is not at it ("كتب فلان - استقبل الأمير …") unless "أنه" makes him so
        pron = j >= 0 and comps[j] >= lo and c.norm(comps[j]) not in _BARE_THAT
        people = [m for m in c.mentions_in(lo, hi, ("person",)) if pron or m.ts not in c.speaker_people]
        names: list[str] = []
        for m in people:
            if m.name not in names:
                names.append(m.name)
        strong = len(names) >= 2 or len(names) == 1 and bool(c.marked_in("counterpart", lo, hi))
        if not strong and c.word(t, "summit") is not None and not names:
            orgs = [m for m in c.mentions_in(t, hi, ("org",))]
            if orgs:
                names = [orgs[0].name]
                strong = True
        if not names:
            return
        cand = self.base(rule, t)
        cand.participants = names
        # "حضر الاستقبال"، "هذا اللقاء": the definite noun refers to a meeting already told
        cand.weak = not strong or (trig.definite and c.word(t, "summit") is None)
        if c.in_denial(t):
            if not cand.weak:
                return  # a denied meeting; a visit named in a denial still tells where it is
            cand.weak = True
        if c.marked_in("remote", a, b):
            own = True  # a call has no place (what "في" names is its topic)
            self.rank = 6
        else:
            cand.location, own = self.location(t, tend, dirs_ok=("إلى", "الى"), with_source=True, locative=True)
        cand.loc_ctx, cand.loc_rank = not own, self.rank
        cand.claimant = self.cl.for_claim(t, [], before_only=True, reported=True)
        self.add(cand)

    # -- denial ----------------------------------------------------------------------

    def _object_text(self, a: int, b: int, max_words: int = 10) -> tuple[str | None, int]:
        c = self.c
        k, n = a, 0
        while k < b and n < max_words:
            w = c.norms[k]
            if not c.isword[k] and w in (".", "،", ",", ":", "؛", ";", "(", ")") :
                break
            if c.isword[k]:
                if c.is_boundary(k) and k > a:
                    break
                n += 1
            k += 1
        while k > a and not c.isword[k - 1]:
            k -= 1
        if k <= a:
            return None, a
        return c.doc.text[c.toks[a].start:c.toks[k - 1].end].strip("\"'«»“” "), k

    def denial(self, rule: Rule, t: int, tend: int) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        name, _, np_end = self.cl.np(tend, b)
        if name is None:
            name = self.cl.look_back(t, a)[0] or self.cl.inherit(t)
            np_end = tend
        k = c.next_word(np_end, b)
        # skip time words and commas: "ونفى الكرملين الجمعة تكهنات"
        k = c.next_word(self.cl.skip_lead(k, b), b)
        comp = c.word(k, "complementizers")
        start = comp if comp is not None else k
        # "تكهنات بأن ..."، "الأنباء التي تفيد بأن ...": the content after أن
        for j in range(start, min(b, start + 6)):
            e = c.word(j, "complementizers")
            if e is not None and comp is None:
                start = e
                break
        obj, oend = self._object_text(c.next_word(start, b), b, 12)
        insort(c.denied, (t, max(oend, tend + 1)))
        cand = self.base(rule, t)
        cand.claimant = name
        cand.object = obj
        self.add(cand)

    def denial_predicate(self, rule: Rule, t: int, tend: int) -> None:
        c = self.c
        a, b = c.sentence_range(t)
        start = None
        comps = c.clause_marks(c.tok_sent[t])[1]
        for k in reversed(comps[:bisect_left(comps, t)]):
            if k < a:
                break
            e = c.word(k, "complementizers")
            if e is not None and e <= t:
                start = e
                break
        if start is None:
            return  # the report called untrue must be quoted (قال إن الأنباء … غير صحيحة)
        cand = self.base(rule, t)
        cand.claimant = self.claimant(t, rule.type)
        obj, _ = self._object_text(c.next_word(start, b), t, 40)
        if obj:
            words = obj.split()
            obj = " ".join(words[-12:])
        cand.object = obj
        insort(c.denied, (start, tend))
        self.add(cand)

    # -- driver ----------------------------------------------------------------------

    def needs_word(self, rule: Rule, t: int, tend: int) -> bool:
        """Does a word of ``rule.needs_word`` follow the trigger within ``rule.window`` words?"""
        c = self.c
        b = c.sentence_range(t)[1]
        k, seen = tend, 0
        while k < b and seen < rule.window:
            if c.isword[k]:
                seen += 1
                if c.word(k, rule.needs_word) is not None:
                    return True
            k += 1
        return False

    def run(self) -> list[_Cand]:
        c = self.c
        rules = c.voc.rules
        hits = c.trig_hits
        # Denials first: what they deny is not claimed.
        order = {"denial": 0, "denial_predicate": 0}
        covered: set[tuple[int, int]] = set()
        seq = []
        last_of_type: dict[str, int] = {}
        for i, end, e in hits:
            r = rules[e.rule]
            if (e.rule, i) in covered:
                continue
            prev = last_of_type.get(r.type)
            if prev is not None and prev < i and c.words_between(prev, i) <= 1 and c.norm(i).startswith("و") \
                    and r.type not in ("meeting", "denial"):
                last_of_type[r.type] = i
                continue  # "اعترضت ودمرت 21 طائرة": one act told with two verbs
            last_of_type[r.type] = end - 1
            covered.update(zip(repeat(e.rule), range(i, end)))
            seq.append((order.get(r.mechanism, 1), i, end, e))
            self.same_type.setdefault((c.tok_sent[i], r.type), []).append(i)
        seq.sort(key=_FIRST_TWO)
        # Attributions, sentence by sentence, before the claims that use them.
        for k in sorted({c.tok_sent[p] for p in c.attr_pos}):
            self.cl.sentence(k)
        for _, i, end, e in seq:
            r = rules[e.rule]
            m = r.mechanism
            if r.needs_word and not self.needs_word(r, i, end):
                continue
            if m == "downed":
                self.downed(r, i, end)
            elif m == "casualty":
                self.casualty(r, i, end, e)
            elif m == "attack":
                self.attack(r, i, end, e)
            elif m == "outage":
                self.outage(r, i, end)
            elif m == "meeting":
                self.meeting(r, i, end, e)
            elif m == "denial":
                self.denial(r, i, end)
            elif m == "denial_predicate":
                self.denial_predicate(r, i, end)
        self.cands.sort(key=lambda x: x.trig)
        return self.cands


# ---------------------------------------------------------------------------
# One claim per fact


@dataclass
class _World:
    """What merging needs to know beyond the claims: states and where places are."""

    kb: Any  # entity knowledge: nisba adjectives → countries
    country_names: frozenset[str]  # normalized country names
    state_heads: frozenset[str]  # heads of bodies that speak for their state (وزارة، الجيش …)
    countries: dict[str, str]  # normalized place → normalized country, from the document's places

    def is_country(self, name: str) -> bool:
        n = norm(name)
        return n in self.country_names or self.countries.get(n) == n

    def states(self, name: str | None) -> set[str]:
        """Countries a claimant speaks for: روسيا → {روسيا}; وزارة الدفاع الروسية → {روسيا}."""
        if not name:
            return set()
        out = set()
        whole = norm(name)
        if whole in self.country_names:
            out.add(whole)
        for w in whole.split():
            if w in self.country_names:
                out.add(w)
            c = self.kb.nisba_country(w)
            if c:
                out.add(norm(c))
        return out

    def same_state(self, a: str | None, b: str | None) -> bool:
        """Do two claimants speak for one state (روسيا / وزارة الدفاع الروسية / الجيش الروسي)?"""
        if not a or not b or not self.states(a) & self.states(b):
            return False

        def state(x: str) -> bool:
            w = norm(x).split()
            return norm(x) in self.country_names or (bool(w) and w[0] in self.state_heads)

        return state(a) and state(b)

    def within(self, a: set[str], b: set[str]) -> bool:
        """Is a place of one set in a country named by the other (الأنبار in العراق)? A place the
        gazetteer does not know may lie in that country (مهداي and الصومال), unless another
        place beside it lies elsewhere."""
        c = self.countries
        if any(c.get(x) in b for x in a) or any(c.get(x) in a for x in b):
            return True
        for one, other in ((a, b), (b, a)):
            if len(one) == 1 and self.is_country(next(iter(one))) and all(c.get(x) is None for x in other):
                return True
        return False


def _world_parts(rules: RuleSet) -> tuple[frozenset[str], frozenset[str]]:
    words = rules.toml_tables("claims.toml").get("words", {})
    return (frozenset(norm(v) for v in knowledge(rules).nisba.values()),
            frozenset(norm(w) for w in words.get("state_bodies", [])))


def _words(s: str) -> list[str]:
    return norm(s).replace("،", " ").split()


def _name_ok(a: str | None, b: str | None) -> bool:
    """Unknown, or one name's words run inside the other's (الجيش ~ الجيش الروسي)."""
    if not a or not b:
        return True
    x, y = _words(a), _words(b)
    if len(x) > len(y):
        x, y = y, x
    n = len(x)
    return any(y[i:i + n] == x for i in range(len(y) - n + 1))


def _same_title(a: str, b: str) -> bool:
    """Two spellings of one speaker's title: "نائب المتحدث باسم وزارة الخارجية" ~ "نائب المتحدث باسم الخارجية"."""
    x, y = _words(a), _words(b)
    return len(x) >= 3 and len(y) >= 3 and x[:3] == y[:3]


def _locs(v: Any) -> set[str]:
    if v is None:
        return set()
    return {norm(x) for x in (v if isinstance(v, list) else [v])}


def _key(c: _Cand) -> Any:
    """What makes two claims of one type different: the count (or the vague amount)."""
    if c.count is not None:
        return c.count
    if c.qualifier in _VAGUE:
        return c.qualifier
    return None


_SLOTS = ("qualifier", "object", "origin", "unit", "location", "claimant")


def _fill(into: _Cand, other: _Cand, w: _World) -> None:
    """Complete ``into`` with what ``other`` (the same claim told again) adds."""
    better_place = other.location is not None and (other.loc_rank < into.loc_rank or _narrower(other, into, w))
    for s in _SLOTS:
        if getattr(into, s) is None and getattr(other, s) is not None:
            setattr(into, s, getattr(other, s))
    if better_place:  # the telling that ties the place to the event most directly
        into.location, into.loc_rank, into.loc_ctx = other.location, other.loc_rank, other.loc_ctx
    if into.claimant and other.claimant and w.is_country(into.claimant) and not w.is_country(other.claimant) \
            and w.same_state(into.claimant, other.claimant):
        into.claimant = other.claimant  # "روسيا أعلنت" told again as "وزارة الدفاع الروسية"
    if other.participants:
        parts = list(into.participants or [])
        for p in other.participants:
            if p not in parts:
                parts.append(p)
        into.participants = parts


def _narrower(a: _Cand, b: _Cand, w: _World) -> bool:
    """Does ``a`` place the claim in a town of the country ``b`` names (headline: وسط الصومال;
    body: بلدة مهداي)? The telling with the town says more."""
    if not isinstance(a.location, str) or not isinstance(b.location, str):
        return False
    return w.is_country(b.location) and not w.is_country(a.location) \
        and (w.countries.get(norm(a.location)) in (None, norm(b.location)))


def _same(e: _Cand, c: _Cand, w: _World) -> tuple[bool, bool]:
    """Is ``c`` the claim ``e`` told again? (same, c replaces e as the fuller telling)"""
    if e.type != c.type:
        return False, False
    if c.type == "meeting":
        pe = {norm(p) for p in e.participants or []}
        pc = {norm(p) for p in c.participants or []}
        # the same parties again (a visit of one of them completes it); a third party is another meeting
        if (pe & pc and (pe <= pc or pc <= pe or e.weak or c.weak)) or (e.sent == c.sent and pe & pc):
            return True, e.weak and not c.weak
        return False, False
    if c.type == "denial":
        if e.sent == c.sent or (e.claimant and c.claimant and (_name_ok(e.claimant, c.claimant)
                                                             or _same_title(e.claimant, c.claimant))) \
                or (e.claimant is None and c.claimant is None):
            return True, False
        return False, False
    ke, kc = _key(e), _key(c)
    le = set() if e.loc_ctx else _locs(e.location)
    lc = set() if c.loc_ctx else _locs(c.location)
    loc_ok = not le or not lc or bool(le & lc) or w.within(le, lc)
    claim_ok = _name_ok(e.claimant, c.claimant)
    if ke == kc and kc is not None:
        if e.sent == c.sent:
            if (e.clause == c.clause and loc_ok) or (le and lc and le & lc):
                return True, False
            if e.clause != c.clause:
                return False, False  # "استهدفت A بطائرتين … بينما استهدف B بمسيرتين": two strikes
        if not claim_ok and w.same_state(e.claimant, c.claimant):
            claim_ok = True  # روسيا and وزارة الدفاع الروسية tell the same figure
        if not claim_ok and abs(e.sent - c.sent) <= 2:
            claim_ok = True  # the same figure again a line later: the statement and who relayed it
        return claim_ok and loc_ok, False
    if kc is None:
        if e.sent == c.sent and (e.clause == c.clause or not le or not lc or le & lc):
            return True, False
        if claim_ok and loc_ok and e.sent != c.sent:
            return True, False
        if c.type == "power_outage" and ke is None and le and lc and (le & lc or w.within(le, lc)):
            return True, False  # one region without power, told by two sources
        return False, False
    if ke is None and claim_ok and loc_ok:
        return True, True
    return False, False


def _merge_into(kept: list[_Cand], c: _Cand, w: _World) -> None:
    for n in range(max(0, len(kept) - 4 * _RECENT), len(kept)):
        e = kept[n]
        if e.type != c.type:
            continue
        same, replace = _same(e, c, w)
        if not same:
            continue
        if replace:
            _fill(c, e, w)
            c.weak = c.weak and e.weak
            kept[n] = c
        else:
            _fill(e, c, w)
            e.weak = e.weak and c.weak
        return
    kept.append(c)


def _merge(cands: list[_Cand], w: _World) -> list[_Cand]:
    """One claim per fact: body tellings merged, then headlines folded into the body claim they sum up."""
    body: list[_Cand] = []
    heads: list[_Cand] = []
    for c in cands:
        (heads if c.headline else body).append(c)
    kept: list[_Cand] = []
    for c in body:
        _merge_into(kept, c, w)
    kept.sort(key=lambda x: x.trig)
    for h in heads:
        target = None
        # the body that follows the headline tells its story (a headline at the end sums up what came before)
        j = bisect_left([x.trig for x in kept], h.trig)
        near = kept[j:j + 4 * _RECENT] or kept[max(0, j - 4 * _RECENT):j]
        for e in near:
            if e.type != h.type:
                continue
            if h.type == "meeting":
                target = e  # a title's meeting is the one the story tells
                break
            le, lh = _locs(e.location), _locs(h.location)
            if le and lh and not (le & lh or w.within(le, lh) or lh <= e.sent_places):
                continue  # the headline names another place (not one its body sentence names too)
            if _key(h) is None or _key(h) == _key(e) or h.type == "denial":
                target = e
                break
        if target is None:
            h.headline = False
            _merge_into(kept, h, w)
            continue
        lt, lh = _locs(target.location), _locs(h.location)
        if lt and lh and not lh <= lt and lh <= target.sent_places and h.type != "meeting":
            # "تصادم قطارين بالزقازيق" over "بمنطقة الزقازيق بمحافظة الشرقية": the title's place too
            hl = h.location if isinstance(h.location, list) else [h.location]
            tl = target.location if isinstance(target.location, list) else [target.location]
            target.location = hl + [x for x in tl if norm(x) not in lh]
        for slot in _SLOTS:
            if getattr(target, slot) is None and getattr(h, slot) is not None:
                setattr(target, slot, getattr(h, slot))
        if h.type == "meeting":
            target.weak = target.weak and h.weak
        if h.sent < target.sent:
            target.sent, target.trig = h.sent, h.trig  # the first evidence
    kept.sort(key=lambda x: x.trig)
    return [c for c in kept if not c.weak]


# ---------------------------------------------------------------------------


def _date_start(d: dict) -> int:
    """Where a date is named (0 if it does not say)."""
    return d.get("start", 0)


def _date(ctx: _Ctx, t: int) -> str | None:
    """The date named in the trigger's clause (closest to it), else the publication date."""
    k = ctx.tok_sent[t]
    a, b = ctx.sent_tok[k]
    bounds = ctx.marks(k, "boundaries")
    j = bisect_left(bounds, t)
    lo = bounds[j - 1] if j > 0 else a
    hi = bounds[j] if j < len(bounds) else b
    s = ctx.toks[lo].start
    e = ctx.toks[hi - 1].end if hi > lo else ctx.sents[k][1]
    pos = ctx.toks[t].start
    best = None
    dates, starts = ctx.dates
    for d in dates[bisect_left(starts, s):bisect_left(starts, e)]:
        ds = d.get("start")
        if ds is None or not (s <= ds < e) or not d.get("value"):
            continue
        dist = abs(ds - pos)
        if best is None or dist < best[0]:
            best = (dist, d["value"])
    if best:
        return best[1]
    return ctx.doc.published.isoformat() if ctx.doc.published else None


def find_claims(doc: Document, entities: dict[str, list[dict]], numbers: list, dates: list[dict],
                rules: RuleSet) -> list[dict[str, Any]]:
    """The claims of ``doc`` in the output contract's shape, in text order."""
    voc = vocab(rules)
    if not doc.text or doc.text.isspace():
        return []
    ctx = _Ctx(doc, voc, entities, numbers, dates, rules)
    if ctx.empty or not ctx.trig_hits:
        return []
    kb = knowledge(rules)
    finder = _Finder(ctx, kb)
    country_names, state_heads = rules.compiled("claims_world", _world_parts)
    claims = _merge(finder.run(), _World(kb, country_names, state_heads, ctx.place_country))
    out = []
    for cl in claims:
        s, e = ctx.sents[cl.sent]
        out.append({
            "type": cl.type,
            "count": cl.count,
            "qualifier": cl.qualifier,
            "object": cl.object,
            "origin": cl.origin,
            "unit": cl.unit,
            "location": cl.location,
            "claimant": cl.claimant,
            "participants": cl.participants,
            "date": _date(ctx, cl.trig),
            "evidence": doc.text[s:e],
            "start": s,
            "end": e,
            "rule": cl.rule,
        })
    return out
