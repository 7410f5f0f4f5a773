"""Stop 49: a facility's kind written after a name that already ends in a facility word is
part of the place taken ("the Taj Mahal Palace hotel"; set DE's Mumbai item), and "complex" is
a facility's kind ("the Golden Temple complex"), checked on sentences of other wars. Texts are
the project's own."""

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
    # the kind after a name that ends in a facility word (India 2008, Kenya 2013-like, Mali-like)
    ("Commandos took back the Taj Mahal Palace hotel after a siege of three days.",
     ["Taj Mahal Palace hotel"]),
    ("Kenyan troops took control of the Westgate Market building on Monday night.", ["Westgate Market building"]),
    ("Mutinous soldiers seized the Koulouba Palace compound on Tuesday.", ["Koulouba Palace compound"]),
    # a complex under its name (India 1984, Philippines-like)
    ("By Thursday troops were in full control of the Golden Temple complex in Amritsar.", ["Golden Temple complex"]),
    ("Marines recaptured the Marawi Grand Mosque complex on Sunday.", ["Marawi Grand Mosque complex"]),
])
def test_events_facility_kind_after_its_name_is_part_of_the_place(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a facility word with no kind after it stays as it was (Syria, Ukraine-like)
    ("Rebels seized the Kuweires Air Base on Monday.", ["Kuweires Air Base"]),
    ("Russian troops captured the Antonov Airport near Hostomel on Thursday.", ["Antonov Airport"]),
])
def test_events_facility_without_a_kind_after_unchanged(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a side's losses are its dead, no place lost (Ireland 1922, Ukraine-like, Sudan-like)
    ("A statement issued tonight gives the Army's losses in the Cork fighting as 20 killed and 90 wounded.", []),
    ("Ukraine's losses around Bakhmut were put at 200 soldiers a day.", []),
    ("The army's losses of Darfur towns were not mentioned.", []),
    # the loss of a named place still changes its hands (Ukraine, Vietnam 1975)
    ("After Russia's loss of Kherson in November, the front moved east.", ["Kherson"]),
    ("The loss of Ban Me Thuot on March 11 stunned Saigon.", ["Ban Me Thuot"]),
])
def test_events_losses_of_a_side_are_no_place_lost(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a denied rumour or report, its clause hung on the noun as a relative clause (Ireland 1922,
    # Philippines 2009, Congo-like)
    ("The command said the column had been held at the bridge, and denied a rumour that Tallaght had "
     "been occupied.", []),
    ("The military denied a radio report on Sunday that gunmen had taken over the town of Datu Piang.", []),
    ("The army rejected claims that Rutshuru had been captured by the rebels.", []),
    # news that a place was taken, with no denial, is still a capture (Congo-like)
    ("Residents spread the news that Rutshuru had been captured by the M23 on Monday.", ["Rutshuru"]),
])
def test_events_denied_rumour_of_a_capture_is_no_capture(text, expected):
    assert _places(text) == expected
