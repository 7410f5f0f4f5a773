"""Stories: articles about the same events, found by blocking, never by comparing all pairs.

Each article gets a handful of block keys, each of which already combines two pieces of
evidence inside a date window, so that sharing any one key is "enough":

- ``event``: an event of the same type at the same place (two reports of Hama's capture);
- ``places``: two of the article's main places together (Hama and Aleppo in the same days);
- ``actor``: one of its main places with a named (non-generic) actor of its events.

Keys go into an inverted index (key -> docs) and every doc of a block is united with the
block's first doc (union-find): cost is linear in the number of (doc, key) pairs, which is
bounded per article. Dates fall into buckets of ``WINDOW_DAYS`` on two tilings offset by
half a window, so two dates at most ``WINDOW_DAYS // 2`` days apart always share a bucket.
Place mentions are dated by the article's publication date, events by their own date (else
the publication date). Articles without any date only meet other undated articles.

Union-find is transitive: a continuing offensive reported day after day (Aleppo, then
Aleppo and Hama, then Hama and Homs) becomes one story. That is what a reader following
the offensive wants; shorter windows split it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from ..records import content_id
from ..records.groups import Story, StoryDocRow
from ..records.rows import ArticleRow, EventRow, PlaceMentionRow
from .copies import UnionFind

# Width of a date bucket. 4 days: reports of one event appear over two or three days
# (wire copy, then analysis, then follow-ups); calibrated on the sample corpus, whose
# articles on one offensive are published one to two days apart.
WINDOW_DAYS = 4
# Main places of an article: its most-mentioned places. 4 gives at most 6 place pairs per
# article, enough to hold the places of a lead and its first paragraphs; minor places
# mentioned once for background ("like Homs in 2012") mostly fall outside.
MAX_PLACES_PER_DOC = 4
# Place mentions of these features or without precision (countries) are too coarse to
# say two articles are about the same events.
COARSE_FEATURES = frozenset({"country"})
# How many places and event types to name in a story's label.
LABEL_PLACES = 3
LABEL_TYPES = 2
STORY_PLACES = 10  # places listed on a story, most reported first
MIN_STORY_DOCS = 2  # a story is at least two articles; singletons are left out


@dataclass(slots=True)
class _Doc:
    outlet: str | None = None
    published: date | None = None
    places: Counter[str] = field(default_factory=Counter)  # place key -> mentions
    names: dict[str, Counter[str]] = field(default_factory=dict)  # place key -> as written
    events: set[tuple[str, str, date | None]] = field(default_factory=set)  # (place, type, date)
    actors: set[str] = field(default_factory=set)


def _place_key(name: str, country: str | None) -> str:
    return f"{' '.join(name.lower().split())}|{(country or '').upper()}"


def _buckets(day: date | None) -> tuple[str, ...]:
    if day is None:
        return ("undated",)
    n = day.toordinal()
    return (f"a{n // WINDOW_DAYS}", f"b{(n + WINDOW_DAYS // 2) // WINDOW_DAYS}")


def _named_actors(e: EventRow) -> list[str]:
    """The event's actors that name a group, not a side word such as "rebels" or "troops"
    (``actor*_named``, read when the event was extracted: ``extract.readings.names_group``)."""
    return [a for a, named in ((e.actor1, e.actor1_named), (e.actor2, e.actor2_named)) if a and named]


def _block_keys(doc: _Doc) -> set[tuple]:
    keys: set[tuple] = set()
    main = [p for p, _ in sorted(doc.places.items(), key=lambda kv: (-kv[1], kv[0]))]
    main = main[:MAX_PLACES_PER_DOC]
    for bucket in _buckets(doc.published):
        for a, b in combinations(sorted(main), 2):
            keys.add(("places", a, b, bucket))
        for place in main:
            for actor in doc.actors:
                keys.add(("actor", place, actor, bucket))
    for place, etype, day in doc.events:
        for bucket in _buckets(day or doc.published):
            keys.add(("event", place, etype, bucket))
    return keys


def _collect(articles: Iterable[ArticleRow], events: Iterable[EventRow],
             place_mentions: Iterable[PlaceMentionRow]) -> dict[str, _Doc]:
    docs: dict[str, _Doc] = {}
    for art in articles:
        docs[art.id] = _Doc(art.outlet, art.published)
    for m in place_mentions:
        if m.precision is None or (m.feature or "") in COARSE_FEATURES:
            continue
        doc = docs.setdefault(m.doc, _Doc())
        key = _place_key(m.name or m.text, m.country)
        doc.places[key] += 1
        doc.names.setdefault(key, Counter())[m.text] += 1
    for e in events:
        doc = docs.setdefault(e.doc, _Doc())
        if e.place:
            key = _place_key(e.place, e.country)
            doc.places[key] += 1
            doc.names.setdefault(key, Counter())[e.place] += 1
            doc.events.add((key, e.type, e.date))
        doc.actors.update(_named_actors(e))
    return docs


def find_stories(articles: Iterable[ArticleRow], events: Iterable[EventRow],
                 place_mentions: Iterable[PlaceMentionRow], *,
                 copies: Mapping[str, str] | None = None,
                 min_docs: int = MIN_STORY_DOCS) -> list[Story]:
    """Stories of at least ``min_docs`` articles, largest first.

    Inputs are the store's rows (``Store.iter_articles()``, ``iter_events()``,
    ``iter_place_mentions()``; no text needed). ``copies`` (``copies.copy_map``) makes
    copies of one article count once in ``n_unique``.
    """
    docs = _collect(articles, events, place_mentions)
    groups = connected({doc_id: block_keys(doc) for doc_id, doc in docs.items()})
    stories = [_story(members, docs, copies or {}) for members in groups if len(members) >= min_docs]
    stories.sort(key=story_order)
    return stories


def story_order(s: Story) -> tuple:
    """Largest first, then the earliest, then by id."""
    return (-s.n_docs, s.start or date.max, s.id)


def connected(keys: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Docs that share a block key, directly or through others (union-find over an
    inverted index reduced to each key's first doc): each group once, singletons left out."""
    uf = UnionFind()
    first_of: dict[str, str] = {}
    for doc_id in sorted(keys):
        for key in keys[doc_id]:
            head = first_of.setdefault(key, doc_id)
            if head != doc_id:
                uf.union(head, doc_id)
    groups: dict[str, list[str]] = {}
    for doc_id in uf.parent:
        groups.setdefault(uf.find(doc_id), []).append(doc_id)
    return list(groups.values())


