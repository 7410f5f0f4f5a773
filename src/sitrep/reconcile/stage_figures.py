"""The reconcile stage's figure steps: series recomputed where their claims changed, what
that changes (``SeriesChange``); estimates of the groups they count in are ``stage_estimates``',
figure contradictions ``stage_contradictions``' (``stage`` says when each runs)."""

from __future__ import annotations

from collections import Counter
import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS
from sitrep.reconcile.scope import rules
from sitrep.reconcile.stage_estimates import EstimateSteps
from sitrep.reconcile.stage_gain import KEPT_COLUMNS, Plan, SeriesGain, Window
from sitrep.reconcile.stage_io import sql_in
from sitrep.reconcile.stage_points import PointWrites
from sitrep.records.series import Series, SeriesPoint
from sitrep.store import reconciled_rows as recon_rows


def series_block(s: Series) -> str:
    return contra.figure_block(s.quantity, s.category, s.scope.key)


@dataclass(slots=True)
class SeriesChange:
    """What recomputing some series changed."""

    built: list[Series]  # the series recomputed (those that still exist)
    keys: set[str]  # their keys, and those of series that vanished
    weights: dict[str, int]  # their reports before, by key (a reference series' weight)
    sizes: dict[str, int]  # their points before, by key (the order of a group's series)
    was_in: dict[str, str]  # their estimate group before, by key
    renamed: set[str] = field(default_factory=set)  # appeared, vanished or of another claimant kind
    groups: set[str] = field(default_factory=set)  # estimate groups holding one
    # Estimate group -> the spans of days (first, day after the last) whose estimates a
    # changed figure reaches (``reach_of``).
    reach: dict[str, list[tuple[date, date]]] = field(default_factory=dict)
    dirty: set[tuple[str, int]] = field(default_factory=set)  # buckets to compare again
    weighed: set[tuple[str, int]] = field(default_factory=set)  # buckets of series whose weight changed
    docs: list[tuple[str, list[str]]] = field(default_factory=list)  # (first claim of a point, its new docs)
    # Points updated in place (``stage_touch``), by series and fingerprint: their stored
    # lists of articles are their contradictions' now.
    docs_of: list[tuple[str, str]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # their claimant kind before, by key
    was_at: dict[str, set[tuple[str, int]]] = field(default_factory=dict)  # buckets of their points before
    changed_at: dict[str, set[tuple[str, int]]] = field(default_factory=dict)  # buckets where their points changed
    # First claims of their points before (rows' refs), by the bucket each point was in.
    refs: dict[str, dict[tuple[str, int], set[str]]] = field(default_factory=dict)
    fingerprints: dict[str, dict[int, str]] = field(default_factory=dict)  # their points' now, by place
    # Buckets where the pairs of some series not recomputed change too (a claimant's whole,
    # now that it gives the part or no longer does), with those series.
    also: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    # Series built in part (``stage_gain.Window``): the slices of their points that are runs
    # of neighbours (pairs are found within each), and their stored points built again's
    # fingerprints (only the stored pairs of those may go).
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    partial: dict[str, set[str]] = field(default_factory=dict)


def reach_of(points: list[tuple], changed: set[date] | None) -> list[tuple[date, date]]:
    """The days whose estimates the ``changed`` dates of one series' figures reach (None: all
    its dates), as spans (first day, day after the last). ``points``: the series' points
    before and after the run, dated last in each tuple. An estimate on a day reads the
    series' last figure on or before it, and only when that is at most ``max_age_days``
    old (``series.estimates_on``): a changed date reaches the days until the series' next
    date, before or after the run (from there on the same figure is read as before, or a
    changed one, whose own span that is), and no more than ``max_age_days`` after it."""
    dates = sorted({p[-1] for p in points if p[-1] is not None})
    max_age = rules()["estimate"]["max_age_days"]
    spans = []
    for day in dates if changed is None else sorted(changed):
        after = bisect.bisect_right(dates, day)
        end = day + timedelta(days=max_age + 1)
        spans.append((day, min(end, dates[after]) if after < len(dates) else end))
    return spans


def point_bucket(s: Series, p: SeriesPoint) -> int | None:
    found = contra.bucket_of(s, p, DEFAULT_WINDOW_DAYS)
    return None if found is None else found[3]


def _in_place(w: Window, old: dict[str, Any], old_window: list[dict[str, Any]], added: int, s_w: list, p_w: list,
              r_w: list, s_rows: list, p_rows: list, r_rows: list) -> None:
    """The rows of a series built in part (``w``) added to the run's, in their places in the
    whole series: the rows of the kept points beside its segments go (those points stay as
    stored); the series' counts are its stored ones, with those of the days built again
    replaced by the new, and the reports ``added`` to its points updated in place."""
    n = w.layout.n_points
    s_w[0]["n_points"] = n
    s_w[0]["n_reports"] = old["n_reports"] - sum(r["n_reports"] for r in old_window) + added + \
        sum(len(p.reports) for p, fresh in zip(w.series.points, w.fresh) if fresh)
    s_rows += s_w
    for j, r in enumerate(p_w):
        if w.fresh[j]:
            r["idx"], r["n_points"] = w.places[j], n
            p_rows.append(r)
    for r in r_w:
        r["point"] = w.places[r["point"]]
        r_rows.append(r)


def _by_series(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["series"], []).append(r)
    return out


class FigureSteps(SeriesGain, PointWrites, EstimateSteps):
    """Series of one run, what recomputing them changed, and the estimates of their
    groups (``stage_estimates``)."""

    def series(self, keys: set[str], copy_of: dict[str, str], gained: set[str] = frozenset()) -> SeriesChange:
        """Recompute the series ``keys`` and say what changed (``SeriesChange``): the estimate
        groups and dates, and the contradiction buckets to compare again. ``gained``: those
        whose claims only grew, built in part where they can be (``stage_gain``): only the
        points of their days built again pass through here; their other points stay as
        stored and move in SQL (``stage_window``)."""
        ordered = sorted(keys)
        old = {r["key"]: r for r in self._dicts(
            "SELECT key, block, estimate_group, name, scope, claimant_kind, n_reports, n_points FROM recon_series "
            f"WHERE {sql_in('key')}", [ordered])}
        self.copy_of = copy_of
        plans = self._plans(sorted(gained & old.keys()))
        touches = self._write_touches([t for key in sorted(self.touches) for t in self.touches[key]])
        whole = [k for k in ordered if k not in plans]
        columns = f"series, block, fingerprint, figure, claim_ids[1] AS first_claim, idx, n_points, {', '.join(KEPT_COLUMNS)}"
        old_points = self._dicts(f"SELECT {columns} FROM recon_points WHERE {sql_in('series')} ORDER BY series, idx",
                                 [whole]) + self._window_points(columns, plans)
        was_at = self._buckets(sorted(plans))  # read before the points are written again
        windows = self._windows(plans, copy_of)
        built = self.build(whole, copy_of)
        self.delete("recon_series", "key", ordered)
        stored = {(r["series"], r["row_hash"]): r["fingerprint"] for r in old_points if r["row_hash"] is not None}
        s_rows, p_rows, r_rows = recon_rows.series_rows_of(built, series_block, point_bucket, stored)
        old_of = _by_series(old_points)
        for key, w in windows.items():
            _in_place(w, old[key], old_of.get(key, []), sum(len(t.new_rows) for t in self.touches.get(key, ())),
                      *recon_rows.series_rows_of([w.series], series_block, point_bucket, stored), s_rows, p_rows, r_rows)
        before = self._rewritten(old_points, p_rows)  # read before the points are written again
        self.insert("recon_series", s_rows)
        self._write_points([(r["series"], r["idx"], r["n_points"], r["row_hash"]) for r in old_points], p_rows,
                           r_rows, self._report_prefixes(before, p_rows, r_rows),
                           {key: w.layout for key, w in windows.items()})
        self.out.series = len(keys)
        new = {r["key"]: r for r in s_rows}
        change = SeriesChange(built=built + [w.series for w in windows.values()], keys=keys,
                              weights={k: v["n_reports"] for k, v in old.items()},
                              sizes={k: v["n_points"] for k, v in old.items()},
                              was_in={k: v["estimate_group"] for k, v in old.items()},
                              kinds={k: v["claimant_kind"] for k, v in old.items()})
        change.groups = {v["estimate_group"] for v in old.values()} | {r["estimate_group"] for r in s_rows}
        change.docs_of += [(t.series, t.fingerprint) for t in touches]  # their contradictions list them all
        for r in p_rows:  # by place in the whole series
            change.fingerprints.setdefault(r["series"], {})[r["idx"]] = r["fingerprint"]
        for key, w in windows.items():  # by place among the points that passed through (``Window``)
            change.spans[key] = w.spans
            change.partial[key] = {r["fingerprint"] for r in old_of.get(key, [])}
            at = change.fingerprints.get(key, {})
            change.fingerprints[key] = {j: at[place] if fresh else p.fingerprint  # type: ignore[attr-defined]
                                        for j, (p, place, fresh) in enumerate(zip(w.series.points, w.places, w.fresh))}
        self._point_changes(change, old, new, old_points, p_rows, {k: v[1] for k, v in before.items()})
        for key, buckets in was_at.items():  # a grown series' kept points are where they were
            change.was_at.setdefault(key, set()).update(buckets)
            if old[key]["n_reports"] != new[key]["n_reports"]:
                change.weighed |= {(b, k) for b, k in buckets if k is not None}
        change.dirty |= {(b, k + 1) for b, k in change.dirty}  # a bucket's comparisons reach back one week
        for (b, k), keys_there in list(change.also.items()):
            change.also.setdefault((b, k + 1), set()).update(keys_there)
        change.dirty |= self._peers_moved(change)
        return change

    def _window_points(self, columns: str, plans: dict[str, Plan]) -> list[dict[str, Any]]:
        """The stored points of the days the grown series of ``plans`` build again."""
        ranges = [(key, first, first + n - 1) for key, plan in sorted(plans.items()) for first, n in plan.old_places()]
        if not ranges:
            return []
        return self._dicts(f"""SELECT {columns} FROM recon_points p
            SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS lo,
                              unnest(CAST(? AS INTEGER[])) AS hi) f ON f.s = p.series AND p.idx BETWEEN f.lo AND f.hi
            ORDER BY series, idx""", [[r[0] for r in ranges], [r[1] for r in ranges], [r[2] for r in ranges]])

    def _buckets(self, keys: list[str]) -> dict[str, set[tuple[str, int]]]:
        """Where the stored points of ``keys`` are, by series (one row a bucket, not a point)."""
        out: dict[str, set[tuple[str, int]]] = {}
        for r in self._dicts(f"SELECT DISTINCT series, block, bucket FROM recon_points WHERE {sql_in('series')}", [keys]):
            out.setdefault(r["series"], set()).add((r["block"], r["bucket"]))
        return out

    def _point_changes(self, change: SeriesChange, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                       old_points: list[dict[str, Any]], p_rows: list[dict[str, Any]],
                       old_docs: dict[tuple[str, str], list[str]]) -> None:
        """What the recomputed points of ``change.keys`` change: estimate dates, buckets to
        compare again, series whose weight changed, points reported by other articles."""
        keys = change.keys
        points: dict[str, tuple[list[tuple], list[tuple]]] = {k: ([], []) for k in keys}
        for r in old_points:
            key, block, bucket = r["series"], r["block"], r["bucket"]
            points[key][0].append((block, bucket, r["fingerprint"], r["figure"], r["as_of"]))
            change.was_at.setdefault(key, set()).add((block, bucket))
            change.refs.setdefault(key, {}).setdefault((block, bucket), set()).add(r["first_claim"])
        for r in p_rows:
            points[r["series"]][1].append((r["block"], r["bucket"], r["fingerprint"], r["figure"], r["as_of"]))
            # The same point reported by more (or fewer) articles: its contradictions' lists of
            # articles are set below; nothing else of them changes.
            before_docs = None if r.get("stored") else old_docs.get((r["series"], r["fingerprint"]))
            if before_docs is not None and before_docs != r["docs"] and r["claim_ids"]:
                change.docs.append((r["claim_ids"][0], list(r["docs"])))
        moved = []
        for key in keys:
            before, after = points[key]
            group = (old.get(key) or new.get(key) or {}).get("estimate_group")
            if key not in old or key not in new or old[key]["claimant_kind"] != new[key]["claimant_kind"]:
                # Appeared, vanished, or another claimant kind: every point of it counts as changed.
                change.renamed.add(key)
                if key not in old or key not in new:
                    o = old.get(key)
                    moved.append(tuple((o or new[key])[name] for name in ("block", "name", "scope")))
                change.changed_at[key] = {(b, k) for b, k, *_ in before + after if k is not None}
                change.dirty |= change.changed_at[key]
                change.reach.setdefault(group, []).extend(reach_of(before + after, None))
                continue
            differ = Counter((b, k, fp) for b, k, fp, _, _ in after)
            differ.subtract(Counter((b, k, fp) for b, k, fp, _, _ in before))
            change.changed_at[key] = {(b, k) for (b, k, _), n in differ.items() if n and k is not None}
            change.dirty |= change.changed_at[key]
            figures = Counter((fig, d) for *_, fig, d in after)
            figures.subtract(Counter((fig, d) for *_, fig, d in before))
            change.reach.setdefault(group, []).extend(
                reach_of(before + after, {d for (_, d), n in figures.items() if n and d is not None}))
            if old[key]["n_reports"] != new[key]["n_reports"]:  # its weight as a reference series changed
                change.weighed |= {(b, k) for b, k, *_ in after if k is not None}
        if moved:  # a part is not compared with a whole whose claimant gives the part: those pairs may change
            for r in self._dicts("""
                    SELECT DISTINCT p.block, p.bucket, p.series FROM recon_points p JOIN recon_series s ON s.key = p.series
                    SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS VARCHAR[])) AS n,
                                      unnest(CAST(? AS VARCHAR[])) AS sc) f
                         ON f.b = s.block AND f.n = s.name AND f.sc = s.scope
                    WHERE p.bucket IS NOT NULL""", [[m[0] for m in moved], [m[1] for m in moved], [m[2] for m in moved]]):
                change.dirty.add((r["block"], r["bucket"]))
                change.also.setdefault((r["block"], r["bucket"]), set()).add(r["series"])

    def _peers_moved(self, change: SeriesChange) -> set[tuple[str, int]]:
        """Buckets whose reference series (``compare_bucket``'s peers) are others now that
        some series gained or lost reports: those are compared again too. A bucket's pool
        is the series with a point there or in the bucket before. A series' rank
        (``contradictions.reference_rank``) does not depend on the bucket, so the pools'
        series are ranked once in SQL, with the weights of now and of before the run, and
        each bucket's best ``MAX_PEERS_PER_BLOCK`` of either are taken (``min_by``), not
        sorted bucket by bucket (thousands of buckets of a large claimant's series: no row
        comes back but the buckets whose references moved)."""
        candidates = sorted((change.weighed | {(b, k + 1) for b, k in change.weighed}) - change.dirty)
        if not candidates:
            return set()
        weights = sorted(change.weights.items())
        independent = sorted(rules()["claimants"]["independent_kinds"])
        rank = ("NOT list_contains(CAST(? AS VARCHAR[]), coalesce(s.claimant_kind, '')), {weight} DESC, s.key")
        return {(r["b"], r["k"]) for r in self._dicts(f"""
            WITH cand AS (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS INTEGER[])) AS k),
            pool AS (SELECT DISTINCT b, k, series FROM (
                SELECT c.b, c.k, p.series FROM recon_points p JOIN cand c ON c.b = p.block AND c.k = p.bucket
                UNION ALL
                SELECT c.b, c.k, p.series FROM recon_points p JOIN cand c ON c.b = p.block AND c.k = p.bucket + 1)),
            ranked AS (
                SELECT s.key, row_number() OVER (ORDER BY {rank.format(weight="s.n_reports")}) AS now_at,
                       row_number() OVER (ORDER BY {rank.format(weight="coalesce(w.n, s.n_reports)")}) AS then_at
                FROM recon_series s SEMI JOIN (SELECT DISTINCT series FROM pool) u ON u.series = s.key
                LEFT JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS key, unnest(CAST(? AS BIGINT[])) AS n) w
                       ON w.key = s.key)
            SELECT pool.b, pool.k FROM pool JOIN ranked r ON r.key = pool.series GROUP BY pool.b, pool.k
            HAVING list_sort(min_by(r.key, r.now_at, ?)) <> list_sort(min_by(r.key, r.then_at, ?))""",
            [[b for b, _ in candidates], [k for _, k in candidates], independent, independent,
             [k for k, _ in weights], [n for _, n in weights], contra.MAX_PEERS_PER_BLOCK, contra.MAX_PEERS_PER_BLOCK])}
