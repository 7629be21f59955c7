"""The engine: one document in, the facts of the output contract out."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from .document import Document
from .rules import RuleSet, default_rules


def parse_iso_date(value: str | _dt.date | None) -> _dt.date | None:
    """``YYYY-MM-DD`` (or a date) → date; anything else → ValueError."""
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


#: Documents longer than this are processed a part at a time (split at
#: paragraph breaks), which bounds memory; the parts' facts are merged.
PART_CHARS = 200_000


def extract(text: str, published: str | _dt.date | None = None, *, source: str | None = None,
            rules: RuleSet | None = None) -> dict[str, Any]:
    """Extract the facts of one document.

    ``published`` is the publication date from metadata, if known; otherwise it
    is read from the text (dateline, header). Returns a dict with ``source``,
    ``published`` and the lists ``people``, ``places``, ``organizations``,
    ``dates`` and ``claims`` (see DESIGN.md for the contract).
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    rules = rules or default_rules()
    pub = parse_iso_date(published)
    if len(text) <= PART_CHARS:
        facts, pub = _extract_part(text, pub, rules, find_pub=pub is None)
    else:
        from .dates import find_published
        from .merge import merge_parts

        if pub is None:
            pub = find_published(text[:PART_CHARS], rules)
        facts = merge_parts([(start, _extract_part(text[start:end], pub, rules)[0])
                             for start, end in split_parts(text, PART_CHARS)])
    return {"source": source, "published": pub.isoformat() if pub else None, **facts}


def _extract_part(text: str, pub: _dt.date | None, rules: RuleSet,
                  find_pub: bool = False) -> tuple[dict[str, Any], _dt.date | None]:
    """Facts of one text (a whole document or a part), and its publication date."""
    from .claims import find_claims
    from .dates import find_dates, find_published
    from .entities import find_entities
    from .numbers import find_numbers

    doc = Document(text, pub)
    if find_pub:
        pub = doc.published = find_published(text, rules, normalized=doc.view, tokens=doc.tokens)
    entities = find_entities(doc, rules)
    dates = find_dates(text, pub, rules, normalized=doc.view, tokens=doc.tokens)
    numbers = find_numbers(text, rules, normalized=doc.view, tokens=doc.tokens)
    claims = find_claims(doc, entities, numbers, dates, rules)
    return {**entities, "dates": dates, "claims": claims}, pub


def split_parts(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` parts of at most about ``size`` characters, cut at a
    paragraph break, else a line break, else a space (never inside a word)."""
    parts = []
    start = 0
    n = len(text)
    while n - start > size:
        limit = start + size
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + size // 2, limit)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = limit
        parts.append((start, cut))
        start = cut
    parts.append((start, n))
    return parts
