"""People, places and organizations, found by lexicon and by context.

Arabic has no capital letters, so names are found by what stands around them:
titles before people, trigger words before places, heads (وزارة، الجيش …)
before organizations, plus lexicons. Candidates from every rule compete for
the text; the longest, then the most trusted, wins. Mentions of one entity
(بوتين ↔ فلاديمير بوتين, كييف ↔ كيف) are grouped into one entry.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .document import Document, Token, proclitic_splits
from .knowledge import Knowledge, Place, knowledge
from .lexicon import Match
from .normalize import REMOVED, norm
from .rules import RuleSet

_LONG_VOWELS = str.maketrans("", "", "اوي")


@dataclass
class Cand:
    """A candidate mention: a view span, its type and how it was found."""

    type: str  # person | place | org
    vstart: int
    vend: int
    prio: int
    rule: str
    key: str | None = None  # canonical key for grouping (gazetteer/known name)
    place: Place | None = None
    role: str | None = None
    role_span: tuple[int, int] | None = None  # view span of the title before a person (person.title)
    trigger: tuple[int, int] | None = None  # view span of a place trigger before it
    assimilated: bool = False  # written after ل with its ال as ل (للكرملين): not a name form


@dataclass
class Entity:
    type: str
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # original spans
    hidden: set[tuple[int, int]] = field(default_factory=set)  # mentions whose surface is no name form
    role: str | None = None
    place: Place | None = None
    trigger_forms: list[str] = field(default_factory=list)
    described: set[tuple[int, int]] = field(default_factory=set)  # mentions by a description (المنظمة الدولية)


@lru_cache(maxsize=1 << 16)
def _splits(word: str) -> tuple[tuple[str, str], ...]:
    return tuple(proclitic_splits(word))


@dataclass(frozen=True, slots=True)
class _WordInfo:
    given: str | None  # the stem that is a given name (وأحمد → أحمد)
    surname: str | None  # the stem that is a lexicon surname standing alone (وبلير → بلير)
    kunya: bool  # أبو، وأبو
    reporting: bool  # وقال، فأضاف
    nisba: bool  # a definite nationality nisba (الروسي، والإسباني)
    shaped: str | None  # the stem (after و ل ب) of an unknown word that looks like a name (كيني، وكانديس)
    idle: bool  # none of the above: only lexicon-driven rules may start here
    cand: str | None = None  # the stem (after و ل ب) of a word person.context may take for a name
    cscore: float = 0.0  # its own evidence: shape weight × shape (+ the known-name bonus)
    before: float = 0.0  # log-odds of this word right before a person (person_contexts.tsv)
    after: float = 0.0  # log-odds of this word right after a person


def _word_info(kb: Knowledge, w: str) -> _WordInfo:
    splits = _splits(w)
    stems = [st for _, st in splits]
    given = next((st for st in stems if st in kb.given and len(st) >= 3), None)
    if w in kb.not_names:
        given = None
    surname = None
    for pre, st in splits:
        if (st in kb.family and st not in kb.common and st not in kb.given
                and (st in kb.curated_family or len(st) >= 5 or len(st) == 4 and st in kb.frequent_family
                     and st not in kb.context_stop)
                and not (st.startswith("ال") and (st not in kb.curated_family and st not in kb.frequent_family
                                                  or st in kb.compound_tails))):
            surname = st
            break
    kunya = any(st in kb.kunya for st in stems)
    reporting = any(pre in ("", "و", "ف") and st in kb.reporting for pre, st in splits)
    nisba = any(pre in ("", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب") and st.startswith("ال")
                and st.endswith(("ي", "يه")) and kb.nisba_country(st) is not None for pre, st in splits)
    shaped = None
    if w not in kb.common and w not in kb.not_names and w not in kb.function_words and w not in kb.verbs:
        for pre, st in splits:
            if pre in ("", "و", "ل", "ب") and len(st) >= 3 and not st.startswith("ال") \
                    and st not in kb.common and st not in kb.not_names and st not in kb.title_words \
                    and not kb.known_name(st) and kb.shape(st) >= kb.shape_pair:
                shaped = st
                break
        if shaped == w and not kb.known_name(w):
            # a clitic before a listed name is a clitic (وأحمد → أحمد), not a name letter
            shaped = next((st for pre, st in splits if pre in ("و", "ل", "ب") and kb.known_name(st)), shaped)
    cand, cscore = _context_candidate(kb, w, splits)
    idle = not (given or surname or kunya or reporting or nisba or shaped or cand or w == "عن"
                or w in kb.abbrev_titles)
    return _WordInfo(given, surname, kunya, reporting, nisba, shaped, idle, cand, cscore,
                     kb.context(w, "before"), kb.context(w, "after"))


def _name_like_word(kb: Knowledge, w: str, surface: str) -> bool | None:
    """What the word alone says of :meth:`_Scan.name_like`: True or False, or None when
    the token's place (a trigger or title there) and the caller's options decide."""
    if len(w) < 2 or any(c.isdigit() for c in w):
        return False
    if REMOVED.sub("", surface) in kb.function_raw:
        return False  # على، إلى، حتى: written with ى, they fold into names (علي)
    if kb.known_name(w):
        return True
    if (w in kb.function_words or w in kb.verbs or w in kb.not_names or w in kb.common
            or w in kb.title_words or kb.nisba_country(w)):
        return False
    if _accusative(kb, w) or _sound_plural(kb, w) or _possessed(kb, w) or w.endswith(("تها", "تهم", "تهما", "تنا")) \
            or len(w) >= 6 and w.endswith(("هم", "هما")):
        return False  # a noun in ة with a possessive pronoun: خارجيتها، حكومتنا; a pronoun suffix: لإقناعهم
    for pre, stem in proclitic_splits(w)[1:]:
        if kb.known_name(stem):
            break
        if stem.startswith("ال") and pre in ("ك", "ب") and stem not in kb.common and len(stem) >= 7 \
                and not stem.endswith(("ه", "ات", "ين", "ون")) and not kb.nisba_country(stem) \
                and not _al_verbal_noun(stem):
            continue  # كالاشنيك، بالاك: a name's letters, not ك/ب + an unknown ال-noun
        if (stem.startswith("ال") or stem in kb.function_words or stem in kb.verbs or stem in kb.common
                or stem in kb.title_words or stem in kb.not_names):
            return False
        if pre[-1:] in ("ب", "ل", "ك") and len(stem) >= 6 and _derived_shape(stem):
            return False  # a preposition on a verbal noun: بانسحاب، بارتكاب (not ليندون، باحماد)
    return None


def _derived_shape(w: str) -> bool:
    """A word whose letters make it a verbal noun of a derived form (إسقاط، انسحاب، ارتكاب،
    استقبال), not a name."""
    n = len(w)
    return w[:1] == "ا" and (n == 5 and w[3] == "ا" or n == 6 and (w[1] == "ن" or w[2] == "ت") and w[4] == "ا"
                             or n == 7 and w[1:3] == "ست" and w[5] == "ا")


def _accusative(kb: Knowledge, w: str) -> bool:
    """An indefinite accusative written with its alef (نموذجا، برنامجا، ساكنا، قضائيا، أميركيا):
    a common noun or adjective plus ا, which follows a name (طلب موسى نموذجا) but is no part of it."""
    if len(w) < 4 or not w.endswith("ا") or w.endswith(("اا", "يا")) and len(w) < 5:
        return False
    base = w[:-1]
    return base in kb.common or base in kb.title_words or bool(kb.nisba_country(base)) \
        or base.endswith("ي") and (base[:-1] + "يه" in kb.common or "ال" + base in kb.common)


#: Possessive pronoun suffixes of a noun: our, her, their, your.
_POSSESSIVES = ("نا", "ها", "هم", "هما", "كم", "هن")


def _possessed(kb: Knowledge, w: str) -> bool:
    """A common noun or title with a possessive pronoun (مراسلنا، زعيمهم، رئيسها): the subject
    after a reporting verb (وقال مراسلنا), not a name (دانا، رنا stay: دا، ر are no nouns)."""
    for suffix in _POSSESSIVES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[:-len(suffix)]
            return base in kb.common or base in kb.title_words
    return False


def _sound_plural(kb: Knowledge, w: str) -> bool:
    """A sound masculine plural of a common noun or a nisba (مراقبون، متمردو، إسلاميون، مسلحين):
    the subject after a reporting verb (وأعرب مراقبون), not a name (خلدون، هارون stay)."""
    if len(w) >= 6 and w.endswith(("ون", "ين")):
        base = w[:-2]
        return base in kb.common or len(w) >= 7 and base.endswith("ي") and ("ال" + base) in kb.common
    return len(w) >= 5 and w.endswith("و") and w[:-1] in kb.common


def _participle_plural(w: str) -> bool:
    """The sound plural of a participle of a derived verb (متفعل، مستفعل، منفعل، مفعل، مفاعل):
    متمردون، متمردو، محللون، مسلحين: a group of people as the subject of a reporting verb, not a
    name (مكلارين، ميتسو stay)."""
    if w.endswith(("ون", "ين")) and len(w) >= 6:
        w = w[:-2]
    elif w.endswith("و") and len(w) >= 5:
        w = w[:-1]
    else:
        return False
    return w[:1] == "م" and w[1] not in "ايو" and (w[1] in "تسن" or len(w) == 4 or len(w) == 5 and w[2] == "ا")


def _context_candidate(kb: Knowledge, w: str, splits) -> tuple[str | None, float]:
    """The stem of ``w`` that person.context may take for a one-word name, and its own score."""
    if kb.context_threshold >= 99 or w in kb.common or w in kb.not_names or w in kb.function_words \
            or w in kb.verbs or w in kb.title_words:
        return None, 0.0
    best = None
    for pre, st in splits:
        if pre not in ("", "و", "ل", "ب") or len(st) < 3 or st.startswith("ال") or st in kb.common \
                or st in kb.not_names or st in kb.title_words or st in kb.function_words or st in kb.verbs \
                or kb.nisba_country(st):
            if pre:
                continue
            return None, 0.0  # the word as written is a common word or a nisba
        if kb.known_name(st):
            best = st
            break
        if best is None or (pre == "و" and best == w):
            best = st  # a leading و is a conjunction more often than a name letter
    if best is None:
        return None, 0.0
    score = kb.context_shape_weight * kb.shape(best)
    if kb.known_name(best):
        score += kb.context_known_bonus
    return best, score


def _with_breaks(doc: Document) -> list[Token]:
    """The document's tokens, plus an empty non-word token wherever the original text
    between two words holds a line break or a mark the view dropped (a free-standing
    tatweel: تلفزيون سوريا ـ إسطنبول), so no name runs across it."""
    toks = doc.tokens
    text = doc.text
    out: list[Token] = []
    prev_end = None
    for t in toks:
        if prev_end is not None and t.start > prev_end and (t.start > prev_end + 1 or text[prev_end] != " "):
            gap = text[prev_end:t.start]
            if "\n" in gap or not gap.isspace():
                out.append(Token(-1, t.start, t.start, t.vstart - 1, t.vstart - 1, "\n"))
        out.append(t)
        prev_end = t.end
    return out


_NONE: list = []
_UNSEEN = object()  # a cache miss (None is a cached verdict)


class _Scan:
    """Per-document lookup helpers over tokens and lexicon matches."""

    def __init__(self, doc: Document, kb: Knowledge) -> None:
        self.doc, self.kb = doc, kb
        self.toks: list[Token] = _with_breaks(doc)
        self.vstarts = [t.vstart for t in self.toks]
        self.isword = [t.is_word for t in self.toks]
        self.by_tok: dict[int, list[Match]] = {}
        for m in kb.lexicon.scan(doc):
            self.by_tok.setdefault(self.tok_at(m.vstart), []).append(m)
        # token -> entry kind -> [(match, entry)], longest match first: built once, read often
        self._kinds: dict[int, dict[str, list[tuple[Match, tuple]]]] = {}
        for i, ms in self.by_tok.items():
            kinds: dict[str, list[tuple[Match, tuple]]] = {}
            for m in sorted(ms, key=lambda m: m.vstart - m.vend):
                for e in m.entries:
                    kinds.setdefault(e[0], []).append((m, e))
            self._kinds[i] = kinds

    def al(self, i: int) -> bool:
        """Token ``i`` starts with the article as written (ال), not a hamza alef (ألونسو، إلياس)."""
        t = self.toks[i]
        return REMOVED.sub("", self.doc.text[t.start:t.start + 4])[:2] == "ال"

    def tok_at(self, vpos: int) -> int:
        return max(0, bisect_right(self.vstarts, vpos) - 1)

    def tok_end(self, vend: int) -> int:
        """Index of the token after the one ending at ``vend``."""
        return bisect_right(self.vstarts, vend - 1)

    def matches(self, i: int, kind: str) -> list[tuple[Match, tuple]]:
        """Lexicon matches of ``kind`` at token ``i``, longest first (do not modify the list)."""
        kinds = self._kinds.get(i)
        return kinds.get(kind, _NONE) if kinds else _NONE

    def word(self, i: int) -> Token | None:
        if 0 <= i < len(self.toks) and self.isword[i]:
            return self.toks[i]
        return None

    def stems(self, i: int) -> list[str]:
        t = self.word(i)
        return [s for _, s in _splits(t.norm)] if t else []

    def info(self, i: int) -> "_WordInfo":
        """What the person rules need to know about token ``i``'s word (cached per word form)."""
        w = self.toks[i].norm
        cache = self.kb.word_cache
        inf = cache.get(w)
        if inf is None:
            if len(cache) > 200_000:
                cache.clear()
            inf = cache[w] = _word_info(self.kb, w)
        return inf

    def is_stop(self, w: str) -> bool:
        kb = self.kb
        return w in kb.function_words or w in kb.verbs

    def name_like(self, i: int, allow_al: bool = False, loose: bool = False) -> bool:
        """Could token ``i`` be part of a proper name?"""
        t = self.word(i)
        if t is None:
            return False
        surface = self.doc.text[t.start:t.end]
        cache = self.kb.word_cache
        verdict = cache.get(("name_like", surface), _UNSEEN)
        if verdict is _UNSEEN:
            if len(cache) > 200_000:
                cache.clear()
            verdict = cache[("name_like", surface)] = _name_like_word(self.kb, t.norm, surface)
        if verdict is not None:
            return verdict  # decided by the word alone
        if any(e[0] in ("trigger", "orghead", "title") for m in self.by_tok.get(i, []) for e in m.entries
               if m.vstart == t.vstart and m.vend == t.vend):
            return False
        if not loose and ("\u064b" in surface or (surface.endswith("ه") and len(t.norm) > 3) or surface.endswith("ى")):
            return False  # tanween (an indefinite noun), a pronoun suffix (حليفه), a verb in ى (تحدى)
        if not allow_al and self.al(i):
            return False
        return True


