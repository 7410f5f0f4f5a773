"""Figures a count was revised from, counts split by who the people were, and people who
left as people (stop 28: read from set R's Vanuatu, Tunisia, Puerto Rico, Niger Delta and
Paraguay stories and the revised tolls of sets N and R; checked on dev2, the seeds and
sets J-Q). Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _got(extract_text, text):
    claims = extract_text(text, published=date(2024, 6, 1), outlet="Test").claims
    return [(c.quantity, c.category, c.value) for c in claims]


@pytest.mark.parametrize("text,expected", [
    # the figure a count was raised from counts the same people (Vanuatu 1980, Zamboanga 2013,
    # a UN estimate lowered)
    ("Police said more than 200 rebels had been arrested in Santo, up from 93 announced last week.",
     [("detained", "rebels", 200), ("detained", "rebels", 93)]),
    ("The army said 63 gunmen had been killed, up from the 56 it gave on Sunday.",
     [("killed", "rebels", 63), ("killed", "rebels", 56)]),
    ("The UN said 4,000 people had fled, down from an earlier estimate of 6,000.",
     [("displaced", "total", 4000), ("displaced", "total", 6000)]),
    # "the number of X passed from 12 to 13" (Tunisia 2016)
    ("The number of martyrs passed from 12 to 13 yesterday, the ministry said.",
     [("killed", "total", 12), ("killed", "total", 13)]),
])
def test_claims_figure_a_count_was_revised_from(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    "The price of bread is up from 5 to 7 pounds.",
    "Turnout was up from 40 per cent in the last vote.",
])
def test_claims_up_from_needs_a_count_of_people(extract_text, text):
    assert _got(extract_text, text) == []


@pytest.mark.parametrize("text,expected", [
    # "N were X, M were Y" after a count splits it, with no "of them" (Puerto Rico 1950,
    # a Donbas shelling, a Darfur clinic)
    ("Police said 28 people were killed. By its count 16 were rebels, seven were policemen, "
     "one was a National Guardsman and four were bystanders.",
     [("killed", "total", 28), ("killed", "rebels", 16), ("killed", "government", 7),
      ("killed", "government", 1), ("killed", "civilians", 4)]),
    ("Five people were wounded in the shelling of Horlivka. One was a soldier and four were children.",
     [("injured", "total", 5), ("injured", "government", 1), ("injured", "civilians", 4)]),
    ("The clinic in El Geneina received 25 wounded people. Ten were children and six were women, a nurse said.",
     [("injured", "total", 25), ("injured", "civilians", 10), ("injured", "civilians", 6)]),
])
def test_claims_figures_that_say_who_split_the_count_before(extract_text, text, expected):
    assert _got(extract_text, text) == expected


def test_claims_one_figure_that_says_who_is_no_split(extract_text):
    # one "N were X" alone is the sentence's own figure, not a split of the one before
    text = "Police said 28 people were killed. Last year 16 were rebels."
    assert _got(extract_text, text) == [("killed", "total", 28)]


@pytest.mark.parametrize("text,expected", [
    # villagers, nomads and townspeople who flee are people in general (Niger Delta 2009,
    # Sand War 1963, Puerto Rico 1950), as residents are
    ("More than 20,000 villagers have fled into the bush, the movement said.", [("displaced", "total", 20000)]),
    ("A doctor said about 2,000 nomads had fled north towards the town.", [("displaced", "total", 2000)]),
    ("Hundreds of townspeople fled into the hills, the priest said.", [("displaced", "total", None)]),
    # people who left for a named country, or who had left a named place (Paraguay 1947, Vanuatu 1980)
    ("Up to 400,000 Paraguayans left for Argentina and Brazil after the war.", [("displaced", "total", 400000)]),
    ("The Red Cross said it had registered 430 people who had left Santo since May.",
     [("displaced", "total", 430)]),
    # a people moving towards a border (Western Sahara 1991)
    ("Some 1,200 nomads have moved towards the border, the Red Crescent said.", [("displaced", "total", 1200)]),
])
def test_claims_people_who_left_as_people_are_displaced(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    "Some 2,000 troops left for the front on Friday, the army said.",
    "Around 600 soldiers moved towards the border on Monday, the ministry said.",
])
def test_claims_troops_on_the_move_are_not_displaced(extract_text, text):
    assert _got(extract_text, text) == []


def test_claims_civil_servants_freed_are_civilians(extract_text):
    text = "The police said six civil servants held by the rebels at Vanafo were freed unharmed."
    assert _got(extract_text, text) == [("released", "civilians", 6)]


@pytest.mark.parametrize("text,expected", [
    # a force's losses named with "of" (Mecca 1979, Argentina 1955)
    ("An earlier ministry bulletin had put the losses of the security forces at 60 dead and 200 wounded.",
     [("killed", "government", 60), ("injured", "government", 200)]),
    ("It gave the losses of the loyal forces as 19 dead and 61 wounded.",
     [("killed", "government", 19), ("injured", "government", 61)]),
    ("The army put the losses of the rebels at 40 dead.", [("killed", "rebels", 40)]),
])
def test_claims_losses_of_a_force_are_its_side(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # two figures joined by "and" after "of its" are two (Cyprus 1964)
    ("The leadership told us that 27 of its fighters and 9 villagers were killed in Mansoura.",
     [("killed", "rebels", 27), ("killed", "civilians", 9)]),
    # the whole of a part stays no figure
    ("Officials say 6,000 of the town's estimated 9,000 residents have fled.", [("displaced", "total", 6000)]),
    # arrests counted, people not accounted for (Rio 2010, Fiji 2000)
    ("Since Thursday, police count 123 arrests in total.", [("detained", "total", 123)]),
    ("Two mutineers are not accounted for.", [("missing", "rebels", 2)]),
])
def test_claims_parts_arrests_and_the_unaccounted(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # fighters who flee withdraw; they are not displaced (Fiji 2000, Syria)
    "Two mutineers are believed to have fled toward the Tamavua hills.",
    "About 300 rebel fighters fled into the mountains after the assault.",
])
def test_claims_fighters_who_flee_are_not_displaced(extract_text, text):
    assert [g for g in _got(extract_text, text) if g[0] == "displaced"] == []


@pytest.mark.parametrize("text,expected", [
    # people who abandoned their longhouses, went to hide in the hills (Brunei 1962, Comoros
    # 2008), boys hit by stray bullets (Rio 2010)
    ("Police said several hundred villagers had abandoned their longhouses and gone into the forest.",
     [("displaced", "total", None)]),
    ("The Red Crescent said that nearly 2,000 inhabitants of Sima have gone to hide in the hills.",
     [("displaced", "total", 2000)]),
    ("Two boys from her street were hit by stray bullets and are in hospital.", [("injured", "civilians", 2)]),
])
def test_claims_hiding_and_stray_bullets(extract_text, text, expected):
    assert _got(extract_text, text) == expected


def test_claims_part_that_says_who_it_was_is_a_breakdown(extract_text):
    # "Nine of those killed were special police officers": who, not a condition (Croatia 1995)
    text = "The ministry said 24 people were killed. Nine of those killed were special police officers."
    assert _got(extract_text, text) == [("killed", "total", 24), ("killed", "government", 9)]


def test_claims_part_in_a_condition_stays_no_claim(extract_text):
    text = "The ministry said 30 were wounded. Ten of the wounded are in critical condition."
    assert _got(extract_text, text) == [("injured", "total", 30)]
