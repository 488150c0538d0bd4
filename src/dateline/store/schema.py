"""The store's schema, as numbered migrations (PRAGMA user_version counts the ones applied)."""

from __future__ import annotations

import sqlite3

from .errors import StoreError
from .summaries import ARTICLE_DAYS, ENTITY_PAGES, SPEAKER_QUOTES


def _search_index(prefix: str | None = None) -> str:
    """(Re)create the full-text index over the search form of title and text, its triggers, and fill it."""
    options = f", prefix='{prefix}'" if prefix else ""
    return f"""
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles_search', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'{options}
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.rowid, dateline_segment(new.title), dateline_segment(new.text));
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, dateline_segment(old.title), dateline_segment(old.text));
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, dateline_segment(old.title), dateline_segment(old.text));
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.rowid, dateline_segment(new.title), dateline_segment(new.text));
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """


def _elided(alias: str, prefix: str) -> str:
    """A span's text column as schema version 9 stores it: NULL when it is its article's text (``a``)
    between the span's start and end (tables._span_text decides the same on write)."""
    text, start, end = (f'{alias}."{prefix}{n}"' for n in ("text", "start", "end"))
    return (f"CASE WHEN {start} >= 0 AND {end} >= {start} AND {end} <= length(a.text) "
            f"AND instr(a.text, char(0)) = 0 AND {text} = substr(a.text, {start} + 1, {end} - {start}) "
            f"THEN NULL ELSE {text} END")


