"""`sitrep serve`'s app: the situation record as web pages and a JSON API, served locally.

Every page has a JSON twin built from the same query (``/claims`` and ``/claims.json``
or ``/claims?format=json``; the API's ``/api/claims`` is that same function). The app
keeps no connection open between requests (see ``web.db``) so `sitrep run` can write the
file while it is served; while a run holds the file, every view answers 503 saying so.

    from sitrep.web.app import create_app
    from sitrep.web.serve import serve
    serve("sitrep.duckdb")            # http://127.0.0.1:8750
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.publish import mapdata
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow
from sitrep.watch.alerts import Alert
from sitrep.web import pages
from sitrep.web.add import MAX_BODY_BYTES, Added
from sitrep.web.crosssource import VIEWS
from sitrep.web.db import RETRY_AFTER_S, DatabaseBusy, DatabaseUnavailable
from sitrep.web.forms import ReconcileOut
from sitrep.web.hosts import allowed_hosts, host_name, same_origin
from sitrep.web.html import SECURITY_HEADERS, STATIC
from sitrep.web.params import Page, schema_model
from sitrep.web.site import App, reasons

# Files served under /static/map/: Sitrep's map script and style (shared with the report),
# and the map libraries read from their installed packages (publish.mapdata).
MAP_STATIC = {"sitrep_map.js": "application/javascript", "sitrep_map.css": "text/css"}


def create_app(db_path: str | Path, hosts: Iterable[str] | None = None) -> FastAPI:
    """The web app over the DuckDB file at ``db_path`` (opened read-only per request),
    answering requests for the host names ``hosts`` (default: the loopback names).

    Before it answers its first request, the app does what its slowest first requests
    would otherwise wait for (``App.warm``: the overview's map, the search index caught up;
    the API's description)."""
    site = App(db_path)
    served = frozenset(h.lower() for h in hosts) if hosts is not None else allowed_hosts()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(site.warm)
        app.openapi()  # built once, for /api and /docs
        yield
        site.db.release()  # let go of the file when the server stops

    app = FastAPI(title="Sitrep", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The situation record as JSON; every page has a JSON twin.")
    app.state.site = site
    _add_guards(app, site, served)
    _add_views(app, site)
    _add_other_routes(app, site)
    return app


def _refusal(request: Request, site: App, served: frozenset[str]) -> Response | None:
    """The error answering a request refused before any view, or None to serve it."""
    if host_name(request.headers.get("host")) not in served:
        return site.error(request, 400, "this server does not answer for that host name; "
                          "start it with `sitrep serve --allowed-host NAME` to add one")
    if request.method != "POST":
        return None
    size = request.headers.get("content-length")
    if size is None or not size.isdigit():
        return site.error(request, 411, "send a Content-Length")
    if int(size) > MAX_BODY_BYTES:
        return site.error(request, 413, f"request too large: over {MAX_BODY_BYTES} bytes")
    if not same_origin(request):
        return site.error(request, 403, "cross-origin posts are refused")
    return None


def _add_guards(app: FastAPI, site: App, served: frozenset[str]) -> None:
    """The host and POST checks on every request, security headers on every response, and
    errors answered as pages or JSON."""

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[..., Any]) -> Response:
        response = _refusal(request, site, served)
        if response is None:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy) -> Response:
        return site.error(request, 503, exc.detail, headers={"Retry-After": str(RETRY_AFTER_S)})

    @app.exception_handler(DatabaseUnavailable)
    async def unavailable(request: Request, exc: DatabaseUnavailable) -> Response:
        return site.error(request, 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return site.error(request, 422, "invalid request", reasons(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return site.error(request, exc.status_code, str(exc.detail))


def _add_views(app: FastAPI, site: App) -> None:
    """Every page with its JSON twins (``PAGE.json``, ``/api/PAGE``)."""

    def twins(path: str, endpoint: Callable[..., Response], api: str, model: Any, summary: str,
              description: str | None = None) -> None:
        json_path = "/index.json" if path == "/" else f"{path}.json"
        app.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False)
        app.add_api_route(json_path, endpoint, methods=["GET"], include_in_schema=False)
        app.add_api_route(api, endpoint, methods=["GET"], response_model=model, summary=summary,
                          description=description)

    twins("/", site.overview, "/api/overview", None, "Counts, date range and outlets")
    twins("/articles", site.articles, "/api/articles", Page[schema_model(ArticleRow)], "Articles (no text)")
    twins("/claims", site.claims, "/api/claims", Page[schema_model(ClaimRow)], "Claims with claimant, outlet, sentence")
    twins("/events", site.events, "/api/events", Page[schema_model(EventRow)], "Events with place, actors, date")
    twins("/alerts", site.alerts, "/api/alerts", Page[schema_model(Alert)],
          "Alerts raised by sitrep watch, with their sentences")
    twins("/search", site.search, "/api/search", Page[schema_model(pages.SearchHit)],
          pages.SEARCH_SUMMARY, pages.SEARCH_DESCRIPTION)
    for name in VIEWS:
        twins(f"/{name}", site.reconcile_view(name), f"/api/{name}", ReconcileOut, VIEWS[name].title)
    app.add_api_route("/api/articles/{doc:path}", site.article, methods=["GET"],
                      response_model=schema_model(pages.ArticleDetail),
                      summary="One article: text, claims, events, places")
    app.add_api_route("/articles/{doc:path}", site.article, methods=["GET"], include_in_schema=False)


def _add_other_routes(app: FastAPI, site: App) -> None:
    """Adding articles, the API's index and docs, the map and the static files."""
    app.add_api_route("/api/articles", site.add_json, methods=["POST"], response_model=Added,
                      status_code=201, summary="Add an article (same pipeline as sitrep run)")
    app.add_api_route("/add", site.add_form, methods=["GET"], include_in_schema=False)
    app.add_api_route("/add", site.add_post, methods=["POST"], include_in_schema=False)

    def docs(request: Request) -> Response:
        return site.docs(request, app)

    def api_index(request: Request) -> Response:
        return site.api_index(request, app)

    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api", api_index, methods=["GET"], summary="This index of endpoints")
    app.add_api_route("/api/", api_index, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/map", site.map_json, methods=["GET"],
                      summary="The overview map: event markers with sentence and claimant, control, basemap")
    app.add_api_route("/static/map/{name}", map_static, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")  # after /static/map/


def map_static(name: str) -> Response:
    """A file of the overview's map: Sitrep's own (shared with the report) or a library's."""
    if name in MAP_STATIC:
        text = (resources.files("sitrep.publish") / "static" / name).read_text(encoding="utf-8")
        return Response(text, media_type=MAP_STATIC[name])
    text = mapdata.vendor_file(name)
    if text is None:
        raise HTTPException(404, f"no map file {name!r}")
    return Response(text, media_type="text/css" if name.endswith(".css") else "application/javascript")
