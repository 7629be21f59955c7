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
