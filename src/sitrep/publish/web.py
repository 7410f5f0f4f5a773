"""`sitrep serve`: the situation record as web pages and a JSON API, served locally.

Every page has a JSON twin built from the same query (``/claims`` and ``/claims.json``
or ``/claims?format=json``; the API's ``/api/claims`` is that same function). The app
keeps no connection open between requests (see ``web_db``) so `sitrep run` can write the
file while it is served; while a run holds the file, every view answers 503 saying so.

    from sitrep.publish.web import create_app, serve
    serve("sitrep.duckdb")            # http://127.0.0.1:8750
"""

from __future__ import annotations

import ipaddress
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from pydantic import BaseModel, Field, ValidationError, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import records
from sitrep.publish import mapdata
from sitrep.publish import web_query as wq
from sitrep.publish.report import dashboard, script_json
from sitrep.publish.web_add import MAX_ARTICLE_BYTES, MAX_BODY_BYTES, Added, ArticleIn, NotStored, add_article, to_article
from sitrep.publish.web_db import RETRY_AFTER_S, Database, DatabaseBusy, DatabaseOutdated, DatabaseUnavailable
from sitrep.publish.web_html import SECURITY_HEADERS, STATIC, Span, doc_path, environment, highlight, page_url
from sitrep.publish.web_query import VIEWS
from sitrep.reconcile import ensure_reconciled, reconcile, stale_reason
from sitrep.records import IngestError
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow
from sitrep.store import Store, queries
from sitrep.watch.alerts import Alert, read_alerts
from sitrep.watch.config import ALERT_TYPES

# Views of the cross-source layer with a page of their own (readable like the report's);
# the others show their rows as a table.
RECONCILE_TEMPLATES = {"series": "series.html", "contradictions": "contradictions.html"}
# Files served under /static/map/: Sitrep's map script and style, and the map libraries
# read from their installed packages (publish.mapdata).
MAP_STATIC = {"sitrep_map.js": "application/javascript", "sitrep_map.css": "text/css"}

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8750
# Host names every server answers for. A request naming any other host is refused (reads
# too): a page of another site whose name an attacker points at 127.0.0.1 (DNS rebinding)
# carries that site's name in Host. More names: ``sitrep serve --allowed-host``.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Addresses that mean "every interface": no name of their own to allow.
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
# A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with a port.
_HOST_HEADER = re.compile(r"(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9._-]+))(?::\d{1,5})?")

NAV = [("/", "Overview"), ("/articles", "Articles"), ("/claims", "Claims"), ("/events", "Events"),
       ("/series", "Series"), ("/contradictions", "Contradictions"), ("/framing", "Framing"), ("/stories", "Stories"),
       ("/alerts", "Alerts"), ("/search", "Search"), ("/add", "Add"), ("/docs", "API")]


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    label: str
    kind: str = "text"  # input type
    options: tuple[str, ...] = ()
    placeholder: str = ""


_LIMIT = FormField("limit", "rows", "number", placeholder=str(wq.DEFAULT_LIMIT))
_DATES = (FormField("since", "from", "date"), FormField("until", "to", "date"))
CLAIM_FIELDS = (FormField("quantity", "quantity", options=records.QUANTITIES),
                FormField("category", "category", options=records.CATEGORIES),
                FormField("source", "claimed by", placeholder="e.g. United Nations"),
                FormField("source_kind", "claimant kind", options=records.SOURCE_KINDS),
                FormField("outlet", "outlet"), FormField("place", "place"),
                FormField("doc", "article id"), *_DATES, _LIMIT)
EVENT_FIELDS = (FormField("type", "type", options=records.EVENT_TYPES), FormField("place", "place"),
                FormField("country", "country"), FormField("source", "source"),
                FormField("outlet", "outlet"), FormField("doc", "article id"), *_DATES, _LIMIT)
ARTICLE_FIELDS = (FormField("outlet", "outlet"), FormField("doc", "article id"), *_DATES, _LIMIT)
SEARCH_FIELDS = (FormField("q", "words", "search", placeholder="e.g. Observatory"),
                 FormField("outlet", "outlet"), *_DATES, _LIMIT)
RECONCILE_FIELDS = (FormField("quantity", "quantity", options=records.QUANTITIES),
                    FormField("category", "category", options=records.CATEGORIES),
                    FormField("source", "claimed by"), FormField("outlet", "outlet"),
                    FormField("doc", "article id"), *_DATES, _LIMIT)


