"""Summary tables kept by the store's write path: one row per entity page, with its counts.

The entities list and an entity's page used to group every entity row of the store at each view
(two million rows at 100,000 articles). ``entity_pages`` holds, per page key (keys.group_key), how
many articles and near-duplicate clusters name the entity and how often; ``entity_page_values``
counts each name (by mentions), type, code, country and descriptor of its rows, from which the page's
settled name, type, code and country are kept in ``entity_pages``.

Triggers keep both in the transaction of every write that changes what they summarise:
- a row inserted into ``entities`` (write_article writes an article's rows after the article) adds
  its counts; the article counts once per page, and its cluster once if no other article of the
  cluster names the page;
- an article deleted (a re-write deletes it first; ingest removes articles a changed page no longer
  gives) subtracts its rows' counts before the cascade removes them;
- an article moved to another cluster (dedup sets ``duplicate_of``) moves its clusters' counts.

``recount`` computes the same figures from the base tables, for the tests that check the triggers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .keys import group_key_sql

_CLUSTER_OF = "(SELECT coalesce(x.duplicate_of, x.id) FROM articles x WHERE x.id = {article})"


def _others_in_cluster(cluster: str, article: str, key: str) -> str:
    """True when an article of ``cluster`` other than ``article`` has a row whose page key is ``key``."""
    return (f"EXISTS (SELECT 1 FROM articles c JOIN entities o ON o.article_id = c.id "
            f"WHERE coalesce(c.duplicate_of, c.id) = {cluster} AND c.id != {article} "
            f"AND {group_key_sql('o')} = {key})")


def _settle(keys: str) -> str:
    """Set the name, type, code and country of the pages ``keys`` (a subquery) from their values, and
    drop the pages and values no article gives any more."""
    def top(kind: str, order: str) -> str:
        return (f"(SELECT v.value FROM entity_page_values v WHERE v.key = entity_pages.key AND v.kind = '{kind}' "
                f"ORDER BY {order} LIMIT 1)")

    return f"""
        DELETE FROM entity_page_values WHERE n <= 0 AND key IN ({keys});
        DELETE FROM entity_pages WHERE articles <= 0 AND key IN ({keys});
        UPDATE entity_pages SET
            name = {top('name', 'v.n DESC, v.value')},
            type = CASE WHEN key LIKE 'country-%' THEN 'GPE' ELSE {top('type', 'v.n DESC, v.value')} END,
            code = {top('code', 'v.value DESC')},
            country = {top('country', 'v.value DESC')}
        WHERE key IN ({keys});
    """


def _values(rows: str, sign: str) -> str:
    """(key, kind, value, n) of the entity rows ``rows`` (a FROM ... WHERE over alias g), n signed."""
    key = group_key_sql("g")
    return f"""
        SELECT {key} AS key, 'name' AS kind, g.name AS value, {sign}sum(g.mention_count) AS n {rows} GROUP BY 1, 3
        UNION ALL SELECT {key}, 'type', g.type, {sign}count(*) {rows} GROUP BY 1, 3
        UNION ALL SELECT {key}, 'code', g.code, {sign}count(*) {rows} AND g.code IS NOT NULL GROUP BY 1, 3
        UNION ALL SELECT {key}, 'country', g.country, {sign}count(*) {rows} AND g.country IS NOT NULL GROUP BY 1, 3
        UNION ALL SELECT {key}, 'descriptor', d.value, {sign}count(*) {rows.replace('FROM entities g', 'FROM entities g, json_each(g.descriptors) d')} GROUP BY 1, 3
    """


def _triggers() -> str:
    new_key, g_key = group_key_sql("new"), group_key_sql("g")
    first_in_article = (f"NOT EXISTS (SELECT 1 FROM entities s WHERE s.article_id = new.article_id "
                        f"AND s.idx != new.idx AND {group_key_sql('s')} = {new_key})")
    new_cluster = _CLUSTER_OF.format(article="new.article_id")
    old_rows = "FROM entities g WHERE g.article_id = old.id"
    old_keys = f"SELECT DISTINCT {g_key} {old_rows}"
    moved_keys = f"SELECT DISTINCT {g_key} FROM entities g WHERE g.article_id = new.id"
    return f"""
    CREATE TRIGGER entity_pages_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entity_pages(key, articles, clusters, mentions)
        SELECT {new_key}, ({first_in_article}),
               ({first_in_article}) AND NOT {_others_in_cluster(new_cluster, 'new.article_id', new_key)},
               new.mention_count WHERE true
        ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles,
            clusters = clusters + excluded.clusters, mentions = mentions + excluded.mentions;
        INSERT INTO entity_page_values(key, kind, value, n)
        SELECT * FROM ({_values("FROM entities g WHERE g.article_id = new.article_id AND g.idx = new.idx", "")})
        WHERE true
        ON CONFLICT(key, kind, value) DO UPDATE SET n = n + excluded.n;
        {_settle(f"SELECT {new_key}")}
    END;
    CREATE TRIGGER entity_pages_delete BEFORE DELETE ON articles BEGIN
        UPDATE entity_pages SET
            articles = articles - 1,
            mentions = mentions - (SELECT sum(g.mention_count) {old_rows} AND {g_key} = entity_pages.key),
            clusters = clusters - (NOT {_others_in_cluster('coalesce(old.duplicate_of, old.id)', 'old.id',
                                                           'entity_pages.key')})
        WHERE key IN ({old_keys});
        UPDATE entity_page_values SET n = entity_page_values.n + d.n
        FROM ({_values(old_rows, "-")}) AS d
        WHERE entity_page_values.key = d.key AND entity_page_values.kind = d.kind
            AND entity_page_values.value = d.value;
        {_settle(old_keys)}
    END;
    CREATE TRIGGER entity_pages_cluster AFTER UPDATE OF duplicate_of ON articles
    WHEN old.duplicate_of IS NOT new.duplicate_of BEGIN
        UPDATE entity_pages SET clusters = clusters
            - (NOT {_others_in_cluster('coalesce(old.duplicate_of, old.id)', 'new.id', 'entity_pages.key')})
            + (NOT {_others_in_cluster('coalesce(new.duplicate_of, new.id)', 'new.id', 'entity_pages.key')})
        WHERE key IN ({moved_keys});
    END;
    """


def _fill() -> str:
    key = group_key_sql("g")
    every = "FROM entities g WHERE true"
    return f"""
    INSERT INTO entity_pages(key, articles, clusters, mentions)
        SELECT {key}, count(DISTINCT g.article_id), count(DISTINCT coalesce(a.duplicate_of, a.id)),
               sum(g.mention_count)
        FROM entities g JOIN articles a ON a.id = g.article_id GROUP BY 1;
    INSERT INTO entity_page_values(key, kind, value, n) SELECT * FROM ({_values(every, "")}) WHERE true;
    {_settle("SELECT key FROM entity_pages")}
    """


# Schema version 8 (schema.py): the tables, their indexes (the list's sorts and filters), the triggers,
# and the summaries of what an existing store holds.
ENTITY_PAGES = f"""
    CREATE TABLE entity_pages (
        key TEXT PRIMARY KEY,
        articles INTEGER NOT NULL,  -- articles naming it
        clusters INTEGER NOT NULL,  -- near-duplicate clusters naming it (the articles, copies counted once)
        mentions INTEGER NOT NULL,
        name TEXT, type TEXT, code TEXT, country TEXT  -- settled from entity_page_values
    ) WITHOUT ROWID;
    CREATE INDEX entity_pages_clusters ON entity_pages(clusters);
    CREATE INDEX entity_pages_articles ON entity_pages(articles);
    CREATE INDEX entity_pages_type ON entity_pages(type, clusters);
    CREATE INDEX entity_pages_country ON entity_pages(country, clusters);
    CREATE INDEX entity_pages_code ON entity_pages(code);
    CREATE TABLE entity_page_values (
        key TEXT NOT NULL,
        kind TEXT NOT NULL,         -- name (n: mentions), type, code, country (n: rows), descriptor (n: uses)
        value TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (key, kind, value)
    ) WITHOUT ROWID;
    {_triggers()}
    {_fill()}
