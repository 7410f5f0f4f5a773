"""Alerts: what changed in the stored record, by the rules of the watch config.

Alerts are computed from the record, never from raw text (DESIGN.md): the figure series,
territory events and contradictions of ``sitrep.reconcile``. Each pass looks at the articles
the rules have not seen yet (``new_docs``: stored since the last pass, by the watch or by
`sitrep run`) against everything stored before them:

- ``figure``: a claimant's series (quantity, category, scope; current era; attributed
  figures only) gets a new point, after every point known before, that is at least
  ``rise_percent`` above the point before it, or that reaches a ``crosses`` threshold the
  point before it was below (a claimant's first figure counts as crossing from nothing).
  A point is new when every article reporting it is new: another outlet repeating a
  known figure changes nothing.
- ``control``: a new territory change at a place, after every earlier-known one there,
  whose winner is not the side last reported to have taken it (or the first report of who
  took it); and (``contradictions``) a new control contradiction.
- ``contradiction``: a new contradiction (one of whose sides is reported only by new
  articles) of one of ``kinds``.
- ``new_claimant``: a claimant (optionally of ``kinds``) whose figures all come from new
  articles.

Alert ids are content-derived (rule, kind and the claim/event ids involved), so computing
the alerts of a pass again (after a stop, a crash) finds the same ids and none is recorded
or sent twice. Every alert says what changed, from what to what, and carries the sentences
(with article, outlet, URL and a link into `sitrep serve`) it rests on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from sitrep.records import content_id
from sitrep.records.rows import EventRow
from sitrep.store import Store
from sitrep.watch.config import AlertRule

# Sentences shown per alert at most (a new claimant's first figures).
MAX_EVIDENCE = 3
# Longest one-line field kept in an email subject (RFC 5322 recommends 78-character lines).
SUBJECT_CHARS = 150


@dataclass(slots=True)
class Evidence:
    """A sentence an alert rests on, and where it is."""

    doc: str
    outlet: str | None
    url: str | None
    date: date | None
    source: str | None
    sentence: str
    ref: str  # the claim or event id
    link: str  # path in `sitrep serve`: /articles/DOC#m-CLAIM

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


@dataclass(slots=True)
class Alert:
    id: str
    rule: str
    kind: str  # figure | control | contradiction | new_claimant
    subject: str  # what it is about: "people killed · Syrian Observatory for Human Rights"
    summary: str  # one sentence: what changed, from what to what
    before: str | None  # the earlier state ("602 (2024-12-03)"); None when there was none
    after: str  # the new state
    evidence: list[Evidence] = field(default_factory=list)
    created_at: datetime | None = None
    deliveries: dict[str, str] = field(default_factory=dict)  # channel -> sent | pending | failed: why

    def as_dict(self) -> dict[str, Any]:
        """The alert as JSON-ready data (JSONL file, webhook body, `sitrep alerts --json`)."""
        return {
            "id": self.id, "rule": self.rule, "kind": self.kind, "subject": self.subject,
            "summary": self.summary, "before": self.before, "after": self.after,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z" if self.created_at else None,
            "evidence": [e.as_dict() for e in self.evidence],
        }


# -- showing untrusted text -----------------------------------------------------------------

# Bidirectional overrides and isolates can make a line read otherwise than it is written.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACES = re.compile(r"[ \t]+")


def plain(text: object, *, one_line: bool = True) -> str:
    """Article-derived text made safe for a terminal, an email or a log line: no control
    characters (so no terminal escape sequences), no bidirectional overrides; on one line
    unless ``one_line`` is false (then only newlines are kept)."""
    s = "" if text is None else str(text)
    s = _BIDI.sub("", s)
    kept = []
    for ch in s:
        if ch == "\n" and not one_line:
            kept.append(ch)
        elif ch in "\t\n\r" or unicodedata.category(ch) in ("Cc", "Cs", "Co"):
            kept.append(" ")
        else:
            kept.append(ch)
    s = "".join(kept)
    lines = [_SPACES.sub(" ", line).strip() for line in s.split("\n")]
    return " ".join(x for x in lines if x) if one_line else "\n".join(lines).strip()


def format_alert(alert: Alert) -> str:
    """The alert as plain text (terminal, email body), every article-derived part made
    safe with ``plain``."""
    lines = [f"ALERT [{plain(alert.rule)}] {plain(alert.kind)}: {plain(alert.subject)}",
             f"  {plain(alert.summary)}",
             f"  from: {plain(alert.before) if alert.before else '(nothing before)'}",
             f"  to:   {plain(alert.after)}"]
    for e in alert.evidence:
        where = " · ".join(plain(x) for x in (e.date or "undated", e.outlet or "outlet unknown", e.doc))
        lines.append(f"  - {where}: \"{plain(e.sentence)}\"")
        lines.append(f"    {plain(e.url) if e.url else '(no URL)'}  |  sitrep serve: {plain(e.link)}")
    return "\n".join(lines)


def subject_line(alert: Alert) -> str:
    """A one-line email subject for the alert."""
    text = plain(f"Sitrep alert [{alert.rule}]: {alert.subject}")
    return text if len(text) <= SUBJECT_CHARS else text[:SUBJECT_CHARS - 1] + "…"


# -- computing -------------------------------------------------------------------------------

def claim_link(doc: str, ref: str | None = None) -> str:
    return "/articles/" + quote(doc, safe="") + (f"#m-{ref}" if ref else "")


def _when(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _what(quantity: str, category: str) -> str:
    return f"{'people' if category == 'total' else category} {quantity}"


@dataclass(slots=True)
class _Record:
    new_docs: set[str]
    urls: dict[str, str | None]
    series: list[Any]
    contradictions: list[Any]
    events: list[EventRow]


def compute_alerts(store: Store, rules: Iterable[AlertRule], new_docs: set[str]) -> list[Alert]:
    """Alerts that the articles ``new_docs`` raise under ``rules`` (module docstring)."""
    rules = list(rules)
    if not rules or not new_docs:
        return []
    from sitrep.backfill import ensure_reconciled

    ensure_reconciled(store)  # a no-op after a run; reads only the stored results
    needs_contradictions = any(r.type == "contradiction" or (r.type == "control" and r.contradictions)
                               for r in rules)
    record = _Record(
        new_docs=set(new_docs),
        urls={a.id: a.url for a in store.iter_articles()},
        series=store.series(), contradictions=store.contradictions() if needs_contradictions else [],
        events=store.events(type="territory_change") if any(r.type == "control" for r in rules) else [],
    )
    found: dict[str, Alert] = {}
    for rule in rules:
        make = {"figure": _figure_alerts, "control": _control_alerts,
                "contradiction": _contradiction_alerts, "new_claimant": _claimant_alerts}[rule.type]
        for alert in make(rule, record):
            found.setdefault(alert.id, alert)
    return sorted(found.values(), key=lambda a: (a.rule, a.kind, a.subject, a.after, a.id))


def _report_evidence(record: _Record, report: Any, source: str | None) -> Evidence:
    return Evidence(doc=report.doc, outlet=report.outlet, url=record.urls.get(report.doc),
                    date=report.published, source=source, sentence=report.sentence,
                    ref=report.claim_id, link=claim_link(report.doc, report.claim_id))


def _point_new(point: Any, new_docs: set[str]) -> bool:
    docs = [d for r in point.reports for d in (r.doc, *r.copies)]
    return bool(docs) and all(d in new_docs for d in docs)


def _contains(name: str | None, part: str | None) -> bool:
    return part is None or (name is not None and part.casefold() in name.casefold())


def _figure_alerts(rule: AlertRule, record: _Record) -> Iterator[Alert]:
    for s in record.series:
        if s.claimant is None or s.scope.era != "current":
            continue
        if (rule.quantity and s.quantity != rule.quantity) or (rule.category and s.category != rule.category) \
                or not _contains(s.claimant, rule.claimant):
            continue
        points = [p for p in s.points if p.as_of is not None and p.figure is not None]
        fresh = [_point_new(p, record.new_docs) for p in points]
        last_old = max((i for i, new in enumerate(fresh) if not new), default=-1)
        for i in range(last_old + 1, len(points)):
            before = points[i - 1] if i > 0 else None
            yield from _figure_change(rule, record, s, before, points[i])


def _figure_change(rule: AlertRule, record: _Record, s: Any, before: Any, p: Any) -> Iterator[Alert]:
    reasons = []
    if before is not None and rule.rise_percent is not None and before.figure > 0:
        rise = (p.figure - before.figure) / before.figure * 100
        if rise >= rule.rise_percent:
            reasons.append(f"+{rise:.0f}%")
    crossed = [t for t in rule.crosses if p.figure >= t and (before is None or before.figure < t)]
    if crossed:
        reasons.append("crossed " + " and ".join(f"{t:,}" for t in crossed))
    if not reasons:
        return
    what = _what(s.quantity, s.category)
    scope = "" if s.scope.key == "current" else f" ({s.scope.describe()})"
    after = f"{p.text()} ({_when(p.as_of)})"
    before_text = f"{before.text()} ({_when(before.as_of)})" if before is not None else None
    if before is not None:
        summary = (f"{s.claimant} raised its count of {what}{scope} from {before_text} to {after}: "
                   f"{', '.join(reasons)}.")
    else:
        summary = f"{s.claimant} gives {p.text()} {what}{scope} ({_when(p.as_of)}): {', '.join(reasons)}."
    evidence = ([_report_evidence(record, before.reports[0], s.claimant)] if before is not None else []) \
        + [_report_evidence(record, p.reports[0], s.claimant)]
    refs = (before.reports[0].claim_id if before is not None else "", p.reports[0].claim_id)
    yield Alert(content_id("alert", rule.name, "figure", s.key, *refs), rule.name, "figure",
                f"{what}{scope} · {s.claimant}", summary, before_text, after, evidence)


def _event_evidence(record: _Record, e: EventRow) -> Evidence:
    return Evidence(doc=e.doc, outlet=e.outlet, url=record.urls.get(e.doc), date=e.date or e.published,
                    source=e.source, sentence=e.sentence, ref=e.id, link=claim_link(e.doc))


def _who(e: EventRow) -> str:
    return e.source or e.outlet or e.doc


def _control_alerts(rule: AlertRule, record: _Record) -> Iterator[Alert]:
    by_place: dict[str, list[EventRow]] = {}
    for e in record.events:
        if e.type == "territory_change" and e.winner and e.place and (e.date or e.published) \
                and _contains(e.place, rule.place):
            by_place.setdefault(e.place.casefold(), []).append(e)
    for items in by_place.values():
        items.sort(key=lambda e: (e.date or e.published, e.doc, e.start))
        fresh = [e.doc in record.new_docs for e in items]
        last_old = max((i for i, new in enumerate(fresh) if not new), default=-1)
        held: EventRow | None = None
        for i, e in enumerate(items):
            if i > last_old and (held is None or held.winner != e.winner):
                yield _control_alert(rule, record, held, e)
            held = e
    if rule.contradictions:
        for c in record.contradictions:
            if c.kind == "control" and _contradiction_new(c, record.new_docs) \
                    and _contains(c.subject, rule.place):
                yield _contradiction_alert(rule, record, c, kind="control")


def _control_alert(rule: AlertRule, record: _Record, held: EventRow | None, e: EventRow) -> Alert:
    place, day = e.place or "", _when(e.date or e.published)
    after = f"{e.winner} took {place} ({day}, according to {_who(e)})"
    if held is None:
        before = None
        summary = f"{place}: {e.winner} forces took it on {day} according to {_who(e)}; no earlier report of who took it."
    else:
        before = f"{held.winner} took {place} ({_when(held.date or held.published)}, according to {_who(held)})"
        summary = (f"{place} changed hands: {e.winner} forces took it on {day} according to {_who(e)}; "
                   f"last reported taken by {held.winner} ({_when(held.date or held.published)}, {_who(held)}).")
    evidence = ([_event_evidence(record, held)] if held is not None else []) + [_event_evidence(record, e)]
    return Alert(content_id("alert", rule.name, "control", e.id), rule.name, "control",
                 f"control of {place}", summary, before, after, evidence)


def _side_new(side: Any, new_docs: set[str]) -> bool:
    docs = side.docs or [side.doc]
    return all(d in new_docs for d in docs)


def _contradiction_new(c: Any, new_docs: set[str]) -> bool:
    return _side_new(c.a, new_docs) or _side_new(c.b, new_docs)


def _side_evidence(record: _Record, side: Any, *, claim: bool) -> Evidence:
    """A contradiction's side: a claim (its figure is marked on the article page) or an event."""
    return Evidence(doc=side.doc, outlet=side.outlet, url=record.urls.get(side.doc), date=side.date,
                    source=side.source, sentence=side.sentence, ref=side.ref,
                    link=claim_link(side.doc, side.ref if claim else None))


