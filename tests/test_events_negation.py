"""Negated, failed, wished-for and conditional changes of hands are not events."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _types(text: str) -> set[tuple[str, str]]:
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return {(e.type, e.place.text) for e in events_from_text(article)}


@pytest.mark.parametrize("text", [
    "The rebels failed to capture Rastan despite heavy fighting.",
    "The RSF aims to seize El Fasher before the rainy season.",
    "Analysts doubt the army can retake Bakhmut this year.",
    "The insurgents threatened to storm Goma if talks collapse.",
    "If they take Sittwe, the Arakan Army would control the whole coast.",
    "Officials fear Khan Younis could fall to the advancing troops.",
    "The army did not withdraw from Kramatorsk, a spokesman said.",
    "The militia has vowed to capture Kharkiv.",
])
def test_events_negation(text):
    assert not {t for t in _types(text) if t[0] in ("territory_change", "withdrawal")}


@pytest.mark.parametrize("text,expected", [
    # two negators cancel out: the town was overrun
    ("The garrison was unable to prevent Rastan being overrun by the rebels.", ("territory_change", "Rastan")),
    ("Government troops withdrew from Kupiansk on Sunday.", ("withdrawal", "Kupiansk")),
])
def test_events_negation_double_and_plain(text, expected):
    assert expected in _types(text)
