"""Cardinal amounts in Arabic news text: digits, number words, vague amounts.

    >>> from newsfacts.rules import default_rules
    >>> [(m.text, m.value, m.qualifier) for m in find_numbers("قتل أكثر من 100 شخص", default_rules())]
    [('أكثر من 100', 100, 'more_than')]

The words and phrases live in ``rules/numbers.toml``. They are compiled once
per :class:`~newsfacts.rules.RuleSet` into one regular expression that runs
over the normalized view of the text (see :mod:`newsfacts.normalize`); each
match is a run of number tokens, with an optional qualifier phrase before it
and a percent sign or qualifier after it. A small parser then reads the run
as one or more numbers (``ثلاثة آلاف و880`` is 3880, ``3 و 5`` is two) and
the offsets are mapped back to the original text.

What is not a count is dropped: ordinals (الحادي عشر), clock times, dates
written with ``/ . -``, decimals without a multiplier, digit strings longer
than nine digits, model names (إف-16), and numbers whose context says they
are times or labels (الساعة 10، رقم 2231، الـ 20).
"""
from __future__ import annotations

import re
from itertools import compress

from . import recache
from .patterns import trie_regex
from dataclasses import dataclass
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover  (typing costs import time)
    from typing import Any

    from .rules import RuleSet

__all__ = ["NumberMention", "find_numbers", "parse_number", "dual_singulars"]


@dataclass(frozen=True)
class NumberMention:
    """An amount in the text; ``text == original[start:end]``.

    ``value`` is None for vague amounts (عشرات) and for decimal percentages.
    ``qualifier`` is one of more_than, at_least, about, up_to, less_than,
    percent, or a vague kind (tens, hundreds, thousands, tens_of_thousands,
    hundreds_of_thousands, millions, several), or None.
    """

    start: int
    end: int
    text: str
    value: int | None
    qualifier: str | None


# --------------------------------------------------------------------------
# Building the compiled structures from rules/numbers.toml

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_TO_ASCII = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                          "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                          "01234567890123456789")
_GROUP_SPACES = " \u00a0\u202f\u2009"
_HS = r"[^\S\n]"  # horizontal whitespace
_WORD_KINDS = ("units", "ten", "tens", "hundred", "hundreds", "scales", "fractions")
_KIND_CODE = {"units": "U", "ten": "X", "tens": "T", "hundred": "HW", "hundreds": "H",
              "scales": "S", "fractions": "F"}
_PLAIN_CL = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_ARTICLE_CL = ("ال", "وال", "فال", "بال", "وبال", "فبال", "لل", "ولل", "فلل")


# Plain classes rather than NamedTuple/dataclass: they cost nothing at import.

class _Word:
    """A number word: kind U (1-9) X (10) T (tens) HW (مئة) H (hundreds) S (multiplier) F (fraction)."""

    __slots__ = ("kind", "value", "form")

    def __init__(self, kind: str, value: float, form: str | None = None) -> None:
        self.kind, self.value, self.form = kind, value, form  # form: singular/plural/dual


class _Compiled:
    """Everything _build derives from numbers.toml."""

    main: re.Pattern  # the one pass over the view
    token: re.Pattern  # one number token, optionally after و
    gap: re.Pattern  # "على الأقل" one or two words after a number
    words: dict[str, _Word]
    teen_first: dict[str, int]
    vague: dict[str, str]
    q_before: dict[str, str]
    q_after: dict[str, str]
    strict: dict[str, frozenset[str]]
    skip_before: frozenset[str]
    skip_after: frozenset[str]
    one_of_after: frozenset[str]
    pct_before: frozenset[str]
    cl_len: dict[str, int]  # word form with clitics -> length of the clitics
    firsts: dict[str, Any] | None  # words the forms start with (see _firsts)
    guard_cache: dict[str, Any]  # word -> may an amount start on it (see _may_start)

    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)


def _norm(s: str) -> str:
    from .normalize import norm

    return norm(s)


def _as_str_list(tables: dict, name: str, key: str) -> list[str]:
    v = tables.get(name, {}).get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        from .rules import RuleError

        raise RuleError(f"numbers.toml: [{name}] {key} must be a list of strings")
    return v


