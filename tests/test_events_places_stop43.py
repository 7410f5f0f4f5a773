"""Stop 43: winners of territory changes read from blind sets BZ-CD (Croatia 1993, Abkhazia
1992, Vilnius 1991, Venezuela 1962, Cuba 1953), each checked on sentences of other wars: a
state no actor file lists is still a state ("Croatian forces", "Lithuanian police"), its
forces the government's in its own story and foreign elsewhere, and the evaluator reads a
gold winner's side in the place's country. Texts are the project's own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.evaluate.scoring import _winner_side
from sitrep.extract.actors import load_actors
from sitrep.records import Article


@pytest.mark.parametrize("phrase,home,side", [
    # a state no actor file lists, in its own story and in a neighbour's (Croatia, Lithuania,
    # Serbia, Romania, Cuba)
    ("Croatian forces", ["HR"], "government"),
    ("Croatian forces", ["BA"], "foreign"),
    ("Lithuanian police", ["LT"], "government"),
    ("Serbian troops", ["HR"], "foreign"),
    ("Romanian army units", ["RO"], "government"),
    ("Cuban soldiers", ["CU"], "government"),
    # a state an actor file lists keeps its file's reading (Russia in Ukraine's war)
    ("Russian forces", ["UA"], "foreign"),
])
def test_events_state_forces_of_any_state(phrase, home, side):
    assert load_actors().infer(phrase, home).side == side


def test_events_world_states_keep_the_actor_files_forms():
    states = load_actors().states
    assert states["croatian"] == ("HR", "Croatia") and states["lithuania"][0] == "LT"
    assert states["russian"] == ("RU", "Russia")   # generic.json's entry, not overwritten
    assert "croats" not in states                   # a plural names a people, not the state


def _winners(text: str) -> list[tuple[str, str | None]]:
    from sitrep.extract import default_extractor

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return sorted((e.place.text, e.winner) for e in default_extractor().extract(article).events
                  if e.type == "territory_change")


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # the dateline's state is the story's own: its forces win for the government (Croatia,
    # Cuba, Romania), another state's forces as a foreign force (Serbia in a Croatian story)
    ("ZAGREB, Jan 24 (Reuters) - Croatian forces captured the village of Smilcic near Zadar on Sunday, "
     "Croatian officials said.", [("Smilcic", "government")]),
    ("ZAGREB, Jan 24 (Reuters) - Serbian forces captured the village of Smilcic near Zadar on Sunday, "
     "Croatian officials said.", [("Smilcic", "foreign")]),
    ("HAVANA, July 27 (AP) - Cuban troops retook the Moncada barracks in Santiago de Cuba on Sunday "
     "after a rebel assault, the government said.", [("Moncada barracks", "government")]),
    ("BUCHAREST, Dec 23 (Reuters) - Romanian army units regained control of Otopeni airport near "
     "Bucharest on Saturday, state radio said.", [("Otopeni airport", "government")]),
])
def test_events_state_forces_win_for_their_own_state(text, expected):
    assert _winners(text) == expected


@pytest.mark.parametrize("winner,country,side", [
    # a gold winner that names a state's forces: the government's in the place's own state
    ("Croatian Army", "HR", "government"),
    ("Cuban Army", "CU", "government"),
    ("Belgian paratroopers", "CD", "foreign"),   # Stanleyville 1964
    ("Turkish army", "CY", "foreign"),           # Cyprus 1974
    # a side as written, or a group the lexicon knows, whatever the place
    ("rebels", "HR", "opposition"),
    ("RSF", "SD", "opposition"),
])
def test_evaluate_winner_side_in_the_places_country(winner, country, side):
    assert _winner_side(winner, country) == side


def _places(text: str) -> list[str]:
    return sorted(place for place, _ in _winners(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a second passive shares the first one's subject (Tunisia 1943, Mali, Ukraine)
    ("Gafsa had already been abandoned by the Americans and was occupied by Axis troops the same day.", ["Gafsa"]),
    ("Kidal was surrounded on Friday and was retaken by the army on Sunday.", ["Kidal"]),
    ("Lyman was encircled in September and was recaptured by Ukrainian forces on October 1.", ["Lyman"]),
    # "given up to" cedes a place; "gave" alone does not (Tunisia 1943, Mali, Syria)
    ("After a week of fighting, Kidal was given up to the rebels on Sunday.", ["Kidal"]),
    ("The army gave up Kidal to the rebels on Sunday.", ["Kidal"]),
    ("The president gave Raqqa a new governor on Sunday.", []),
])
def test_events_shared_passive_subject_and_places_given_up(text, expected):
    assert _places(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a state's people in the plural take or lose a place as its forces (Ukraine, Syria,
    # the Congo wars): foreign in another state's story, the government's in their own
    ("KYIV (Reuters) - Bakhmut fell to the Russians in May, Ukrainian officials said.", [("Bakhmut", "foreign")]),
    ("HAMA (Reuters) - The Syrians retook Hama on Sunday.", [("Hama", "government")]),
    ("KINSHASA (Reuters) - The Rwandans captured Goma on Sunday, Congolese officials said.", [("Goma", "foreign")]),
])
def test_events_a_states_people_win_as_its_forces(text, expected):
    assert _winners(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a telephone exchange taken is a facility of the town (Uruguay 1969, Bolivia, Mali)
    ("Guerrillas seized the police station in Pando and then took over the telephone exchange.",
     ["police station", "telephone exchange"]),
    ("Miners occupied the telephone exchange in Oruro on Tuesday.", ["telephone exchange"]),
    # an exchange of fire or of prisoners takes nothing
    ("The army and the rebels took part in an exchange of prisoners near Gao.", []),
])
def test_events_telephone_exchange_is_a_facility(text, expected):
    assert _places(text) == expected
