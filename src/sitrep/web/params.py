"""What the app's pages take and give: query parameters checked by pydantic (a 422 names what
is wrong), and the page of rows every list answers with, as its OpenAPI schema describes it.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from typing import Any, Generic, TypeVar, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from sitrep.records import CATEGORIES, EVENT_TYPES, QUANTITIES, SOURCE_KINDS
from sitrep.records.rows import exported
from sitrep.store import queries

# Rows per page unless asked; the most one request may ask for (a page of 500 claims is
# about 0.5 MB of JSON and renders in a browser without stalling).
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Rows a page may skip: more than any database holds (a billion claims), and far inside
# the 64-bit integers DuckDB takes (an offset of 2**63 would be a server error, not a 422).
MAX_OFFSET = 1_000_000_000
# Longest search phrase accepted; longer is a paste of a paragraph, not a search.
MAX_QUERY_CHARS = 200

T = TypeVar("T")


class PageParams(BaseModel):
    """Pagination shared by every list. Blank form fields count as not given."""

    model_config = ConfigDict(extra="ignore")

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"rows per page (max {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"rows to skip (max {MAX_OFFSET:,})")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any, info: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[info.field_name].default
        return value.strip() if isinstance(value, str) else value


# Enumerated filters and their vocabularies: any other value is a 422 naming the valid ones.
CHOICES: dict[str, tuple[str, ...]] = {
    "quantity": QUANTITIES, "category": CATEGORIES, "source_kind": SOURCE_KINDS, "type": EVENT_TYPES,
}


class ChoiceParams(PageParams):
    """Checks its enumerated fields (``CHOICES``) against their vocabularies."""

    @model_validator(mode="after")
    def _check_choices(self) -> ChoiceParams:
        for name, valid in CHOICES.items():
            if name in type(self).model_fields:
                queries.check_choice(name, getattr(self, name), valid)
        return self


class ClaimFilters(ChoiceParams):
    doc: str | None = Field(None, description="article id")
    quantity: str | None = Field(None, description=", ".join(QUANTITIES))
    category: str | None = Field(None, description=", ".join(CATEGORIES))
    source: str | None = Field(None, description="claimant: any part of its name or of the text as written, any case")
    source_kind: str | None = Field(None, description=", ".join(SOURCE_KINDS))
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    place: str | None = Field(None, description="any part of the place the figure is about, any case")
    since: date | None = Field(None, description="as-of (else publication) date, from")
    until: date | None = Field(None, description="as-of (else publication) date, to")


class EventFilters(ChoiceParams):
    doc: str | None = None
    type: str | None = Field(None, description=", ".join(EVENT_TYPES))
    place: str | None = Field(None, description="any part of the gazetteer name or the place as written, any case")
    country: str | None = None
    source: str | None = Field(None, description="any part of the claimant's name, any case")
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    since: date | None = Field(None, description="event date, from")
    until: date | None = Field(None, description="event date, to")


class ArticleFilters(PageParams):
    doc: str | None = None
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    since: date | None = Field(None, description="publication date, from")
    until: date | None = Field(None, description="publication date, to")


class SearchParams(PageParams):
    q: str | None = Field(None, max_length=MAX_QUERY_CHARS,
                          description="words, found as a phrase: any case, punctuation ignored, whole words")
    outlet: str | None = None
    since: date | None = None
    until: date | None = None


class Page(BaseModel, Generic[T]):
    """A page of rows with the total across all pages and where the next page starts."""

    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[T]

    @classmethod
    def of(cls, items: list[Any], total: int, params: PageParams) -> Page[Any]:
        end = params.offset + len(items)
        return cls(total=total, limit=params.limit, offset=params.offset,
                   next_offset=end if end < total else None, items=items)


def schema_model(cls: type) -> type[BaseModel]:
    """A pydantic model mirroring a row dataclass, for the OpenAPI description only.

    Pydantic cannot read some row dataclasses directly: ``EventRow`` has a field named
    ``date`` that shadows the type in its own annotations, so hints are resolved against
    the module alone."""
    if cls in _SCHEMAS:
        return _SCHEMAS[cls]
    hints = get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns={})
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not exported(f):
            continue  # read for the reconcile stage only
        hint = hints[f.name]
        args = get_args(hint)
        if get_origin(hint) is list and args and dataclasses.is_dataclass(args[0]):
            hint = list[schema_model(args[0])]  # type: ignore[misc]
        elif dataclasses.is_dataclass(hint):
            hint = schema_model(hint)  # type: ignore[arg-type]
        fields[f.name] = (hint, ...)
    _SCHEMAS[cls] = create_model(cls.__name__, **fields)
    return _SCHEMAS[cls]


_SCHEMAS: dict[type, type[BaseModel]] = {}
