"""HTML pages at plain, stable URLs. Each renders the dict its JSON twin under /api/ returns."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from .. import queries
from ..chart import timeline_svg, volume_svg
from ..render import event_label, render_article, render_marked
from .api import Freq
from .common import Articles, Entities, Events, Limit, Offset, Quotes, refuse_unknown, store_of

router = APIRouter(include_in_schema=False, dependencies=[Depends(refuse_unknown)])


def _page(request: Request, template: str, json_url: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"json_url": json_url, **context})


def _url(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


def _pager(path: str, values: dict[str, Any], data: dict[str, Any]) -> dict[str, str | None]:
    """Links to the next and previous pages, and the CSV download of the whole list."""
    limit = data["limit"]
    return {
        "next_url": _url(path, **values, offset=data["next_offset"]) if data.get("next_offset") else None,
        "prev_url": _url(path, **values, offset=max(0, data["offset"] - limit) or None) if data["offset"] else None,
    }


def _chips(path: str, values: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """The active filters, each with the link that removes it."""
    return [(name, value, _url(path, **{k: v for k, v in values.items() if k != name}))
            for name, value in values.items() if name not in ("q", "sort", "offset")]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, params: Articles) -> HTMLResponse:
    store = store_of(request)
    values = params.link_values()
    data = queries.list_articles(store, params.query())
    return _page(request, "home.html", _url("/api/articles", **values, offset=params.offset or None), data=data,
                 stats=store.stats(brief=True), csv_url=_url("/api/articles", **values, format="csv"),
                 chips=_chips("/", values), **_pager("/", values, data))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, params: Articles) -> HTMLResponse:
    q = params.q or ""
    values = params.link_values()
    json_url = _url("/api/search", **values, offset=params.offset or None, facets="true", volume="true")  # as shown
    if not q.strip():
        return _page(request, "search.html", json_url, q=q, data=None, values=values)
    query = params.query()
    data = queries.search(store_of(request), query)
    for hit in data["hits"]:
        hit["snippet_html"] = render_marked(hit["snippet"], hit["highlights"])
    kept = {k: v for k, v in values.items() if k != "offset"}
    article_filters = {k: v for k, v in kept.items() if k in ("q", "publisher", "domain", "language", "entity",
                                                              "country")}
    facets = data["facets"]

    def narrowed(name: str, value: Any) -> str:
        return _url("/search", **{**kept, name: value})

    facet_links = {  # a facet value links to the same search narrowed to it; "(unknown)" is shown unlinked
        name: [(value, count, None if str(value).startswith("(") else narrowed(name, value))
               for value, count in facets.get(name, [])]
        for name in ("publisher", "language", "country")
    }
    facet_links["entity"] = [(label, count, narrowed("entity", key)) for key, label, count in facets.get("entity", [])]
    facet_links["year"] = [
        (year, count, _url("/search", **{**kept, "since": year, "until": year}) if year.isdigit() else None)
        for year, count in facets.get("year", [])
    ]
    for name in ("plover", "quad_class"):  # the events of the matches, by category
        facet_links[name] = [(value, count, _url("/events", **article_filters, **{name: value})
                              if value not in ("(none)", 0) else None) for value, count in facets.get(name, [])]
    for point in data["volume"]["points"]:
        point["url"] = _url("/search", **{**kept, "since": point["start"], "until": point["end"]})
    volume_chart = volume_svg(data["volume"]["points"], f"{q}: share of the store's articles per "
                                                         f"{data['volume']['freq']}")
    toggle_url = _url("/search", **{**kept, "collapse": not params.values["collapse"]})
    return _page(request, "search.html", json_url, q=q, data=data, facet_links=facet_links, values=values,
                 volume_chart=volume_chart,
                 filters=data["filters"], collapse=params.values["collapse"], toggle_url=toggle_url,
                 csv_url=_url("/api/search", **kept, format="csv"), events_url=_url("/events", **article_filters),
                 chips=_chips("/search", kept), **_pager("/search", kept, data))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = store_of(request)
    article, data = queries.article_view(store, article_id)
    keys = data["entity_keys"]
    body = render_article(article, lambda e: f"/entities/{quote(keys[e.id])}" if e.id in keys else None)
    events = [(i, event_label(ev), ev) for i, ev in enumerate(article.events)]
    return _page(request, "article.html", f"/api/articles/{quote(article_id)}", data=data, article=article,
                 body=body, events=events)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, params: Entities) -> HTMLResponse:
    values = params.link_values()
    data = queries.list_entities(store_of(request), params.query())
    return _page(request, "entities.html", _url("/api/entities", **values, offset=params.offset or None),
                 data=data, values=values, csv_url=_url("/api/entities", **values, format="csv"),
                 **_pager("/entities", values, data))


@router.get("/entities/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str, offset: Offset = 0,
                limit: Limit = 50) -> HTMLResponse:
    data = queries.entity_view(store_of(request), key, offset=offset, limit=limit)
    key = data["entity"]["key"]
    next_offset = data["articles"]["next_offset"]
    next_url = _url(f"/entities/{quote(key)}", offset=next_offset) if next_offset is not None else None
    return _page(request, "entity.html", _url(f"/api/entities/{quote(key)}", offset=offset or None),
                 data=data, key=key, next_url=next_url)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, params: Quotes) -> HTMLResponse:
    values = params.link_values()
    data = queries.list_quotes(store_of(request), params.query())
    return _page(request, "quotes.html", _url("/api/quotes", **values, offset=params.offset or None),
                 data=data, values=values, csv_url=_url("/api/quotes", **values, format="csv"),
                 chips=_chips("/quotes", values), **_pager("/quotes", values, data))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, params: Events) -> HTMLResponse:
    values = params.link_values()
    data = queries.list_events(store_of(request), params.query())
    facet_links = {name: [(value, count, _url("/events", **{**values, name: value}))
                          for value, count in facet_values]
                   for name, facet_values in data["facets"].items()}
    return _page(request, "events.html", _url("/api/events", **values, offset=params.offset or None), data=data,
                 values=values, csv_url=_url("/api/events", **values, format="csv"), facet_links=facet_links,
                 chips=_chips("/events", values), **_pager("/events", values, data))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, params: Events) -> HTMLResponse:
    from ..map import map_svg

    values = {k: v for k, v in params.link_values().items() if k not in ("offset", "limit", "sort")}
    data = queries.map_view(store_of(request), params.query(limit=None), values)
    return _page(request, "map.html", _url("/api/map", **values), data=data, values=values,
                 chart=map_svg(data["points"], "Where the events took place"), chips=_chips("/map", values))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, a: str = "", b: str = "", freq: Freq = "week",
                  directed: bool = False, count_copies: bool = False, q: str = "") -> HTMLResponse:
    from ...store.query import ArticleQuery

    values = {"a": a, "b": b, "freq": freq, "directed": directed, "count_copies": count_copies, "q": q}
    json_url = _url("/api/timeline", **values)
    if not (a.strip() and b.strip()):
        return _page(request, "timeline.html", json_url, data=None, **values)
    data = queries.timeline_view(store_of(request), a, b, freq=freq, directed=directed, collapse=not count_copies,
                                 articles=ArticleQuery(q=q) if q.strip() else None)
    arrow = "→" if directed else "↔"
    for row in data.get("rows", []):
        row["events_url"] = _url("/events", a=a, b=b, directed=directed, q=q, count_copies=count_copies,
                                 since=row["start"], until=row["end"])
    chart = timeline_svg(data.get("rows", []), f"{a} {arrow} {b}: events per {freq}")
    return _page(request, "timeline.html", json_url, data=data, chart=chart,
                 csv_url=_url("/api/timeline", **values, format="csv"), **values)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, drawn on the server from the OpenAPI schema (no external script)."""
    schema = request.app.openapi()
    return _page(request, "docs.html", "/openapi.json", schema=schema)
