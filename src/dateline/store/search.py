"""Ranked full-text search: FTS5 over title and body, bm25 with the title weighted, highlighted snippets.

Queries take words (all must match), "exact phrases", prefixes (``negotiat*``),
AND / OR / NOT, ``-word`` (without it), ``NEAR(a b, 10)``, parentheses and column
filters (``title:summit``); ``publisher:``, ``domain:``, ``country:``, ``language:``,
``since:`` and ``until:`` are filters on the article (see :func:`split_fields`). Words with
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
from typing import TYPE_CHECKING, Any

from ..config import settings
from .errors import SearchQueryError, SearchTooCostly
from .keys import display_form, search_form

if TYPE_CHECKING:
    from .query import ArticleQuery

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 24
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 8
MAX_OFFSET = 1_000_000_000  # paging past a billion hits is not a question anyone asks; SQLite takes 64-bit ints
_PROGRESS_STEPS = 1000  # SQLite virtual machine steps between two looks at the clock
# A search by relevance that matches more than this many articles is ranked in two tiers: its RANK_TIER most
# recently stored matches (the highest rowids) by relevance first, then the older ones by relevance. bm25
# costs a pass over every match it ranks (at 100,000 articles a word in nearly all of them takes 60-80 ms),
# and a page among the first RANK_TIER hits ranks only the first tier; every match is still counted and
# reachable by paging, each once, with its own bm25 score.
RANK_TIER = 20_000

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
    if len(query) > MAX_QUERY_CHARS:
        raise SearchTooCostly(f"the search is {len(query):,} characters long, over the limit of {MAX_QUERY_CHARS:,}; "
                              "ask for fewer words")
    if query.count('"') % 2:
        raise SearchQueryError(f"the search {query!r} has an unclosed double quote; {HELP}")
    parts: list[str] = []
    depth = 0
    pos = 0
    query = _CONTROL.sub(" ", query).strip()
    negate = False
    near_terms = 0
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
            near, n_terms = _near(query, query[pos + 1 : close])
            parts.append(near)
            near_terms += n_terms - 1  # the part counts once below
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
            if depth > MAX_DEPTH:
                raise SearchTooCostly(f"the search nests parentheses more than {MAX_DEPTH} deep; {HELP}")
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
    if len(terms) + near_terms > MAX_TERMS:
        raise SearchTooCostly(f"the search has {len(terms) + near_terms} terms, over the limit of {MAX_TERMS}; ask for fewer words")
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
        if "fts5" in str(exc):  # a query fts_query let through but FTS5 cannot read, e.g. "()"
            raise SearchQueryError(f"full-text search cannot read {query[:100]!r}; {HELP}") from None
        if "interrupted" not in str(exc):
            raise
        raise SearchTooCostly(
            f"the search {query[:100]!r} took more than its budget of {seconds:g} s "
            "(DATELINE_SEARCH_BUDGET); narrow it: fewer or rarer words, a phrase, or a filter"
        ) from None
    finally:
        _BUDGETED.discard(id(conn))
        conn.set_progress_handler(None, 0)


MAX_NEAR_DISTANCE = 1000  # words between the terms of NEAR; further apart is no longer "near"


def _near(query: str, inside: str) -> tuple[str, int]:
    """NEAR(a b, 10) as FTS5 NEAR: the words within that many words of each other (default 10); and how
    many terms it has (each counts toward MAX_TERMS)."""
    words, _, distance = inside.partition(",")
    distance = distance.strip() or "10"
    if not distance.isdigit() or int(distance) > MAX_NEAR_DISTANCE:
        raise SearchQueryError(f"the search {query!r} gives NEAR a distance {distance[:20]!r}; write NEAR(word word, "
                               f"10), at most {MAX_NEAR_DISTANCE}")
    terms = [t for w in words.split() for t in _word(w) if t not in _OPERATORS and not t.endswith(":")]
    if len(terms) < 2:
        raise SearchQueryError(f"the search {query!r} gives NEAR fewer than two words; write NEAR(word word, 10)")
    return f"NEAR({' '.join(terms)}, {int(distance)})", len(terms)


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
        with time_budget(conn, query.q):
            unfiltered = not query.where()[0] and query.sample == 1
            by_relevance = query.sort in (None, "relevance")
            if query.collapse and unfiltered and by_relevance:
                total, rows = _collapsed_by_rank(conn, match, query)
            elif query.collapse:
                total = conn.execute(f"{head} SELECT count(DISTINCT {cluster}) {tail}", args).fetchone()[0]
                last = _tier(conn, match) if by_relevance else None
                outer = tiered_order(order.replace("a.", "").replace("f.rank", "rank"), last, "rowid")
                rows = conn.execute(
                    f"{head} SELECT rowid, id, title, publisher, published, rank, cluster FROM ("
                    f"  SELECT a.rowid AS rowid, a.id AS id, a.title AS title, a.publisher AS publisher, "
                    f"  a.published AS published, a.published_at AS published_at, f.rank AS rank, {cluster} AS cluster, "
                    f"  row_number() OVER (PARTITION BY {cluster}{tiered_order(' ORDER BY f.rank, a.id', last)}) AS nth "
                    f"{tail}"
                    f") WHERE nth = 1{outer}{limit}",
                    [*args, *page_args],
                ).fetchall()
            elif unfiltered:
                # no filter on the article: every row of the index is an article, so the index alone
                # counts the matches and ranks them, and only the page's rows are read from the articles
                total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                     [match]).fetchone()[0]
                if by_relevance:
                    rows = _article_rows(conn, _ranking(conn, match, total, query.page.offset, query.page.limit))
                else:
                    inner, outer = _index_order(query)
                    rows = conn.execute(
                        f"SELECT a.rowid, a.id, a.title, a.publisher, a.published, f.rank, {cluster} "
                        f"FROM ({inner}{limit}) f JOIN articles a ON a.rowid = f.rowid{outer}",
                        [match, *page_args],
                    ).fetchall()
            else:
                total = conn.execute(f"{head} SELECT count(*) {tail}", args).fetchone()[0]
                order = tiered_order(order, _tier(conn, match) if by_relevance else None)
                rows = conn.execute(
                    f"{head} SELECT a.rowid, a.id, a.title, a.publisher, a.published, f.rank, {cluster} {tail}"
                    f"{order}{limit}",
                    [*args, *page_args],
                ).fetchall()
            # the rank of a hit not read off the ranking (a page in another order than relevance)
            snippets, ranks = _snippets(conn, match, [r[0] for r in rows], any(r[5] is None for r in rows))
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax error" in str(exc):
            raise SearchQueryError(f"full-text search cannot read {query.q!r}; {HELP}") from None
        raise
    sizes = _cluster_sizes(conn, {r[6] for r in rows})
    hits = [
        SearchHit(
            id=r[1], title=r[2], publisher=r[3], published=r[4], score=-(ranks[r[0]] if r[5] is None else r[5]),
            snippet=snippets.get(r[0], ""), cluster_size=sizes.get(r[6], 1),
        )
        for r in rows
    ]
    return SearchResult(total=total, hits=hits)


# The matches, and those of them that are copies (few: the partial index articles_duplicate_of holds them)
_MATCHES = "WITH m AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) "
_COPIES = "FROM articles c INDEXED BY articles_duplicate_of WHERE c.duplicate_of IS NOT NULL AND c.rowid IN m"


def _collapsed_by_rank(conn: sqlite3.Connection, match: str, query: ArticleQuery) -> tuple[int, list[tuple]]:
    """One hit per near-duplicate cluster, best first, for a search without article filters: the clusters
    are counted as the matches less the copies that matched, plus the clusters of those copies whose
    representative did not; the page is read off the index's ranking, a cluster's first (best) match
    standing for it, asking for more of the ranking until the page is full."""
    matches = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]).fetchone()[0]
    copies, alone = conn.execute(
        f"{_MATCHES}SELECT count(*), count(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM articles r "
        f"WHERE r.id = c.duplicate_of AND r.rowid IN m) THEN c.duplicate_of END) {_COPIES}", [match]).fetchone()
    total = matches - copies + alone
    wanted = query.page.offset + (query.page.limit if query.page.limit is not None else total)
    rows: list[tuple] = []
    ask = wanted + 20
    while True:
        ranked = _article_rows(conn, _ranking(conn, match, matches, 0, ask))
        seen: set[str] = set()
        rows = []
        for row in ranked:
            if row[6] not in seen:
                seen.add(row[6])
                rows.append(row)
        if len(rows) >= wanted or len(ranked) < ask:
            break
        ask *= 2
    return total, rows[query.page.offset : wanted]


def _tier(conn: sqlite3.Connection, match: str) -> int | None:
    """The rowid of the newest match of the second tier (the RANK_TIER + 1-th most recently stored match; the
    first tier is the matches after it), or None when the search matches no more than RANK_TIER articles."""
    row = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                       [match, RANK_TIER]).fetchone()
    return None if row is None else int(row[0])


def tiered_order(order: str, last: int | None, rowid: str = "f.rowid") -> str:
    """``order`` (an ORDER BY by relevance) with the two tiers of RANK_TIER first (``last``: _tier's; the
    matches' ``rowid`` as the statement names it)."""
    return order if last is None else order.replace(" ORDER BY ", f" ORDER BY {rowid} <= {int(last)}, ", 1)


def _ranking(conn: sqlite3.Connection, match: str, matches: int, offset: int,
             count: int | None) -> list[tuple[int, float]]:
    """(rowid, rank) of ``count`` matches (None: all) from ``offset`` in the order of relevance (bm25, ties by
    rowid), in the two tiers of RANK_TIER when there are more ``matches``: each tier is ranked by itself, so
    that a page within the first ranks RANK_TIER matches, not all of them."""
    end = matches if count is None else min(matches, offset + count)
    if end <= offset:
        return []
    ranked = "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?{} ORDER BY rank, rowid LIMIT ? OFFSET ?"
    last = _tier(conn, match) if matches > RANK_TIER else None
    if last is None:
        return conn.execute(ranked.format(""), [match, end - offset, offset]).fetchall()
    out: list[tuple[int, float]] = []
    if offset < RANK_TIER:
        out += conn.execute(ranked.format(" AND rowid > ?"),
                            [match, last, min(end, RANK_TIER) - offset, offset]).fetchall()
    if end > RANK_TIER:
        older = max(offset, RANK_TIER)
        out += conn.execute(ranked.format(" AND rowid <= ?"), [match, last, end - older, older - RANK_TIER]).fetchall()
    return out


_ROWS_PER_STATEMENT = 10_000


def _article_rows(conn: sqlite3.Connection, ranked: list[tuple[int, float]]) -> list[tuple]:
    """The hit rows (rowid, id, title, publisher, published, rank, cluster) of ``ranked`` (rowid, rank), in its
    order."""
    found: dict[int, tuple] = {}
    for first in range(0, len(ranked), _ROWS_PER_STATEMENT):  # within SQLite's number of bound values
        rowids = [rowid for rowid, _ in ranked[first : first + _ROWS_PER_STATEMENT]]
        found.update((r[0], r) for r in conn.execute(
            "SELECT a.rowid, a.id, a.title, a.publisher, a.published, coalesce(a.duplicate_of, a.id) FROM articles a "
            f"WHERE a.rowid IN ({','.join('?' * len(rowids))})", rowids))
    return [(*found[rowid][:5], rank, found[rowid][5]) for rowid, rank in ranked if rowid in found]


def _index_order(query: ArticleQuery) -> tuple[str, str]:
    """(a SELECT of the matches' rowid and rank in the query's order, to be paged; the ORDER BY that keeps
    that order once joined to the articles as ``a``), for a sort other than relevance (which _ranking pages):
    the matches are walked in that column's index of the articles, and the first that match are the page."""
    order = query.order_by()
    index = _SORT_INDEXES.get((query.sort or "").lstrip("-"))
    walk = f" INDEXED BY {index}" if index else ""
    return (f"SELECT a.rowid AS rowid, NULL AS rank FROM articles a{walk} WHERE a.rowid IN "
            f"(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?){order}", order)


# The index of the articles that gives each sort its order: walked from its first entry, a search's page is
# the first entries that match, whether the search matches nearly all articles or a handful (the planner,
# not knowing how many match, would rather read every match and sort them)
_SORT_INDEXES = {"published": "articles_published", "publisher": "articles_publisher"}


def matches_sql(where: list[str], sample: int = 1, sample_rows: str | None = None) -> tuple[str, str]:
    """What goes before and after the SELECT list: the matches ``f`` joined to articles ``a``, filtered;
    with ``sample`` > 1 only every sample-th match by rowid (see ArticleQuery.sample), read from the temporary
    table ``sample_rows`` when it holds them (the FTS query's parameter is then bound and unused; no rank).

    Parameters: the FTS query, then those of ``where``. Other read queries over the matches
    (facets) use this too, so that they match and perform like search.

    Without filters the full-text index drives the join. With filters the matches are taken
    first, as a materialised set: otherwise SQLite may walk a filter's index and test the
    match row by row, which is many times slower.
    """
    if sample_rows:
        # the sample first (CROSS JOIN: the planner, knowing nothing of the table, would walk every article)
        rows = f"temp.{sample_rows} f CROSS JOIN articles a ON a.rowid = f.rowid WHERE ? IS NOT NULL"
        return "", f"FROM {rows}" + "".join(f" AND {w}" for w in where)
    if not where:  # the sample taken of the index's rowids (f's), before a row of the articles is read
        return "", f"FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?" \
            f"{sample_sql('f.rowid', sample)}"
    head = f"WITH f AS MATERIALIZED (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?" \
        f"{sample_sql('rowid', sample)})"
    return head, "FROM f JOIN articles a ON a.rowid = f.rowid WHERE " + " AND ".join(where)


def sample_sql(rowid: str, sample: int) -> str:
    """The condition (with its AND) that keeps every sample-th row by ``rowid``; '' for all of them. The
    number is checked to be an int here, so it is written into the SQL, where it is a constant the
    planner can see."""
    if not isinstance(sample, int) or sample < 1:
        raise ValueError(f"sample must be a positive int, not {sample!r}")
    return f" AND {rowid} % {sample} = 0" if sample > 1 else ""


def _snippets(conn: sqlite3.Connection, match: str, rowids: list[int],
              ranked: bool = True) -> tuple[dict[int, str], dict[int, float]]:
    """Snippets of the body, and the rank unless ``ranked`` is False, of the page of hits only (they are the
    costly part; the rank costs a pass over every match, since bm25 counts the rows of each term)."""
    if not rowids:
        return {}, {}
    marks = ",".join("?" * len(rowids))
    rank = "rank" if ranked else "NULL"
    rows = conn.execute(
        f"SELECT rowid, snippet(articles_fts, 1, ?, ?, '…', ?), {rank} FROM articles_fts "
        f"WHERE articles_fts MATCH ? AND rowid IN ({marks})",
        [MARK_START, MARK_END, SNIPPET_TOKENS, match, *rowids],
    ).fetchall()
    return {rowid: display_form(snippet) for rowid, snippet, _ in rows}, {rowid: rank for rowid, _, rank in rows}


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
