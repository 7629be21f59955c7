"""Regular expressions (and parsed rule files) compiled once per machine, not once per run.

The rules compile to a few large regular expressions, and Python's ``re``
spends most of a cold start parsing them. A user who runs ``newsfacts`` once
per file from a shell loop pays that every time. :func:`compile` keeps the
compiled program (the opcode list ``re`` hands to ``_sre``) in a small cache
file, keyed by the pattern text, the flags and the exact Python and ``_sre``
versions, and rebuilds the pattern object from it directly on later runs.

Anything unexpected (no cache directory, an unreadable or stale file, another
Python) falls back to ``re.compile``: the cache changes speed, never results.
``NEWSFACTS_CACHE_DIR`` sets the directory; ``NEWSFACTS_NO_CACHE=1`` turns it off.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from pathlib import Path

try:  # CPython internals; without them the cache is simply not used
    import _sre
    from re import _compiler, _parser
    _VERSION = f"py{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    _sre = None
    _VERSION = ""

_entries: dict[tuple[str, int], tuple] | None = None
_added = False
_used: set[tuple[str, int]] = set()  # keys compiled by this process

#: Patterns kept in the regex cache. One rule set compiles about 30; when a run adds patterns
#: past this many (edited rules, ``--rules`` variants), only the ones it used are written back.
MAX_PATTERNS = 96
#: Parsed rule files kept; past this many, the oldest are removed when a new one is written.
MAX_PARSED = 256


def cache_file() -> Path | None:
    """The cache file for this Python, or None when caching is off."""
    if _sre is None or os.environ.get("NEWSFACTS_NO_CACHE"):
        return None
    base = os.environ.get("NEWSFACTS_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "newsfacts")
    return Path(base) / f"regex-{_VERSION}.marshal"


def _load() -> dict[tuple[str, int], tuple]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _entries = data
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _entries


def _save() -> None:
    path = cache_file()
    if not _added or path is None or _entries is None:
        return
    entries = _entries
    if len(entries) > MAX_PATTERNS:  # stale patterns of rules that have changed since: drop them
        entries = {k: v for k, v in entries.items() if k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(entries))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the on-disk cache when possible."""
    global _added
    flags = int(flags)
    if _sre is None or cache_file() is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    _used.add(key)
    entries = _load()
    entry = entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a stale or damaged entry: compile afresh
            pass
    try:
        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        indexgroup = [None] * p.state.groups
        for name, i in p.state.groupdict.items():
            indexgroup[i] = name
        entry = (int(flags | p.state.flags), [int(c) for c in code], int(p.state.groups - 1),
                 {str(k): int(v) for k, v in p.state.groupdict.items()}, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals changed: use the public API
        return re.compile(pattern, flags)
    entries[key] = entry
    if not _added:
        _added = True
        atexit.register(_save)
    return compiled


def parsed_file(path: Path, parse) -> object:
    """``parse(text)`` of a rule file, cached on disk until the file changes.

    Used for the TOML rule files: ``tomllib`` is pure Python and slow on
    large tables. The cache entry is keyed by the file's path, size and
    modification time; any problem falls back to parsing.
    """
    cache = cache_file()
    try:
        st = path.stat()
    except OSError:
        st = None
    if cache is None or st is None:
        return parse(path.read_text(encoding="utf-8"))
    import hashlib

    stamp = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    entry = cache.with_name(f"parsed-{hashlib.sha1(repr(stamp).encode()).hexdigest()[:20]}.marshal")
    try:
        data = marshal.loads(entry.read_bytes())
        if isinstance(data, tuple) and len(data) == 2 and data[0] == list(stamp):
            return data[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = parse(path.read_text(encoding="utf-8"))
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((list(stamp), data)))
        os.replace(tmp, entry)
        _prune_parsed(entry.parent)
    except (OSError, ValueError):
        pass  # not marshal-able (dates in TOML) or not writable: fine, just slower
    return data


def _prune_parsed(folder: Path) -> None:
    """Keep the newest ``MAX_PARSED // 2`` parsed rule files once there are more than
    ``MAX_PARSED``: every edit of a rule file leaves its old entry behind (runs only when
    an entry is written, that is when a rule file changed)."""
    try:
        files = [(e.stat().st_mtime_ns, e.path) for e in os.scandir(folder)
                 if e.name.startswith("parsed-") and e.name.endswith(".marshal")]
    except OSError:
        return
    if len(files) <= MAX_PARSED:
        return
    files.sort()
    for _, old in files[:len(files) - MAX_PARSED // 2]:
        try:
            os.remove(old)
        except OSError:
            pass
