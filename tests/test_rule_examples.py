"""Replay the examples every entity rule carries (rules/entities.toml)."""
import pytest

from newsfacts import extract
from newsfacts.normalize import norm
from newsfacts.rules import RuleSet

FIELDS = ("people", "places", "organizations")
RULES = RuleSet().toml("entities.toml")
CASES = [(r["id"], i, ex) for r in RULES for i, ex in enumerate(r["examples"])]


def test_every_entity_rule_has_examples():
    assert RULES and all(r["examples"] for r in RULES)


@pytest.mark.parametrize("rule_id,i,ex", CASES, ids=[f"{c[0]}#{c[1]}" for c in CASES])
def test_entity_rule_example(rule_id, i, ex):
    facts = extract(ex["text"], ex.get("published"))
    for field in FIELDS:
        names = {norm(e["name"]): e for e in facts[field]}
        every = {norm(a) for e in facts[field] for a in [e["name"], *e["aliases"]]}
        for want in ex.get("expect", {}).get(field, []):
            assert norm(want) in names, f"{rule_id}: {field} {want!r} not found in {list(names)}"
        for bad in ex.get("absent", {}).get(field, []):
            assert norm(bad) not in every, f"{rule_id}: {field} {bad!r} must not be found"
    for name, aliases in ex.get("aliases", {}).items():
        ent = next(e for f in FIELDS for e in facts[f] if norm(e["name"]) == norm(name))
        assert {norm(a) for a in aliases} <= {norm(a) for a in ent["aliases"]}
    for name, count in ex.get("mentions", {}).items():
        ent = next(e for f in FIELDS for e in facts[f] if norm(e["name"]) == norm(name))
        assert len(ent["mentions"]) == count, f"{rule_id}: {name!r} has {len(ent['mentions'])} mentions, not {count}"
    for name, role in ex.get("roles", {}).items():
        ent = next(e for e in facts["people"] if norm(e["name"]) == norm(name))
        assert ent["role"] == role, f"{rule_id}: role of {name!r} is {ent['role']!r}, not {role!r}"
