"""The app's views over one database file: each reads through the store and renders a page,
or its JSON twin, from the same data (see ``sitrep.web.app`` for the routes)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from sitrep.publish.report import dashboard, script_json
from sitrep.backfill import ensure_reconciled, reconcile_store as reconcile
from sitrep.reconcile import stale_reason
from sitrep.store import Store
from sitrep.records.rows import ClaimRow
from sitrep.watch.alert_rows import read_alerts
from sitrep.web import pages
from sitrep.web.add import MAX_ARTICLE_BYTES, Added, ArticleIn, NotStored, add_article
from sitrep.web.crosssource import VIEWS, view_tables
from sitrep.web.db import Database, DatabaseBusy, DatabaseOutdated, DatabaseUnavailable
from sitrep.web.forms import (
    ALERT_FIELDS, ARTICLE_FIELDS, CLAIM_FIELDS, EVENT_FIELDS, NAV, RECONCILE_FIELDS, SEARCH_FIELDS,
    AlertFilters, ReconcileFilters, ReconcileOut, TablePage,
)
from sitrep.web.html import Span, doc_path, environment, highlight, page_url
from sitrep.web.params import MAX_LIMIT, ArticleFilters, ClaimFilters, EventFilters, Page, SearchParams

# Views of the cross-source layer with a page of their own (readable like the report's);
# the others show their rows as a table.
RECONCILE_TEMPLATES = {"series": "series.html", "contradictions": "contradictions.html"}


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

    def warm(self) -> None:
        """Do before the first request what the slowest first requests would wait for: bring
        the stored cross-source results up to date, build the overview's map (seconds on
        100,000 events) and open the search index, caught up. A file that cannot be read now
        is left to the requests, which say why; the file is let go of afterwards."""
        try:
            with self.reconciled() as store:
                self.dashboard(store)
                store.search_index()
        except (DatabaseBusy, DatabaseUnavailable):
            return
        finally:
            self.db.release()

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
                return self.respond(request, pages.overview(store), "index.html", "Situation record")
        with self.reconciled() as store:
            data = pages.overview(store)
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

    def claims(self, request: Request, f: Annotated[ClaimFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = pages.claims(store, f)
        return self.respond(request, page, "claims.html", "Claims", fields=CLAIM_FIELDS)

    def events(self, request: Request, f: Annotated[EventFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = pages.events(store, f)
        return self.respond(request, page, "events.html", "Events", fields=EVENT_FIELDS)

    def articles(self, request: Request, f: Annotated[ArticleFilters, Query()]) -> Response:
        with self.db.read() as store:
            page = pages.articles(store, f)
        return self.respond(request, page, "articles.html", "Articles", fields=ARTICLE_FIELDS)

    def article(self, request: Request, doc: str) -> Response:
        with self.db.read() as store:
            detail = pages.article(store, doc)
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
        return self.respond(request, Page.of(found, total, f), "alerts.html", "Alerts", fields=ALERT_FIELDS)

    def search(self, request: Request, p: Annotated[SearchParams, Query()]) -> Response:
        if not p.q and request.url.path.startswith("/api/"):
            return self.error(request, 422, "q is required: the words or phrase to find")
        with self.db.read() as store:
            page, note = pages.search_noted(store, p)
        return self.respond(request, page, "search.html", "Search", fields=SEARCH_FIELDS, note=note)

    def reconcile_view(self, name: str) -> Callable[..., Response]:
        def endpoint(request: Request, f: Annotated[ReconcileFilters, Query()]) -> Response:
            view = VIEWS[name]
            wanted = f.model_dump(exclude={"limit", "offset"})
            with self.reconciled() as store:  # the stored results: read, never computed here
                tables = view_tables(store, name, wanted, f.limit, f.offset)
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
        try:
            added = add_article(self.db, item)
        except NotStored as exc:
            raise HTTPException(422, str(exc)) from exc
        self.warm()  # the new version's map, built now rather than by the next reader
        return added

    def add_form(self, request: Request) -> Response:
        return self.render(request, "add.html", "Add an article", form={}, error=None,
                           max_kb=MAX_ARTICLE_BYTES // 1024, twin=False)

    async def add_post(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        try:
            item = ArticleIn.model_validate({k: form.get(k) for k in ArticleIn.model_fields})
        except ValidationError as exc:
            return self._form_error(request, form, "; ".join(reasons(exc.errors())))
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
                           max_limit=MAX_LIMIT, twin=False)


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


def reasons(errors: Any) -> list[str]:
    out = []
    for e in errors:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body"))
        out.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return out
