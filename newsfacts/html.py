"""HTML pages: detection, main-text extraction, publication date.

trafilatura (and lxml) are imported inside the functions: they are slow to
import and plain-text runs never need them.
"""
from __future__ import annotations

import re

__all__ = ["looks_like_html", "html_to_text", "sniff_charset"]

# How far into a document we look for markup / a charset declaration.
_HEAD_CHARS = 2048
_HEAD_BYTES = 4096

_STARTS_AS_HTML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG_NEAR_TOP = re.compile(r"<(?:body|head|p)[\s>/]", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9][A-Za-z0-9_.:\-]*)",
    re.IGNORECASE,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Options for htmldate (through trafilatura): metadata and markup only
# (meta tags, JSON-LD, <time>, ...); no guessing from free text, no URL.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Elements whose text is never article text in the fallback extractor.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer",
    "svg", "iframe", "form", "button", "select",
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure h1 h2 "
    "h3 h4 h5 h6 hr li main ol p pre section table td th tr ul".split()
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment (checked near the top)."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    return bool(_STARTS_AS_HTML.match(head) or _HTML_TAG_NEAR_TOP.search(head))


def sniff_charset(data: bytes) -> str | None:
    """The charset declared by a ``<meta>`` tag near the top of HTML bytes."""
    m = _META_CHARSET.search(data[:_HEAD_BYTES])
    return m.group(1).decode("ascii") if m else None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    return None


def _fallback_text(html: str) -> str:
    """Text of <body> without scripts, styles, navigation, header and footer."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return ""
    body = tree.find(".//body")
    if body is None:
        body = tree
    lxml.etree.strip_elements(body, *_DROP_TAGS, with_tail=False)
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in body.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main article text of an HTML page and its publication date (ISO) or None.

    Menus, headers, footers and comments are left out (trafilatura, precision
    mode). When trafilatura finds no main text, the visible text of <body>
    is used instead. The text is ``""`` when the page has none.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (doc.text or "").strip() if doc is not None else ""
    published = _iso_date(doc.date) if doc is not None else None
    if not text:
        text = _fallback_text(html)
        if text:
            try:
                meta = trafilatura.extract_metadata(html, date_config=dict(_DATE_PARAMS))
            except Exception:  # metadata is a bonus; the text is what matters
                meta = None
            published = _iso_date(getattr(meta, "date", None))
    return text, published
