"""The FastAPI application: pages, the /api/ twins, static files, security headers, JSON errors."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..config import settings
from ..errors import DatelineError
from .queries import NotFound
from .routes import api, pages
from .security import SecurityHeaders
from .stores import ReadOnlyStores

HERE = Path(__file__).resolve().parent


def _load_actor_data() -> None:
    """Load, as the server starts, what the first request naming a country or a PLOVER category would load (the
    actor dictionaries and gazetteer, the CAMEO codebook: 110 ms, once a process), not during that request."""
    from ..store.query import ActorRef, plover_categories

    ActorRef.parse("Norway")
    plover_categories()


def _compile_templates(templates: Jinja2Templates) -> None:
    """Compile every template as the server starts (Jinja keeps them compiled), not in the first request of each
    page kind: the search page's four templates took 30 ms to compile, three times its rendering."""
    for name in templates.env.list_templates(extensions=["html"]):
        templates.env.get_template(name)


def create_app(db_path: str | Path, *, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over the store at ``db_path``, opened read-only (one connection per worker thread).

    ``allowed_hosts``: Host header values to accept (guards a loopback server against DNS
    rebinding); None accepts any.
    """
    stores = ReadOnlyStores(db_path)
    templates = Jinja2Templates(directory=HERE / "templates")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        _load_actor_data()
        _compile_templates(templates)
        yield
        stores.close_all()

    app = FastAPI(
        title="dateline",
        version=__version__,
        description="Articles, entities, quotes and coded political events from news pages. "
        "Every HTML page has a JSON twin under /api/.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


HOSTS_ENV = "DATELINE_WEB_HOSTS"


def app_from_environment() -> FastAPI:
    """The app for uvicorn worker processes (``dateline serve --workers N``): the store from
    DATELINE_DB, the accepted Host names (comma-separated) from DATELINE_WEB_HOSTS when set."""
    hosts = os.environ.get(HOSTS_ENV)
    return create_app(os.environ.get("DATELINE_DB") or settings.db_path,
                      allowed_hosts=hosts.split(",") if hosts else None)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {  # the search box keeps what was typed
        "status": status, "message": message, "json_url": None, "q": request.query_params.get("q", "")},
        status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()) if p not in ('query', 'path'))}: {err.get('msg')}"
            for err in exc.errors()
        )
        return _error(request, 422, f"Invalid request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = f"Nothing at {request.url.path}."
        return _error(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return _error(request, 500, f"Internal error: {type(exc).__name__}. See the server log.")