class ReconcileFilters(wq.ChoiceParams):
    quantity: str | None = None
    category: str | None = None
    source: str | None = Field(None, description="claimant")
    outlet: str | None = None
    doc: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None


class AlertFilters(wq.PageParams):
    rule: str | None = Field(None, description="any part of the rule's name, any case")
    kind: str | None = Field(None, description=", ".join(ALERT_TYPES))
    since: date | None = Field(None, description="raised on or after this date")

    @model_validator(mode="after")
    def _check_kind(self) -> AlertFilters:
        queries.check_choice("kind", self.kind, ALERT_TYPES)
        return self


ALERT_FIELDS = (FormField("kind", "kind", options=ALERT_TYPES), FormField("rule", "rule"),
                FormField("since", "from", "date"), _LIMIT)


class TablePage(BaseModel):
    name: str
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[dict[str, Any]]


class ReconcileOut(BaseModel):
    view: str
    title: str
    tables: list[TablePage]


def wants_json(request: Request) -> bool:
    path = request.url.path
    return (path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"
            or request.query_params.get("format") == "json")


def figure(c: ClaimRow) -> str:
    """'at least 1,600', '50,000', 'dozens (24-99)'."""
    if c.value is not None:
        number = f"{c.value:,}"
    elif c.low is not None and c.high is not None:
        number = f"{c.low:,}–{c.high:,}"
    else:
        number = "?"
    return f"{c.qualifier} {number}" if c.qualifier else number


def claim_spans(claims: list[ClaimRow]) -> list[Span]:
    return [Span(c.start, c.end, c.id, f"{c.quantity} · {c.category} · {c.source or 'no claimant'}")
            for c in claims]


def sentence_html(c: ClaimRow) -> Markup:
    at = c.start - c.sentence_start
    return highlight(c.sentence, [Span(at, at + (c.end - c.start), f"s-{c.id}", c.quantity)])


