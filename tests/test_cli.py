"""The command as users run it: formats, stdin, errors, exit codes, no tracebacks."""
import json
import subprocess

import pytest


def run(cli, *args, stdin=None):
    p = subprocess.run([*cli, *args], input=stdin, capture_output=True)
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    return p


def test_version(cli):
    p = run(cli, "--version")
    assert p.returncode == 0 and p.stdout.decode().startswith("newsfacts 0.")


def test_help_has_examples(cli):
    p = run(cli, "extract", "--help")
    assert p.returncode == 0 and b"--format jsonl" in p.stdout


def test_json_when_piped(cli, sample1):
    p = run(cli, "extract", str(sample1))
    assert p.returncode == 0
    obj = json.loads(p.stdout)
    assert obj["source"] == str(sample1) and obj["published"] == "2022-12-19"
    assert list(obj)[:7] == ["source", "published", "people", "places", "organizations", "dates", "claims"]


def test_jsonl_one_line_per_document_in_order(cli, sample1, sample2):
    p = run(cli, "extract", str(sample2), str(sample1), "--format", "jsonl")
    lines = p.stdout.decode().splitlines()
    assert p.returncode == 0 and [json.loads(l)["source"] for l in lines] == [str(sample2), str(sample1)]


def test_table_format(cli, sample1):
    p = run(cli, "extract", str(sample1), "--format", "table")
    out = p.stdout.decode()
    assert p.returncode == 0 and "People" in out and "بيلغورود" in out


def test_stdin_with_published(cli):
    p = run(cli, "extract", "-", "--published", "2022-12-19", stdin="وصل الرئيس إلى مينسك أمس.".encode())
    obj = json.loads(p.stdout)
    assert obj["source"] == "-" and obj["published"] == "2022-12-19"
    assert {"2022-12-18"} <= {d["value"] for d in obj["dates"]}


def test_missing_path_reported_others_processed(cli, sample1, tmp_path):
    missing = tmp_path / "nope.txt"
    p = run(cli, "extract", str(missing), str(sample1), "--format", "jsonl")
    assert p.returncode == 1
    err = p.stderr.decode().strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0]
    objs = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert objs[0] == {"source": str(missing), "error": "no such file or directory"}
    assert objs[1]["source"] == str(sample1) and objs[1]["people"]


@pytest.mark.parametrize("args", [["extract", "x.txt", "--format", "xml"], ["extract"], ["bogus"],
                                  ["extract", "x.txt", "--published", "19/12/2022"],
                                  ["extract", "x.txt", "--encoding", "klingon"]])
def test_usage_errors_exit_2(cli, args):
    assert run(cli, *args).returncode == 2


def test_bad_user_rules_exit_2_naming_file(cli, sample1, tmp_path):
    (tmp_path / "entities.toml").write_text('[[rule]]\nid = "person.bare"\n', encoding="utf-8")
    p = run(cli, "extract", str(sample1), "--rules", str(tmp_path))
    assert p.returncode == 2 and b"entities.toml" in p.stderr and b"person.bare" in p.stderr


def test_deterministic_output(cli, sample1, sample2):
    a = run(cli, "extract", str(sample1), str(sample2), "--format", "json", "--jobs", "1").stdout
    b = run(cli, "extract", str(sample1), str(sample2), "--format", "json", "--jobs", "2").stdout
    assert a == b and a


def test_empty_directory_says_so(cli, tmp_path):
    p = run(cli, "extract", str(tmp_path), "--format", "jsonl")
    assert p.returncode == 0 and p.stdout == b"" and b"no documents found" in p.stderr
