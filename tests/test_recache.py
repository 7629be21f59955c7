"""The on-disk regex cache gives the same patterns as re.compile, and fails safe."""
import re
import subprocess
import sys

import pytest

from newsfacts import recache

PATTERNS = [
    (r"(?P<day>[0-9٠-٩]{1,2})\s*(?P<month>يناير|فبراير|شباط)(?:/\s*(?P=month))?", 0),
    (r"(?<![\w.])(?:أكثر من|نحو)\s+\d+(?!\w)", 0),
    (r"december|january", re.I),
    (r"^\s*تاريخ النشر\s*:?\s*(.+)$", re.M),
]
TEXT = "في 24 فبراير/ شباط قتل أكثر من 100 شخص، January وDecember\n  تاريخ النشر: 19/12/2022"


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_same_matches_as_re(pattern, flags, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_entries", None)
    fresh = recache.compile(pattern, flags)  # compiled and remembered
    cached = recache.compile(pattern, flags)  # rebuilt from the remembered program
    expected = re.compile(pattern, flags)
    for rx in (fresh, cached):
        assert [m.groupdict() or m.group() for m in rx.finditer(TEXT)] == \
               [m.groupdict() or m.group() for m in expected.finditer(TEXT)]
        assert rx.groupindex == expected.groupindex and rx.flags == expected.flags


def _run(env_dir, code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"NEWSFACTS_CACHE_DIR": str(env_dir), "PATH": ""}, check=True).stdout


CODE = ("from newsfacts import recache; rx = recache.compile(r'(?P<n>\\d+) (?:صاروخ|صواريخ)'); "
        "print(rx.search('أسقط 4 صواريخ').group('n'))")


def test_cache_file_written_and_used_across_runs(tmp_path):
    assert _run(tmp_path, CODE).strip() == "4"
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 0
    assert _run(tmp_path, CODE).strip() == "4"  # second run reads the cache


def test_damaged_cache_falls_back(tmp_path):
    _run(tmp_path, CODE)
    for f in tmp_path.glob("regex-*.marshal"):
        f.write_bytes(b"\x00garbage")
    assert _run(tmp_path, CODE).strip() == "4"


def test_bad_pattern_still_raises(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    with pytest.raises(re.error):
        recache.compile("(unclosed")


def test_parsed_rule_file_cache_follows_changes(tmp_path, monkeypatch):
    import os
    import tomllib

    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "x.toml"
    f.write_text('a = ["يناير"]\n', encoding="utf-8")
    assert recache.parsed_file(f, tomllib.loads) == {"a": ["يناير"]}
    assert recache.parsed_file(f, lambda _: pytest.fail("cached entry not used")) == {"a": ["يناير"]}
    f.write_text('a = ["يناير", "جانفي"]\n', encoding="utf-8")
    os.utime(f, ns=(1, 10**18))
    assert recache.parsed_file(f, tomllib.loads) == {"a": ["يناير", "جانفي"]}


def test_stale_patterns_are_dropped_when_the_cache_grows(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_entries", {(f"old{i}", 0): (0, [1], 0, {}, ()) for i in range(200)})
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_added", False)
    recache.compile(r"\d+ صاروخ")
    recache._save()
    kept = recache.marshal.loads(recache.cache_file().read_bytes())
    assert list(kept) == [(r"\d+ صاروخ", 0)]  # only what this run used: the 200 stale ones are gone


def test_few_patterns_are_all_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_entries", {("other rule set", 0): (0, [1], 0, {}, ())})
    monkeypatch.setattr(recache, "_used", set())
    recache.compile(r"\d+ صاروخ")
    recache._save()
    kept = recache.marshal.loads(recache.cache_file().read_bytes())
    assert set(kept) == {("other rule set", 0), (r"\d+ صاروخ", 0)}


def test_parsed_rule_files_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "MAX_PARSED", 10)
    for i in range(12):
        (tmp_path / f"parsed-{i:020d}.marshal").write_bytes(b"x")
    rules = tmp_path / "r.toml"
    rules.write_text("a = 1\n", encoding="utf-8")
    assert recache.parsed_file(rules, lambda t: {"a": 1}) == {"a": 1}
    left = {p.name for p in tmp_path.glob("parsed-*.marshal")}
    assert len(left) == 5  # the newest half
    assert left - {f"parsed-{i:020d}.marshal" for i in range(12)}  # the new entry among them