def _check_examples(rules: "RuleSet") -> None:
    from .rules import checked_examples, require

    for rule in rules.toml("numbers.toml"):
        path, rid = rule.get("_file", "numbers.toml"), rule["id"]
        for ex, exp in checked_examples(rule, path):
            for e in exp:
                require(isinstance(e, dict) and isinstance(e.get("text"), str), path, rid,
                        "every expected amount needs a 'text' string")
                require(e["text"] in ex["text"], path, rid,
                        f"expected text {e['text']!r} is not in the example")
                require(isinstance(e.get("value", 0), int), path, rid, "'value' must be an integer")
                require(isinstance(e.get("qualifier", ""), str), path, rid, "'qualifier' must be a string")


def _build(rules: "RuleSet") -> _Compiled:
    from .rules import RuleError

    _check_examples(rules)
    t = rules.toml_tables("numbers.toml")

    words: dict[str, _Word] = {}
    for kind in _WORD_KINDS:
        for w, v in t.get(kind, {}).items():
            if kind == "scales":
                if not (isinstance(v, dict) and isinstance(v.get("value"), int)
                        and v.get("form") in ("singular", "plural", "dual")):
                    raise RuleError(f"numbers.toml: [scales] {w!r} needs value and form")
                words[_norm(w)] = _Word("S", v["value"], v["form"])
            else:
                if not isinstance(v, (int, float)):
                    raise RuleError(f"numbers.toml: [{kind}] {w!r} must be a number")
                words[_norm(w)] = _Word(_KIND_CODE[kind], v)
    teen_first = {_norm(w): int(v) for w, v in t.get("teen_first", {}).items()}
    ten_words = [w for w, x in words.items() if x.kind == "X"]
    ordinals = [_norm(w) for w in _as_str_list(t, "ordinal_teen_first", "words")]
    no_article = {_norm(w) for w in _as_str_list(t, "article", "never")}
    not_numbers = [_norm(w) for w in _as_str_list(t, "not_numbers", "words")]
    vague = {_norm(p): q for p, q in t.get("vague", {}).items()}
    q_before = {_norm(p): q for p, q in t.get("qualifiers_before", {}).items()}
    q_after = {_norm(p): q for p, q in t.get("qualifiers_after", {}).items()}
    strict: dict[str, set[str]] = {}
    for w, forms in t.get("strict_spelling", {}).items():
        from .normalize import REMOVED

        strict.setdefault(_norm(w), set()).update(REMOVED.sub("", f) for f in forms)
    for name, table in (("vague", vague), ("qualifiers_before", q_before),
                        ("qualifiers_after", q_after)):
        if not all(isinstance(q, str) and q for q in table.values()):
            raise RuleError(f"numbers.toml: [{name}] maps phrases to qualifier names (strings)")
    pct_after = [_norm(p) for p in _as_str_list(t, "percent", "after")]
    pct_before = frozenset(_norm(p) for p in _as_str_list(t, "percent", "before"))
    ctx = t.get("context", {})

    # Words that may carry the article ال and remain a count.
    article_ok = {w for w, x in words.items() if x.kind in ("U", "X")}
    article_ok |= set(teen_first)  # الاثني عشر
    article_ok |= {p.split(" ")[0] for p in vague}
    article_ok -= no_article
    excluded = set(not_numbers)

    # Every first word is spelled out with its clitics, so that the regex
    # dispatches on literal characters (Python's re is much faster so than
    # with optional prefixes); cl_len says how long the clitic part is.
    cl_len: dict[str, int] = {}

    starts: set[str] = set()  # the first three letters of every word form

    def with_clitics(phrases) -> list[str]:
        out = []
        for p in phrases:
            first = p.split(" ")[0]
            for cl in _PLAIN_CL + (_ARTICLE_CL if first in article_ok else ()):
                if cl + first in excluded:
                    continue
                out.append(cl + p)
                starts.add((cl + p)[:3])
                if len(cl) < cl_len.get(cl + first, 99):
                    cl_len[cl + first] = len(cl)
        return out

    D = _DIGIT
    digitrun = (f"(?>{D}{{1,3}}(?:[{_GROUP_SPACES}]{D}{{3}})+(?!{D})"
                f"|{D}+(?:[.,\u066b\u066c:/]{D}+)*)")
    digit_end = f"(?![0-9\u0660-\u0669\u06f0-\u06f9A-Za-z]|ر{D})"
    ten_re = trie_regex(ten_words)
    teen_forms, word_forms = with_clitics(teen_first), with_clitics(words)
    vague_forms, q_forms = with_clitics(vague), with_clitics(q_before)
    numtok = (f"(?:{digitrun}{digit_end}"
              f"|{trie_regex(list(teen_first))}{_HS}+{ten_re}(?!\\w)"
              f"|{trie_regex(list(words))}(?!\\w))")
    first_tok = (f"(?:[وف]?[بل]?{digitrun}{digit_end}"
                 f"|{trie_regex(teen_forms)}{_HS}+{ten_re}(?!\\w)"
                 f"|{trie_regex(word_forms)}(?!\\w))")
    numseq = f"{first_tok}(?:{_HS}+(?:و{_HS}*)?{numtok})*"
    pct_sym = [p for p in pct_after if not re.search(r"\w", p)]
    pct_word = [p for p in pct_after if re.search(r"\w", p)]
    pct = f"(?:{trie_regex(pct_sym)}|{trie_regex(pct_word)}(?!\\w))"
    qa = trie_regex(list(q_after))
    # ISO-like dates, and the old decimal notation 5ر1 (= 1.5): never counts.
    iso = (f"(?:{D}{{4}}-{D}{{1,2}}-{D}{{1,2}}|{D}{{1,2}}-{D}{{1,2}}-{D}{{4}}|{D}+ر{D}+)"
           f"(?!{D})")
    ords = [cl + o for o in ordinals for cl in _PLAIN_CL + _ARTICLE_CL]
    starts.update(o[:3] for o in ords)
    alternatives = (
        f"(?:{iso}"
        f"|{trie_regex(ords)}{_HS}+{ten_re}(?!\\w)"
        f"|(?P<v>{trie_regex(vague_forms)})(?!\\w)"
        f"|(?:(?P<q>{trie_regex(q_forms)})(?:\\s+|(?={D})))?(?P<n>{numseq})"
        f"(?P<pc>\\s*{pct})?(?:{_HS}+(?P<qa>{qa})(?!\\w))?)"
    )
    # The match starts on the non-word character before the amount (the view
    # gets a leading space): a pattern that begins with a character class lets
    # re skip through words in C, and the guard on the first letters rejects
    # most other word starts before the alternatives are tried.
    guard = f"(?={D}|[وفبل]{{1,2}}{D}|{trie_regex(sorted(starts))})"
    main = r"[^\w](?<![^\W\d_]-)" + guard + alternatives
    token = f"(?:(?P<c>و){_HS}*)?(?P<t>{numtok})"
    gap = f"{_HS}+(?:[^\\W\\d]+{_HS}+){{1,2}}(?P<qa>{qa})(?!\\w)"
    try:
        return _Compiled(
            main=recache.compile(main), token=recache.compile(token), gap=recache.compile(gap),
            words=words, teen_first=teen_first, vague=vague, q_before=q_before,
            q_after=q_after, strict={k: frozenset(v) for k, v in strict.items()},
            skip_before=frozenset(_norm(w) for w in ctx.get("skip_before", [])),
            skip_after=frozenset(_norm(w) for w in ctx.get("skip_after", [])),
            one_of_after=frozenset(_norm(w) for w in ctx.get("one_of_after", [])),
            pct_before=pct_before, cl_len=cl_len,
            firsts=_firsts([(teen_forms, ten_words), (word_forms, None), (vague_forms, None),
                            (q_forms, None), (ords, ten_words)]),
            guard_cache={},
        )
    except re.error as err:  # pragma: no cover - only with odd user rules
        raise RuleError(f"numbers.toml: cannot compile the number patterns: {err}") from None


