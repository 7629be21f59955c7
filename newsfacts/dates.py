"""Dates: find date expressions in Arabic news text and resolve them to ISO values.

The knowledge lives in ``rules/dates.toml``: month names of every tradition
(Egyptian/Gulf, Levantine/Iraqi, Maghrebi, Moroccan, English, Hijri), weekday
names, relative words, context words, and the ``[[rule]]`` patterns. The
patterns are written over the normalized view of the text with placeholders
(``{MONTH}``, ``{DAY}``, ``{YEAR}`` ...) that this module expands from the
tables; each rule compiles to a regular expression, once per rule set. One pass
over the document's words finds where a rule can start (numbers, start words),
and there the rules are tried in order, the first match winning: only the rules
whose possible first characters (read from their patterns) begin the text there,
or, at numbers, all the number rules joined as one expression. Each match is then
resolved from its named groups: explicit dates directly, Hijri dates through
``hijridate``, weekdays and relative words against the published date (left
out without one).

``find_published`` looks for the article's own date: a date on a header line
near the top (alone on its line, or beside a clock time), or after a
publication keyword (تاريخ النشر، منشور ...).
"""
from __future__ import annotations

import datetime as _dt
import re
from itertools import compress
from . import recache
from .patterns import match_prefixes, trie_regex
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rules import RuleSet

# normalize (camel-tools), rules (tomllib), ahocorasick and hijridate are
# imported where first used, so that importing this module stays cheap.


__all__ = ["find_dates", "find_published", "compile_rules"]


def _norm(s: str) -> str:
    from .normalize import norm
    return norm(s)


def _fold(s: str) -> str:
    from .normalize import fold
    return fold(s)


def _rule_error(msg: str) -> Exception:
    from .rules import RuleError
    return RuleError(msg)


RULE_FILE = "dates.toml"
_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_DIGIT_CHARS = "0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669" \
               "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"  # what _DIGIT matches
#: What a Latin letter matches in a case-blind pattern (İ ı ſ K besides ASCII).
_CASELESS_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u0131\u017f\u212a"
_CLITICS = "\u0648\u0641\u0628\u0644"  # و ف ب ل

# Boundaries (see the header of rules/dates.toml).
_B = rf"(?:(?<!\w)|(?<=(?<!\w)[{_CLITICS}])|(?<=(?<!\w)[\u0648\u0641][\u0628\u0644]))"
_BW = r"(?:(?<!\w)|(?<=(?<!\w)\u0648))"
_BN = rf"(?:(?<![\w.,\u066b/\\:])|(?<=(?<!\w)[\u0648\u0628\u0644])|(?<=:{_DIGIT}{_DIGIT}))"

#: Rules are tried at a place only if the text there starts with one of the rule's
#: possible beginnings of this many characters (see match_prefixes).
_PREFIX_LEN = 5
_MARKS = 0xE000  # private-use characters stand for the pieces of a rule in its analysis
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)(?::([a-z_]+))?\}")
_GROUP_DEF = re.compile(r"\(\?P<([a-z_0-9]+)>")
_GROUP_REF = re.compile(r"\(\?P=([a-z_0-9]+)\)")
#: Marks that belong to the letter before them (diacritics, tatweel): a
#: mention ending in "هـ" or "غداً" keeps them.
_MARK = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_NUMBER = re.compile(f"{_DIGIT}+")
_LATIN = re.compile("[A-Za-z]+")
_CLOCK = re.compile(rf"{_DIGIT}{{1,2}}:{_DIGIT}{{2}}(?::{_DIGIT}{{2}})?")


def _alt(words: list[str]) -> str:
    """A regex alternation of normalized words/phrases, longest first ("" if none).

    Factored as a trie (:func:`~newsfacts.patterns.trie_regex`): ``re`` then follows
    one branch per letter instead of trying every word in turn. Two words that match
    at one place are a prefix of each other, and the trie tries the longer first, so
    the result is that of the plain alternation sorted longest first.
    """
    keys = {_norm(w) for w in words if _norm(w)}
    return trie_regex(sorted(keys)) if keys else ""


def _key(s: str) -> str:
    """Lookup key of a table entry: normalized, single spaces, lower case."""
    return " ".join(_norm(s).split()).lower()


def _vk(s: str) -> str:
    """Lookup key of text matched in the view (already normalized)."""
    return " ".join(s.split()).lower()


class _Compiled:
    rule_regex: list[re.Pattern]  # per rule
    kind_rules: tuple[tuple[int, ...], tuple[int, ...]]  # the rules that may start on a number, on a word
    prefixes: list[frozenset[str]]  # per rule: what its matches start with (see match_prefixes)
    rules_at: tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]  # see _rules_at
    joined: list[re.Pattern | None]  # per kind, its rules as one regex (see _joined)
    pieces: dict[str, str]  # placeholder -> regex
    piece_words: dict[str, list[str]]  # placeholder -> the words its matches start with
    zero_width: set[str]  # placeholders that match no text
    resolved: dict[tuple, str | None]  # see _resolved
    words: Any  # ahocorasick.Automaton of the Arabic words a rule may start on -> length
    gap: re.Pattern  # what may separate a weekday from the explicit date it introduces
    rules: list[dict]
    groups: list[list[tuple[str, str]]]  # per rule: (full group name, short name)
    group_names: list[tuple[tuple[str, ...], tuple[str, ...]]]  # per rule: full names, short names
    months: dict[str, int]
    month_name: re.Pattern
    emonths: dict[str, int]
    hmonths: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, tuple[str, int]]
    relmonth: dict[str, int]
    mods: dict[str, str]
    future_prefix: set[str]
    name_nouns: set[str]
    since_words: set[str]
    lists: dict[str, list[str]]

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)