"""


# -- the quotes of each page's speakers ---------------------------------------------------------------------
# ``entity_pages.quotes`` (schema 16): how many quotes have a speaker entity of the page (a quote counts once for
# each page among those of the rows of its article whose entity id is its speaker's). A page whose speakers
# have no quote (a country's, most often) lists its quotes without reading its thousands of entity rows.
def _speaker_quotes(rows: str) -> str:
    """(page key, quote's article, quote's index) of the quotes of the articles ``rows`` (a WHERE over the
    quotes ``q``) whose speaker is an entity of the page, each once per page."""
    return (f"SELECT DISTINCT {group_key_sql('n')} AS key, q.article_id, q.idx FROM quotes q JOIN entities n "
            f"ON n.article_id = q.article_id AND n.entity_id = q.speaker_entity WHERE {rows}")


SPEAKER_QUOTES = f"""
    ALTER TABLE entity_pages ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
    UPDATE entity_pages SET quotes = c.n
        FROM (SELECT key, count(*) AS n FROM ({_speaker_quotes("true")}) GROUP BY key) AS c
        WHERE c.key = entity_pages.key;
    CREATE TRIGGER entity_pages_quote_insert AFTER INSERT ON quotes WHEN new.speaker_entity IS NOT NULL BEGIN
        UPDATE entity_pages SET quotes = quotes + 1 WHERE key IN (SELECT {group_key_sql('n')} FROM entities n
            WHERE n.article_id = new.article_id AND n.entity_id = new.speaker_entity);
    END;
    CREATE TRIGGER entity_pages_quote_delete BEFORE DELETE ON articles BEGIN
        UPDATE entity_pages SET quotes = quotes - (SELECT count(*) FROM quotes q WHERE q.article_id = old.id
            AND q.speaker_entity IN (SELECT n.entity_id FROM entities n WHERE n.article_id = old.id
                AND {group_key_sql('n')} = entity_pages.key))
        WHERE key IN (SELECT {group_key_sql('g')} FROM entities g WHERE g.article_id = old.id);
    END;
