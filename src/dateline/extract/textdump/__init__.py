"""Plain-text dumps of rendered pages: our own cleaner.

A dump is the whole page as a text browser shows it: navigation, banners, the
title several times, media notices, captions, credits, tags and links to the
next story around the article. The cleaner works in four steps, each in its
own module:

- ``lines``: split the page into lines with structural features (length, word
  count, sentence punctuation, stop-word share, repetition on the page);
- ``furniture`` and ``classify``: label page furniture by its generic form,
  score every other line as prose or not, and take the article as the run of
  lines with the highest total score;
- ``header``: title and publisher (from the most repeated line near the top and
  its '– Publisher' suffix), the publication date;
- ``structure``: sub-headings, bylines, list items and media inside the article.
"""

from __future__ import annotations

from datetime import datetime

from ...model import Article
from ..dates import iso
from ..language import detect_language
from ..meta import article_id
from .classify import article_region, classify, mark_title
from .header import find_published, find_title
from .lines import split_lines
from .stopwords import stopwords
from .structure import Structure, build
from .tags import find_tags

__all__ = ["extract_dump"]

_LANGUAGE_SAMPLE_WORDS = 8
# characters of those lines the language is told from: the classifier's cost grows with the sample,
# and 2,000 tell the same language as 5,000 on all 181 development dumps (1,000 do not)
_LANGUAGE_SAMPLE_CHARS = 2000


def extract_dump(text: str, *, source: str, url: str | None = None, fetched: datetime | None = None) -> Article:
    """Clean one text dump into the article record; a page with no article gets a warning, not an error."""
    page_language = _page_language(text)
    stop = stopwords(page_language)
    lines = split_lines(text, stop)
    found = classify(lines, bool(stop))
    title, publisher, title_norms = find_title(lines)
    mark_title(lines, title_norms)
    region = article_region(lines)
    warnings: list[str] = []
    if region is None:
        structure = Structure()
        warnings.append("no run of article prose found in this text dump")
        region_start = region_end = len(lines)
    else:
        structure = build(lines, found, region)
        region_start, region_end = region.start, region.end
    body = structure.builder.text
    published = find_published(lines, region_start, region_end, fetched)
    return Article(
        id=article_id(url, body or text),  # a page with no article still gets an id of its own
        source=source,
        url=url,
        title=title,
        publisher=publisher,
        published=iso(published),
        language=page_language,
        authors=structure.authors,
        text=body,
        paragraphs=structure.builder.paragraphs,
        sections=structure.builder.sections,
        media=structure.builder.media,
        tags=find_tags(found),
        warnings=warnings,
    )


def _page_language(text: str) -> str | None:
    """The language of the page's longer lines (menus and credits say little about it)."""
    sample = [line for line in text.splitlines() if len(line.split()) >= _LANGUAGE_SAMPLE_WORDS or len(line) >= 60]
    return detect_language("\n".join(sample)[:_LANGUAGE_SAMPLE_CHARS] or text[:_LANGUAGE_SAMPLE_CHARS])