class App:
    """Routes and rendering for one database file."""

    def __init__(self, db_path: str | Path) -> None:
        self.db = Database(db_path)
        self.env = environment()
        self._boards: dict[Any, Any] = {}  # the overview's dashboard, per database version
        self._lock = threading.Lock()
        self._fresh_version: Any = None  # database version whose reconcile results were found up to date

    # -- the stored cross-source results -----------------------------------------------------

    def _ensure_fresh(self) -> None:
        """Before a view reads the stored cross-source results: when they are out of date (a
        database of an older version, rows written without the reconcile stage), bring them
        up to date through a short write, as `sitrep run` would. Checked once per version of
        the file; a dataset folder's results are kept per connection (``reconciled``)."""
        version = self.db.version()
        if version == self._fresh_version:
            return
        with self._lock:
            if version == self._fresh_version:
                return
            try:
                with self.db.read() as store:
                    reason = None if store.is_dataset else stale_reason(store)
            except DatabaseOutdated:
                reason = "older schema"
            if reason is not None:
                with self.db.write() as store:
                    reconcile(store)
            self._fresh_version = self.db.version()

    @contextmanager
    def reconciled(self) -> Iterator[Store]:
        """A read-only store whose reconcile results are up to date."""
        self._ensure_fresh()
        with self.db.read() as store:
            if store.is_dataset:
                ensure_reconciled(store)  # in the connection's own memory, once per connection
            yield store

    def dashboard(self, store: Store) -> tuple[Any, str | None, bytes]:
        """The overview's dashboard, its map as script JSON and as an API body: built once
        per version of the file (the map alone is a few MB of markers and basemap)."""
        version = self.db.version()
        with self._lock:
            found = self._boards.get(version)
        if found is None:
            board = dashboard(store)
            found = (board, script_json(board.map) if board.map else None,
                     JSONResponse(jsonable_encoder(board.map or {})).body)
            with self._lock:
                self._boards = {version: found}  # older versions are dropped
        return found

    # -- responses -----------------------------------------------------------

    def render(self, request: Request, template: str, title: str, *, status: int = 200,
               **context: Any) -> HTMLResponse:
        path = request.url.path.removesuffix(".json")
        params = {k: v for k, v in request.query_params.items() if k != "format"}
        twin = context.pop("twin", True)
        html = self.env.get_template(template).render(
            title=title, nav=NAV, active=path, path=path, params=params,
            twin=twin_url(path, params) if twin else None, db_name=self.db.path.name,
            figure=figure, sentence=sentence_html, **context)
        return HTMLResponse(html, status_code=status)

    def respond(self, request: Request, data: Any, template: str, title: str,
                **context: Any) -> Response:
        if wants_json(request):
            return JSONResponse(jsonable_encoder(data))
        return self.render(request, template, title, data=data, **context)

    def error(self, request: Request, status: int, message: str, details: list[str] | None = None,
              headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            body: dict[str, Any] = {"detail": message}
            if details:
                body["errors"] = details
            return JSONResponse(body, status_code=status, headers=headers)
        response = self.render(request, "error.html", f"Error {status}", status=status,
                               message=message, details=details or [], twin=False)
        response.headers.update(headers or {})
        return response

    # -- views ---------------------------------------------------------------

    def overview(self, request: Request) -> Response:
        if wants_json(request):
            with self.db.read() as store:
                return self.respond(request, wq.overview(store), "index.html", "Situation record")
        with self.reconciled() as store:
            data = wq.overview(store)
            board, map_json, _ = self.dashboard(store)
        return self.respond(request, data, "index.html", "Situation record", board=board, map_json=map_json)

    def map_json(self, request: Request) -> Response:
        """The map's payload (markers, control, basemap), as the overview draws it."""
        with self.reconciled() as store:
            _, _, body = self.dashboard(store)
        return Response(body, media_type="application/json")

    def api_index(self, request: Request, app: FastAPI) -> Response:
        """``/api``: every endpoint with its method, summary and parameters."""
        endpoints = []
        for path, methods in app.openapi().get("paths", {}).items():
            for method, op in methods.items():
                endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                                  "parameters": [p["name"] for p in op.get("parameters", [])]})
        return JSONResponse({"about": "Sitrep JSON API. Every page has a JSON twin (PAGE.json or ?format=json). "
                                      "Human-readable docs: /docs; OpenAPI: /openapi.json.",
                             "endpoints": endpoints})

    def claims(self, request: Request, f: Annotated[wq.ClaimFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = wq.claims(store, f)
        return self.respond(request, page, "claims.html", "Claims", fields=CLAIM_FIELDS)

    def events(self, request: Request, f: Annotated[wq.EventFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = wq.events(store, f)
        return self.respond(request, page, "events.html", "Events", fields=EVENT_FIELDS)

    def articles(self, request: Request, f: Annotated[wq.ArticleFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = wq.articles(store, f)
        return self.respond(request, page, "articles.html", "Articles", fields=ARTICLE_FIELDS)

    def article(self, request: Request, doc: str) -> Response:
        with self.db.read() as store:
            detail = wq.article(store, doc)
        if detail is None:
            return self.error(request, 404, f"no article with id {doc!r}")
        text = highlight(detail.article.text or "", claim_spans(detail.claims))
        title = detail.article.title or detail.article.id
        return self.respond(request, detail, "article.html", title, text_html=text)

    def alerts(self, request: Request, f: Annotated[AlertFilters, Query()]) -> Response:
        """Alerts raised by `sitrep watch`, newest first, with the sentences they rest on."""
        with self.db.read() as store:
            found, total = read_alerts(store, rule=f.rule, kind=f.kind, since=f.since,
                                       limit=f.limit, offset=f.offset)
        return self.respond(request, wq.Page.of(found, total, f), "alerts.html", "Alerts", fields=ALERT_FIELDS)

    def search(self, request: Request, p: Annotated[wq.SearchParams, Query()]) -> Response:
        if not p.q and request.url.path.startswith("/api/"):
            return self.error(request, 422, "q is required: the words or phrase to find")
        with self.db.read() as store:
            page, note = wq.search_noted(store, p)
        return self.respond(request, page, "search.html", "Search", fields=SEARCH_FIELDS, note=note)

    def reconcile_view(self, name: str) -> Callable[..., Response]:
        def endpoint(request: Request, f: Annotated[ReconcileFilters, Query()]) -> Response:
            view = VIEWS[name]
            wanted = f.model_dump(exclude={"limit", "offset"})
            with self.reconciled() as store:  # the stored results: read, never computed here
                tables = wq.view_tables(store, name, wanted, f.limit, f.offset)
            out = ReconcileOut(view=name, title=view.title, tables=[])
            for table in tables:
                end = f.offset + len(table.items)
                out.tables.append(TablePage(name=table.name, total=table.total, limit=f.limit,
                                            offset=f.offset, next_offset=end if end < table.total else None,
                                            items=table.items))
            template = RECONCILE_TEMPLATES.get(name, "reconcile.html")
            return self.respond(request, out, template, view.title, fields=RECONCILE_FIELDS)

        endpoint.__name__ = f"{name}_view"
        return endpoint

    # -- adding articles -------------------------------------------------------

    def add_json(self, item: ArticleIn) -> JSONResponse:
        added = self._add(item)
        return JSONResponse(added.model_dump(), status_code=201 if added.written else 200)

    def _add(self, item: ArticleIn) -> Added:
        article = to_article(item)
        if isinstance(article, IngestError):
            raise HTTPException(422, article.reason)
        try:
            return add_article(self.db, article)
        except NotStored as exc:
            raise HTTPException(422, f"not stored: {exc}") from exc

    def add_form(self, request: Request) -> Response:
        return self.render(request, "add.html", "Add an article", form={}, error=None,
                           max_kb=MAX_ARTICLE_BYTES // 1024, twin=False)

    async def add_post(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        try:
            item = ArticleIn.model_validate({k: form.get(k) for k in ArticleIn.model_fields})
        except ValidationError as exc:
            return self._form_error(request, form, "; ".join(_reasons(exc.errors())))
        try:
            added = await run_in_threadpool(self._add, item)
        except HTTPException as exc:
            return self._form_error(request, form, str(exc.detail))
        return RedirectResponse(doc_path(added.id), status_code=303)

    def _form_error(self, request: Request, form: dict[str, str], reason: str) -> Response:
        return self.render(request, "add.html", "Add an article", status=422, form=form,
                           error=reason, max_kb=MAX_ARTICLE_BYTES // 1024, twin=False)

    # -- docs --------------------------------------------------------------------

    def docs(self, request: Request, app: FastAPI) -> Response:
        endpoints = []
        for path, methods in app.openapi().get("paths", {}).items():
            for method, op in methods.items():
                params = [{"name": p["name"], "required": p.get("required", False),
                           "type": _schema_type(p.get("schema", {})),
                           "about": p.get("description") or p.get("schema", {}).get("description", "")}
                          for p in op.get("parameters", [])]
                if "requestBody" in op:
                    params.append({"name": "(JSON body)", "required": True, "type": "object",
                                   "about": "text or html, id, url, outlet, title, published"})
                endpoints.append({"method": method.upper(), "path": path,
                                  "summary": op.get("summary", ""), "description": op.get("description", ""),
                                  "params": params})
        return self.render(request, "docs.html", "API", endpoints=endpoints,
                           max_limit=wq.MAX_LIMIT, twin=False)


def twin_url(path: str, params: dict[str, Any]) -> str:
    """The JSON twin of a page: ``/claims.json``, ``/index.json``, ``/articles/ID?format=json``."""
    if path.startswith("/articles/"):
        return page_url(path, {**params, "format": "json"})
    return page_url("/index.json" if path == "/" else f"{path}.json", params)


def _schema_type(schema: dict[str, Any]) -> str:
    if "type" in schema:
        return str(schema["type"])
    options = [s.get("type", s.get("format", "?")) for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return " | ".join(str(o) for o in options) or "any"


def _reasons(errors: Any) -> list[str]:
    out = []
    for e in errors:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body"))
        out.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return out


def allowed_hosts(host: str = DEFAULT_HOST, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a server listening on ``host`` answers for: loopback names, ``host``
    itself when it is one address or name, and ``extra`` (``--allowed-host``)."""
    names = {*LOOPBACK_HOSTS, *(h.strip().strip("[]").lower() for h in extra if h.strip())}
    if host.strip("[]") not in WILDCARD_HOSTS:
        names.add(host.strip("[]").lower())
    return frozenset(names)


def host_name(header: str | None) -> str | None:
    """The host name of a Host header ("localhost:8750" -> "localhost"), or None when it
    is not one."""
    m = _HOST_HEADER.fullmatch(header or "")
    if not m:
        return None
    return (m.group("v6") or m.group("name")).lower().rstrip(".")


def _same_origin(request: Request) -> bool:
    """A browser's cross-site POST carries an Origin that is not this host: refuse it."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def create_app(db_path: str | Path, hosts: Iterable[str] | None = None) -> FastAPI:
    """The web app over the DuckDB file at ``db_path`` (opened read-only per request),
    answering requests for the host names ``hosts`` (default: the loopback names)."""
    site = App(db_path)
    served = frozenset(h.lower() for h in hosts) if hosts is not None else allowed_hosts()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        site.db.release()  # let go of the file when the server stops

    app = FastAPI(title="Sitrep", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The situation record as JSON; every page has a JSON twin.")
    app.state.site = site

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[..., Any]) -> Response:
        if host_name(request.headers.get("host")) not in served:
            response: Response = site.error(
                request, 400, "this server does not answer for that host name; "
                "start it with `sitrep serve --allowed-host NAME` to add one")
        elif request.method == "POST":
            size = request.headers.get("content-length")
            if size is None or not size.isdigit():
                response = site.error(request, 411, "send a Content-Length")
            elif int(size) > MAX_BODY_BYTES:
                response = site.error(request, 413, f"request too large: over {MAX_BODY_BYTES} bytes")
            elif not _same_origin(request):
                response = site.error(request, 403, "cross-origin posts are refused")
            else:
                response = await call_next(request)
        else:
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
        return site.error(request, 422, "invalid request", _reasons(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return site.error(request, exc.status_code, str(exc.detail))

    def twins(path: str, endpoint: Callable[..., Response], api: str, model: Any, summary: str,
              description: str | None = None) -> None:
        json_path = "/index.json" if path == "/" else f"{path}.json"
        app.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False)
        app.add_api_route(json_path, endpoint, methods=["GET"], include_in_schema=False)
        app.add_api_route(api, endpoint, methods=["GET"], response_model=model, summary=summary,
                          description=description)

    twins("/", site.overview, "/api/overview", None, "Counts, date range and outlets")
    twins("/articles", site.articles, "/api/articles", wq.Page[wq.schema_model(ArticleRow)], "Articles (no text)")
    twins("/claims", site.claims, "/api/claims", wq.Page[wq.schema_model(ClaimRow)], "Claims with claimant, outlet, sentence")
    twins("/events", site.events, "/api/events", wq.Page[wq.schema_model(EventRow)], "Events with place, actors, date")
    twins("/alerts", site.alerts, "/api/alerts", wq.Page[wq.schema_model(Alert)],
          "Alerts raised by sitrep watch, with their sentences")
    twins("/search", site.search, "/api/search", wq.Page[wq.schema_model(wq.SearchHit)],
          wq.SEARCH_SUMMARY, wq.SEARCH_DESCRIPTION)
    for name in VIEWS:
        twins(f"/{name}", site.reconcile_view(name), f"/api/{name}", ReconcileOut, VIEWS[name].title)
    app.add_api_route("/api/articles/{doc:path}", site.article, methods=["GET"],
                      response_model=wq.schema_model(wq.ArticleDetail), summary="One article: text, claims, events, places")
    app.add_api_route("/articles/{doc:path}", site.article, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/articles", site.add_json, methods=["POST"], response_model=Added,
                      status_code=201, summary="Add an article (same pipeline as sitrep run)")
    app.add_api_route("/add", site.add_form, methods=["GET"], include_in_schema=False)
    app.add_api_route("/add", site.add_post, methods=["POST"], include_in_schema=False)

    def docs(request: Request) -> Response:
        return site.docs(request, app)

    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)

    def api_index(request: Request) -> Response:
        return site.api_index(request, app)

    app.add_api_route("/api", api_index, methods=["GET"], summary="This index of endpoints")
    app.add_api_route("/api/", api_index, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/map", site.map_json, methods=["GET"],
                      summary="The overview map: event markers with sentence and claimant, control, basemap")

    def map_static(name: str) -> Response:
        if name in MAP_STATIC:
            from importlib import resources

            text = (resources.files("sitrep.publish") / "static" / name).read_text(encoding="utf-8")
            return Response(text, media_type=MAP_STATIC[name])
        text = mapdata.vendor_file(name)
        if text is None:
            raise HTTPException(404, f"no map file {name!r}")
        return Response(text, media_type="text/css" if name.endswith(".css") else "application/javascript")

    app.add_api_route("/static/map/{name}", map_static, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")  # after /static/map/
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          extra_hosts: Iterable[str] = ()) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path, allowed_hosts(host, extra_hosts)), host=host, port=port, log_level="info")


def serve_command(db: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                  extra_hosts: Iterable[str] = ()) -> int:
    """What `sitrep serve` does: check the file, warn about non-local hosts, serve.

    Returns the exit status (2 when there is no database)."""
    import sys

    if not Path(db).exists():
        print(f"error: no database at {db}; create one with `sitrep run PATH --db {db}`", file=sys.stderr)
        return 2
    if not _is_loopback(host):
        print(f"warning: serving on {host} lets other machines read the record and add articles",
              file=sys.stderr)
    print(f"Serving {db} on http://{host}:{port}/ (Ctrl-C to stop); answering for "
          f"{', '.join(sorted(allowed_hosts(host, extra_hosts)))}", file=sys.stderr)
    serve(db, host=host, port=port, extra_hosts=extra_hosts)
    return 0