def _heads(kb: Knowledge, w: str) -> tuple[str, ...]:
    """The stems of ``w`` (clitics off) that begin a compound given name (عبد، نور …), cached."""
    heads = kb.word_cache.get(("heads", w))
    if heads is None:
        heads = kb.word_cache[("heads", w)] = tuple(st for _, st in _splits(w) if st in kb.compound_heads)
    return heads


def _compound_head(sc: _Scan, i: int) -> str | None:
    """The first half (clitics off) of a two-word given name starting at token ``i``
    (عبد in عبد الفتاح), when the name lexicon lists the pair; else None."""
    t = sc.word(i)
    if t is None:
        return None
    kb = sc.kb
    heads = _heads(kb, t.norm)
    if not heads:
        return None
    nt = sc.word(i + 1)
    if nt is None:
        return None
    for st in heads:
        if f"{st} {nt.norm}" in kb.compound_given:
            return st
    return None


def _person_extent(sc: _Scan, i: int, cont: bool = False) -> int:
    """Tokens of a name starting at ``i``; returns the index after the last one.

    ``cont``: token ``i`` continues a name begun before it (after a given name)."""
    kb = sc.kb
    j = i
    lexicon_only = True
    words = 0
    while words < kb.max_person_tokens and sc.word(j):
        w = sc.toks[j].norm
        if w in kb.function_words and w not in kb.connectors and not (
                w == "علي" and (j > i or cont) and _name_with_ya(sc, j) and sc.word(j + 1) is not None
                and (kb.known_name(sc.toks[j + 1].norm) or sc.toks[j + 1].norm not in kb.common
                     and sc.name_like(j + 1, allow_al=True))):
            break  # (علي written with ي between a given name and a name-like word is the name: محمد علي السعدي)
        known = kb.known_name(w)
        after_connector = j > i and sc.toks[j - 1].norm in kb.connectors
        if j > i and words == 1 and lexicon_only and not known and not after_connector and w not in kb.common \
                and _apposition_after(sc, j):
            j += 1  # a given name, one more word, then a title in apposition: نبيه بري رئيس مجلس النواب
            break
        if j > i and w not in kb.connectors and not sc.al(j) and sc.al(j - 1) \
                and sc.toks[j - 1].norm not in kb.compound_tails and sc.toks[j - 1].norm not in kb.regnal:
            break  # an ال-family name ends the name but for بن، آل …: رائد الصالح | فتح
        if (j > i or cont) and not after_connector and w[0] == "و" and w not in kb.connectors \
                and w not in kb.given:
            break  # و starts the next name of a list (ونور الشريف، وشادية) or the next clause
        if (j > i or cont) and not known and not after_connector:
            if _strong_place(sc, j):
                break  # a dateline after a byline: محمد صادق نيويورك
            if _verb_or_noun_shape(sc, j) and (j > i or w in kb.common or kb.shape(w) < kb.shape_verb):
                break  # نزار يكتب، شيرين عادل مرتدية
        if w in kb.connectors:
            if j + 1 >= len(sc.toks) or not (sc.name_like(j + 1, allow_al=True, loose=True)
                                             or f"{w} {sc.toks[j + 1].norm}" in kb.compound_given):
                break  # (عبد اللطيف is a name although اللطيف alone is a common word)
        elif (j > i or cont) and j > 0 and (f"{sc.toks[j - 1].norm} {w}" in kb.compound_given
                                             or w in kb.open_tails and not after_connector):
            pass  # the second half of a compound given name (صلاح الدين الأيوبي، زين الدين زيدان)
        elif not known and not after_connector and sc.al(j):
            # A family name with the article (السوداني، اليحيى) ends a name.
            if w in kb.regnal and j > i and words + cont <= 1 and lexicon_only:
                nxt = sc.word(j + 1)
                if nxt is None or nxt.norm != "عشر":
                    j += 1  # عبدالله الثاني، محمد الخامس (not توماس برديتش الثاني عشر)
                break
            nasab = any(sc.toks[x].norm in kb.connectors for x in range(i, j))
            if (j > i or cont) and _al_surname(sc, j, lexicon_only or nasab, nasab):
                j += 1
            break
        elif j > i and w.endswith("زاده"):
            pass  # a Persian patronymic: شمس زاده، علي زاده
        elif not sc.name_like(j, allow_al=after_connector, loose=after_connector):
            break
        elif j > i and not known and not after_connector and (
                len(w) <= 3 and kb.shape(w) < kb.shape_short or kb.shape(w) < kb.shape_extend):
            # Short unknown words after a name are mostly verbs (عقد، قال), longer ones shaped like
            # a verb or noun too (أسبوعين); a title in apposition after one was let in above (نبيه بري).
            break
        if not known and w not in kb.connectors:
            lexicon_only = False
        if w not in kb.connectors:
            words += 1
        j += 1
    while j > i and sc.toks[j - 1].norm in kb.connectors:
        j -= 1
    if (j > i or cont) and words < kb.max_person_tokens and j + 1 < len(sc.toks) and sc.toks[j].norm == "-":
        nt = sc.word(j + 1)  # a hyphenated name goes on: كيم جونغ - إيل، ميشال أليو-ماري
        if nt is not None and kb.known_name(nt.norm) and not sc.is_stop(nt.norm) \
                and not (_strong_place(sc, j + 1) or sc.matches(j + 1, "org")):
            j = max(j + 2, _person_extent(sc, j + 1, cont=True))
    return j


def _quoted_name(sc: _Scan, j: int) -> Cand | None:
    """person.title: one to four name-like words in quotes at token ``j``, right after a title."""
    toks = sc.toks
    if j >= len(toks) or toks[j].norm not in _OPEN_QUOTES:
        return None
    k = j + 1
    while k < len(toks) and k - j <= 4 and sc.word(k) is not None and sc.name_like(k, loose=True) \
            and not (sc.matches(k, "org") or sc.matches(k, "place") or sc.matches(k, "orghead")):
        k += 1
    if k == j + 1 or k >= len(toks) or toks[k].norm not in _CLOSE_QUOTES:
        return None
    return Cand("person", toks[j + 1].vstart, toks[k - 1].vend, 3, "person.title")


def _comma_apposition(sc: _Scan, j: int) -> Cand | None:
    """person.title: after a title and its complements, a name set off by commas (token ``j`` is
    the first comma): two or three name-like words, none a common word, then a comma."""
    toks, kb = sc.toks, sc.kb
    k = j + 1
    while k < len(toks) and k - j <= 3 and sc.word(k) is not None:
        w = toks[k].norm
        if w in kb.common or sc.is_stop(w) or sc.al(k) or w[0] == "و" or not sc.name_like(k) \
                or _verb_or_noun_shape(sc, k) or sc.matches(k, "place") or sc.matches(k, "org"):
            return None
        k += 1
    if k - j < 3 or k >= len(toks) or toks[k].norm not in ("،", ","):
        return None
    return Cand("person", toks[j + 1].vstart, toks[k - 1].vend, 3, "person.title")


def _name_with_ya(sc: _Scan, j: int) -> bool:
    """Token ``j`` is written with ي where the preposition its fold matches is written with ى
    (علي, not على): after a title it is the given name علي."""
    t = sc.word(j)
    if t is None or t.norm not in sc.kb.function_words:
        return False
    surface = REMOVED.sub("", sc.doc.text[t.start:t.end])
    return surface.endswith("ي") and surface[:-1] + "ى" in sc.kb.function_raw


def _bare_ali(sc: _Scan, j: int) -> bool:
    """علي at token ``j`` stands alone as the name: what follows cannot be the object of
    the preposition (the text ends, a mark, a number, a function word, a word with و)."""
    t = sc.word(j + 1)
    return t is None or t.norm[:1].isdigit() or sc.is_stop(t.norm) or t.norm[0] == "و" and not sc.al(j + 1)


def _apposition_after(sc: _Scan, j: int) -> bool:
    """Token ``j`` (a plain word) is followed by a title in apposition or a name closer (a comma,
    قد): the name ends with it (نبيه بري رئيس مجلس النواب، يحيى سريع، في بيان). Not a verb, a
    noun with ة or tanween, a nisba."""
    kb = sc.kb
    t = sc.word(j)
    if t is None or _strong_place(sc, j) or sc.matches(j, "org") or sc.matches(j, "title") \
            or _verb_or_noun_shape(sc, j) or "\u064b" in sc.doc.text[t.start:t.end] or sc.is_stop(t.norm) \
            or t.norm in kb.title_words or kb.nisba_country(t.norm) or t.norm[0] == "و":
        return False
    nxt = sc.toks[j + 1] if j + 1 < len(sc.toks) else None
    if nxt is not None and nxt.norm in kb.name_closers:
        return True
    return nxt is not None and bool(sc.matches(j + 1, "title")) and sc.word(j + 1) is not None \
        and not nxt.norm.startswith(("و", "ل", "ب", "ال"))


def _al_surname(sc: _Scan, j: int, lexicon_only: bool, nasab: bool = False) -> bool:
    """May the ال-word at ``j`` close the name before it (السوداني، اليحيى، الشريف)?"""
    kb = sc.kb
    w = sc.toks[j].norm
    if nasab and kb.nisba_country(w):
        return True  # أبو حمزة المصري
    if sc.is_stop(w) or w in kb.title_words or w in kb.not_names:
        return False
    if j in sc.by_tok and (sc.matches(j, "org") or sc.matches(j, "orghead") or any(
            e[1].kind != "city" or e[1].population >= kb.min_population for _, e in sc.matches(j, "place"))):
        return False  # a country, a big city or a body begins there: فؤاد السنيورة الولايات المتحدة
    if "\u064b" in sc.doc.text[sc.toks[j].start:sc.toks[j].end]:
        return False
    if not kb.known_name(w) and _al_verbal_noun(w):
        return False  # فلاديمير بوتين | الترويج لدعوتهما
    return (lexicon_only and w not in kb.common) or w.endswith("ي")


