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
   (new, changed, removed, or its copy mapping changed); one that only gained claims of
   new articles in part, from the claims of the days they reach (``stage_gain``; its other
   points stay as stored and move in SQL, ``stage_window``), and only its points that
   changed are written (``stage_points``).
4. **Estimates** are recomputed per quantity, category, subgroup and scope holding a
   recomputed series; **figure contradictions** per block (quantity, category group, era:
   ``contradictions.figure_block``), since figures of two blocks are never compared, and
   within a week only the pairs of the series that changed there (``stage_contradictions``);
   **control contradictions** per place.
5. **Stories**: each article's block keys are kept; new articles join the stored groups
   they share a key with (when one went or changed, the groups are found again over every
   stored key), and only stories that gained or lost an article, or hold a touched one,
   are rebuilt.
6. **Framing**: each article's labels are read once and kept per article; the rows of an
   outlet are added up again when one of its articles is touched.

The results equal a full recompute (``from_scratch.compute``) whatever order articles arrived in.
Contradictions are stored for the default window (``scope.DEFAULT_WINDOW_DAYS``); another
window is computed from the stored series (``contradictions_for_window``).

Staleness: ``recon_state`` holds a fingerprint of the stage's code version and rules data
(``data/reconcile.json``, framing words, actor files). A store whose fingerprint differs
(an older version, changed rules), or that holds articles not yet reconciled (a run
interrupted before its reconcile, rows written by older code), is stale: ``stale_reason``
says why, and ``ensure_reconciled`` brings it up to date, or raises ``ReconcileStale``
when the store is read-only. Readers never show stale results silently.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile.copies import copy_map, extend_copies, find_copies
from sitrep.reconcile.scope import scope_of
from sitrep.reconcile.series import claim_date, series_key
from sitrep.reconcile.stage_contradictions import ContradictionSteps
from sitrep.reconcile.stage_docs import DocSteps
from sitrep.reconcile.stage_figures import FigureSteps
from sitrep.reconcile.stage_io import DOC_BATCH, chunks, sql_in
from sitrep.reconcile.state import STAMP, ReconcileStale, can_write, fingerprint
from sitrep.records.rows import ClaimRow
from sitrep.records.series import Scope
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows



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
        with _no_collections():
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


@contextmanager
def _no_collections() -> Iterator[None]:
    """No cyclic garbage collection while the stage runs: it makes and drops hundreds of
    thousands of small records (rows, points, reports), and the collections they set off
    walk every object of the process again and again (0.5-1 s of CPU at 10,000 + 100
    articles; ``docs/benchmarks.md``, stop 21). Reference counting still frees what it
    drops (its records hold no cycles); collections resume when it ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Run(FigureSteps, ContradictionSteps, DocSteps):
    """One run of the stage inside its transaction (reads on the same connection, so they
    see what this run has written); the steps are ``stage_figures``', ``stage_contradictions``'
    and ``stage_docs``'."""

    def __init__(self, store, full: bool) -> None:
        super().__init__(store, full, Reconciled())

    def run(self) -> Reconciled:
        out = self.out
        if self.full or recon.state(self.con).get("fingerprint") != fingerprint():
            for table in recon.TABLES:
                self.con.execute(f"DELETE FROM {table}")
            out.full = True
        out.articles = self._dicts("SELECT count(*) AS n FROM articles")[0]["n"]
        changed = self._dicts(f"""SELECT a.id AS doc, {STAMP} AS stamp, coalesce(nullif(a.outlet, ''), a.id) AS outlet,
                                         coalesce(length(a.text), 0) > 0 AS framed
                                  FROM articles a ANTI JOIN recon_docs r ON r.doc = a.id AND r.stamp = {STAMP}
                                  ORDER BY a.id""")
        gone = self._dicts(f"""SELECT r.doc, r.outlet, r.blocks FROM recon_docs r
                               ANTI JOIN articles a ON a.id = r.doc AND r.stamp = {STAMP}""")
        self.changed = [r["doc"] for r in changed]
        changed_set = set(self.changed)
        self.gone = [r["doc"] for r in gone]
        out.new = len(self.changed)
        out.removed = len(set(self.gone) - changed_set)
        if not changed and not gone:
            return out
        touched_docs = changed_set | set(self.gone)

        copy_of, copy_changed = self.copies()
        out.copies_changed = len(copy_changed)
        touched_docs |= copy_changed
        blocks_of: dict[str, set[str]] = {doc: set() for doc in self.changed}
        series_keys, gained = self.claim_index(copy_of, copy_changed - changed_set, blocks_of)
        change = self.series(series_keys, copy_of, gained)
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
        if self.gone or self.out.full:  # an article went or changed (its groups may split), or
            # every article is new (the whole search, a star per bucket, is cheaper than each
            # new article's pairs): search them all again
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
                    blocks_of: dict[str, set[str]]) -> tuple[set[str], set[str]]:
        """Scopes, series keys and blocks of new claims; returns the series keys touched, and
        those of them that only gained claims (of new articles; ``stage_gain``)."""
        lost = {r["series"] for r in self._dicts(f"SELECT series FROM recon_claims WHERE {sql_in('doc')}",
                                                 [self.gone + sorted(copy_changed)])}
        keys = set(lost)
        self.delete("recon_claims", "doc", self.gone)
        # One batch of new articles: their claims are kept by series and figure for the points
        # updated in place (``stage_touch``), not read again; a larger run reads them there.
        self.batch_claims = {} if len(self.changed) <= DOC_BATCH else None
        for chunk in chunks(self.changed):
            rows = []
            for c in self.claims(sql_in("c.doc"), [chunk]):
                scope = scope_of(c)
                rows.append(_claim_row(c, scope, copy_of))
                blocks_of[c.doc].add(rows[-1]["block"])
                if self.batch_claims is not None:
                    self.batch_claims.setdefault((rows[-1]["series"], (c.value, c.low, c.high)), []).append(c)
            self.insert("recon_claims", rows)
            keys.update(r["series"] for r in rows)
        if copy_changed:  # an unattributed claim of an article with no outlet is keyed by its canonical article
            moved = sorted(copy_changed - set(self.gone))
            scopes = self._scopes(sql_in("doc"), [moved])
            rows = [_claim_row(c, scopes[c.id], copy_of) for c in self.claims(sql_in("c.doc"), [moved])
                    if c.id in scopes]
            self.delete("recon_claims", "doc", moved)
            self.insert("recon_claims", rows)
            lost.update(r["series"] for r in rows)  # their claims' reports are copies of others now, or no longer
        return keys | lost, keys - lost


def _claim_row(c: ClaimRow, scope: Scope, copy_of: dict[str, str]) -> dict[str, Any]:
    return {"claim": c.id, "doc": c.doc, "series": series_key(c, scope, copy_of), "day": claim_date(c),
            "value": c.value, "low": c.low, "high": c.high,
            "block": contra.figure_block(c.quantity, c.category, scope.key), "era": scope.era,
            "region": scope.region, "region_text": scope.region_text, "period": scope.period,
            "incident": scope.incident, "period_start": scope.period_start}
