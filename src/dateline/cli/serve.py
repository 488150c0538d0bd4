"""`dateline serve`: the web UI and REST API over a store, read-only."""

from __future__ import annotations

import ipaddress
import os

import click

from ..config import settings
from ..errors import DatelineError


def allowed_hosts(host: str) -> list[str] | None:
    """Host header names a loopback-bound server accepts (a guard against DNS rebinding); None: any."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return None
    return sorted({"localhost", "127.0.0.1", "[::1]", f"[{host}]" if ":" in host else host})


# How long an idle keep-alive connection stays open. uvicorn's 5 s default closes connections that a
# busy client is about to reuse, and the client sees a reset; browsers and pools keep them longer.
KEEP_ALIVE_SECONDS = 30


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Keep the default unless you mean to share the store on a network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--db", "db_path", default=None, type=click.Path(dir_okay=False),
              help="The store (default: DATELINE_DB or ./dateline.db). Opened read-only.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; more use more cores (each opens the store read-only).")
def serve_cmd(host: str, port: int, db_path: str | None, workers: int) -> None:
    """Browse and query a store: search, articles with their facts, entities, dyad timelines.

    Every page has a JSON twin under /api/; the API is described at /docs and /openapi.json.

    \b
    Example:
        dateline ingest examples/ --db news.db
        dateline serve --db news.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from ..store import open_store
    from ..web.app import HOSTS_ENV, create_app
    from ..web.server import server_options

    path = db_path or os.environ.get("DATELINE_DB") or settings.db_path
    try:
        open_store(path, readonly=True).close()  # fail now, with the store's message, not on first request
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    hosts = allowed_hosts(host)
    click.echo(f"dateline: serving {path} (read-only) at http://{host}:{port}/", err=True)
    if workers == 1:
        uvicorn.run(create_app(path, allowed_hosts=hosts), host=host, port=port, log_level="warning",
                    timeout_keep_alive=KEEP_ALIVE_SECONDS, **server_options())
        return
    os.environ["DATELINE_DB"] = str(path)  # the worker processes build the app from the environment
    if hosts is not None:
        os.environ[HOSTS_ENV] = ",".join(hosts)
    uvicorn.run("dateline.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS, **server_options())
