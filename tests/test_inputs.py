"""Input layer: decoding, HTML extraction, files, directories, records, stdin."""
from __future__ import annotations

import builtins
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts import inputs
from newsfacts.decoding import DecodeError, decode_bytes
from newsfacts.html import html_to_text, looks_like_html, sniff_charset
from newsfacts.inputs import Doc, Failure, iter_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

ARABIC = "أعلنت وزارة الدفاع الروسية إسقاط أربعة صواريخ فوق بيلغورود.\nوقال المتحدث إن الدفاعات الجوية اعترضت طائرتين مسيرتين."


def run(paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def one(path, **kw):
    (item,) = run([path], **kw)
    return item


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def failure_reason(item) -> str:
    assert isinstance(item, Failure), item
    assert "\n" not in item.error and "Traceback" not in item.error
    return item.error


# ---------------------------------------------------------------- decoding

def test_plain_utf8_text_is_kept_verbatim(tmp_path):
    text = "  " + ARABIC.replace("\n", "\r\n") + "\r\n"  # offsets point into the original
    p = write(tmp_path / "a.txt", text)
    assert one(p) == Doc(str(p), text, None)


def test_utf8_bom_is_dropped(tmp_path):
    p = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARABIC.encode())
    doc = one(p)
    assert doc.text == ARABIC and not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom(tmp_path, codec, bom):
    p = write(tmp_path / f"{codec}.txt", bom + ARABIC.encode(codec))
    assert one(p).text == ARABIC


def test_cp1256_arabic_is_detected(tmp_path):
    p = write(tmp_path / "legacy.txt", ARABIC.encode("cp1256"))
    assert one(p) == Doc(str(p), ARABIC, None)


def test_non_arabic_legacy_bytes_are_not_guessed_as_cp1256(tmp_path):
    p = write(tmp_path / "latin.txt", "Le café était fermé à Genève, déjà.".encode("latin-1"))
    assert failure_reason(one(p)) == "not UTF-8, UTF-16 or cp1256 text; use --encoding"
    # ... but forcing the right encoding works.
    assert one(p, encoding="latin-1").text == "Le café était fermé à Genève, déjà."


def test_forced_encoding_is_used_strictly(tmp_path):
    # ISO-8859-6 Arabic would be misread by the cp1256 guess; forcing it fixes that.
    text = "انقطعت الكهرباء عن ثلاث مناطق"
    p = write(tmp_path / "iso.txt", text.encode("iso-8859-6"))
    assert one(p, encoding="iso-8859-6").text == text
    assert one(p).text != text  # auto-detection cannot know, hence --encoding
    q = write(tmp_path / "cp.txt", ARABIC.encode("cp1256"))
    assert failure_reason(one(q, encoding="utf-8")) == "cannot decode as utf-8"
    assert one(q, encoding="cp1256").text == ARABIC


def test_unknown_encoding_name(tmp_path):
    p = write(tmp_path / "a.txt", ARABIC)
    assert one(p, encoding="klingon-8") == Failure(str(p), "unknown encoding klingon-8")
    with pytest.raises(DecodeError, match="^unknown encoding base64$"):
        decode_bytes(b"abc", "base64")  # a codec, but not a text encoding


def test_binary_file_with_nul_bytes(tmp_path):
    p = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert failure_reason(one(p)) == "binary file (contains NUL bytes)"
    with pytest.raises(DecodeError) as err:
        decode_bytes("نص".encode() + b"\x00")
    assert err.value.reason == "binary file (contains NUL bytes)"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"])
def test_empty_or_whitespace_file(tmp_path, data):
    p = write(tmp_path / "empty.txt", data)
    assert one(p) == Failure(str(p), "empty file")


