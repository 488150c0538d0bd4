"""HTML pages: trafilatura finds the main content, htmldate the date; we add structure.

trafilatura (pinned) gives the body as an XML tree of <head>, <p>, <list>/<item>,
<graphic> and <quote> elements. From that tree we build paragraphs with kinds,
sections with headings, media with captions kept out of the text, and we drop a
headline that the page repeats as the first line of the body.
"""

from __future__ import annotations

from datetime import datetime

from lxml import etree

from ..model import Article
from .builder import ArticleBuilder
from .dates import iso_date_or_datetime
from .language import detect_language
from .meta import article_id, norm_text, split_title


def extract_html(html: str, *, source: str, url: str | None = None, fetched: datetime | None = None) -> Article:
    import trafilatura

    warnings: list[str] = []
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_formatting=True,
        include_images=True,
        include_tables=False,
        include_comments=False,
        favor_precision=False,
    )
    builder = ArticleBuilder()
    title = publisher = published = None
    authors: list[str] = []
    tags: list[str] = []
    language = None
    canonical = url
    if doc is None:
        warnings.append("no main content found in the HTML")
    else:
        title, publisher = split_title(doc.title, doc.sitename)
        publisher = doc.sitename or publisher
        if doc.author:
            authors = [a.strip() for a in doc.author.split(";") if a.strip()]
        tags = [t for t in (doc.tags or []) if t] if isinstance(doc.tags, list) else []
        canonical = doc.url or url
        language = doc.language
        published = iso_date_or_datetime(doc.date)
        if doc.body is not None:
            _walk(doc.body, builder, title)
    text = builder.text
    return Article(
        id=article_id(canonical, text),
        source=source,
        url=canonical,
        title=title,
        publisher=publisher,
        published=published,
        language=detect_language(text, hint=language),
        authors=authors,
        text=text,
        paragraphs=builder.paragraphs,
        sections=builder.sections,
        media=builder.media,
        tags=tags,
        warnings=warnings,
    )


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _walk(body: etree._Element, builder: ArticleBuilder, title: str | None) -> None:
    first = True
    for el in body:
        tag = el.tag
        if tag == "head":
            text = _text(el)
            if first and title and norm_text(text) == norm_text(title):
                continue  # the headline repeated at the top of the body
            builder.heading(text)
        elif tag == "list":
            for item in el.iter("item"):
                builder.add(_text(item), "list_item")
        elif tag == "graphic":
            builder.add_media("image", el.get("title") or el.get("alt"))
        elif tag in ("p", "quote", "code"):
            text = _text(el)
            if first and title and norm_text(text) == norm_text(title):
                continue
            builder.add(text, "body")
        elif tag == "table":
            continue
        else:
            builder.add(_text(el), "body")
        first = False