def _al_verbal_noun(w: str) -> bool:
    """A definite verbal noun of a derived form, by its letters: التفعيل (الترويج)، التفاعل
    (التعاون)، الإفعال (الإعلان)، الافتعال (الاجتماع)، الانفعال (الانسحاب)، الاستفعال (الاستقبال).
    A name ending in ي (التكريتي) is a nisba, not one of these."""
    n = len(w)
    if not w.startswith("ال") or w.endswith("ي"):
        return False
    return (n == 7 and w[2] == "ت" and (w[5] == "ي" or w[4] == "ا")
            or n == 7 and w[2] == "ا" and w[5] == "ا"
            or n == 8 and w[2] == "ا" and (w[4] == "ت" or w[3] == "ن") and w[6] == "ا"
            or n == 9 and w[2:5] == "است" and w[7] == "ا")


#: Titles that are also common nouns before an adjective (الفريق = lieutenant general | the team).
_AMBIGUOUS_TITLES = frozenset(norm(w) for w in ("الفريق", "فريق"))


def _title_surname(sc: _Scan, j: int) -> bool:
    """May the ال-word at ``j``, right after a title and before no name, be the name itself
    (الرئيس السنيورة، الإمام الخميني), not the title's complement (الرئيس التنفيذي)?"""
    kb = sc.kb
    t = sc.word(j)
    if t is None or not sc.al(j):
        return False
    w = t.norm
    if (sc.is_stop(w) or w in kb.common or w in kb.title_words or w in kb.not_names or kb.nisba_country(w)
            or w in kb.compound_tails or w in kb.regnal or w in kb.org_stop or len(w) < 5):
        return False
    if sc.matches(j, "org") or sc.matches(j, "place") or sc.matches(j, "orghead") or sc.matches(j, "trigger"):
        return False
    surface = REMOVED.sub("", sc.doc.text[t.start:t.end])
    if surface.endswith(("ة", "ات", "ين", "ون")) or "\u064b" in sc.doc.text[t.start:t.end]:
        return False  # a feminine or plural noun: الرئيس المنتخبة، الأمين العامة
    return w in kb.family


def _verb_or_noun_shape(sc: _Scan, j: int) -> bool:
    """An unknown word shaped like a verb or an indefinite noun, not like a name part.

    Imperfect and future verbs (يكتب، نتفهم، ستزور، لتؤكد), a written teh marbuta
    (مرتدية، ملاحقة) follow names far more often than they end one in news text
    (ANERcorp train).
    """
    t = sc.toks[j]
    w = t.norm
    if len(w) < 4:
        return False
    if w[0] == "ي" or w[:2] in ("ست", "لت", "نت"):
        return True
    if w[:2] in ("سي", "سن") and sc.kb.shape(w) < sc.kb.shape_pair:
        return True  # a future verb: سيقوم، سنواصل (not سيمون)
    if w[0] == "ا" and w.endswith("اء") and len(w) >= 5:
        return True  # a verbal noun: ادعاء، اعتداء، استيلاء
    if w[0] == "ا" and len(w) == 5 and w[-1] == "ت" and w[1] != "ل":
        return True  # a past verb of the form أفعلت: أنقذت، أعلنت، أصدرت
    if _derived_shape(w):
        return True  # verbal nouns إفعال، انفعال، افتعال، استفعال: إسقاط، انفجار، اقتراح، استهداف
    return REMOVED.sub("", sc.doc.text[t.start:t.end]).endswith("ة")


def _strong_place(sc: _Scan, j: int) -> bool:
    """Token ``j`` is, as a whole, a well-known place (a capital, a country)."""
    t = sc.toks[j]
    for m in sc.by_tok.get(j, []):
        if m.vstart == t.vstart and m.vend == t.vend:
            for e in m.entries:
                if e[0] == "place" and (e[1].kind != "city" or e[1].population >= sc.kb.min_population):
                    return True
    return False


def _given_not_place(sc: _Scan, j: int) -> bool:
    """A given name that is also a city (فلاديمير، ألكسندرية) starts the name after a title,
    unless it is a country or region: الرئيس الروسي فلاديمير بوتين."""
    t = sc.toks[j]
    return t.norm in sc.kb.given and all(e[1].kind == "city" for _, e in sc.matches(j, "place")) \
        and not sc.matches(j, "org")


def _name_starts(sc: _Scan) -> list[int]:
    """Tokens where a person rule may start: a lexicon match, a word with something of a name
    (_WordInfo not idle), an abbreviated title, a compound given name's head, a word before بن.
    Most words start no name; the verdict for a word form alone is cached."""
    kb, toks, by_tok = sc.kb, sc.toks, sc.by_tok
    quiet = kb.quiet_words
    nasab = kb.nasab
    out = []
    last = len(toks) - 1
    for i, t in enumerate(toks):
        if i in by_tok or (i < last and toks[i + 1].norm in nasab):
            out.append(i)
            continue
        if not t.is_word:
            continue
        q = quiet.get(t.norm)
        if q is None:
            if len(quiet) > 200_000:
                quiet.clear()
            w = t.norm
            q = quiet[w] = sc.info(i).idle and w not in kb.abbrev_titles and not _heads(kb, w)
        if not q:
            out.append(i)
    return out


def _people(sc: _Scan) -> list[Cand]:
    kb, toks = sc.kb, sc.toks
    out: list[Cand] = []
    by_tok = sc.by_tok
    for i in _name_starts(sc):
        lexical = i in by_tok  # lexicon matches start at this token
        # person.title: TITLE [nisba] [باسم X | X] NAME
        for m, title_e in sc.matches(i, "title")[:1] if lexical else _NONE:
            j = sc.tok_end(m.vend)
            role_end = m.vend
            for _ in range(5):  # the title's complements: الروسي، باسم X، خارجية روسيا، للشؤون الخارجية
                t = sc.word(j)
                if t is None:
                    break
                known = sc.matches(j, "org") or sc.matches(j, "place")
                if known and not _given_not_place(sc, j):
                    role_end = known[0][0].vend
                    j = sc.tok_end(role_end)
                    continue
                # an ال-word as written (ألكسندر folds to الكسندر but has no article)
                raw = REMOVED.sub("", sc.doc.text[t.start:t.end])
                stems = [(st, norm(st)) for _, st in proclitic_splits(raw)]
                if (t.norm == "باسم" or kb.nisba_country(t.norm) or t.norm in kb.title_words
                        or any(st.startswith("ال") and not sc.is_stop(n) for st, n in stems)):
                    role_end = t.vend
                    j += 1
                    continue
                break
            first = sc.word(j)
            t0 = sc.tok_end(m.vend)
            if j == t0 and (m.key.startswith("ال") or title_e[1] == "relative"):
                c = _quoted_name(sc, j)
                if c is not None:  # الإمبراطور " هوانج تي "، زوجته " كوهر شاه "
                    c.role = sc.doc.text[slice(*sc.doc.span(m.vstart, m.vend))]
                    out.append(c)
                    continue
            if j == t0 + 1 and not m.prefix[-1:] == "ل" and m.key not in _AMBIGUOUS_TITLES and (first is None or not sc.name_like(j)) \
                    and _title_surname(sc, t0):
                # الرئيس السنيورة، الإمام الرضا: the one ال-word after a title is the name
                out.append(Cand("person", toks[t0].vstart, toks[t0].vend, 2, "person.title_surname",
                                role=sc.doc.text[slice(*sc.doc.span(m.vstart, m.vend))]))
                continue
            jc = j  # a genitive with ل may still end the title: لمقاطعة كييف، NAME،
            while jc < len(toks) and jc - j < 3 and sc.word(jc) is not None and (
                    toks[jc].norm[0] == "ل" and not toks[jc].norm.startswith("لل") or sc.matches(jc, "place")):
                jc += 1
            if jc < len(toks) and toks[jc].norm in ("،", ",") and jc > t0 and (first is None or jc > j):
                c = _comma_apposition(sc, jc)
                if c is not None:  # رئيس الإدارة العسكرية لمقاطعة كييف، ميكولا كالاشنيك، إن
                    c.role = sc.doc.text[slice(*sc.doc.span(m.vstart, role_end))]
                    out.append(c)
                    continue
                if first is None:
                    continue
            if first is None or first.norm.startswith("لل"):
                continue
            if first.norm[0] == "و" and not kb.known_name(first.norm):
                continue  # a coordinated word, not a name: قائد إيرلندا وخدعت
            if not kb.known_name(first.norm) and _verb_or_noun_shape(sc, j):
                continue  # نظيره الروسي | ستركز، المتحدث باسم الخارجية | ادعاء
            if _after_trigger(sc, m):
                continue  # حي النبي أنعام: a place named after a person
            k = _person_extent(sc, j)
            if k == j and _name_with_ya(sc, j):
                k = max(j, _person_extent(sc, j + 1, cont=True)) if sc.word(j + 1) is not None else j
                k = j if k == j + 1 else k  # الرئيس علي عبد الله صالح
                if k == j and j == t0 and first.norm == "علي" and m.key.startswith("ال") and _bare_ali(sc, j):
                    k = j + 1  # الإمام علي ورجاله (not الإمام علي الأرض: the preposition, written على)
            if k > j and not _agreeing(sc, j, k):
                role = sc.doc.text[slice(*sc.doc.span(m.vstart, role_end))]
                out.append(Cand("person", toks[j].vstart, toks[k - 1].vend, 3, "person.title", role=role,
                                role_span=(m.vstart, role_end)))
        # person.title: د. NAME (an abbreviated title)
        if toks[i].norm in kb.abbrev_titles and i + 2 < len(toks) and toks[i + 1].norm == "." \
                and not (i > 0 and sc.toks[i - 1].norm[-1:].isdigit()):
            k = _person_extent(sc, i + 2) if sc.word(i + 2) else i + 2
            if k > i + 2:
                out.append(Cand("person", toks[i + 2].vstart, toks[k - 1].vend, 3, "person.title",
                                role=sc.doc.text[toks[i].start:toks[i + 1].end]))
        # person.given: GIVEN NAME+
        t = sc.word(i)
        if t is None:
            continue
        for m, e in sc.matches(i, "famous")[:1] if lexical else _NONE:
            out.append(Cand("person", m.vstart, m.vend, 2, "person.known", key=norm(e[1])))
        inf = sc.info(i)
        nxt = sc.word(i + 1)
        head = _compound_head(sc, i)
        if head:
            # person.given with a compound given name (عبد الفتاح البرهان، عبد اللطيف الجواهري)
            k = _person_extent(sc, i + 2, cont=True)
            if k == i + 2 and sc.word(i + 2) is not None and toks[i + 2].norm in kb.regnal:
                k = i + 3  # عبد الله الثاني
            if k > i + 2:
                if not _place_there(sc, i, toks[k - 1].vend):
                    out.append(Cand("person", t.vend - len(head), toks[k - 1].vend, 2, "person.given"))
            else:  # a compound given name alone (وعزا عبد الله خسارة الفريق، مبارك وعبد الله)
                if not _place_there(sc, i, toks[i + 1].vend):
                    out.append(Cand("person", t.vend - len(head), toks[i + 1].vend, 1, "person.given"))
        if inf.idle and not (nxt is not None and nxt.norm in kb.nasab):
            continue
        stem = inf.given
        if stem:
            k = _person_extent(sc, i + 1, cont=True)
            nt = sc.word(i + 1)
            if k == i + 1 and nt is not None and nt.norm in kb.regnal and not (
                    sc.word(i + 2) and sc.toks[i + 2].norm == "عشر") and f"{stem} {nt.norm}" not in kb.hijri_months:
                k = i + 2  # محمد الخامس (not the month ربيع الأول)
            if k > i + 1:
                vs = t.vend - len(stem)
                if not _place_there(sc, i, toks[k - 1].vend):
                    out.append(Cand("person", vs, toks[k - 1].vend, 2, "person.given"))

        # person.shape: two or more unknown words that all look like names (كيني ميلر، ياكوبو إيغبيني)
        if inf.shaped and nxt is not None and sc.name_like(i) \
                and not (lexical and (sc.matches(i, "place") or sc.matches(i, "org"))) \
                and not (i > 0 and sc.matches(i - 1, "trigger")):
            k = _person_extent(sc, i + 1, cont=True)
            if k > i + 1 and all(kb.known_name(x.norm) or kb.shape(x.norm) >= kb.shape_pair
                                 for x in toks[i + 1:k]) and not any(sc.matches(x, "place") or sc.matches(x, "org")
                                                                    for x in range(i + 1, k)):
                if not _agreeing(sc, i, k) and _near(sc, i, k) >= kb.context_veto:
                    out.append(Cand("person", t.vend - len(inf.shaped), toks[k - 1].vend, 0, "person.shape"))
        # person.context: an unknown word between words that stand next to people in ANERcorp train
        if inf.cand and not (lexical and (sc.matches(i, "place") or sc.matches(i, "org") or sc.matches(i, "title")
                                          or sc.matches(i, "trigger") or sc.matches(i, "orghead"))) \
                and sc.name_like(i) \
                and not _verb_or_noun_shape(sc, i):
            k = _person_extent(sc, i + 1, cont=True)  # name-like words after it go with it (ماركو فان باستن)
            if k > i + 1 and _agreeing(sc, i, k):
                k = i + 1
            near = _near(sc, i, k)
            if near >= kb.context_min and near + _own_score(sc, i, k) >= kb.context_threshold \
                    and not (i > 1 and (sc.matches(i - 1, "trigger") or sc.matches(i - 2, "trigger"))) \
                    and not (0 < i and k < len(toks) and toks[i - 1].norm in _OPEN_QUOTES
                             and toks[k].norm in _CLOSE_QUOTES) \
                    and not any(toks[x].norm in kb.context_stop for x in range(i, k)):
                # not after a place trigger (بلدية سيدي عيسى), not a quoted name of a thing (الإعصار "دانيال"),
                # not an ordinal (ثاني هجوم)
                out.append(Cand("person", t.vend - len(inf.cand), toks[k - 1].vend, 0, "person.context"))
        # person.surname: a family name from the lexicons, alone
        st = inf.surname
        if st and not (st.startswith("ال") and (i > 0 and toks[i - 1].norm in kb.connectors
                                               or sc.word(i - 1) is not None and sc.al(i - 1))) \
                and not (st.endswith("ي") and st[:-1] in kb.common and _after_indefinite_noun(sc, i)) \
                and not (lexical and sc.matches(i, "dualtrigger")):  # في ولايتي X وY
            out.append(Cand("person", t.vend - len(st), t.vend, 0, "person.surname"))
        # person.nasab: KUNYA NAME (أبو حمزة المصري) or NAME بن NAME (شهاب بن طارق آل سعيد)
        if nxt is not None and not stem:
            stems_i = sc.stems(i)
            kunya = inf.kunya and (kb.known_name(nxt.norm) or nxt.norm in kb.connectors)
            # a kunya makes a name of any name-like word after it (أبو هريرة، أبو تراب)
            kunya_free = inf.kunya and not kunya and nxt.norm not in kb.common and sc.name_like(i + 1, loose=True) \
                and not any(sc.matches(x, kind) for x in (i, i + 1) for kind in ("place", "org")) \
                and not (i > 0 and sc.matches(i - 1, "trigger")) \
                and "ام" not in sc.stems(i)  # (أم is also "or": أم متزوج)
            kunya = kunya or kunya_free
            nasab = nxt.norm in kb.nasab and sc.name_like(i) and sc.name_like(i + 2, loose=True)
            if kunya or nasab:
                k = _person_extent(sc, i if kunya else i + 1)
                k = max(k, i + 2) if kunya_free else k
                if k > i + 1:
                    st = next(s for s in (*stems_i[1:], stems_i[0]) if s in kb.kunya) if kunya else t.norm
                    out.append(Cand("person", t.vend - len(st), toks[k - 1].vend, 2, "person.nasab"))
        # person.verb: a reporting verb, then its subject (وقال كينيون، وأضاف السقاف)
        if inf.reporting:
            c = _subject_name(sc, i + 1, "person.verb")
            if c:
                out.append(c)
        # person.nisba: a nationality, then a name (الإسباني رافايل نادال، والتشيكي توماس برديتش)
        if inf.nisba and _free_nisba(sc, i):
            j = i + 1
            nt = sc.word(j)
            if nt is not None and sc.al(j) and not kb.nisba_country(nt.norm) \
                    and not sc.matches(j, "title") and sc.word(j + 1) is not None:
                j += 1  # one adjective between: الأميركي المخضرم أندري أغاسي
            k = None if sc.matches(j, "title") else _nisba_name_end(sc, j)
            if k is not None:
                out.append(Cand("person", toks[j].vstart, toks[k - 1].vend, 1, "person.nisba"))
        # person.quoted: عن NAME قوله (ونقلت الصحيفة عن كينيون قوله)
        if t.norm == "عن":
            c = _subject_name(sc, i + 1, "person.quoted")
            if c and sc.word(sc.tok_end(c.vend)) and sc.toks[sc.tok_end(c.vend)].norm in kb.quote_after:
                out.append(c)
    return [c for c in out if not all(w in kb.connectors for w in norm(sc.doc.vtext[c.vstart:c.vend]).split())]


