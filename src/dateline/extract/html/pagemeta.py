"""Page metadata read from the parsed tree: JSON-LD, <meta> tags, <title>, <h1>, canonical link.

trafilatura's metadata helpers (Open Graph, meta names, JSON-LD, author and site
name heuristics) do the reading; we skip its expensive full date search and take
the publication date from the page's own statements first (JSON-LD
``datePublished``, ``article:published_time``), with htmldate as the fallback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from ..authors import clean_authors, site_names
from .bylines import byline_authors

_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|newsarticle|webpage|review|analysis", re.I)
_SITE_TYPES = {"WebSite", "Organization", "NewsMediaOrganization"}
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
)


@dataclass
class PageMeta:
    title: str | None = None  # the page's own headline field (og:title / JSON-LD headline / <title>)
    html_title: str | None = None  # <title> as it stands
    og_title: str | None = None
    ld_headline: str | None = None
    h1: list[str] = field(default_factory=list)
    sitename: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    published: str | None = None  # as the page states it; normalised later


def read_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Everything the page says about itself, from one parsed tree (read-only)."""
    from trafilatura.metadata import examine_meta, extract_sitename, extract_url

    doc = examine_meta(tree)
    og_title = doc.title
    meta = PageMeta(og_title=og_title)
    meta.html_title = _first_text(tree, ".//head/title") or _first_text(tree, ".//title")
    meta.h1 = [t for t in (_text(h) for h in tree.iterfind(".//h1")) if t][:3]
    ld = list(_json_ld_objects(tree))
    article = next((o for o in ld if _ARTICLE_TYPES.search(_type_name(o)) and o.get("headline")), None)
    if article is None:
        article = next((o for o in ld if _ARTICLE_TYPES.search(_type_name(o))), None)
    ld_keywords: list[str] = []
    ld_authors: list[str] = []
    ld_publisher = next((_str(o.get("name")) for o in ld if _type_name(o) in _SITE_TYPES and o.get("name")), None)
    if article is not None:
        ld_authors = _names(article.get("author"))
        ld_publisher = _str(article.get("publisher")) or ld_publisher
        keywords = article.get("keywords")
        ld_keywords = keywords.split(",") if isinstance(keywords, str) else [k for k in keywords or [] if isinstance(k, str)]
        meta.ld_headline = _str(article.get("headline"))
        meta.published = _str(article.get("datePublished")) or _str(article.get("dateCreated"))
    meta.title = og_title or meta.ld_headline or meta.html_title
    meta.url = _canonical(tree) or doc.url or extract_url(tree, url) or url
    meta.sitename = (doc.sitename or ld_publisher or extract_sitename(tree) or "").lstrip("@") or None
    meta.authors = _authors(tree, ["; ".join(ld_authors), doc.author], meta.url, site_names(meta.sitename, ld_publisher, url=meta.url))
    meta.language = tree.get("lang") or tree.get("xml:lang") or _meta_content(tree, "og:locale")
    tags = list(doc.tags or []) or ld_keywords
    meta.tags = _unique(t.strip() for tag in tags for t in tag.split(",") if t.strip())
    if not meta.published:
        meta.published = _published_meta(tree)
    return meta


def _authors(tree: HtmlElement, stated: list[str | None], url: str | None, sites: frozenset[str]) -> list[str]:
    """The first source that names a person: what the page states (JSON-LD, the author <meta>),
    the byline on the page, trafilatura's author search (slower, so last). A source whose every
    value is a label, a section or a placeholder gives way to the next, and so does one that names
    only the site or its publisher; the site is the author only when no source names a person."""
    from trafilatura.metadata import extract_author

    sources = [*(_split_authors(value) for value in stated), lambda: byline_authors(tree, url),
               lambda: _split_authors(extract_author(tree))]
    fallback: list[str] = []
    for source in sources:
        values = source() if callable(source) else source
        names = clean_authors(values, sites)
        if names:
            return names
        fallback = fallback or clean_authors(values)
    return fallback


def _text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def _first_text(tree: HtmlElement, path: str) -> str | None:
    el = tree.find(path)
    return (_text(el) or None) if el is not None else None


def _str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _names(value: Any) -> list[str]:
    """Author names from JSON-LD: a string, a Person/Organization object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = [_str(item) for item in items]
    return [n for n in names if n and not n.startswith(("http://", "https://"))]


def _type_name(obj: dict[str, Any]) -> str:
    t = obj.get("@type")
    return " ".join(x for x in t if isinstance(x, str)) if isinstance(t, list) else str(t or "")


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])
                if isinstance(item.get("mainEntity"), dict):
                    stack.append(item["mainEntity"])


def _meta_content(tree: HtmlElement, key: str) -> str | None:
    for el in tree.iterfind(".//meta[@content]"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name == key:
            return el.get("content", "").strip() or None
    return None


def _published_meta(tree: HtmlElement) -> str | None:
    found: dict[str, str] = {}
    for el in tree.iterfind(".//meta[@content]"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name in _PUBLISHED_META and name not in found:
            found[name] = el.get("content", "").strip()
    for el in tree.iterfind(".//*[@itemprop='datePublished']"):
        value = el.get("content") or el.get("datetime")
        if value:
            found.setdefault("datepublished", value.strip())
    for key in _PUBLISHED_META:
        if found.get(key):
            return found[key]
    return None


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iterfind(".//link[@href]"):
        if (link.get("rel") or "").lower() == "canonical":
            href = link.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                return href
    return None


_AUTHOR_SEP = re.compile(r"\s*(?:[;|·•]|\b(?:and|und|et)\b|&)\s*", re.I)
_NOT_AUTHOR = re.compile(r"^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|graphics?)\b", re.I)
_AUTHOR_PREFIX = re.compile(r"^(?:(?:words|text|written|reporting|reported)\s+)?by\s+", re.I)


def _split_authors(author: str | None) -> list[str]:
    """'Words by A · Photographs by B' -> ['A']; 'A and B' -> ['A', 'B']."""
    if not author:
        return []
    names = []
    for part in _AUTHOR_SEP.split(author):
        part = part.strip(" ,")
        if _NOT_AUTHOR.match(part):
            continue
        part = _AUTHOR_PREFIX.sub("", part).strip()
        if len(part) > 1:
            names.append(part)
    return _unique(names)


def _unique(items: Iterator[str] | list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
