"""Rows of the reconcile stage's tables (``recon_*``, migration 6) out of its records: what
the stage (``sitrep.reconcile.stage``) writes; ``store.reconciled`` reads them back."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sitrep.records import content_id
from sitrep.records.contradictions import KINDS, Contradiction
from sitrep.records.framing import FRAMED_SIDES, DocSlot, FramingRow, OutletFraming
from sitrep.records.groups import CopyGroup, CopyRow, Story, copy_rows
from sitrep.records.series import (Estimate, Report, Series, SeriesPoint, SeriesPointRow, StoredPoint,
                                   estimate_group, point_row)
from sitrep.store.reconciled import SIDE_FIELDS


def copy_rows_of(groups: Iterable[CopyGroup]) -> list[dict[str, Any]]:
    """``copy_rows`` of the groups, each with its group's size and the canonical article's
    publication date (what ``store.reconciled.copy_groups`` rebuilds the groups from)."""
    rows = []
    for g in groups:
        for row in copy_rows([g]):
            rows.append({**{name: getattr(row, name) for name in CopyRow.__dataclass_fields__},
                         "published": g.published if row.canonical else None, "group_size": len(g.members)})
    return rows


def point_figure(p: SeriesPoint) -> str:
    """What an estimate reads of a point: its date and figure."""
    return f"{p.as_of}|{p.value}|{p.low}|{p.high}|{p.qualifier}"


def point_fingerprint(p: SeriesPoint) -> str:
    """What a contradiction shows of a point but the list of its articles: its date and
    figure, and its first report. Points of equal fingerprints and equal ``docs`` make
    equal contradictions; when only ``docs`` differ (a figure reported again), so do the
    contradictions' lists of articles, and nothing else."""
    first = p.reports[0] if p.reports else None
    return content_id(point_figure(p), *((first.doc, first.outlet, first.sentence, first.claim_id) if first else ()))


def series_rows_of(series: Iterable[Series], block: Callable[[Series], str],
                   bucket: Callable[[Series, SeriesPoint], int | None],
                   stored: Mapping[tuple[str, str], str] | None = None) -> tuple[list, list, list]:
    """(series, points, reports) rows of ``series``; ``block`` and ``bucket`` say where a
    series and each of its points are compared for contradictions. Each point row carries
    its digest (``point_digest``); a point whose (series, digest) is in ``stored`` (the
    digests of the stored points, to their fingerprint) is stored as it is: its row holds
    only its place and what the stage compares (``"stored": True``), and no reports; so is
    a ``StoredPoint`` (read back without its reports), whose digest is the stored one."""
    s_rows, p_rows, r_rows = [], [], []
    for s in series:
        n = len(s.points)
        where = block(s)
        s_rows.append({"key": s.key, "block": where, "estimate_group": estimate_group(s), "name": s.name,
                       "scope": s.scope.key, "n_reports": sum(_report_count(p) for p in s.points),
                       "claimant": s.claimant, "claimant_kind": s.claimant_kind, "quantity": s.quantity,
                       "category": s.category, "subgroup": s.subgroup, "outlet": s.outlet, "era": s.scope.era,
                       "region": s.scope.region, "region_text": s.scope.region_text, "period": s.scope.period,
                       "incident": s.scope.incident, "period_start": s.scope.period_start, "n_points": n})
        head = series_head(s, where)
        previous: SeriesPoint | None = None
        seen: set[str] = set()
        for idx, point in enumerate(s.points):
            if isinstance(point, StoredPoint):
                at, digest, known = point.bucket, point.row_hash, point.fingerprint
            else:
                at = bucket(s, point)
                digests = [report_digest(r) for r in point.reports]
                digest = point_digest(head, point, previous, at, digests)
                known = stored.get((s.key, digest)) if stored and digest not in seen else None
            seen.add(digest)
            if known is not None:
                p_rows.append({"series": s.key, "idx": idx, "n_points": n, "block": where, "bucket": at,
                               "fingerprint": known, "figure": point_figure(point), "as_of": point.as_of,
                               "row_hash": digest, "stored": True})
            else:
                flat = point_row(s, point, previous)
                p_rows.append({**{name: getattr(flat, name) for name in SeriesPointRow.__dataclass_fields__},
                               "idx": idx, "n_points": n, "block": where, "bucket": at,
                               "fingerprint": point_fingerprint(point), "figure": point_figure(point),
                               "row_hash": digest})
                r_rows.extend(report_row(s.key, idx, j, r, d) for j, (r, d) in enumerate(zip(point.reports, digests)))
            previous = point
    return s_rows, p_rows, r_rows