def _after_indefinite_noun(sc: _Scan, i: int) -> bool:
    """Token ``i`` follows an indefinite common noun, so a nisba of a common word there
    (رئيس + ي) is its adjective (بعنوان رئيسي، عامل رئيسي), not a surname: not after a verb,
    a particle, a title or an ال-word."""
    t = sc.word(i - 1) if i > 0 else None
    if t is None or sc.al(i - 1) or sc.kb.nisba_country(t.norm):
        return False
    stems = [st for _, st in _splits(t.norm)]
    return any(st in sc.kb.common and not sc.is_stop(st) and st not in sc.kb.title_words
               and not sc.kb.known_name(st) and not sc.info(i - 1).reporting for st in stems)


def _place_there(sc: _Scan, i: int, vend: int) -> bool:
    """The gazetteer has a country or a big city from token ``i`` to view offset ``vend``, or
    a place a trigger introduces: إسلام آباد، محافظة صلاح الدين are places, not people (a region
    needs its trigger: منبر صلاح الدين is Saladin's)."""
    for m, e in sc.matches(i, "place"):
        p = e[1]
        if m.vend == vend and (p.kind == "country" or p.kind == "city" and p.population >= sc.kb.min_population
                               or _preceded_by(sc, m, "trigger")):
            return True
    return False


def _near(sc: _Scan, i: int, k: int) -> float:
    """Log-odds that tokens ``i``..``k`` are a person, from the word before and the word after
    alone (rules/names/person_contexts.tsv)."""
    kb = sc.kb
    return (sc.info(i - 1).before if i > 0 else kb.context("<s>", "before")) \
        + (sc.info(k).after if k < len(sc.toks) else kb.context("</s>", "after"))


def _own_score(sc: _Scan, i: int, k: int) -> float:
    """person.context: the words' own evidence, mean over tokens ``i``..``k``: shape weight × name
    shape, plus the known-name bonus for a word a name lexicon lists."""
    kb, toks = sc.kb, sc.toks
    own = 0.0
    for x in range(i, k):
        inf = sc.info(x)
        if inf.cand:
            own += inf.cscore
        else:
            own += kb.context_shape_weight * kb.shape(toks[x].norm) + (
                kb.context_known_bonus if kb.known_name(toks[x].norm) else 0.0)
    return own / (k - i)


#: Inflection endings that a noun and its adjective share (فوزين كبيرين، مواقع عسكرية).
_AGREEMENT = ("ين", "ون", "ات", "ان", "ا", "ه")


def _agreeing(sc: _Scan, i: int, k: int) -> bool:
    """Tokens ``i``..``k`` (two or more, none a known name) share one inflection ending:
    a noun and its adjective (فوزين كبيرين), not a name."""
    if k - i < 2:
        return False
    toks, kb = sc.toks, sc.kb
    if any(kb.known_name(toks[x].norm) for x in range(i + 1, k)):
        return False
    ends = {next((e for e in _AGREEMENT if toks[x].norm.endswith(e)), None) for x in range(i, k)}
    return len(ends) == 1 and None not in ends


def _after_trigger(sc: _Scan, m: Match) -> bool:
    """A title right after a place trigger is part of a place name (حي النبي أنعام، منطقة سيدي عيسى)."""
    i = sc.tok_at(m.vstart)
    return not m.prefix and i > 0 and any(
        pm.vend <= m.vstart and sc.tok_end(pm.vend) == i and pm.key in _NAME_TRIGGERS
        for j in (i - 1, i - 2) for pm in sc.by_tok.get(j, []) if any(e[0] == "trigger" for e in pm.entries))


def _subject_name(sc: _Scan, j: int, rule: str) -> Cand | None:
    """A name starting at token ``j`` with no title before it (after a verb, after عن)."""
    kb = sc.kb
    t = sc.word(j)
    if t is None or sc.matches(j, "title") or sc.matches(j, "orghead") or sc.matches(j, "org"):
        return None
    w = t.norm
    if sc.al(j):
        nxt = sc.word(j + 1)
        if w in kb.family or (w.endswith("ي") and w not in kb.common and not kb.nisba_country(w)
                              and not sc.is_stop(w) and w not in kb.title_words and w not in kb.not_names
                              and not sc.matches(j, "place")
                              and not REMOVED.sub("", sc.doc.text[t.start:t.end]).endswith("ى")
                              and not (nxt is not None and kb.nisba_country(nxt.norm))):
            # (not النصارى, written with ى; not a noun and its nationality: الدبلوماسي الإسرائيلي)
            return Cand("person", t.vstart, t.vend, 1, rule)
        return None
    if not sc.name_like(j) or _strong_place(sc, j) or not kb.known_name(w) and (
            _verb_or_noun_shape(sc, j) or _participle_plural(w)):
        return None  # أعلن إسقاط، قال استهداف: a verbal noun, not the speaker; قال متمردون: a group
    k = _person_extent(sc, j)
    if k <= j:
        return None
    return Cand("person", t.vstart, sc.toks[k - 1].vend, 1, rule)


def _nisba_name_end(sc: _Scan, j: int) -> int | None:
    """End of the name at token ``j`` after a nationality (الإسباني رافايل نادال): two words, or a
    listed name; a first name ending in ه (السويسري روجيه فيدرر) needs a name-like word after it."""
    kb = sc.kb
    if sc.name_like(j):
        k = _person_extent(sc, j)
        return k if k - j >= 2 or any(kb.known_name(x.norm) for x in sc.toks[j:k]) else None
    if sc.name_like(j, loose=True) and sc.name_like(j + 1):
        k = _person_extent(sc, j + 1, cont=True)
        return k if k - j >= 2 else None
    return None


