"""Title, outlet and publication date of an article, and which rule found each.

Precedence (DESIGN.md, export contract): per-record metadata (JSONL fields,
HTML meta tags, the URL's domain) > for the outlet, the user's ``--outlet``
option > markers in the text; for the date, metadata > a dateline in the text
> the ``--published`` option. Nothing is ever filled in with today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sitrep.ingest.dateline import DATE_RE, find_dateline, match_date, parse_date
from sitrep.ingest.outlets import canonical_outlet, masthead, outlet_from_lines, outlet_from_url

# A first paragraph longer than this is body text, not a headline.
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200

_HEADLINE_END_OK = re.compile(r"(?:[^.,;:!]|\?|\.\.\.|…)$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass(slots=True, frozen=True)
class SourceMeta:
    """What the input itself says about an article (JSONL fields, HTML metadata)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(slots=True, frozen=True)
class Resolved:
    """The chosen title, outlet and date, with the rule that chose each."""

    title: str | None
    outlet: str | None
    outlet_rule: str | None
    published: date | None
    date_rule: str | None


def parse_date_value(value: object) -> date | None:
    """A publication date given as metadata: ISO date or datetime, or a written date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _ISO_DATETIME.match(text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return parse_date(text)


def guess_title(text: str) -> str | None:
    """The first paragraph of cleaned text when it reads like a headline:
    short, and not ending like a sentence."""
    first = text.split("\n\n", 1)[0].strip()
    if not first or len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    return first if _HEADLINE_END_OK.search(first) else None


def resolve(lines: list[str], text: str, meta: SourceMeta, *,
            outlet_option: str | None = None, published_option: date | None = None) -> Resolved:
    """Combine metadata, options and text markers (see module docstring)."""
    title = " ".join(meta.title.split()) if meta.title and meta.title.strip() else guess_title(text)

    outlet: str | None = None
    outlet_rule: str | None = None
    if meta.outlet and meta.outlet.strip():
        outlet, outlet_rule = canonical_outlet(meta.outlet), "metadata"
    elif (from_url := outlet_from_url(meta.url)) is not None:
        outlet, outlet_rule = from_url, "metadata"
    elif outlet_option and outlet_option.strip():
        outlet, outlet_rule = canonical_outlet(outlet_option), "option"
    elif (from_text := outlet_from_lines(lines)) is not None:
        outlet, outlet_rule = from_text, "text"
    elif (from_masthead := masthead(lines)) is not None:
        outlet, outlet_rule = from_masthead, "text-masthead"

    published: date | None = None
    date_rule: str | None = None
    if meta.published is not None:
        published, date_rule = meta.published, "metadata"
    elif (from_dateline := find_dateline(lines)) is not None:
        published, date_rule = from_dateline, "text"
    elif published_option is not None:
        published, date_rule = published_option, "option"
    elif (inferred := latest_date_in(text)) is not None:
        # no dateline: the latest full date the article mentions, marked as inferred, so
        # the article still joins the cross-source layer (an article is not older than
        # the dates it reports)
        published, date_rule = inferred, "inferred"
    return Resolved(title, outlet, outlet_rule, published, date_rule)


def latest_date_in(text: str) -> date | None:
    """The latest full date (day, month and year) written anywhere in ``text``."""
    found = [d for m in DATE_RE.finditer(text) if (d := match_date(m)) is not None]
    return max(found) if found else None
