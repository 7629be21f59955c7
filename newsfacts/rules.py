"""Loading the knowledge in ``rules/``: TOML rule files and TSV lists.

Built-in rules ship inside the wheel (``newsfacts/rules``); in a source
checkout they are read from the repository's ``rules/``. A user's ``--rules
DIR`` is read on top: a TOML file of the same name adds its rules (a rule with
an existing ``id`` replaces it), a TSV file of the same name adds its rows.

Every TOML rule is a ``[[rule]]`` table with an ``id`` and a non-empty
``examples`` list; a rule without examples does not load. The extractor that
owns a file decides what else a rule and an example must hold and checks it
with :func:`require`.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")


class RuleError(Exception):
    """A rule file that cannot be used; the message names file and rule."""


def builtin_dir() -> Path:
    """Where the built-in rules are: inside the package, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def require(cond: bool, path: Path | str, rule_id: str, what: str) -> None:
    """Raise a RuleError naming file and rule unless ``cond`` holds."""
    if not cond:
        raise RuleError(f"{path}: rule '{rule_id}': {what}")


def checked_examples(rule: dict, path: Path | str) -> list[tuple[dict, list]]:
    """The examples of ``rule`` as ``(example, expect)``: each must have a ``text``
    string and an ``expect`` list (what the owning extractor checks further)."""
    out = []
    for ex in rule["examples"]:
        require(isinstance(ex, dict) and isinstance(ex.get("text"), str), path, rule["id"],
                "every example needs a 'text' string")
        require(isinstance(ex.get("expect"), list), path, rule["id"], "every example needs an 'expect' list")
        out.append((ex, ex["expect"]))
    return out


class RuleSet:
    """The built-in rules plus any user directories, loaded once and cached."""

    def __init__(self, extra_dirs: Iterable[str | Path] = ()) -> None:
        self.dirs: tuple[Path, ...] = (builtin_dir(), *(Path(d) for d in extra_dirs))
        for d in self.dirs[1:]:
            if not d.is_dir():
                raise RuleError(f"{d}: not a rules directory")
        self._cache: dict[str, Any] = {}

    def _files(self, name: str) -> list[Path]:
        return [d / name for d in self.dirs if (d / name).is_file()]

    def toml(self, name: str) -> list[dict]:
        """All ``[[rule]]`` tables of ``name`` (e.g. ``claims.toml``), validated."""
        key = "toml:" + name
        if key not in self._cache:
            rules: dict[str, dict] = {}
            for path in self._files(name):
                data = _read_toml(path)
                for i, rule in enumerate(data.get("rule", [])):
                    rid = rule.get("id") if isinstance(rule, dict) else None
                    require(isinstance(rid, str) and bool(rid), path, f"#{i + 1}", "has no 'id'")
                    ex = rule.get("examples")
                    require(isinstance(ex, list) and len(ex) > 0, path, rid,
                            "has no examples (every rule needs at least one)")
                    rules[rid] = {**rule, "_file": str(path)}
            self._cache[key] = list(rules.values())
        return self._cache[key]

    def toml_tables(self, name: str) -> dict[str, Any]:
        """The top-level tables of ``name`` other than ``rule``; a user's file extends the
        built-in one (tables merge, lists extend, other values replace)."""
        key = "tables:" + name
        if key not in self._cache:
            self.toml(name)  # validate the file's rules too: a broken rule never loads silently
            merged: dict[str, Any] = {}
            for path in self._files(name):
                data = _read_toml(path)
                _merge_into(merged, {k: v for k, v in data.items() if k != "rule"})
            self._cache[key] = merged
        return self._cache[key]

    def tsv(self, name: str) -> list[list[str]]:
        """Rows of ``name`` (e.g. ``titles.tsv``); ``#`` comments and blanks skipped."""
        key = "tsv:" + name
        if key not in self._cache:
            from .recache import parsed_file

            rows: list[list[str]] = []
            for path in self._files(name):
                try:
                    rows.extend(parsed_file(path, _parse_tsv))  # type: ignore[arg-type]
                except (OSError, UnicodeDecodeError) as err:
                    raise RuleError(f"{path}: cannot read list: {err}") from None
            self._cache[key] = rows
        return self._cache[key]

    def compiled(self, key: str, build: Callable[["RuleSet"], T]) -> T:
        """Build (once) and cache a compiled structure derived from the rules.

        The cycle collector is paused while it builds: lexicons make tens of thousands of
        objects and no cycles, and each collection would walk all of them (callgrind: a
        tenth of a one-article run's start-up)."""
        ck = "compiled:" + key
        if ck not in self._cache:
            import gc

            was = gc.isenabled()
            gc.disable()
            try:
                self._cache[ck] = build(self)
            finally:
                if was:
                    gc.enable()
        return self._cache[ck]


def _parse_tsv(text: str) -> list[list[str]]:
    """Rows of a TSV list; ``#`` comments and blank lines skipped, cells stripped."""
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _read_toml(path: Path) -> dict[str, Any]:
    from .recache import parsed_file

    try:
        return parsed_file(path, tomllib.loads)  # type: ignore[return-value]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise RuleError(f"{path}: cannot read rules: {err}") from None


def _merge_into(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """User tables on top of built-in ones: tables merge, lists extend, values replace."""
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            base[k] = dict(base[k])
            _merge_into(base[k], v)
        elif isinstance(v, list) and isinstance(base.get(k), list):
            base[k] = base[k] + v
        else:
            base[k] = v


_DEFAULT: RuleSet | None = None


def default_rules() -> RuleSet:
    """The built-in rule set, shared by every call in this process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RuleSet()
    return _DEFAULT