def _firsts(forms: list[tuple[list[str], list[str] | None]]) -> dict[str, Any] | None:
    """The words an amount may start on (see :func:`_may_start`): word -> True if a form may
    start on it alone, else the words one of its forms goes on with (a prefix of the next
    word); None if a form's words are not whole words.

    ``forms``: (forms, None) for forms that are all of a match's first token, (forms, words)
    for forms that a word of ``words`` follows (أحد عشر)."""
    out: dict[str, Any] = {}
    for phrases, then in forms:
        for p in phrases:
            ws = p.split(" ")
            if not all(re.fullmatch(r"\w+", w) for w in ws):
                return None
            if len(ws) == 1 and then is None:
                out[ws[0]] = True
            elif out.get(ws[0]) is not True:
                nxt = out.setdefault(ws[0], set())
                nxt.update([ws[1]] if len(ws) > 1 else then)
    if not all(re.fullmatch(r"\w+", w) for v in out.values() if v is not True for w in v):
        return None
    return {w: True if v is True else tuple(sorted(v)) for w, v in out.items()}


def _compiled(rules: "RuleSet") -> _Compiled:
    return rules.compiled("numbers", _build)


# --------------------------------------------------------------------------
# Reading a run of tokens


class _Tok:
    """A token of a run: kind as _Word's, or D (digits), TEEN, "" (not a number)."""

    __slots__ = ("kind", "value", "dec", "form", "conj", "start", "end")

    def __init__(self, kind: str, value: float | None, dec: float | None, form: str | None,
                 conj: bool, start: int, end: int) -> None:
        self.kind = kind
        self.value = value  # D: integer reading (None if it has none)
        self.dec = dec  # D: decimal reading (2.5; 1.200 -> 1.2)
        self.form = form
        self.conj = conj  # preceded by و
        self.start, self.end = start, end  # view offsets


