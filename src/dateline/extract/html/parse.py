"""Parse a page once into an lxml tree that every later step reads."""

from __future__ import annotations

from lxml.html import HtmlElement


def parse_html(html: str) -> HtmlElement | None:
    """The document tree, or None when the input is not HTML at all.

    trafilatura's loader repairs what browsers tolerate (markup before the
    doctype, a stray XML declaration, truncated documents), so the body
    extractor sees the same tree as the metadata readers.
    """
    from trafilatura import load_html

    html = html.replace("\x00", "")
    if not html.strip():
        return None
    try:
        return load_html(html)
    except (TypeError, ValueError):
        return None