def _numbered(table: Any, what: str, lo: int, hi: int) -> dict[str, int]:
    out: dict[str, int] = {}
    if not isinstance(table, dict):
        raise _rule_error(f"{RULE_FILE}: table '{what}' is missing")
    for num, names in table.items():
        if not str(num).isdigit():
            continue
        n = int(num)
        if not lo <= n <= hi or not isinstance(names, list):
            raise _rule_error(f"{RULE_FILE}: [{what}] entry '{num}' is not a list numbered {lo}-{hi}")
        for name in names:
            out[_key(name)] = n
    return out


def _ordinals(t: dict) -> dict[str, int]:
    units = [_norm(u) for u in t.get("units", [])]
    out = {u: i + 1 for i, u in enumerate(units)}
    one = _norm(t.get("compound_one", "")) or (units[0] if units else "")
    compound = [one] + units[1:]
    if t.get("ten"):
        out[_norm(t["ten"])] = 10
    teen = _norm(t.get("teen", ""))
    if teen:
        for i, u in enumerate(compound):
            out[f"{u} {teen}"] = 11 + i
    for tens, word in (t.get("tens") or {}).items():
        w = _norm(word)
        out[w] = int(tens)
        for i, u in enumerate(compound):
            if int(tens) + i + 1 <= 31:
                out[f"{u} و{w}"] = int(tens) + i + 1
    for w in t.get("first", []):
        out[_norm(w)] = 1
    return out


_LIST_PIECES = ("LIST", "NOTBEFORE", "AFTER")


def _list_piece(name: str, words: list[str]) -> str:
    """The regex of ``{LIST:x}`` (one of the words), ``{NOTBEFORE:x}`` (not right after one)
    or ``{AFTER:x}`` (right after one, as a whole word) for the words of a list."""
    if name == "LIST":
        return f"(?:{_alt(words)})"
    keys = sorted({r"\s".join(map(re.escape, _norm(w).split())) for w in words if _norm(w)})
    if name == "NOTBEFORE":
        return "".join(rf"(?<!{k}\s)" for k in keys)
    return "(?:" + "|".join(rf"(?<=(?<![^\W{_CLITICS}]){k}\s)" for k in keys) + ")"