def block_keys(doc: _Doc) -> list[str]:
    """A doc's block keys as strings (what ``connected`` and the stored record take)."""
    return sorted("\x1f".join(str(part) for part in key) for key in _block_keys(doc))


def doc_summaries(articles: Iterable[ArticleRow], events: Iterable[EventRow],
                  place_mentions: Iterable[PlaceMentionRow]) -> dict[str, _Doc]:
    """What stories keep of each article (outlet, date, places, events, named actors)."""
    return _collect(articles, events, place_mentions)


def summary_json(doc: _Doc) -> str:
    """A doc summary as stored by the reconcile stage (``summary_from_json`` reads it)."""
    return json.dumps({
        "outlet": doc.outlet, "published": doc.published.isoformat() if doc.published else None,
        "places": dict(doc.places), "names": {k: dict(v) for k, v in doc.names.items()},
        "events": sorted([p, t, d.isoformat() if d else None] for p, t, d in doc.events),
        "actors": sorted(doc.actors),
    }, ensure_ascii=False, sort_keys=True)


def summary_from_json(text: str) -> _Doc:
    raw = json.loads(text)

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return _Doc(raw["outlet"], day(raw["published"]), Counter(raw["places"]),
                {k: Counter(v) for k, v in raw["names"].items()},
                {(p, t, day(d)) for p, t, d in raw["events"]}, set(raw["actors"]))


def make_story(members: list[str], docs: Mapping[str, _Doc], copies: Mapping[str, str]) -> Story:
    """The story of a group of docs (``connected``), from their summaries."""
    return _story(members, docs, copies)


def _story(members: list[str], docs: Mapping[str, _Doc], copies: Mapping[str, str]) -> Story:
    published = {d: docs[d].published for d in members}
    return story_of_totals(members, published, totals_of(docs[d] for d in members), copies)


@dataclass(slots=True)
class StoryTotals:
    """What a story adds up over its articles (``story_of_totals`` reads it): kept with the
    stored story, so a story that only gains articles adds theirs instead of reading all."""

    places: Counter[str] = field(default_factory=Counter)  # place key -> articles naming it
    names: dict[str, Counter[str]] = field(default_factory=dict)  # place key -> as written
    types: Counter[str] = field(default_factory=Counter)  # event type -> articles reporting one
    start: date | None = None  # earliest date of its events and articles
    end: date | None = None
    outlets: set[str] = field(default_factory=set)

    def add(self, other: StoryTotals) -> StoryTotals:
        self.places.update(other.places)
        for key, written in other.names.items():
            self.names.setdefault(key, Counter()).update(written)
        self.types.update(other.types)
        days = [d for d in (self.start, self.end, other.start, other.end) if d]
        self.start, self.end = (min(days), max(days)) if days else (None, None)
        self.outlets |= other.outlets
        return self


