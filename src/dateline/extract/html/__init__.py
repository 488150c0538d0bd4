"""HTML pages: trafilatura finds the main content, htmldate the date; we add structure.

The page is parsed once. Metadata (JSON-LD, <meta>, <title>, <h1>, canonical
link) and the date are read from that tree; figures and captions are lifted out
of it into ``media`` so that they cannot leak into the text, and page furniture
(menus, sidebars, comment threads, footers) is taken out; trafilatura then
extracts the body from the same tree. Headings and lists it dropped from among
the blocks it kept are put back, and its XML output becomes paragraphs with
kinds and sections with headings and bylines.
"""

from __future__ import annotations

from datetime import datetime

from lxml import etree
from lxml.html import HtmlElement

from ...model import Article
from ..builder import ArticleBuilder
from ..language import detect_language
from ..meta import article_id, norm_text, url_sections
from .body import BodyWalker, button_labels, section_bylines
from .collapse import body_warnings, collapsed, doubtful, page_paragraphs, split_article
from .figures import take_figures
from .furniture import strip_furniture
from .pagemeta import PageMeta, read_meta
from .parse import parse_html
from .published import headline_dates, htmldate_published, normalise_date, relative_published
from .restore import restore_dropped
from .title import reconcile_title

__all__ = ["extract_html"]

LANGUAGE_SAMPLE_CHARS = 500  # enough to tell the language (the same as 1000 on all 974 development pages); the cost grows with the sample

# trafilatura's settings, chosen on the development sets (benchmarks/bench_extract.py times them)
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_formatting": True,
    "with_metadata": False,
}
# trafilatura's fast mode (no readability/jusText comparison) first; the full cascade only when the
# fast result holds less than this share of the page's paragraph text. On the WCXB pages (furniture
# removed) body F1 was 0.934 with 0.2, 0.936 with 0.5 and 0.937 with the full cascade on every page,
# which would cost every page its readability and jusText passes.
FULL_CASCADE_BELOW = 0.5
PROSE_MIN_WORDS = 6
PAGE_PARAGRAPHS = "the page's paragraphs"
SECOND_OPINION_GAIN = 1.5


def extract_html(html: str, *, source: str, url: str | None = None, fetched: datetime | None = None) -> Article:
    """One HTML page -> the clean article record (never raises on bad markup; warns instead)."""
    warnings: list[str] = []
    tree = parse_html(html)
    if tree is None:
        warnings.append("the HTML could not be parsed into a document")
        return Article(id=article_id(url, ""), source=source, url=url, text="", warnings=warnings)
    meta = read_meta(tree, url)
    title, title_publisher = reconcile_title(meta)
    published = _published(tree, meta, fetched)  # before furniture goes: a footer may state the date
    media = take_figures(tree)
    _, page_chars = strip_furniture(tree)
    bylines = section_bylines(tree)
    labels = button_labels(tree)
    body = _trafilatura_body(tree, meta.url, page_chars)
    builder, walker = _walk(tree, body, None, title, bylines, labels, page_chars)
    how = None
    if doubtful(len(builder.text), page_chars) and not collapsed(len(builder.text), page_chars):
        # a small share of the page's text: a second opinion from the recall pass, taken when it
        # reads much more of the page
        other = _bare_body(tree, meta.url, fast=False, favor_recall=True)
        if other is not None:
            more, more_walker = _walk(tree, other, None, title, bylines, labels, page_chars)
            if len(more.text) >= SECOND_OPINION_GAIN * len(builder.text):
                body, builder, walker = other, more, more_walker
    if collapsed(len(builder.text), page_chars):
        # the text holds almost none of the page's: read it again, the best reading wins
        for again, reread in (("trafilatura's recall pass", lambda: _bare_body(tree, meta.url, fast=False, favor_recall=True)),
                              (PAGE_PARAGRAPHS, lambda: page_paragraphs(tree))):
            other = reread()
            if other is None:
                continue
            more, more_walker = _walk(tree, other, again, title, bylines, labels, page_chars)
            if len(more.text) > len(builder.text):
                body, how, builder, walker = other, again, more, more_walker
            if not collapsed(len(builder.text), page_chars):
                break
    if body is None:
        warnings.append("no main content found in the HTML")
    if how:
        warnings.append(f"the extractor kept almost none of the page's text; the body was read again ({how})")
    builder.media = media
    text = builder.text
    warnings += body_warnings(builder.texts(), page_chars, sum(len(m.caption or "") for m in media))
    return Article(
        id=article_id(meta.url, text),
        source=source,
        url=meta.url,
        title=title,
        publisher=_publisher(meta, title_publisher),
        published=published,
        language=detect_language(text[:LANGUAGE_SAMPLE_CHARS], hint=meta.language),
        authors=_merge(meta.authors, walker.bylines),
        text=text,
        paragraphs=builder.paragraphs,
        sections=builder.sections,
        media=builder.media,
        tags=meta.tags,
        warnings=warnings,
    )


