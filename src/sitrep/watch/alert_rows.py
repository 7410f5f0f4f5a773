"""Recorded alerts (table ``watch_alerts``) read back: for `sitrep alerts`, the web app's
alerts page and the delivery of pending alerts (``state.WatchState``)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sitrep.store import Store
from sitrep.store.queries import records, scalar
from sitrep.watch.alerts import Alert, Evidence


def alert_from_row(row: dict[str, Any]) -> Alert:
    """An Alert from a ``watch_alerts`` row, column name -> value (``ALERT_COLUMNS``: id,
    rule, kind, subject, summary, before, after, evidence JSON, created_at)."""
    items = []
    for e in json.loads(row["evidence"] or "[]"):
        day = e.get("date")
        items.append(Evidence(doc=e.get("doc", ""), outlet=e.get("outlet"), url=e.get("url"),
                              date=date.fromisoformat(day) if day else None, source=e.get("source"),
                              sentence=e.get("sentence", ""), ref=e.get("ref", ""), link=e.get("link", "")))
    return Alert(row["id"], row["rule"], row["kind"], row["subject"], row["summary"], row["before"], row["after"],
                 items, row["created_at"])


def evidence_json(alert: Alert) -> str:
    return json.dumps([e.as_dict() for e in alert.evidence], ensure_ascii=False)


ALERT_COLUMNS = "id, rule, kind, subject, summary, before, after, evidence, created_at"


def read_alerts(store: Store, *, rule: str | None = None, kind: str | None = None,
                since: date | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Alert], int]:
    """Recorded alerts, newest first, with their delivery status per channel, and how many
    match in all. ``rule``: any part of the rule's name, any case."""
    where, params = ["true"], []
    if rule:
        where.append("lower(rule) LIKE '%' || lower(?) || '%'")
        params.append(rule)
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if since:
        where.append("created_at >= ?")
        params.append(since)
    con = store.connection
    cond = " AND ".join(where)
    total = scalar(con, f"SELECT count(*) FROM watch_alerts WHERE {cond}", params)
    alerts = records(con, f"SELECT {ALERT_COLUMNS} FROM watch_alerts WHERE {cond} "
                     "ORDER BY created_at DESC, id LIMIT ? OFFSET ?", [*params, limit, offset], alert_from_row)
    if alerts:
        status = records(con, "SELECT alert, channel, status, last_error FROM watch_deliveries "
                         "WHERE list_contains(?, alert)", [[a.id for a in alerts]], dict)
        by_id = {a.id: a for a in alerts}
        for d in status:
            by_id[d["alert"]].deliveries[d["channel"]] = \
                d["status"] if d["status"] != "failed" else f"failed: {d['last_error']}"
    return alerts, int(total)
