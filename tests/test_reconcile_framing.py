"""Framing: the labels each outlet uses per side, loaded terms marked, outlets side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import StringIO

import pytest

from sitrep.extract.actors import load_actors
from sitrep.publish.exports import export_rows
from sitrep.reconcile.framing import (
    framing, label_key, label_uses, load_framing_words, outlet_summary,
)


@dataclass
class Art:
    id: str
    outlet: str | None
    text: str | None


@pytest.fixture(scope="module")
def lex():
    return load_actors()


@pytest.fixture(scope="module")
def words(lex):
    return load_framing_words(lex)


def _labels(text: str) -> dict[str, tuple[str, str, bool]]:
    """label key -> (side, label, loaded) over a one-article corpus."""
    rows = framing([Art("d", "Outlet", text)])
    return {label_key(r.label): (r.actor_side, r.label, r.loaded) for r in rows}


@pytest.mark.parametrize(
    ("text", "label", "side", "loaded"),
    [
        ("Jihadi insurgents pushed into the suburbs of Hama overnight.", "jihadi insurgents", "opposition", True),
        ("Syrian rebels said they had cut the main road.", "Syrian rebels", "opposition", False),
        ("The Islamist group Hayat Tahrir al-Sham said it held the airport.", "Islamist group Hayat Tahrir al-Sham", "opposition", True),
        ("Fighters of the Islamist Hayat Tahrir al-Sham (HTS) group entered the city.", "Islamist Hayat Tahrir al-Sham (HTS) group", "opposition", True),
        ("Anti-regime forces shelled the barracks at dawn.", "anti-regime forces", "opposition", True),
        ("State television said HTS terrorists had attacked a checkpoint.", "HTS terrorists", "opposition", True),
        ("Regime forces launched a counterattack on Tuesday.", "regime forces", "government", True),
        ("The Syrian Arab Army said it had sent reinforcements to Hama.", "Syrian Arab Army", "government", False),
        ("Iran, a key backer of the dictator, promised more help to Assad.", "dictator", "government", True),
        ("President Bashar al-Assad met his generals in Damascus.", "President Bashar al-Assad", "government", False),
    ],
)
def test_reconcile_framing_labels(text, label, side, loaded):
    found = _labels(text)
    assert label_key(label) in found, found
    got_side, got_label, got_loaded = found[label_key(label)]
    assert (got_side, got_label, got_loaded) == (side, label, loaded)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The army said it was fighting "terrorist groups" near the town.', 1),
        ("The army said it was fighting terrorist groups near the town.", 0),
    ],
)
def test_reconcile_framing_quoted(text, quoted):
    (row,) = [r for r in framing([Art("d", "Outlet", text)]) if r.label == "terrorist groups"]
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
    rows = framing(articles)
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


def test_reconcile_framing_seeds_recall(seeds_dir, seeds_gold, lex, words):
    """Report recall of the gold framing labels per doc (our label may contain the gold one)."""
    total = found = 0
    misses = []
    for docs in seeds_gold["framing"].values():
        for doc, labels in docs.items():
            text = (seeds_dir / f"{doc}.txt").read_text(encoding="utf-8")
            ours = [label_key(text[u.start:u.end]) for u in label_uses(text, lex, words)]
            for gold in labels:
                key = label_key(re.sub(r"\s*\(quoting[^)]*\)\s*$", "", gold))
                total += 1
                if any(key in lab for lab in ours):
                    found += 1
                else:
                    misses.append((doc, gold))
    # Measured 35/36 on the raw seed files (the miss: "Assad's autocratic", not in the text).
    assert found / total >= 0.9, misses