def compile_rules(rules: RuleSet) -> _Compiled:
    """Build the rule regexes, their possible beginnings and the lookup tables from ``dates.toml``."""
    tables = rules.toml_tables(RULE_FILE)
    rule_list = rules.toml(RULE_FILE)
    months_t = dict(tables.get("months") or {})
    ambiguous = {_key(w) for w in months_t.pop("ambiguous", [])}
    months = _numbered(months_t, "months", 1, 12)
    emonths = _numbered(tables.get("english_months"), "english_months", 1, 12)
    hmonths = _numbered(tables.get("hijri_months"), "hijri_months", 1, 12)
    weekdays = _numbered(tables.get("weekdays"), "weekdays", 0, 6)
    ordinals = _ordinals(tables.get("ordinals") or {})
    relative = {_key(k): (v[0], int(v[1])) for k, v in (tables.get("relative") or {}).items()}
    relmonth = {_key(k): int(v) for k, v in (tables.get("relative_month") or {}).items()}
    mods_t = tables.get("modifiers") or {}
    mods = {_key(w): kind for kind in ("past", "future", "current") for w in mods_t.get(kind, [])}
    lists = {k: list(v) for k, v in (tables.get("lists") or {}).items()}

    mn = f"(?:{_alt(list(months))})(?!\\w)"
    mnu = f"(?:{_alt([m for m in months if m not in ambiguous])})(?!\\w)"
    # A month name, or two names of one month side by side: فبراير/ شباط,
    # فبراير (شباط), (شباط) فبراير, يونيو حزيران. Only names of the same month pair up, so
    # "فبراير - مارس" stays a range. One branch per month keeps the scan cheap.
    singles, parens, pair_only, single_u = [], [], [], []
    for k in range(1, 13):
        names = [n for n, v in months.items() if v == k]
        one = f"(?:{_alt(names)})(?!\\w)"
        pair = rf"(?:\s*[/\\\-\u2013]\s*{one}|\s*\(\s*{one}\s*\)|\s+{one})"
        singles.append(f"{one}{pair}?")
        parens.append(rf"\(\s*{one}\s*\)\s*{one}")
        pair_only.append(f"{one}{pair}")
        unamb = [n for n in names if n not in ambiguous]
        single_u.append(f"{one}{pair}|(?:{_alt(unamb)})(?!\\w)" if unamb else f"{one}{pair}")
    month_any = "|".join(singles + parens)
    year_end = (rf"(?:\s*م(?!\w))?(?:\s*[^\w\s]|\s*\Z|\s*\n)"
                rf"|\s+(?:{_alt(lists.get('year_followers', []))})(?!\w)")
    pieces = {
        "D": _DIGIT,
        "B": _B, "BW": _BW, "BN": _BN,
        "DAY": f"(?P<day>{_DIGIT}{{1,2}})(?!{_DIGIT})",
        "ORD": f"(?P<ord>{_alt(list(ordinals))})(?!\\w)",
        "ORD_ANY": f"(?:{_alt(list(ordinals))})(?!\\w)",
        "MONTH": f"(?P<month>(?>{month_any}))",
        "MONTH_U": f"(?P<month>(?>{'|'.join(single_u + parens)}))",
        "MONTH_ANY": f"(?>{month_any})",
        "MONTH_PAIRED": f"(?>{'|'.join(pair_only + parens)})",
        "EMONTH": f"(?P<emonth>(?i:{_alt(list(emonths))}))(?![A-Za-z])",
        "HMONTH": f"(?P<hmonth>{_alt(list(hmonths))})(?!\\w)",
        "YEAR": f"(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})",
        "HYEAR": f"(?P<hyear>{_DIGIT}{{4}})(?!{_DIGIT})",
        "WEEKDAY": f"(?P<weekday>{_alt(list(weekdays))})(?!\\w)",
        "WD": f"(?:{_alt(list(weekdays))})(?!\\w)",
        "MOD": f"(?P<mod>{_alt(list(mods))})(?!\\w)",
        "YEAR_END": rf"(?=(?:{year_end})|\s+و{_DIGIT}{{4}}(?!{_DIGIT})(?:{year_end}))",
        "REL": f"(?P<rel>{_alt(list(relative))})",
        "RELMONTH": f"(?P<relmonth>{_alt(list(relmonth))})",
    }

    def expand(rule: dict) -> str:
        def one(m: re.Match) -> str:
            name, arg = m.group(1), m.group(2)
            if arg is not None:
                words = lists.get(arg)
                if words is None:
                    raise _rule_error(f"{rule['_file']}: rule '{rule['id']}': no list [lists].{arg}")
                if name in _LIST_PIECES:
                    return _list_piece(name, words)
            elif name in pieces:
                return pieces[name]
            raise _rule_error(f"{rule['_file']}: rule '{rule['id']}': unknown placeholder {m.group(0)}")
        pat = rule.get("pattern")
        if not isinstance(pat, str) or not pat:
            raise _rule_error(f"{rule['_file']}: rule '{rule['id']}': has no 'pattern'")
        return _PLACEHOLDER.sub(one, _fold(pat))  # literal words folded like the view

    # What the pieces may start with, for trying a rule only where it may match
    # (see _rules_at): nothing for the zero-width ones, else the words in
    # piece_words, else anything. tests/test_front_perf_dates.py checks them.
    zero_width = {"B", "BW", "BN", "YEAR_END", "NOTBEFORE", "AFTER"}
    month_starts = list(months) + ["("]  # a name, or "(name) name"
    digits = list(_DIGIT_CHARS)
    piece_words = {"D": digits, "DAY": digits, "YEAR": digits, "HYEAR": digits,
                   "EMONTH": list(_CASELESS_LATIN),
                   "ORD": list(ordinals), "ORD_ANY": list(ordinals), "MONTH": month_starts,
                   "MONTH_U": month_starts, "MONTH_ANY": month_starts, "MONTH_PAIRED": month_starts,
                   "HMONTH": list(hmonths), "WEEKDAY": list(weekdays), "WD": list(weekdays),
                   "MOD": list(mods), "REL": list(relative), "RELMONTH": list(relmonth)}

    def starts_of(rule: dict) -> frozenset[str]:
        marks: dict[str, list[str] | None] = {}

        def mark(m: re.Match) -> str:
            name, arg = m.group(1), m.group(2)
            if name in zero_width:
                return ""
            ch = chr(_MARKS + len(marks))
            marks[ch] = [_norm(w) for w in lists.get(arg, [])] if name == "LIST" else piece_words.get(name)
            return ch
        try:
            return match_prefixes(_PLACEHOLDER.sub(mark, _fold(rule["pattern"])), _PREFIX_LEN, marks)
        except Exception:  # noqa: BLE001 - no analysis (another Python): the rule is always tried
            return frozenset({""})

    rule_regex, groups, prefixes = [], [], []
    kind_rules: tuple[list[int], list[int]] = ([], [])
    for i, rule in enumerate(rule_list):
        pat = expand(rule)
        pat = _GROUP_DEF.sub(lambda m: f"(?P<r{i}_{m.group(1)}>", pat)
        pat = _GROUP_REF.sub(lambda m: f"(?P=r{i}_{m.group(1)})", pat)
        start = rule.get("start", "word")
        if start not in ("word", "number", "any"):
            raise _rule_error(f"{rule['_file']}: rule '{rule['id']}': start must be word, number or any")
        if start in ("number", "any"):
            kind_rules[0].append(i)
        if start in ("word", "any"):
            kind_rules[1].append(i)
        try:
            rule_regex.append(recache.compile(pat))
        except re.error as err:
            raise _rule_error(f"{rule['_file']}: rule '{rule['id']}': bad pattern: {err}") from None
        names = _GROUP_DEF.findall(pat)
        groups.append([(n, n.split("_", 1)[1]) for n in names])
        prefixes.append(starts_of(rule))
    # Every rule starts on a digit or on the first word of a vocabulary entry
    # (month, weekday, ordinal, relative word, weekday prefix) or of
    # [lists].rule_start_words; only those positions are tried.
    starts = set(months) | set(weekdays) | set(ordinals) | set(relative)
    starts |= {_key(w) for w in lists.get("weekday_prefix", []) + lists.get("rule_start_words", [])}
    import ahocorasick

    words = ahocorasick.Automaton()
    for w in {k.split()[0] for k in starts if k}:
        words.add_word(w, len(w))
    words.make_automaton()
    return _Compiled(
        rule_regex=rule_regex, kind_rules=(tuple(kind_rules[0]), tuple(kind_rules[1])),
        prefixes=prefixes, rules_at=({}, {}), joined=[None, None], words=words,
        pieces=pieces, piece_words=piece_words, zero_width=zero_width, resolved={},
        gap=recache.compile(r"\s*[,،\-\u2013]?\s*(?:الموافق\s*)?\Z"), rules=rule_list, groups=groups,
        group_names=[(tuple(f for f, _ in gs), tuple(n for _, n in gs)) for gs in groups], months=months,
        month_name=recache.compile(mn), emonths=emonths, hmonths=hmonths, weekdays=weekdays,
        ordinals=ordinals, relative=relative, relmonth=relmonth, mods=mods,
        future_prefix={_key(w) for w in lists.get("future_prefix", [])},
        name_nouns={_key(w) for w in lists.get("name_nouns", [])},
        since_words={_key(w) for w in lists.get("since_words", [])}, lists=lists)