def _contradiction_alert(rule: AlertRule, record: _Record, c: Any, *, kind: str = "contradiction") -> Alert:
    def state(side: Any) -> str:
        return f"{side.statement} ({side.source or 'no claimant'}, {_when(side.date)})"

    return Alert(content_id("alert", rule.name, kind, c.id), rule.name, kind, c.subject,
                 f"New {c.kind} contradiction: {c.explanation}", state(c.a), state(c.b),
                 [_side_evidence(record, c.a, claim=c.kind != "control"),
                  _side_evidence(record, c.b, claim=c.kind != "control")])


def _contradiction_alerts(rule: AlertRule, record: _Record) -> Iterator[Alert]:
    for c in record.contradictions:
        if c.kind not in rule.kinds or not _contradiction_new(c, record.new_docs):
            continue
        quantity, _, category = c.subject.partition(" / ")
        if rule.quantity and quantity != rule.quantity:
            continue
        if rule.category and rule.category not in category.split(" vs "):
            continue
        if rule.claimant and not (_contains(c.a.source, rule.claimant) or _contains(c.b.source, rule.claimant)):
            continue
        yield _contradiction_alert(rule, record, c)


def _claimant_alerts(rule: AlertRule, record: _Record) -> Iterator[Alert]:
    by_claimant: dict[str, list[Any]] = {}
    for s in record.series:
        if s.claimant is None or (rule.kinds and s.claimant_kind not in rule.kinds):
            continue
        if (rule.quantity and s.quantity != rule.quantity) or (rule.category and s.category != rule.category) \
                or not _contains(s.claimant, rule.claimant):
            continue
        by_claimant.setdefault(s.claimant, []).append(s)
    for claimant, group in by_claimant.items():
        points = [(s, p) for s in group for p in s.points]
        if not points or not all(_point_new(p, record.new_docs) for _, p in points):
            continue
        points.sort(key=lambda sp: (sp[1].as_of or date.max, -(sp[1].figure or 0)))
        shown = points[:MAX_EVIDENCE]
        figures = "; ".join(f"{p.text()} {_what(s.quantity, s.category)} ({_when(p.as_of)})" for s, p in shown)
        more = f" and {len(points) - len(shown)} more" if len(points) > len(shown) else ""
        kind = group[0].claimant_kind
        yield Alert(content_id("alert", rule.name, "new_claimant", claimant), rule.name, "new_claimant",
                    claimant, f"{claimant} ({kind}) reports for the first time: {figures}{more}.",
                    None, figures + more,
                    [_report_evidence(record, p.reports[0], claimant) for _, p in shown])