"""


def recount(conn: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """{page key: (articles, clusters, mentions, name, type, code, country, {(kind, value): n}, quotes)} from
    the base tables, as the triggers should have kept them (for tests and for checking a store)."""
    key = group_key_sql("g")
    quotes = dict(conn.execute(f"SELECT key, count(*) FROM ({_speaker_quotes('true')}) GROUP BY key").fetchall())
    out: dict[str, tuple[Any, ...]] = {}
    values: dict[str, dict[tuple[str, str], int]] = {}
    for k, kind, value, n in conn.execute(f"SELECT * FROM ({_values('FROM entities g WHERE true', '')})"):
        values.setdefault(k, {})[(kind, value)] = n
    for k, articles, clusters, mentions in conn.execute(
            f"SELECT {key}, count(DISTINCT g.article_id), count(DISTINCT coalesce(a.duplicate_of, a.id)), "
            "sum(g.mention_count) FROM entities g JOIN articles a ON a.id = g.article_id GROUP BY 1"):
        mine = values.get(k, {})
        type_ = "GPE" if k.startswith("country-") else _top(mine, "type")
        out[k] = (articles, clusters, mentions, _top(mine, "name"), type_, _top(mine, "code", by_count=False),
                  _top(mine, "country", by_count=False), mine, quotes.get(k, 0))
    return out


def _top(values: dict[tuple[str, str], int], kind: str, *, by_count: bool = True) -> str | None:
    """The most counted value of ``kind`` (ties: the first in order), or the greatest one."""
    found = [(n, v) for (kd, v), n in values.items() if kd == kind]
    if not found:
        return None
    return min(found, key=lambda nv: (-nv[0], nv[1]))[1] if by_count else max(v for _, v in found)


def stored(conn: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """The same figures as the summary tables hold them."""
    values: dict[str, dict[tuple[str, str], int]] = {}
    for k, kind, value, n in conn.execute("SELECT key, kind, value, n FROM entity_page_values"):
        values.setdefault(k, {})[(kind, value)] = n
    return {k: (*rest, values.get(k, {}), quotes) for k, *rest, quotes in conn.execute(
        "SELECT key, articles, clusters, mentions, name, type, code, country, quotes FROM entity_pages")}


# -- articles per day ------------------------------------------------------------------------------------
# The volume chart of a search shares each period's matches out of all the store's articles of that period;
# ``article_days`` keeps those totals per day of publication (articles, and near-duplicate clusters with an
# article that day), so that a chart does not count every article of the store at each view.
_DAY = "substr({a}.published_at, 1, 10)"


def _others_that_day(a: str, cluster: str) -> str:
    """True when an article of ``cluster`` other than ``a`` was published on ``a``'s day."""
    day = _DAY.format(a=a)
    return (f"EXISTS (SELECT 1 FROM articles c WHERE coalesce(c.duplicate_of, c.id) = {cluster} "
            f"AND c.id != {a}.id AND substr(c.published_at, 1, 10) = {day})")


