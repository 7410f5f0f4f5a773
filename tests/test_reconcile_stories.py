"""Stories: articles about the same events are grouped by (place, date) blocks, others not."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest

from conftest import article_row, event_row, mention_row
from sitrep.extract.actors import load_actors
from sitrep.extract.readings import names_group
from sitrep.publish.exports import export_rows
from sitrep.reconcile.stories import find_stories, story_map, story_rows


def Art(id: str, outlet: str | None, published: date | None):  # noqa: N802 (reads as the record it makes)
    return article_row(id, outlet, published)


Mention = mention_row  # (doc, text, name, country, feature, precision)


def Ev(doc: str, date: date | None, type: str, place: str | None, country: str | None = "XX",  # noqa: N802
       actor1: str | None = None, actor2: str | None = None):
    """An event as extraction stores it: whether each actor names a group read then (``extract.readings``)."""
    return event_row(doc, type, place, None, date=date, country=country, actor1=actor1, actor2=actor2,
                     actor1_named=names_group(actor1, load_actors()), actor2_named=names_group(actor2, load_actors()))


D = date(2024, 5, 7)


def _mentions(doc: str, *names: str) -> list[Mention]:
    return [Mention(doc, n, n) for n in names]


@pytest.mark.parametrize(
    ("name", "b_published", "b_mentions", "b_events", "together"),
    [
        ("two shared places, next day", date(2024, 5, 8), ("Northtown", "Rivermouth"), [], True),
        ("one shared place only", date(2024, 5, 8), ("Northtown", "Lakeside"), [], False),
        ("two shared places, weeks apart", date(2024, 6, 20), ("Northtown", "Rivermouth"), [], False),
        ("same event type at the same place", date(2024, 5, 8), (),
         [Ev("b", date(2024, 5, 7), "territory_change", "Northtown")], True),
        ("other event type at the same place", date(2024, 5, 8), (),
         [Ev("b", date(2024, 5, 7), "airstrike", "Northtown")], False),
        ("shared place and named actor", date(2024, 5, 9), ("Northtown",),
         [Ev("b", None, "armed_clash", None, actor1="Kessab Liberation Front")], True),
        ("shared place and a side word only", date(2024, 5, 9), ("Northtown",),
         [Ev("b", None, "armed_clash", None, actor1="rebels")], False),
        ("country-level mentions only", date(2024, 5, 8), (), [], False),
    ],
)
def test_reconcile_stories_blocking(name, b_published, b_mentions, b_events, together):
    articles = [Art("a", "Wire", D), Art("b", "Planet", b_published)]
    mentions = _mentions("a", "Northtown", "Rivermouth") + _mentions("b", *b_mentions)
    mentions += [Mention("a", "Freedonia", "Freedonia", feature="country", precision=None),
                 Mention("b", "Freedonia", "Freedonia", feature="country", precision=None)]
    events = [Ev("a", D, "territory_change", "Northtown", actor1="Kessab Liberation Front")]
    stories = find_stories(articles, events + b_events, mentions)
    grouped = story_map(stories)
    assert (grouped.get("a") is not None and grouped.get("a") == grouped.get("b")) is together, name


def test_reconcile_stories_separate_and_label():
    articles = [Art(d, o, p) for d, o, p in [
        ("n1", "Wire", date(2024, 5, 7)), ("n2", "Planet", date(2024, 5, 8)),
        ("n3", None, date(2024, 5, 8)), ("s1", "Wire", date(2024, 5, 7)),
        ("s2", "Planet", date(2024, 5, 7)), ("lone", "Wire", date(2024, 5, 7))]]
    mentions = (_mentions("n1", "Northtown", "Rivermouth", "Northtown")
                + _mentions("n2", "Rivermouth", "Northtown") + _mentions("n3", "Rivermouth", "Hillcrest")
                + _mentions("s1", "Southport", "Bayside") + _mentions("s2", "Bayside", "Southport")
                + _mentions("lone", "Faraway", "Elsewhere"))
    events = [Ev("n3", date(2024, 5, 6), "shelling", "Rivermouth"),
              Ev("n2", date(2024, 5, 6), "shelling", "Rivermouth")]
    stories = find_stories(articles, events, mentions, copies={"s2": "s1", "s1": "s1"})
    assert [s.docs for s in stories] == [["n1", "n2", "n3"], ["s1", "s2"]]
    north, south = stories
    assert north.places[:2] == ["Rivermouth", "Northtown"]
    assert north.start == date(2024, 5, 6) and north.end == date(2024, 5, 8)
    assert north.label == "Rivermouth, Northtown, Hillcrest (shelling), 2024-05-06 to 2024-05-08"
    assert north.outlets == ["Planet", "Wire"]
    assert (south.n_docs, south.n_unique) == (2, 1)
    assert "lone" not in story_map(stories)
    rows = story_rows(stories, {a.id: a for a in articles})
    out = StringIO()
    assert export_rows(rows, out, "csv") == 5
    assert export_rows(stories, StringIO(), "jsonl") == 2
