"""The store's answers to the query objects of query.py: rows, counts and facets, paged in SQL.

Each list is one SELECT with the query's WHERE, ORDER BY and LIMIT/OFFSET, and one
COUNT; rows are decoded from their columns (never from the full record), and each
fact row carries its article (id, title, publisher, published) and, when duplicates
are collapsed, how many copies it stands for.

A query with a full-text search (its own ``q``, or its articles') runs within the search's time
budget (:func:`budget`, search.time_budget): over it, SearchTooCostly. A streamed list is budgeted
up to its first row, where SQLite has matched and sorted; reading the rest is the reader's pace.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from itertools import islice
from typing import Any

from ..model import Event, Quote, Span
from .keys import group_key_sql, group_rows_sql
from .query import (
    CLUSTER,
    ArticleQuery,
    EntityQuery,
    EventQuery,
    QuoteQuery,
    _event_signature_sql,
    event_signature_text_sql,
)
from .search import time_budget
from .tables import EVENTS, MENTIONS, QUOTES, article_text_sql


@dataclass
class ArticleRef:
    """The article a fact is in, as a row of a list shows it."""

    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EventSource(ArticleRef):
    """An event's article, with what the GDELT-style row also gives: address, capture time, lead end."""

    url: str | None = None
    source: str = ""
    fetched: str | None = None
    lead_end: int = 0


@dataclass
class ArticleRow(ArticleRef):
    language: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    copies: int = 1  # articles in its near-duplicate cluster


@dataclass
class EventHit:
    article: ArticleRef
    event: Event
    copies: int = 1  # the same event in this many articles of its near-duplicate cluster
    index: int = 0  # its place in its article's events


@dataclass
class QuoteHit:
    article: ArticleRef
    quote: Quote
    copies: int = 1
    index: int = 0


@dataclass
class EntitySummary:
    """One entity across the store: every name it goes by, on one page (see keys.group_key)."""

    key: str
    name: str  # the most frequent spelling
    type: str  # the most frequent type; a country's is GPE
    code: str | None
    country: str | None
    articles: int  # near-duplicate clusters, unless counted with copies
    mentions: int
    names: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def budget(conn: sqlite3.Connection, query: Any) -> AbstractContextManager[None]:
    """The time budget of the search in ``query`` (an ArticleQuery's q, or that of the articles a fact or
    entity query is restricted to) around its work on ``conn``; no budget without a search. Budgets nest:
    inside one, the outer holds (a page and all its lists share one)."""
    articles = query if isinstance(query, ArticleQuery) else getattr(query, "articles", None)
    q = articles.q if articles is not None else None
    return time_budget(conn, q) if q else nullcontext()


