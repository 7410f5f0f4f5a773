"""The reconcile stage's estimates (``stage`` says when they run): the days of the estimate
groups of the recomputed series that a changed figure reaches (a figure counts until its
series' next date, for at most ``max_age_days``: ``stage_figures.reach_of``) are estimated again, from the points of the group's
series in the windows of those days only: an estimate on a day reads each series' latest
figure of the ``max_age_days`` before it (``series.estimates_on``), never an older one, so
the points before the first window of a group are not read (most of a large claimant's)."""

from __future__ import annotations

import bisect
import itertools
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sitrep.reconcile.scope import rules
from sitrep.reconcile.series import estimates_on
from sitrep.reconcile.stage_io import StageIO, sql_in
from sitrep.records.series import Series, SeriesPoint
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows

if TYPE_CHECKING:
    from sitrep.reconcile.stage_figures import SeriesChange


def _swapped(change: SeriesChange, group: str, members: list[Series], n_points: dict[str, int],
             left: list[str]) -> set[tuple[str, str]] | None:
    """The pairs of series of an estimate group now listed in the other order (the largest
    first), or None when its first series changed. An estimate lists (and breaks ties) in
    that order and describes its scope as the first series does: a day is estimated again
    when both series of a swapped pair have a figure in its window (``_both_listed``);
    every day when the first series changed. ``n_points``: each series' points now, by key;
    ``left``: the recomputed series that were in the group before (``_was_in``)."""
    now = [s.key for s in members]
    listed = set(now)  # looked up once per series, not searched in the list (groups of thousands)
    sizes = {s.key: change.sizes.get(s.key, n_points[s.key]) for s in members
             if s.key in change.was_in or s.key not in change.keys}  # those it held before
    sizes.update({k: change.sizes[k] for k in left if k not in listed})
    before = sorted(sizes, key=lambda k: (-sizes[k], k))
    if before[:1] != now[:1]:
        return None
    old_order, new_order = [k for k in before if k in listed], [k for k in now if k in sizes]
    # Two series listed in another order: at least one of them is at another place.
    moved = {k for pair in zip(old_order, new_order) if pair[0] != pair[1] for k in pair}
    old_at = {k: i for i, k in enumerate(old_order)}
    new_at = {k: i for i, k in enumerate(new_order)}
    return {tuple(sorted((a, b))) for a in moved for b in old_order  # type: ignore[misc]
            if a != b and (old_at[a] < old_at[b]) != (new_at[a] < new_at[b])}


def _was_in(change: SeriesChange) -> dict[str, list[str]]:
    """The recomputed series by the estimate group they were in before the run (each
    group's, once, not every recomputed series tried against every group)."""
    out: dict[str, list[str]] = {}
    for key, group in change.was_in.items():
        out.setdefault(group, []).append(key)
    return out


def _both_listed(members: list[Series], pairs: set[tuple[str, str]], days: list, max_age: int) -> set:
    """The ``days`` where both series of one of ``pairs`` have a figure in the window of an
    estimate (``max_age`` days back)."""
    reach: dict[str, set] = {}

    def reached(key: str) -> set:
        if key not in reach:
            found = reach[key] = set()
            for p in next(s for s in members if s.key == key).points:
                if p.as_of is not None:
                    at = bisect.bisect_left(days, p.as_of)
                    window = itertools.islice(days, at, None)
                    found.update(itertools.takewhile(lambda d: (d - p.as_of).days <= max_age, window))
        return reach[key]

    return {d for a, b in pairs for d in reached(a) & reached(b)}


