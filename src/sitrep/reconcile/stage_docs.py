"""The reconcile stage's article steps: control contradictions of the places whose
statements changed, stories and framing (``stage`` says when each runs). Each article is
read once, when it is new or changed; what it contributes is kept per article."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile import control
from sitrep.reconcile import framing as fr
from sitrep.reconcile import stories as st
from sitrep.reconcile.copies import UnionFind
from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS
from sitrep.reconcile.stage_io import DOC_BATCH, StageIO, chunks, sql_in
from sitrep.records import content_id
from sitrep.records.framing import ActorLabel, DocSlot
from sitrep.records.rows import ArticleRow, EventRow, PlaceMentionRow
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows
from sitrep.store.queries import ARTICLE_COLUMNS, PLACE_ORDER, PLACE_SELECT


class DocSteps(StageIO):
    """Control contradictions, stories and framing of one run."""

    def control_blocks(self, blocks_of: dict[str, set[str]], gone: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
        """The places whose control statements changed: those where a statement went (all
        compared again) and those that only gained statements (merged: ``control``).
        ``gone``: the records of removed or changed articles (doc, outlet, blocks)."""
        full = {b for r in gone for b in (r["blocks"] or ()) if b.startswith("control:")}
        self.new_control: list[tuple[str, EventRow]] = []
        events = self.events(self.changed)
        # One batch of new articles (a run of ``sitrep run`` or the web app's add): their
        # events are kept for the stories, not read twice; a larger run reads them again
        # batch by batch there, so memory stays flat.
        self.batch_events = events if len(self.changed) <= DOC_BATCH else None
        for e in events:
            block = control.control_block(e)
            if block is not None:
                blocks_of.setdefault(e.doc, set()).add(block)
                self.new_control.append((block, e))
        return full, {b for b, _ in self.new_control} - full

    def docs(self, changed: list[dict[str, Any]], blocks_of: dict[str, set[str]]) -> None:
        """``changed``: the new or changed articles (doc, stamp, outlet, framed)."""
        self.delete("recon_docs", "doc", self.gone + self.changed)
        self.insert("recon_docs", [{"doc": r["doc"], "stamp": r["stamp"], "outlet": r["outlet"], "framed": r["framed"],
                                    "blocks": sorted(blocks_of.get(r["doc"], ()))} for r in changed])
        self.delete("recon_control", "doc", self.gone + self.changed)
        self.insert("recon_control", [{"event": e.id, "doc": e.doc, "block": b, "day": e.date or e.published}
                                      for b, e in self.new_control])

    def control_contradictions(self, full: set[str], merge: set[str]) -> None:
        """Places where a statement went are compared again in full; places that only
        gained statements keep their stored pairs unless a pair with a new statement is
        nearer (``contradictions.control_best`` over the new ones: what a full compare of
        the place would find, since no pair went)."""
        rows: list[dict[str, Any]] = []
        if full:
            ids = [r["event"] for r in self._dicts(f"SELECT event FROM recon_control WHERE {sql_in('block')}",
                                                   [sorted(full)])]
            by_place: dict[str, list[control.ControlItem]] = {}
            for e in self._events_by_id(ids).values():
                by_place.setdefault(control.control_block(e), []).append(control.control_item(e))  # type: ignore[arg-type]
            for block, items in by_place.items():
                found = [control.control_make(a, b, days) for days, a, b in control.control_best(items).values()]
                rows += recon_rows.contradiction_rows_of(sorted(found, key=contra.order), block)
        if merge:
            new: dict[str, list[EventRow]] = {}
            for block, e in self.new_control:
                if block in merge:
                    new.setdefault(block, []).append(e)
            span = {b: (min(e.date or e.published for e in es), max(e.date or e.published for e in es))
                    for b, es in new.items()}
            near = self._dicts("""
                SELECT c.block, c.event FROM recon_control c
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS b, unnest(CAST(? AS DATE[])) AS lo,
                                  unnest(CAST(? AS DATE[])) AS hi) f
                     ON f.b = c.block AND c.day BETWEEN f.lo AND f.hi""",
                [list(span), [lo - timedelta(days=DEFAULT_WINDOW_DAYS) for lo, _ in span.values()],
                 [hi + timedelta(days=DEFAULT_WINDOW_DAYS) for _, hi in span.values()]])
            stored = self._dicts(f"SELECT block, a_ref, b_ref FROM recon_contradictions WHERE {sql_in('block')}",
                                 [sorted(merge)])
            events = self._events_by_id([r["event"] for r in near] + [r["a_ref"] for r in stored]
                                        + [r["b_ref"] for r in stored])
            nearby: dict[str, list[control.ControlItem]] = {}
            for r in near:
                item = control.control_item(events[r["event"]])
                nearby.setdefault(r["block"], []).append(item)  # type: ignore[arg-type]
            best: dict[str, dict[tuple, tuple[int, control.ControlItem, control.ControlItem]]] = {b: {} for b in merge}
            for r in stored:
                a, b = control.control_item(events[r["a_ref"]]), control.control_item(events[r["b_ref"]])
                best[r["block"]][control.control_pair(a, b)] = ((b[0] - a[0]).days, a, b)  # type: ignore[index]
            for block in merge:
                ids = {e.id for e in new[block]}
                for pair, (days, a, b) in control.control_best(nearby.get(block, []), new=ids).items():
                    old = best[block].get(pair)
                    if old is None or (days, control.control_order(a), control.control_order(b)) < \
                            (old[0], control.control_order(old[1]), control.control_order(old[2])):
                        best[block][pair] = (days, a, b)
                found = [control.control_make(a, b, days) for days, a, b in best[block].values()]
                rows += recon_rows.contradiction_rows_of(sorted(found, key=contra.order), block)
        self.delete("recon_contradictions", "block", full | merge)
        self.insert("recon_contradictions", rows)
        self.out.blocks += len(full) + len(merge)

    def stories(self, copy_of: dict[str, str], touched: set[str]) -> None:
        self.delete("recon_story_docs", "doc", self.gone + self.changed)
        keys_of: dict[str, list[str]] = {}  # the new articles' block keys, as stored
        for chunk in chunks(self.changed):
            articles = self._records(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {sql_in('a.id')} ORDER BY a.id", [chunk], ArticleRow)
            mentions = self._records(
                f"{PLACE_SELECT} WHERE {sql_in('p.doc')} ORDER BY {PLACE_ORDER}", [chunk], PlaceMentionRow)
            events = self.batch_events if self.batch_events is not None else self.events(chunk)
            docs = st.doc_summaries(articles, events, mentions)
            rows = []
            for doc_id, doc in docs.items():
                keys = st.block_keys(doc)
                if keys:  # an article sharing no key is in no story
                    rows.append({"doc": doc_id, "summary": st.summary_json(doc), "keys": keys})
                    keys_of[doc_id] = keys
            self.insert("recon_story_docs", rows)
        keep, build = self._story_groups(touched, keys_of) if not (self.gone or self.full) \
            else self._all_story_groups(touched)
        grown = self._grown_stories(build, keep)
        self.con.execute("DELETE FROM recon_stories WHERE id NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))", [keep])
        needed = sorted({d for members in build for d in members} - {d for _, old in grown.values() for d in old})
        summaries = {r["doc"]: st.summary_from_json(r["summary"]) for r in self._dicts(
            f"SELECT doc, summary FROM recon_story_docs WHERE {sql_in('doc')}", [needed])}
        # A story lists its articles by publication date: the article's own column, which its
        # stored summary repeats (written from that row whenever its stamp changes), read
        # without parsing every member's summary (a story of 9,988 articles at 10,000 + 100).
        published = {r["id"]: r["published"] for r in self._dicts(
            f"SELECT id, published FROM articles WHERE {sql_in('id')}",
            [sorted({d for members in build for d in members})])}
        rows = []
        for members in build:
            totals, old = grown.get(id(members), (st.StoryTotals(), set()))
            totals.add(st.totals_of(summaries[d] for d in members if d not in old))
            rows.append({**recon_rows.story_rows_of([st.story_of_totals(members, published, totals, copy_of)])[0],
                         "totals": st.totals_json(totals)})
        self.insert("recon_stories", rows)
        self.out.stories = len(build)

    def _all_story_groups(self, touched: set[str]) -> tuple[list[str], list[list[str]]]:
        """(stored stories that stand, groups to build), the groups found again over every
        article's keys (``stories.connected``)."""
        groups = st.connected({r["doc"]: r["keys"] for r in self._dicts("SELECT doc, keys FROM recon_story_docs")})
        stored = {r["id"] for r in self._dicts("SELECT id FROM recon_stories")}
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
        return keep, build

    def _story_groups(self, touched: set[str], new: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
        """``_all_story_groups`` when articles only came: the stored groups (stories, and
        articles in none) stand but for those a new article shares a key with, which it
        joins into one. Only the new articles' keys (``new``: by article, as just stored)
        are looked up, never every article's."""
        wanted = sorted({key for keys in new.values() for key in keys})
        # Each key of a new article with what holds it among the others: a stored story, or
        # an article in none (one row a key and holder, however many articles share it).
        held = self._dicts(f"""
            WITH hits AS (SELECT doc, k FROM (SELECT doc, unnest(keys) AS k FROM recon_story_docs WHERE NOT {sql_in('doc')})
                          WHERE {sql_in('k')}),
                 members AS (SELECT id, unnest(docs) AS doc FROM recon_stories)
            SELECT DISTINCT h.k AS key, coalesce('s:' || m.id, 'd:' || h.doc) AS holder
            FROM hits h LEFT JOIN members m ON m.doc = h.doc""", [self.changed, wanted])
        hit = sorted({r["holder"][2:] for r in held if r["holder"].startswith("s:")})
        old = sorted(touched - set(self.changed))
        stories = {r["id"]: r["docs"] for r in self._dicts(f"""
            SELECT id, docs FROM recon_stories WHERE {sql_in('id')} OR id IN
                (SELECT id FROM (SELECT id, unnest(docs) AS doc FROM recon_stories) WHERE {sql_in('doc')})""",
                                                              [hit, old])}
        holders: dict[str, list[str]] = {}
        for doc, keys in new.items():
            for key in keys:
                holders.setdefault(key, []).append(f"d:{doc}")
        for r in held:
            holders[r["key"]].append(r["holder"])
        uf = UnionFind()
        for doc in new:
            uf.parent.setdefault(f"d:{doc}", f"d:{doc}")
        for nodes in holders.values():
            for other in nodes[1:]:
                uf.union(nodes[0], other)
        members: dict[str, list[str]] = {}
        for name in uf.parent:
            docs = stories[name[2:]] if name.startswith("s:") else [name[2:]]
            members.setdefault(uf.find(name), []).extend(docs)
        merged = {name[2:] for name in uf.parent if name.startswith("s:")}
        build = [docs for docs in members.values() if len(docs) >= st.MIN_STORY_DOCS]
        build += [list(docs) for sid, docs in stories.items() if sid not in merged and not touched.isdisjoint(docs)]
        changed = merged | {sid for sid, docs in stories.items() if not touched.isdisjoint(docs)}
        keep = [r["id"] for r in self._dicts("SELECT id FROM recon_stories") if r["id"] not in changed]
        return keep, build

    def _grown_stories(self, build: list[list[str]], keep: list[str]) -> dict[int, tuple[st.StoryTotals, set[str]]]:
        """For each group to build (by ``id``) that holds whole stored stories none of whose
        articles changed or went: their totals added up, and their articles (only the
        others' summaries are read). A stored story that lost an article is built anew."""
        redone = set(self.changed) | set(self.gone)
        stored = self._dicts("SELECT id, docs, totals FROM recon_stories WHERE totals IS NOT NULL "
                             "AND id NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))", [keep])
        story_of = {d: i for i, r in enumerate(stored) for d in r["docs"]}
        out: dict[int, tuple[st.StoryTotals, set[str]]] = {}
        for members in build:
            olds = {story_of[d] for d in members if d in story_of}
            have = set(members)
            if not olds or any(redone.intersection(stored[i]["docs"]) or not have.issuperset(stored[i]["docs"])
                               for i in olds):
                continue
            totals = st.StoryTotals()
            for i in sorted(olds):
                totals.add(st.totals_from_json(stored[i]["totals"]))
            out[id(members)] = (totals, {d for i in olds for d in stored[i]["docs"]})
        return out

    def framing(self, changed: list[dict[str, Any]], gone: list[dict[str, Any]]) -> None:
        """Each new article's stored labels (read at extraction) kept per slot with its
        outlet; the rows of every outlet holding a touched article added up again.
        ``changed``, ``gone``: the records of new or changed and of removed articles."""
        self.delete("recon_framing_docs", "doc", self.gone + self.changed)
        for chunk in chunks(self.changed):
            by_doc: dict[str, list[ActorLabel]] = {}
            for label in self.store.labels_of(chunk):
                by_doc.setdefault(label.doc, []).append(label)
            slots: list[DocSlot] = []
            for r in self._dicts(f"SELECT id, outlet, coalesce(length(text), 0) > 0 AS framed FROM articles "
                                 f"WHERE {sql_in('id')} ORDER BY id", [chunk]):
                if r["framed"]:  # an article with no text frames no one
                    slots += fr.doc_slots(r["id"], r["outlet"], by_doc.get(r["id"], ()))
            self.insert("recon_framing_docs", recon_rows.framing_slot_rows_of(slots))
        outlets = {r["outlet"] for r in gone} | {r["outlet"] for r in changed}
        counts = {r["outlet"]: r["n"] for r in self._dicts(
            f"SELECT outlet, count(*) AS n FROM recon_docs WHERE framed AND {sql_in('outlet')} GROUP BY outlet",
            [sorted(outlets)])}
        slots = recon.framing_slots(self.con, outlets)
        loaded = self.store.loaded_of(form for slot in slots for form in slot.forms)
        rows = fr.add_up(slots, counts, loaded)
        self.delete("recon_framing", "outlet", outlets)
        self.insert("recon_framing", recon_rows.framing_rows_of(rows))
        self.delete("recon_outlets", "outlet", outlets)
        self.insert("recon_outlets", recon_rows.outlet_rows_of(fr.outlet_summary(rows)))
        self.out.outlets = len(outlets)
