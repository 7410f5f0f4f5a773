"""The reconcile stage: the cross-source layer computed after extraction and stored.

``reconcile(store)`` brings the stored results (tables ``recon_*``, see
``sitrep.store.reconciled``) up to date with the articles, in one transaction, and
recomputes only what new, changed or removed articles touch:

1. **Which articles.** Each article reconciled is recorded with a stamp (its content hash
   and when its row was written: every writer, `sitrep run`, `load`, the web app, rewrites
   the row). Articles whose stamp differs are new or changed; records with no article are
   removed ones.
2. **Copies** are found again over the stored MinHash signatures (near-linear, no text);
   docs whose canonical article changed count as touched.
3. **Claims** of new articles get their scope, series key and block once, kept in
   ``recon_claims``. A series is recomputed when it holds a claim of a touched article
   (new, changed, removed, or its copy mapping changed).
4. **Estimates** are recomputed per quantity, category, subgroup and scope holding a
   recomputed series; **figure contradictions** per block (quantity, category group, era:
   ``contradictions.figure_block``), since figures of two blocks are never compared;
   **control contradictions** per place.
5. **Stories**: each article's block keys are kept; the groups are found again over the
   stored keys, and only stories that gained or lost an article, or hold a touched one,
   are rebuilt.
6. **Framing**: each article's labels are read once and kept per article; the rows of an
   outlet are added up again when one of its articles is touched.

The results equal a full recompute (``compute``) whatever order articles arrived in.
Contradictions are stored for the default window (``DEFAULT_WINDOW_DAYS``); another
window is computed from the stored series (``contradictions_for_window``).

Staleness: ``recon_state`` holds a fingerprint of the stage's code version and rules data
(``data/reconcile.json``, framing words, actor files). A store whose fingerprint differs
(an older version, changed rules), or that holds articles not yet reconciled (a run
interrupted before its reconcile, rows written by older code), is stale: ``stale_reason``
says why, and ``ensure_reconciled`` brings it up to date, or raises ``ReconcileStale``
when the store is read-only. Readers never show stale results silently.
"""

from __future__ import annotations

import bisect
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from sitrep import __version__
from sitrep.reconcile import contradictions as contra
from sitrep.reconcile import framing as fr
from sitrep.reconcile import stories as st
from sitrep.reconcile.copies import copy_map, extend_copies, find_copies
from sitrep.reconcile.scope import is_independent, point_range, rules, scope_of
from sitrep.reconcile.series import build_series, estimates, series_key
from sitrep.records import content_id
from sitrep.records.contradictions import Contradiction
from sitrep.records.framing import DocSlot, FramingRow
from sitrep.records.groups import CopyGroup, Story
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow, PlaceMentionRow
from sitrep.records.series import Estimate, Report, Scope, Series, SeriesPoint, estimate_group
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows
from sitrep.store.queries import (
    ARTICLE_COLUMNS, CLAIM_ORDER, CLAIM_SELECT, EVENT_ORDER, EVENT_SELECT, PLACE_ORDER, PLACE_SELECT, records,
)
from sitrep.reconcile.state import (  # noqa: F401  (re-exported)
    STAMP, ReconcileStale, can_write, ensure_reconciled, fingerprint, stale_reason,
)

DEFAULT_WINDOW_DAYS = contra.DEFAULT_WINDOW_DAYS
R = TypeVar("R")
# Articles read per query while reconciling new ones (texts for framing, rows for the
# rest): memory stays flat however many arrive at once.
DOC_BATCH = 500


@dataclass(slots=True)
class Reconciled:
    """What one run of the stage did."""

    full: bool = False  # rebuilt from scratch (first run, other rules or version)
    articles: int = 0  # articles in the store
    new: int = 0  # articles reconciled for the first time, or again after a change
    removed: int = 0  # articles gone since the last run
    copies_changed: int = 0  # articles whose copy group changed
    series: int = 0  # series recomputed (including ones that vanished)
    estimate_groups: int = 0
    blocks: int = 0  # contradiction blocks compared again (weeks of a quantity and category group; places)
    stories: int = 0  # stories rebuilt
    outlets: int = 0  # outlets whose framing rows were added up again
    seconds: float = 0.0

    @property
    def did_something(self) -> bool:
        return self.full or bool(self.new or self.removed)

    def line(self) -> str:
        """'reconciled 100 new articles in 2.1 s: 310 series, 12 blocks, 3 stories, 4 outlets'."""
        if not self.did_something:
            return f"reconcile results up to date ({self.articles:,} articles)"
        what = "rebuilt for" if self.full else "reconciled"
        parts = [f"{self.series:,} series", f"{self.estimate_groups:,} estimate groups",
                 f"{self.blocks:,} contradiction blocks", f"{self.stories:,} stories",
                 f"{self.outlets:,} outlets' framing"]
        removed = f", {self.removed:,} removed" if self.removed else ""
        return (f"{what} {self.new:,} new or changed articles{removed} in {self.seconds:.1f}s: "
                + ", ".join(parts))


