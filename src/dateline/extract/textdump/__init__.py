"""Plain-text dumps of rendered pages: our own cleaner.

A dump is the whole page as a text browser shows it: navigation, banners, the
title several times, media notices, captions, credits, tags and links to the
next story around the article. The cleaner classifies each line from its
structure (length, punctuation, repetition, position) and keeps the article.
"""

from __future__ import annotations

from datetime import datetime

from ..model import Article
from .builder import ArticleBuilder
from .dates import iso, resolve_relative
from .language import detect_language
from .meta import article_id, split_title


def extract_dump(text: str, *, source: str, url: str | None = None, fetched: datetime | None = None) -> Article:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    builder = ArticleBuilder()
    title_line = next((line for line in lines if line), None)
    title, publisher = split_title(title_line)
    published = None
    for line in lines:
        if not line or line == title_line:
            continue
        when = resolve_relative(line, fetched)
        if when is not None:
            published = published or iso(when)
            continue
        if len(line.split()) >= 8 and line[-1:] in ".!?\"”’)":
            builder.add(line)
    body = builder.text
    return Article(
        id=article_id(url, body),
        source=source,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
        language=detect_language(body),
        text=body,
        paragraphs=builder.paragraphs,
        sections=builder.sections,
        media=builder.media,
    )