def _day_change(a: str, sign: str) -> str:
    """Count the article ``a`` (new or old) in, or out of, its day."""
    day = _DAY.format(a=a)
    cluster = f"coalesce({a}.duplicate_of, {a}.id)"
    return f"""
        INSERT INTO article_days(day, articles, clusters)
        SELECT {day}, {sign}1, {sign}(NOT {_others_that_day(a, cluster)}) WHERE {a}.published_at IS NOT NULL
        ON CONFLICT(day) DO UPDATE SET articles = articles + excluded.articles,
            clusters = clusters + excluded.clusters;
        DELETE FROM article_days WHERE day = {day} AND articles <= 0;
    """


ARTICLE_DAYS = f"""
    CREATE TABLE article_days (
        day TEXT PRIMARY KEY,       -- YYYY-MM-DD of published_at
        articles INTEGER NOT NULL,
        clusters INTEGER NOT NULL   -- near-duplicate clusters with an article published that day
    ) WITHOUT ROWID;
    CREATE TRIGGER article_days_insert AFTER INSERT ON articles BEGIN
        {_day_change("new", "+")}
    END;
    CREATE TRIGGER article_days_delete AFTER DELETE ON articles BEGIN
        {_day_change("old", "-")}
    END;
    CREATE TRIGGER article_days_update AFTER UPDATE OF duplicate_of, published_at ON articles
    WHEN old.duplicate_of IS NOT new.duplicate_of OR old.published_at IS NOT new.published_at BEGIN
        {_day_change("old", "-").replace("c.id != old.id", "c.id != new.id")}
        {_day_change("new", "+")}
    END;
    INSERT INTO article_days(day, articles, clusters)
        SELECT substr(published_at, 1, 10), count(*), count(DISTINCT coalesce(duplicate_of, id))
        FROM articles WHERE published_at IS NOT NULL GROUP BY 1;
"""


def recount_days(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """{day: (articles, clusters)} from the articles, as article_days should hold them."""
    return {d: (n, c) for d, n, c in conn.execute(
        "SELECT substr(published_at, 1, 10), count(*), count(DISTINCT coalesce(duplicate_of, id)) FROM articles "
        "WHERE published_at IS NOT NULL GROUP BY 1")}


def stored_days(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    return {d: (n, c) for d, n, c in conn.execute("SELECT day, articles, clusters FROM article_days")}
