"""The pages' navigation and filter forms, and the models of the views not in ``params``:
the cross-source views' filters and output, the alerts' filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, model_validator

from sitrep import records
from sitrep.store import queries
from sitrep.watch.config import ALERT_TYPES
from sitrep.web.params import DEFAULT_LIMIT, ChoiceParams, PageParams

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


_LIMIT = FormField("limit", "rows", "number", placeholder=str(DEFAULT_LIMIT))
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


class ReconcileFilters(ChoiceParams):
    quantity: str | None = None
    category: str | None = None
    source: str | None = Field(None, description="claimant")
    outlet: str | None = None
    doc: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None


class AlertFilters(PageParams):
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

