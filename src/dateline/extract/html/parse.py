"""Parse a page once into an lxml tree that every later step reads."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


def parse_html(html: str) -> HtmlElement | None:
    """The document tree, or None when nothing can be parsed (truncated markup is repaired by lxml)."""
    html = _XML_DECL.sub("", html, count=1).replace("\x00", "")
    if not html.strip():
        return None
    try:
        root = etree.fromstring(html, _PARSER)
    except (etree.ParserError, ValueError):
        return None
    if root is None or not isinstance(root, HtmlElement):
        return None
    return root
