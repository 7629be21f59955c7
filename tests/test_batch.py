"""Batch runs through the CLI: every input accounted for, bad ones reported, order kept."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

ARTICLE = ("موسكو تعلن إسقاط صواريخ\n\nالإثنين 19 ديسمبر 2022\n\n"
           "أعلنت وزارة الدفاع الروسية أنها أسقطت أربعة صواريخ فوق منطقة بيلغورود.")


def run(cli, *args, stdin=None):
    p = subprocess.run([*cli, *args], input=stdin, capture_output=True)
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    return p


def jsonl(p):
    return [json.loads(line) for line in p.stdout.decode().splitlines()]


@pytest.fixture
def archive(tmp_path):
    """A folder of scraped articles, good and bad, nested."""
    root = tmp_path / "archive"
    (root / "2022" / "12").mkdir(parents=True)
    (root / "2023").mkdir()
    (root / "2022" / "12" / "a_utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "2022" / "12" / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (root / "2022" / "c_utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (root / "2022" / "d_cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (root / "2023" / "e_empty.txt").write_bytes(b"")
    (root / "2023" / "f_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (root / "2023" / "g_page.html").write_text(
        "<!doctype html><html><head><meta property='article:published_time' content='2022-12-19T10:00:00Z'>"
        "<title>خبر</title></head><body><nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a> <a>اقتصاد</a></nav>"
        f"<article><h1>موسكو تعلن إسقاط صواريخ</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>", encoding="utf-8")
    (root / "2023" / "h_records.jsonl").write_text(
        json.dumps({"id": "r1", "text": ARTICLE, "published": "2022-12-19"}, ensure_ascii=False) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "r3", "text": "وصل بوتين إلى مينسك أمس."}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "2023" / "notes.md").write_text("ignored", encoding="utf-8")
    return root


def test_archive_every_input_once_in_order(cli, archive):
    p = run(cli, "extract", str(archive), "--format", "jsonl", "--jobs", "2")
    assert p.returncode == 1  # some inputs failed
    objs = jsonl(p)
    sources = [o["source"] for o in objs]
    rel = [os.path.relpath(s, archive) if s.startswith(str(archive)) else s for s in sources]
    assert rel == ["2022/12/a_utf8.txt", "2022/12/b_bom.txt", "2022/c_utf16.txt", "2022/d_cp1256.txt",
                   "2023/e_empty.txt", "2023/f_binary.txt", "2023/g_page.html", "r1",
                   "2023/h_records.jsonl:2", "r3"]
    by = dict(zip(rel, objs))
    for name in ("2022/12/a_utf8.txt", "2022/12/b_bom.txt", "2022/c_utf16.txt", "2022/d_cp1256.txt"):
        assert by[name]["published"] == "2022-12-19", name
        assert any(c["type"] == "shootdown" and c["count"] == 4 for c in by[name]["claims"]), name
    assert "empty" in by["2023/e_empty.txt"]["error"]
    assert "binary" in by["2023/f_binary.txt"]["error"]
    assert "line 2" in by["2023/h_records.jsonl:2"]["error"]
    assert by["r1"]["published"] == "2022-12-19"
    # stderr: one line per failure, naming it
    err = p.stderr.decode().strip().splitlines()
    assert len(err) == 3 and any("e_empty.txt" in l for l in err) and any("h_records.jsonl:2" in l for l in err)


def test_html_page_menus_do_not_reach_extractors(cli, archive):
    page = archive / "2023" / "g_page.html"
    p = run(cli, "extract", str(page), "--format", "json", "--include-text")
    obj = json.loads(p.stdout)
    assert p.returncode == 0 and obj["published"] == "2022-12-19"
    assert "الرئيسية" not in obj["text"] and "جميع الحقوق" not in obj["text"] and "بيلغورود" in obj["text"]
    for e in obj["places"]:
        for m in e["mentions"]:
            assert obj["text"][m["start"]:m["end"]] == m["text"]


def test_forced_encoding(cli, tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(ARTICLE.encode("cp1256"))
    ok = run(cli, "extract", str(f), "--encoding", "cp1256", "--format", "jsonl")
    bad = run(cli, "extract", str(f), "--encoding", "utf-8", "--format", "jsonl")
    assert ok.returncode == 0 and jsonl(ok)[0]["places"]
    assert bad.returncode == 1 and "error" in jsonl(bad)[0]


def test_jobs_do_not_change_output(cli, archive):
    a = run(cli, "extract", str(archive), "--format", "jsonl", "--jobs", "1").stdout
    b = run(cli, "extract", str(archive), "--format", "jsonl", "--jobs", "2").stdout
    assert a == b and len(a.splitlines()) == 10


def test_unreadable_file_in_directory(cli, archive):
    # A dangling link cannot be read by anyone (root included, which ignores file modes).
    (archive / "2022" / "12" / "z_gone.txt").symlink_to(archive / "nowhere.txt")
    p = run(cli, "extract", str(archive), "--format", "jsonl")
    objs = jsonl(p)
    gone = [o for o in objs if o["source"].endswith("z_gone.txt")]
    assert p.returncode == 1 and len(gone) == 1 and "error" in gone[0]
    assert "z_gone.txt" in p.stderr.decode()
    assert len(objs) == 11 and sum("error" not in o for o in objs) == 7


def test_ctrl_c_exits_130_without_traceback(cli, tmp_path):
    records = tmp_path / "many.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"d{i}", "text": ARTICLE * 20}, ensure_ascii=False) + "\n")
    proc = subprocess.Popen([*cli, "extract", str(records), "--format", "jsonl", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()  # wait until output streams
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert json.loads(first)["source"] == "d0"
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err


def test_progress_bar_on_a_terminal_never_takes_the_results(cli, tmp_path):
    """With stderr on a terminal a progress bar shows there; stdout still gets every result."""
    import pty

    records = tmp_path / "many.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for i in range(40):
            fh.write(json.dumps({"id": f"d{i}", "text": ARTICLE}, ensure_ascii=False) + "\n")
    master, slave = pty.openpty()
    proc = subprocess.Popen([*cli, "extract", str(records), "--format", "jsonl", "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    out, _ = proc.communicate(timeout=120)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.returncode == 0
    assert [json.loads(l)["source"] for l in out.decode().splitlines()] == [f"d{i}" for i in range(40)]
    assert b"docs" in seen and b'"source"' not in seen  # the bar was drawn; no result went to the terminal


def test_collector_is_paused_only_while_rules_load():
    """Loading the rules runs with the cycle collector off; a batch turns it back on (tuned)."""
    import gc

    from newsfacts import batch
    from newsfacts.inputs import Doc
    from newsfacts.rules import RuleSet

    seen = []
    rules = RuleSet()
    rules.compiled("test:gc-probe", lambda r: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()
    out = list(batch.run([Doc(source="a", text="قال الرئيس فلاديمير بوتين إن 3 أشخاص أصيبوا.")]))
    assert len(out) == 1 and gc.isenabled()
    assert gc.get_threshold()[0] == batch.GC_THRESHOLD[0]
    gc.set_threshold(700, 10, 10)
    gc.unfreeze()