def _compiled(rules: RuleSet) -> _Compiled:
    return rules.compiled("dates", compile_rules)


# ---------------------------------------------------------------- resolution

def _date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _hijri(y: int, m: int, d: int) -> _dt.date | None:
    from hijridate import Hijri  # lazy: costs ~20 ms to import
    try:
        g = Hijri(y, m, d, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(g.year, g.month, g.day)


def _day_month(c: _Compiled, d: int, m: int, year: int | None, mod: str | None,
               pub: _dt.date | None) -> _dt.date | None:
    if year is not None:
        return _date(year, m, d)
    if pub is None:
        return None
    if mod in ("past", "since"):  # strictly before / on or before (منذ 7 أكتوبر)
        for y in (pub.year, pub.year - 1):
            v = _date(y, m, d)
            if v is not None and (v < pub or (mod == "since" and v == pub)):
                return v
        return None
    if mod == "future":
        for y in (pub.year, pub.year + 1):
            v = _date(y, m, d)
            if v is not None and v > pub:
                return v
        return None
    return _date(pub.year, m, d)


def _month_only(m: int, mod: str | None, pub: _dt.date, since: bool = False) -> str:
    """A month without a year: الماضي strictly before the published month, المقبل strictly
    after it, منذ on or before it; otherwise the published year (GUIDE), unless the month lies
    more than six months after the published one (في ديسمبر in a January article: last year's)."""
    y = pub.year
    if mod == "past":
        y = pub.year if m < pub.month else pub.year - 1
    elif mod == "future":
        y = pub.year if m > pub.month else pub.year + 1
    elif since:
        y = pub.year if m <= pub.month else pub.year - 1
    elif m - pub.month > 6:
        y = pub.year - 1
    return f"{y:04d}-{m:02d}"


def _weekday(wd: int, direction: str, pub: _dt.date) -> _dt.date:
    back = (pub.weekday() - wd) % 7
    if direction == "past":
        return pub - _dt.timedelta(days=back or 7)
    if direction == "future":
        ahead = (wd - pub.weekday()) % 7
        return pub + _dt.timedelta(days=ahead or 7)
    return pub - _dt.timedelta(days=back)


def _resolve(c: _Compiled, rule: dict, g: dict[str, str], pub: _dt.date | None,
             since: bool = False) -> str | None:
    lo, hi = int(rule.get("min_year", 1000)), int(rule.get("max_year", 2100))

    def year_ok(y: int) -> bool:
        return lo <= y <= hi

    mod = c.mods.get(_vk(g["mod"])) if "mod" in g else None
    if "hyear" in g:
        hm = c.hmonths.get(_vk(g.get("hmonth", "")))
        if hm is None or "day" not in g:
            return None
        v = _hijri(int(g["hyear"]), hm, int(g["day"]))
        return v.isoformat() if v and year_ok(v.year) else None
    if "n1" in g or "i1" in g:
        if "n1" in g:
            a, b, y = int(g["n1"]), int(g["n2"]), int(g["n3"])
        else:
            y, b, a = int(g["i1"]), int(g["i2"]), int(g["i3"])
        if "hsuf" in g or _HIJRI_YEARS[0] <= y <= _HIJRI_YEARS[1]:
            # 1445/06/02هـ: a numeric Hijri date (no Gregorian date of these
            # years is written in numbers in the news)
            v = _hijri(y, b, a)
            return v.isoformat() if v and year_ok(v.year) else None
        if not year_ok(y):
            return None
        v = _date(y, b, a)  # day first, as Arabic papers write it
        if v is None and "n1" in g and g.get("sep", "").strip() == "/":
            v = _date(y, a, b)  # 12/19/2022: month first when day first is impossible
        return v.isoformat() if v else None
    day = int(g["day"]) if "day" in g else c.ordinals.get(_vk(g["ord"])) if "ord" in g else None
    month = None
    if "month" in g:
        first = c.month_name.search(g["month"])
        month = c.months.get(_vk(first.group(0))) if first else None
        if month is None:
            return None
    elif "emonth" in g:
        month = c.emonths.get(_vk(g["emonth"]))
    year = int(g["year"]) if "year" in g else None
    if year is not None and not year_ok(year):
        return None
    if "relmonth" in g:
        if pub is None or day is None:
            return None
        y, m = _add_months(pub.year, pub.month, c.relmonth.get(_vk(g["relmonth"]), 0))
        v = _date(y, m, day)
        return v.isoformat() if v else None
    if day is not None and month is not None:
        v = _day_month(c, day, month, year, mod or ("since" if since else None), pub)
        return v.isoformat() if v else None
    if month is not None:
        if year is not None:
            return f"{year:04d}-{month:02d}"
        return _month_only(month, mod, pub, since) if pub is not None else None
    if year is not None:
        return f"{year:04d}"
    if "weekday" in g:
        if pub is None:
            return None
        wd = c.weekdays[_vk(g["weekday"])]
        direction = mod or ""
        if "wpre" in g and _vk(g["wpre"]) in c.future_prefix:
            direction = "future"
        return _weekday(wd, direction, pub).isoformat()
    if "rel" in g:
        if pub is None:
            return None
        unit, off = c.relative[_vk(g["rel"])]
        if unit == "day":
            return (pub + _dt.timedelta(days=off)).isoformat()
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, off)
            return f"{y:04d}-{m:02d}"
        if unit == "year":
            return f"{pub.year + off:04d}"
    return None