def _digits(s: str) -> tuple[int | None, float | None]:
    """Integer and decimal readings of a run of digits and separators."""
    if s.isdigit():  # also Eastern Arabic and Persian digits
        return (int(s), None) if len(s) <= 9 else (None, None)
    s = s.translate(_TO_ASCII)
    if ":" in s or "/" in s:
        return None, None  # clock time, date, fraction
    if any(c in _GROUP_SPACES for c in s):
        return int("".join(c for c in s if c.isdigit())), None
    groups = re.split(r"[.,\u066b\u066c]", s)
    if len(groups) == 1:
        return (int(s), None) if len(s) <= 9 else (None, None)
    seps = [c for c in s if c in ".,\u066b\u066c"]
    three = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if len(set(seps)) > 1:  # 1,200.5 or 1.200,5: the last one is the decimal point
        head = groups[:-1]
        if 1 <= len(head[0]) <= 3 and all(len(g) == 3 for g in head[1:]) and seps[-1] != seps[-2]:
            return None, float("".join(head) + "." + groups[-1])
        return None, None
    sep = seps[0]
    if sep == "\u066b":  # Arabic decimal separator
        return (None, float(".".join(groups))) if len(groups) == 2 else (None, None)
    if three:
        dec = float(".".join(groups)) if sep == "." and len(groups) == 2 else None
        return int("".join(groups)), dec
    if len(groups) == 2:
        return None, float(".".join(groups))
    return None, None  # 23.07.2024, 1,2,3


def _tokens(c: _Compiled, view: str, start: int, end: int) -> list[_Tok]:
    out = []
    for m in c.token.finditer(view, start, end):
        s, e = m.span("t")
        txt = m.group("t")
        conj = m.group("c") is not None
        ch = txt[0]
        if ch.isdigit():
            iv, dv = _digits(txt)
            out.append(_Tok("D" if (iv is not None or dv is not None) else "", iv, dv, None, conj, s, e))
            continue
        w = c.words.get(txt)
        if w is not None:
            out.append(_Tok(w.kind, w.value, None, w.form, conj, s, e))
            continue
        first = txt.split()[0]  # أحد عشر، اثنتا عشرة
        out.append(_Tok("TEEN", 10 + c.teen_first[first], None, None, conj, s, e))
    return out


def _sub_hundred(toks: list[_Tok], j: int) -> tuple[float | None, int]:
    n = len(toks)
    t = toks[j]
    if t.kind == "TEEN":
        return t.value, j + 1
    if t.kind == "U":
        if j + 1 < n and toks[j + 1].kind == "X" and not toks[j + 1].conj:
            return t.value + 10, j + 2  # ثلاثة عشر
        if j + 1 < n and toks[j + 1].kind == "T" and toks[j + 1].conj:
            return t.value + toks[j + 1].value, j + 2  # خمسة وعشرون
        return t.value, j + 1
    if t.kind in ("X", "T"):
        return t.value, j + 1
    return None, j


