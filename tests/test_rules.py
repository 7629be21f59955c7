"""The rules loader: validation, clear errors, user rules on top."""
import pytest

from newsfacts.rules import RuleError, RuleSet, builtin_dir


def test_builtin_rules_are_found():
    assert (builtin_dir() / "entities.toml").is_file()


def test_rule_without_examples_does_not_load(tmp_path):
    (tmp_path / "claims.toml").write_text('[[rule]]\nid = "x.bare"\ntype = "attack"\n', encoding="utf-8")
    with pytest.raises(RuleError) as err:
        RuleSet([tmp_path]).toml("claims.toml")
    assert "claims.toml" in str(err.value) and "x.bare" in str(err.value) and "examples" in str(err.value)


def test_malformed_toml_names_the_file(tmp_path):
    (tmp_path / "entities.toml").write_text("[[rule]\nid = ", encoding="utf-8")
    with pytest.raises(RuleError, match="entities.toml"):
        RuleSet([tmp_path]).toml("entities.toml")


def test_missing_user_dir_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="not a rules directory"):
        RuleSet([tmp_path / "nope"])


def test_user_tsv_rows_add_to_builtin(tmp_path):
    (tmp_path / "organizations.tsv").write_text("نادي الأصدقاء الخضر\tنادي الأصدقاء الخضر\tngo\n", encoding="utf-8")
    base = RuleSet().tsv("organizations.tsv")
    both = RuleSet([tmp_path]).tsv("organizations.tsv")
    assert len(both) == len(base) + 1 and both[-1][0] == "نادي الأصدقاء الخضر"


def test_user_rules_reach_extraction(tmp_path):
    from newsfacts import extract

    text = "وقالت نادي الأصدقاء الخضر إن الوضع هادئ."
    (tmp_path / "organizations.tsv").write_text("نادي الأصدقاء الخضر\tنادي الأصدقاء الخضر\tngo\n", encoding="utf-8")
    names = [o["name"] for o in extract(text, rules=RuleSet([tmp_path]))["organizations"]]
    assert "نادي الأصدقاء الخضر" in names


def test_user_tables_extend_builtin_lists(tmp_path):
    (tmp_path / "dates.toml").write_text('[months]\n"1" = ["جنيور"]\n', encoding="utf-8")
    base = RuleSet().toml_tables("dates.toml")["months"]["1"]
    both = RuleSet([tmp_path]).toml_tables("dates.toml")["months"]["1"]
    assert both == base + ["جنيور"] and "يناير" in both
