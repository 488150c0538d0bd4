"""Site furniture: the short lines a site prints on many of its pages, taken out of their text.

One page alone cannot tell "Mehr zum Thema", a newsletter blurb or a box of most-read headlines
from its article when the markup does not name them (extract/html/furniture.py takes out what it
does name); several pages of one site can: furniture is the same on every page, an article is not.
So extraction stays per page, and this pass runs over the pages of a run as they come, after
extraction and before any stage (the parse, entities, quotes and events never see the furniture).

How (the pipeline calls :meth:`SiteLines.__call__` on each batch of freshly extracted articles):

- **a site** is the host of the page's URL (without ``www.``), else its publisher; a page with
  neither is left alone;
- **a line** is one line of a paragraph (paragraphs are split at their line breaks), compared
  normalised (lower case, words only: ``norm_text``); only a short line is a candidate, at most
  MAX_LINE_CHARS characters and MAX_LINE_WORDS words: a longer line is prose and always kept;
- **memory**: for each site, the candidate lines of its last PAGES_PER_SITE pages (each page's as
  a set of hashes, so a line counts once per page and a page costs about 2 kB), for at most
  MAX_SITES sites (the least recently seen goes first; a worker's memory is bounded). A
  page already remembered (the same id) or with the very same text as a remembered page (a copy at
  another URL) adds nothing: copies must not vote for each other;
- **two passes over each batch**: every page of the batch is learnt first, then each is cut, so
  the first pages of a site in a run gain from the pages after them in the same batch, and pages
  of later batches from all the site's pages before them (a streaming ingest learns as it goes;
  nothing already written is revisited);
- **the rule**: a line is site furniture when the site has at least MIN_SITE_PAGES pages
  remembered, and the line is on at least MIN_LINE_PAGES of them and on at least MIN_SHARE of
  them. It is never the title (nor a line that reads as the title), never a line of the lead (the
  first body paragraph of LEAD_MIN_WORDS words or more), never a heading with prose under it
  (before the next heading: "Abstract", "Background"), never a line the page itself repeats
  ("Pros" and "Cons" over each product a review compares: the template of the site's articles,
  not furniture around them), and a page is never cut to nothing (a page that is all furniture
  is left as it is);
- **the record**: the lines go from ``text``, the paragraphs and sections are rebuilt by the
  builder (extract/builder.py, ``without_lines``) and the page gets a warning saying how many lines
  went and why.

A run with one page of a site, or a few, gets exactly what per-page extraction gives. What a page
loses depends on the pages of its site seen before it in the same process: with worker processes
each worker learns from the chunks it is given (engine/executor.py, CHUNK pages at a time), so a
site's furniture is found later and which pages gain from it depends on how the chunks fell; a
resumed ingest learns only from the inputs it still has to do (the stored ones are skipped unread).
A store-side table of site lines would remember across runs and workers, at the price of a page's
text depending on what an earlier run stored; the memory here lives and dies with the pipeline.
"""

from __future__ import annotations

from array import array
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Article
from .builder import without_lines
from .meta import norm_text

MIN_SITE_PAGES = 4  # pages of a site remembered before any of its lines is called furniture
MIN_LINE_PAGES = 3  # pages a line must be on at least ...
MIN_SHARE = 0.5  # ... and at least this share of the site's remembered pages
MAX_LINE_CHARS = 120  # a longer line is prose, never furniture
MAX_LINE_WORDS = 15
LEAD_MIN_WORDS = 12  # the lead: the first body paragraph this long, kept whole
PAGES_PER_SITE = 100  # the most recent pages of a site that are remembered
MAX_SITES = 500  # sites remembered at once; the least recently seen is forgotten first (at most ~100 MB)


