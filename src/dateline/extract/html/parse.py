"""Parse a page once into an lxml tree that every later step reads."""

from __future__ import annotations

import re

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


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def opening(el: HtmlElement, chars: int) -> str:
    """The first ``chars`` characters of the element's text with its spaces normalised, as XPath's
    ``normalize-space(.)`` gives them, reading no more of its subtree than that needs (an element
    can hold the whole page)."""
    head = ""
    for piece in el.itertext():
        head += piece
        text = _XML_SPACE.sub(" ", head).lstrip(" ")
        if len(text) > chars:
            return text[:chars]
    return _XML_SPACE.sub(" ", head).strip(" ")[:chars]
