"""The engine: one document in, the facts of the output contract out."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from .document import Document
from .rules import RuleSet, default_rules

#: Keys of a document's facts, in output order.
FACT_KEYS = ("people", "places", "organizations", "dates", "claims")


def parse_iso_date(value: str | _dt.date | None) -> _dt.date | None:
    """``YYYY-MM-DD`` (or a date) → date; anything else → ValueError."""
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def extract(text: str, published: str | _dt.date | None = None, *, source: str | None = None,
            rules: RuleSet | None = None) -> dict[str, Any]:
    """Extract the facts of one document.

    ``published`` is the publication date from metadata, if known; otherwise it
    is read from the text (dateline, header). Returns a dict with ``source``,
    ``published`` and the lists ``people``, ``places``, ``organizations``,
    ``dates`` and ``claims`` (see DESIGN.md for the contract).
    """
    from .claims import find_claims
    from .dates import find_dates, find_published
    from .entities import find_entities
    from .numbers import find_numbers

    if not isinstance(text, str):
        raise TypeError("text must be a str")
    rules = rules or default_rules()
    pub = parse_iso_date(published)
    if pub is None:
        pub = find_published(text, rules)
    doc = Document(text, pub)
    entities = find_entities(doc, rules)
    dates = find_dates(text, pub, rules)
    numbers = find_numbers(text, rules)
    claims = find_claims(doc, entities, numbers, dates, rules)
    return {
        "source": source,
        "published": pub.isoformat() if pub else None,
        **entities,
        "dates": dates,
        "claims": claims,
    }
