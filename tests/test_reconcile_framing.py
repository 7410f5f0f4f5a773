"""Framing: the labels each outlet uses per side, added up from the labels extraction
stored per article (``extract.labels``), loaded terms marked, outlets side by side."""

from __future__ import annotations

from io import StringIO

import pytest

from conftest import article_row
from sitrep.extract.actors import load_actors
from sitrep.extract.labels import actor_labels, framing_words
from sitrep.publish.exports import export_rows
from sitrep.reconcile.framing import framing, outlet_summary


def Art(id: str, outlet: str | None, text: str | None):  # noqa: N802 (reads as the record it makes)
    return article_row(id, outlet, text=text)


def framed(articles):
    """Framing rows of hand-made articles: labels read as extraction does, then added up."""
    lex = load_actors()
    labels = [label for a in articles if a.text
              for label in actor_labels(a.id, a.text, lex, framing_words(lex))]
    return framing(articles, labels)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The army said it was fighting "terrorist groups" near the town.', 1),
        ("The army said it was fighting terrorist groups near the town.", 0),
    ],
)
def test_reconcile_framing_quoted(text, quoted):
    (row,) = [r for r in framed([Art("d", "Outlet", text)]) if r.label == "terrorist groups"]
    assert row.n_quoted == quoted
    assert row.loaded and row.loaded_terms == ["terrorist"] and "terrorist" in row.loaded_note


def test_reconcile_framing_outlets_side_by_side():
    articles = [
        Art("w1", "Wire", "Rebels advanced on Hama as regime forces pulled back.\nThe rebels said they held two villages."),
        Art("w2", "Wire", "Rebels entered the town. Government forces withdrew south."),
        Art("s1", "State Daily", "The Syrian Arab Army repelled terrorists near Hama. The terrorists fled."),
        Art("x9", None, "Anti-regime forces took the hill."),
        Art("empty", "Wire", None),
    ]
    rows = framed(articles)
    rebels = [r for r in rows if r.outlet == "Wire" and r.label == "rebels"]
    assert len(rebels) == 1 and (rebels[0].count, rebels[0].n_docs) == (3, 2)
    assert rebels[0].example_docs == ["w1", "w2"] and rebels[0].example_sentences[0].startswith("Rebels advanced")
    unknown = [r for r in rows if r.outlet == "x9"]
    assert unknown and not unknown[0].outlet_known
    summary = {o.outlet: o for o in outlet_summary(rows)}
    assert summary["Wire"].n_articles == 2
    assert summary["Wire"].opposition_labels[0] == "rebels [3]"
    assert summary["State Daily"].opposition_labels == ["terrorists [2]"]
    assert summary["State Daily"].loaded_share > summary["Wire"].loaded_share
    for fmt in ("jsonl", "csv"):
        assert export_rows(rows, StringIO(), fmt) == len(rows)
        assert export_rows(summary.values(), StringIO(), fmt) == 3


def test_reconcile_framing_quoted_labels_are_counted_apart():
    text = 'The army said it was fighting "terrorist groups" near Hama. Rebels took the town.'
    rows = framed([Art("d", "Outlet", text)])
    quoted = [r for r in rows if r.label == "terrorist groups"]
    assert quoted and all(r.voice == "quoted" for r in quoted)
    (summary,) = outlet_summary(rows)
    assert not any("terrorist" in label for label in summary.opposition_labels)
    assert any("terrorist" in label for label in summary.quoted_labels)