def _walk(
    tree: HtmlElement, body: etree._Element | None, how: str | None, title: str | None,
    bylines: dict[str, str], labels: frozenset[str], page_chars: int,
) -> tuple[ArticleBuilder, BodyWalker]:
    """The body's paragraphs, headings and bylines in a builder; a split article is read whole and
    trafilatura's own body gets the headings and lists it dropped put back."""
    builder = ArticleBuilder()
    walker = BodyWalker(builder, title, bylines, labels)
    if body is not None:
        split = split_article(tree, body, page_chars) if how is None else None
        if split is not None:
            body = split
        elif how != PAGE_PARAGRAPHS:
            restore_dropped(tree, body)
        walker.walk(body)
    return builder, walker


def _trafilatura_body(tree: HtmlElement, url: str | None, page_chars: int) -> etree._Element | None:
    body = _bare_body(tree, url, fast=True)
    found = _chars(body)
    if found < FULL_CASCADE_BELOW * page_chars or not _has_prose(body):
        full = _bare_body(tree, url, fast=False)
        body = full if full is not None or _has_prose(body) else None
    return body


def _chars(body: etree._Element | None) -> int:
    return len("".join(body.itertext())) if body is not None else 0


def _has_prose(body: etree._Element | None) -> bool:
    """At least one block reads like a sentence (menus and button rows do not)."""
    return body is not None and any(len("".join(el.itertext()).split()) >= PROSE_MIN_WORDS for el in body)


def _bare_body(tree: HtmlElement, url: str | None, *, fast: bool, favor_recall: bool = False) -> etree._Element | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(tree, url=url, fast=fast, favor_recall=favor_recall, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError):
        return None
    return None if doc is None else doc.body


def _published(tree: HtmlElement, meta: PageMeta, fetched: datetime | None) -> str | None:
    """The date under the headline, else htmldate's original-date search, else a relative time printed
    in a date element, else the metadata. A page that prints under its headline only a revision
    (its markup names it so) is dated by the first publication its metadata states, when that is
    no later.

    An absolute date the page states beats a relative one, which is only as good as the capture
    time, and none is later than the capture. Both searches give a day; when the page's own
    statement names the same day, its time and offset are kept.
    """
    stated = normalise_date(meta.published)
    first, revision = headline_dates(tree)
    if first is None and revision and stated and stated[:10] <= revision:
        return stated  # the page prints only its revision; the metadata states the first publication
    day = first or revision
    if day is None or (fetched is not None and day > fetched.date().isoformat()):
        day = htmldate_published(tree, meta.url, fetched, meta.language)
    if day:
        return stated if stated and stated.startswith(day) else day
    return relative_published(tree, fetched) or stated


def _publisher(meta: PageMeta, title_publisher: str | None) -> str | None:
    """The site's name, not a section of it: a name that is a section of the page's URL ('U.S.' on
    /world/us/...) or has fewer than two letters gives way to the next source."""
    sections = url_sections(meta.url)
    for name in (meta.sitename, title_publisher):
        key = norm_text(name or "").replace(" ", "")
        if len(key) >= 2 and key not in sections and not key.isdigit():
            return name
    return None


def _merge(first: list[str], more: list[str]) -> list[str]:
    seen = {a.lower() for a in first}
    return first + [a for a in more if a.lower() not in seen and not seen.add(a.lower())]