def _free_nisba(sc: _Scan, i: int) -> bool:
    """Token ``i`` is a definite nationality nisba that does not describe a noun before it."""
    t = sc.word(i)
    if t is None:
        return False
    kb = sc.kb
    for pre, st in proclitic_splits(t.norm):
        if pre in ("", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب") and st.startswith("ال") \
                and st.endswith(("ي", "يه")) and kb.nisba_country(st):
            break
    else:
        return False
    prev = sc.word(i - 1)
    if prev is None:
        return True
    if sc.matches(i - 1, "title") or sc.matches(i - 1, "orghead") or sc.matches(i - 1, "org"):
        return False
    return not any(st.startswith("ال") for _, st in proclitic_splits(prev.norm)) and not kb.nisba_country(prev.norm)


def _preceded_by(sc: _Scan, m: Match, kind: str) -> Match | None:
    """A ``kind`` match that ends right before ``m`` (one token gap at most: none)."""
    i = sc.tok_at(m.vstart)
    if m.prefix:
        return None
    for j in (i - 1, i - 2):
        for pm in sc.by_tok.get(j, []):
            if any(e[0] == kind for e in pm.entries) and sc.tok_end(pm.vend) == i:
                return pm
    return None


def _club_span(sc: _Scan, i: int, m: Match, p: Place) -> int | None:
    """org.club: a town or country named as a club — before a masculine nationality (ليون الفرنسي,
    قطر القطري: the town itself would take the feminine, ليون الفرنسية) or after مضيفه / ضيفه.
    A name-like uncommon word right before it is part of the club's name (إنتر ميلان الإيطالي).
    Returns the view start of the club's name, or None."""
    kb = sc.kb
    if m.prefix and m.prefix not in ("و", "ل") or " " in m.key:
        return None
    j = sc.tok_end(m.vend)
    nxt = sc.word(j)
    prev = sc.word(i - 1)
    club = prev is not None and not m.prefix and prev.norm in kb.club_before and p.kind != "country"
    if prev is not None and not m.prefix and any(st in kb.club_heads for _, st in _splits(prev.norm)):
        return prev.vend - len(next(st for _, st in _splits(prev.norm) if st in kb.club_heads))
    if not club and not (nxt is not None and sc.al(j) and nxt.norm.endswith("ي")
                         and kb.nisba_country(nxt.norm) is not None):
        return None
    if prev is not None and not m.prefix and not club and sc.name_like(i - 1) \
            and not sc.matches(i - 1, "famous") and prev.norm not in kb.given and prev.norm not in kb.common:
        return prev.vstart
    return m.vstart


def _places(sc: _Scan) -> list[Cand]:
    kb = sc.kb
    out: list[Cand] = []
    seen_tok: set[int] = set()
    weak: list[tuple[int, Match, Place]] = []  # small towns with no trigger or preposition before them
    for i, ms in sc.by_tok.items():
        for m in ms:
            places = [e[1] for e in m.entries if e[0] == "place"]
            if not places or any(e[0] == "trigger" for e in m.entries):
                continue  # a trigger word (مدينة، منطقة) is never the place itself
            p = max(places, key=lambda p: p.population)
            trig = _preceded_by(sc, m, "trigger")
            prev = sc.word(i - 1)
            prep = bool(m.prefix[-1:] in ("ب", "ل")) or (prev is not None and (
                prev.norm in kb.prepositions or prev.norm[:1] in ("و", "ف") and prev.norm[1:] in kb.prepositions))
            if m.key in kb.stoplist and not (trig and trig.key in _NAME_TRIGGERS):
                continue  # a common word after a direction stays one: وسط المدينة، شمال البلاد
            if " " not in m.key and any(e[0] == "orghead" and e[5] for e in m.entries):
                continue  # نادي، فريق head a team's name (نادي تشلسي), not the town of that name
            if m.prefix and " " not in m.key:
                whole = sc.toks[i].norm
                if whole in kb.common or whole in kb.not_names or sc.is_stop(whole):
                    continue  # كبيرا is no ك + بيرا, لجنة no ل + جنة
                if m.prefix[-1:] == "ك" and p.kind == "city":
                    continue  # كسرت (a verb) is no ك + سرت: "like" a town is rare, a verb in ك common
            if " " in m.key and m.key.split(" ", 1)[0] in kb.place_heads and any(
                    x[0] == "place" for mm in sc.by_tok.get(sc.tok_end(sc.toks[i].vstart + len(m.key.split(" ", 1)[0]) + len(m.prefix)), [])
                    if mm.vend == m.vend for x in mm.entries):
                continue  # قطاع غزة → غزة (with the trigger form as an alias)
            club = None if trig else _club_span(sc, i, m, p)
            if club is not None:
                out.append(Cand("org", club, m.vend, 2, "org.club"))
                continue
            strong = p.kind != "city" or p.population >= kb.min_population
            if not (strong or trig or prep):
                weak.append((i, m, p))
                continue
            out.append(Cand("place", m.vstart, m.vend, 2, "place.gazetteer", key=norm(p.name), place=p,
                            trigger=(trig.vstart, trig.vend) if trig else None, assimilated=m.assimilated))
            seen_tok.add(i)
        # place.trigger: TRIGGER + unknown name-like word
        for m, e in sc.matches(i, "trigger")[:1]:
            if m.key not in _NAME_TRIGGERS and not (m.key in _LOCATIVE_TRIGGERS and _locative(sc, i, m)):
                continue
            j = sc.tok_end(m.vend)
            t = sc.word(j)
            if t is None:
                continue
            k = _place_name_end(sc, j)
            nt = sc.word(j + 1)
            # a place named after a person or a clan: حي النبي أنعام، بلدية سيدي عيسى، قرية البو حياة
            named_after = nt is not None and not sc.is_stop(nt.norm) and not nt.norm[:1].isdigit() and (
                t.norm in sc.kb.name_prefixes or sc.name_like(j + 1, loose=True) and sc.matches(j, "title")
                and sc.tok_end(sc.matches(j, "title")[0][0].vend) == j + 1)
            if not named_after and k == j + 1 and j in sc.by_tok \
                    and any(x[0] == "place" for mm in sc.by_tok[j] for x in mm.entries):
                continue  # the gazetteer has it (a longer name after the trigger still wins: بلدة دير قانون النهر)
            if t.norm.isdigit() and len(t.norm) <= 2 and nt is not None and nt.norm in sc.kb.month_words:
                # a quarter named after a date (بحي 11 ديسمبر، حي 20 أوت): the date is its name
                out.append(Cand("place", t.vstart, nt.vend, 1, "place.trigger", trigger=(m.vstart, m.vend)))
            elif named_after:
                out.append(Cand("place", t.vstart, nt.vend, 1, "place.trigger", trigger=(m.vstart, m.vend)))
            elif (sc.name_like(j, allow_al=True, loose=True) or _name_in_alef(sc, j)) \
                    and not t.norm[:1].isdigit() and not _adjective_after(sc, m, j):
                out.append(Cand("place", t.vstart, sc.toks[k - 1].vend, 1, "place.trigger", trigger=(m.vstart, m.vend)))
        # place.dual: a dual trigger and two names (بلدتي يحمر الشقيف وأرنون، منطقتي X وY)
        if sc.matches(i, "dualtrigger"):
            out.extend(_dual_places(sc, i))
        # place.bracketed: a plural trigger and names in brackets (أربعة أودية (قطريني، جنان، اللحم))
        if sc.matches(i, "pluraltrigger"):
            out.extend(_bracketed_places(sc, i))
    out += _listed_places(sc, out, weak)
    # (a small town without context of its own may still be part of a hyphened name: طنجة-أصيلة)
    return out + _hyphened_places(sc, out + [Cand("place", m.vstart, m.vend, 0, "place.weak", place=p)
                                             for _, m, p in weak])


def _hyphened_places(sc: _Scan, places: list[Cand]) -> list[Cand]:
    """place.hyphen: places joined by a hyphen with no space name one unit (عمالة طنجة-أصيلة،
    جهة طنجة-تطوان-الحسيمة); the longer candidate wins the selection."""
    vtext = sc.doc.vtext
    ordered = sorted((c for c in places if c.type == "place"), key=lambda c: c.vstart)
    out: list[Cand] = []
    chain: list[Cand] = []
    for c in ordered:
        if chain and vtext[chain[-1].vend:c.vstart] == "-":
            chain.append(c)
            continue
        if len(chain) > 1:
            out.append(Cand("place", chain[0].vstart, chain[-1].vend, 2, "place.hyphen", place=chain[0].place))
        chain = [c]
    if len(chain) > 1:
        out.append(Cand("place", chain[0].vstart, chain[-1].vend, 2, "place.hyphen", place=chain[0].place))
    return out


def _name_in_alef(sc: _Scan, j: int) -> bool:
    """After a place trigger, a word ending in alef without tanween is a town's name (بلدة حولا،
    يافا، صيدا), not the indefinite accusative it looks like (نموذجا is written نموذجاً or is common)."""
    t = sc.word(j)
    return t is not None and _accusative(sc.kb, t.norm) and t.norm not in sc.kb.common \
        and "\u064b" not in sc.doc.text[t.start:t.end]


def _listed_places(sc: _Scan, out: list[Cand], weak: list[tuple[int, Match, Place]]) -> list[Cand]:
    """place.list: a small town the gazetteer knows, with no trigger or preposition of its own,
    joined by و or a comma to a place found before or after it: a list of places
    (على صفد وحيفا والناصرة ونهاريا، طهران ومشهد)."""
    toks = sc.toks
    ends = {sc.tok_end(c.vend) - 1 for c in out if c.type == "place"}  # last token of each place
    starts = {sc.tok_at(c.vstart) for c in out if c.type == "place"}
    found: list[Cand] = []
    changed = True
    while changed and weak:
        changed = False
        for item in list(weak):
            i, m, p = item
            k = sc.tok_end(m.vend)  # the token after the town
            before = i - 1 if m.prefix.startswith("و") else (
                i - 2 if i > 1 and toks[i - 1].norm in ("،", ",") else None)
            after = k + 1 if k < len(toks) and toks[k].norm in ("،", ",") else (
                k if k < len(toks) and toks[k].norm.startswith("و") else None)
            if not (before in ends or after in starts):
                continue
            weak.remove(item)
            found.append(Cand("place", m.vstart, m.vend, 1, "place.list", key=norm(p.name), place=p,
                              assimilated=m.assimilated))
            ends.add(k - 1)
            starts.add(i)
            changed = True
    return found


def _adjective_after(sc: _Scan, m: Match, j: int) -> bool:
    """An indefinite feminine adjective agreeing with its trigger (منطقة سكنية، مدينة ساحلية):
    a description, not a name."""
    surface = REMOVED.sub("", sc.doc.text[sc.toks[j].start:sc.toks[j].end])
    return m.key.endswith("ه") and surface.endswith("ية") and not sc.al(j)


def _place_name_end(sc: _Scan, j: int, limit: int = 3) -> int:
    """Index after a place name of up to ``limit`` words starting at ``j`` (بلدة دير قانون النهر،
    قرية ود النورة): it stops at punctuation, a clitic-led word (بولاية، وأرنون), a function word,
    a trigger or a known place, and an adjective (الصناعية)."""
    k = j + 1
    if _strong_place(sc, j):
        return k  # منطقة بيلغورود | المتاخمة: a well-known place is complete
    while k < len(sc.toks) and k - j < limit:
        t = sc.word(k)
        kb = sc.kb
        if t is None or t.norm[:1] in "وفبلك" and not sc.al(k) or sc.is_stop(t.norm) \
                or t.norm in kb.prepositions or t.norm in kb.place_name_stop:
            break
        if sc.matches(k, "trigger") or sc.matches(k, "place") or sc.matches(k, "org") or sc.matches(k, "orghead"):
            break
        surface = sc.doc.text[t.start:t.end]
        if kb.nisba_country(t.norm) or t.norm.endswith(("يه", "يين", "يون")) or t.norm[:1].isdigit() \
                or "\u064b" in surface or len(t.norm) >= 4 and (t.norm[0] == "ي" or t.norm[:2] in ("ست", "نت")):
            break  # an adjective, a number, an indefinite noun or an imperfect verb ends the name
        if t.norm.startswith("الم") and surface.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
            break  # a participle describing the place: المتاخمة، المكتظة
        if len(t.norm) > 4 and t.norm.endswith(("هما", "هم", "ها")):
            break  # a verb with its object pronoun ends the name (شفشاون | جرفتهما)
        k += 1
    return k


def _dual_places(sc: _Scan, i: int) -> list[Cand]:
    """Two place names after a dual trigger, joined by و."""
    j = i + 1
    if not sc.word(j) or not sc.name_like(j, allow_al=True):
        return []
    k = _place_name_end(sc, j)
    second = sc.word(k)
    if second is None or not second.norm.startswith("و") or len(second.norm) < 4:
        return []
    first_c = Cand("place", sc.toks[j].vstart, sc.toks[k - 1].vend, 1, "place.dual")
    end = _place_name_end(sc, k)
    second_c = Cand("place", second.vstart + 1, sc.toks[end - 1].vend, 1, "place.dual")
    return [first_c, second_c]


def _bracketed_places(sc: _Scan, i: int) -> list[Cand]:
    """The names listed in brackets right after a plural trigger at token ``i``, separated by
    commas or و: each one or two words, no verb, particle or number among them."""
    toks = sc.toks
    j = i + 1
    if j >= len(toks):
        return []
    if toks[j].norm != "(":
        return _plural_list(sc, j)
    out: list[Cand] = []
    start = j + 1
    k = start
    while k < len(toks) and toks[k].norm != ")" and k - start < 25:
        k += 1
    if k >= len(toks) or toks[k].norm != ")":
        return []
    items: list[list[int]] = [[]]
    for x in range(start, k):
        if toks[x].norm in ("،", ","):
            items.append([])
        elif sc.word(x) is None:
            return []
        else:
            items[-1].append(x)
    if len(items) < 2 or any(not it or len(it) > 2 for it in items):
        return []
    for it in items:
        first = toks[it[0]]
        vstart = first.vstart + (1 if first.norm[0] == "و" and len(first.norm) > 3 and it is not items[0]
                                 and first.norm[1:] not in sc.kb.function_words else 0)
        if any(sc.is_stop(toks[x].norm) or toks[x].norm[:1].isdigit() for x in it):
            return []
        out.append(Cand("place", vstart, toks[it[-1]].vend, 1, "place.bracketed"))
    return out


def _plural_list(sc: _Scan, j: int) -> list[Cand]:
    """Names joined by و or commas right after a plural trigger, from token ``j`` (بلدات عيتا
    الشعب وكفرشوبا ومروحين): two or more items of one or two words, each name-like; all or none."""
    toks = sc.toks
    items: list[tuple[int, int, int]] = []  # (first token, last token, letters to skip: و)
    k = j
    while k < len(toks) and len(items) < 8:
        t = sc.word(k)
        if t is None:
            if toks[k].norm in ("،", ",") and items and sc.word(k + 1) is not None:
                k += 1
                continue
            break
        skip = 1 if items and t.norm[0] == "و" and len(t.norm) > 3 else 0
        if items and not skip and toks[k - 1].norm not in ("،", ","):
            break  # neither و nor a comma: the list is over
        stem = t.norm[skip:]
        if sc.is_stop(stem) or stem in sc.kb.common or stem[:1].isdigit() or not (
                sc.name_like(k, allow_al=True, loose=True) or sc.matches(k, "place")):
            return [] if items and skip else _items(sc, items)
        last = k
        nt = sc.word(k + 1)
        if nt is not None and sc.al(k + 1) and not sc.is_stop(nt.norm) and not sc.matches(k + 1, "trigger") \
                and not sc.kb.nisba_country(nt.norm) and not nt.norm.endswith(("يه", "يين", "يون")):
            last = k + 1  # عيتا الشعب (an ال-word, common or not, finishes the item's name)
        items.append((k, last, skip))
        k = last + 1
    return _items(sc, items)


def _items(sc: _Scan, items: list[tuple[int, int, int]]) -> list[Cand]:
    if len(items) < 2:
        return []
    return [Cand("place", sc.toks[a].vstart + skip, sc.toks[b].vend, 1, "place.bracketed") for a, b, skip in items]


_NAME_TRIGGERS = frozenset(norm(w) for w in (
    "منطقة", "مدينة", "مقاطعة", "محافظة", "إقليم", "ولاية", "بلدة", "قرية", "مخيم", "ضاحية", "جزيرة",
    "قضاء", "ناحية", "حي"))


#: Triggers that name a place only where the text puts something there (في بلدية سيدي عيسى،
#: في وادي بوحمادو); elsewhere بلدية is the council (أعلنت بلدية حيفا).
_LOCATIVE_TRIGGERS = frozenset(norm(w) for w in ("بلدية", "وادي"))


def _locative(sc: _Scan, i: int, m: Match) -> bool:
    """The trigger ``m`` at token ``i`` follows a locative preposition (في، ب، من ...)."""
    if m.prefix[-1:] == "ب":
        return True
    prev = sc.word(i - 1)
    return prev is not None and (prev.norm in sc.kb.prepositions
                                 or prev.norm[:1] in ("و", "ف") and prev.norm[1:] in sc.kb.prepositions)


def _orgs(sc: _Scan) -> list[Cand]:
    kb = sc.kb
    out: list[Cand] = []
    for i, ms in sc.by_tok.items():
        for m in ms:
            for e in m.entries:
                if e[0] == "org":
                    if _org_as_place(sc, i, m):
                        continue
                    if " " not in m.key and sc.is_stop(m.key):
                        continue  # a listed name that is also a listed verb: (و)أودى بحياة
                    out.append(Cand("org", m.vstart, m.vend, 3, "org.known", key=norm(e[1]),
                                    assimilated=m.assimilated))
                elif e[0] == "orghead":
                    if m.prefix.endswith("ب") and m.key in kb.led_by:
                        continue  # برئاسة الولايات المتحدة: chaired by, not a presidency
                    c = _quoted_org(sc, m, e)
                    out.append(c or _head_org(sc, m, e))
    for i, t in enumerate(sc.toks):
        # org.site: X نت is a news site (الجزيرة نت، المهرية نت)
        if t.norm == "نت" and i > 0 and sc.word(i - 1) and len(sc.toks[i - 1].norm) > 2 \
                and not sc.is_stop(sc.toks[i - 1].norm):
            out.append(Cand("org", sc.toks[i - 1].vstart, t.vend, 2, "org.site"))
    return [c for c in out if c is not None]


#: Nisbas of regions and peoples that are no country (الجزيرة العربية).
_REGION_NISBAS = frozenset(norm(w) for w in ("العربية", "العربي"))


def _org_as_place(sc: _Scan, i: int, m: Match) -> bool:
    """A one-word organization name that is also a place word, used as the place
    after a place trigger (ولاية الجزيرة) or before a nisba (الجزيرة العربية), or a month
    name after a date (أبريل / نيسان، 18 نيسان)."""
    if " " in m.key:
        return False
    kb = sc.kb
    j = sc.tok_end(m.vend)
    nxt = sc.word(j)
    if not m.prefix and _preceded_by(sc, m, "trigger") is not None:
        return True  # ولاية الجزيرة: after a place trigger the word names a place
    if m.key in kb.month_words:
        p = sc.toks[i - 1].norm if i > 0 else ""
        if p in ("/", "(", "-") or p[-1:].isdigit() or p in kb.month_words or (nxt is not None and (
                nxt.norm[:1].isdigit() or nxt.norm in kb.month_words)) or (
                j < len(sc.toks) and sc.toks[j].norm in ("/", ")")):
            return True
        return False
    if not any(e[0] == "place" for mm in sc.by_tok.get(i, []) if mm.vend == m.vend for e in mm.entries) \
            and m.key not in kb.stoplist:
        return False
    # a definite noun and its adjective (الجزيرة العربية), not a name and its nationality (نوكيا الفنلندية)
    return nxt is not None and sc.al(i) and sc.al(j) and (kb.nisba_country(nxt.norm) is not None
                                                         or nxt.norm in _REGION_NISBAS)


_OPEN_QUOTES = frozenset('"«“(\'')
_CLOSE_QUOTES = frozenset('"»”)\'')


def _quoted_org(sc: _Scan, m: Match, e: tuple) -> Cand | None:
    """A descriptor head and a quoted name: صحيفة "ديلي صباح"، وكالة ( أنكا )."""
    j = sc.tok_end(m.vend)
    if j >= len(sc.toks) or sc.toks[j].norm not in _OPEN_QUOTES:
        return None
    k = j + 1
    while k < len(sc.toks) and k - j <= 5 and sc.toks[k].is_word:
        k += 1
    if k == j + 1 or k >= len(sc.toks) or k - j > 5 or sc.toks[k].norm not in _CLOSE_QUOTES:
        return None
    return Cand("org", sc.toks[j + 1].vstart, sc.toks[k - 1].vend, 2, "org.quoted")


def _head_org(sc: _Scan, m: Match, e: tuple) -> Cand | None:
    """org.head: HEAD + complements (nisba, ال-noun, known name, genitive ل, construct noun)."""
    kb = sc.kb
    _, mx, generic, descriptor, name_only, team, needs_genitive = e
    anchored = False  # a genitive (لل، ل) or a known place or body is in the name
    j = sc.tok_end(m.vend)
    first_j = j
    proper = True  # every complement so far is a proper name (not an ال-noun, nisba or genitive)
    end = None
    named = False
    after_nisba = False
    key = None
    only_indef_nisba = None
    after_adjective = False  # the last complement was an ال-adjective in ي / ية
    for n in range(mx):
        t = sc.word(j)
        if t is None:
            break
        w = t.norm
        known = sc.matches(j, "org") or sc.matches(j, "place")
        if known and not known[0][0].prefix and not after_nisba:
            km, ke = known[0]
            if end is not None and _known_org_until(sc, m, first_j if descriptor or team else None, end):
                break  # a known body is complete: حزب الله | دورا (a town that is also a word)
            if ke[0] == "org" and sc.matches(j, "orghead"):
                break  # an organization of its own: سلاح | حزب الله، رئاسة | مجلس الأمن
            if ke[0] == "org" and key is None:
                key = norm(ke[1])
            end, named, only_indef_nisba = km.vend, True, False
            anchored = anchored or ke[0] == "org"  # (مركز المنيا is a district, not a body)
            j = sc.tok_end(end)
            continue
        if kb.nisba_country(w):
            if (descriptor or team) and named:
                break  # صحيفة فاينانشال تايمز البريطانية، نادي تشلسي الإنجليزي: the nisba describes it
            proper = False
            if only_indef_nisba is None:
                only_indef_nisba = not sc.al(j) and not m.key.startswith("ال")
            end = t.vend
            after_nisba = True
            j += 1
            continue
        if after_nisba and not w.startswith("لل"):
            break  # وزارة الخارجية التركية | الأنباء
        if end is not None and _known_org_until(sc, m, first_j if descriptor or team else None, end) and not (
                sc.al(j) and w.endswith(("ي", "يه")) and not kb.nisba_country(w) or w in kb.field_genitives):
            break  # a known body is complete: مجلس الأمن | المؤلف، حزب الله | للجنديين (مجلس الأمن الدولي goes on)
        if n > 0 and named and w.startswith("وال") and len(w) > 5 and not sc.is_stop(w[1:]) \
                and REMOVED.sub("", sc.doc.text[t.start:t.start + 4])[:3] == "وال" \
                and not kb.nisba_country(w[1:]) and not sc.matches(j, "place"):
            end, proper = t.vend, False  # إدارة الكوارث والطوارئ، الجماعة الإسلامية للدعوة والقتال
            after_adjective = True  # then only an adjective: وزارة الصحة والسكان | الدفع
            j += 1
            continue
        if (sc.al(j) and not sc.is_stop(w) and w not in kb.org_stop and len(w) > 3
                and not sc.matches(j, "trigger") and not sc.matches(j, "orghead")):
            if descriptor and not named and w in kb.common:
                break  # موقع الحادث، قناة الاتصال: a descriptor head before a common noun names nothing
            adjective = w.endswith(("ي", "يه"))
            if after_adjective and not adjective:
                break  # after a relational adjective only another one: ديوان البلاط السلطاني | الحداد
            end, named, only_indef_nisba, proper = t.vend, True, False, False
            after_adjective = adjective
            j += 1
            continue
        if (n > 0 and w.startswith("لل") and len(w) > 4 and not sc.is_stop("ا" + w[1:])
                and j + 1 < len(sc.toks)):
            end, named, only_indef_nisba, proper = t.vend, True, False, False  # genitive ل: وكالة مهر للأنباء، المكتب الإعلامي للرئاسة
            anchored, after_adjective = True, False
            j += 1
            continue
        tail = _genitive_tail(sc, j) if n > 0 and named and not after_nisba else None
        if tail is not None:
            end, only_indef_nisba, proper, anchored = sc.toks[tail - 1].vend, False, False, True
            j = tail  # الهيئة القومية لسكك حديد مصر، الاتحاد الدولي لكرة القدم
            break
        if ((n == 0 or descriptor and named) and not m.key.startswith("ال") and sc.name_like(j)
                and not w.endswith(("ي", "يه"))):  # indefinite adjective: قوات إقليمية
            end, named, only_indef_nisba = t.vend, True, False
            anchored = anchored or kb.known_name(w)  # a body named after a person: مركز كارتر
            j += 1
            continue  # a construct chain goes on: شركة توليد الكهرباء، وكالة أنباء لبنان
        break
    if end is None or not (named or not generic) or only_indef_nisba or _generic_body(sc, m, end) \
            or needs_genitive and (not anchored or _participle_first(sc, first_j)):
        # a definite head needs a genitive or a name, and an adjective, not a participle, first:
        # المركز الوطني للزلازل; not المركز الثاني، الشركة المشغلة للطاقة
        return None
    if key is None:  # the head begins a listed body: حزب الله اللبناني
        key = next((norm(ke[1]) for km, ke in sc.matches(sc.tok_at(m.vstart), "org")
                    if km.vstart == m.vstart and km.vend <= end), None)
    # An organization's own name in apposition: حركة المقاومة الإسلامية حماس
    nt = sc.word(j)
    if nt is not None:
        known = sc.matches(j, "org")
        if known and not known[0][0].prefix:
            end = known[0][0].vend
            key = key or norm(known[0][1][1])
    if descriptor or team or name_only and proper and not m.key.startswith("ال") and not m.prefix[-1:] == "ل" \
            and not sc.al(first_j):
        # صحيفة فاينانشال تايمز → فاينانشال تايمز; شركة توتال، حركة حماس → توتال، حماس
        first = sc.toks[first_j]  # (the head decides: صحيفة الخليج is a paper, not the Gulf)
        return Cand("org", first.vstart, end, 3, "org.head", key=key)
    return Cand("org", m.vstart, end, 2, "org.head", assimilated=m.assimilated, key=key)


def _participle_first(sc: _Scan, j: int) -> bool:
    """Token ``j`` is a definite participle (المشغلة، المسؤول), which describes a body rather
    than names it: ال + م, not a relational adjective in ي."""
    t = sc.word(j)
    return t is not None and t.norm.startswith("الم") and not t.norm.endswith(("ي", "يه"))


def _known_org_until(sc: _Scan, m: Match, first: int | None, end: int) -> bool:
    """A listed organization spans from the head match ``m``, or from the word after a descriptor
    head (token ``first``: نادي | الزمالك), to the view offset ``end``."""
    starts = [sc.tok_at(m.vstart)] + ([first] if first is not None else [])
    return any(km.vend == end and km.vstart in (m.vstart, sc.toks[i].vstart)
               for i in starts for km, _ in sc.matches(i, "org"))


def _genitive_tail(sc: _Scan, j: int) -> int | None:
    """An indefinite genitive with ل that ends an organization's name: ل + noun, then nouns in
    construct, up to an ال-noun or a place (لسكك حديد مصر، لكرة القدم، لعلوم البحار). Returns
    the token after it, or None. Not ل + a verbal noun of purpose (لتعزيز), a pronoun suffix, a
    body, title or place of its own (لوكالة الأنباء)."""
    kb = sc.kb
    t = sc.word(j)
    if t is None or not t.norm.startswith("ل") or t.norm.startswith("لل") or len(t.norm) < 4:
        return None
    stem = t.norm[1:]
    if (sc.is_stop(stem) or stem in kb.title_words or stem.endswith(("ه", "ها", "هم")) or stem[0] == "ت"
            or sc.matches(j, "orghead") or sc.matches(j, "org") or sc.matches(j, "place") or sc.matches(j, "title")
            or _verb_or_noun_shape(sc, j)):
        return None
    for k in range(j + 1, j + 4):
        nt = sc.word(k)
        if nt is None or sc.is_stop(nt.norm) or kb.nisba_country(nt.norm):
            return None
        if sc.al(k) or sc.matches(k, "place"):
            return k + 1
        if nt.norm.endswith(("ه", "ها", "هم")) or nt.norm[0] == "و" or _verb_or_noun_shape(sc, k):
            return None
    return None


#: Words that open a byline line before the outlet's name (كتب : مصراوي، المصدر: رويترز).
_BYLINE_LEADS = frozenset(norm(w) for w in ("كتب", "المصدر", "المصادر", "بقلم", "عن"))
#: Dashes and slashes between a dateline's city and the agency (بغداد – واع، إزمير/ الأناضول).
_DATELINE_SEPS = frozenset(("-", "–", "—", "/", "،", ","))


def _byline_orgs(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """org.byline: the outlet a byline or a dateline names (GUIDE: news outlets in bylines).
    A line near the top (after the headline) or at the end that holds only an outlet's name,
    after كتب : or المصدر: too (عربي بوست، كتب : مصراوي، سيريانيوز), and the agency after a
    dateline's city (بغداد – واع، مقديشو – صونا): one to three words, none a common word or a
    person's name, no digits."""
    kb, toks, text = sc.kb, sc.toks, sc.doc.text
    out: list[Cand] = []
    spans = _edge_lines(text)
    if not spans:
        return out
    starts = [t.start for t in toks]
    taken = {x for c in chosen for x in range(sc.tok_at(c.vstart), sc.tok_end(c.vend))}
    for n, (a, b) in enumerate(spans):
        line = [i for i in range(bisect_right(starts, a - 1), bisect_right(starts, b - 1)) if toks[i].index >= 0]
        if n < 3 and a < len(text) // 2:
            out.extend(_agency_tags(sc, line, a, taken, chosen))
        if not line or len(line) > 6:
            continue
        words = [i for i in line if toks[i].is_word]
        marks = [i for i in line if not toks[i].is_word]
        if words and toks[words[0]].norm in _BYLINE_LEADS:
            words = words[1:]  # كتب : مصراوي
        elif words and words[0] in taken and any(c.type == "place" and sc.tok_at(c.vstart) == words[0]
                                                  for c in chosen) and marks \
                and toks[marks[0]].norm in _DATELINE_SEPS and marks[0] < line[-1]:
            words = [i for i in words if i > marks[0]]  # بغداد – واع: the agency after the city
        if not 1 <= len(words) <= 3 or any(i in taken for i in words) or words != list(range(words[0], words[-1] + 1)):
            continue
        ws = [toks[i].norm for i in words]
        if any(len(w) < 2 or w[:1].isdigit() or sc.is_stop(w) or kb.known_name(w) or w in kb.month_words
               for w in ws) or sum(map(len, ws)) < 4 \
                or all(w in kb.common for w in ws) or any(sc.matches(i, "place") or sc.matches(i, "title")
                                                          or sc.matches(i, "trigger") for i in words):
            continue
        if text[toks[words[-1]].end:toks[words[-1]].end + 1] == ".":
            continue  # a sentence, not a byline
        out.append(Cand("org", toks[words[0]].vstart, toks[words[-1]].vend, 1, "org.byline"))
    return out


def _agency_tags(sc: _Scan, line: list[int], start: int, taken: set[int], chosen: list[Cand]) -> list[Cand]:
    """The agency's tag in a dateline, in brackets or slashes near the line's start:
    "بنغازي 23 نوفمبر 2025 (وال) –", "الدوحة في 28 أكتوبر 2024 /قنا/"."""
    toks, out = sc.toks, []
    for x, i in enumerate(line):
        close = {"(": ")", "/": "/"}.get(toks[i].norm)
        if close is None or toks[i].start - start > 90:
            continue
        words = []
        for k in line[x + 1:x + 5]:
            if toks[k].norm == close:
                break
            words.append(k)
        else:
            continue
        if not 1 <= len(words) <= 3 or any(not toks[k].is_word or toks[k].norm[:1].isdigit() or sc.is_stop(toks[k].norm)
                                           or k in taken for k in words):
            continue
        # right after a body's name, the bracket gives that body's other name: الدفاع المدني (الخوذ البيضاء)
        before = [c for c in chosen if c.type == "org" and sc.tok_end(c.vend) == i]
        key = None
        if before:
            b = before[0]
            key = b.key or skeleton(sc.doc.text[slice(*sc.doc.span(b.vstart, b.vend))])
        out.append(Cand("org", toks[words[0]].vstart, toks[words[-1]].vend, 1, "org.byline", key=key))
    return out


def _edge_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines a byline may be: the three after the headline and the
    last three (the text's own line breaks); none for a one-line text."""
    if "\n" not in text:
        return []
    bounds, pos = [], 0
    while pos <= len(text):  # (a cheap walk: only the lines are collected, not the words)
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            bounds.append((pos, end))
        pos = end + 1
    if len(bounds) < 2:
        return []
    return sorted(set(bounds[1:4] + bounds[-3:]))


def _outside_titles(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """Bodies named only inside a person's title are not organizations (GUIDE): رئيس مجلس
    النواب نبيه بري, وزير الدولة بوزارة الخارجية -- well-known bodies too, inside the title span.
    A body after باسم is named as such (المتحدث باسم الكرملين)."""
    spans = [c.role_span for c in chosen if c.role_span]
    def in_title(c: Cand) -> bool:
        i = sc.tok_at(c.vstart)
        return any(s <= c.vstart and c.vend <= e for s, e in spans) and not (
            _listed(c) and (i > 0 and sc.toks[i - 1].norm == "باسم" or _own_name(sc, c)))

    return [c for c in chosen if not (c.rule in ("org.head", "org.known") and in_title(c)
                                      or c.rule == "org.head" and _after_title(sc, c.vstart)
                                      and not (_listed(c) and _own_name(sc, c)))]


def _listed(c: Cand) -> bool:
    """An organization candidate that is, or holds, a listed body (الأمم المتحدة، حزب الله اللبناني)."""
    return c.rule == "org.known" or c.rule == "org.head" and c.key is not None


def _own_name(sc: _Scan, c: Cand) -> bool:
    """A listed body named on its own inside a title, after the preposition ل or ب
    (الأمين العام للأمم المتحدة، لحزب الله), not the title's field in construct (رئيس مجلس
    النواب، وزيرة الخارجية الأميركية: GUIDE, bodies only inside a title)."""
    t = sc.toks[sc.tok_at(c.vstart)]
    return c.assimilated or c.vstart > t.vstart and sc.doc.vtext[c.vstart - 1] in ("ل", "ب")


def _outside_facilities(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """A person named right after a facility word names the facility, not a person in the
    news (مستشفى نبيه بري الحكومي، مطار رفيق الحريري الدولي, GUIDE: facilities are neither)."""
    heads = sc.kb.facility_heads

    def named_facility(c: Cand) -> bool:
        i = sc.tok_at(c.vstart)
        return i > 0 and sc.toks[i].vstart == c.vstart and any(
            st in heads for _, st in _splits(sc.toks[i - 1].norm))

    return [c for c in chosen if not (c.type == "person" and named_facility(c))]


def _after_title(sc: _Scan, vstart: int) -> bool:
    """A title word (رئيس، وزير) ends right before view position ``vstart`` (its clitic
    aside: بوزارة). A body named after باسم (المتحدث باسم وزارة الخارجية) is named as such."""
    i = sc.tok_at(vstart)
    for j in (i - 1, i - 2):
        for m, _ in sc.matches(j, "title") if j >= 0 else ():
            if sc.tok_end(m.vend) == i and not m.key.endswith("باسم"):
                return True
    return False


def _generic_body(sc: _Scan, m: Match, end: int) -> bool:
    """A generic body (الدفاعات الجوية الأوكرانية, للقوات المسلحة) rather than a named organization."""
    words = norm(sc.doc.vtext[m.vstart:end]).split()
    if m.assimilated:
        words[0] = "ا" + words[0]
    while len(words) > 1 and sc.kb.nisba_country(words[-1]):
        words.pop()
    return " ".join(words) in sc.kb.not_orgs


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest, then most trusted, non-overlapping candidates."""
    cands.sort(key=lambda c: (-(c.vend - c.vstart), -c.prio, c.vstart))
    size = max((c.vend for c in cands), default=0)
    taken = bytearray(size)  # one flag per view position: linear, not quadratic
    out = []
    for c in cands:
        if any(taken[c.vstart:c.vend]):
            continue
        taken[c.vstart:c.vend] = b"\x01" * (c.vend - c.vstart)
        out.append(c)
    out.sort(key=lambda c: c.vstart)
    return out


@lru_cache(maxsize=1 << 16)
def _skeleton_word(word: str) -> str:
    return skeleton(word)


def skeleton(name: str) -> str:
    """Spelling-variant key: normalized, long vowels dropped inside words (دميتري ~ ديميتري)."""
    return " ".join(w[0] + w[1:].translate(_LONG_VOWELS) for w in norm(name).split() if w)


def _group(doc: Document, sc: _Scan, chosen: list[Cand]) -> list[Entity]:
    ents: dict[tuple[str, str], Entity] = {}
    order: list[Entity] = []
    people_keys: list[tuple[list[str], Entity]] = []

    def surface(c: Cand) -> str:
        s, e = doc.span(c.vstart, c.vend)
        return doc.text[s:e]

    # People first, fullest names first, so short forms join them.
    persons = sorted((c for c in chosen if c.type == "person"), key=lambda c: -(c.vend - c.vstart))
    for c in persons:
        sk = skeleton(surface(c)).split()
        target = None
        for toks, ent in people_keys:
            if sk == toks or (len(sk) < len(toks) and _sub(sk, toks)):
                target = ent
                break
        if target is None:
            target = Entity("person", " ".join(sk))
            people_keys.append((sk, target))
            order.append(target)
        target.mentions.append(doc.span(c.vstart, c.vend))
        target.role = target.role or c.role
    for c in chosen:
        if c.type == "person":
            continue
        key = c.key or skeleton(surface(c))
        k = (c.type, key)
        ent = ents.get(k)
        if ent is None:
            ent = ents[k] = Entity(c.type, key, place=c.place)
            order.append(ent)
        ent.mentions.append(doc.span(c.vstart, c.vend))
        if c.assimilated:
            ent.hidden.add(ent.mentions[-1])
        if c.trigger:
            ts = doc.span(c.trigger[0], c.vend)
            ent.trigger_forms.append(doc.text[ts[0]:ts[1]])
    order = _merge_org_prefixes(doc, order)
    order = _merge_anaphors(sc.kb, order)
    for e in order:
        e.mentions.sort()
    order.sort(key=lambda e: e.mentions[0])
    return order


def _merge_org_prefixes(doc: Document, order: list[Entity]) -> list[Entity]:
    """A short organization name that starts exactly one longer one in the document is
    that organization (وزارة الخارجية → وزارة الخارجية الإيرانية, قوات النظام → قوات النظام السوري)."""
    orgs = [e for e in order if e.type == "org"]
    if len(orgs) < 2:
        return order
    forms = {id(e): [skeleton(doc.text[s:t]).split() for s, t in e.mentions if (s, t) not in e.hidden] for e in orgs}
    merged: set[int] = set()
    for a in sorted(orgs, key=lambda e: max((len(f) for f in forms[id(e)]), default=0)):
        fa = max(forms[id(a)], key=len, default=[])
        if len(fa) < 2:
            continue
        hosts = [b for b in orgs if b is not a and id(b) not in merged
                 and any(len(fb) > len(fa) and fb[:len(fa)] == fa for fb in forms[id(b)])]
        if len(hosts) == 1:
            b = hosts[0]
            b.mentions.extend(a.mentions)
            b.hidden |= a.hidden
            merged.add(id(a))
    return [e for e in order if id(e) not in merged]


def _merge_anaphors(kb: Knowledge, order: list[Entity]) -> list[Entity]:
    """A description of a listed body (المنظمة الدولية) joins that body when the text names it."""
    if not kb.org_anaphors:
        return order
    by_key = {e.key: e for e in order if e.type == "org"}
    merged: set[int] = set()
    for e in order:
        target = by_key.get(kb.org_anaphors.get(e.key, ""))
        if e.type == "org" and target is not None and target is not e:
            target.mentions.extend(e.mentions)
            target.hidden |= e.hidden
            target.described.update(e.mentions)
            merged.add(id(e))
    return [e for e in order if id(e) not in merged]


def _sub(short: list[str], long: list[str]) -> bool:
    """``short`` is the surname, first name or a tail of ``long``."""
    n = len(short)
    return long[-n:] == short or long[:n] == short


@lru_cache(maxsize=256)
def _skeleton_pattern(skeletons: tuple[str, ...]) -> re.Pattern:
    """Words whose letters read as one of ``skeletons`` with long vowels (ا و ي) put back
    anywhere after the first letter: بتن finds بوتين، وبوتن."""
    alts = ("".join(re.escape(c) + "[اوي]*" for c in sk) for sk in skeletons)
    return re.compile("|".join(sorted(alts, key=len, reverse=True)))


def _alias_mentions(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """Standalone surnames of people named in full elsewhere in the document."""
    doc = sc.doc
    taken = bytearray(len(doc.vtext) + 1)
    for c in chosen:
        taken[c.vstart:c.vend] = b"\x01" * (c.vend - c.vstart)
    surnames: dict[str, int] = {}
    for c in chosen:
        if c.type == "person":
            words = norm(doc.vtext[c.vstart:c.vend]).split()
            if len(words) >= 2 and len(words[-1]) >= 3 and not words[-1].startswith("ال"):
                surnames[skeleton(words[-1])] = 1
    if not surnames:
        return []
    out = []
    # Only words where a surname's skeleton can be read (one regex pass over the document).
    hits = sorted({sc.tok_at(m.start()) for m in _skeleton_pattern(tuple(sorted(surnames))).finditer(doc.scan)})
    for ti in hits:
        t = sc.toks[ti]
        if not t.is_word:
            continue
        for pre, stem in _splits(t.norm):
            if _skeleton_word(stem) in surnames:
                vs = t.vend - len(stem)
                if not any(taken[vs:t.vend]) and _near(sc, ti, ti + 1) >= sc.kb.context_veto:
                    out.append(Cand("person", vs, t.vend, 1, "person.alias"))
                break
    return out


def _place_mentions(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """place.alias: a one-word place the document has named as a place (after a trigger, in a
    list, with a preposition) is that place wherever else the word stands, with its clitics
    (مدينة بابنوسة … في بابنوسة): not a common or stop-listed word."""
    kb, vtext = sc.kb, sc.doc.vtext
    forms: dict[str, Cand] = {}
    for c in chosen:
        if c.type == "place":
            w = vtext[c.vstart:c.vend]  # (the view is normalized already)
            if w not in forms and " " not in w and len(w) >= 4 and w not in kb.common and w not in kb.stoplist \
                    and not sc.is_stop(w) and not kb.known_name(w):
                forms[w] = c
    if not forms:
        return []
    scan = sc.doc.scan  # the view, non-word characters as spaces: str.find runs in C
    ends: set[int] = set()
    for form in forms:
        pos = scan.find(form + " ")
        while pos >= 0:
            ends.add(pos + len(form))  # a word ending in the form; the token decides the clitics
            pos = scan.find(form + " ", pos + 1)
    if len(ends) <= 1:
        return []  # the one mention found already
    taken = bytearray(len(vtext) + 1)
    for c in chosen:
        taken[c.vstart:c.vend] = b"\x01" * (c.vend - c.vstart)
    out = []
    for end in sorted(ends):
        t = sc.toks[sc.tok_at(end - 1)]
        if not t.is_word or t.vend != end:
            continue
        for _, stem in _splits(t.norm):
            c = forms.get(stem)
            if c is not None:
                vs = t.vend - len(stem)
                if not any(taken[vs:t.vend]):
                    out.append(Cand("place", vs, t.vend, 1, "place.alias", key=c.key, place=c.place))
                break
    return out


#: Tokens that close an item of a list of names (ومحمد مرسى ، ويحيى شاهين ونور الشريف).
_LIST_BREAKS = frozenset(("،", ",", "(", ")", ".", "؛", ":", "\n"))


def _coordinated(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """person.list: a name joined by و to a person right before it, in a list of names
    (محمود مرسى ويحيى شاهين ونور الشريف، بوتين ولوكاشينكو). The item must end where a list
    item ends (a comma, the next و-word, the end) and each word must look like a name part."""
    toks = sc.toks
    taken = bytearray(len(sc.doc.vtext) + 1)
    for c in chosen:
        taken[c.vstart:c.vend] = b"\x01" * (c.vend - c.vstart)
    out: list[Cand] = []
    todo = [sc.tok_end(c.vend) for c in chosen if c.type == "person"]
    while todo:
        i = todo.pop()
        j = i + 1 if i < len(toks) and toks[i].norm in ("،", ",") else i
        c = _list_item(sc, j) if sc.word(j) is not None else None
        if c is None or any(taken[c.vstart:c.vend]):
            continue
        taken[c.vstart:c.vend] = b"\x01" * (c.vend - c.vstart)
        out.append(c)
        todo.append(sc.tok_end(c.vend))
    return out


def _list_head(sc: _Scan, j: int) -> bool:
    """Token ``j`` is ``و`` + a word that may start a name (a listed name, or shaped like one)."""
    kb = sc.kb
    t = sc.word(j)
    if t is None or not t.norm.startswith("و") or len(t.norm) < 4 or t.norm in kb.connectors:
        return False
    stem = t.norm[1:]
    if (stem in kb.common or stem in kb.not_names or stem in kb.function_words or stem in kb.verbs
            or stem in kb.title_words or kb.nisba_country(stem) or stem.startswith("ال")
            or _strong_place(sc, j) or sc.matches(j, "org") or sc.matches(j, "title")):
        return False
    return kb.known_name(stem) or kb.shape(stem) >= kb.shape_extend


def _list_item(sc: _Scan, j: int) -> Cand | None:
    """The name written as ``وNAME`` at token ``j``, if it is a whole list item of name-like words."""
    toks = sc.toks
    if not _list_head(sc, j):
        return None
    k = _person_extent(sc, j + 1, cont=True) if sc.word(j + 1) and sc.name_like(j + 1) else j + 1
    if any(sc.matches(x, "place") or sc.matches(x, "org") for x in range(j + 1, k)):
        return None
    if not (k >= len(toks) or toks[k].norm in _LIST_BREAKS or toks[k].norm in sc.kb.list_end or _list_head(sc, k)):
        return None  # the words run on into the clause: a verb or noun joined by و, not a name
    return Cand("person", toks[j].vstart + 1, toks[k - 1].vend, 1, "person.list")


def _given_before(sc: _Scan, chosen: list[Cand]) -> list[Cand]:
    """person.given_before: a given name written bare (no clitic, not a function word as written)
    right before a chosen person of two or more words joins it (علي محمد الحمادي, أمين فارس لعلو)."""
    kb = sc.kb
    taken = {c.vend for c in chosen}
    out = []
    for c in chosen:
        if c.type == "person":
            i = sc.tok_at(c.vstart)
            t = sc.word(i - 1) if i > 0 else None
            if t is not None and t.norm in kb.given and t.vend not in taken and sc.toks[i].vstart == c.vstart \
                    and REMOVED.sub("", sc.doc.text[t.start:t.end]) not in kb.function_raw \
                    and (not sc.is_stop(t.norm) or _name_with_ya(sc, i - 1)) \
                    and " " in sc.doc.vtext[c.vstart:c.vend].strip():
                c = Cand("person", t.vstart, c.vend, c.prio, c.rule, key=c.key, role=c.role)
            elif t is not None and t.vend not in taken and sc.toks[i].vstart == c.vstart \
                    and sc.toks[i].norm[0] != "و" and " " in sc.doc.vtext[c.vstart:c.vend].strip() \
                    and _unknown_first_name(sc, i - 1):
                c = Cand("person", t.vstart, c.vend, c.prio, c.rule, key=c.key, role=c.role)
        out.append(c)
    return out


def _unknown_first_name(sc: _Scan, j: int) -> bool:
    """Token ``j``, an unknown bare word shaped like a name part (shape_pair), can open the
    name of two or more words after it (تيري | رود لارسن، خوسيه | لويس ثاباتيرو)."""
    kb, w = sc.kb, sc.toks[j].norm
    return (j not in sc.by_tok and w[0] != "و" and not sc.al(j) and w not in kb.common
            and w not in kb.connectors and w not in kb.kunya and not w.startswith("بن")
            and sc.name_like(j) and kb.shape(w) >= kb.shape_pair and not _verb_or_noun_shape(sc, j))


def find_entities(doc: Document, rules: RuleSet) -> dict[str, list[dict]]:
    """People, places and organizations of ``doc``, in the output contract's shape."""
    kb = knowledge(rules)
    sc = _Scan(doc, kb)
    chosen = _select(_people(sc) + _places(sc) + _orgs(sc))
    chosen = _outside_titles(sc, chosen)
    chosen = _outside_facilities(sc, chosen)
    chosen = _given_before(sc, chosen)
    chosen = _select(chosen + _coordinated(sc, chosen))
    chosen = _select(chosen + _alias_mentions(sc, chosen) + _place_mentions(sc, chosen))
    chosen = _select(chosen + _byline_orgs(sc, chosen))
    result: dict[str, list[dict]] = {"people": [], "places": [], "organizations": []}
    for ent in _group(doc, sc, chosen):
        forms: list[str] = []
        named: list[str] = []  # forms that name it, not describe it (المنظمة الدولية)
        for s, e in ent.mentions:
            f = doc.text[s:e]
            if (s, e) in ent.hidden:
                f = "ا" + f  # written لل: ل + ال, the name keeps its article
            if f not in forms:
                forms.append(f)
            if (s, e) not in ent.described:
                named.append(f)
        name = max(named or forms, key=lambda f: (len(norm(f).split()), len(f)))
        aliases = []
        seen = {norm(name)}
        for f in forms + ent.trigger_forms:
            if norm(f) not in seen:
                seen.add(norm(f))
                aliases.append(f)
        mentions = [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in ent.mentions]
        if ent.type == "person":
            result["people"].append({"name": name, "aliases": aliases, "role": ent.role, "mentions": mentions})
        elif ent.type == "place":
            p = ent.place
            result["places"].append({"name": name, "aliases": aliases, "kind": p.kind if p else None,
                                     "country": p.country if p else None, "lat": p.lat if p else None,
                                     "lon": p.lon if p else None, "mentions": mentions})
        else:
            result["organizations"].append({"name": name, "aliases": aliases, "mentions": mentions})
    return result
