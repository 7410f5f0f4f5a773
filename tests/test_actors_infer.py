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
    # the category rules' side words, when they name one side only (Cyprus 1964, Iran 1979,
    # Cote d'Ivoire 2002)
    ("the National Guard", ("CY",), "government"),
    ("Revolution Guards", ("IR",), "government"),
    ("the mutineers", ("CI",), "opposition"),
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


@pytest.mark.parametrize("phrase,countries,name,side", [
    # a numbered formation is a state's forces; whose, from the state named before it
    ("Ukraine's 93rd Mechanized Brigade", ("UA",), "Ukraine's 93rd Mechanized Brigade", "government"),
    ("Russian 155th Naval Infantry Brigade", ("UA",), "Russian 155th Naval Infantry Brigade", "foreign"),
    ("US 1st Marine Expeditionary Force", ("IQ",), "US 1st Marine Expeditionary Force", "foreign"),
    ("Sudanese 22nd Infantry Division", ("SD",), "Sudanese 22nd Infantry Division", "government"),
    # no state named: a state's unit of a side the sentence does not give (Iraq 2003, Sudan)
    ("101st Airborne Division", ("IQ",), "101st Airborne Division", "unknown"),
    ("the 16th Infantry Division", ("SD",), "the 16th Infantry Division", "unknown"),
    # a part of a force fights for it (Iraq 2003, Falklands, Chechnya)
    ("Elements of the 3rd Infantry Division", ("IQ",), "3rd Infantry Division", "unknown"),
    ("British forces of the 2nd Battalion Parachute Regiment", ("GB",), "British forces", "government"),
    ("units of the Russian 58th Army", ("GE",), "Russian 58th Army", "foreign"),
    # a numbered unit of a group the lexicon knows stays the group's (South Sudan)
    ("the 5th Division of the SPLA-IO", ("SS",), "SPLA-IO", "opposition"),
])
def test_actors_infer_numbered_units_are_state_forces(phrase, countries, name, side):
    ref = infer_actor(phrase, countries)
    assert (ref.name, ref.side, ref.as_written) == (name, side, phrase)
    if side != "opposition":
        assert ref.acled_type == "State forces"


@pytest.mark.parametrize("phrase", ["al-Qassam Brigades", "Fatah Martyrs Brigade 5", "Division Street residents"])
def test_actors_infer_unit_words_without_an_ordinal_are_no_unit(phrase):
    assert infer_actor(phrase, ("PS",)).acled_type != "State forces"


@pytest.mark.parametrize("text,first", [
    # a war's unnamed country is the one its actor file lists first, whatever the hash seed
    # (Lake Chad: Nigeria before Chad and Cameroon; Sahel: Mali first)
    ("Boko Haram fighters killed 65 people at a funeral in Borno state.", "NG"),
    ("JNIM fighters attacked an army post near Boulkessi.", "ML"),
])
def test_actors_conflict_countries_in_file_order(text, first):
    from sitrep.extract import default_extractor

    assert default_extractor().countries_of(text)[0] == first


@pytest.mark.parametrize("phrase,countries,side", [
    # a state's commanders and officers are its forces (Mali, Uganda, South Sudan-like)
    ("Malian commanders", ["ML"], "government"),
    ("Ugandan officers", ["SS"], "foreign"),
    ("South Sudanese commanders", ["SS"], "government"),
])
def test_actors_state_officers_are_its_forces(phrase, countries, side):
    from sitrep.extract.actors import load_actors

    assert load_actors().infer(phrase, countries).side == side


@pytest.mark.parametrize("text,not_actor", [
    # a name many states' forces share is one war's force only in that war's stories
    # (Transnistria, Iraq, Chad-like: not the Congolese or the Syrian army)
    ("Republican Guard units regained control of the bridge in Bendery on Sunday.", "FARDC"),
    ("Republican Guard units regained control of the bridge in Bendery on Sunday.", "Syrian Arab Army"),
])
def test_actors_shared_unit_names_need_their_war(text, not_actor):
    from sitrep.extract.actors import load_actors

    assert not_actor not in {m.actor.name for m in load_actors().match(text)}


@pytest.mark.parametrize("countries,conflict", [
    # the war of the article's most named country, though another file lists it as a neighbour
    # (Kachin 2012: china.json lists Myanmar; Iran-PJAK; Ukraine)
    (("MM", "CN"), "myanmar"),
    (("CN", "MM"), "china"),
    (("IR", "IL"), "israel_iran"),
    (("UA", "RU"), "ukraine"),
])
def test_actors_war_of_the_first_country(countries, conflict):
    from sitrep.extract.actors import load_actors

    assert load_actors().conflict_of(countries) == conflict


def test_actors_rebel_army_soldiers_in_a_story_naming_a_neighbour(extract_text):
    claims = extract_text("Fighting went on near Laiza, Myanmar, close to the border with China. A KIO spokesman "
                          "said four KIA soldiers had been killed and 11 wounded.").claims
    assert {(c.quantity, c.category, c.value) for c in claims} == {("killed", "rebels", 4), ("injured", "rebels", 11)}
