"""RawDoc -> Article: decode, tell HTML from text, and run the matching extractor."""

from __future__ import annotations

from datetime import datetime

from ..config import settings
from ..errors import InputError, InputTooLarge
from ..model import Article, Paragraph
from ..paragraphs import blocks as paragraphs_of
from ..sources.base import RawDoc
from .builder import ArticleBuilder
from .chars import visible, visible_inline
from .dates import iso
from .decode import decode, may_be_double_encoded, repair_double_encoding
from .detect import sniff, sniff_bytes
from .language import detect_language
from .meta import article_id

__all__ = ["extract", "extract_text", "ArticleBuilder"]


def extract(raw: RawDoc, *, clean: bool = False, fetched: datetime | None = None) -> Article:
    """Turn one captured document into the clean article record.

    ``clean=True`` takes the input as the article body as it stands: ``text`` is the
    decoded input unchanged, so offsets index the caller's own string.
    """
    kind = sniff_bytes(raw.data)
    if kind == "warc":
        raise InputError(f"{raw.source}: a WARC file holds many pages; read it with a WARC source")
    decoded = decode(raw.data, raw.content_type, raw.source)
    fetched = fetched or raw.fetched
    _within_text_cap(decoded.text, raw.source, clean)
    if clean:
        article = extract_text(decoded.text, source=raw.source, url=raw.url)
    else:
        repaired = 0
        if may_be_double_encoded(raw.data):
            decoded.text, repaired = repair_double_encoding(decoded.text)
        if repaired:
            decoded.warnings.append(f"{repaired} character(s) were encoded twice (UTF-8 read as Latin-1) and were repaired")
        kind = sniff(decoded.text)
        if kind == "html":
            from .html import extract_html

            article = extract_html(decoded.text, source=raw.source, url=raw.url, fetched=fetched)
        elif kind == "text":
            from .textdump import extract_dump

            article = extract_dump(visible(decoded.text), source=raw.source, url=raw.url, fetched=fetched)
        else:
            raise InputError(f"{raw.source}: this is a {kind} document, not a page; read it with a {kind} source")
        _visible_fields(article)
    article.fetched = iso(fetched)
    article.warnings = decoded.warnings + article.warnings
    if not article.text.strip():
        article.warnings.append("no article text found on this page")
    return article


def _within_text_cap(text: str, source: str, clean: bool) -> None:
    """Refuse, before the costly work, a text input whose article text must be over the cap: a clean
    body is kept whole; a text dump loses its furniture, never half of it. (HTML is left to the cap
    on the extracted text: markup can be most of a page.)"""
    cap = settings.max_text_chars
    if clean and len(text) > cap or len(text) > 2 * cap and sniff(text) == "text":
        raise InputTooLarge(f"{source}: {len(text):,} characters of text is over the limit of {cap:,} "
                            "(DATELINE_MAX_TEXT_CHARS)")


def _visible_fields(article: Article) -> None:
    """Titles, names, captions and tags without invisible characters (the text had them taken out
    paragraph by paragraph, before its offsets were measured)."""
    article.title = visible_inline(article.title)
    article.publisher = visible_inline(article.publisher)
    article.authors = [a for a in (visible_inline(a) for a in article.authors) if a]
    article.tags = [t for t in (visible_inline(t) for t in article.tags) if t]
    for media in article.media:
        media.caption = visible_inline(media.caption)
        media.credit = visible_inline(media.credit)
    for section in article.sections:
        section.heading = visible_inline(section.heading)
        section.byline = visible_inline(section.byline)


def extract_text(text: str, *, source: str = "-", url: str | None = None) -> Article:
    """An already clean body: text unchanged, paragraphs split on blank lines, or on line breaks in a
    text that has none (one paragraph per line); a line with no letter or digit is no paragraph."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for block in paragraphs_of(text):
        start = text.index(block, pos)
        end = start + len(block)
        paragraphs.append(Paragraph(start, end, "body"))
        pos = end
    return Article(
        id=article_id(url, text),
        source=source,
        url=url,
        text=text,
        paragraphs=paragraphs,
        language=detect_language(text),
    )
