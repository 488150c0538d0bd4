"""HTML pages at plain, stable URLs. Each renders the dict its JSON twin under /api/ returns."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import queries
from ..chart import timeline_svg
from ..render import event_label, render_article, render_marked
from .api import Freq
from .common import ArticleFilters, Limit, Offset, store_of

router = APIRouter(include_in_schema=False)


def _page(request: Request, template: str, json_url: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"json_url": json_url, **context})


def _url(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


@router.get("/", response_class=HTMLResponse)
def home(request: Request, filters: ArticleFilters, after: str | None = None,
         limit: Limit = 50) -> HTMLResponse:
    store = store_of(request)
    params = filters.as_kwargs()
    data = queries.list_articles(store, after=after, limit=limit, **params)
    next_url = _url("/", **params, after=data["next"], limit=limit if limit != 50 else None) if data["next"] else None
    return _page(request, "home.html", _url("/api/articles", **params, after=after), data=data,
                 stats=store.stats(), next_url=next_url)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, filters: ArticleFilters, q: str = "", collapse: bool = False,
                offset: Offset = 0,
                limit: Limit = 20) -> HTMLResponse:
    params = filters.as_kwargs()
    json_url = _url("/api/search", q=q, **params, collapse=collapse, offset=offset or None)
    if not q.strip():
        return _page(request, "search.html", json_url, q=q, data=None)
    data = queries.search(store_of(request), q, offset=offset, limit=limit, collapse=collapse, **params)
    for hit in data["hits"]:
        hit["snippet_html"] = render_marked(hit["snippet"], hit["highlights"])
    facet_links = {  # a facet value links to the same search narrowed to it; "(unknown)" is shown unlinked
        name: [(value, count, None if value.startswith("(") else _url("/search", **{"q": q, **params, name: value}))
               for value, count in values]
        for name, values in data["facets"].items() if name != "year"
    }
    facet_links["year"] = [
        (year, count, _url("/search", **{"q": q, **params, "since": year, "until": year}) if year.isdigit() else None)
        for year, count in data["facets"].get("year", [])
    ]
    next_url = (_url("/search", q=q, **params, collapse=collapse, offset=data["next_offset"])
                if data["next_offset"] is not None else None)
    prev_url = (_url("/search", q=q, **params, collapse=collapse, offset=max(0, offset - limit))
                if offset else None)
    toggle_url = _url("/search", q=q, **params, collapse=not collapse)
    return _page(request, "search.html", json_url, q=q, data=data, facet_links=facet_links,
                 next_url=next_url, prev_url=prev_url, filters=params, collapse=collapse, toggle_url=toggle_url)


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
def entities_page(request: Request, type: str | None = None, country: str | None = None,
                  code: str | None = None, offset: Offset = 0,
                  limit: Limit = 50) -> HTMLResponse:
    data = queries.list_entities(store_of(request), type=type or None, country=country or None,
                                 code=code or None, offset=offset, limit=limit)
    next_url = (_url("/entities", type=type, country=country, code=code, offset=data["next_offset"])
                if data["next_offset"] is not None else None)
    return _page(request, "entities.html", _url("/api/entities", type=type, country=country, code=code,
                                                offset=offset or None), data=data, next_url=next_url)


@router.get("/entities/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str, offset: Offset = 0,
                limit: Limit = 50) -> HTMLResponse:
    data = queries.entity_view(store_of(request), key, offset=offset, limit=limit)
    next_offset = data["articles"]["next_offset"]
    next_url = _url(f"/entities/{quote(key)}", offset=next_offset) if next_offset is not None else None
    return _page(request, "entity.html", _url(f"/api/entities/{quote(key)}", offset=offset or None),
                 data=data, key=key, next_url=next_url)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: str | None = None, offset: Offset = 0,
                limit: Limit = 50) -> HTMLResponse:
    data = queries.list_quotes(store_of(request), speaker=speaker or None, offset=offset, limit=limit)
    next_url = _url("/quotes", speaker=speaker, offset=data["next_offset"]) if data["next_offset"] else None
    return _page(request, "quotes.html", _url("/api/quotes", speaker=speaker, offset=offset or None),
                 data=data, next_url=next_url)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: str | None = None, source: str | None = None,
                target: str | None = None, cameo: str | None = None, plover: str | None = None,
                since: str | None = None, until: str | None = None,
                offset: Offset = 0,
                limit: Limit = 50) -> HTMLResponse:
    params = {"actor": actor or None, "source": source or None, "target": target or None,
              "cameo": cameo or None, "plover": plover or None, "since": since or None, "until": until or None}
    data = queries.list_events(store_of(request), offset=offset, limit=limit, **params)
    next_url = _url("/events", **params, offset=data["next_offset"]) if data["next_offset"] else None
    return _page(request, "events.html", _url("/api/events", **params, offset=offset or None), data=data,
                 next_url=next_url)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, a: str = "", b: str = "", freq: Freq = "week",
                  directed: bool = False) -> HTMLResponse:
    json_url = _url("/api/timeline", a=a, b=b, freq=freq, directed=directed)
    if not (a.strip() and b.strip()):
        return _page(request, "timeline.html", json_url, data=None, a=a, b=b, freq=freq, directed=directed)
    data = queries.timeline_view(store_of(request), a, b, freq=freq, directed=directed)
    arrow = "→" if directed else "↔"
    chart = timeline_svg(data.get("rows", []), f"{a} {arrow} {b}: events per {freq}")
    return _page(request, "timeline.html", json_url, data=data, a=a, b=b, freq=freq, directed=directed,
                 chart=chart)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, drawn on the server from the OpenAPI schema (no external script)."""
    schema = request.app.openapi()
    return _page(request, "docs.html", "/openapi.json", schema=schema)