def _report_count(p: SeriesPoint) -> int:
    return p.n_reports if isinstance(p, StoredPoint) else len(p.reports)


def series_head(s: Series, block: str) -> tuple:
    """What a series says of each of its points' rows (a part of ``point_digest``)."""
    return (s.key, s.name, s.claimant_kind, s.quantity, s.category, s.subgroup, s.scope.key, s.scope.describe(), block)


def report_row(series: str, point: int, idx: int, r: Report, digest: str) -> dict[str, Any]:
    return {"series": series, "point": point, "idx": idx, "doc": r.doc, "outlet": r.outlet, "published": r.published,
            "claim_id": r.claim_id, "sentence": r.sentence, "value": r.value, "qualifier": r.qualifier,
            "copies": list(r.copies), "digest": digest}


def report_digest(r: Report) -> str:
    """A digest of everything a stored report row holds but its place (stored with it, in
    ``recon_reports.digest``): a point's digest is made of its reports' (``point_digest``),
    so a point that gains a report is digested again from the stored ones and the new one
    (``reconcile.stage_touch``), never from its claims."""
    parts = (r.doc, r.outlet, r.published, r.claim_id, r.sentence, r.value, r.qualifier, tuple(r.copies))
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def point_digest(head: tuple, p: SeriesPoint, previous: SeriesPoint | None, bucket: int | None,
                 reports: Sequence[str]) -> str:
    """A digest of everything a stored point's row and reports hold but its place in the
    series (``idx``, ``n_points``): what its series says of it (``head``, ``series_head``),
    its figure, the figure before it (its ``change``), its bucket and its reports' digests
    (``report_digest``, in order). Equal digests, equal rows but for their place: such a
    point is moved, not written again."""
    return digest_of(head, (p.as_of, p.value, p.low, p.high, p.qualifier), previous.figure if previous else None,
                     bucket, "|".join(reports))


def digest_of(head: tuple, figure: tuple, previous_figure: int | None, bucket: int | None, reports: str) -> str:
    """``point_digest`` of a point's parts as stored (``figure``: its date, value, low, high
    and qualifier; ``reports``: its reports' digests in order, joined by "|", as SQL's
    ``string_agg`` gives them): what migration 11 and an update in place compute."""
    parts = (head, *figure, previous_figure, bucket, reports)
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


def estimate_rows_of(items: Iterable[Estimate], group: str) -> list[dict[str, Any]]:
    return [{**{name: getattr(e, name) for name in Estimate.__dataclass_fields__}, "estimate_group": group}
            for e in items]


def contradiction_rows_of(items: Iterable[Contradiction], block: str,
                          pairs: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """Rows of ``items``, compared in ``block``; ``pairs``: each one's pair of point
    fingerprints (a series' updates, kept while both points stay as they are)."""
    rows = []
    for i, c in enumerate(items):
        row = {"id": c.id, "block": block, "kind_rank": KINDS.index(c.kind), "kind": c.kind,
               "subject": c.subject, "explanation": c.explanation, "ratio": c.ratio,
               "pair": pairs[i] if pairs is not None else None}
        for prefix, side in (("a_", c.a), ("b_", c.b)):
            row.update({prefix + name: getattr(side, name) for name in SIDE_FIELDS})
        rows.append(row)
    return rows


def story_rows_of(items: Iterable[Story]) -> list[dict[str, Any]]:
    return [{name: getattr(s, name) for name in Story.__dataclass_fields__} for s in items]


def framing_slot_rows_of(slots: Iterable[DocSlot]) -> list[dict[str, Any]]:
    return [{"doc": s.doc, "outlet": s.outlet, "outlet_known": s.outlet_known, "actor_side": s.actor_side,
             "actor": s.actor, "label_key": s.label_key, "voice": s.voice,
             "forms": json.dumps(dict(s.forms), ensure_ascii=False), "count": s.count, "n_quoted": s.n_quoted,
             "example_sentence": s.example_sentence, "example_start": s.example_start} for s in slots]


def framing_rows_of(rows: Iterable[FramingRow]) -> list[dict[str, Any]]:
    return [{**{name: getattr(r, name) for name in FramingRow.__dataclass_fields__},
             "side_rank": FRAMED_SIDES.index(r.actor_side)} for r in rows]


def outlet_rows_of(items: Iterable[OutletFraming]) -> list[dict[str, Any]]:
    return [{name: getattr(o, name) for name in OutletFraming.__dataclass_fields__} for o in items]
