"""Input layer: paths (files, directories, records files, ``-``) to documents.

``iter_inputs`` yields, in input order and lazily, one :class:`Doc` per
document or one :class:`Failure` per problem. It never raises for bad input.

Kinds of path:

- ``-``: stdin, one document (HTML when it looks like HTML); source ``-``.
- ``*.jsonl``: a records file, one ``{"id", "text", "published"}`` object per
  line, streamed line by line. Source is the record's ``id`` (as a string) or
  ``<path>:<lineno>``. A bad line is a Failure for that line only; blank lines
  are skipped.
- ``*.html`` / ``*.htm``, or any text that looks like HTML: main article text
  and publication date extracted from the page.
- a directory: every ``*.txt``, ``*.jsonl``, ``*.html``, ``*.htm`` below it
  (extension case-insensitive), hidden files and directories skipped, in
  the order of their path relative to the directory (plain string order).
- anything else: a text file, one document; source is the path as given.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import errno
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from .decoding import DecodeError, decode_bytes

__all__ = ["Doc", "Failure", "iter_inputs", "MAX_BYTES", "DIR_SUFFIXES"]

MAX_BYTES = 200 * 1024 * 1024  # per document (file or stdin); records files stream
DIR_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_RECORDS_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Doc:
    source: str
    text: str
    published: str | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    error: str


def iter_inputs(
    paths: list[str], encoding: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Doc | Failure]:
    """Yield a Doc or Failure per document found in ``paths``, in order."""
    for path in paths:
        if path == "-":
            yield _from_stdin(stdin, encoding)
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            yield Failure(path, _os_reason(e))
            continue
        except ValueError as e:  # embedded NUL in the path
            yield Failure(path, _one_line(str(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(path, encoding)
        else:
            yield from _from_file(path, encoding)


# ---------------------------------------------------------------- reasons

def _one_line(s: str) -> str:
    return " ".join(s.split()) or "error"


def _os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, NotADirectoryError):
        return "not a directory"
    if e.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return _one_line((e.strerror or str(e)).lower())


def _too_large(size: int) -> str:
    mb = -(-size // (1024 * 1024))  # round up: never "200 MB; limit 200 MB"
    return f"file too large ({mb} MB; limit {MAX_BYTES // (1024 * 1024)} MB)"


# ---------------------------------------------------------------- documents

def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _document(source: str, data: bytes, encoding: str | None, is_html: bool) -> Doc | Failure:
    """Decode one document's bytes; extract text from HTML."""
    from .html import looks_like_html, sniff_charset

    if not is_html and encoding is None:
        # Markup is ASCII in every encoding we auto-detect except UTF-16/32,
        # whose BOM wins anyway; latin-1 maps bytes one to one.
        is_html = looks_like_html(data[:2048].decode("latin-1"))
    declared = sniff_charset(data) if is_html else None
    try:
        text = decode_bytes(data, encoding, declared=declared)
    except DecodeError as e:
        return Failure(source, e.reason)
    if is_html or looks_like_html(text):
        return _html_document(source, text)
    return Doc(source, text, None)


def _html_document(source: str, text: str) -> Doc | Failure:
    from .html import html_to_text

    try:
        body, published = html_to_text(text)
    except Exception as e:  # a parser bug on a hostile page must not stop a batch
        return Failure(source, _one_line(f"cannot parse HTML: {type(e).__name__}: {e}"))
    if not body.strip():
        return Failure(source, "no text in HTML page")
    return Doc(source, body, published)


_CHUNK = 1 << 20


def _read_limited(f: BinaryIO, size_hint: int = 0) -> bytes | None:
    """Read the whole stream if it has at most MAX_BYTES; None when it has more.

    ``read(n)`` allocates ``n`` bytes up front, so a regular file is read with
    its own size (+1 to notice growth); streams of unknown size in chunks.
    """
    if 0 < size_hint <= MAX_BYTES:
        data = f.read(size_hint + 1)
        if len(data) <= size_hint:
            return data
        buf = bytearray(data)
        del data
    else:
        buf = bytearray()
    while len(buf) <= MAX_BYTES:
        chunk = f.read(min(_CHUNK, MAX_BYTES + 1 - len(buf)))
        if not chunk:
            break
        buf += chunk
    if len(buf) > MAX_BYTES:
        return None
    return bytes(buf)


def _from_stdin(stdin: BinaryIO | None, encoding: str | None) -> Doc | Failure:
    if stdin is None:
        stdin = sys.stdin.buffer
    try:
        data = _read_limited(stdin)
    except OSError as e:
        return Failure("-", _os_reason(e))
    if data is None:
        return Failure("-", f"input too large (limit {MAX_BYTES // (1024 * 1024)} MB)")
    return _document("-", data, encoding, is_html=False)


def _from_file(path: str, encoding: str | None) -> Iterator[Doc | Failure]:
    suffix = _suffix(path)
    if suffix == _RECORDS_SUFFIX:
        yield from _records(path, encoding)
        return
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                yield Failure(path, _too_large(size))
                return
            data = _read_limited(f, size)
    except OSError as e:
        yield Failure(path, _os_reason(e))
        return
    if data is None:
        yield Failure(path, f"file too large (over {MAX_BYTES // (1024 * 1024)} MB)")
        return
    yield _document(path, data, encoding, is_html=suffix in _HTML_SUFFIXES)


# ---------------------------------------------------------------- directories

