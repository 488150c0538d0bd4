"""Ranked full-text search: FTS5 over title and body, bm25 with the title weighted, highlighted snippets.

Queries take words (all must match), "exact phrases", prefixes (``negotiat*``),
AND / OR / NOT, ``-word`` (without it), ``NEAR(a b, 10)``, parentheses and column
filters (``title:summit``); ``publisher:``, ``domain:``, ``country:``, ``language:``,
``since:`` and ``until:`` are filters on the article (see :func:`split_fields`). Words with
inner punctuation (``covid-19``, ``U.S.``) are searched as phrases. Parameters are
always bound; a query full-text search cannot read raises SearchQueryError. Chinese and
Japanese are indexed character by character, so a word in them is searched as a phrase.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import SearchQueryError
from .keys import display_form, search_form

if TYPE_CHECKING:
    from .query import ArticleQuery

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 24

_OPERATORS = {"AND", "OR", "NOT"}
_COLUMNS = {"title", "text"}
_WORD = re.compile(r"\w+")
# control characters are never part of an indexed word, and SQLite ends a string at NUL
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*"\*?)|(?P<paren>[()])|(?P<word>[^\s()"]+))')

HELP = (
    'use words, "an exact phrase", a prefix like negotiat*, AND / OR / NOT between terms, -word to leave a '
    "word out, NEAR(word word, 10), parentheses, title:word, or the filters publisher:, domain:, country:, "
    "language:, since:, until:"
)
FIELDS = ("publisher", "domain", "country", "language", "since", "until")
# a field with its value, or a phrase (whose words:with colons are words, not fields)
_FIELD = re.compile(r'(?<![^\s(])(?P<name>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))|"[^"]*"')


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


def split_fields(query: str) -> tuple[str | None, dict[str, str]]:
    """The query without its article filters, and those filters: ``trade publisher:"Example Courier"``
    -> ("trade", {"publisher": "Example Courier"}). A field dateline does not know is refused."""
    found: dict[str, str] = {}
    pieces: list[str] = []
    pos = 0
    for m in _FIELD.finditer(query):
        if m.group("name") is None:  # a phrase
            continue
        name = m.group("name").lower()
        if name in _COLUMNS:
            continue
        if name not in FIELDS:
            raise SearchQueryError(f"the search {query!r} filters on {m.group('name')}:, which dateline does not "
                                   f"know; use title:, text:, {', '.join(f + ':' for f in FIELDS)}, or put the "
                                   "words in double quotes")
        start, end = m.span()
        value = query[start:end].split(":", 1)[1].strip('"')
        if name in found and found[name] != value:
            raise SearchQueryError(f"the search {query!r} gives {name}: twice; give it once")
        found[name] = value
        pieces.append(query[pos:start])
        pos = end
    pieces.append(query[pos:])
    rest = " ".join("".join(pieces).split())
    return rest or None, found


def fts_query(query: str) -> str:
    """The user's query as FTS5 syntax; raises SearchQueryError with a hint when it cannot be read."""
    if query.count('"') % 2:
        raise SearchQueryError(f"the search {query!r} has an unclosed double quote; {HELP}")
    parts: list[str] = []
    depth = 0
    pos = 0
    query = _CONTROL.sub(" ", query).strip()
    negate = False
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        word = m.group("word")
        if word == "NEAR" and query[pos:pos + 1] == "(":
            close = query.find(")", pos)
            if close < 0:
                raise SearchQueryError(f"the search {query!r} leaves NEAR( open; write NEAR(word word, 10)")
            parts.append(_near(query, query[pos + 1 : close]))
            pos = close + 1
            continue
        excluded = bool(word) and (re.match(r"-\w", word) is not None or (word == "-" and query[pos:pos + 1] == '"'))
        if excluded:
            if not [p for p in parts if p not in _OPERATORS and p != "("]:
                raise SearchQueryError(f"the search {query!r} starts by leaving a word out; give a word to look "
                                       "for first, e.g. trade -china")
            if parts and parts[-1] in _OPERATORS:
                raise SearchQueryError(f"the search {query!r} puts -word after {parts[-1]}; write a -b or a NOT b")
            parts.append("NOT")
            if word == "-":  # -"a phrase"
                negate = True
                continue
            word = word[1:]
        negate = False
        if m.group("phrase"):
            parts.append(search_form(m.group("phrase")) or "")
        elif m.group("paren"):
            depth += 1 if m.group("paren") == "(" else -1
            if depth < 0:
                raise SearchQueryError(f"the search {query!r} closes a parenthesis it never opened; {HELP}")
            parts.append(m.group("paren"))
        else:
            parts.extend(_word(word))
    if negate:
        raise SearchQueryError(f"the search {query!r} ends with a lone -; write -word")
    if depth:
        raise SearchQueryError(f"the search {query!r} leaves a parenthesis open; {HELP}")
    terms = [p for p in parts if p not in _OPERATORS and p not in "()" and not p.endswith(":")]
    if not terms:
        raise SearchQueryError(f"the search {query!r} has no words to look for; {HELP}")
    return " ".join(parts)


def _near(query: str, inside: str) -> str:
    """NEAR(a b, 10) as FTS5 NEAR: the words within that many words of each other (default 10)."""
    words, _, distance = inside.partition(",")
    distance = distance.strip() or "10"
    if not distance.isdigit():
        raise SearchQueryError(f"the search {query!r} gives NEAR a distance {distance!r}; write NEAR(word word, 10)")
    terms = [t for w in words.split() for t in _word(w) if t not in _OPERATORS and not t.endswith(":")]
    if len(terms) < 2:
        raise SearchQueryError(f"the search {query!r} gives NEAR fewer than two words; write NEAR(word word, 10)")
    return f"NEAR({' '.join(terms)}, {int(distance)})"


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


def search(conn: sqlite3.Connection, query: ArticleQuery) -> SearchResult:
    """Best matches first (or in ``query.sort`` order). With ``collapse``, one hit per near-duplicate
    cluster (its best match). ``query.q`` is required."""
    if not query.q:
        raise SearchQueryError(f"the search has no words to look for; {HELP}")
    match = fts_query(query.q)
    head, tail, args = query.from_sql()
    cluster = "coalesce(a.duplicate_of, a.id)"
    order = query.order_by()
    limit, page_args = query.page.sql()
    try:
        if query.collapse:
            total = conn.execute(f"{head} SELECT count(DISTINCT {cluster}) {tail}", args).fetchone()[0]
            outer = order.replace("a.", "").replace("f.rank", "rank")
            rows = conn.execute(
                f"{head} SELECT rowid, id, title, publisher, published, rank, cluster FROM ("
                f"  SELECT a.rowid AS rowid, a.id AS id, a.title AS title, a.publisher AS publisher, "
                f"  a.published AS published, a.published_at AS published_at, f.rank AS rank, {cluster} AS cluster, "
                f"  row_number() OVER (PARTITION BY {cluster} ORDER BY f.rank, a.id) AS nth {tail}"
                f") WHERE nth = 1{outer}{limit}",
                [*args, *page_args],
            ).fetchall()
        else:
            total = conn.execute(f"{head} SELECT count(*) {tail}", args).fetchone()[0]
            rows = conn.execute(
                f"{head} SELECT a.rowid, a.id, a.title, a.publisher, a.published, f.rank, {cluster} {tail}"
                f"{order}{limit}",
                [*args, *page_args],
            ).fetchall()
        snippets = _snippets(conn, match, [r[0] for r in rows])
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax error" in str(exc):
            raise SearchQueryError(f"full-text search cannot read {query.q!r}; {HELP}") from None
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
