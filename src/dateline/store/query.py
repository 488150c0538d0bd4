"""Query objects: one question to the store per kind (articles, events, quotes, entities).

Each is a dataclass of its filters, its sort and its page. ``where()`` turns the
filters into SQL conditions with bound parameters, ``order_by()`` the sort, and
the store runs them (``Store.articles``, ``Store.events`` ...), counting and paging
in SQL. The CLI, the API and the HTML pages build these objects from what the user
gave and nothing else: a filter means the same wherever it is asked.

One actor reference (:class:`ActorRef`) reads "China", "CHN", "CHNGOV", "Xi Jinping"
or an entity key, and decides whether an event side matches, in SQL and in Python
alike (the timeline over JSON-lines records uses the Python side).

Duplicates count once: near-duplicate articles (``duplicate_of``) form a cluster,
and an event, quote or entity count is one per cluster unless ``collapse`` is off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cache
from typing import Any

from ..model import Actor, Entity, Event
from .errors import StoreError
from .keys import entity_group_key, entity_key, group_rows_sql, normalise_name
from .queries import DateLike, country_filter, time_bound
from .search import MAX_OFFSET


class QueryError(StoreError):
    """A filter, sort or value the store cannot answer as given; the message lists what it accepts."""


CLUSTER = "coalesce(a.duplicate_of, a.id)"


# -- coded values ------------------------------------------------------------------------------------
@cache
def plover_categories() -> tuple[str, ...]:
    from ..nlp.events.codebook import codebook

    return tuple(sorted({info.plover for info in codebook().values() if info.plover}))


@cache
def cameo_codes() -> frozenset[str]:
    from ..nlp.events.codebook import codebook

    return frozenset(codebook())


def check_plover(value: str) -> str:
    upper = value.strip().upper()
    if upper not in plover_categories():
        raise QueryError(f"plover={value!r} is not a PLOVER category; use one of {', '.join(plover_categories())}")
    return upper


def check_cameo(value: str) -> str:
    code = value.strip()
    if not re.fullmatch(r"\d{1,4}", code) or not any(c.startswith(code) for c in cameo_codes()):
        roots = ", ".join(sorted(c for c in cameo_codes() if len(c) == 2))
        raise QueryError(f"cameo={value!r} is not a CAMEO code or prefix; use a root ({roots}) "
                         "or a longer code of the CAMEO codebook, e.g. 130")
    return code


QUAD_CLASSES = (1, 2, 3, 4)


def check_quad(value: int | str) -> int:
    try:
        quad = int(value)
    except (TypeError, ValueError):
        quad = 0
    if quad not in QUAD_CLASSES:
        raise QueryError(f"quad_class={value!r} is not a quad class; use 1 (verbal cooperation), "
                         "2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)")
    return quad


def check_date(name: str, value: DateLike) -> str | None:
    """A date bound as given ('2024', '2024-04', '2024-04-26' or a time), refused when it is no date."""
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    day = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    try:
        if day:
            y, m, d = day.groups()
            date(int(y), int(m or 1), int(d or 1))
        else:
            time_bound(text, end=False)
    except (ValueError, StoreError):
        raise QueryError(f"{name}={value!r} is not a date; use ISO 8601: 2024, 2024-04, 2024-04-26 or "
                         "2024-04-26T10:00:00Z") from None
    return text


def check_language(value: str) -> str:
    code = value.strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise QueryError(f"language={value!r} is not a language code; use ISO 639-1, e.g. en, de, fr")
    return code


def check_confidence(value: float | str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise QueryError(f"min_confidence={value!r} is not a confidence; use a number from 0 to 1, e.g. 0.5")
    return number


def _prefix_range(column: str, prefix: str) -> tuple[str, list[Any]]:
    """``column`` starts with ``prefix``, as a range the column's index can serve."""
    return f"({column} >= ? AND {column} < ?)", [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- actors ------------------------------------------------------------------------------------------
_KEY = re.compile(r"(?:person|org|gpe|norp|loc|fac|event|country|igo)-[\w-]+")


@dataclass(frozen=True)
class ActorRef:
    """What a user means by an actor, and whether an event side is that actor.

    - a code (``CHN``, ``CHNGOV``, ``IGOWSTNAT``; any case when one word): the side's code starts with it;
    - a country by name, alias, demonym or capital (``China``, ``Chinese``, ``Beijing``): the side's
      country is it, or its code starts with the country's code;
    - an entity key (``person-antony-blinken``, ``country-usa``): the side's entity is that entity;
    - any other text (``Xi Jinping``, ``Blinken``): its words, in order, in the side's entity name or
      in the side's text ("Blinken" matches "Antony Blinken").
    """

    text: str
    code: str | None = None
    country: str | None = None
    key: str | None = None
    words: str | None = None

    @classmethod
    def parse(cls, text: str) -> ActorRef:
        raw = (text or "").strip()
        if not raw:
            raise QueryError("an actor is empty: give a code (USA, USAGOV, IGOWSTNAT), a country or a name")
        if _KEY.fullmatch(raw):
            if raw.startswith("country-") and len(raw) == 11:
                return cls(raw, code=raw[8:].upper(), country=raw[8:].upper())
            return cls(raw, key=raw)
        from ..nlp.actors import country_code  # the NLP package loads only when an actor is asked for

        one_word = re.fullmatch(r"[A-Za-z]{3,}", raw) is not None
        code = raw.upper() if one_word else None
        country = country_code(raw) or (code if code and len(code) == 3 else None)
        words = None if country or raw.isupper() else normalise_name(raw) or None
        return cls(raw, code=code, country=country, words=words)

    # -- Python side (records) ------------------------------------------------------------------------
    def matches(self, actor: Actor | None, entities: Mapping[str, Entity]) -> bool:
        """Does the event side ``actor`` (in an article whose entities by id are ``entities``) match?"""
        if actor is None:
            return False
        code = actor.code or ""
        if self.code and code.startswith(self.code):
            return True
        if self.country and (actor.country == self.country or code.startswith(self.country)):
            return True
        entity = entities.get(actor.entity or "")
        if self.key:
            return entity is not None and self.key in (entity_group_key(entity), entity_key(entity.type, entity.name))
        if self.words:
            wanted = f" {self.words} "
            return wanted in f" {normalise_name(actor.text or '')} " or (
                entity is not None and wanted in f" {normalise_name(entity.name)} ")
        return False

    # -- SQL side (the store) -------------------------------------------------------------------------
    def sql(self, side: str) -> tuple[str, list[Any]]:
        """The same test over the events table ``e`` for ``side`` (source or target)."""
        conds: list[str] = []
        params: list[Any] = []
        col = f"e.{side}_code"
        if self.code:
            cond, p = _prefix_range(col, self.code)
            conds.append(cond)
            params += p
        if self.country:
            cond, p = _prefix_range(col, self.country)
            conds += [f"e.{side}_country = ?", cond]
            params += [self.country, *p]
        entity = f"SELECT 1 FROM entities n WHERE n.article_id = e.article_id AND n.entity_id = e.{side}_entity"
        if self.key:  # the entity's rows, found through an index once, then looked up per event
            rows, p = group_rows_sql("n", self.key)
            conds.append(f"(e.article_id, e.{side}_entity) IN (SELECT n.article_id, n.entity_id FROM entities n "
                         f"WHERE {rows} OR n.entity_key = ?)")
            params += [*p, self.key]
        if self.words:
            pattern = f"% {_like(self.words)} %"
            conds.append(f"(' ' || dateline_norm(e.{side}_text) || ' ') LIKE ? ESCAPE '\\'")
            conds.append(f"EXISTS ({entity} AND (' ' || n.name_norm || ' ') LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        return "(" + " OR ".join(conds or ["0"]) + ")", params

    def rows_sql(self, side: str, within: str | None = None) -> tuple[str, list[Any]]:
        """The events whose ``side`` is this actor, as a SELECT of their keys (article_id, idx), each once: the
        same set as ``sql``, one branch per part of its OR. The country's and the codes' branches read one
        index each and no row (the index of a side's code holds its country too), each leaving out what an
        earlier one gave, so that they add up without a set to take out doubles; an entity's or a name's
        branch is joined with UNION. With ``within`` (a condition on the events' ``article_id``, without
        parameters), only the keys of the articles it holds, tested in each branch (the index of a side holds
        the article id: a few articles' keys are found from them, not from all the actor's keys)."""
        only = f" AND {within.format(id='article_id')}" if within else ""
        # in an entity's or a name's branch a test, not a way in: "+" keeps SQLite from reading every clustered
        # article's entities to find the few rows of the entity
        only_e = f" AND {within.format(id='+e.article_id')}" if within else ""
        branches: list[str] = []
        params: list[Any] = []
        before: list[tuple[str, list[Any]]] = []  # what the earlier branches took, as conditions to leave out
        if self.country:
            branches.append(f"SELECT article_id, idx FROM events WHERE {side}_country = ?{only}")
            params.append(self.country)
            before.append((f"{side}_country IS NOT ?", [self.country]))
        for prefix in dict.fromkeys(p for p in (self.country, self.code) if p):
            cond, p = _prefix_range(f"{side}_code", prefix)
            conds, table = [cond, *(c for c, _ in before)], "events"
            if self.country and prefix.startswith(self.country):
                # a code that starts with the country, of a side whose country is another: few events, which
                # the partial index of the sides whose code is not of their country holds (schema 14)
                conds.append(f"{side}_code IS NOT NULL AND substr({side}_code, 1, 3) IS NOT {side}_country")
                table = f"events INDEXED BY events_{side}_odd"
            branches.append(f"SELECT article_id, idx FROM {table} WHERE {' AND '.join(conds)}{only}")
            params += p + [v for _, values in before for v in values]
            before.append((f"NOT {cond}", p))  # a code in a range is not NULL
        chain = " UNION ALL ".join(branches)
        others: list[str] = []
        if self.key:
            rows, p = group_rows_sql("n", self.key)
            others.append(f"SELECT e.article_id, e.idx FROM entities n JOIN events e ON e.article_id = n.article_id "
                          f"AND e.{side}_entity = n.entity_id WHERE ({rows} OR n.entity_key = ?){only_e}")
            params += [*p, self.key]
        if self.words:
            pattern = f"% {_like(self.words)} %"
            others.append(
                f"SELECT e.article_id, e.idx FROM events e WHERE ((' ' || dateline_norm(e.{side}_text) || ' ') "
                "LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id "
                f"AND n.entity_id = e.{side}_entity AND (' ' || n.name_norm || ' ') LIKE ? ESCAPE '\\')){only_e}")
            params += [pattern, pattern]
        if not others:
            return chain or "SELECT article_id, idx FROM events WHERE 0", params
        return _union(([f"SELECT article_id, idx FROM ({chain})"] if chain else []) + others), params


def _union(selects: list[str]) -> str:
    """Event keys in any of ``selects`` (each a SELECT of article_id, idx), each key once."""
    if len(selects) == 1:
        return f"SELECT DISTINCT article_id, idx FROM ({selects[0]})"
    return " UNION ".join(f"SELECT article_id, idx FROM ({s})" for s in selects)


def _intersect(first: str, second: str) -> str:
    """Event keys in both selects."""
    return f"SELECT article_id, idx FROM ({first}) INTERSECT SELECT article_id, idx FROM ({second})"


def event_signature(event: Event, cluster: str) -> tuple:
    """What makes two events of one cluster the same event (see EventQuery's collapse, which must agree)."""
    def side(actor: Actor | None) -> str | None:
        if actor is None:
            return None
        return actor.code or actor.country or (actor.text or "").lower()

    return (cluster, side(event.source), side(event.target), event.cameo, event.date, int(event.negated))


def _event_signature_parts() -> list[str]:
    def side(s: str) -> str:
        return f"coalesce(e.{s}_code, e.{s}_country, lower(e.{s}_text))"

    return [CLUSTER, side("source"), side("target"), "e.cameo", "e.date", "e.negated"]


def _event_signature_sql() -> str:
    return ", ".join(_event_signature_parts())


def event_signature_text_sql() -> str:
    """The signature as one text (for count(DISTINCT ...))."""
    return " || '|' || ".join(f"coalesce({part}, '')" for part in _event_signature_parts())


# -- sorting and paging ------------------------------------------------------------------------------
@dataclass
class Page:
    """A page of a list. Both numbers are bounded (MAX_OFFSET): past it, a QueryError with the bounds,
    never an overflow in SQLite."""

    limit: int | None = 50  # None: every row (downloads, timelines)
    offset: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.offset <= MAX_OFFSET or (self.limit is not None and not 1 <= self.limit <= MAX_OFFSET):
            raise QueryError(f"offset must be 0..{MAX_OFFSET:,} and limit 1..{MAX_OFFSET:,}")

    def sql(self) -> tuple[str, list[Any]]:
        if self.limit is None:
            return (" LIMIT -1 OFFSET ?", [self.offset]) if self.offset else ("", [])
        return " LIMIT ? OFFSET ?", [self.limit, self.offset]


def _order(sort: str | None, default: str, columns: Mapping[str, str], tiebreak: str) -> str:
    """ORDER BY for ``sort`` ("published", "-goldstein"): a name of ``columns``, '-' for descending."""
    name = sort or default
    descending = name.startswith("-")
    column = columns.get(name.lstrip("-"))
    if column is None:
        allowed = ", ".join(f"{c}, -{c}" for c in columns)
        raise QueryError(f"sort={sort!r} is not a sort of this list; use one of {allowed}")
    direction = "DESC" if descending else "ASC"
    nulls = " NULLS LAST"
    return f" ORDER BY {column} {direction}{nulls}, {tiebreak}"


# -- articles ----------------------------------------------------------------------------------------
ARTICLE_SORTS = {"published": "a.published_at", "title": "a.title COLLATE NOCASE",
                 "publisher": "a.publisher COLLATE NOCASE", "id": "a.id", "relevance": "f.rank"}


@dataclass
class ArticleQuery:
    """Articles: full-text ``q`` (optional) and filters. Sorted by relevance with ``q``, else newest first."""

    q: str | None = None
    publisher: str | None = None
    domain: str | None = None
    language: str | None = None
    since: DateLike = None
    until: DateLike = None
    entity: str | None = None
    country: str | None = None
    collapse: bool = False  # one article per near-duplicate cluster
    sort: str | None = None
    page: Page = field(default_factory=Page)
    # every sample-th match by rowid only (ingest order, so independent of what an article says): the
    # facets of a search that matches more than results.FACET_SAMPLE articles are estimated from those
    sample: int = 1
    # the sample of a search's matches as a temporary table of their rowids, made once for all the facets' statements
    # (results.facet_sample, inside results.sample_sets); None: taken of the full-text index by each statement
    sample_rows: str | None = None

    FILTERS = ("q", "publisher", "domain", "language", "since", "until", "entity", "country")

    def __post_init__(self) -> None:
        for name in self.FILTERS:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, value.strip() or None)
        if self.q:  # publisher:, domain:, country:, language:, since:, until: in the query are filters
            from .search import split_fields

            self.q, found = split_fields(self.q)
            for name, value in found.items():
                if getattr(self, name) not in (None, value):
                    raise QueryError(f"{name} is given twice, as {getattr(self, name)!r} and in the query as "
                                     f"{value!r}; give it once")
                setattr(self, name, value)
        if self.language:
            self.language = check_language(self.language)
        self.since = check_date("since", self.since)
        self.until = check_date("until", self.until)
        if self.country:
            self.country = country_filter(self.country)
        if not isinstance(self.sample, int) or isinstance(self.sample, bool) or self.sample < 1:
            raise QueryError(f"sample must be a whole number of 1 or more, not {self.sample!r}")
        if self.sample_rows is not None and not re.fullmatch(r"dateline_sample_\d+", self.sample_rows):
            raise QueryError(f"sample_rows names no sample table: {self.sample_rows!r}")
        if self.sort == "relevance" and not self.q:
            raise QueryError("sort=relevance needs a query q")
        _order(self.sort, "-published", ARTICLE_SORTS, "a.id")  # refuse a bad sort now

    def filters(self) -> dict[str, Any]:
        """The filters as given (for links and answers), without the empty ones."""
        return {name: getattr(self, name) for name in self.FILTERS if getattr(self, name) not in (None, "")}

    def without(self, *names: str) -> ArticleQuery:
        return replace(self, **{n: None for n in names}, page=Page(self.page.limit, 0))

    def where(self) -> tuple[list[str], list[Any]]:
        """Conditions on ``articles a`` (the full-text match is joined separately, see ``from_sql``)."""
        from .queries import article_filters

        where, params = article_filters(self.publisher, self.language, self.since, self.until, self.entity,
                                        self.country)
        if self.domain:
            host = _like(self.domain.lower().removeprefix("www."))
            where.append("(lower(a.url) LIKE ? ESCAPE '\\' OR lower(a.url) LIKE ? ESCAPE '\\' "
                         "OR lower(a.url) LIKE ? ESCAPE '\\' OR lower(a.url) LIKE ? ESCAPE '\\')")
            params += [f"%://{host}/%", f"%://{host}", f"%.{host}/%", f"%.{host}"]
        return where, params

    def from_sql(self) -> tuple[str, str, list[Any]]:
        """(CTE head, FROM ... WHERE ..., parameters): the matching articles as ``a`` (and ``f`` with q)."""
        from .search import fts_query, matches_sql, sample_sql

        where, params = self.where()
        if self.q:
            head, body = matches_sql(where, self.sample, self._sample_rows())
            return head, body, [fts_query(self.q), *params]
        if self.sample > 1:
            where = [*where, sample_sql("a.rowid", self.sample).removeprefix(" AND ")]
        return "", "FROM articles a" + (" WHERE " + " AND ".join(where) if where else ""), params

    def ids_sql(self, columns: str = "a.id") -> tuple[str, list[Any]]:
        """A subquery of the matching article ids, for the facts of the matching articles (or a SELECT of other
        ``columns`` of the matching articles ``a``)."""
        from .search import fts_query, sample_sql

        where, params = self.where()
        sample = sample_sql("rowid" if self.q else "a.rowid", self.sample)
        if self.q:
            rows = self._sample_rows()
            matches = f"SELECT rowid FROM temp.{rows} WHERE ? IS NOT NULL" if rows else \
                f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{sample}"
            where = [f"a.rowid IN ({matches})", *where]
            params = [fts_query(self.q), *params]
        elif sample:
            where = [*where, sample.removeprefix(" AND ")]
        return f"SELECT {columns} FROM articles a" + (" WHERE " + " AND ".join(where) if where else ""), params

    def _sample_rows(self) -> str | None:
        """The temporary table holding the sample of the matches (the same rowids as every sample-th match), if any."""
        return self.sample_rows if self.q and self.sample > 1 else None

    def is_filtered(self) -> bool:
        return bool(self.filters()) or self.sample > 1

    def order_by(self) -> str:
        return _order(self.sort, "relevance" if self.q else "-published", ARTICLE_SORTS, "a.id")


def _article_conditions(articles: ArticleQuery | None, alias_id: str) -> tuple[list[str], list[Any]]:
    """Facts restricted to the articles ``articles`` matches (none: every article)."""
    if articles is None or not articles.is_filtered():
        return [], []
    sub, params = articles.ids_sql()
    return [f"{alias_id} IN ({sub})"], params


# -- events ------------------------------------------------------------------------------------------
EVENT_SORTS = {"date": "e.day", "published": "a.published_at", "goldstein": "e.goldstein", "cameo": "e.cameo",
               "quad_class": "e.quad_class", "confidence": "e.confidence", "plover": "e.plover"}


@dataclass
class EventQuery:
    """Events: by actor (either side), source, target or a pair ``a``/``b``; CAMEO prefix, PLOVER, quad
    class, date range (the event's date, else its article's), confidence; the events of the articles an
    ArticleQuery matches (a search). One per cluster of near-duplicate articles unless ``collapse`` is off."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    a: str | None = None
    b: str | None = None
    directed: bool = False
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    since: DateLike = None
    until: DateLike = None
    min_confidence: float | None = None
    location: str | None = None  # the event's location, as written
    place_country: str | None = None  # the country of its target, else of its source (ISO3): the map's places
    negated: bool | None = None  # None: both; False: only what happened
    articles: ArticleQuery | None = None
    collapse: bool = True
    sort: str | None = None
    page: Page = field(default_factory=Page)

    FILTERS = ("actor", "source", "target", "a", "b", "cameo", "plover", "quad_class", "since", "until",
               "min_confidence", "location", "place_country")

    def __post_init__(self) -> None:
        for name in ("actor", "source", "target", "a", "b", "cameo", "plover"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, value.strip() or None)
        if bool(self.a) != bool(self.b):
            raise QueryError("a pair of actors needs both a and b")
        self.refs = {name: ActorRef.parse(getattr(self, name))
                     for name in ("actor", "source", "target", "a", "b") if getattr(self, name)}
        self.cameo = check_cameo(self.cameo) if self.cameo else None
        self.plover = check_plover(self.plover) if self.plover else None
        self.quad_class = check_quad(self.quad_class) if self.quad_class not in (None, "") else None
        self.since = check_date("since", self.since)
        self.until = check_date("until", self.until)
        if self.min_confidence not in (None, ""):
            self.min_confidence = check_confidence(self.min_confidence)
        else:
            self.min_confidence = None
        _order(self.sort, "date", EVENT_SORTS, "e.article_id")

    def filters(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.FILTERS if getattr(self, name) not in (None, "")}
        if self.a and self.directed:
            out["directed"] = True
        return out

    def actor_rows(self, within: str | None = None) -> tuple[str | None, list[Any]]:
        """The events the actor filters (actor, source, target, the pair a/b) match, as one SELECT of their
        keys (ActorRef.rows_sql, composed with UNION and INTERSECT; with a PLOVER category, only the keys of
        its events), or None without actor filters: the set ``from_sql`` starts from, the same events as the
        actor conditions of ``where(actors=True)`` (and the category's, which ``where`` tests again). With
        ``within`` (see ActorRef.rows_sql), only those of the articles it holds."""
        refs = self.refs
        only = f" AND {within.format(id='article_id')}" if within else ""
        sets: list[tuple[str, list[Any]]] = []
        if "actor" in refs:
            src, p1 = refs["actor"].rows_sql("source", within)
            tgt, p2 = refs["actor"].rows_sql("target", within)
            sets.append((_union([src, tgt]), p1 + p2))
        for side in ("source", "target"):
            if side in refs:
                sets.append(refs[side].rows_sql(side, within))
        if "a" in refs:
            sa, psa = refs["a"].rows_sql("source", within)
            tb, ptb = refs["b"].rows_sql("target", within)
            pair, params = _intersect(sa, tb), psa + ptb
            if not self.directed:
                sb, psb = refs["b"].rows_sql("source", within)
                ta, pta = refs["a"].rows_sql("target", within)
                pair, params = _union([pair, _intersect(sb, ta)]), params + psb + pta
            sets.append((pair, params))
        if not sets:
            return None, []
        if self.plover:  # the category's keys from its index (schema 15): the rows read are those of both
            sets.append((f"SELECT article_id, idx FROM events WHERE plover = ?{only}", [self.plover]))
        rows, params = sets[0]
        for more, p in sets[1:]:
            rows, params = _intersect(rows, more), params + p
        return rows, params

    def from_sql(self, *, by_actors: bool = True, within: str | None = None) -> tuple[str, list[Any], str, list[Any]]:
        """(CTE head, its parameters, FROM ... WHERE ..., its parameters): the matching events ``e`` joined to
        their articles ``a``, always with a WHERE (a caller adds AND ...). With actor filters (and
        ``by_actors``) the events are read from the set of keys they match (``actor_rows``), made once as
        the CTE ``s`` however many times a statement reads the body; the other filters are tested on those
        rows. Without ``by_actors`` every filter is a condition (the events of a few matching articles are
        fewer than an actor's). ``within``: only the keys of some articles (see actor_rows), when the set is made."""
        rows, head_params = self.actor_rows(within) if by_actors else (None, [])
        where, params = self.where(actors=rows is None)
        head, body = _from_keys(rows, "events", "e", where)
        return head, head_params, body, params

    def article_key(self, *, by_actors: bool = True) -> str:
        """The matching events' article id as ``from_sql`` names it: that of the set of keys when it starts
        from one (a condition on it is tested before the event's row is read)."""
        set_driven = by_actors and self.refs.keys() & {"actor", "source", "target", "a"}
        return "s.article_id" if set_driven else "e.article_id"

    def where(self, *, actors: bool = True) -> tuple[list[str], list[Any]]:
        """The conditions on the events ``e`` (and their articles ``a``); without the actor filters'
        with ``actors`` False (from_sql reads those from the set of keys they match)."""
        where: list[str] = []
        params: list[Any] = []
        refs = self.refs if actors else {}
        if "actor" in refs:
            src, p1 = refs["actor"].sql("source")
            tgt, p2 = refs["actor"].sql("target")
            where.append(f"({src} OR {tgt})")
            params += p1 + p2
        for side in ("source", "target"):
            if side in refs:
                cond, p = refs[side].sql(side)
                where.append(cond)
                params += p
        if "a" in refs:
            sa, psa = refs["a"].sql("source")
            tb, ptb = refs["b"].sql("target")
            pair = f"({sa} AND {tb})"
            params += psa + ptb
            if not self.directed:
                sb, psb = refs["b"].sql("source")
                ta, pta = refs["a"].sql("target")
                pair = f"({pair} OR ({sb} AND {ta}))"
                params += psb + pta
            where.append(pair)
        if self.cameo:
            cond, p = _prefix_range("e.cameo", self.cameo)
            where.append(cond)
            params += p
        if self.plover:
            where.append("e.plover = ?")
            params.append(self.plover)
        if self.quad_class is not None:
            where.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            where.append("e.day >= ?")
            params.append(time_bound(self.since, end=False)[:10])
        if self.until:
            where.append("e.day <= ?")
            params.append(time_bound(self.until, end=True)[:10])
        if self.min_confidence is not None:
            where.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.location:
            where.append("e.location = ? COLLATE NOCASE")
            params.append(self.location.strip())
        if self.place_country:
            where.append("coalesce(e.target_country, e.source_country) = ?")
            params.append(country_filter(self.place_country))
        if self.negated is not None:
            where.append("e.negated = ?")
            params.append(int(self.negated))
        conds, p = _article_conditions(self.articles, "e.article_id")
        return where + conds, params + p

    def order_by(self) -> str:
        return _order(self.sort, "date", EVENT_SORTS, "e.article_id, e.idx")


# -- quotes ------------------------------------------------------------------------------------------
QUOTE_SORTS = {"published": "a.published_at", "speaker": "q.speaker_name COLLATE NOCASE",
               "confidence": "q.confidence", "kind": "q.kind"}


@dataclass
class QuoteQuery:
    """Quotes: by speaker (name or entity key), kind, confidence; of the articles an ArticleQuery matches.
    One per cluster of near-duplicate articles (same speaker, same words) unless ``collapse`` is off."""

    speaker: str | None = None
    kind: str | None = None
    min_confidence: float | None = None
    articles: ArticleQuery | None = None
    collapse: bool = True
    sort: str | None = None
    page: Page = field(default_factory=Page)

    FILTERS = ("speaker", "kind", "min_confidence")

    def __post_init__(self) -> None:
        if isinstance(self.speaker, str):
            self.speaker = self.speaker.strip() or None
        if self.kind and self.kind not in ("direct", "indirect"):
            raise QueryError(f"kind={self.kind!r} is not a kind of quote; use direct or indirect")
        self.kind = self.kind or None
        self.min_confidence = check_confidence(self.min_confidence) if self.min_confidence not in (None, "") \
            else None
        _order(self.sort, "-published", QUOTE_SORTS, "q.article_id")

    def filters(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FILTERS if getattr(self, name) not in (None, "")}

    def speaker_rows(self, *, entities: bool = True) -> tuple[str | None, list[Any]]:
        """The quotes of the speaker (its name, or the entity of a page or per-type key), as a SELECT of their
        keys (article_id, idx): the same quotes as the speaker condition of ``where(speaker=True)``, found
        through the index of speakers' names and that of each article's speakers (quotes_speaker_entity).
        Without ``entities`` only those of the speaker's name: the same quotes when no entity row of the key
        speaks (results._speakers_quoted tells)."""
        if not self.speaker:
            return None, []
        if not entities:
            return "SELECT article_id, idx FROM quotes WHERE speaker_norm = ?", [normalise_name(self.speaker)]
        rows, p = group_rows_sql("n", self.speaker)
        sql = ("SELECT article_id, idx FROM quotes WHERE speaker_norm = ? UNION SELECT q.article_id, q.idx FROM "
               f"(SELECT DISTINCT n.article_id, n.entity_id FROM entities n WHERE {rows} OR n.entity_key = ?) n "
               "JOIN quotes q ON q.article_id = n.article_id AND q.speaker_entity = n.entity_id")
        return sql, [normalise_name(self.speaker), *p, self.speaker]

    def article_key(self) -> str:
        """The matching quotes' article id as ``from_sql`` names it (see EventQuery.article_key)."""
        return "s.article_id" if self.speaker else "q.article_id"

    def from_sql(self, *, entities: bool = True) -> tuple[str, list[Any], str, list[Any]]:
        """(CTE head, its parameters, FROM ... WHERE ..., its parameters), as EventQuery.from_sql: with a
        speaker, the quotes are read from the set of keys ``speaker_rows`` gives (``entities``: see there)."""
        rows, head_params = self.speaker_rows(entities=entities)
        where, params = self.where(speaker=rows is None)
        head, body = _from_keys(rows, "quotes", "q", where)
        return head, head_params, body, params

    def where(self, *, speaker: bool = True) -> tuple[list[str], list[Any]]:
        """The conditions on the quotes ``q`` (and their articles ``a``); without the speaker's with
        ``speaker`` False (from_sql reads those from the set of keys it matches)."""
        where: list[str] = []
        params: list[Any] = []
        if self.speaker and speaker:
            rows, p = group_rows_sql("n", self.speaker)
            where.append(
                "(q.speaker_norm = ? OR (q.article_id, q.speaker_entity) IN (SELECT n.article_id, n.entity_id "
                f"FROM entities n WHERE {rows} OR n.entity_key = ?))")
            params += [normalise_name(self.speaker), *p, self.speaker]
        if self.kind:
            where.append("q.kind = ?")
            params.append(self.kind)
        if self.min_confidence is not None:
            where.append("q.confidence >= ?")
            params.append(self.min_confidence)
        conds, p = _article_conditions(self.articles, "q.article_id")
        return where + conds, params + p

    def order_by(self) -> str:
        return _order(self.sort, "-published", QUOTE_SORTS, "q.article_id, q.idx")


# -- entities ----------------------------------------------------------------------------------------
ENTITY_SORTS = {"articles": "articles", "mentions": "mentions", "name": "name COLLATE NOCASE", "key": "key"}


@dataclass
class EntityQuery:
    """Entities across articles, one per group (see :func:`group_key`): by type, country, code prefix;
    named in the articles an ArticleQuery matches. Articles count once per near-duplicate cluster unless
    ``collapse`` is off. Most articles first.

    Over the whole store the list reads the pages' summaries (store/summaries.py) and type, country and
    code are those settled for the page (its most frequent type, GPE for a country; its code and country);
    restricted to the articles of a search, they filter the entity rows of those articles."""

    type: str | None = None
    country: str | None = None
    code: str | None = None
    key: str | None = None
    articles: ArticleQuery | None = None
    collapse: bool = True
    sort: str | None = None
    page: Page = field(default_factory=Page)

    FILTERS = ("type", "country", "code")

    def __post_init__(self) -> None:
        self.type = self.type.strip().upper() or None if self.type else None
        self.code = self.code.strip().upper() or None if self.code else None
        self.country = country_filter(self.country) if self.country else None
        _order(self.sort, "-articles", ENTITY_SORTS, "key")

    def filters(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FILTERS if getattr(self, name) not in (None, "")}

    def _attributes(self, alias: str) -> tuple[list[str], list[Any]]:
        """The type, country and code filters over the table ``alias`` (entity rows or page summaries)."""
        where: list[str] = []
        params: list[Any] = []
        if self.type:
            where.append(f"{alias}.type = ?")
            params.append(self.type)
        if self.country:
            where.append(f"{alias}.country = ?")
            params.append(self.country)
        if self.code:
            cond, p = _prefix_range(f"{alias}.code", self.code)
            where.append(cond)
            params += p
        return where, params

    def where(self) -> tuple[list[str], list[Any]]:
        """The filters on the entity rows ``g`` (of the articles a search matches)."""
        where, params = self._attributes("g")
        if self.key:
            cond, p = group_rows_sql("g", self.key)
            where.append(cond)
            params += p
        conds, p = _article_conditions(self.articles, "g.article_id")
        return where + conds, params + p

    def page_where(self) -> tuple[list[str], list[Any]]:
        """The filters on the summary of each page (``entity_pages p``): its settled type, country and code."""
        where, params = self._attributes("p")
        if self.key:
            where.append("p.key = ?")
            params.append(self.key)
        return where, params

    def order_by(self) -> str:
        return _order(self.sort, "-articles", ENTITY_SORTS, "key")


def query_fields(cls: type) -> tuple[str, ...]:
    """The names a query object takes (for refusing unknown parameters)."""
    return tuple(f.name for f in fields(cls))


def _from_keys(rows: str | None, table: str, alias: str, where: list[str]) -> tuple[str, str]:
    """(CTE head, FROM ... WHERE ...) of the rows of ``table`` (as ``alias``) joined to their articles ``a``:
    read from the set of keys ``rows`` selects, made once as the CTE ``s``, or from the table itself."""
    if rows is None:
        head, joined = "", f"FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id"
    else:
        head = f"WITH s AS MATERIALIZED ({rows}) "
        joined = (f"FROM s CROSS JOIN {table} {alias} ON {alias}.article_id = s.article_id AND {alias}.idx = s.idx "
                  f"JOIN articles a ON a.id = {alias}.article_id")
    return head, f"{joined} WHERE {' AND '.join(where) or 'true'}"
