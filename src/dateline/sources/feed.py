"""RSS and Atom feeds (feedparser): one document per item, with the item's title, link and date.

With ``follow`` each item's page is fetched and read like any URL. Without it,
the item's own content (or summary) becomes the document: it is wrapped in a
small HTML page whose <title> and <meta> tags carry the item's metadata, so the
HTML extractor reads title, link, date, author and feed name the way it reads
any page. Items whose URL the caller has already (``seen``) are skipped.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..config import settings
from ..errors import DatelineError
from ..limits import time_limit
from ..model import Failure
from .base import RawDoc

if TYPE_CHECKING:
    from .url import Fetcher

log = logging.getLogger(__name__)

_FEED = re.compile(rb"<rss[\s>]|<feed[\s>][^>]*http://www\.w3\.org/2005/Atom|<rdf:RDF[\s>]", re.I)


def is_feed(head: bytes) -> bool:
    return bool(_FEED.search(head[:4096]))


def iter_feed(
    doc: RawDoc,
    *,
    follow: bool = False,
    fetcher: Callable[[], Fetcher] | None = None,
    seen: Callable[[str], bool] | None = None,
) -> Iterator[RawDoc | Failure]:
    """The items of the feed in ``doc``: fetched pages (follow) or pages built from the items."""
    import feedparser

    with time_limit(settings.doc_timeout, doc.source):  # a feed of a million items is one document's work
        parsed = feedparser.parse(doc.data, response_headers={"content-location": doc.url or "",
                                                              "content-type": doc.content_type or ""})
    if not parsed.entries:
        if parsed.bozo:
            yield Failure(doc.source, f"{doc.source}: not a readable feed ({parsed.bozo_exception})", "SourceError")
        return
    feed_title = parsed.feed.get("title")
    skipped = 0
    entries = parsed.entries
    if len(entries) > settings.max_items:
        yield Failure(doc.source, f"{doc.source}: {len(entries):,} items is over the limit of {settings.max_items:,} "
                      f"(DATELINE_MAX_ITEMS); the first {settings.max_items:,} are read", "InputTooLarge")
        entries = entries[: settings.max_items]
    for index, entry in enumerate(entries):
        link = entry.get("link") or None
        if link and seen is not None and seen(link):
            skipped += 1
            continue
        if follow and link:
            if fetcher is None:
                raise ValueError("follow=True needs a fetcher")
            try:
                yield fetcher().fetch(link)
            except DatelineError as exc:  # refused, unreachable, too large, cut short: this item only
                yield Failure(link, str(exc), type(exc).__name__)
            continue
        body = _entry_body(entry)
        if not body:
            # named by its link (or its place): each item's failure is recorded apart from the others
            yield Failure(link or f"{doc.source}#item {index + 1}",
                          f"{doc.source}: item {index + 1} ({link or 'no link'}) has no content", "EmptyInput")
            continue
        page = _item_page(entry, body, link, feed_title)
        yield RawDoc(source=doc.source, data=page.encode("utf-8"), url=link, fetched=doc.fetched,
                     content_type="text/html; charset=utf-8")
    if skipped:
        log.info("%s: %d item(s) already stored, skipped", doc.source, skipped)


def _entry_body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    if contents:
        return max(contents, key=len)
    return entry.get("summary", "") or ""


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()  # feedparser gives UTC


def _item_page(entry: Any, body: str, link: str | None, feed_title: str | None) -> str:
    """A minimal HTML page that holds the item's content and its metadata in standard tags."""
    title = entry.get("title")
    published = _entry_date(entry)
    author = entry.get("author")
    head = [f"<title>{html.escape(title)}</title>" if title else ""]
    meta = {
        "og:title": title,
        "og:site_name": feed_title,
        "og:url": link,
        "article:published_time": published,
    }
    head += [f'<meta property="{k}" content="{html.escape(v)}">' for k, v in meta.items() if v]
    if author:
        head.append(f'<meta name="author" content="{html.escape(author)}">')
    if link:
        head.append(f'<link rel="canonical" href="{html.escape(link)}">')
    if "<" not in body:  # a plain-text summary: one paragraph per blank-line block
        body = "".join(f"<p>{html.escape(block)}</p>" for block in re.split(r"\n\s*\n", body) if block.strip())
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">" + "".join(head) + "</head>"
        f"<body><article>{body}</article></body></html>"
    )