@dataclass(slots=True)
class Computed:
    """The whole cross-source layer computed in memory from the store (nothing stored)."""

    copies: list[CopyGroup] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    framing: list[FramingRow] = field(default_factory=list)


# -- the stage --------------------------------------------------------------------------------

def reconcile(store, *, full: bool = False) -> Reconciled:
    """Bring the stored cross-source results up to date (module docstring), in one
    transaction; ``full``: recompute everything. Returns what was done."""
    if not can_write(store):
        raise ReconcileStale(f"{store.path} is open read-only; the reconcile stage writes its results")
    started = time.perf_counter()
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        out = _Run(store, full).run()
        out.seconds = round(time.perf_counter() - started, 2)
        recon.set_state(con, {"fingerprint": fingerprint(),
                              "reconciled_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                              "last_run": json.dumps(asdict(out))})
        con.execute("COMMIT")
    except BaseException:
        # BaseException too: a Ctrl-C mid-stage leaves the results as they were (stale, so
        # the next run or read brings them up to date).
        con.execute("ROLLBACK")
        raise
    return out


def _sql_in(column: str) -> str:
    return f"{column} IN (SELECT unnest(CAST(? AS VARCHAR[])))"


def _chunks(items: Sequence[str], size: int = DOC_BATCH) -> Iterator[list[str]]:
    for at in range(0, len(items), size):
        yield list(items[at:at + size])


class _Run:
    """One run of the stage inside its transaction (reads on the same connection, so they
    see what this run has written)."""

    def __init__(self, store, full: bool) -> None:
        self.store = store
        self.con = store.connection
        self.out = Reconciled()
        self.full = full

    # -- reads ------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def _records(self, sql: str, params: Sequence[Any], make: Callable[..., R]) -> list[R]:
        """Rows of a query as records ``make(**row)``, built by column name."""
        return records(self.con, sql, params, lambda row: make(**row))

    def claims(self, where: str, params: Sequence[Any]) -> list[ClaimRow]:
        return self._records(f"{CLAIM_SELECT} WHERE {where} ORDER BY {CLAIM_ORDER}", params, ClaimRow)

    def events(self, docs: Sequence[str]) -> list[EventRow]:
        out: list[EventRow] = []
        for chunk in _chunks(docs):
            out += self._records(f"{EVENT_SELECT} WHERE {_sql_in('e.doc')} ORDER BY {EVENT_ORDER}", [chunk], EventRow)
        return out

    def delete(self, table: str, column: str, values: Iterable[str]) -> None:
        values = list(values)
        if values:
            self.con.execute(f"DELETE FROM {table} WHERE {_sql_in(column)}", [values])

    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.store.insert_rows(table, rows)

    # -- the steps ----------------------------------------------------------------------------

    def run(self) -> Reconciled:
        out = self.out
        if self.full or recon.state(self.con).get("fingerprint") != fingerprint():
            for table in recon.TABLES:
                self.con.execute(f"DELETE FROM {table}")
            out.full = True
        out.articles = self._rows("SELECT count(*) FROM articles")[0][0]
        changed = self._rows(f"""SELECT a.id, {STAMP}, coalesce(nullif(a.outlet, ''), a.id),
                                        coalesce(length(a.text), 0) > 0
                                 FROM articles a ANTI JOIN recon_docs r ON r.doc = a.id AND r.stamp = {STAMP}
                                 ORDER BY a.id""")
        gone = self._rows(f"""SELECT r.doc, r.outlet, r.blocks FROM recon_docs r
                              ANTI JOIN articles a ON a.id = r.doc AND r.stamp = {STAMP}""")
        self.changed = [r[0] for r in changed]
        changed_set = set(self.changed)
        self.gone = [r[0] for r in gone]
        out.new = len(self.changed)
        out.removed = len({r[0] for r in gone} - changed_set)
        if not changed and not gone:
            return out
        touched_docs = changed_set | set(self.gone)

        copy_of, copy_changed = self.copies()
        out.copies_changed = len(copy_changed)
        touched_docs |= copy_changed
        blocks_of: dict[str, set[str]] = {doc: set() for doc in self.changed}
        series_keys = self.claim_index(copy_of, copy_changed - changed_set, blocks_of)
        change = self.series(series_keys, copy_of)
        self.estimates(change)
        full, merge = self.control_blocks(blocks_of, gone)
        self.docs(changed, blocks_of)
        self.figure_contradictions(change)
        self.control_contradictions(full, merge)
        self.stories(copy_of, touched_docs)
        self.framing(changed, gone)
        return out

    def copies(self) -> tuple[dict[str, str], set[str]]:
        old_map = recon.copy_map(self.con)
        if self.gone:  # an article went or changed: its groups may split, search them all again
            groups = find_copies(self.store)  # stored signatures; near-linear, no text
        else:  # only new articles: the stored groups stand, the new ones are looked up against all
            known: dict[str, list[str]] = {}
            for doc, group in old_map.items():
                known.setdefault(group, []).append(doc)
            groups = extend_copies(self.store, known.values(), self.changed)
        new_map = copy_map(groups)
        changed = {d for d in old_map.keys() | new_map.keys() if old_map.get(d) != new_map.get(d)}
        self.con.execute("DELETE FROM recon_copies")
        self.insert("recon_copies", recon_rows.copy_rows_of(groups))
        return new_map, changed

    def claim_index(self, copy_of: dict[str, str], copy_changed: set[str],
                    blocks_of: dict[str, set[str]]) -> set[str]:
        """Scopes, series keys and blocks of new claims; returns the series keys touched."""
        keys = {r[0] for r in self._rows(f"SELECT series FROM recon_claims WHERE {_sql_in('doc')}",
                                         [self.gone + sorted(copy_changed)])}
        self.delete("recon_claims", "doc", self.gone)
        for chunk in _chunks(self.changed):
            rows = []
            for c in self.claims(_sql_in("c.doc"), [chunk]):
                scope = scope_of(c)
                rows.append(_claim_row(c, scope, copy_of))
                blocks_of[c.doc].add(rows[-1]["block"])
            self.insert("recon_claims", rows)
            keys.update(r["series"] for r in rows)
        if copy_changed:  # an unattributed claim of an article with no outlet is keyed by its canonical article
            moved = sorted(copy_changed - set(self.gone))
            scopes = self._scopes(_sql_in("doc"), [moved])
            rows = [_claim_row(c, scopes[c.id], copy_of) for c in self.claims(_sql_in("c.doc"), [moved])
                    if c.id in scopes]
            self.delete("recon_claims", "doc", moved)
            self.insert("recon_claims", rows)
            keys.update(r["series"] for r in rows)
        return keys

    def _scopes(self, where: str, params: Sequence[Any]) -> dict[str, Scope]:
        found = records(self.con, f"SELECT * FROM recon_claims WHERE {where}", params, dict)
        return {r["claim"]: recon.scope_of_row(r) for r in found}

    def series(self, keys: set[str], copy_of: dict[str, str]) -> _Change:
        """Recompute the series ``keys`` and say what changed (``_Change``): the estimate
        groups and dates, and the contradiction buckets to compare again."""
        ordered = sorted(keys)
        old = {r[0]: r[1:] for r in self._rows(
            "SELECT key, block, estimate_group, name, scope, claimant_kind, n_reports, n_points FROM recon_series "
            f"WHERE {_sql_in('key')}", [ordered])}
        old_points = self._rows("SELECT series, block, bucket, fingerprint, figure, as_of, docs, claim_ids[1] "
                                f"FROM recon_points WHERE {_sql_in('series')}", [ordered])
        claims = self.claims(f"c.id IN (SELECT claim FROM recon_claims WHERE {_sql_in('series')})", [ordered])
        built = build_series(claims, copy_of=copy_of, scopes=self._scopes(_sql_in("series"), [ordered]))
        for table, column in (("recon_series", "key"), ("recon_points", "series"), ("recon_reports", "series")):
            self.delete(table, column, ordered)
        s_rows, p_rows, r_rows = recon_rows.series_rows_of(built, _series_block, _bucket)
        self.insert("recon_series", s_rows)
        self.insert("recon_points", p_rows)
        self.insert("recon_reports", r_rows)
        self.out.series = len(keys)
        new = {r["key"]: r for r in s_rows}
        change = _Change(built=built, keys=keys, weights={k: v[5] for k, v in old.items()},
                         sizes={k: v[6] for k, v in old.items()}, was_in={k: v[1] for k, v in old.items()})
        change.groups = {v[1] for v in old.values()} | {r["estimate_group"] for r in s_rows}
        points: dict[str, tuple[list[tuple], list[tuple]]] = {k: ([], []) for k in keys}
        old_docs: dict[tuple[str, str], list[str]] = {}
        for key, block, bucket, fingerprint, figure, as_of, docs, _ in old_points:
            points[key][0].append((block, bucket, fingerprint, figure, as_of))
            old_docs[(key, fingerprint)] = list(docs or [])
        for r in p_rows:
            points[r["series"]][1].append((r["block"], r["bucket"], r["fingerprint"], r["figure"], r["as_of"]))
            # The same point reported by more (or fewer) articles: its contradictions' lists of
            # articles are set below; nothing else of them changes.
            before_docs = old_docs.get((r["series"], r["fingerprint"]))
            if before_docs is not None and before_docs != r["docs"] and r["claim_ids"]:
                change.docs.append((r["claim_ids"][0], list(r["docs"])))
        moved = []
        for key in keys:
            before, after = points[key]
            group = (old.get(key) or (None, new[key]["estimate_group"] if key in new else None))[1]
            if key not in old or key not in new or old[key][4] != new[key]["claimant_kind"]:
                # Appeared, vanished, or another claimant kind: every point of it counts as changed.
                change.renamed.add(key)
                if key not in old or key not in new:
                    o = old.get(key)
                    moved.append((o[0], o[2], o[3]) if o else (new[key]["block"], new[key]["name"], new[key]["scope"]))
                change.dirty |= {(b, k) for b, k, *_ in before + after if k is not None}
                change.dates.setdefault(group, set()).update(d for *_, d in before + after if d is not None)
                continue
            differ = Counter((b, k, fp) for b, k, fp, _, _ in after)
            differ.subtract(Counter((b, k, fp) for b, k, fp, _, _ in before))
            change.dirty |= {(b, k) for (b, k, _), n in differ.items() if n and k is not None}
            figures = Counter((fig, d) for *_, fig, d in after)
            figures.subtract(Counter((fig, d) for *_, fig, d in before))
            change.dates.setdefault(group, set()).update(d for (_, d), n in figures.items() if n and d is not None)
            if old[key][5] != new[key]["n_reports"]:  # its weight as a reference series changed
                change.weighed |= {(b, k) for b, k, *_ in after if k is not None}
        if moved:  # a part is not compared with a whole whose claimant gives the part: those pairs may change
            change.dirty.update(self._rows("""
                SELECT DISTINCT p.block, p.bucket FROM recon_points p JOIN recon_series s ON s.key = p.series
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS VARCHAR[])) AS n,
                                  unnest(CAST(? AS VARCHAR[])) AS sc) f
                     ON f.b = s.block AND f.n = s.name AND f.sc = s.scope
                WHERE p.bucket IS NOT NULL""", [[m[0] for m in moved], [m[1] for m in moved], [m[2] for m in moved]]))
        change.dirty |= {(b, k + 1) for b, k in change.dirty}  # a bucket's comparisons reach back one week
        change.dirty |= self._peers_moved(change)
        return change

    def _peers_moved(self, change: _Change) -> set[tuple[str, int]]:
        """Buckets whose reference series (``compare_bucket``'s peers) are others now that
        some series gained or lost reports: those are compared again too."""
        candidates = (change.weighed | {(b, k + 1) for b, k in change.weighed}) - change.dirty
        if not candidates:
            return set()
        needed = candidates | {(b, k - 1) for b, k in candidates}
        pools: dict[tuple[str, int], set[str]] = {}
        for block, bucket, key in self._rows("""
                SELECT DISTINCT p.block, p.bucket, p.series FROM recon_points p
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS INTEGER[])) AS k) f
                     ON f.b = p.block AND f.k = p.bucket""", [[b for b, _ in needed], [k for _, k in needed]]):
            for at in ((block, bucket), (block, bucket + 1)):
                if at in candidates:
                    pools.setdefault(at, set()).add(key)
        keys = sorted({k for pool in pools.values() for k in pool})
        now = {r[0]: (r[1], r[2]) for r in self._rows(
            f"SELECT key, claimant_kind, n_reports FROM recon_series WHERE {_sql_in('key')}", [keys])}
        moved = set()
        for at, pool in pools.items():
            def peers(weight: dict[str, int]) -> set[str]:
                return set(sorted(pool, key=lambda k: (not is_independent(now[k][0]), -weight.get(k, now[k][1]), k))
                           [:contra.MAX_PEERS_PER_BLOCK])
            if peers({}) != peers(change.weights):
                moved.add(at)
        return moved

    def estimates(self, change: _Change) -> None:
        """Estimates again for the groups of the recomputed series, on the days a changed
        point reaches (a figure counts for ``max_age_days`` after its date)."""
        groups = sorted(change.groups)
        series = {}
        for s in recon.series(self.con, groups=groups, reports=False):
            series.setdefault(estimate_group(s), []).append(s)
        stored = {}
        for group, day in self._rows(f"SELECT estimate_group, as_of FROM recon_estimates WHERE {_sql_in('estimate_group')}",
                                     [groups]):
            stored.setdefault(group, set()).add(day)
        max_age = rules()["estimate"]["max_age_days"]
        rows: list[dict[str, Any]] = []
        gone: list[tuple[str, Any]] = []
        for group in groups:
            members = series.get(group, [])
            days = sorted({p.as_of for s in members for p in s.points if p.as_of is not None})
            changed = sorted(change.dates.get(group, ()))
            old_days = stored.get(group, set())

            def reached(day: Any) -> bool:
                i = bisect.bisect_right(changed, day) - 1
                return i >= 0 and (day - changed[i]).days <= max_age

            # An estimate lists (and breaks ties) in the order of its group's series, the largest
            # first, and describes its scope as the first one does: when that order or the first
            # series changed, every day of the group is estimated again.
            now = [s.key for s in members]
            sizes = {s.key: change.sizes.get(s.key, len(s.points)) for s in members
                     if s.key in change.was_in or s.key not in change.keys}  # those it held before
            sizes.update({k: n for k, n in change.sizes.items() if change.was_in[k] == group and k not in now})
            before = sorted(sizes, key=lambda k: (-sizes[k], k))
            if [k for k in before if k in now] != [k for k in now if k in sizes] or before[:1] != now[:1]:
                changed = days
            redo = [d for d in days if d not in old_days or reached(d)]
            gone += [(group, d) for d in old_days if d not in days or reached(d)]
            if redo:
                dates = {id(s): [p.as_of for p in s.points if p.as_of is not None] for s in members}
                rows += recon_rows.estimate_rows_of([_one_estimate(members, d, dates) for d in redo], group)
        if gone:
            self.con.execute("DELETE FROM recon_estimates WHERE estimate_group || '|' || CAST(as_of AS VARCHAR) "
                             "IN (SELECT unnest(CAST(? AS VARCHAR[])))", [[f"{g}|{d.isoformat()}" for g, d in gone]])
        self.insert("recon_estimates", rows)
        self.out.estimate_groups = len(groups)

    def control_blocks(self, blocks_of: dict[str, set[str]], gone: list[tuple]) -> tuple[set[str], set[str]]:
        """The places whose control statements changed: those where a statement went (all
        compared again) and those that only gained statements (merged: ``control``)."""
        full = {b for _, _, old in gone for b in (old or ()) if b.startswith("control:")}
        self.new_control: list[tuple[str, EventRow]] = []
        for e in self.events(self.changed):
            block = contra.control_block(e)
            if block is not None:
                blocks_of.setdefault(e.doc, set()).add(block)
                self.new_control.append((block, e))
        return full, {b for b, _ in self.new_control} - full

    def docs(self, changed: list[tuple], blocks_of: dict[str, set[str]]) -> None:
        self.delete("recon_docs", "doc", self.gone + self.changed)
        self.insert("recon_docs", [{"doc": doc, "stamp": stamp, "outlet": outlet, "framed": framed,
                                    "blocks": sorted(blocks_of.get(doc, ()))}
                                   for doc, stamp, outlet, framed in changed])
        self.delete("recon_control", "doc", self.gone + self.changed)
        self.insert("recon_control", [{"event": e.id, "doc": e.doc, "block": b, "day": e.date or e.published}
                                      for b, e in self.new_control])

    def figure_contradictions(self, change: _Change) -> None:
        """A series' own updates where its points changed; the figures of the changed
        buckets compared again (``contradictions.compare_bucket``), from the stored series."""
        if change.docs:  # points reported by more articles: their contradictions list them all
            refs, docs = [r for r, _ in change.docs], [d for _, d in change.docs]
            for side in ("a", "b"):
                self.con.execute(f"""
                    UPDATE recon_contradictions SET {side}_docs = f.docs
                    FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS ref, unnest(CAST(? AS VARCHAR[][])) AS docs) f
                    WHERE recon_contradictions.{side}_ref = f.ref""", [refs, docs])
        rows: list[dict[str, Any]] = []
        stored: dict[str, set[str]] = {}
        for block, pair in self._rows(f"SELECT block, pair FROM recon_contradictions WHERE {_sql_in('block')}",
                                      [[f"update:{k}" for k in change.keys]]):
            stored.setdefault(block, set()).add(pair)
        kept: list[tuple[str, str]] = []
        for s in change.built:
            block = f"update:{s.key}"
            found, pairs = [], []
            reuse = stored.get(block, set()) if s.key not in change.renamed else set()
            for p, q, pair in _update_pairs(s):
                if pair in reuse:
                    kept.append((block, pair))
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
        buckets = change.dirty
        self.delete("recon_contradictions", "block", [f"{b}#{k}" for b, k in buckets])
        needed = buckets | {(b, k - 1) for b, k in buckets}
        blocks = sorted({b for b, _ in buckets})
        by_key: dict[str, Series] = {}
        weights: dict[str, int] = {}
        given: dict[str, set[tuple[str, str, str, str]]] = {}
        for row in records(self.con, f"SELECT * FROM recon_series WHERE {_sql_in('block')}", [blocks], dict):
            s = by_key[row["key"]] = recon.series_of_row(row)
            weights[s.key] = row["n_reports"]
            given.setdefault(row["block"], set()).add(contra.given_key(s))
        chosen = """SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS INTEGER[])) AS k) f
                    ON f.b = p.block AND f.k = p.bucket"""
        params = [[b for b, _ in needed], [k for _, k in needed]]
        points: dict[tuple[str, int], SeriesPoint] = {}
        by_bucket: dict[tuple[str, int], dict[int, list[SeriesPoint]]] = {}
        for key, idx, block, bucket, as_of, value, low, high, qualifier in self._rows(
                "SELECT p.series, p.idx, p.block, p.bucket, p.as_of, p.value, p.low, p.high, p.qualifier "
                f"FROM recon_points p {chosen} ORDER BY p.series, p.idx", params):
            point = points[(key, idx)] = SeriesPoint(as_of, value, low, high, qualifier)
            s = by_key[key]
            s.points.append(point)
            by_bucket.setdefault((block, bucket), {}).setdefault(id(s), []).append(point)
        for r in records(self.con, f"""
                SELECT r.* FROM recon_reports r
                SEMI JOIN (SELECT p.series, p.idx FROM recon_points p {chosen}) x ON x.series = r.series AND x.idx = r.point
                ORDER BY r.series, r.point, r.idx""", params, dict):
            points[(r["series"], r["point"])].reports.append(Report(
                r["doc"], r["outlet"], r["published"], r["claim_id"], r["sentence"], r["value"], r["qualifier"],
                list(r["copies"] or [])))
        by_id = {id(s): s for s in by_key.values()}
        for block, k in sorted(buckets):
            members = by_bucket.get((block, k))
            if not members:
                continue
            found = contra.compare_bucket(members, by_bucket.get((block, k - 1), {}), by_id, given[block],
                                          DEFAULT_WINDOW_DAYS, lambda s: weights[s.key])
            rows += recon_rows.contradiction_rows_of(sorted(found, key=contra.order), f"{block}#{k}")
        self.insert("recon_contradictions", rows)
        self.out.blocks += len(buckets)

    def _events_by_id(self, ids: Iterable[str]) -> dict[str, EventRow]:
        out: dict[str, EventRow] = {}
        for chunk in _chunks(sorted(set(ids)), 5_000):
            out.update((e.id, e) for e in self._records(
                f"{EVENT_SELECT} WHERE {_sql_in('e.id')} ORDER BY {EVENT_ORDER}", [chunk], EventRow))
        return out

    def control_contradictions(self, full: set[str], merge: set[str]) -> None:
        """Places where a statement went are compared again in full; places that only
        gained statements keep their stored pairs unless a pair with a new statement is
        nearer (``contradictions.control_best`` over the new ones: what a full compare of
        the place would find, since no pair went)."""
        rows: list[dict[str, Any]] = []
        if full:
            ids = [r[0] for r in self._rows(f"SELECT event FROM recon_control WHERE {_sql_in('block')}", [sorted(full)])]
            by_place: dict[str, list[contra.ControlItem]] = {}
            for e in self._events_by_id(ids).values():
                by_place.setdefault(contra.control_block(e), []).append(contra.control_item(e))  # type: ignore[arg-type]
            for block, items in by_place.items():
                found = [contra.control_make(a, b, days) for days, a, b in contra.control_best(items).values()]
                rows += recon_rows.contradiction_rows_of(sorted(found, key=contra.order), block)
        if merge:
            new: dict[str, list[EventRow]] = {}
            for block, e in self.new_control:
                if block in merge:
                    new.setdefault(block, []).append(e)
            span = {b: (min(e.date or e.published for e in es), max(e.date or e.published for e in es))
                    for b, es in new.items()}
            near = self._rows("""
                SELECT c.block, c.event FROM recon_control c
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS DATE[])) AS lo,
                                  unnest(CAST(? AS DATE[])) AS hi) f
                     ON f.b = c.block AND c.day BETWEEN f.lo AND f.hi""",
                [list(span), [lo - timedelta(days=DEFAULT_WINDOW_DAYS) for lo, _ in span.values()],
                 [hi + timedelta(days=DEFAULT_WINDOW_DAYS) for _, hi in span.values()]])
            stored = records(self.con, f"SELECT block, a_ref, b_ref FROM recon_contradictions "
                                             f"WHERE {_sql_in('block')}", [sorted(merge)], dict)
            events = self._events_by_id([r[1] for r in near] + [r["a_ref"] for r in stored]
                                        + [r["b_ref"] for r in stored])
            nearby: dict[str, list[contra.ControlItem]] = {}
            for block, event in near:
                nearby.setdefault(block, []).append(contra.control_item(events[event]))  # type: ignore[arg-type]
            best: dict[str, dict[tuple, tuple[int, contra.ControlItem, contra.ControlItem]]] = {b: {} for b in merge}
            for r in stored:
                a, b = contra.control_item(events[r["a_ref"]]), contra.control_item(events[r["b_ref"]])
                best[r["block"]][contra.control_pair(a, b)] = ((b[0] - a[0]).days, a, b)  # type: ignore[index]
            for block in merge:
                ids = {e.id for e in new[block]}
                for pair, (days, a, b) in contra.control_best(nearby.get(block, []), new=ids).items():
                    old = best[block].get(pair)
                    if old is None or (days, contra.control_order(a), contra.control_order(b)) < \
                            (old[0], contra.control_order(old[1]), contra.control_order(old[2])):
                        best[block][pair] = (days, a, b)
                found = [contra.control_make(a, b, days) for days, a, b in best[block].values()]
                rows += recon_rows.contradiction_rows_of(sorted(found, key=contra.order), block)
        self.delete("recon_contradictions", "block", full | merge)
        self.insert("recon_contradictions", rows)
        self.out.blocks += len(full) + len(merge)

    def stories(self, copy_of: dict[str, str], touched: set[str]) -> None:
        lexicon = st.load_actors()
        self.delete("recon_story_docs", "doc", self.gone + self.changed)
        for chunk in _chunks(self.changed):
            articles = self._records(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {_sql_in('a.id')} ORDER BY a.id", [chunk], ArticleRow)
            mentions = self._records(
                f"{PLACE_SELECT} WHERE {_sql_in('p.doc')} ORDER BY {PLACE_ORDER}", [chunk], PlaceMentionRow)
            docs = st.doc_summaries(articles, self.events(chunk), mentions, lexicon)
            rows = []
            for doc_id, doc in docs.items():
                keys = st.block_keys(doc)
                if keys:  # an article sharing no key is in no story
                    rows.append({"doc": doc_id, "summary": st.summary_json(doc), "keys": keys})
            self.insert("recon_story_docs", rows)
        groups = st.connected(dict(self._rows("SELECT doc, keys FROM recon_story_docs")))
        stored = {r[0] for r in self._rows("SELECT id FROM recon_stories")}
        keep: list[str] = []
        build: list[list[str]] = []
        for members in groups:
            if len(members) < st.MIN_STORY_DOCS:
                continue
            sid = content_id("story", *sorted(members))
            if sid in stored and touched.isdisjoint(members):
                keep.append(sid)
            else:
                build.append(members)
        self.con.execute("DELETE FROM recon_stories WHERE id NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))", [keep])
        needed = sorted({d for members in build for d in members})
        summaries = {doc: st.summary_from_json(text) for doc, text in self._rows(
            f"SELECT doc, summary FROM recon_story_docs WHERE {_sql_in('doc')}", [needed])}
        self.insert("recon_stories", recon_rows.story_rows_of(st.make_story(m, summaries, copy_of) for m in build))
        self.out.stories = len(build)

    def framing(self, changed: list[tuple], gone: list[tuple]) -> None:
        lexicon = fr.load_actors()
        words = _framing_words()
        self.delete("recon_framing_docs", "doc", self.gone + self.changed)
        for chunk in _chunks(self.changed):
            slots: list[DocSlot] = []
            for doc_id, outlet, text in self._rows(
                    f"SELECT id, outlet, text FROM articles WHERE {_sql_in('id')} ORDER BY id", [chunk]):
                slots += fr.doc_slots(_Text(doc_id, outlet, text), lexicon, words)
            self.insert("recon_framing_docs", recon_rows.framing_slot_rows_of(slots))
        outlets = {r[1] for r in gone} | {r[2] for r in changed}
        counts = dict(self._rows(f"SELECT outlet, count(*) FROM recon_docs WHERE framed AND {_sql_in('outlet')} "
                                 "GROUP BY outlet", [sorted(outlets)]))
        rows = fr.add_up(recon.framing_slots(self.con, outlets), counts, words)
        self.delete("recon_framing", "outlet", outlets)
        self.insert("recon_framing", recon_rows.framing_rows_of(rows))
        self.delete("recon_outlets", "outlet", outlets)
        self.insert("recon_outlets", recon_rows.outlet_rows_of(fr.outlet_summary(rows)))
        self.out.outlets = len(outlets)



@dataclass(slots=True)
class _Text:
    id: str
    outlet: str | None
    text: str | None


_WORDS: dict[Any, fr.FramingWords] = {}


def _framing_words() -> fr.FramingWords:
    """The compiled framing words, once per process and set of actor files."""
    key = (os.environ.get("SITREP_DATA_DIR"),)
    if key not in _WORDS:
        _WORDS[key] = fr.load_framing_words(fr.load_actors())
    return _WORDS[key]


def _series_block(s: Series) -> str:
    return contra.figure_block(s.quantity, s.category, s.scope.key)


@dataclass(slots=True)
class _Change:
    """What recomputing some series changed."""

    built: list[Series]  # the series recomputed (those that still exist)
    keys: set[str]  # their keys, and those of series that vanished
    weights: dict[str, int]  # their reports before, by key (a reference series' weight)
    sizes: dict[str, int]  # their points before, by key (the order of a group's series)
    was_in: dict[str, str]  # their estimate group before, by key
    renamed: set[str] = field(default_factory=set)  # appeared, vanished or of another claimant kind
    groups: set[str] = field(default_factory=set)  # estimate groups holding one
    dates: dict[str, set] = field(default_factory=dict)  # estimate group -> dates of changed figures
    dirty: set[tuple[str, int]] = field(default_factory=set)  # buckets to compare again
    weighed: set[tuple[str, int]] = field(default_factory=set)  # buckets of series whose weight changed
    docs: list[tuple[str, list[str]]] = field(default_factory=list)  # (first claim of a point, its new docs)


def _update_pairs(s: Series) -> Iterator[tuple[SeriesPoint, SeriesPoint, str]]:
    """``contradictions._updates`` of one series, as (point, next point, their fingerprints)."""
    for p, q in zip(s.points, s.points[1:]):
        if p.as_of is None or q.as_of is None or (q.as_of - p.as_of).days > DEFAULT_WINDOW_DAYS:
            continue
        if not contra.agree(point_range(p), point_range(q)):
            yield p, q, f"{recon_rows.point_fingerprint(p)}|{recon_rows.point_fingerprint(q)}"


def _one_estimate(members: list[Series], day: Any, dates: dict[int, list]) -> Estimate:
    from sitrep.reconcile.series import _estimate

    return _estimate(members, day, dates)


def _bucket(s: Series, p: SeriesPoint) -> int | None:
    found = contra.bucket_of(s, p, DEFAULT_WINDOW_DAYS)
    return None if found is None else found[3]


def _estimate_group(e: Estimate) -> str:
    return "/".join((e.quantity, e.category, e.subgroup or "", e.scope))


def _claim_row(c: ClaimRow, scope: Scope, copy_of: dict[str, str]) -> dict[str, Any]:
    return {"claim": c.id, "doc": c.doc, "series": series_key(c, scope, copy_of),
            "block": contra.figure_block(c.quantity, c.category, scope.key), "era": scope.era,
            "region": scope.region, "region_text": scope.region_text, "period": scope.period,
            "incident": scope.incident, "period_start": scope.period_start}


# -- in memory, from scratch ---------------------------------------------------------------------

def compute(store, *, window_days: int = DEFAULT_WINDOW_DAYS) -> Computed:
    """The whole layer computed from scratch in memory (what the stage stores, for checks)."""
    out = Computed()
    out.copies = find_copies(store)
    out.copy_of = copy_map(out.copies)
    out.series = build_series(store.iter_claims(), copy_of=out.copy_of)
    out.estimates = estimates([], series=out.series)
    out.contradictions = contra.find_contradictions([], store.events(), copy_of=out.copy_of,
                                                    series=out.series, window_days=window_days)
    out.stories = st.find_stories(store.iter_articles(), store.iter_events(), store.iter_place_mentions(),
                                  copies=out.copy_of)
    out.framing = fr.framing(store.iter_articles(with_text=True))
    return out


def contradictions_for_window(store, window_days: int) -> list[Contradiction]:
    """Contradictions for a window other than the stored one: computed from the stored
    series (no copy detection or series again) and the events."""
    found = contra.find_contradictions([], store.events(), series=store.series(), window_days=window_days)
    return found
