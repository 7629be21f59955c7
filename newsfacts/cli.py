"""The ``newsfacts`` command: a thin Typer layer over the library."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__

EPILOG = """Examples:

  newsfacts extract samples/putin-minsk-2022-12-19.txt

  newsfacts extract article.txt --format json | jq '.claims[] | select(.type=="shootdown")'

  newsfacts extract archive/ --format jsonl > facts.jsonl

  cat article.txt | newsfacts extract - --published 2022-12-19
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Extract people, places, organizations, dates and claims from Arabic news text.",
                  epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Extract people, places, organizations, dates and claims from Arabic news text."""


def _err(msg: str) -> None:
    sys.stderr.write(f"newsfacts: {msg}\n")
    sys.stderr.flush()


@app.command(epilog=EPILOG)
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH",
                                      help="Text file, .jsonl records file, .html page, directory (recursive), or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="table (default on a terminal), json (one object per document), jsonl (one line per document)."),
    published: Optional[str] = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                            help="Publication date for inputs that carry none (resolves اليوم، أمس، weekdays)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force an input encoding (default: detect UTF-8/UTF-16/cp1256)."),
    rules: List[Path] = typer.Option([], "--rules", metavar="DIR", help="Extra rules directory on top of the built-in rules (repeatable)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: number of CPUs)."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the (extracted) text to JSON output; offsets refer to it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract facts from Arabic news articles and print them."""
    from .pipeline import parse_iso_date

    if published is not None:
        try:
            parse_iso_date(published)
        except ValueError as err:
            raise typer.BadParameter(str(err), param_hint="--published")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding")
    from . import batch, emit
    from .inputs import iter_inputs
    from .rules import RuleError

    out_fmt = fmt.value if fmt else ("table" if sys.stdout.isatty() else "json")
    n_jobs = jobs or batch.default_jobs()
    if paths == ["-"] or len(paths) == 1 and not Path(paths[0]).is_dir() and not paths[0].endswith(".jsonl"):
        n_jobs = 1  # a single document: no worker processes to start
    console = None
    if out_fmt == "table":
        from rich.console import Console

        console = Console()
    failed = seen = 0
    progress = None
    if not quiet and sys.stderr.isatty():
        progress = batch.Progress(paths)
    try:
        results = batch.run(iter_inputs(paths, encoding=encoding), jobs=n_jobs, rule_dirs=[str(r) for r in rules],
                            published=published, include_text=include_text,
                            encode=None if out_fmt == "table" else out_fmt)
        for obj, size, encoded in results:
            seen += 1
            if "error" in obj:
                failed += 1
                _err(f"{obj['source']}: {obj['error']}")
            if progress:
                progress.advance(size)
            if encoded is not None:
                sys.stdout.write(encoded + "\n")
                sys.stdout.flush()
            elif "error" not in obj:
                emit.write_table(obj, console)
    except RuleError as err:
        _err(f"rules: {err}")
        raise typer.Exit(2)
    except KeyboardInterrupt:
        sys.stdout.flush()
        _err("interrupted")
        raise typer.Exit(130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error of ours
        raise typer.Exit(0)
    finally:
        if progress:
            progress.close()
    if not seen:
        _err("no documents found (directories are searched for *.txt, *.jsonl, *.html, *.htm)")
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # Ctrl-C outside the batch loop
        sys.exit(130)
