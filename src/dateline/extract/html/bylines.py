"""Authors printed on the page when its metadata names none.

Two general signs of a byline: a link to an author page (/author/..., /authors/...,
/people/..., /staff/..., /profile/...) whose text is a short name, and a short line
that starts "By" or "Written by".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from .furniture import names_furniture

_AUTHOR_LINKS = XPath(
    ".//a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/people/')"
    " or contains(@href, '/staff/') or contains(@href, '/profile/') or contains(@href, '/journalist/')"
    " or @rel='author']"
)
_BY_LINES = XPath(
    ".//*[self::p or self::div or self::span or self::address or self::li]"
    "[starts-with(normalize-space(.), 'By ') or starts-with(normalize-space(.), 'Written by')"
    " or starts-with(normalize-space(.), 'by ')]"
)
_BY_PREFIX = re.compile(r"^(?:written\s+)?by\b\s*:?\s*", re.I)
# where a byline's name ends: " on ...", " | ...", ", 12 May", " December 3", digits
_NAME_END = re.compile(
    r"\s+(?:on|at|in|for|\||·|-|–|—)\s+|,\s*(?=\w+\s+\d)|\s+\d|"
    r"\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.I,
)
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}$")
# the part of an author link's path that names the author: /author/jane-doe, /people/jdoe/
_AUTHOR_PATH = re.compile(r"/(?:author|authors|people|staff|profile|journalist)/(?P<slug>[^/?#]*)", re.I)
_OUTSIDE_TAGS = frozenset({"nav"})
_MAX_LINE_CHARS = 80
_MAX_LINKS = 200


def _text(el: HtmlElement) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _looks_like_name(text: str) -> bool:
    if not 2 < len(text) < 50 or _BY_PREFIX.match(text):
        return False
    return bool(_NAME.match(text)) and not text.islower()


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def _is_article_author_link(link: HtmlElement, page_host: str) -> bool:
    """A link to this site's page about one author, outside menus, sidebars and comments.

    A link to a profile on another site (a social network's /profile/...) names no author of the
    page; a link to the /people/ or /staff/ index is a section; a name in a menu or the
    sidebar's list of other posts belongs to another page.
    """
    href = link.get("href", "")
    if link.get("rel") != "author":
        m = _AUTHOR_PATH.search(href)
        if m is None or not m.group("slug"):
            return False
    host = _host(href) if href.startswith(("http://", "https://", "//")) else page_host
    if page_host and host and host != page_host and not host.endswith("." + page_host) and not page_host.endswith("." + host):
        return False
    return not any(a.tag in _OUTSIDE_TAGS or names_furniture(a) for a in link.iterancestors())


def byline_authors(tree: HtmlElement, url: str | None = None) -> list[str]:
    """Names from author links, else from the first "By ..." line; [] when the page shows none."""
    names: list[str] = []
    page_host = _host(url)
    for link in _AUTHOR_LINKS(tree)[:_MAX_LINKS]:
        if not _is_article_author_link(link, page_host):
            continue
        text = _BY_PREFIX.sub("", _text(link))
        if _looks_like_name(text) and text not in names:
            names.append(text)
        if len(names) == 3:
            break
    if names:
        return names
    for line in _BY_LINES(tree):
        text = _text(line)
        if len(text) > _MAX_LINE_CHARS:
            continue
        name = _NAME_END.split(_BY_PREFIX.sub("", text), maxsplit=1)[0].strip(" ,.|")
        if _looks_like_name(name):
            return [name]
    return []
