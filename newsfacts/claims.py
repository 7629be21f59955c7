"""Claims: who says what happened, how many, where and when (placeholder)."""
from __future__ import annotations

from typing import Any

from .document import Document
from .rules import RuleSet


def find_claims(doc: Document, entities: dict[str, list[dict]], numbers: list, dates: list[dict],
                rules: RuleSet) -> list[dict[str, Any]]:
    return []