#: Four-digit years read as Hijri in numeric dates.
_HIJRI_YEARS = (1300, 1500)

_PREV_WORD = re.compile(r"(\w+)\W{0,3}$")


def _prev_word(view: str, start: int) -> list[str]:
    """The word before view position ``start``, with and without its clitics."""
    m = _PREV_WORD.search(view, max(0, start - 40), start)
    if not m:
        return []
    w = m.group(1)
    forms = [w]
    if len(w) > 2 and w[0] in _CLITICS:
        forms.append(w[1:])
        if len(w) > 3 and w[1] in _CLITICS:
            forms.append(w[2:])
    return forms


def _after_name_noun(c: _Compiled, view: str, start: int) -> bool:
    """Is the view position ``start`` right after a naming noun (حي، شارع، ثورة ...)?"""
    return any(x in c.name_nouns or (x.startswith("ال") and x[2:] in c.name_nouns)
               for x in _prev_word(view, start))


def _as_date(published: Any) -> _dt.date | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    if isinstance(published, str):
        try:
            return _dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


_STARTS_CACHE_MAX = 200_000


def _word_starts(c: _Compiled, w: str) -> tuple:
    """Where rules may start inside the word ``w`` (a whole run of \\w):
    (offset, 0) at digit runs, (offset, 1) at English month names and at start words
    (whole, or after a clitic letter: ending the word, as the scan of the view finds them).
    A "_" is a boundary for that scan, so the parts between "_" are read one by one."""
    if "_" in w:
        out, pos = [], 0
        for part in w.split("_"):
            out += [(pos + off, kind) for off, kind in _word_starts(c, part)]
            pos += len(part) + 1
        return tuple(out)
    out = [(m.start(), 0) for m in _NUMBER.finditer(w)]
    out += [(m.start(), 1) for m in _LATIN.finditer(w) if m.group().lower() in c.emonths]
    keys = c.start_keys
    for q in range(len(w)):
        if w[q:] in keys and (q == 0 or w[q - 1] in _CLITICS):
            out.append((q, 1))
    return tuple(out)


def _starts_by_word(c: _Compiled, view: str, tokens: Any) -> list | None:
    """The start positions of :func:`_matches`, read once per distinct word of the
    document's tokens; None when the start words are not all letters."""
    keys = getattr(c, "start_keys", None)
    if keys is None:
        keys = c.start_keys = frozenset(c.words.keys())
        c.starts_cache = {}
        if not all(k.isalpha() for k in keys):
            c.start_keys = frozenset()
            c.starts_ok = False
        else:
            c.starts_ok = True
    if not c.starts_ok:
        return None
    from .document import token_words

    cache = c.starts_cache
    norms, distinct = token_words(tokens)
    for w in distinct.difference(cache):
        r = _word_starts(c, w)
        if len(cache) < _STARTS_CACHE_MAX:
            cache[w] = r
    if len(cache) < _STARTS_CACHE_MAX:
        found = list(map(cache.__getitem__, norms))
    else:
        found = [cache.get(w) or _word_starts(c, w) for w in norms]
    return [(tokens[i][3] + off, kind) for i in compress(range(len(norms)), found) for off, kind in found[i]]