# Each entry moves the schema from version i to i + 1. Never edit an applied entry: append a new one.
MIGRATIONS: list[str] = [
    # 1: the record, its normalised parts, full-text search, ingest bookkeeping
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        publisher TEXT,
        published TEXT,
        published_at TEXT,          -- published, as UTC 'YYYY-MM-DDTHH:MM:SS', for filters and sorting
        fetched TEXT,
        language TEXT,
        text TEXT NOT NULL,
        record TEXT NOT NULL,       -- the rest of the record as JSON (all but text and duplicate_of)
        duplicate_of TEXT,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX articles_publisher ON articles(publisher COLLATE NOCASE);
    CREATE INDEX articles_language ON articles(language);
    CREATE INDEX articles_published ON articles(published_at);
    CREATE INDEX articles_cluster ON articles(coalesce(duplicate_of, id));

    CREATE TABLE paragraphs (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL, section INTEGER,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE sections (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        heading TEXT, byline TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE media (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL, caption TEXT, credit TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        entity_key TEXT NOT NULL,   -- groups an entity across articles: type + normalised name
        name TEXT NOT NULL,
        name_norm TEXT NOT NULL,
        type TEXT NOT NULL,
        code TEXT,
        country TEXT,
        descriptors TEXT NOT NULL,  -- JSON list
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX entities_key ON entities(entity_key);
    CREATE INDEX entities_name ON entities(name_norm);
    CREATE INDEX entities_country ON entities(country);
    CREATE INDEX entities_code ON entities(code);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_idx INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_idx, idx)
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
        speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
        speaker_entity TEXT, speaker_name TEXT, speaker_norm TEXT,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes(speaker_norm);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        source_text TEXT, source_start INTEGER, source_end INTEGER,
        source_entity TEXT, source_code TEXT, source_country TEXT,
        target_text TEXT, target_start INTEGER, target_end INTEGER,
        target_entity TEXT, target_code TEXT, target_country TEXT,
        cameo TEXT, plover TEXT, quad_class INTEGER, goldstein REAL,
        date TEXT, day TEXT,        -- day: the event's date, else the article's publication date
        location TEXT, negated INTEGER NOT NULL, quote INTEGER,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX events_day ON events(day);
    CREATE INDEX events_cameo ON events(cameo);
    CREATE INDEX events_source ON events(source_code);
    CREATE INDEX events_target ON events(target_code);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;

    CREATE TABLE minhashes (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        status TEXT NOT NULL,       -- running, done, interrupted (a crash leaves 'running')
        inputs TEXT NOT NULL,       -- JSON list of what the caller gave
        options TEXT NOT NULL,      -- JSON
        stored INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
    );
    -- one row per input document: reruns skip those already stored with the same content
    CREATE TABLE inputs (
        key TEXT PRIMARY KEY,
        content_hash TEXT,
        article_id TEXT,
        status TEXT NOT NULL,       -- ok or failed
        run_id INTEGER,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX inputs_article ON inputs(article_id);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY,
        error TEXT NOT NULL,
        kind TEXT NOT NULL,
        run_id INTEGER,
        recorded_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 2: look articles up by URL (feeds skip items already stored)
    """
    CREATE INDEX articles_url ON articles(url);
    """,
    # 3: index the search form of title and text (Chinese and Japanese searchable by character);
    #    dateline_segment is registered on every connection by the store
    """
    CREATE VIEW articles_search AS
        SELECT rowid, dateline_segment(title) AS title, dateline_segment(text) AS text FROM articles;
    """ + _search_index(),
    # 4: prefix indexes, so that a short prefix (neg*) does not merge thousands of words at query time
    _search_index(prefix="2 3 4"),
    # 5: how sure each event and quote is (filters keep the confident ones), and a stable event id
    """
    ALTER TABLE events ADD COLUMN confidence REAL;
    ALTER TABLE events ADD COLUMN event_id TEXT;
    ALTER TABLE quotes ADD COLUMN confidence REAL;
    CREATE INDEX events_event_id ON events(event_id);
    """,
    # 6: the record packed (zlib-compressed JSON, a fifth of its size; dateline_pack is registered on
    #    every connection), and the lists of words as columns (a list shows the authors without the record)
    """
    ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE articles ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE articles ADD COLUMN record_zlib BLOB NOT NULL DEFAULT x'';
    UPDATE articles SET authors = coalesce(json_extract(record, '$.authors'), '[]'),
        tags = coalesce(json_extract(record, '$.tags'), '[]'),
        warnings = coalesce(json_extract(record, '$.warnings'), '[]'),
        record_zlib = dateline_pack(record);
    ALTER TABLE articles DROP COLUMN record;
    """,
    # 7: indexes for what the query objects filter on and had to scan for: an actor by country (the
    #    ActorRef's "code prefix OR country" takes both sides of the OR through an index), and the few
    #    articles that are copies (every collapsed list asks which articles are alone in their cluster)
    """
    CREATE INDEX events_source_country ON events(source_country);
    CREATE INDEX events_target_country ON events(target_country);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
    """,
    # 8: one row per entity page with its counts, kept by triggers on every write, re-write, delete and
    #    clustering (store/summaries.py), and filled from what the store already holds: the entities list
    #    and an entity's page read it instead of grouping every entity row at each view
    ENTITY_PAGES,
    # 9: nothing stored twice. The packed record no longer holds the lists its tables hold (paragraphs,
    #    sections, media, entities, quotes, events: the store rebuilds them from their rows), and the text
    #    of a quote, its speaker and cue, and a mention is NULL when it is the article's text between its
    #    start and end (tables.Table.select_sql reads it from there); the two tables whose text was NOT NULL
    #    are rebuilt for that, their rows copied with the texts elided
    f"""
    UPDATE articles SET record_zlib = dateline_slim(record_zlib, {", ".join(
        f"(SELECT count(*) FROM {t} x WHERE x.article_id = articles.id)"
        for t in ("paragraphs", "sections", "media", "entities", "quotes", "events", "mentions"))});

    CREATE TABLE quotes_9 (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT, kind TEXT NOT NULL,
        speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
        speaker_entity TEXT, speaker_name TEXT, speaker_norm TEXT,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        confidence REAL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    INSERT INTO quotes_9 SELECT q.article_id, q.idx, q.start, q."end", {_elided("q", "")}, q.kind,
        q.speaker_start, q.speaker_end, {_elided("q", "speaker_")}, q.speaker_entity, q.speaker_name,
        q.speaker_norm, q.cue_start, q.cue_end, {_elided("q", "cue_")}, q.confidence
        FROM quotes q JOIN articles a ON a.id = q.article_id;
    DROP TABLE quotes;
    ALTER TABLE quotes_9 RENAME TO quotes;
    CREATE INDEX quotes_speaker ON quotes(speaker_norm);

    CREATE TABLE mentions_9 (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_idx INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
        PRIMARY KEY (article_id, entity_idx, idx)
    ) WITHOUT ROWID;
    INSERT INTO mentions_9 SELECT m.article_id, m.entity_idx, m.idx, m.start, m."end", {_elided("m", "")}
        FROM mentions m JOIN articles a ON a.id = m.article_id;
    DROP TABLE mentions;
    ALTER TABLE mentions_9 RENAME TO mentions;
    """,
    # 10: the article's text compressed (zlib: a third of its size) in text_zlib, read with
    #     dateline_unzip (registered on every connection, like the functions of the search index;
    #     tables.article_text_sql); the search view and its triggers are made anew over it, the index as it was
    """
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP VIEW articles_search;
    ALTER TABLE articles ADD COLUMN text_zlib BLOB NOT NULL DEFAULT x'';
    UPDATE articles SET text_zlib = dateline_zip(text);
    ALTER TABLE articles DROP COLUMN text;
    CREATE VIEW articles_search AS
        SELECT rowid, dateline_segment(title) AS title, dateline_segment(dateline_unzip(text_zlib)) AS text
        FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.rowid, dateline_segment(new.title), dateline_segment(dateline_unzip(new.text_zlib)));
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, dateline_segment(old.title), dateline_segment(dateline_unzip(old.text_zlib)));
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text_zlib ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, dateline_segment(old.title), dateline_segment(dateline_unzip(old.text_zlib)));
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.rowid, dateline_segment(new.title), dateline_segment(dateline_unzip(new.text_zlib)));
    END;
    """,
    # 11: the store's articles per day of publication (and clusters), kept by triggers like the entity
    #     pages (store/summaries.py): a search's volume chart divides by them
    ARTICLE_DAYS,
    # 12: indexes that answer lists from their entries, not from the rows (at 100,000 articles an article's
    #     row spans a page or two, and lists read thousands of them): the articles' list columns by rowid
    #     (the matches of a search, their facets and volume) and by id (the article of each fact: its
    #     cluster and date), and the copies with their ids; a side's code with its country (an actor by
    #     country is read from the indexes alone, store/query.py ActorRef.rows_sql). The index of entity
    #     names goes: no query reads it (an entity filter reads an article's rows by its key)
    """
    CREATE INDEX articles_list ON articles(rowid, published_at, duplicate_of, id, publisher, language);
    CREATE INDEX articles_ids ON articles(id, duplicate_of, published_at);
    CREATE INDEX articles_copies ON articles(duplicate_of, id) WHERE duplicate_of IS NOT NULL;
    DROP INDEX events_source;
    DROP INDEX events_target;
    CREATE INDEX events_source ON events(source_code, source_country);
    CREATE INDEX events_target ON events(target_code, target_country);
    DROP INDEX entities_name;
    """,
    # 13: each article's quotes by their speaker's entity: the quotes of an entity are found from its rows
    #     without reading every quote of the articles that name it (QuoteQuery.speaker_rows)
    """
    CREATE INDEX quotes_speaker_entity ON quotes(article_id, speaker_entity);
    """,
    # 14: the few event sides whose code is not of their country (a code of another country, an IGO's):
    #     an actor by country takes the sides of its country from their index and these from here, instead
    #     of reading every side whose code starts with the country to find them (ActorRef.rows_sql)
    """
    CREATE INDEX events_source_odd ON events(source_code, source_country)
        WHERE source_code IS NOT NULL AND substr(source_code, 1, 3) IS NOT source_country;
    CREATE INDEX events_target_odd ON events(target_code, target_country)
        WHERE target_code IS NOT NULL AND substr(target_code, 1, 3) IS NOT target_country;
    """,
    # 15: the events by PLOVER category: an actor's events of one category are the keys both indexes give
    #     (EventQuery.actor_rows), read before a row is, instead of every event of the actor read to test it
    """
    CREATE INDEX events_plover ON events(plover);
    """,
    # 16: how many quotes each entity page's speakers have, kept by triggers on every quote written and article
    #     deleted (store/summaries.py): a page whose speakers have none (a country's) finds its quotes without
    #     reading every entity row of the page (QuoteQuery.speaker_rows)
    SPEAKER_QUOTES,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this database has not seen yet, each in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this database has schema version {version}, newer than this dateline understands "
            f"({SCHEMA_VERSION}); upgrade dateline"
        )
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (sqlite3.complete_statement knows about triggers)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
