"""The embedded store: one SQLite file holding every record, its normalised parts and a full-text index.

Each article is written in one transaction, so a crash never leaves half of one.
The full record is kept (``get`` returns exactly what was stored) next to tables
that make it queryable: paragraphs, sections, media, entities and their mentions,
quotes and events.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..config import settings
from ..model import Article, Event, Failure, Quote, Span
from . import browse, queries, results, search
from .errors import StoreError
from .keys import normalise_name, search_form
from .query import ArticleQuery, EntityQuery, EventQuery, Page, QuoteQuery
from .schema import migrate
from .tables import (
    ENTITIES,
    EVENTS,
    MEDIA,
    MENTIONS,
    PARAGRAPHS,
    QUOTES,
    SECTIONS,
    SQL_TABLES,
    TABLE_FIELDS,
    TextReader,
    article_text_sql,
    pack_json,
    pack_text,
    slim_packed,
    unpack_record,
)

DateLike = str | date | datetime | None


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open (and create or upgrade) the store at ``path``: default $DATELINE_DB, else ./dateline.db."""
    return Store(path, readonly=readonly)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Articles and their facts in one SQLite file (WAL mode, foreign keys on).

    >>> store = open_store("news.db")  # doctest: +SKIP
    >>> store.search('"peace talks"', language="en").hits  # doctest: +SKIP
    """

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path or os.environ.get("DATELINE_DB") or settings.db_path)
        self.readonly = readonly
        self.conn = _connect(self.path, readonly)
        if readonly:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                raise StoreError(f"{self.path}: not a dateline store yet; run `dateline ingest` first")
            results.keep_days(self.conn, True)  # nothing writes through it: it may keep what it read once
        else:
            migrate(self.conn)

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        results.keep_days(self.conn, False)
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """One write transaction: everything inside lands together or not at all."""
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back itself (a full disk)
                    cur.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from None

    # -- articles ----------------------------------------------------------------------------------
    def upsert(self, article: Article) -> str:
        """Store (or replace) one article and its facts, in one transaction. Returns its id."""
        with self.transaction() as cur:
            write_article(cur, article)
        return article.id

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            "SELECT dateline_unzip(text_zlib), record_zlib, duplicate_of, id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _articles(self.conn, [row])[0] if row else None

    def iter_articles(
        self,
        *,
        publisher: str | None = None,
        language: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        entity: str | None = None,
        country: str | None = None,
        after: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Article]:
        """Every matching article, ordered by id; ``after`` is a cursor (the last id seen). Streams in pages."""
        where, params = queries.article_filters(publisher, language, since, until, entity, country)
        remaining = limit
        cursor = after
        while remaining is None or remaining > 0:
            page = 500 if remaining is None else min(500, remaining)
            clauses = [*where, "a.id > ?"] if cursor is not None else where
            args = [*params, cursor] if cursor is not None else params
            sql = f"SELECT {article_text_sql()}, a.record_zlib, a.duplicate_of, a.id FROM articles a"
            sql += (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY a.id LIMIT ?"
            rows = self.conn.execute(sql, [*args, page]).fetchall()
            yield from _articles(self.conn, rows)
            if len(rows) < page:
                return
            cursor = rows[-1][3]
            if remaining is not None:
                remaining -= len(rows)

    def has_url(self, url: str) -> bool:
        """True when an article with this URL is stored (feeds skip items already ingested)."""
        return self.conn.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone() is not None

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str | ArticleQuery, **filters: Any) -> search.SearchResult:
        """Ranked full-text search (bm25, title weighted) with highlighted snippets. See store.search.

        ``query`` is an ArticleQuery, or the query text with its filters as keywords
        (publisher, language, since, until, entity, country, collapse, sort, limit, offset)."""
        if isinstance(query, str):
            limit, offset = filters.pop("limit", 20), filters.pop("offset", 0)
            query = ArticleQuery(q=query, page=Page(limit, offset), **filters)
        return search.search(self.conn, query)

    # -- query objects (store/query.py): one SELECT and one COUNT each, paged in SQL --------------------
    def articles(self, query: ArticleQuery) -> list[results.ArticleRow]:
        return results.articles(self.conn, query)

    def count_articles(self, query: ArticleQuery) -> int:
        return results.count_articles(self.conn, query)

    def article_facets(self, query: ArticleQuery) -> dict[str, list[list[Any]]]:
        return results.article_facets(self.conn, query)

    def facet_sample(self, query: ArticleQuery, matches: int | None = None) -> tuple[ArticleQuery, results.FacetSample]:
        """The query to count the facets of ``query`` over: itself, or a sample of its matches when they are
        more than results.FACET_SAMPLE (the facet functions scale the counts of a sample up). ``matches``: how
        many articles it matches, when the caller has counted them (a search's total, without collapse)."""
        return results.facet_sample(self.conn, query, matches)

    def volume(self, query: ArticleQuery, freq: str = "week") -> list[dict[str, Any]]:
        return results.volume(self.conn, query, freq)

    def volume_auto(self, query: ArticleQuery) -> tuple[str, list[dict[str, Any]]]:
        """The volume in the period that suits the span of the matches' days (day, week or month), and it."""
        return results.volume_auto(self.conn, query)

    def published_range(self, query: ArticleQuery) -> tuple[str | None, str | None]:
        """The first and last publication time of the matching articles."""
        head, body, params = query.from_sql()
        with results.budget(self.conn, query):
            return self.conn.execute(f"{head} SELECT min(a.published_at), max(a.published_at) {body}",
                                     params).fetchone()

    def entity_facets(self, query: ArticleQuery, top: int = 10) -> dict[str, list[list[Any]]]:
        return results.entity_facets(self.conn, query, top)

    def events(self, query: EventQuery) -> Iterator[results.EventHit]:
        return results.events(self.conn, query)

    def count_events(self, query: EventQuery) -> int:
        return results.count_events(self.conn, query)

    def event_places(self, query: EventQuery) -> list[tuple[str | None, str | None, int]]:
        return results.event_places(self.conn, query)

    def event_facets(self, query: EventQuery) -> dict[str, list[list[Any]]]:
        return results.event_facets(self.conn, query)

    def quotes(self, query: QuoteQuery) -> Iterator[results.QuoteHit]:
        return results.quotes(self.conn, query)

    def count_quotes(self, query: QuoteQuery) -> int:
        return results.count_quotes(self.conn, query)

    def entities(self, query: EntityQuery) -> list[results.EntitySummary]:
        return results.entities(self.conn, query)

    def count_entities(self, query: EntityQuery) -> int:
        return results.count_entities(self.conn, query)

    def duplicates(self, article_id: str) -> list[str]:
        """The other articles in this article's near-duplicate cluster (representative first)."""
        row = self.conn.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return []
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE coalesce(duplicate_of, id) = ? AND id != ? "
            "ORDER BY duplicate_of IS NOT NULL, id",
            (row[0], article_id),
        ).fetchall()
        return [r[0] for r in rows]

    # -- browsing ----------------------------------------------------------------------------------
    def search_facets(self, query: str, *, collapse: bool = False, **filters: Any) -> dict[str, list[list[Any]]]:
        """Counts of the articles matching a search, by publisher, language and year."""
        return results.article_facets(self.conn, ArticleQuery(q=query, collapse=collapse, **filters))

    def neighbours(self, article_id: str) -> tuple[str | None, str | None]:
        """The ids just before and after ``article_id`` in id order (the order of iter_articles)."""
        return browse.previous_id(self.conn, article_id), browse.next_id(self.conn, article_id)

    # -- facts across articles (every match, in the query objects' default order) ----------------------
    def iter_events(self, *, collapse: bool = False, **filters: Any) -> Iterator[tuple[str, Event]]:
        """(article id, event) for every event an EventQuery with these filters matches."""
        for hit in results.events(self.conn, EventQuery(collapse=collapse, page=Page(None), **filters)):
            yield hit.article.id, hit.event

    def entity(self, key: str) -> results.EntitySummary | None:
        """The entity whose page key (or per-type key: gpe-u-s) is ``key``."""
        resolved = results.resolve_entity_key(self.conn, key)
        if resolved is None:
            return None
        found = results.entities(self.conn, EntityQuery(key=resolved, page=Page(1)))
        return found[0] if found else None

    def iter_entities(self, **filters: Any) -> Iterator[results.EntitySummary]:
        """Entities across the store (one per page key), most articles first."""
        limit = filters.pop("limit", None)
        yield from results.entities(self.conn, EntityQuery(page=Page(limit), **filters))

    def entity_articles(self, key: str, *, limit: int | None = None, offset: int = 0) -> list[str]:
        """Ids of the articles that name the entity (its page key), newest first."""
        return self.entity_article_page(key, limit=limit, offset=offset)[0]

    def entity_article_page(self, key: str, *, limit: int | None = None, offset: int = 0) -> tuple[list[str], int]:
        """A page of those ids, and how many there are in all."""
        return results.entity_article_ids(self.conn, key, limit=limit, offset=offset)

    def article_rows(self, ids: list[str]) -> dict[str, results.ArticleRow]:
        """The list rows (columns and counts, not the records) of these articles, by id."""
        return results.article_rows(self.conn, ids)

    def entity_mentions(self, key: str, article_id: str) -> tuple[str, list[Span]]:
        """An article's text and its mentions of the entity with page key ``key``."""
        return results.entity_mentions(self.conn, key, article_id)

    def iter_quotes(self, *, collapse: bool = False, **filters: Any) -> Iterator[tuple[str, Quote]]:
        """(article id, quote); ``speaker`` matches the speaker's name or entity key."""
        for hit in results.quotes(self.conn, QuoteQuery(collapse=collapse, page=Page(None), **filters)):
            yield hit.article.id, hit.quote

    def stats(self, *, brief: bool = False) -> dict[str, Any]:
        """What the store holds (``brief``: queries.BRIEF, what the web front page shows); computed once per change
        of the store (PRAGMA data_version), not per view."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes, brief)
        cached = getattr(self, "_stats", {}).get(brief)
        if cached is None or cached[0] != version:
            cached = (version, queries.stats(self.conn, self.path, brief=brief))
            self._stats = {**getattr(self, "_stats", {}), brief: cached}
        return dict(cached[1])

    # -- failures and ingest bookkeeping -----------------------------------------------------------
    def record_failure(self, source: str, error: str, kind: str = "error", *, run_id: int | None = None) -> None:
        with self.transaction() as cur:
            _write_failure(cur, Failure(source, error, kind), run_id)

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT source, error, kind FROM failures ORDER BY source").fetchall()
        return [Failure(*row) for row in rows]

    def begin_run(self, inputs: list[str], options: dict[str, Any]) -> int:
        with self.transaction() as cur:
            cur.execute(
                "INSERT INTO ingest_runs(started, status, inputs, options) VALUES (?, 'running', ?, ?)",
                (now_iso(), json.dumps(inputs), json.dumps(options)),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, *, stored: int, skipped: int, failed: int) -> None:
        with self.transaction() as cur:
            cur.execute(
                "UPDATE ingest_runs SET finished = ?, status = ?, stored = ?, skipped = ?, failed = ? WHERE id = ?",
                (now_iso(), status, stored, skipped, failed, run_id),
            )

    def input_done(self, key: str, content_hash: str) -> bool:
        """True when this input, with this content, is already stored (a rerun skips it)."""
        row = self.conn.execute(
            "SELECT 1 FROM inputs WHERE key = ? AND content_hash = ? AND status = 'ok'", (key, content_hash)
        ).fetchone()
        return row is not None

    def save_result(self, key: str, content_hash: str | None, result: Article | Failure, run_id: int | None) -> None:
        """Store one input's outcome and mark the input done, in one transaction.

        When a changed page gets a new article id, the article it used to give is removed
        (unless another input still gives it).
        """
        with self.transaction() as cur:
            old = cur.execute("SELECT article_id FROM inputs WHERE key = ?", (key,)).fetchone()
            if isinstance(result, Failure):
                _write_failure(cur, result, run_id)
                status, article_id = "failed", None
            else:
                write_article(cur, result)
                cur.execute("DELETE FROM failures WHERE source = ?", (result.source,))
                status, article_id = "ok", result.id
            cur.execute(
                "INSERT OR REPLACE INTO inputs(key, content_hash, article_id, status, run_id, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, content_hash, article_id, status, run_id, now_iso()),
            )
            if old and old[0] and old[0] != article_id:
                still_used = cur.execute("SELECT 1 FROM inputs WHERE article_id = ? LIMIT 1", (old[0],)).fetchone()
                if not still_used:
                    cur.execute("DELETE FROM articles WHERE id = ?", (old[0],))

    def set_duplicates(self, duplicate_of: dict[str, str | None]) -> None:
        """Set (or clear, with None) ``duplicate_of`` for many articles in one transaction."""
        with self.transaction() as cur:
            cur.executemany(
                "UPDATE articles SET duplicate_of = ? WHERE id = ? AND duplicate_of IS NOT ?",
                [(rep, aid, rep) for aid, rep in duplicate_of.items()],
            )

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


READ_MMAP_BYTES = 2**31


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    try:
        if readonly:
            if not path.exists():
                raise StoreError(f"{path}: no such database; run `dateline ingest` first or pass --db")
            conn = _open_readonly(path)
            # a reader maps the file (up to SQLite's cap, 2 GiB): a list that reads thousands of rows of a
            # large store copies no page into a cache of its own; nothing writes through this connection
            conn.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.create_function("dateline_segment", 1, search_form, deterministic=True)
        conn.create_function("dateline_norm", 1, lambda t: normalise_name(t) if t else "", deterministic=True)
        conn.create_function("dateline_pack", 1, pack_json, deterministic=True)
        conn.create_function("dateline_slim", 8, slim_packed, deterministic=True)
        conn.create_function("dateline_zip", 1, pack_text, deterministic=True)
        conn.create_function("dateline_unzip", 1, TextReader(), deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as a dateline store ({exc}); check the path and permissions") from None
    return conn


_WRITE_ERRORS = (
    ("full", "the disk (or the store's size limit) is full: free some space, then rerun the same command; "
             "what was stored is kept and the run resumes where it stopped"),
    ("readonly", "the store cannot be written (a read-only file or filesystem): ingest into a store on a "
                 "writable disk, or copy this one there"),
    ("disk i/o", "the disk reported an error while writing: check the disk, then rerun the same command"),
)


def write_error(path: Path, exc: sqlite3.OperationalError) -> StoreError:
    """A write that SQLite refused, as an error that says what to do."""
    message = str(exc).lower()
    for key, advice in _WRITE_ERRORS:
        if key in message:
            return StoreError(f"{path}: {advice} (SQLite: {exc})")
    return StoreError(f"{path}: cannot write ({exc})")


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL store needs its -shm file, which SQLite cannot create on a
    read-only filesystem (a mounted snapshot, a CD, a read-only volume): there the file is opened
    immutable, which is right because nothing can write to it either."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        if not os.statvfs(path).f_flag & os.ST_RDONLY:
            raise
        conn.close()
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _articles(conn: sqlite3.Connection, rows: list[tuple]) -> list[Article]:
    """The Articles of rows (text, record_zlib, duplicate_of, id): each packed record with its lists read
    from their tables, one query per table for all the rows."""
    ids = [row[3] for row in rows]
    parts: dict[str, dict[str, list[Any]]] = {aid: {name: [] for name in TABLE_FIELDS} for aid in ids}
    marks = ", ".join("?" * len(ids))
    for table in (PARAGRAPHS, SECTIONS, MEDIA, ENTITIES, QUOTES, EVENTS):
        sql = (f"SELECT t.article_id, {table.select_sql('t')} FROM {table.sql_table} t "
               f"JOIN articles a ON a.id = t.article_id WHERE t.article_id IN ({marks}) ORDER BY t.article_id, t.idx")
        for row in conn.execute(sql, ids):
            parts[row[0]][table.name].append(table.decode(row[1:]))
    mentions = (f"SELECT m.article_id, m.entity_idx, {MENTIONS.select_sql('m')} FROM mentions m "
                f"JOIN articles a ON a.id = m.article_id WHERE m.article_id IN ({marks}) "
                "ORDER BY m.article_id, m.entity_idx, m.idx")
    for article_id, entity_idx, start, end, text in conn.execute(mentions, ids):
        parts[article_id]["entities"][entity_idx].mentions.append(Span(start, end, text))
    return [unpack_record(row[1], row[0], row[2], parts[row[3]]) for row in rows]


def _write_failure(cur: sqlite3.Cursor, failure: Failure, run_id: int | None) -> None:
    cur.execute(
        "INSERT OR REPLACE INTO failures(source, error, kind, run_id, recorded_at) VALUES (?, ?, ?, ?, ?)",
        (failure.source, failure.error, failure.kind, run_id, now_iso()),
    )


def write_article(cur: sqlite3.Cursor, a: Article) -> None:
    """Replace the article ``a.id`` and all its parts (call inside a transaction); the rows come from
    the table map (store/tables.py)."""
    cur.execute("DELETE FROM articles WHERE id = ?", (a.id,))
    for table in SQL_TABLES:
        rows = table.sql_rows(a)
        if rows:
            cur.executemany(table.insert_sql(), rows)
