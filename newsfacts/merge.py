"""Merging the facts of the parts of a long document into one document's facts."""
from __future__ import annotations

from typing import Any

from .normalize import norm

ENTITY_FIELDS = ("people", "places", "organizations")


def _shift(obj: dict[str, Any], by: int) -> dict[str, Any]:
    out = dict(obj)
    if "start" in out and out["start"] is not None:
        out["start"] += by
        out["end"] += by
    return out


def merge_parts(parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """Facts of a document from the facts of its parts (``(offset, facts)`` in text order).

    Offsets are moved to the whole text; an entity found in several parts is
    one entry when any of its names or aliases agree (normalized); its name is
    the fullest form, the other forms are aliases.
    """
    merged: dict[str, Any] = {f: [] for f in ENTITY_FIELDS}
    merged["dates"], merged["claims"] = [], []
    for field in ENTITY_FIELDS:
        by_name: dict[str, dict[str, Any]] = {}
        for offset, facts in parts:
            for ent in facts.get(field, []):
                ent = {**ent, "mentions": [_shift(m, offset) for m in ent["mentions"]]}
                keys = [norm(n) for n in [ent["name"], *ent["aliases"]]]
                target = next((by_name[k] for k in keys if k in by_name), None)
                if target is None:
                    merged[field].append(ent)
                    target = ent
                else:
                    forms = [target["name"], *target["aliases"], ent["name"], *ent["aliases"]]
                    name = max(forms, key=lambda f: (len(norm(f).split()), len(f)))
                    seen = {norm(name)}
                    aliases = []
                    for f in forms:
                        if norm(f) not in seen:
                            seen.add(norm(f))
                            aliases.append(f)
                    target["name"], target["aliases"] = name, aliases
                    target["mentions"] = target["mentions"] + ent["mentions"]
                    for k, v in ent.items():
                        if target.get(k) is None and v is not None:
                            target[k] = v
                for k in [norm(n) for n in [target["name"], *target["aliases"]]]:
                    by_name.setdefault(k, target)
    for offset, facts in parts:
        merged["dates"].extend(_shift(d, offset) for d in facts.get("dates", []))
        merged["claims"].extend(_shift(c, offset) for c in facts.get("claims", []))
    return merged