def test_decode_bytes_direct():
    assert decode_bytes(ARABIC.encode("utf-16")) == ARABIC  # BOM written by the codec
    assert decode_bytes(ARABIC.encode("cp1256")) == ARABIC
    assert decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode(), "utf-8") == ARABIC
    with pytest.raises(DecodeError, match="^cannot decode as ascii$"):
        decode_bytes(ARABIC.encode(), "ascii")
    # cp1256 only when mostly Arabic (>= 30% of non-space characters)
    mixed = "قال مسؤول في UN إن 10 صواريخ أطلقت"
    assert decode_bytes(mixed.encode("cp1256")) == mixed
    with pytest.raises(DecodeError, match="use --encoding"):
        decode_bytes("Report by AP and Reuters agencies, quoted: ن".encode("cp1256"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([None, "utf-8", "cp1256", "utf-16"]))
def test_decode_bytes_returns_text_or_one_line_decode_error(data, encoding):
    try:
        text = decode_bytes(data, encoding)
    except DecodeError as e:
        assert e.reason and "\n" not in e.reason
    else:
        assert text.strip() and "\x00" not in text and not text.startswith("\ufeff")


# ---------------------------------------------------------------- paths

def test_missing_path():
    assert run(["/nonexistent/newsfacts/article.txt"]) == [
        Failure("/nonexistent/newsfacts/article.txt", "no such file or directory")
    ]


def _blocked_reads(monkeypatch, blocked: Path):
    """chmod 000 on ``blocked``; when that does not stop us (root), make open() refuse it."""
    blocked.chmod(0)
    try:
        with open(blocked, "rb"):
            pass
    except PermissionError:
        return
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if os.fspath(file) == str(blocked):
            raise PermissionError(13, "Permission denied", str(blocked))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", fake_open, raising=False)


def test_unreadable_file_is_a_failure_and_others_continue(tmp_path, monkeypatch):
    good = write(tmp_path / "d" / "a.txt", ARABIC)
    bad = write(tmp_path / "d" / "b.txt", ARABIC)
    rec = write(tmp_path / "d" / "c.jsonl", json.dumps({"text": ARABIC}))
    _blocked_reads(monkeypatch, bad)
    try:
        assert run([tmp_path / "d", bad, rec]) == [
            Doc(str(good), ARABIC, None),
            Failure(str(bad), "permission denied"),
            Doc(f"{rec}:1", ARABIC, None),
            Failure(str(bad), "permission denied"),
            Doc(f"{rec}:1", ARABIC, None),
        ]
    finally:
        bad.chmod(0o644)


def test_unreadable_subdirectory_is_a_failure_and_others_continue(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    a = write(root / "a.txt", ARABIC)
    write(root / "locked" / "secret.txt", ARABIC)
    z = write(root / "z.txt", ARABIC)
    locked = root / "locked"
    locked.chmod(0)
    try:
        try:
            os.listdir(locked)
        except PermissionError:
            pass
        else:  # running as root: simulate the refusal
            real_scandir = os.scandir

            def fake_scandir(path="."):
                if os.fspath(path) == str(locked):
                    raise PermissionError(13, "Permission denied", str(locked))
                return real_scandir(path)

            monkeypatch.setattr(inputs.os, "scandir", fake_scandir)
        assert run([root]) == [
            Doc(str(a), ARABIC, None),
            Failure(str(locked), "permission denied"),
            Doc(str(z), ARABIC, None),
        ]
    finally:
        locked.chmod(0o755)


def test_directory_is_recursive_sorted_filtered_and_skips_hidden(tmp_path):
    root = tmp_path / "archive"
    # created out of order on purpose
    files = {
        "z.txt": "نص زاي",
        "a/b.txt": "نص باء",
        "a.txt": "نص ألف",
        "a/deep/er/c.TXT": "نص جيم",
        "B.Htm": "<html><body><p>خبر من صفحة</p></body></html>",
        "m/records.JSONL": '{"id": "r1", "text": "سجل أول"}\n{"id": "r2", "text": "سجل ثان"}\n',
        "notes.md": "ليس ضمن المدخلات",
        "data.json": '{"text": "ليس ضمن المدخلات"}',
        "README": "ليس ضمن المدخلات",
        ".hidden.txt": "مخفي",
        ".git/x.txt": "مخفي",
        "a/.cache/y.txt": "مخفي",
    }
    for rel, content in files.items():
        write(root / rel, content)
    (root / "empty-dir").mkdir()

    got = run([root])
    assert [d.source for d in got] == [
        f"{root}/B.Htm",
        f"{root}/a.txt",
        f"{root}/a/b.txt",
        f"{root}/a/deep/er/c.TXT",
        "r1",
        "r2",
        f"{root}/z.txt",
    ]
    assert all(isinstance(d, Doc) for d in got)
    assert [d.text for d in got] == ["خبر من صفحة", "نص ألف", "نص باء", "نص جيم", "سجل أول", "سجل ثان", "نص زاي"]
    # the order is the plain string order of relative paths
    rels = [d.source[len(str(root)) + 1:] for d in got if d.source.startswith(str(root))]
    assert rels == sorted(rels)
    # the path as given is kept as the prefix (trailing slash or not)
    assert run([f"{root}/a/"])[0].source == f"{root}/a/b.txt"
    # an empty directory yields nothing, and that is not a failure
    assert run([root / "empty-dir"]) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_directory_links_loops_and_special_files(tmp_path):
    root = tmp_path / "d"
    a = write(root / "sub" / "a.txt", "نص")
    (root / "sub" / "loop").symlink_to("..")  # a loop back to d/
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")  # must not block the walk
    assert run([root]) == [Failure(f"{root}/broken.txt", "broken symbolic link"), Doc(str(a), "نص", None)]


def test_directory_streams_lazily(tmp_path):
    root = tmp_path / "d"
    write(root / "1.txt", "الأول")
    second = write(root / "2.txt", "الثاني")
    gen = iter_inputs([str(root)])
    assert next(gen).text == "الأول"
    second.write_text("تغير بعد بدء القراءة", encoding="utf-8")  # not read up front
    assert next(gen).text == "تغير بعد بدء القراءة"
    assert next(gen, None) is None


def test_explicit_paths_keep_input_order_and_source_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "z.txt", "زاي")
    write(tmp_path / "a.md", "ألف")  # any extension is a text file when named explicitly
    got = run(["z.txt", "./a.md", "missing.txt"])
    assert got == [Doc("z.txt", "زاي", None), Doc("./a.md", "ألف", None),
                   Failure("missing.txt", "no such file or directory")]


def test_file_too_large(tmp_path, monkeypatch):
    p = write(tmp_path / "big.txt", "ب" * 3_000_000)  # 6 MB
    monkeypatch.setattr(inputs, "MAX_BYTES", 5 * 1024 * 1024)
    assert one(p) == Failure(str(p), "file too large (6 MB; limit 5 MB)")


def test_stdin_too_large_is_read_in_bounded_chunks(monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 1024 * 1024)
    big = io.BytesIO("ب".encode() * 800_000)  # 1.6 MB
    assert run(["-"], stdin=big) == [Failure("-", "input too large (limit 1 MB)")]
    assert big.tell() == 1024 * 1024 + 1  # stopped right after the limit
    small = "ب" * 400_000
    assert run(["-"], stdin=io.BytesIO(small.encode())) == [Doc("-", small, None)]


def test_twenty_megabyte_file_goes_through(tmp_path):
    line = (ARABIC + "\n").encode()
    p = write(tmp_path / "huge.txt", line * (20 * 1024 * 1024 // len(line) + 1))
    doc = one(p)
    assert isinstance(doc, Doc) and len(doc.text.encode()) == p.stat().st_size


# ---------------------------------------------------------------- records

def test_records_file_fixture():
    path = FIXTURES / "records.jsonl"
    got = run([path])
    assert got == [
        Doc("kyiv-1", "أعلن الجيش الأوكراني إسقاط طائرتين مسيرتين فوق كييف.", "2022-12-19"),
        Doc("42", "انقطعت الكهرباء عن ثلاث مناطق في خاركيف.", None),
        Failure(f"{path}:4", got[2].error),
        Failure(f"{path}:5", 'line 5: missing "text"'),
        Failure(f"{path}:6", 'line 6: "published" is not a valid date: "2022-02-30"'),
        Doc(f"{path}:7", "أكد المتحدث أن الدفاعات الجوية اعترضت صاروخا.", "2023-01-05"),
    ]
    assert failure_reason(got[2]).startswith("line 4: invalid JSON: ")


@pytest.mark.parametrize(
    "line,reason",
    [
        ('{"text": }', "line 1: invalid JSON: Expecting value at column 10"),
        ('["نص"]', "line 1: not a JSON object (got list)"),
        ('{"text": 5}', 'line 1: "text" is not a string'),
        ('{"text": "  "}', 'line 1: empty "text"'),
        ('{"text": null}', 'line 1: "text" is not a string'),
        ('{"text": "نص", "id": [1]}', 'line 1: "id" must be a string or an integer'),
        ('{"text": "نص", "published": "19/12/2022"}', 'line 1: "published" must be YYYY-MM-DD: "19/12/2022"'),
        ('{"text": "نص", "published": 2022}', 'line 1: "published" must be a string YYYY-MM-DD: 2022'),
    ],
)
def test_bad_record_lines(tmp_path, line, reason):
    p = write(tmp_path / "r.jsonl", line + "\n" + '{"text": "سطر سليم"}\n')
    assert run([p]) == [Failure(f"{p}:1", reason), Doc(f"{p}:2", "سطر سليم", None)]


def test_records_published_forms_and_blank_lines(tmp_path):
    lines = [
        {"id": "a", "text": "نص", "published": "2022-12-19"},
        {"id": "b", "text": "نص", "published": "2022-12-19T08:15:00Z"},
        {"id": "c", "text": "نص", "published": None},
        {"id": "d", "text": "نص", "published": ""},
    ]
    body = "\n\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n   \n"
    p = write(tmp_path / "r.jsonl", "\ufeff" + body.replace("\n", "\r\n"))
    assert [(d.source, d.published) for d in run([p])] == [
        ("a", "2022-12-19"), ("b", "2022-12-19"), ("c", None), ("d", None)
    ]


def test_records_bad_bytes_on_one_line_only(tmp_path):
    p = write(tmp_path / "r.jsonl", b'{"text": "ok"}\n\x00\x01\x02\n{"text": "\xd8\xa8"}\n')
    assert run([p]) == [
        Doc(f"{p}:1", "ok", None),
        Failure(f"{p}:2", "line 2: binary file (contains NUL bytes)"),
        Doc(f"{p}:3", "ب", None),
    ]


def test_records_in_utf16(tmp_path):
    body = '{"id": "x", "text": "نص أول"}\n{"text": "نص ثان"}\n'
    p = write(tmp_path / "r.jsonl", body.encode("utf-16"))
    assert run([p]) == [Doc("x", "نص أول", None), Doc(f"{p}:2", "نص ثان", None)]


# ---------------------------------------------------------------- stdin

def test_stdin_text():
    assert run(["-"], stdin=io.BytesIO(ARABIC.encode())) == [Doc("-", ARABIC, None)]
    assert run(["-"], stdin=io.BytesIO(ARABIC.encode("cp1256"))) == [Doc("-", ARABIC, None)]
    assert run(["-"], stdin=io.BytesIO(b"")) == [Failure("-", "empty file")]


def test_stdin_is_one_document_even_if_it_looks_like_records():
    data = '{"id": "x", "text": "نص"}\n{"id": "y", "text": "نص"}\n'
    assert run(["-"], stdin=io.BytesIO(data.encode())) == [Doc("-", data, None)]


def test_stdin_html():
    html = (FIXTURES / "article.html").read_bytes()
    (doc,) = run(["-"], stdin=io.BytesIO(html))
    assert doc.source == "-" and doc.published == "2022-12-19"
    assert "أسقطت أربعة صواريخ هارم" in doc.text and "الرئيسية" not in doc.text


# ---------------------------------------------------------------- HTML

MENU_AND_CHROME = ["الرئيسية", "رياضة", "اقتصاد", "ثقافةوفنون", "تكنولوجيا", "شبكةالأخبار",
                   "سياسةالخصوصية", "اتصلبنا", "مؤشرالتتبع", "color", "ابحث"]


def test_html_page_main_text_without_menus_and_with_date():
    path = FIXTURES / "article.html"
    doc = one(path)
    assert isinstance(doc, Doc) and doc.source == str(path)
    assert doc.published == "2022-12-19"
    for sentence in (
        "أعلنت وزارة الدفاع الروسية يوم الاثنين أن منظومات الدفاع الجوي أسقطت أربعة صواريخ هارم",
        "إيغور كوناشينكوف",
        "التقى الرئيس الروسي فلاديمير بوتين نظيره البيلاروسي ألكسندر لوكاشينكو",
    ):
        assert sentence in doc.text
    for word in MENU_AND_CHROME:
        assert word not in doc.text, word
    assert "<" not in doc.text


def test_html_date_from_json_ld_and_none_without_metadata():
    para = "<p>" + "أعلنت وزارة الدفاع الروسية أن الدفاعات الجوية أسقطت صواريخ فوق بيلغورود. " * 4 + "</p>"
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z"}</script>')
    text, date = html_to_text(f"<html><head>{ld}</head><body><article>{para}</article></body></html>")
    assert date == "2021-03-04" and "بيلغورود" in text
    # a date written only in the body text is not guessed
    text, date = html_to_text(f"<html><body><article><p>نشر في 19/12/2022</p>{para}</article></body></html>")
    assert date is None and "بيلغورود" in text


def test_html_fallback_body_text_for_short_pages(tmp_path):
    page = ("<html><head><title>عنوان</title><style>p{}</style></head><body>"
            "<nav><a>الرئيسية</a> <a>رياضة</a></nav><header>شبكةالأخبار</header>"
            "<div><p>خبر قصير جدا.</p><p>سطر ثان</p></div><script>x()</script>"
            "<footer>سياسةالخصوصية</footer></body></html>")
    p = write(tmp_path / "short.html", page)
    assert one(p) == Doc(str(p), "خبر قصير جدا.\nسطر ثان", None)


def test_html_without_text_is_a_failure(tmp_path):
    page = "<html><head><script>x()</script><style>p{}</style></head><body><div> </div><img src=a.png></body></html>"
    p = write(tmp_path / "empty.html", page)
    assert one(p) == Failure(str(p), "no text in HTML page")
    assert html_to_text(page) == ("", None)


def test_text_file_containing_html_is_treated_as_html(tmp_path):
    p = write(tmp_path / "page.txt", (FIXTURES / "article.html").read_bytes())
    doc = one(p)
    assert doc.published == "2022-12-19" and "الرئيسية" not in doc.text


def test_html_meta_charset_is_honoured(tmp_path):
    text = "انقطعت الكهرباء عن ثلاث مناطق في خاركيف"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"></head><body><p>{text}</p></body></html>'
    p = write(tmp_path / "iso.htm", page.encode("iso-8859-6"))
    assert one(p).text == text  # the cp1256 guess alone would garble this
    q = write(tmp_path / "cp.html", f'<meta charset="windows-1256"><p>{text}</p>'.encode("cp1256"))
    assert one(q).text == text
    assert sniff_charset(b'<html><head><META CHARSET=\'UTF-8\'>') == "UTF-8"
    assert sniff_charset(b"<html><head></head>") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<!DOCTYPE html><html><body></body></html>", True),
        ("\ufeff\n  <html lang='ar'>", True),
        ('<?xml version="1.0"?>\n<!-- c -->\n<html>', True),
        ("<div class='x'><p>نص</p></div>", True),
        ("<body>\nنص", True),
        (ARABIC, False),
        ("الرئيس <المخلوع> قال إن p>q", False),
        ("<pre>not a paragraph</pre>", False),
        ("نص " * 1000 + "<p>", False),  # markup only far below the top
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


# ---------------------------------------------------------------- robustness

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), name=st.sampled_from(["x.txt", "x.jsonl", "x.html"]))
def test_never_raises_on_arbitrary_bytes(tmp_path, data, name):
    p = write(tmp_path / name, data)
    for item in run([p]):
        assert isinstance(item, (Doc, Failure))
        if isinstance(item, Failure):
            failure_reason(item)
        else:
            assert item.text.strip()


def test_doc_and_failure_are_frozen():
    with pytest.raises(AttributeError):
        Doc("s", "t", None).text = "x"
    with pytest.raises(AttributeError):
        Failure("s", "e").error = "x"


def test_import_is_light():
    code = "import sys, newsfacts.inputs; print(sorted(m for m in ('trafilatura', 'lxml', 'htmldate') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"