def site_of(article: Article) -> str | None:
    """The site a page belongs to: its URL's host without ``www.``, else its publisher, else None."""
    if article.url:
        try:
            host = urlsplit(article.url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    publisher = norm_text(article.publisher or "")
    return f"publisher:{publisher}" if publisher else None


def line_key(line: str) -> str | None:
    """The line as it is compared across pages (normalised), or None when it is too long to be furniture
    or has no word."""
    if len(line) > MAX_LINE_CHARS:
        return None
    key = norm_text(line)
    if not key or key.count(" ") + 1 > MAX_LINE_WORDS:
        return None
    return key


def _lines(article: Article) -> Iterable[tuple[int, str]]:
    text = article.text
    for i, para in enumerate(article.paragraphs):
        for line in text[para.start : para.end].split("\n"):
            yield i, line


def page_keys(article: Article) -> frozenset[str]:
    """The page's candidate lines, each once."""
    return frozenset(k for _, line in _lines(article) if (k := line_key(line)) is not None)


@dataclass
class _Site:
    """A site's remembered pages. Lines are held as their hashes (the memory lives in one process, as
    ``hash`` does), a page's in a packed array: a site costs about 2 kB a page, not the lines' text."""

    # (article id, hash of its text, the hashes of its candidate lines), oldest first
    pages: deque[tuple[str, int, array[int]]] = field(default_factory=deque)
    counts: Counter[int] = field(default_factory=Counter)  # line hash -> pages remembered that hold it

    def knows(self, article_id: str, text_hash: int) -> bool:
        return any(known_id == article_id or known_hash == text_hash for known_id, known_hash, _ in self.pages)

    def add(self, article_id: str, text_hash: int, keys: frozenset[str], keep: int) -> None:
        hashes = array("q", {hash(key) for key in keys})
        self.pages.append((article_id, text_hash, hashes))
        self.counts.update(hashes)
        while len(self.pages) > keep:
            _, _, gone = self.pages.popleft()
            for line in gone:
                self.counts[line] -= 1
                if self.counts[line] <= 0:
                    del self.counts[line]

    def pages_with(self, key: str) -> int:
        return self.counts.get(hash(key), 0)


class SiteLines:
    """The memory of the sites seen in a run, and the pass that cuts their furniture (module doc)."""

    def __init__(self, *, min_site_pages: int = MIN_SITE_PAGES, min_line_pages: int = MIN_LINE_PAGES,
                 min_share: float = MIN_SHARE, pages_per_site: int = PAGES_PER_SITE,
                 max_sites: int = MAX_SITES) -> None:
        self.min_site_pages, self.min_line_pages, self.min_share = min_site_pages, min_line_pages, min_share
        self.pages_per_site, self.max_sites = pages_per_site, max_sites
        self.sites: OrderedDict[str, _Site] = OrderedDict()

    def __call__(self, articles: Sequence[Article],
                 failed: Callable[[Article, Exception], None] | None = None) -> None:
        """Learn every page of the batch, then cut each one's site furniture; then forget the sites
        over MAX_SITES (after the cuts, so that a batch of many sites forgets none it still needs).
        ``failed(article, exc)``, when given, hears of a page the pass broke on, and the others go on."""
        for step in (self.learn, self.cut):
            for article in articles:
                try:
                    step(article)
                except Exception as exc:
                    if failed is None:
                        raise
                    failed(article, exc)
        while len(self.sites) > self.max_sites:
            self.sites.popitem(last=False)

    def learn(self, article: Article) -> None:
        site = site_of(article)
        if site is None or not article.text:
            return
        known = self.sites.get(site)
        if known is None:
            known = self.sites[site] = _Site()
        self.sites.move_to_end(site)
        text_hash = hash(article.text)  # within this process only, as the memory is
        if not known.knows(article.id, text_hash):
            known.add(article.id, text_hash, page_keys(article), self.pages_per_site)

    def furniture(self, article: Article) -> frozenset[str]:
        """The page's lines that are its site's furniture (normalised), by the rule of the module doc."""
        site = self.sites.get(site_of(article) or "")
        if site is None or len(site.pages) < self.min_site_pages:
            return frozenset()
        least = max(self.min_line_pages, self.min_share * len(site.pages))
        on_page = Counter(k for _, line in _lines(article) if (k := line_key(line)) is not None)
        # a line the page itself repeats labels the page's own parts ("Pros", "Cons" over each product
        # of a review): the site's template for its articles, not furniture around them
        found = {key for key, n in on_page.items() if n == 1 and site.pages_with(key) >= least}
        found.discard(norm_text(article.title or ""))
        return frozenset(found)

    def cut(self, article: Article) -> int:
        """Take the page's site furniture out of it (text, paragraphs, sections, with a warning); returns
        how many lines went."""
        if article.entities or article.quotes or article.events:
            return 0  # annotated already: its spans index this text
        doomed = self.furniture(article)
        if not doomed:
            return 0
        title = norm_text(article.title or "")
        kept = _over_prose(article)
        lead = _lead(article)
        if lead is not None:
            kept.add(lead)

        def drop(i: int, line: str) -> bool:
            if i in kept:
                return False
            key = line_key(line)
            return key is not None and key in doomed and not (title and f" {key} " in f" {title} ")

        if all(drop(i, line) or not norm_text(line) for i, line in _lines(article)):
            return 0  # nothing but furniture: a page is never cut to nothing
        removed = without_lines(article, drop)
        if removed:
            article.warnings.append(
                f"{removed} line(s) removed as site furniture: short lines found on at least "
                f"{self.min_share:.0%} of the pages of {site_of(article)} seen in this run")
        return removed


def _prose(text: str) -> bool:
    return len(text.split()) >= LEAD_MIN_WORDS


def _over_prose(article: Article) -> set[int]:
    """The headings with prose under them (before the next heading): "Abstract", "Background" head a
    part of the article, however many of the site's pages have one; "Mehr zum Thema" over a list of
    headlines does not."""
    texts = article.paragraph_texts()
    kept, below = set(), False
    for i in range(len(texts) - 1, -1, -1):
        if article.paragraphs[i].kind == "heading":
            if below:
                kept.add(i)
            below = False
        elif _prose(texts[i]):
            below = True
    return kept


def _lead(article: Article) -> int | None:
    """The index of the lead paragraph: the first body paragraph of LEAD_MIN_WORDS words or more."""
    for i, para in enumerate(article.paragraphs):
        if para.kind == "body" and _prose(article.text[para.start : para.end]):
            return i
    return None
