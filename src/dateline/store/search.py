"""Ranked full-text search: FTS5 over title and body, bm25 with the title weighted, highlighted snippets.

Queries take words (all must match), "exact phrases", prefixes (``negotiat*``),
AND / OR / NOT, parentheses and column filters (``title:summit``). Words with
inner punctuation (``covid-19``, ``U.S.``) are searched as phrases. Parameters are
always bound; a query full-text search cannot read raises SearchQueryError. Chinese and
Japanese are indexed character by character, so a word in them is searched as a phrase.

A search costs at most what one person's question needs: at most MAX_QUERY_CHARS characters,
MAX_TERMS terms and MAX_DEPTH nested parentheses, and SQLite gives up after the time budget
(``settings.search_budget``, through a progress handler): each is a SearchTooCostly with a message,
a 400 in the web server, so one cheap request cannot hold a server thread for minutes.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from ..config import settings
from .errors import SearchQueryError, SearchTooCostly
from .keys import display_form, search_form
from .queries import DateLike, article_filters

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 24
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 8
MAX_OFFSET = 1_000_000_000  # paging past a billion hits is not a question anyone asks; SQLite takes 64-bit ints
_PROGRESS_STEPS = 1000  # SQLite virtual machine steps between two looks at the clock

_OPERATORS = {"AND", "OR", "NOT"}
_COLUMNS = {"title", "text"}
_WORD = re.compile(r"\w+")
# control characters are never part of an indexed word, and SQLite ends a string at NUL
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*"\*?)|(?P<paren>[()])|(?P<word>[^\s()"]+))')

HELP = (
    'use words, "an exact phrase", a prefix like negotiat*, AND / OR / NOT between terms, '
    "parentheses, or title:word"
)


@dataclass
class SearchHit:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    score: float  # bm25, higher is better
    snippet: str  # matches between "\x02" and "\x03"
    cluster_size: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    total: int  # matching articles, or clusters when collapsed
    hits: list[SearchHit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "hits": [h.to_dict() for h in self.hits]}


def fts_query(query: str) -> str:
    """The user's query as FTS5 syntax; raises SearchQueryError with a hint when it cannot be read."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchTooCostly(f"the search is {len(query):,} characters long, over the limit of {MAX_QUERY_CHARS:,}; "
                              "ask for fewer words")
    if query.count('"') % 2:
        raise SearchQueryError(f"the search {query!r} has an unclosed double quote; {HELP}")
    parts: list[str] = []
    depth = 0
    pos = 0
    query = _CONTROL.sub(" ", query).strip()
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group("phrase"):
            parts.append(search_form(m.group("phrase")) or "")
        elif m.group("paren"):
            depth += 1 if m.group("paren") == "(" else -1
            if depth > MAX_DEPTH:
                raise SearchTooCostly(f"the search nests parentheses more than {MAX_DEPTH} deep; {HELP}")
            if depth < 0:
                raise SearchQueryError(f"the search {query!r} closes a parenthesis it never opened; {HELP}")
            parts.append(m.group("paren"))
        else:
            parts.extend(_word(m.group("word")))
    if depth:
        raise SearchQueryError(f"the search {query!r} leaves a parenthesis open; {HELP}")
    terms = [p for p in parts if p not in _OPERATORS and p not in "()" and not p.endswith(":")]
    if not terms:
        raise SearchQueryError(f"the search {query!r} has no words to look for; {HELP}")
    if len(terms) > MAX_TERMS:
        raise SearchTooCostly(f"the search has {len(terms)} terms, over the limit of {MAX_TERMS}; ask for fewer words")
    return " ".join(parts)


_BUDGETED: set[int] = set()  # connections inside a time_budget block (one connection per thread)


@contextmanager
def time_budget(conn: sqlite3.Connection, query: str, seconds: float | None = None) -> Iterator[None]:
    """Let SQLite work on ``conn`` for at most ``seconds`` (default ``settings.search_budget``; 0: no
    limit) inside the block; past it the running statement stops and SearchTooCostly is raised.
    Inside another budget's block the outer budget holds (a web search and its facets share one)."""
    seconds = settings.search_budget if seconds is None else seconds
    if not seconds or seconds <= 0 or id(conn) in _BUDGETED:
        yield
        return
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    _BUDGETED.add(id(conn))
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
        raise SearchTooCostly(
            f"the search {query[:100]!r} took more than its budget of {seconds:g} s "
            "(DATELINE_SEARCH_BUDGET); narrow it: fewer or rarer words, a phrase, or a filter"
        ) from None
    finally:
        _BUDGETED.discard(id(conn))
        conn.set_progress_handler(None, 0)


