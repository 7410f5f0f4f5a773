"""infer_actor: sides for actor phrases no lexicon lists whole."""

from __future__ import annotations

import pytest

from sitrep.extract.actor_infer import infer_actor


@pytest.mark.parametrize("phrase,countries,side", [
    ("Iran-backed militias", ("SY",), "government"),          # known alias in the Syria file
    ("Iran-backed Shiite militias", ("SY",), "government"),   # backer's clients fight for Assad
    ("Iran-backed Shiite militias", ("YE",), "opposition"),   # ...and against the government in Yemen
    ("Iran-backed Shiite militias", (), "unknown"),           # wars disagree, none given
    ("UAE-backed paramilitaries", ("SD",), "opposition"),
    ("Rwandan-backed fighters", ("CD",), "opposition"),
    ("Iran-backed Houthis", (), "opposition"),                # a known actor keeps its side
    ("Turkish-backed factions", (), "opposition"),
    ("pro-government militias", (), "government"),
    ("pro-regime gunmen", (), "government"),
    ("pro-Iranian fighters", ("SY",), "government"),
    ("pro-Russian separatists", ("UA",), "opposition"),
    ("anti-government protesters", (), "opposition"),
    ("anti-junta fighters", ("MM",), "opposition"),
    ("Bedouin rebels", (), "opposition"),
    ("tribal insurgents", (), "opposition"),
    ("Egyptian troops", ("SD",), "foreign"),
    ("Sudanese troops", ("SD",), "government"),
    ("local shepherds", (), "unknown"),
    ("Zorgon-backed units", (), "unknown"),                  # backer no file knows
])
def test_actors_infer_side(phrase, countries, side):
    ref = infer_actor(phrase, countries)
    assert ref.side == side
    assert ref.as_written == phrase


def test_actors_infer_unknown_keeps_phrase():
    ref = infer_actor("Bedouin rebels")
    assert (ref.name, ref.known, ref.acled_type) == ("Bedouin rebels", False, "Rebel group")


def test_actors_infer_known_alias_is_canonical():
    ref = infer_actor("Abu Mohammed al-Golani")
    assert (ref.name, ref.side, ref.known) == ("Hayat Tahrir al-Sham", "opposition", True)


@pytest.mark.parametrize("phrase,countries,side", [
    # a name ending in a generic force noun with a rebel's word is a rebel group (Kosovo, Uganda, Nepal)
    ("Kosovo Liberation Army", ["RS"], "opposition"),
    ("Lord's Resistance Army", ["UG"], "opposition"),
    ("People's Liberation Army", ["NP"], "opposition"),
    # the state's own army of such a name is its war file's, in its own war only (China)
    ("People's Liberation Army", ["CN"], "government"),
    ("Israel Defense Forces", ["IL"], "government"),
])
def test_actors_infer_rebel_names_ending_in_army(phrase, countries, side):
    from sitrep.extract.actors import load_actors

    assert load_actors().infer(phrase, countries).side == side