def _walk_dir(root: str, encoding: str | None) -> Iterator[Doc | Failure]:
    """Files below ``root`` in the string order of their relative paths.

    Each directory is listed when reached (not the whole tree up front).
    Entries of a directory are sorted with ``name + "/"`` as the key for
    subdirectories, which gives exactly the order of the full relative paths.
    Symlinked directories are followed, but never into a loop.
    """
    try:
        top = os.stat(root)
    except OSError as e:  # pragma: no cover - stat just succeeded in the caller
        yield Failure(root, _os_reason(e))
        return
    yield from _walk(root, encoding, {(top.st_dev, top.st_ino)})


def _walk(directory: str, encoding: str | None, ancestors: set) -> Iterator[Doc | Failure]:
    try:
        with os.scandir(directory) as it:
            entries = []
            for entry in it:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                entries.append((entry.name + "/" if is_dir else entry.name, entry, is_dir))
    except OSError as e:
        yield Failure(directory, _os_reason(e))
        return
    entries.sort(key=lambda t: t[0])
    for _key, entry, is_dir in entries:
        path = os.path.join(directory, entry.name)
        if is_dir:
            try:
                st = entry.stat()
            except OSError as e:
                yield Failure(path, _os_reason(e))
                continue
            ident = (st.st_dev, st.st_ino)
            if ident in ancestors:  # symlink loop
                continue
            yield from _walk(path, encoding, ancestors | {ident})
            continue
        if _suffix(entry.name) not in DIR_SUFFIXES:
            continue
        try:
            regular = entry.is_file()
        except OSError:
            regular = False
        if not regular:
            if entry.is_symlink() and not os.path.exists(path):
                yield Failure(path, "broken symbolic link")
            continue  # fifos, sockets, devices: never block on them
        yield from _from_file(path, encoding)


# ---------------------------------------------------------------- records

_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", re.DOTALL)


def _published(value: object) -> str | None:
    """ISO date ``YYYY-MM-DD`` (a full ISO timestamp is cut to its date; "" is None)."""
    if value == "":
        return None  # common spelling of "unknown" in exported datasets
    if not isinstance(value, str):
        raise ValueError("must be a string YYYY-MM-DD")
    m = _DATE_RE.fullmatch(value.strip())
    if not m:
        raise ValueError("must be YYYY-MM-DD")
    try:
        if len(value.strip()) > 10:
            _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        else:
            _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError("is not a valid date") from None
    return value.strip()[:10]


def _record(path: str, lineno: int, line: str) -> Doc | Failure:
    where = f"{path}:{lineno}"

    def bad(reason: str) -> Failure:
        return Failure(where, _one_line(f"line {lineno}: {reason}"))

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return bad(f"invalid JSON: {e.msg.removesuffix(' at')} at column {e.colno}")
    except RecursionError:
        return bad("invalid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return bad(f"not a JSON object (got {type(obj).__name__})")
    if "text" not in obj:
        return bad('missing "text"')
    text = obj["text"]
    if not isinstance(text, str):
        return bad('"text" is not a string')
    if not text.strip():
        return bad('empty "text"')
    rid = obj.get("id")
    if rid is None or rid == "":
        source = where
    elif isinstance(rid, str):
        source = rid
    elif isinstance(rid, int) and not isinstance(rid, bool):
        source = str(rid)
    else:
        return bad('"id" must be a string or an integer')
    published = obj.get("published")
    if published is not None:
        try:
            published = _published(published)
        except ValueError as e:
            return bad(f'"published" {e}: {json.dumps(obj["published"], ensure_ascii=False)[:40]}')
    return Doc(source, text, published)


def _ascii_compatible(encoding: str | None) -> bool:
    if encoding is None:
        return True
    try:
        return "{\n".encode(codecs.lookup(encoding).name) == b"{\n"
    except (LookupError, ValueError, TypeError, UnicodeError):
        return True  # decode_bytes reports the unknown encoding per line


def _records(path: str, encoding: str | None) -> Iterator[Doc | Failure]:
    try:
        f = open(path, "rb")
    except OSError as e:
        yield Failure(path, _os_reason(e))
        return
    with f:
        try:
            head = f.peek(4)[:4] if hasattr(f, "peek") else b""
        except OSError as e:
            yield Failure(path, _os_reason(e))
            return
        wide_bom = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if wide_bom or not _ascii_compatible(encoding):
            yield from _records_wide(path, f, encoding or "utf-16")
            return
        lineno = 0
        try:
            for lineno, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                try:
                    line = decode_bytes(raw, encoding)
                except DecodeError as e:
                    yield Failure(f"{path}:{lineno}", _one_line(f"line {lineno}: {e.reason}"))
                    continue
                yield _record(path, lineno, line)
        except OSError as e:
            yield Failure(f"{path}:{lineno + 1}", _one_line(f"line {lineno + 1}: {_os_reason(e)}"))


def _records_wide(path: str, f: BinaryIO, encoding: str) -> Iterator[Doc | Failure]:
    """Records in UTF-16/32: lines cannot be split on raw bytes."""
    import io

    lineno = 0
    try:
        text = io.TextIOWrapper(f, encoding=encoding, errors="strict", newline="\n")
        for lineno, line in enumerate(text, 1):
            line = line.lstrip("\ufeff") if lineno == 1 else line
            if line.strip():
                yield _record(path, lineno, line)
    except (UnicodeDecodeError, OSError, LookupError) as e:
        reason = f"cannot decode as {encoding}" if isinstance(e, UnicodeDecodeError) else (
            _os_reason(e) if isinstance(e, OSError) else f"unknown encoding {encoding}")
        yield Failure(f"{path}:{lineno + 1}", f"line {lineno + 1}: {reason}; rest of file skipped")