def _word(word: str) -> list[str]:
    if word in _OPERATORS:
        return [word]
    column, sep, rest = word.partition(":")
    if sep and column.lower() in _COLUMNS and rest:
        return [f"{column.lower()}:", *_word(rest)]
    prefix = word.endswith("*")
    body = word.rstrip("*")
    if not _WORD.search(body):
        return []
    indexed = search_form(body) or ""
    if _WORD.fullmatch(indexed):
        return [indexed + ("*" if prefix else "")]
    return ['"' + indexed.replace('"', "") + '"' + ("*" if prefix else "")]


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    publisher: str | None = None,
    language: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    entity: str | None = None,
    country: str | None = None,
    collapse: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Best matches first. With ``collapse``, one hit per near-duplicate cluster (its best match)."""
    if not 0 <= offset <= MAX_OFFSET or not 1 <= limit <= MAX_OFFSET:
        raise SearchQueryError(f"offset must be 0..{MAX_OFFSET:,} and limit 1..{MAX_OFFSET:,}")
    match = fts_query(query)
    where, params = article_filters(publisher, language, since, until, entity, country)
    args = [match, *params]
    head, tail = matches_sql(where)
    cluster = "coalesce(a.duplicate_of, a.id)"
    try:
        with time_budget(conn, query):
            if collapse:
                total = conn.execute(f"{head} SELECT count(DISTINCT {cluster}) {tail}", args).fetchone()[0]
                rows = conn.execute(
                    f"{head} SELECT rowid, id, title, publisher, published, rank, cluster FROM ("
                    f"  SELECT a.rowid AS rowid, a.id AS id, a.title AS title, a.publisher AS publisher, "
                    f"  a.published AS published, f.rank AS rank, {cluster} AS cluster, "
                    f"  row_number() OVER (PARTITION BY {cluster} ORDER BY f.rank, a.id) AS nth {tail}"
                    f") WHERE nth = 1 ORDER BY rank, id LIMIT ? OFFSET ?",
                    [*args, limit, offset],
                ).fetchall()
            else:
                total = conn.execute(f"{head} SELECT count(*) {tail}", args).fetchone()[0]
                rows = conn.execute(
                    f"{head} SELECT a.rowid, a.id, a.title, a.publisher, a.published, f.rank, {cluster} {tail} "
                    f"ORDER BY f.rank, a.id LIMIT ? OFFSET ?",
                    [*args, limit, offset],
                ).fetchall()
            snippets = _snippets(conn, match, [r[0] for r in rows])
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax error" in str(exc):
            raise SearchQueryError(f"full-text search cannot read {query!r}; {HELP}") from None
        raise
    sizes = _cluster_sizes(conn, {r[6] for r in rows})
    hits = [
        SearchHit(
            id=r[1], title=r[2], publisher=r[3], published=r[4], score=-r[5],
            snippet=snippets.get(r[0], ""), cluster_size=sizes.get(r[6], 1),
        )
        for r in rows
    ]
    return SearchResult(total=total, hits=hits)


def matches_sql(where: list[str]) -> tuple[str, str]:
    """What goes before and after the SELECT list: the matches ``f`` joined to articles ``a``, filtered.

    Parameters: the FTS query, then those of ``where``. Other read queries over the matches
    (facets) use this too, so that they match and perform like search.

    Without filters the full-text index drives the join. With filters the matches are taken
    first, as a materialised set: otherwise SQLite may walk a filter's index and test the
    match row by row, which is many times slower.
    """
    if not where:
        return "", "FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
    head = "WITH f AS MATERIALIZED (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?)"
    return head, "FROM f JOIN articles a ON a.rowid = f.rowid WHERE " + " AND ".join(where)


def _snippets(conn: sqlite3.Connection, match: str, rowids: list[int]) -> dict[int, str]:
    """Snippets of the body for the page of hits only (they are the costly part)."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        f"SELECT rowid, snippet(articles_fts, 1, ?, ?, '…', ?) FROM articles_fts "
        f"WHERE articles_fts MATCH ? AND rowid IN ({marks})",
        [MARK_START, MARK_END, SNIPPET_TOKENS, match, *rowids],
    ).fetchall()
    return {rowid: display_form(snippet) for rowid, snippet in rows}


def _cluster_sizes(conn: sqlite3.Connection, clusters: set[str]) -> dict[str, int]:
    if not clusters:
        return {}
    marks = ",".join("?" * len(clusters))
    rows = conn.execute(
        f"SELECT coalesce(duplicate_of, id), count(*) FROM articles "
        f"WHERE coalesce(duplicate_of, id) IN ({marks}) GROUP BY 1",
        sorted(clusters),
    ).fetchall()
    return dict(rows)