def _matches(c: _Compiled, view: str, tokens: Any = None) -> list[tuple]:
    """Every rule match of ``view``: (start, end, rule index, named groups, span of
    the group ``also`` or None).

    Rules are tried only where they can start: at numbers, at English month
    names and at the Arabic start words (found with Aho-Corasick, far faster
    than a regex scan, and kept when whole words, possibly after a clitic
    letter). Matches do not overlap: the earliest wins, then the first rule.
    """
    starts = None if tokens is None else _starts_by_word(c, view, tokens)
    if starts is None:
        starts = [(t.start(), 0) for t in _NUMBER.finditer(view)]
        starts += [(t.start(), 1) for t in _LATIN.finditer(view) if t.group().lower() in c.emonths]
        n = len(view)
        for end, size in c.words.iter(view):
            p = end - size + 1
            if (end + 1 >= n or not view[end + 1].isalnum()) and (
                    p == 0 or not view[p - 1].isalnum() or view[p - 1] in _CLITICS):
                starts.append((p, 1))
    starts.sort()
    out = []
    last = 0
    for p, is_word in starts:
        if is_word:
            cands = (p - 1, p) if p and view[p - 1] == "(" else (p,)
        else:
            # a clock glued in front of a date: 09:1222/10/2024
            glued = p and view[p - 1] == ":" and view[p + 2:p + 3].isdigit()
            cands = (p, p + 2) if glued else (p,)
        found = None
        for q in cands:
            if q >= last:
                found = _first_match(c, is_word, view, q)
                if found:
                    break
        if found is None:
            continue
        i, m = found
        last = m.end()
        g = _groups_of(c, i, m)
        s, e = m.span()
        if g.pop("mention", None) is not None:
            s, e = m.span(f"r{i}_mention")
        also = m.span(f"r{i}_also") if g.pop("also", None) is not None else None
        out.append((s, e, i, g, also))
    return out


def _first_match(c: _Compiled, kind: int, view: str, q: int) -> tuple[int, re.Match] | None:
    """The first rule of ``kind`` (0: starts on a number, 1: on a word) that matches at
    ``q``, and its match (what the rules joined as one alternation would match)."""
    rules = _rules_at(c, kind, view, q)
    if len(rules) > 1 and rules == c.kind_rules[kind]:
        m = _joined(c, kind).match(view, q)  # all may match (numbers): one regex is faster
        return (int(m.lastgroup[1:]), m) if m else None
    for i in rules:
        m = c.rule_regex[i].match(view, q)
        if m:
            return i, m
    return None


def _joined(c: _Compiled, kind: int) -> re.Pattern:
    """The rules of ``kind`` as one alternation, rule ``i`` in the group ``r{i}``."""
    rx = c.joined[kind]
    if rx is None:
        rx = c.joined[kind] = recache.compile(
            "|".join(f"(?P<r{i}>{c.rule_regex[i].pattern})" for i in c.kind_rules[kind]) or "(?!)")
    return rx


def _rules_at(c: _Compiled, kind: int, view: str, q: int) -> tuple[int, ...]:
    """The rules of ``kind`` that may match at ``q``: those with a beginning that the
    text there starts with (remembered per text)."""
    window = view[q:q + _PREFIX_LEN]
    known = c.rules_at[kind]
    rules = known.get(window)
    if rules is None:
        heads = [window[:j] for j in range(len(window) + 1)]
        rules = tuple(i for i in c.kind_rules[kind] if not c.prefixes[i].isdisjoint(heads))
        if len(known) < _STARTS_CACHE_MAX:
            known[window] = rules
    return rules


def _groups_of(c: _Compiled, i: int, m: re.Match) -> dict[str, str]:
    """The named groups of rule ``i`` that took part in ``m``: short name -> text."""
    names = c.group_names[i]
    if not names[0]:
        return {}
    return {k: v for k, v in zip(names[1], m.group(0, *names[0])[1:]) if v is not None}


_RESOLVED_MAX = 100_000


def _resolved(c: _Compiled, i: int, g: dict[str, str], pub: _dt.date | None, since: bool) -> str | None:
    """:func:`_resolve` for rule ``i``, remembered (dates repeat across and within texts)."""
    key = (i, pub, since, *g.items())
    try:
        return c.resolved[key]
    except KeyError:
        pass
    value = _resolve(c, c.rules[i], g, pub, since)
    if len(c.resolved) >= _RESOLVED_MAX:
        c.resolved.clear()
    c.resolved[key] = value
    return value


