"""Regex building blocks shared by the extractors."""
from __future__ import annotations

import re


def trie_regex(phrases: list[str]) -> str:
    """A regex alternation of ``phrases`` factored as a trie (longest match first).

    Factoring keeps the large word lists of the rules (number words, triggers)
    small to compile and fast to match. A space inside a phrase matches any
    run of whitespace. An empty list gives a pattern that never matches.
    """
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(trie) + ")" if trie else "(?!)"


def match_prefixes(pattern: str, k: int, marks: dict[str, list[str] | None] | None = None,
                   limit: int = 4000, class_limit: int = 16) -> frozenset[str]:
    """Strings of at most ``k`` characters such that every match of ``pattern`` starts
    with one of them; ``""`` among them means a match may start with anything.

    A safe over-estimate: lookarounds are ignored, and character classes wider than
    ``class_limit``, case-blind parts, back-references and sets larger than ``limit``
    count as "anything". In ``marks``, a character of the pattern stands for a part
    analysed elsewhere: the literal words the part may start with (a space in one
    stands for any blank), or None for anything. Used to try a rule only where the
    text starts with one of its beginnings.
    """
    from re import _constants as sre, _parser  # CPython's regex parser (see newsfacts.recache)

    marks = {ord(ch): _beginnings(words, k) for ch, words in (marks or {}).items()}
    anything = frozenset({("", False)})

    def concat(a: frozenset, b: frozenset) -> frozenset:
        out = set()
        for s, more in a:
            if not more:
                out.add((s, False))
                continue
            for t, more2 in b:
                u = s + t
                out.add((u[:k], False) if len(u) >= k else (u, more2))
        return frozenset(out) if len(out) <= limit else anything

    def seq(items: list) -> frozenset:
        cur = frozenset({("", True)})
        for op, av in items:
            if not any(more for _, more in cur):
                break
            cur = concat(cur, node(op, av))
        return cur

    def charset(items: list) -> frozenset:
        chars, parts = [], []
        for op, av in items:
            if op is sre.LITERAL and av in marks:
                parts.append(node(op, av))  # re joins single characters as a class: [ab]
            elif op is sre.LITERAL:
                chars.append(chr(av))
            elif op is sre.RANGE and av[1] - av[0] < class_limit:
                chars.extend(map(chr, range(av[0], av[1] + 1)))
            else:
                return anything  # a negated class, a category (\w, \s, \d), a wide range
        if len(chars) > class_limit:
            return anything
        return frozenset((ch, True) for ch in chars).union(*parts)

    def repeat(lo: int, hi: int, item: frozenset) -> frozenset:
        out, cur, n = set(), frozenset({("", True)}), 0
        while True:
            if n >= lo:
                out |= cur
            if n == hi:
                return frozenset(out)
            if not any(more for _, more in cur):
                return frozenset(out | cur)  # all cut short: more repetitions change nothing
            nxt = concat(cur, item)
            if n >= lo and nxt <= out:
                return frozenset(out)  # a fixed point: more repetitions add nothing
            cur, n = nxt, n + 1

    def node(op, av) -> frozenset:
        if op is sre.LITERAL:
            if av in marks:
                return marks[av] or anything
            return frozenset({(chr(av), True)})
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return frozenset({("", True)})  # zero width
        if op is sre.IN:
            return charset(av)
        if op is sre.BRANCH:
            return frozenset().union(*(seq(b) for b in av[1]))
        if op is sre.SUBPATTERN:
            return anything if av[1] & sre.SRE_FLAG_IGNORECASE else seq(av[3])
        if op is sre.ATOMIC_GROUP:
            return seq(av)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return repeat(av[0], av[1], seq(av[2]))
        return anything  # any character, a back-reference, a conditional ...

    parsed = _parser.parse(pattern)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return frozenset({""})
    return frozenset(s for s, _ in seq(parsed.data))


def _beginnings(words: list[str] | None, k: int) -> frozenset | None:
    """``(start, False)`` for each word: its first ``k`` characters up to a blank
    (None, for anything, if there are no words)."""
    if not words:
        return None
    return frozenset((w.split(" ", 1)[0][:k], False) for w in words)