def _budgeted(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(conn: sqlite3.Connection, query: Any, *args: Any, **kwargs: Any) -> Any:
        with budget(conn, query):
            return fn(conn, query, *args, **kwargs)

    return run


def _stream(conn: sqlite3.Connection, query: Any, sql: str, params: list[Any]) -> Iterator[tuple]:
    """The rows of ``sql``, the statement budgeted up to its first row."""
    with budget(conn, query):
        cursor = conn.execute(sql, params)
        first = cursor.fetchone()
    if first is None:
        return
    yield first
    yield from cursor


# The sets of keys being shared on a connection (inside shared_sets): (SQL, parameters) -> temporary table
_SHARED: dict[int, dict[tuple[str, tuple], str]] = {}
_SET_NUMBERS = itertools.count(1)  # each temporary table a name of its own
_SHARED_HEAD = "WITH s AS NOT MATERIALIZED (SELECT * FROM temp."


@contextmanager
def shared_sets(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside the block, the keys (article_id, idx) of the events or quotes a list matches are found once, into
    a temporary table of the connection, and every statement of that list (its count, its page, its facets)
    reads them from there instead of finding them again (at 100,000 articles the events of a country take
    10-70 ms to find, and a page of them runs four or five statements); the tables are dropped at its end.
    Blocks nest (the outer one holds). The answers are those without it: the same rows, read from a set of
    the same keys."""
    with _temporary_tables(_SHARED, conn):
        yield


@contextmanager
def _temporary_tables(registry: dict[int, dict], conn: sqlite3.Connection) -> Iterator[None]:
    """The block in which ``registry`` holds the temporary tables made on ``conn`` (by key -> table name),
    which are dropped at its end; blocks nest (the outer one holds)."""
    if id(conn) in registry:
        yield
        return
    made: dict = {}
    registry[id(conn)] = made
    try:
        yield
    finally:
        del registry[id(conn)]
        for name in made.values():
            with suppress(sqlite3.Error):  # never hide what ended the block; the name is never used again
                conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


# What the statements of an event list read of each matching event (its sorts, its signature, its facets and
# places); its page's columns are read from the events table for the page's rows only
_EVENT_SET_COLUMNS = ("article_id", "idx", "day", "goldstein", "cameo", "quad_class", "confidence", "plover",
                      "source_code", "source_country", "source_text", "target_code", "target_country", "target_text",
                      "date", "negated", "location")


_SHARED_EVENTS_BODY = "FROM s e JOIN articles a ON a.id = e.article_id WHERE true"


def _set_alone(body: str, *parts: str) -> str:
    """``body`` without its join to the articles when it reads a shared set of events and none of ``parts`` (what
    the statement reads besides) names them: the same rows (every event of the set has its article), without
    a lookup per event (at 100,000 articles 8 ms of a broad search's page)."""
    if body != _SHARED_EVENTS_BODY or any(re.search(r"\ba\.", part) for part in parts):
        return body
    return "FROM s e WHERE true"


def _shared(conn: sqlite3.Connection | None, query: Any, table: str, alias: str,
            parts: tuple[str, list[Any], str, list[Any]]) -> tuple[str, list[Any], str, list[Any]]:
    """``parts`` (CTE head, its parameters, FROM ... WHERE ..., its parameters: the rows of ``table`` as
    ``alias`` a list reads) as they are outside shared_sets. Inside, the same rows, every filter already
    applied, from a temporary table made by the first statement that asks for them: of the events, what the
    statements read of each (_EVENT_SET_COLUMNS), as ``s``; of quotes, their keys as ``s``, the rows read
    from the table."""
    made = _SHARED.get(id(conn)) if conn is not None else None
    if made is None:
        return parts
    head, head_params, body, params = parts
    signature = (head + body, tuple(head_params + params))
    name = made.get(signature)
    columns = _EVENT_SET_COLUMNS if table == "events" else ("article_id", "idx")
    if name is None:
        name = f"dateline_keys_{next(_SET_NUMBERS)}"
        selected = ", ".join(f"{alias}.{c} AS {c}" for c in columns)
        made_of = body
        if table == "events":
            selected += f", {clustered(alias + '.article_id')} AS {SHARED_CLUSTERED.split('.')[1]}"
            # what the set holds is the events' own: every event has its article (a foreign key), and no condition
            # on the events reads the article's row (those on the articles are subqueries of their ids), so the
            # set is made without looking each event's article up (at 100,000 articles a search's 48,000
            # events: 70 -> 60 ms); were a condition to read it, SQLite would refuse the statement, not answer
            made_of = body.replace(f" JOIN articles a ON a.id = {alias}.article_id WHERE ", " WHERE ", 1)
        with budget(conn, query):
            conn.execute(f"CREATE TEMP TABLE {name} AS {head}SELECT {selected} {made_of}", [*head_params, *params])
        made[signature] = name
    if table == "events":
        return f"{_SHARED_HEAD}{name}) ", [], _SHARED_EVENTS_BODY.replace(" e ", f" {alias} "), []
    return (f"{_SHARED_HEAD}{name}) ", [],
            f"FROM s CROSS JOIN {table} {alias} ON {alias}.article_id = s.article_id AND {alias}.idx = s.idx "
            f"JOIN articles a ON a.id = {alias}.article_id WHERE true", [])


# An article alone in its cluster (most are): its facts need no collapsing.
# The articles that have a copy or are one (few: the partial index articles_copies holds them).
_IN_CLUSTERS = ("(SELECT id FROM articles INDEXED BY articles_copies WHERE duplicate_of IS NOT NULL "
                "UNION ALL SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL)")


# A shared set of events (see _shared) holds, for each, whether its article is in a cluster, told once as the set
# is made: its statements (a count, a page's two parts) test that column instead of the ids again
SHARED_CLUSTERED = "e.clustered_"


def alone(article_id: str) -> str:
    """True of the rows whose article (its id ``article_id``) is alone in its cluster (most are). Told by the
    article's id alone, so that a list driven by a set of keys tests it before it reads a row (or by the column
    of a shared set of events that says it, given SHARED_CLUSTERED)."""
    if article_id == SHARED_CLUSTERED:
        return f"{SHARED_CLUSTERED} = 0"
    return f"{article_id} NOT IN {_IN_CLUSTERS}"


def clustered(article_id: str) -> str:
    if article_id == SHARED_CLUSTERED:
        return f"{SHARED_CLUSTERED} = 1"
    return f"{article_id} IN {_IN_CLUSTERS}"


# A ``within`` of EventQuery.actor_rows: the keys of the articles in a cluster only, found in each index of the
# actor's set from the few clustered ids (at 100,000 articles 1,200 of a country's 23,000 keys, in 4 ms, where
# testing each of its keys against the clustered ids takes 10)
_CLUSTERED_KEYS = "{id} IN " + _IN_CLUSTERS




def _and(body: str, cond: str) -> str:
    return f"{body} AND {cond}" if " WHERE " in body else f"{body} WHERE {cond}"


def _carried(sorts: dict[str, str], tiebreak: list[str], order: str) -> tuple[str, str]:
    """The sort columns carried out of an inner SELECT under aliases (s0, s1 ...), and ``order`` (an ORDER BY
    over the inner columns) written over those aliases."""
    bases = [expr.split(" COLLATE")[0] for expr in [*sorts.values(), *tiebreak]]
    carried = {expr: f"s{i}" for i, expr in enumerate(dict.fromkeys(bases))}
    outer = order
    for expr, alias in sorted(carried.items(), key=lambda kv: -len(kv[0])):
        outer = outer.replace(expr, alias)
    return ", ".join(f"{expr} AS {alias}" for expr, alias in carried.items()), outer


def _collapsed(select: str, body: str, partition: str, pick: str, sorts: dict[str, str], order: str,
               tiebreak: list[str], *, alone: str | None = None, others: str | None = None) -> str:
    """One row per ``partition`` (the first by ``pick``), with ``copies``, ordered as ``order`` says.

    ``order`` is an ORDER BY over the inner columns; they are carried out under aliases. With ``alone``
    (a condition true of the rows that have no copies), only the other rows (``others``, by default NOT alone)
    go through the window."""
    extra, outer = _carried(sorts, tiebreak, order)
    windowed = (f"SELECT {select}, {extra}, row_number() OVER (PARTITION BY {partition} ORDER BY {pick}) AS nth_, "
                f"count(*) OVER (PARTITION BY {partition}) AS copies_ "
                f"{_and(body, others or f'NOT {alone}') if alone else body}")
    if alone is None:
        return f"SELECT * FROM ({windowed}) WHERE nth_ = 1{outer}"
    single = f"SELECT {select}, {extra}, 1 AS nth_, 1 AS copies_ {_and(body, alone)}"
    return f"SELECT * FROM ({single} UNION ALL SELECT * FROM ({windowed}) WHERE nth_ = 1){outer}"


def _count_collapsed(conn: sqlite3.Connection, body: str, signature: str, params: list[Any], head: str = "",
                     head_params: tuple | list = (), article_id: str = "a.id", bare: str | None = None) -> int:
    """Rows of ``body`` counted once per ``signature``: those alone in their cluster, then the rest grouped
    (``head``: a CTE the body reads; ``article_id``: the rows' article id, as the body names it; ``bare``:
    a FROM ... WHERE with the same rows as ``body`` and no parameters that reads no row, for those alone)."""
    alone_params = [] if bare else params
    # two statements: SQLite plans each part better alone than as the two terms of one sum
    alone_rows = conn.execute(f"{head}SELECT count(*) {_and(bare or body, alone(article_id))}",
                              [*head_params, *alone_params]).fetchone()[0]
    grouped = conn.execute(f"{head}SELECT count(*) FROM (SELECT 1 {_and(body, clustered(article_id))} "
                           f"GROUP BY {signature})", [*head_params, *params]).fetchone()[0]
    return alone_rows + grouped


# -- articles ----------------------------------------------------------------------------------------
_ARTICLE_COLUMNS = (
    "a.id, a.title, a.publisher, a.published, a.language, a.url, a.authors, "
    "a.duplicate_of, (SELECT count(*) FROM entities x WHERE x.article_id = a.id), "
    "(SELECT count(*) FROM quotes x WHERE x.article_id = a.id), "
    "(SELECT count(*) FROM events x WHERE x.article_id = a.id), "
    f"(SELECT count(*) FROM articles c WHERE coalesce(c.duplicate_of, c.id) = {CLUSTER})"
)


@_budgeted
def articles(conn: sqlite3.Connection, query: ArticleQuery) -> list[ArticleRow]:
    """The page of matching articles, in the query's order (newest first without q)."""
    head, body, params = query.from_sql()
    limit, page = query.page.sql()
    order = query.order_by()
    if query.collapse:
        from .query import ARTICLE_SORTS

        sorts = {k: v for k, v in ARTICLE_SORTS.items() if query.q or k != "relevance"}
        sql = head + " " + _collapsed(_ARTICLE_COLUMNS, body, CLUSTER, "a.duplicate_of IS NOT NULL, a.id", sorts,
                                      order, ["a.id"])
    else:
        sql = f"{head} SELECT {_ARTICLE_COLUMNS} {body}{order}"
    return [_article_row(r) for r in conn.execute(sql + limit, [*params, *page]).fetchall()]


def _article_row(r: tuple) -> ArticleRow:
    """An ArticleRow from the columns of _ARTICLE_COLUMNS."""
    return ArticleRow(id=r[0], title=r[1], publisher=r[2], published=r[3], language=r[4], url=r[5],
                      authors=json.loads(r[6]) if r[6] else [], duplicate_of=r[7],
                      counts={"entities": r[8], "quotes": r[9], "events": r[10]}, copies=r[11])


@_budgeted
def count_articles(conn: sqlite3.Connection, query: ArticleQuery) -> int:
    head, body, params = query.from_sql()
    counted = f"count(DISTINCT {CLUSTER})" if query.collapse else "count(*)"
    return conn.execute(f"{head} SELECT {counted} {body}", params).fetchone()[0]


FACETS = ("publisher", "language", "year")
# The facets of a search that matches more articles than this are counted over a sample of about this
# many of them (every k-th match by rowid) and scaled up: an estimate, which the answer says it is.
# Exact counts over 100,000 matches would take seconds a page; the shares of a sample of 500 are within
# a few points of the true ones for the values a facet lists.
FACET_SAMPLE = 500


@dataclass
class FacetSample:
    """How the facets of a query were counted: over ``sampled`` of its ``matches`` articles (every
    ``every``-th), scaled up, when ``estimated``; else over all of them."""

    matches: int
    every: int = 1

    @property
    def estimated(self) -> bool:
        return self.every > 1

    def to_dict(self) -> dict[str, Any]:
        return {"matches": self.matches, "every": self.every, "estimated": self.estimated,
                "sampled": -(-self.matches // self.every) if self.estimated else self.matches}


@_budgeted
def facet_sample(conn: sqlite3.Connection, query: ArticleQuery,
                 matches: int | None = None) -> tuple[ArticleQuery, FacetSample]:
    """The query to count facets over (``query`` itself, or a sample of its matches), and how it was made.
    The matches of a search without other filters are counted by the full-text index alone (or given as
    ``matches``: what the search counted of the same rows)."""
    from .search import fts_query, sample_sql

    if matches is None and query.q and not query.where()[0]:
        matches = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                               [fts_query(query.q)]).fetchone()[0]
    elif matches is None:
        head, body, params = replace(query, collapse=False).from_sql()
        matches = conn.execute(f"{head} SELECT count(*) {body}", params).fetchone()[0]
    every = -(-matches // FACET_SAMPLE) if matches > FACET_SAMPLE else 1
    made = _SAMPLES.get(id(conn))
    # a broad search's sample (no other filter: with filters the matches are fewer and are taken first, as a set
    # SQLite plans well, search.matches_sql), its rowids once for the statements of its facets
    if every > 1 and matches >= _SAMPLE_TABLE_MATCHES and query.q and not query.where()[0] and made is not None:
        match = fts_query(query.q)
        name = made.get((match, every))
        if name is None:
            name = f"dateline_sample_{next(_SET_NUMBERS)}"
            conn.execute(f"CREATE TEMP TABLE {name} (rowid INTEGER PRIMARY KEY)")
            made[(match, every)] = name
            conn.execute(f"INSERT INTO temp.{name} SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                         f"{sample_sql('rowid', every)}", [match])
        return replace(query, sample=every, sample_rows=name), FacetSample(matches, every)
    return replace(query, sample=every), FacetSample(matches, every)


# A sample is made into a table for a search matching at least this many articles: below, the full-text index gives
# it again faster than a table is made and dropped (at 10,000 articles, 1-2 ms a search)
_SAMPLE_TABLE_MATCHES = 20_000
# The samples of searches' matches made on a connection inside sample_sets: (FTS query, every) -> temporary table
_SAMPLES: dict[int, dict[tuple[str, int], str]] = {}


@contextmanager
def sample_sets(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside the block, the sample facet_sample takes of a broad search's matches (every k-th by rowid; a search
    without other filters) is made once into a temporary table of their rowids, which each facet's statement
    reads (four statements took it of the full-text index again, 3 ms each over 100,000 matches); the tables
    are dropped at its end. The same rowids either way, so the same counts."""
    with _temporary_tables(_SAMPLES, conn):
        yield


@_budgeted
def article_facets(conn: sqlite3.Connection, query: ArticleQuery) -> dict[str, list[list[Any]]]:
    """Counts of the matching articles (clusters, with ``collapse``) by publisher, language and year.

    One pass over the matches, grouped by all three at once; the counts per facet are summed here.
    """
    head, body, params = query.from_sql()
    counted = f"count(DISTINCT {CLUSTER})" if query.collapse else "count(*)"
    rows = conn.execute(
        f"{head} SELECT coalesce(a.publisher, '(unknown)'), coalesce(a.language, '(unknown)'), "
        f"coalesce(substr(a.published_at, 1, 4), '(undated)'), {counted} {body} GROUP BY 1, 2, 3", params,
    ).fetchall()
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for *values, n in rows:
        for name, value in zip(FACETS, values, strict=True):
            counts[name][value] += n * query.sample
    return {
        "publisher": [[k, n] for k, n in sorted(counts["publisher"].items(), key=lambda kv: (-kv[1], kv[0]))],
        "language": [[k, n] for k, n in sorted(counts["language"].items(), key=lambda kv: (-kv[1], kv[0]))],
        "year": [[k, n] for k, n in sorted(counts["year"].items(), reverse=True)],
    }


@_budgeted
def volume(conn: sqlite3.Connection, query: ArticleQuery, freq: str) -> list[dict[str, Any]]:
    """Matching articles per day, week (ISO) or month (clusters, with ``collapse``), and the share of all
    the store's articles of that period; each point with its first and last day."""
    from ..timeline import FREQUENCIES
    from .query import QueryError

    if freq not in FREQUENCIES:
        raise QueryError(f"freq={freq!r} is not a period; use day, week or month")
    return _points(*_volume_days(conn, query), freq)


@_budgeted
def volume_auto(conn: sqlite3.Connection, query: ArticleQuery) -> tuple[str, list[dict[str, Any]]]:
    """The volume in a period that gives a readable chart (days over two months at most, weeks over two
    years, else months: the span of the matches' publication days), and its points; the days are counted
    once for both."""
    by_day, every_day = _volume_days(conn, query)
    days = sorted(day for day, _ in by_day)
    if not days:
        return "week", []
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
    freq = "day" if span <= 62 else "week" if span <= 730 else "month"
    return freq, _points(by_day, every_day, freq)


# read-only connections (Store opened readonly, e.g. the web server's) -> (the store's write generation, the
# temporary table of the articles' days made at it); see _days_table
_DAYS: dict[int, tuple[int, str] | None] = {}


def keep_days(conn: sqlite3.Connection, keep: bool) -> None:
    """Let a read-only connection keep the table of _days_table (``keep``), or forget it (the connection closes)."""
    if keep:
        _DAYS.setdefault(id(conn), None)
    else:
        _DAYS.pop(id(conn), None)


def _days_table(conn: sqlite3.Connection) -> str | None:
    """On a read-only connection, a temporary table of the dated articles by rowid with their day of publication
    and cluster, made once per write generation of the store (PRAGMA data_version: another connection's
    commit) and kept while the store is not written; None on another connection. A broad search's volume joins
    its matches to it by rowid (at 100,000 articles a lookup by rowid in it costs a quarter of one in the index
    of the articles' list columns)."""
    if id(conn) not in _DAYS:
        return None
    generation = conn.execute("PRAGMA data_version").fetchone()[0]
    made = _DAYS[id(conn)]
    if made is not None:
        if made[0] == generation:
            return made[1]
        with suppress(sqlite3.Error):
            conn.execute(f"DROP TABLE temp.{made[1]}")
        _DAYS[id(conn)] = None
    name = f"dateline_days_{next(_SET_NUMBERS)}"
    # the day as the number YYYYMMDD: SQLite groups a broad search's 100,000 matches by a number in three quarters of
    # the time it takes by text (the table takes 20 ms more to make, once a write generation)
    conn.execute(f"CREATE TEMP TABLE {name} (rowid INTEGER PRIMARY KEY, day INTEGER NOT NULL, cluster TEXT NOT NULL)")
    try:
        conn.execute(f"INSERT INTO temp.{name} SELECT a.rowid, {_DAY_NUMBER}, coalesce(a.duplicate_of, a.id) "
                     "FROM articles a WHERE a.published_at IS NOT NULL")
    except BaseException:  # over the search's budget: made again, whole, by the next volume
        with suppress(sqlite3.Error):
            conn.execute(f"DROP TABLE temp.{name}")
        raise
    _DAYS[id(conn)] = (generation, name)
    return name


_DAY_NUMBER = "substr(a.published_at, 1, 4) * 10000 + substr(a.published_at, 6, 2) * 100 + substr(a.published_at, 9, 2)"


def _day_text(number: int) -> str:
    """A day of _DAY_NUMBER as the text of published_at it was made from (YYYY-MM-DD)."""
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


def _volume_days(conn: sqlite3.Connection, query: ArticleQuery) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(day, matching articles or clusters) of the matches, and (day, all articles or clusters) of the store.
    The matches of a search without article filters are joined to the days by rowid (_days_table)."""
    days = _days_table(conn) if query.q and not query.where()[0] and query.sample == 1 else None
    if days is not None:
        from .search import fts_query

        counted = "count(DISTINCT d.cluster)" if query.collapse else "count(*)"
        by_day = [(_day_text(day), n) for day, n in conn.execute(
            f"SELECT d.day, {counted} FROM articles_fts f JOIN temp.{days} d ON d.rowid = f.rowid "
            "WHERE articles_fts MATCH ? GROUP BY 1", [fts_query(query.q)])]
    else:
        head, body, params = query.from_sql()
        counted = f"count(DISTINCT {CLUSTER})" if query.collapse else "count(*)"
        dated = " AND a.published_at IS NOT NULL" if " WHERE " in body else " WHERE a.published_at IS NOT NULL"
        by_day = conn.execute(f"{head} SELECT substr(a.published_at, 1, 10), {counted} {body}{dated} GROUP BY 1",
                              params).fetchall()
    if not by_day:
        return [], []
    every_day = conn.execute(  # the summary the write path keeps (store/summaries.py)
        f"SELECT day, {'clusters' if query.collapse else 'articles'} FROM article_days").fetchall()
    return by_day, every_day


def _points(by_day: list[tuple[str, int]], every_day: list[tuple[str, int]], freq: str) -> list[dict[str, Any]]:
    from ..timeline import _next, _start, period_of

    if not by_day:
        return []

    def bucket(rows: list[tuple[str, int]]) -> dict[date, int]:
        out: dict[date, int] = {}
        for day, n in rows:
            try:
                first = _start(date.fromisoformat(day), freq)
            except ValueError:
                continue
            out[first] = out.get(first, 0) + n
        return out

    matched, totals = bucket(by_day), bucket(every_day)
    points = []
    day, last = min(matched), max(matched)
    while day <= last:
        following = _next(day, freq)
        n, all_ = matched.get(day, 0), totals.get(day, 0)
        points.append({"period": period_of(day, freq), "start": day.isoformat(),
                       "end": (following - timedelta(days=1)).isoformat(), "count": n, "all": all_,
                       "share": round(n / all_, 4) if all_ else 0.0})
        day = following
    return points


_IDS_PER_STATEMENT = 10_000  # ids bound in one statement, within SQLite's number of bound values


@_budgeted
def entity_facets(conn: sqlite3.Connection, query: ArticleQuery, top: int = 10) -> dict[str, list[list[Any]]]:
    """The entities and countries named most in the matching articles (clusters, with ``collapse``):
    [key, name, count] and [country, count]."""
    sub, params = query.ids_sql("a.id, coalesce(a.duplicate_of, a.id)")
    # the matching articles with their clusters first (a sample's 500), then their entity rows by those ids: each
    # row's cluster looked up here, not each of the 10,000 rows joined to its article (at 100,000 articles 8 of 23 ms)
    of_article = dict(conn.execute(sub, params))
    ids = list(of_article)
    # one pass over the entity rows of the matches for both facets, counted here (two statements grouping the
    # same rows took a third more): distinct articles (clusters) per page key, with its least name, and per country
    clusters: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    by_country: dict[str, set[str]] = {}
    rows = itertools.chain.from_iterable(conn.execute(
        f"SELECT {group_key_sql('g')}, g.name, g.country, g.article_id FROM entities g WHERE g.article_id IN "
        f"({', '.join('?' * len(chunk))})", chunk) for chunk in (ids[i:i + _IDS_PER_STATEMENT] for i in range(0, len(ids), _IDS_PER_STATEMENT)))
    for key, name, country, article_id in rows:
        cluster = of_article[article_id] if query.collapse else article_id
        clusters.setdefault(key, set()).add(cluster)
        if key not in names or name < names[key]:  # SQLite's min(): text by code point
            names[key] = name
        if country is not None:
            by_country.setdefault(country, set()).add(cluster)
    k = query.sample
    entities_ = sorted(((len(c), key) for key, c in clusters.items()), key=lambda nk: (-nk[0], nk[1]))[:top]
    countries = sorted(((len(c), country) for country, c in by_country.items()), key=lambda nc: (-nc[0], nc[1]))[:top]
    return {"entity": [[key, names[key], n * k] for n, key in entities_],
            "country": [[country, n * k] for n, country in countries]}


# -- events ------------------------------------------------------------------------------------------
_EVENT_COLUMNS = (
    f"e.article_id, {EVENTS.select_sql('e')}, a.title, a.publisher, a.published, e.idx, a.url, a.source, a.fetched"
)
# Where the lead of an article ends (its first body paragraph, else its whole text), for the GDELT-style row;
# read for the rows a list gives, not in the query that matches, collapses and sorts every event
_LEAD_END = (f"SELECT a.id, coalesce((SELECT p.\"end\" FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body' "
             f"ORDER BY p.idx LIMIT 1), length({article_text_sql()})) FROM articles a WHERE a.id IN ")
_EVENT_WIDTH = EVENTS.select_width()


# The events of a search that matches at most this share of the store's articles are read article by article;
# those of a commoner search, from the set of keys of their actors (when the query names actors).
_FEW_MATCHES = 0.3


def _event_from(conn: sqlite3.Connection | None, query: EventQuery) -> tuple[str, list[Any], str, list[Any], str]:
    """query.from_sql, driven by the set of the actors' keys unless the query's search matches few articles,
    and the matching events' article id as that SQL names it."""
    by_actors = True
    articles = query.articles
    actors = query.refs.keys() & {"actor", "source", "target", "a"}  # without, both ways are the same SQL
    if conn is not None and actors and articles is not None and articles.q and articles.is_filtered():
        from .search import fts_query

        with budget(conn, query):  # the search's own budget, whichever way its events are then read
            matches = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                   [fts_query(articles.q)]).fetchone()[0]
        every = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
        by_actors = matches > _FEW_MATCHES * every
    parts = _shared(conn, query, "events", "e", query.from_sql(by_actors=by_actors))
    return (*parts, SHARED_CLUSTERED if parts[0].startswith(_SHARED_HEAD) else query.article_key(by_actors=by_actors))


def _speakers_quoted(conn: sqlite3.Connection, speaker: str) -> bool:
    """Can a quote have a speaker entity that ``speaker`` names (the rows of its page, or of its per-type key)?
    Not when the page's summary counts no quote of its speakers (entity_pages.quotes, schema 16) and no row
    has it as its per-type key: then the speaker's quotes are those of its name alone."""
    try:
        row = conn.execute("SELECT quotes FROM entity_pages WHERE key = ?", (speaker,)).fetchone()
    except sqlite3.OperationalError:  # a store of an older schema, opened read-only: no summary to read
        return True
    if row is not None and row[0] > 0:
        return True
    return conn.execute("SELECT 1 FROM entities WHERE entity_key = ? LIMIT 1", (speaker,)).fetchone() is not None


def _quote_from(conn: sqlite3.Connection, query: QuoteQuery) -> tuple[str, list[Any], str, list[Any], str]:
    """query.from_sql (shared inside shared_sets), and the matching quotes' article id as that SQL names it."""
    entities = not query.speaker or _speakers_quoted(conn, query.speaker)
    parts = _shared(conn, query, "quotes", "q", query.from_sql(entities=entities))
    return (*parts, "s.article_id" if parts[0].startswith(_SHARED_HEAD) else query.article_key())


def _event_sql(query: EventQuery, conn: sqlite3.Connection | None = None,
               columns: str = _EVENT_COLUMNS) -> tuple[str, list[Any]]:
    """The page of matching events: which they are (their keys, in order, collapsed, paged) is chosen reading
    only what the filters, the collapse and the sort need; the ``columns`` shown (of the events ``e`` and their
    articles ``a``; by default all of them) are read for the page's rows, then how many copies each stands for."""
    from .query import EVENT_SORTS

    head, head_params, body, params, key = _event_from(conn, query)
    order = query.order_by()
    limit, page = query.page.sql()
    keys = "e.article_id AS k0_, e.idx AS k1_"
    tiebreak = ["e.article_id", "e.idx"]
    extra, outer = _carried(EVENT_SORTS, tiebreak, order)
    if query.collapse:
        inner = _collapsed(keys, body, _event_signature_sql(), "a.duplicate_of IS NOT NULL, a.id, e.idx",
                           EVENT_SORTS, order, tiebreak, alone=alone(key), others=clustered(key))
        params = [*params, *params]  # the rows alone, then the others
    else:
        inner = f"SELECT {keys}, {extra}, 1 AS copies_ {body}{order}"
    sql = (f"{head}SELECT {columns}, p.copies_ FROM ({inner}{limit}) p "
           f"CROSS JOIN events e ON e.article_id = p.k0_ AND e.idx = p.k1_ JOIN articles a ON a.id = e.article_id"
           f"{outer}")
    return sql, [*head_params, *params, *page]


# A collapsed page of events that ends within this many rows is chosen in parts (see _event_page_sql).
_PAGE_IN_PARTS = 1000

# The events of actors that are more than this share of all events, in date order and with no other filter, are
# paged by walking every event by date (the index events_day), each tested for the actors, until the page is full
# (about limit / share events read: at 100,000 articles a country is a twentieth of them, and its first 50 events
# are found in 0.2 ms, where reading its 23,000 to sort them takes 50); a rarer actor's are read from its keys.
_WALK_EVENTS_SHARE = 0.02
# (connection, PRAGMA data_version) -> the store's events: how many there are, for the choice above only (a stale
# count after a write of the connection's own changes which way a page is found, never what it holds)
_EVENT_TOTALS: dict[int, tuple[int, int]] = {}


def _walks(conn: sqlite3.Connection, query: EventQuery) -> bool:
    """Is the collapsed page of this set-driven list found by walking the events by date (see _WALK_EVENTS_SHARE)?
    Only without filters but the actors', in date order (the default, ascending)."""
    if query.sort not in (None, "date") or query.where(actors=False)[0]:
        return False
    generation = conn.execute("PRAGMA data_version").fetchone()[0]
    cached = _EVENT_TOTALS.get(id(conn))
    if cached is None or cached[0] != generation:
        cached = (generation, conn.execute("SELECT count(*) FROM events").fetchone()[0])
        _EVENT_TOTALS[id(conn)] = cached
    rows, params = query.actor_rows()
    if rows is None:
        return False
    keys = conn.execute(f"SELECT count(*) FROM ({rows})", params).fetchone()[0]
    return keys > _WALK_EVENTS_SHARE * cached[1]


def _walked(conn: sqlite3.Connection, query: EventQuery, columns: str, n: int) -> list[tuple]:
    """The first ``n`` events of the actors alone in their cluster in date order (ascending, undated last), read
    walking the events by date: the ``columns`` of each (over the events ``e`` and their articles ``a``)."""
    where, params = query.where()  # the actors' conditions only (see _walks)
    tested = " AND ".join([*where, alone("e.article_id")])
    walk = f"SELECT {columns} FROM events e INDEXED BY events_day JOIN articles a ON a.id = e.article_id WHERE "
    rows = conn.execute(f"{walk}e.day IS NOT NULL AND {tested} ORDER BY e.day, e.article_id, e.idx LIMIT ?",
                        [*params, n]).fetchall()
    if len(rows) < n:
        rows += conn.execute(f"{walk}e.day IS NULL AND {tested} ORDER BY e.article_id, e.idx LIMIT ?",
                             [*params, n - len(rows)]).fetchall()
    return rows


def _event_page_sql(conn: sqlite3.Connection, query: EventQuery) -> tuple[str, list[Any]]:
    """The SQL of _event_sql for a collapsed page that ends within _PAGE_IN_PARTS rows, its rows chosen in
    three statements, which SQLite plans better than the one: the first offset + limit of the events alone in
    their cluster, then of the clustered ones, each in the page's order, then the page of those candidates in
    that order (the page's rows are among them; each candidate's sort values bound as they were read)."""
    from .query import EVENT_SORTS

    head, head_params, body, params, key = _event_from(conn, query)
    order = query.order_by()
    sort = (query.sort or "date").lstrip("-")  # the candidates carry the page's sort only
    extra, outer = _carried({sort: EVENT_SORTS[sort]}, ["e.article_id", "e.idx"], order)
    columns = ["k0_", "k1_", *(part.rsplit(" AS ", 1)[1] for part in extra.split(", ")), "copies_"]
    n = query.page.offset + (query.page.limit or 0)
    keys = "e.article_id AS k0_, e.idx AS k1_"
    signature = _event_signature_sql()
    window = (f"row_number() OVER (PARTITION BY {signature} ORDER BY a.duplicate_of IS NOT NULL, a.id, e.idx) AS nth_, "
              f"count(*) OVER (PARTITION BY {signature}) AS copies_")
    with budget(conn, query):
        if key == "s.article_id" and _walks(conn, query):
            candidates = _walked(conn, query, f"{keys}, {extra}, 1 AS copies_", n)
        else:
            alone_body = _set_alone(body, extra, order)
            candidates = conn.execute(
                f"{head}SELECT {keys}, {extra}, 1 AS copies_ {_and(alone_body, alone(key))}{order} LIMIT ?",
                [*head_params, *params, n]).fetchall()
        clustered_rows = _and(body, clustered(key))
        if key == "s.article_id":  # driven by the actors' set: that of the clustered articles' keys only
            head, head_params, _, _ = query.from_sql(within=_CLUSTERED_KEYS)
            clustered_rows = body
        candidates += conn.execute(
            f"{head}SELECT {', '.join(columns)} FROM (SELECT {keys}, {extra}, {window} "
            f"{clustered_rows}) WHERE nth_ = 1{outer} LIMIT ?", [*head_params, *params, n]).fetchall()
    if not candidates:
        candidates = [(None,) * len(columns)]  # no row joins an event
    values = ", ".join(["(" + ", ".join("?" * len(columns)) + ")"] * len(candidates))
    limit, page = query.page.sql()
    sql = (f"WITH p({', '.join(columns)}) AS (VALUES {values}) SELECT {_EVENT_COLUMNS}, p.copies_ FROM p "
           f"CROSS JOIN events e ON e.article_id = p.k0_ AND e.idx = p.k1_ JOIN articles a ON a.id = e.article_id"
           f"{outer}{limit}")
    return sql, [v for row in candidates for v in row] + page


def events(conn: sqlite3.Connection, query: EventQuery) -> Iterator[EventHit]:
    """The page of matching events (every one with ``page.limit`` None), streamed."""
    in_parts = query.collapse and query.page.limit is not None and \
        query.page.offset + query.page.limit <= _PAGE_IN_PARTS
    sql, params = _event_page_sql(conn, query) if in_parts else _event_sql(query, conn)
    w = _EVENT_WIDTH
    rows = _stream(conn, query, sql, params)
    while chunk := list(islice(rows, 500)):
        ids = list({r[0] for r in chunk})
        lead = dict(conn.execute(f"{_LEAD_END}({', '.join('?' * len(ids))})", ids).fetchall())
        for r in chunk:
            yield EventHit(EventSource(r[0], r[w + 1], r[w + 2], r[w + 3], r[w + 5], r[w + 6], r[w + 7], lead[r[0]]),
                           EVENTS.decode(r[1 : w + 1]), r[-1], index=r[w + 4])


def event_values(conn: sqlite3.Connection, query: EventQuery, columns: str) -> Iterator[tuple]:
    """The ``columns`` (SQL over the events ``e`` and their articles ``a``) of the events ``events`` gives, in
    its order, each row ending with its copies: what a series over them reads, without decoding the events."""
    sql, params = _event_sql(query, conn, columns)
    yield from _stream(conn, query, sql, params)


@_budgeted
def count_events(conn: sqlite3.Connection, query: EventQuery) -> int:
    head, head_params, body, params, key = _event_from(conn, query)
    # the set of keys alone when nothing but the actors is asked (or a shared set, which holds every filter
    # and what the count reads): each key is one event of one article
    if head.startswith(_SHARED_HEAD):
        bare: str | None = "FROM s e WHERE true"
    else:
        bare = "FROM s WHERE true" if key == "s.article_id" and not query.where(actors=False)[0] else None
    if query.collapse and key == "s.article_id":  # driven by the actors' set of keys, not shared
        return _count_set_collapsed(conn, query, head, head_params, body, params, bare is not None)
    if query.collapse:
        return _count_collapsed(conn, body, _event_signature_sql(), params, head, head_params, key, bare)
    return conn.execute(f"{head}SELECT count(*) {bare or body}", [*head_params, *([] if bare else params)]
                        ).fetchone()[0]


def _count_set_collapsed(conn: sqlite3.Connection, query: EventQuery, head: str, head_params: list[Any], body: str,
                         params: list[Any], bare: bool) -> int:
    """count_events of a collapsed list driven by the actors' set of keys (the same count as _count_collapsed):
    the events of the clustered articles grouped by signature, read from the set of their keys alone
    (_CLUSTERED_KEYS); those alone in their cluster, when the actors are the only filter, the number of the
    set's keys less that of the clustered ones, counted in the indexes without reading a row."""
    c_head, c_params, _, _ = query.from_sql(within=_CLUSTERED_KEYS)
    if bare:
        rows, rows_params = query.actor_rows()
        c_rows, c_rows_params = query.actor_rows(_CLUSTERED_KEYS)
        alone_rows = conn.execute(f"SELECT (SELECT count(*) FROM ({rows})) - (SELECT count(*) FROM ({c_rows}))",
                                  [*rows_params, *c_rows_params]).fetchone()[0]
    else:
        alone_rows = conn.execute(f"{head}SELECT count(*) {_and(body, alone('s.article_id'))}",
                                  [*head_params, *params]).fetchone()[0]
    grouped = conn.execute(f"{c_head}SELECT count(*) FROM (SELECT 1 {body} GROUP BY {_event_signature_sql()})",
                           [*c_params, *params]).fetchone()[0]
    return alone_rows + grouped


@_budgeted
def event_facets(conn: sqlite3.Connection, query: EventQuery) -> dict[str, list[list[Any]]]:
    """Matching events (one per cluster unless collapse is off) by PLOVER category and quad class."""
    head, head_params, body, params, _ = _event_from(conn, query)
    counted = f"count(DISTINCT {event_signature_text_sql()})" if query.collapse else "count(*)"
    out: dict[str, Counter[Any]] = {"plover": Counter(), "quad_class": Counter()}
    k = query.articles.sample if query.articles is not None else 1
    for plover, quad, n in conn.execute(
            f"{head}SELECT coalesce(e.plover, '(none)'), coalesce(e.quad_class, 0), {counted} {body} GROUP BY 1, 2",
            [*head_params, *params]):
        out["plover"][plover] += n * k
        out["quad_class"][quad] += n * k
    return {name: [[k, n] for k, n in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))]
            for name, c in out.items()}


@_budgeted
def event_places(conn: sqlite3.Connection, query: EventQuery) -> list[tuple[str | None, str | None, int]]:
    """(location, country of the target else the source, events) of the matching events, for the map."""
    head, head_params, body, params, _ = _event_from(conn, query)
    counted = f"count(DISTINCT {event_signature_text_sql()})" if query.collapse else "count(*)"
    return conn.execute(f"{head}SELECT e.location, coalesce(e.target_country, e.source_country), {counted} {body} "
                        "GROUP BY 1, 2", [*head_params, *params]).fetchall()


# -- quotes ------------------------------------------------------------------------------------------
_QUOTE_COLUMNS = f"q.article_id, {QUOTES.select_sql('q')}, a.title, a.publisher, a.published, q.idx"
_QUOTE_WIDTH = QUOTES.select_width()
_QUOTE_SIGNATURE = f"{CLUSTER}, coalesce(q.speaker_norm, ''), {QUOTES.value_sql('text', 'q')}"


def quotes(conn: sqlite3.Connection, query: QuoteQuery) -> Iterator[QuoteHit]:
    from .query import QUOTE_SORTS

    head, head_params, body, params, key = _quote_from(conn, query)
    order = query.order_by()
    if query.collapse:
        sql = _collapsed(_QUOTE_COLUMNS, body, _QUOTE_SIGNATURE, "a.duplicate_of IS NOT NULL, a.id, q.idx",
                         QUOTE_SORTS, order, ["q.article_id", "q.idx"], alone=alone(key), others=clustered(key))
        params = [*params, *params]
    else:
        sql = f"SELECT {_QUOTE_COLUMNS}, 1 {body}{order}"
    limit, page = query.page.sql()
    w = _QUOTE_WIDTH
    for r in _stream(conn, query, head + sql + limit, [*head_params, *params, *page]):
        yield QuoteHit(ArticleRef(r[0], r[w + 1], r[w + 2], r[w + 3]), QUOTES.decode(r[1 : w + 1]), r[-1],
                       index=r[w + 4])


@_budgeted
def count_quotes(conn: sqlite3.Connection, query: QuoteQuery) -> int:
    head, head_params, body, params, key = _quote_from(conn, query)
    if query.collapse:
        return _count_collapsed(conn, body, _QUOTE_SIGNATURE, params, head, head_params, key)
    return conn.execute(f"{head}SELECT count(*) {body}", [*head_params, *params]).fetchone()[0]


# -- entities ----------------------------------------------------------------------------------------
# An entity list over the whole store reads the summary table the write path keeps (store/summaries.py):
# one row per page with its counts and its settled name, type, code and country. A list of the entities
# named in the articles a search matches groups the entity rows of those articles.
def _entity_sql(query: EntityQuery) -> tuple[str, list[Any]]:
    """One row per entity page: key, articles (clusters unless counted with copies), mentions, code,
    country, name, type (the type None when it is read per row after paging)."""
    if query.articles is None or not query.articles.is_filtered():
        where, params = query.page_where()
        counted = "p.clusters" if query.collapse else "p.articles"
        sql = (f"SELECT p.key AS key, {counted} AS articles, p.mentions AS mentions, p.code, p.country, "
               "p.name AS name, p.type FROM entity_pages p" + (" WHERE " + " AND ".join(where) if where else ""))
        return sql, params
    where, params = query.where()
    counted = "count(DISTINCT coalesce(a.duplicate_of, a.id))" if query.collapse else "count(DISTINCT g.article_id)"
    key = group_key_sql("g")
    sql = (
        f"SELECT {key} AS key, {counted} AS articles, sum(g.mention_count) AS mentions, "
        "max(g.code), max(g.country), min(g.name) AS name, NULL "
        "FROM entities g JOIN articles a ON a.id = g.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" GROUP BY {key}"
    )
    return sql, params


@_budgeted
def entities(conn: sqlite3.Connection, query: EntityQuery) -> list[EntitySummary]:
    """A page of entities across the store, most articles first."""
    sql, params = _entity_sql(query)
    limit, page = query.page.sql()
    rows = conn.execute(sql + query.order_by() + limit, [*params, *page]).fetchall()
    return [_summary(conn, r) for r in rows]


@_budgeted
def count_entities(conn: sqlite3.Connection, query: EntityQuery) -> int:
    sql, params = _entity_sql(query)
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def _summary(conn: sqlite3.Connection, r: tuple) -> EntitySummary:
    """The page's names (most mentioned first), its ten most used descriptors and, when the row has none,
    its type, from the values the write path counts for each page."""
    key, n_articles, mentions, code, country, first_name, type_ = r[:7]
    values: dict[str, list[str]] = {"name": [], "type": [], "descriptor": []}
    for kind, value in conn.execute(
            "SELECT kind, value FROM entity_page_values WHERE key = ? AND kind IN ('name', 'type', 'descriptor') "
            "ORDER BY kind, n DESC, value", (key,)):
        values[kind].append(value)
    ranked = values["name"]
    if type_ is None:
        type_ = "GPE" if key.startswith("country-") else values["type"][0] if values["type"] else "?"
    return EntitySummary(key=key, name=ranked[0] if ranked else first_name, type=type_, code=code, country=country,
                         articles=n_articles, mentions=mentions or 0, names=ranked,
                         descriptors=values["descriptor"][:10])


def resolve_entity_key(conn: sqlite3.Connection, key: str) -> str | None:
    """The page key of an entity given by its page key or by its per-type key (gpe-u-s -> country-usa)."""
    cond, params = group_rows_sql("g", key)
    if conn.execute(f"SELECT 1 FROM entities g WHERE {cond} LIMIT 1", params).fetchone():
        return key
    row = conn.execute(f"SELECT {group_key_sql('g')} FROM entities g WHERE g.entity_key = ? LIMIT 1",
                       (key,)).fetchone()
    return row[0] if row else None


def article_rows(conn: sqlite3.Connection, ids: list[str]) -> dict[str, ArticleRow]:
    """The list rows of these articles (their columns and counts, not their records), by id."""
    if not ids:
        return {}
    rows = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({', '.join('?' * len(ids))})",
                        ids).fetchall()
    return {r[0]: _article_row(r) for r in rows}


def entity_mentions(conn: sqlite3.Connection, key: str, article_id: str) -> tuple[str, list[Span]]:
    """The text of an article and the mentions in it of the entity whose page key is ``key`` (in the
    order of its entities, then of their mentions), read from the rows without decoding the record."""
    cond, params = group_rows_sql("g", key)
    row = conn.execute(f"SELECT {article_text_sql()} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    spans = [Span(*r) for r in conn.execute(
        f"SELECT {MENTIONS.select_sql('m')} FROM entities g JOIN mentions m ON m.article_id = g.article_id "
        f"AND m.entity_idx = g.idx JOIN articles a ON a.id = g.article_id WHERE g.article_id = ? AND {cond} "
        "ORDER BY g.idx, m.idx", (article_id, *params))]
    return (row[0] if row else ""), spans


# An entity named in more than this share of the store's articles lists its articles by walking all of them
# newest first, each tested for the entity, until the page is full; a rarer one reads its rows and sorts them.
_WALK_SHARE = 0.05


def entity_article_ids(conn: sqlite3.Connection, key: str, *, limit: int | None = None,
                       offset: int = 0) -> tuple[list[str], int]:
    """Ids of the articles that name the entity, newest first (a page of them), and how many there are (as
    the page's summary counts them, store/summaries.py: the articles with a row of the entity)."""
    cond, params = group_rows_sql("e", key)
    row = conn.execute("SELECT articles FROM entity_pages WHERE key = ?", (key,)).fetchone()
    total = row[0] if row else 0
    if not total:
        return [], 0
    every = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    page = (-1 if limit is None else limit, offset)
    if limit is not None and total > _WALK_SHARE * every:
        sql = (f"SELECT a.id FROM articles a INDEXED BY articles_published WHERE EXISTS (SELECT 1 FROM entities e "
               f"WHERE e.article_id = a.id AND {cond}) ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
        return [r[0] for r in conn.execute(sql, (*params, *page))], total
    sql = (f"SELECT DISTINCT a.id, a.published_at FROM entities e JOIN articles a ON a.id = e.article_id "
           f"WHERE {cond} ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
    return [r[0] for r in conn.execute(sql, (*params, *page))], total