def _chunk(toks: list[_Tok], j: int) -> tuple[float | None, int, bool]:
    """A count below a multiplier starting at ``j``: (value, next index, is_decimal)."""
    n = len(toks)
    t = toks[j]
    scale_next = j + 1 < n and toks[j + 1].kind == "S" and not toks[j + 1].conj
    if t.kind == "D":
        if scale_next and t.dec is not None:
            return t.dec, j + 1, False
        if t.value is not None:
            return t.value, j + 1, False
        return (t.dec, j + 1, True) if t.dec is not None else (None, j, False)
    if t.kind == "F":
        return (t.value, j + 1, False) if scale_next else (None, j, False)
    h = None
    if t.kind == "U" and j + 1 < n and toks[j + 1].kind == "HW" and not toks[j + 1].conj:
        h, j = t.value * 100, j + 2  # ثلاث مئة
    elif t.kind in ("H", "HW"):
        h, j = t.value, j + 1
    if h is not None:
        if j < n and toks[j].conj and toks[j].kind in ("U", "X", "T", "TEEN"):
            sub, j2 = _sub_hundred(toks, j)
            if sub is not None:
                return h + sub, j2, False
        return h, j, False
    sub, j2 = _sub_hundred(toks, j)
    return sub, j2, False


def _number(toks: list[_Tok], i: int) -> tuple[float, int, bool] | None:
    """The longest number starting at token ``i``: (value, next index, is_decimal)."""
    n = len(toks)
    total: float = 0
    last_scale = float("inf")
    j = i
    consumed = False
    decimal = False
    while j < n:
        if j > i and not toks[j].conj:
            break  # groups are joined with و
        c, k, dec = _chunk(toks, j)
        if k < n and toks[k].kind == "S" and (c is None or not toks[k].conj) and not dec:
            s = toks[k]
            if s.form == "dual":
                if c is not None:
                    break
                g = 2 * s.value
            elif c is None:
                if s.form == "plural":
                    break  # آلاف alone is vague
                g = s.value
            else:
                g = c * s.value
            if s.value >= last_scale:
                break
            j = k + 1
            if (not consumed and j < n and toks[j].kind == "S" and not toks[j].conj
                    and toks[j].form != "dual" and toks[j].value > s.value):
                s = toks[j]  # ألف مليون = 10^9
                g *= s.value
                j += 1
            total += g
            last_scale = s.value
            consumed = True
            if j < n and toks[j].kind == "F" and toks[j].conj:  # مليون ونصف [مليون]
                total += toks[j].value * s.value
                j += 1
                if j < n and toks[j].kind == "S" and toks[j].value == s.value and not toks[j].conj:
                    j += 1
            continue
        if c is None or c >= last_scale or (dec and consumed):
            break
        total += c
        j = k
        consumed = True
        decimal = dec
        break
    if not consumed:
        return None
    return total, j, decimal


def _read(c: _Compiled, nz: Any, view: str, toks: list[_Tok]) -> list[tuple[int, int, float, bool]]:
    """The numbers in a run of tokens: (first token, end token, value, is_decimal)."""
    nums = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.kind or not _strict_ok(c, nz, view, t.start, t.end):
            i += 1
            continue
        r = _number(toks, i)
        if r is None:
            i += 1
            continue
        value, j, dec = r
        nums.append((i, j, value, dec))
        i = j
    return nums


# --------------------------------------------------------------------------
# Public API


_NEXT_WORD = re.compile(r"[ \t\u00a0]*(\w*)")