def totals_of(docs: Iterable[_Doc]) -> StoryTotals:
    out = StoryTotals()
    days: list[date] = []
    for doc in docs:
        out.places.update({p: 1 for p in doc.places})  # articles naming the place, not mentions
        for key, written in doc.names.items():
            out.names.setdefault(key, Counter()).update(written)
        out.types.update({t for _, t, _ in doc.events})
        days.extend(day for _, _, day in doc.events if day)
        if doc.published:
            days.append(doc.published)
        if doc.outlet:
            out.outlets.add(doc.outlet)
    out.start, out.end = (min(days), max(days)) if days else (None, None)
    return out


def totals_json(t: StoryTotals) -> str:
    return json.dumps({"places": dict(t.places), "names": {k: dict(v) for k, v in t.names.items()},
                       "types": dict(t.types), "start": t.start.isoformat() if t.start else None,
                       "end": t.end.isoformat() if t.end else None, "outlets": sorted(t.outlets)},
                      ensure_ascii=False, sort_keys=True)


def totals_from_json(text: str) -> StoryTotals:
    raw = json.loads(text)
    return StoryTotals(Counter(raw["places"]), {k: Counter(v) for k, v in raw["names"].items()},
                       Counter(raw["types"]), date.fromisoformat(raw["start"]) if raw["start"] else None,
                       date.fromisoformat(raw["end"]) if raw["end"] else None, set(raw["outlets"]))


def story_of_totals(members: list[str], published: Mapping[str, date | None], totals: StoryTotals,
                    copies: Mapping[str, str]) -> Story:
    """The story of ``members`` (their publication dates in ``published``) from their totals."""
    members.sort(key=lambda d: (published[d] or date.max, d))
    # A place is shown as the articles most often write it ("Hama", not the gazetteer's "Ḩamāh").
    ranked = sorted(totals.places.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_PLACES]
    names = totals.names
    top_places = list(dict.fromkeys(
        _display(names[p]) if names.get(p) else p.split("|", 1)[0] for p, _ in ranked))
    top_types = [t for t, _ in sorted(totals.types.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Story(
        id=content_id("story", *sorted(members)),
        label=_label(top_places, top_types, totals.start, totals.end),
        start=totals.start, end=totals.end, n_docs=len(members),
        n_unique=len({copies.get(d, d) for d in members}),
        docs=members, places=top_places, event_types=top_types, outlets=sorted(totals.outlets),
    )


def _display(written: Counter[str]) -> str:
    # Most written form; an all-capitals dateline ("BEIRUT") only when no other form exists.
    return max(written.items(), key=lambda kv: (not kv[0].isupper(), kv[1], kv[0]))[0]


def _label(places: list[str], types: list[str], start: date | None, end: date | None) -> str:
    where = ", ".join(places[:LABEL_PLACES]) or "unplaced"
    what = f" ({', '.join(t.replace('_', ' ') for t in types[:LABEL_TYPES])})" if types else ""
    if start is None or end is None:
        when = "undated"
    elif start == end:
        when = start.isoformat()
    else:
        when = f"{start.isoformat()} to {end.isoformat()}"
    return f"{where}{what}, {when}"


def story_map(stories: Iterable[Story]) -> dict[str, str]:
    """doc -> story id for every article in a story."""
    return {doc: s.id for s in stories for doc in s.docs}


def story_rows(stories: Iterable[Story], articles: Mapping[str, ArticleRow]) -> list[StoryDocRow]:
    """One row per (story, article), for ``export_rows``; ``articles`` maps doc id -> row."""
    rows = []
    for s in stories:
        for doc in s.docs:
            art = articles.get(doc)
            rows.append(StoryDocRow(s.id, doc, art.outlet if art else None,
                                    art.published if art else None))
    return rows


__all__ = ["WINDOW_DAYS", "StoryTotals", "block_keys", "connected", "doc_summaries", "find_stories",
           "make_story", "story_map", "story_of_totals", "story_order", "story_rows", "summary_from_json",
           "summary_json", "totals_from_json", "totals_json", "totals_of"]
