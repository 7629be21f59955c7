"""newsfacts: event facts from Arabic news text.

    >>> from newsfacts import extract
    >>> facts = extract(text, published="2022-12-19")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "__version__"]


def __getattr__(name: str):
    # Lazy: `newsfacts --version` and `--help` must not pay for the engine.
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(name)
