"""Safe HTML for untrusted article text: escaped highlights, http(s)-only links, headers.

Article text, titles, outlets and URLs come from the articles themselves (scraped pages,
wire copy), so nothing of theirs reaches a page unescaped: templates autoescape, the
highlight escapes every segment before wrapping figures in ``<mark>``, and a URL becomes a
link only when it is http(s).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
SAFE_SCHEMES = frozenset({"http", "https"})

# No inline script or style, nothing from another origin; forms post to this app only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None (shown as text)."""
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return text


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    anchor: str  # element id, e.g. the claim id
    label: str  # tooltip


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in ``<mark>``. Of overlapping spans the
    one starting first (then the longer) is kept; spans outside the text are ignored."""
    out: list[str] = []
    at = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < at or span.end > len(text) or span.start >= span.end:
            continue
        out.append(str(escape(text[at:span.start])))
        out.append(f'<mark id="{escape("m-" + span.anchor)}" title="{escape(span.label)}">'
                   f"{escape(text[span.start:span.end])}</mark>")
        at = span.end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def json_text(value: Any) -> str:
    """JSON for showing inside a page (escaped by the template like any text)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def page_url(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """``path`` with the given query params, changed; empty values left out."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def doc_path(doc: str) -> str:
    return "/articles/" + quote(doc, safe="")


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, json_text=json_text, doc_path=doc_path)
    env.globals.update(page_url=page_url)
    return env