def _scan(c: _Compiled, view: str, matches: list, pub: _dt.date | None) -> list[tuple[int, int, str]]:
    """Resolve ``matches`` against ``pub``: (view start, view end, value) per mention."""
    out: list[tuple[int, int, str]] = []
    weekday: tuple[int, int, bool] | None = None  # the last match if a weekday: start, end, reported
    hijri: set[int] = set()  # indexes in ``out`` of Hijri dates
    for s, e, i, g, also in matches:
        since = "year" not in g and ("day" in g or "ord" in g or "month" in g) and \
            any(x in c.since_words for x in _prev_word(view, s))
        value = _resolved(c, i, g, pub, since)
        explicit = "day" in g or "ord" in g or "n1" in g or "i1" in g
        if explicit and weekday is not None and c.gap.match(view, weekday[1], s):
            # "الإثنين 19 ديسمبر 2022": the weekday belongs to the date
            if weekday[2]:
                out.pop()
            s = weekday[0]
        elif value is not None and len(value) == 10 and "year" not in g and "relmonth" not in g \
                and ("day" in g or "ord" in g) and _after_name_noun(c, view, s):
            value = None  # "حي 20 أوت": part of a name
        weekday = (s, e, value is not None) if "weekday" in g else None
        if value is not None:
            if "hyear" in g or g.get("hsuf"):
                hijri.add(len(out))
            out.append((s, e, value))
            if also is not None:  # "(1882 - 1963)": the second year of a range
                y = int(view[also[0]:also[1]])
                if int(c.rules[i].get("min_year", 1000)) <= y <= int(c.rules[i].get("max_year", 2100)):
                    out.append((also[0], also[1], f"{y:04d}"))
    for k in hijri:  # "8 جمادى الآخرة 1446هـ الموافق 10 ديسمبر 2024م": the text gives the equivalent
        if k + 1 < len(out) and k + 1 not in hijri and len(out[k + 1][2]) == 10 \
                and _EQUIVALENT.match(view, out[k][1], out[k + 1][0]):
            out[k] = (out[k][0], out[k][1], out[k + 1][2])
    return out


#: Between a Hijri date and the Gregorian date the text gives for it.
_EQUIVALENT = re.compile(r"\s*[,،\-\u2013(]?\s*(?:م\s*)?(?:الموافق|ويوافق|الموافقه)\s*(?:ل\s*)?\Z")

#: The last text seen, with its rules, normalized view and matches, so that
#: find_published and find_dates on one document normalize and scan it once.
#: One tuple, rebound at once, so that threads never see a mixed state.
_LAST: tuple = (None, None, None, None)


def _prepared(c: _Compiled, text: str, normalized=None, tokens=None):
    global _LAST
    last = _LAST
    if last[1] is c and (last[0] is text or last[0] == text):
        return last[2], last[3]
    from .normalize import normalize

    if normalized is not None and normalized.original is text:
        nv = normalized
    else:
        nv, tokens = normalize(text), None  # tokens go with the view they were read from
    matches = _matches(c, nv.text, tokens)
    _LAST = (text, c, nv, matches)
    return nv, matches


def find_dates(text: str, published: _dt.date | None, rules: RuleSet, *, normalized=None,
               tokens=None) -> list[dict]:
    """Every date expression of ``text``, resolved to ISO.

    Returns ``[{"text", "value", "start", "end"}]`` sorted by ``start``; offsets
    are into ``text`` and ``text[start:end] == mention["text"]``. Weekdays and
    relative words are resolved against ``published`` and left out without it.
    ``normalized`` may pass ``normalize(text)`` when the caller has it already, and
    ``tokens`` then the tokens of the :class:`~newsfacts.document.Document` of that view.
    """
    if not text:
        return []
    c = _compiled(rules)
    nv, matches = _prepared(c, text, normalized, tokens)
    return [_mention(nv, text, s, e, v) for s, e, v in _scan(c, nv.text, matches, _as_date(published))]


def _mention(nv, text: str, s: int, e: int, value: str) -> dict:
    os_, oe = nv.span(s, e)
    while oe < len(text) and _MARK.match(text, oe):
        oe += 1
    return {"text": text[os_:oe], "value": value, "start": os_, "end": oe}


# ---------------------------------------------------------------- published date

_TOP_LINES = 5  # a dateline sits on one of the first lines ...
_TOP_CHARS = 1500  # ... that start this near the top
_TAIL_CHARS = 1500  # a "نشر في" footer is looked for this near the end
_LINE_HEAD = 30  # "بتاريخ" opens a header only this near the start of its line
_DATELINE_HEAD = 25  # a city dateline ("الرباط، 25 شتنبر 2024 (و م ع) -") is this short
_WORD = re.compile(r"[^\W\d_]+")
_NONBLANK = re.compile(r"\S")
_LEAD = " \t،,|-\u2013"


def _top_lines(view: str) -> list[tuple[int, int]]:
    """(start, end) of the first non-empty lines of ``view`` near its top."""
    out, pos = [], 0
    limit = min(len(view), _TOP_CHARS)
    while len(out) < _TOP_LINES and pos < limit:
        end = _find_end(view, "\n", pos)
        if _NONBLANK.search(view, pos, end):  # (not view[pos:end].strip(): no copy of a long line)
            out.append((pos, end))
        pos = end + 1
    return out


def _find_end(s: str, sub: str, start: int) -> int:
    i = s.find(sub, start)
    return len(s) if i < 0 else i


