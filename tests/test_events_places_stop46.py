"""Stop 46: a penitentiary is a facility a side takes, like a prison (set CU's Guayaquil
wire), and a name no gazetteer holds that an apposition calls a hilltop is a place (set
CS's Thai-Cambodian analysis), each checked on sentences of other wars. Texts are the
project's own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _places(text: str) -> list[str]:
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return [e.place.text for e in events_from_text(article) if e.type == "territory_change"]


@pytest.mark.parametrize("text,expected", [
    # a penitentiary taken or retaken (Ecuador 2024, Venezuela, Philippines-like)
    ("GUAYAQUIL - Troops retook the Litoral penitentiary in Guayaquil on Thursday.", ["Litoral penitentiary"]),
    ("Inmates seized the Tocorón penitentiary in Aragua state on Monday.", ["Tocorón penitentiary"]),
    ("Marines recaptured the Bilibid penitentiary in Muntinlupa after a six-hour standoff.", ["Bilibid penitentiary"]),
])
def test_events_penitentiary_is_a_facility_taken(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name no gazetteer holds, called a hilltop after a comma (Thailand-Cambodia
    # 2025 and 2011, Armenia-Azerbaijan-like)
    ("BANGKOK - The army said its troops had retaken Phu Khao Din, a hilltop near the border temple.",
     ["Phu Khao Din"]),
    ("PHNOM PENH - The ministry said its troops had seized Phnom Kmoach, a hilltop near the Ta Moan temple.",
     ["Phnom Kmoach"]),
    ("YEREVAN - The army said its units had captured Mrav Sar, a hilltop overlooking the road.", ["Mrav Sar"]),
])
def test_events_unknown_hilltop_in_an_apposition_is_a_place(text, expected):
    assert _places(text) == expected
