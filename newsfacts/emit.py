"""Writing results: JSON, JSON Lines, or Rich tables for a terminal."""
from __future__ import annotations

import json
from typing import Any

def to_json(obj: dict[str, Any], pretty: bool = True) -> str:
    """Deterministic JSON: Arabic kept as is, keys in contract order."""
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "، ".join(_fmt(x) for x in v)
    return str(v)


def write_table(obj: dict[str, Any], console) -> None:
    """One document as a set of Rich tables (people, places, organizations, dates, claims)."""
    from rich.table import Table

    title = f"{obj.get('source')}"
    if "error" in obj:
        console.print(f"[bold red]{title}[/]: {obj['error']}")
        return
    console.rule(f"[bold]{title}[/]  published: {obj.get('published') or '—'}")
    specs = [
        ("people", "People", [("name", "name"), ("aliases", "aliases"), ("role", "role"), ("mentions", "#")]),
        ("places", "Places", [("name", "name"), ("kind", "kind"), ("country", "country"),
                              ("lat", "lat"), ("lon", "lon"), ("mentions", "#")]),
        ("organizations", "Organizations", [("name", "name"), ("aliases", "aliases"), ("mentions", "#")]),
        ("dates", "Dates", [("text", "text"), ("value", "value"), ("start", "at")]),
        ("claims", "Claims", [("type", "type"), ("count", "count"), ("qualifier", "qualifier"),
                              ("object", "object"), ("location", "location"), ("claimant", "claimant"),
                              ("participants", "participants"), ("date", "date"), ("rule", "rule")]),
    ]
    for key, label, cols in specs:
        rows = obj.get(key) or []
        if not rows:
            continue
        table = Table(title=f"{label} ({len(rows)})", title_justify="left", show_lines=False)
        for _, head in cols:
            table.add_column(head, overflow="fold")
        for row in rows:
            table.add_row(*[str(len(row.get(k) or [])) if k == "mentions" else _fmt(row.get(k)) for k, _ in cols])
        console.print(table)