class _PubWords:
    def __init__(self, c: _Compiled) -> None:
        words = c.lists.get
        self.published = {_key(w) for w in words("published_keywords", [])}
        self.line_start = {_key(w) for w in words("published_line_keywords", [])}
        self.updated = {_key(w) for w in words("update_keywords", [])}
        kws = self.published | self.line_start | self.updated
        self.filler = {_key(w) for w in words("dateline_filler", [])} | kws | set(c.weekdays)
        self.keyword = recache.compile(rf"(?<!\w)(?:{_alt(sorted(kws))})(?!\w)", re.I)
        tags = words("dateline_tag_open", [])
        self.tag = (recache.compile(rf"(?:{'|'.join(re.escape(t) for t in tags)})") if tags else None)


def _pub_words(rules: RuleSet) -> _PubWords:
    return _PubWords(_compiled(rules))


def find_published(text: str, rules: RuleSet, *, normalized=None, tokens=None) -> _dt.date | None:
    """The article's own date from its header/dateline, or None.

    A full date (day, month, year) counts when it follows a publication keyword
    (تاريخ النشر، منشور، تم النشر ...) near the top or the end of the text, or
    sits on one of the first lines either nearly alone (with a weekday, a clock
    time, a byline or place word) or at the head of the line beside a clock
    time ("الدمام في الأربعاء 30 يوليو 2025 03:29 صباحاً كتب ..."). A date inside
    a sentence of the lead only dates an event and is not taken. An "updated"
    date is used only when nothing better is found.
    """
    if not text:
        return None
    c = _compiled(rules)
    pw = rules.compiled("dates.published", _pub_words)
    nv, matches = _prepared(c, text, normalized, tokens)
    view = nv.text
    top = _top_lines(view)
    head_end = max([ln[1] for ln in top] + [min(len(view), _TOP_CHARS)])

    # Candidates: the full dates of the head, and those right after a
    # publication keyword in the tail.
    tail = [(k.end(), k.end() + 80) for k in pw.keyword.finditer(view, max(head_end, len(view) - _TAIL_CHARS))]
    near = [m for m in matches if m[0] < head_end or tail and any(a <= m[0] < b for a, b in tail)]
    found = _scan(c, view, near, None)

    best: tuple[int, int, str] | None = None
    for s, e, value in found:
        if len(value) != 10:
            continue
        line = (view.rfind("\n", 0, s) + 1, _find_end(view, "\n", e))
        before, after = view[line[0]:s], view[e:line[1]]
        prev = [w.lower() for w in _last_words(before, 3)]
        tails = {" ".join(prev[j:]) for j in range(len(prev))}
        if tails & pw.published or (tails & pw.line_start and len(before) <= _LINE_HEAD):
            score = 3
        else:
            score = 1 if tails & pw.updated else 0
        if score < 2 and line in top:
            rest = " ".join(view[a:b] for a, b in _gaps(line, found))
            if _at_most_words(rest, pw.filler, 3):  # (clock times hold no letters: no words)
                score = 2  # the line is the date (and a time, a weekday, a byline word)
            elif s - line[0] <= 60 and (_CLOCK.match(after.lstrip(_LEAD)) or _CLOCK.search(before[-12:])):
                score = 2  # "الدمام في الأربعاء 30 يوليو 2025 03:29 صباحاً ..."
            elif (pw.tag and pw.tag.match(after.lstrip(" \t"))
                  and _dateline_head(view, _gaps((line[0], s), found), pw.filler)):
                # "الدوحة في 28 أكتوبر 2024 /قنا/ ...", "عمان 15 نيسان 2024 (بترا) - ...", and after a
                # Hijri date: "مسقط في 4 ربيع الأول 1447هـ الموافق 27 أغسطس 2025م (العمانية) - ..."
                score = 2
        if score and (best is None or score > best[0]):
            best = (score, s, value)
    return _dt.date.fromisoformat(best[2]) if best else None


def _dateline_head(view: str, gaps: list[tuple[int, int]], filler: set[str]) -> bool:
    """Is what stands before a date on its line, other dates aside, a dateline's head: short,
    with at most two words besides filler (the city: "الدوحة في", "مسقط في ... الموافق")?"""
    if sum(b - a for a, b in gaps) > _DATELINE_HEAD:
        return False
    return len([w for a, b in gaps for w in _WORD.findall(view, a, b) if w.lower() not in filler]) <= 2


def _last_words(text: str, n: int) -> list[str]:
    """``_WORD.findall(text)[-n:]``, reading only the end of a long text."""
    size = 64
    while True:
        lo = max(0, len(text) - size)
        words = _WORD.findall(text, lo)
        if lo == 0 or len(words) > n:  # the first word read may be cut: it is not among the last n
            return words[-n:]
        size *= 4


def _at_most_words(text: str, filler: set[str], most: int) -> bool:
    """Has ``text`` at most ``most`` words (letters only) besides those in ``filler``?"""
    n = 0
    for m in _WORD.finditer(text):
        if m.group().lower() not in filler:
            n += 1
            if n > most:
                return False
    return True


def _gaps(line: tuple[int, int], found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The parts of ``line`` outside the mentions in ``found``."""
    out, pos = [], line[0]
    for s, e, _ in sorted(found):
        if line[0] <= s and e <= line[1]:
            out.append((pos, s))
            pos = e
    out.append((pos, line[1]))
    return out
