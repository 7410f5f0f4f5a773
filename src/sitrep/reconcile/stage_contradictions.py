"""The reconcile stage's figure contradictions: a recomputed series' own updates, and the
buckets its points changed compared again (``stage`` says when this runs).

A bucket is compared again in part: only the pairs with a point of some series are found
again (``compare_bucket(only=...)``), and the stored pairs of those series go. They are the
series whose points changed there or in the bucket before, those that became or stopped
being reference series there (``contradictions.reference_series``), and those whose pairs
a claimant's given figures change (``change.also``). Any other pair stands, since nothing
it depends on changed: the points of both series, whether either is a reference series,
the given figures.

Which figures disagree reads no report (``contradictions.bucket_pairs``): the compared
buckets' points are read without theirs, and a side's first report and list of articles
are read for the points of the pairs found only (``_first_reports``: 1,736 of the 12,141
points read at 10,000 + 100 articles)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS, point_range
from sitrep.reconcile.stage_figures import SeriesChange
from sitrep.reconcile.stage_io import StageIO, sql_in
from sitrep.records.series import Report, Series, SeriesPoint, StoredPoint
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows

Bucket = tuple[str, int]  # (block, window-sized bucket of days)


def _update_pairs(s: Series, fingerprints: dict[int, str], stored: set[str],
                  spans: list[tuple[int, int]] | None = None) -> Iterator[tuple[SeriesPoint, SeriesPoint, str]]:
    """``contradictions._updates`` of one series, as (point, next point, their fingerprints);
    ``fingerprints``: each point's (``reconciled_rows.point_fingerprint``) by its place in
    ``s.points``; ``spans``: the slices of ``s.points`` that are runs of neighbours (a series
    built in part, ``stage_gain.Window``), None: all its points are.
    Two points kept as stored (``StoredPoint``) were next to each other before too
    (``stage_gain``): their update is one of ``stored`` (the series' stored pairs) or none."""
    for begin, end in spans if spans is not None else [(0, len(s.points))]:
        for i in range(begin, end - 1):
            p, q = s.points[i], s.points[i + 1]
            if type(p) is StoredPoint and type(q) is StoredPoint:
                pair = f"{fingerprints[i]}|{fingerprints[i + 1]}"
                if pair in stored:
                    yield p, q, pair
                continue
            if p.as_of is None or q.as_of is None or (q.as_of - p.as_of).days > DEFAULT_WINDOW_DAYS:
                continue
            if not contra.agree(point_range(p), point_range(q)):
                yield p, q, f"{fingerprints[i]}|{fingerprints[i + 1]}"


@dataclass(slots=True)
class _Near:
    """Recomputed series by the buckets whose pairs their points reach (their own and the
    next): where they had a point before (``was``), where their points changed (``changed``)."""

    was: dict[Bucket, set[str]] = field(default_factory=dict)
    changed: dict[Bucket, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, change: SeriesChange) -> _Near:
        near = cls()
        for index, where in ((near.was, change.was_at), (near.changed, change.changed_at)):
            for key, buckets in where.items():
                for block, k in buckets:
                    if k is not None:
                        index.setdefault((block, k), set()).add(key)
                        index.setdefault((block, k + 1), set()).add(key)
        return near


@dataclass(slots=True)
class _Ranks:
    """Each series' rank among reference series (``contradictions.reference_rank``) now, and
    before the run for the recomputed ones that were there (their claimant kind and reports)."""

    now: dict[str, tuple[bool, int, str]]
    then: dict[str, tuple[bool, int, str]]

    @classmethod
    def of(cls, change: SeriesChange, series: Iterable[Series], weights: dict[str, int]) -> _Ranks:
        now = {s.key: contra.reference_rank(s.claimant_kind, weights[s.key], s.key) for s in series}
        then = {**now, **{k: contra.reference_rank(change.kinds[k], n, k) for k, n in change.weights.items()}}
        return cls(now, then)


@dataclass(slots=True)
class _BucketRead:
    """What ``_bucket_points`` reads: points by bucket and series (``id``), series by
    ``id``, given keys by block (``contradictions.given_key``), reports by series (a
    reference series' weight), and each point's series and place (by the point's ``id``)."""

    by_bucket: dict[Bucket, dict[int, list[SeriesPoint]]] = field(default_factory=dict)
    by_id: dict[int, Series] = field(default_factory=dict)
    given: dict[str, set[tuple[str, str, str, str]]] = field(default_factory=dict)
    weights: dict[str, int] = field(default_factory=dict)
    places: dict[int, tuple[str, int]] = field(default_factory=dict)


class ContradictionSteps(StageIO):
    """Figure contradictions of one run."""

    def figure_contradictions(self, change: SeriesChange) -> None:
        """A series' own updates where its points changed; the figures of the changed
        buckets compared again (``contradictions.compare_bucket``), from the stored series:
        in part where the reference series stay (module docstring), else in whole."""
        rows = self._update_contradictions(change)
        buckets = change.dirty
        read = self._bucket_points(buckets)
        by_bucket, by_id, given, weights = read.by_bucket, read.by_id, read.given, read.weights
        by_key = {s.key: oid for oid, s in by_id.items()}
        near = _Near.of(change)
        ranks = _Ranks.of(change, by_id.values(), weights)
        gone: list[tuple[str, str]] = []  # (block, first claim of a point): the stored pairs found again
        pairs: list[tuple[str, list[contra.Pair]]] = []  # (block, the pairs found there)
        for block, k in sorted(buckets):
            members = by_bucket.get((block, k), {})
            previous = by_bucket.get((block, k - 1), {})
            touched = self._touched(change, (block, k), [members, previous], by_id, near, ranks)
            gone += [(f"{block}#{k}", ref) for ref in self._refs(change, (block, k), touched, [members, previous], by_id)]
            only = {by_key[key] for key in touched if key in by_key}
            if members and only:
                pairs.append((f"{block}#{k}", contra.bucket_pairs(members, previous, by_id, given.get(block, set()),
                                                                  DEFAULT_WINDOW_DAYS, lambda s: weights[s.key], only)))
        # What a side shows of a point's first report is read for the points of the pairs found only.
        self._first_reports(read.places, [item[1] for _, found in pairs for a, b, _ in found for item in (a, b)])
        for block, found in pairs:
            rows += recon_rows.contradiction_rows_of(sorted(map(contra.made, found), key=contra.order), block)
        if gone:
            for side in ("a", "b"):
                self.con.execute(f"""DELETE FROM recon_contradictions USING
                    (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS VARCHAR[])) AS r) f
                    WHERE recon_contradictions.block = f.b AND recon_contradictions.{side}_ref = f.r""",
                                 [[b for b, _ in gone], [r for _, r in gone]])
        self.insert("recon_contradictions", rows)
        self.out.blocks += len(buckets)

    @staticmethod
    def _touched(change: SeriesChange, at: Bucket, parts: list[dict[int, list[SeriesPoint]]],
                 by_id: dict[int, Series], near: _Near, ranks: _Ranks) -> set[str]:
        """The series whose pairs in bucket ``at`` are found again: those whose points
        changed there or in the bucket before, ``change.also``'s, and those that became or
        stopped being reference series there."""
        now = {by_id[oid].key for part in parts for oid in part}
        before = {key for key in now if key not in change.keys} | near.was.get(at, set())
        peers_now = contra.reference_series(now, ranks.now.__getitem__)
        peers_then = contra.reference_series(before, ranks.then.__getitem__)
        return near.changed.get(at, set()) | (change.also.get(at, set()) & now) | set(peers_now) ^ set(peers_then)

    @staticmethod
    def _refs(change: SeriesChange, at: Bucket, touched: set[str], parts: list[dict[int, list[SeriesPoint]]],
              by_id: dict[int, Series]) -> set[str]:
        """The refs (first claims) the stored pairs of ``touched`` in bucket ``at`` name: those
        of a changed series' points before, those of the others' points now (they did not
        change). A pair of the bucket joins two points of it or of the bucket before, so only
        their refs are looked for (not every point of a large series, bucket after bucket)."""
        block, k = at
        refs = {ref for key in touched for where in (at, (block, k - 1))
                for ref in change.refs.get(key, {}).get(where, ())}
        for part in parts:
            for oid, points in part.items():
                key = by_id[oid].key  # a series built in part: its kept points' refs are those of now
                if key in touched and (key not in change.refs or key in change.partial):
                    refs.update(p.reports[0].claim_id for p in points if p.reports)
        return refs

    def _update_contradictions(self, change: SeriesChange) -> list[dict[str, Any]]:
        """Rows of the updates of the recomputed series that are not stored as they are; the
        stored updates of points that changed go."""
        if change.docs or change.docs_of:  # points reported by more articles: their contradictions list them all
            self._set_docs(change.docs, change.docs_of)
        rows: list[dict[str, Any]] = []
        stored: dict[str, set[str]] = {}
        # Of a series built in part, only the pairs with a point of its days built again (the
        # others stay, ``_may_change``), found by the two fingerprints a pair joins.
        partial = sorted(change.partial)
        rebuilt = sorted({fp for key in partial for fp in change.partial[key]})
        for r in self._dicts(f"""
                SELECT block, pair FROM recon_contradictions WHERE {sql_in('block')}
                AND (NOT block IN (SELECT unnest(CAST(? AS VARCHAR[])))
                     OR split_part(pair, '|', 1) IN (SELECT unnest(CAST(? AS VARCHAR[])))
                     OR split_part(pair, '|', 2) IN (SELECT unnest(CAST(? AS VARCHAR[]))))""",
                             [[f"update:{k}" for k in change.keys], [f"update:{k}" for k in partial], rebuilt, rebuilt]):
            stored.setdefault(r["block"], set()).add(r["pair"])
        kept: list[tuple[str, str]] = []
        for s in change.built:
            block = f"update:{s.key}"
            found, pairs = [], []
            reuse = stored.get(block, set()) if s.key not in change.renamed else set()
            for p, q, pair in _update_pairs(s, change.fingerprints.get(s.key, {}), stored.get(block, set()),
                                            change.spans.get(s.key)):
                if pair in reuse:
                    kept.append((block, pair))
                elif isinstance(p, StoredPoint) or isinstance(q, StoredPoint):  # never: see stage_gain
                    raise RuntimeError(f"reconcile: a new update of {s.key} names a point kept as stored")
                else:
                    found.append(contra._make((s, p), (s, q), contra.gap(point_range(p), point_range(q))))  # type: ignore[arg-type]
                    pairs.append(pair)
            rows += recon_rows.contradiction_rows_of(found, block, pairs)
        # Updates of points that changed go (the others stay as stored: same points, same text).
        kept_keys = {f"{b}\x1f{p}" for b, p in kept}
        drop = [f"{b}\x1f{p}" for b, pairs in stored.items() for p in pairs if f"{b}\x1f{p}" not in kept_keys]
        if drop:
            self.con.execute("DELETE FROM recon_contradictions WHERE block || chr(31) || pair "
                             "IN (SELECT unnest(CAST(? AS VARCHAR[])))", [drop])
        return rows

    def _set_docs(self, docs: list[tuple[str, list[str]]], stored: list[tuple[str, str]] = ()) -> None:
        """The lists of articles of the contradictions' sides whose point (by its first claim)
        is reported by other articles now: ``docs`` gives them, ``stored`` names points (series,
        fingerprint) whose stored row holds them (updated in place, ``stage_touch``). One
        statement for both sides: DuckDB writes a row whose list changes again whole, once
        however many of its lists change (at 10,000 + 100 articles, 2,713 rows for 437
        points: 0.14-0.16 s in a statement a side, 0.09-0.11 s in one)."""
        self.con.execute("""
            WITH f AS (SELECT unnest(CAST(? AS VARCHAR[])) AS ref, unnest(CAST(? AS VARCHAR[][])) AS docs
                       UNION ALL
                       SELECT p.claim_ids[1], p.docs FROM recon_points p
                       SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS VARCHAR[])) AS fp) w
                            ON w.s = p.series AND w.fp = p.fingerprint)
            UPDATE recon_contradictions SET a_docs = coalesce(u.a_docs, recon_contradictions.a_docs),
                                            b_docs = coalesce(u.b_docs, recon_contradictions.b_docs)
            FROM (SELECT c.rowid AS at, fa.docs AS a_docs, fb.docs AS b_docs FROM recon_contradictions c
                  LEFT JOIN f fa ON fa.ref = c.a_ref LEFT JOIN f fb ON fb.ref = c.b_ref
                  WHERE fa.ref IS NOT NULL OR fb.ref IS NOT NULL) u
            WHERE recon_contradictions.rowid = u.at""", [[r for r, _ in docs], [d for _, d in docs],
                                                         [k for k, _ in stored], [fp for _, fp in stored]])

    def _bucket_points(self, buckets: set[tuple[str, int]]) -> _BucketRead:
        """The stored points of ``buckets`` and of the bucket before each, with their series
        (``_BucketRead``). Only the series with a point there are read, and of the others of
        their blocks only what ``contradictions.given_key`` reads of those claimants. A
        point's reports are not read: its first stands in with the article and claim its row
        names (``_first_reports`` reads it where a pair is found), the others by their
        articles (what a contradiction's side lists)."""
        needed = buckets | {(b, k - 1) for b, k in buckets}
        rows = self._dicts("""SELECT p.series, p.idx, p.block, p.bucket, p.as_of, p.value, p.low, p.high,
                                     p.qualifier, p.claim_ids[1] AS first_claim FROM recon_points p
                              SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS INTEGER[])) AS k) f
                                   ON f.b = p.block AND f.k = p.bucket
                              ORDER BY p.series, p.idx""", [[b for b, _ in needed], [k for _, k in needed]])
        keys = sorted({row["series"] for row in rows})
        by_key: dict[str, Series] = {}
        read = _BucketRead()
        for row in self._dicts(f"SELECT * FROM recon_series WHERE {sql_in('key')}", [keys]):
            s = by_key[row["key"]] = recon.series_of_row(row)
            read.weights[s.key] = row["n_reports"]
        # ``contradictions._redundant`` asks whether a whole (a series of the bucket: its
        # claimant, quantity and scope) is given for a part's category: only those are read.
        for r in self._dicts(f"""
                SELECT DISTINCT block, name, quantity, category, scope FROM recon_series
                WHERE {sql_in('block')} AND name IN (SELECT unnest(CAST(? AS VARCHAR[])))
                      AND scope IN (SELECT unnest(CAST(? AS VARCHAR[])))""",
                [sorted({b for b, _ in buckets}), sorted({s.name for s in by_key.values()}),
                 sorted({s.scope.key for s in by_key.values()})]):
            read.given.setdefault(r["block"], set()).add((r["name"], r["quantity"], r["category"], r["scope"]))
        for row in rows:
            point = SeriesPoint(row["as_of"], row["value"], row["low"], row["high"], row["qualifier"])
            if row["first_claim"] is not None:  # a point's first claim is its first report's
                point.reports.append(Report("", None, None, row["first_claim"], ""))
            s = by_key[row["series"]]
            s.points.append(point)
            read.places[id(point)] = (row["series"], row["idx"])
            read.by_bucket.setdefault((row["block"], row["bucket"]), {}).setdefault(id(s), []).append(point)
        read.by_id = {id(s): s for s in by_key.values()}
        return read

    def _first_reports(self, places: dict[int, tuple[str, int]], points: Iterable[SeriesPoint]) -> None:
        """The reports of ``points`` (by ``places``: series and place) as a contradiction's
        side shows them (``contradictions._side``): the first read whole, in the place of
        the one its row stood in for, the others by their articles (the point's list)."""
        chosen = {id(p): p for p in points}
        wanted = sorted(places[i] for i in chosen)
        if not wanted:
            return
        first = {(r["series"], r["point"]): r for r in self._dicts("""
                SELECT r.series, r.point, r.doc, r.outlet, r.published, r.claim_id, r.sentence, r.value, r.qualifier,
                       r.copies, p.docs FROM recon_reports r
                JOIN recon_points p ON p.series = r.series AND p.idx = r.point
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) w
                     ON w.s = r.series AND w.i = r.point
                WHERE r.idx = 0""", [[k for k, _ in wanted], [i for _, i in wanted]])}
        for i, point in chosen.items():
            r = first[places[i]]
            point.reports = [Report(doc=r["doc"], outlet=r["outlet"], published=r["published"], claim_id=r["claim_id"],
                                    sentence=r["sentence"], value=r["value"], qualifier=r["qualifier"],
                                    copies=list(r["copies"] or []))]
            point.reports += [Report(doc, None, None, "", "") for doc in (r["docs"] or [])[1:]]