def _prev_word(view: str, pos: int) -> tuple[str, int]:
    """The word before the one at ``pos`` (whose clitics are skipped) and its start."""
    i = pos
    while i > 0 and view[i - 1].isalpha():
        i -= 1
    while i > 0 and view[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or view[i - 1].isspace():
        return "", i
    lo = max(0, i - 64)
    word = view[lo:i].rsplit(None, 1)[-1]  # the last run of non-blanks (a C scan)
    j = i - len(word)
    if j == lo:  # the run may go on before the part read
        while j > 0 and not view[j - 1].isspace():
            j -= 1
    return view[j:i], j


def _next_word(view: str, pos: int) -> str:
    return _NEXT_WORD.match(view, pos).group(1)


_LETTERS = re.compile(r"[^\W\d_]+")


def _past_clitic(c: _Compiled, view: str, pos: int, digits: bool = False) -> int:
    """``pos`` moved past the clitics of the word (or digits) that starts there."""
    w = _LETTERS.match(view, pos)
    if w is None:
        return pos
    if digits and w.end() < len(view) and view[w.end()].isdigit():
        return w.end()  # و260، بـ17
    return pos + c.cl_len.get(w.group(), 0)


def _strict_ok(c: _Compiled, nz: Any, view: str, s: int, e: int) -> bool:
    forms = c.strict.get(view[s:e])
    if forms is None:
        return True
    from .normalize import REMOVED

    os_, oe = nz.span(s - 1, e - 1)  # `view` has a leading space
    return REMOVED.sub("", nz.original[os_:oe]) in forms


_HAS_DIGIT = re.compile(_DIGIT)
_GUARD_CACHE_MAX = 200_000


def _may_start(c: _Compiled, w: str) -> Any:
    """May an amount start on the word ``w`` (a whole run of \\w)? Every form of the main
    pattern starts with digits (possibly after clitics or glued to a qualifier: the word has
    a digit) or with a whole word of ``c.firsts``. True, False, or the words that must begin
    the next word (أكثر → من)."""
    r = c.guard_cache.get(w)
    if r is None:
        r = True if _HAS_DIGIT.search(w) is not None else c.firsts.get(w, False)
        if len(c.guard_cache) < _GUARD_CACHE_MAX:
            c.guard_cache[w] = r
    return r


def _main_matches(c: _Compiled, view: str, tokens: Any):
    """``c.main.finditer(view)``, trying the pattern only before the words where an amount
    may start (see :func:`_may_start`).

    ``view`` is the view with a leading space; ``tokens`` the Document's tokens of the view.
    A match starts on the non-word character before a word, so the result is the same."""
    if tokens is None or c.firsts is None:
        yield from c.main.finditer(view)
        return
    match = c.main.match
    cache = c.guard_cache
    from .document import token_words

    norms, distinct = token_words(tokens)
    for w in distinct.difference(cache):
        _may_start(c, w)
    if len(cache) < _GUARD_CACHE_MAX:  # every word is in the cache (a full one takes no more)
        flags = list(map(cache.__getitem__, norms))
    else:
        flags = [_may_start(c, w) for w in norms]
    last = 0
    n = len(tokens)
    for i in compress(range(n), flags):
        ok = flags[i]
        if ok is not True and (i + 1 >= n or not norms[i + 1].startswith(ok)):
            continue
        p = tokens[i][3]  # the view's token start is the position before it in `view`
        if p >= last:
            m = match(view, p)
            if m is not None:
                last = m.end()
                yield m


def find_numbers(text: str, rules: "RuleSet | None" = None, *,
                 normalized: Any = None, tokens: Any = None) -> list[NumberMention]:
    """Every amount in ``text``, sorted, non-overlapping, offsets into ``text``.

    ``rules`` defaults to :func:`newsfacts.rules.default_rules`. ``normalized``
    may pass ``newsfacts.normalize.normalize(text)`` when the caller already
    has it, to save building it again; ``tokens`` then may pass the tokens of a
    :class:`~newsfacts.document.Document` whose view it is, so that only words
    where an amount may start are tried.
    """
    if rules is None:
        from .rules import default_rules

        rules = default_rules()
    c = _compiled(rules)
    if normalized is None:
        from .normalize import normalize

        normalized = normalize(text)
        tokens = None  # the tokens must be those of the view used here
    nz = normalized
    view = " " + nz.text  # the leading space lets a match start at 0 (see _build)
    # Spans below are in `view`, i.e. one more than in nz.text.
    found: list[tuple[int, int, float | None, str | None, int | None]] = []
    for m in _main_matches(c, view, tokens):
        if m.start("v") >= 0:
            vs, ve = m.span("v")
            vs = _past_clitic(c, view, vs)
            phrase = view[vs:ve]
            first_end = vs + len(phrase.split()[0])
            kind = c.vague.get(" ".join(phrase.split()))
            if kind and _strict_ok(c, nz, view, vs, first_end):
                found.append((vs, ve, None, kind, None))
            continue
        ns, ne = m.span("n")
        if ns < 0:
            continue  # an ordinal or a date: consumed, not an amount
        qs = m.start("q")
        if qs < 0 and view[ns:ne].isdigit():  # the common case: plain digits
            if ne - ns > 9:
                continue
            value = int(view[ns:ne])
            toks = [_Tok("D", value, None, None, False, ns, ne)]
            nums = [(0, 1, value, False)]
        else:
            if qs >= 0:
                qs = _past_clitic(c, view, qs)
            else:
                ns = _past_clitic(c, view, ns, digits=True)
            toks = _tokens(c, view, ns, ne)
            nums = _read(c, nz, view, toks)
        for i, j, value, dec in nums:
            s, e = toks[i].start, toks[j - 1].end
            qual = None
            gap_at = None
            first, last = i == 0, j == len(toks)
            if first and qs >= 0:
                qual = c.q_before.get(" ".join(view[qs:m.end("q")].split()))
                if qual:
                    s = qs
            if last and m.start("pc") >= 0:
                e = m.end("pc")
                qual = "percent"
            elif last and m.start("qa") >= 0:
                e = m.end("qa")
                qual = qual or c.q_after.get(" ".join(m.group("qa").split()))
            prev, prev_at = _prev_word(view, s)
            if prev in c.pct_before and (not found or found[-1][1] <= prev_at):
                s, qual = prev_at, "percent"
            if dec and qual != "percent":
                continue  # a decimal alone is not a count
            if toks[i].kind == "S" and s == toks[i].start and prev[-1:].isdigit():
                continue  # "خلق23 الف": the count is glued to the word before
            if qual != "percent":
                if prev in c.skip_before and s == toks[i].start:
                    continue
                nxt = _next_word(view, e)
                if nxt in c.skip_after and e == toks[j - 1].end:
                    continue
                if (j - i == 1 and toks[i].kind == "U" and value == 1
                        and nxt in c.one_of_after and e == toks[i].end):
                    continue  # واحد من: "one of"
            if qual is None and last:
                g = c.gap.match(view, e)
                if g:
                    qual = c.q_after.get(" ".join(g.group("qa").split()))
                    gap_at = g.start("qa")
            found.append((s, e, None if dec else round(value), qual, gap_at))
    out = []
    for k, (s, e, value, qual, gap_at) in enumerate(found):
        if gap_at is not None and k + 1 < len(found) and found[k + 1][0] < gap_at:
            qual = None  # the qualifier belongs to a later number
        os_, oe = nz.span(s - 1, e - 1)
        while oe < len(text) and text[oe] in _TRAILING_MARKS:
            oe += 1  # the case ending of the last word belongs to it
        out.append(NumberMention(os_, oe, text[os_:oe], value, qual))
    return out


def parse_number(s: str, rules: "RuleSet | None" = None) -> tuple[int | None, str | None] | None:
    """Read the whole of ``s`` as one amount: (value, qualifier), or None.

    A clitic on the first word is allowed (وأربعة -> (4, None)).
    """
    found = find_numbers(s, rules)
    if len(found) != 1:
        return None
    m = found[0]
    head, tail = _norm(s[:m.start]), _norm(s[m.end:])
    if tail or (head and head not in _CLITICS):
        return None
    return m.value, m.qualifier


_TRAILING_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل",
                      "فلل", "وب", "ول", "وك", "فب", "فل", "فك", "وبال", "فبال", "وكال"})
