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


@pytest.mark.parametrize("text,published,expected,rule", [
    # the event's own clause
    ("Rebels captured Saraqeb on Tuesday.", date(2024, 12, 5), date(2024, 12, 3), "weekday"),
    # none in its clause: the paragraph's first explicit date ("On 5 May 2020, ... Additionally, ...")
    ("On 5 May 2020, clashes erupted in Kidal. Additionally, insurgents seized the town of Tessalit.",
     date(2020, 5, 12), date(2020, 5, 5), "paragraph"),
    ("On December 18, the RSF entered Wad Madani. The army also withdrew from Hasaheisa.",
     date(2023, 12, 28), date(2023, 12, 18), "paragraph"),
    # else the article's first explicit date, when near publication
    ("Fighting began near Bakhmut on 3 May 2023.\nRussian forces later captured Soledar.",
     date(2023, 5, 20), date(2023, 5, 3), "article"),
    # an old date is background, not the event's: the publication day
    ("The war began on 15 April 2023.\nThe RSF captured Wad Madani, residents said.",
     date(2023, 12, 20), date(2023, 12, 20), "publication"),
])
def test_events_date_fallbacks(text, published, expected, rule):
    from sitrep.extract.events import events_from_text

    events = [e for e in events_from_text(Article(id="t", text=text, content_hash="t", published=published))
              if e.type in ("territory_change", "withdrawal")]
    assert events, text
    last = events[-1]
    assert (last.date, last.date_rule) == (expected, rule)


def test_events_date_entry_then_control_is_one_event_at_the_control():
    text = "RSF fighters were said to have entered Wad Medani on December 18, and they took control of the city by December 19."
    from sitrep.extract.events import events_from_text

    events = [e for e in events_from_text(Article(id="t", text=text, content_hash="t", published=date(2023, 12, 28)))
              if e.type == "territory_change"]
    assert [(e.place.text, e.date) for e in events] == [("Wad Medani", date(2023, 12, 19))]
