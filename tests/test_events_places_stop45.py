"""Stop 45: territory changes read from blind sets CJ and CL (Mali 2023, Libya 2011), each
checked on sentences of other wars: a claimed capture followed by a clause after a semicolon
that doubts it ("; this could not be confirmed") is still a claimed capture, and "the
recovery of X" is a place taken back. Texts are the project's own."""

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
    # a doubting clause after a semicolon says nothing of whether the claim was made (GUIDE:
    # claimed captures count; Libya 2011, Yemen, Donbas-like)
    ("Rebel spokesmen claimed to have taken Brega; this could not be confirmed.", ["Brega"]),
    ("The Houthis said they had seized Marib; the claim was not confirmed by the coalition.", ["Marib"]),
    ("Separatists claimed to have captured Debaltseve; Kyiv did not comment.", ["Debaltseve"]),
])
def test_events_claimed_capture_before_a_doubting_clause(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text", [
    # the same negation inside the event's own clause still denies it (Libya, Syria-like)
    "Rebels did not take Brega, a spokesman said.",
    "The army failed to retake Saraqeb; fighting went on.",
])
def test_events_negation_in_the_events_own_clause_stays(text):
    assert _places(text) == []


@pytest.mark.parametrize("text,expected", [
    # "the recovery of X": a place taken back (Mali 2023, Mozambique, Iraq-like)
    ("The communique said the recovery of Anefis on Saturday had opened the road north.", ["Anefis"]),
    ("The army hailed the recovery of Mocimboa da Praia after a year in insurgent hands.", ["Mocimboa da Praia"]),
    ("Officials celebrated the recovery of Tikrit by government forces.", ["Tikrit"]),
])
def test_events_recovery_of_a_place_is_a_capture(text, expected):
    assert _places(text) == expected