_PREFIXES = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
             "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "")
_DUAL_ENDINGS = ("ين", "ان", "ي", "ا")
_LIGHT_FOLD = str.maketrans({"ة": "ه", "ى": "ي", "أ": "ا", "إ": "ا", "آ": "ا"})


def dual_singulars(word: str) -> list[str]:
    """Candidate singulars (normalized) if ``word`` could be a dual noun.

    Over-generates on purpose: every clitic split and every dual ending is
    tried, and a stem in ت also yields its ة form (طائرتين -> طائره). The
    caller keeps the ones in its noun lexicon.
    """
    from .normalize import REMOVED

    full = _norm(word)
    # Also a lighter folding that keeps hamza carriers (طائره beside طايره),
    # for lexicons normalized less aggressively than the view.
    light = " ".join(REMOVED.sub("", word).translate(_LIGHT_FOLD).split())
    out: list[str] = []
    for w in (full, light):
        if " " in w or not w:
            continue
        for p in _PREFIXES:
            if not w.startswith(p):
                continue
            rest = w[len(p):]
            for end in _DUAL_ENDINGS:
                if not rest.endswith(end):
                    continue
                stem = rest[: -len(end)]
                if len(stem) < 2:
                    continue
                cands = [stem[:-1] + "ه", stem] if stem.endswith("ت") else [stem]
                for cand in cands:
                    if cand not in out:
                        out.append(cand)
    return out