class EstimateSteps(StageIO):
    """Estimates of one run."""

    def estimates(self, change: SeriesChange) -> None:
        """Estimates again for the groups of the recomputed series, on the days a changed
        point reaches (module docstring)."""
        groups = sorted(change.groups)
        members: dict[str, list[Series]] = {}
        n_points: dict[str, int] = {}
        for row in self._dicts(f"SELECT * FROM recon_series WHERE {sql_in('estimate_group')} "
                               f"ORDER BY {recon.SERIES_ORDER}", [groups]):
            members.setdefault(row["estimate_group"], []).append(recon.series_of_row(row))
            n_points[row["key"]] = row["n_points"]
        days_of: dict[str, list[date]] = {}
        for r in self._dicts(f"""
                SELECT s.estimate_group, list(DISTINCT p.as_of ORDER BY p.as_of) AS days FROM recon_points p
                JOIN recon_series s ON s.key = p.series
                WHERE p.as_of IS NOT NULL AND {sql_in('s.estimate_group')} GROUP BY s.estimate_group""", [groups]):
            days_of[r["estimate_group"]] = r["days"]
        stored: dict[str, set[date]] = {}
        for r in self._dicts(f"SELECT estimate_group, as_of FROM recon_estimates WHERE {sql_in('estimate_group')}",
                             [groups]):
            stored.setdefault(r["estimate_group"], set()).add(r["as_of"])
        max_age = rules()["estimate"]["max_age_days"]
        was_in = _was_in(change)
        swapped = {group: _swapped(change, group, members.get(group, []), n_points, was_in.get(group, []))
                   for group in groups}
        # Groups where two series swapped places: every point of theirs is read (``_both_listed``).
        whole = {group for group, pairs in swapped.items() if pairs}
        self._read_points(members, whole, {group: days for group in groups if group not in whole
                                           and (days := self._redo(change, group, days_of, stored, swapped))},
                          max_age)
        rows: list[dict[str, Any]] = []
        gone: list[tuple[str, Any]] = []
        for group in groups:
            days = days_of.get(group, [])
            group_members = members.get(group, [])
            both = _both_listed(group_members, swapped[group] or set(), days, max_age)
            redo = self._redo(change, group, days_of, stored, swapped, both)
            old_days = stored.get(group, set())
            redone, now_days = set(redo), set(days)
            gone += [(group, d) for d in old_days if d not in now_days or d in redone]
            if redo:
                rows += recon_rows.estimate_rows_of(estimates_on(group_members, redo), group)
        if gone:
            self.con.execute("DELETE FROM recon_estimates WHERE estimate_group || '|' || CAST(as_of AS VARCHAR) "
                             "IN (SELECT unnest(CAST(? AS VARCHAR[])))", [[f"{g}|{d.isoformat()}" for g, d in gone]])
        self.insert("recon_estimates", rows)
        self.out.estimate_groups = len(groups)

    @staticmethod
    def _redo(change: SeriesChange, group: str, days_of: dict[str, list[date]], stored: dict[str, set[date]],
              swapped: dict[str, set | None], both: set = frozenset()) -> list[date]:
        """The days of ``group`` estimated again: new ones, those a changed figure reaches
        (``stage_figures.reach_of``; every one when its first series changed), and ``both``
        (``_both_listed``)."""
        days = days_of.get(group, [])
        if swapped[group] is None:
            return list(days)
        spans = sorted(change.reach.get(group, ()))
        starts, ends = [first for first, _ in spans], list(itertools.accumulate((end for _, end in spans), max))
        old_days = stored.get(group, set())

        def reached(day: date) -> bool:  # in a span: the last one starting by then, or any before, ends after it
            i = bisect.bisect_right(starts, day) - 1
            return i >= 0 and ends[i] > day

        return [d for d in days if d not in old_days or reached(d) or d in both]

    def _read_points(self, members: dict[str, list[Series]], whole: set[str], redo: dict[str, list[date]],
                     max_age: int) -> None:
        """The points of the groups' series: every one of ``whole``'s groups, and of the
        others those from ``max_age`` days before their first day estimated again on
        (module docstring; in series order, dated points first as stored)."""
        since = {group: days[0] - timedelta(days=max_age) for group, days in redo.items()}
        since.update({group: date.min for group in whole})
        if not since:
            return
        by_key = {s.key: s for group in since for s in members.get(group, [])}
        chosen = sorted(since)
        for r in self._dicts("""
                SELECT p.series, p.as_of, p.value, p.low, p.high, p.qualifier FROM recon_points p
                JOIN recon_series s ON s.key = p.series
                JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS g, unnest(CAST(? AS DATE[])) AS since) w
                     ON w.g = s.estimate_group AND (p.as_of >= w.since OR p.as_of IS NULL)
                ORDER BY p.series, p.idx""", [chosen, [since[g] for g in chosen]]):
            by_key[r["series"]].points.append(SeriesPoint(as_of=r["as_of"], value=r["value"], low=r["low"],
                                                          high=r["high"], qualifier=r["qualifier"]))
