"""Whose people a figure counts, as annotators read it: a place's people who flee, a
speaker's own men, members of a group, prisoners taken in a fight, a figure said again of
people in general, a count put at another value in the next sentence."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value, c.source) for c in extract_text(text, published=date(2024, 6, 1)).claims]


def _figures(extract_text, text):
    return [(c.quantity, c.category, c.value) for c in extract_text(text, published=date(2024, 6, 1)).claims]


@pytest.mark.parametrize("text,expected", [
    # residents who flee are people in general (Haiti, Chad, Kashmir-like); killed ones stay civilians
    ("More than 4,000 residents of the town of Mirebalais have fled to the capital, officials said.",
     [("displaced", "total", 4000)]),
    ("About 12,000 inhabitants of the border town crossed into Cameroon overnight, the refugee agency said.",
     [("displaced", "total", 12000)]),
    ("Some 70,000 of the city's 90,000 residents had left before the shelling began.",
     [("displaced", "total", 70000)]),
    ("Shelling killed 14 residents of the old quarter of Srinagar.", [("killed", "civilians", 14)]),
])
def test_claims_category_of_residents_who_flee(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a soldier's "our men" (Nigeria-like), a rebel commander's "his men" (Ivory Coast-like),
    # "they had lost only 15 men" (Chad-like)
    ('"We lost six of our men and many others are missing," a soldier who survived the ambush said.',
     [("killed", "government", 6)]),
    ("A rebel commander reached by telephone said 11 of his men had been killed near Bambari.",
     [("killed", "rebels", 11)]),
    ("The insurgents said they had lost only 9 men in the fighting for the bridge.", [("killed", "rebels", 9)]),
])
def test_claims_category_of_the_speakers_own_men(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "it had lost N fighters": the speaker's own losses, whatever "fighters" says alone
    # (Lebanon 2006, DRC, Afghanistan-like); a side the noun names stays its own
    ("Israeli troops fought Hezbollah in Bint Jbeil. The movement said it had lost three fighters there.",
     [("killed", "rebels", 3)]),
    ("M23 said it had lost 4 fighters near Goma on Sunday.", [("killed", "rebels", 4)]),
    ("The Taliban said they had lost 12 men in the battle for Kunduz.", [("killed", "rebels", 12)]),
    ("The army said it lost 11 soldiers in the ambush near Mopti.", [("killed", "government", 11)]),
])
def test_claims_category_of_what_the_speaker_lost(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "a family of six": the family's members are civilians (Lebanon, Gaza, Ukraine-like);
    # a single attacker is an armed non-state side's (Kenya, Mumbai-like); nationals are people
    # of a state, not its soldiers
    ("Police said an overnight air raid on a house in Nabatiyeh killed a family of six.", [("killed", "civilians", 6)]),
    ("A strike on Rafah killed an entire family of eight on Tuesday, the ministry said.", [("killed", "civilians", 8)]),
    ("A missile struck a block of flats in Odesa, killing a family of five.", [("killed", "civilians", 5)]),
    ("Police said one attacker was killed when commandos stormed the hotel.", [("killed", "rebels", 1)]),
    ("The Foreign Office says three British nationals are confirmed dead.", [("killed", "civilians", 3)]),
])
def test_claims_families_attackers_and_nationals(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # members of a group named with a slash (Turkey-Syria), in quotes (Libya), "suspected of
    # belonging to" (Chechnya)
    ("The ministry said 31 members of the PKK/YPG had surrendered near Tal Abyad.", [("detained", "rebels", 31)]),
    ('State television said the army had captured 22 members of "armed gangs" near Sirte.',
     [("detained", "rebels", 22)]),
    ("Troops detained 40 persons suspected of belonging to illegal armed formations in Gudermes.",
     [("detained", "rebels", 40)]),
])
def test_claims_category_of_members_of_a_group(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people taken in a fight are a side's fighters: a state's demonym (Gulf 1991-like), the
    # fighters counted before them (Chad-like), the side facing the speaker (Donbas-like); a
    # prison's inmates stay prisoners (Haiti-like)
    ("Allied forces have taken more than 600 Iraqi prisoners since Tuesday, the command said.",
     [("detained", "government", 600)]),
    ('The army said it had killed "several hundred" rebels and taken 150 prisoners near Ati.',
     [("killed", "rebels", None), ("detained", "rebels", 150)]),
    ("The separatists said they had taken 70 prisoners at the railway junction.", [("detained", "government", 70)]),
    ("Gang members stormed the prison and freed 3,500 prisoners.", [("released", "prisoners", 3500)]),
])
def test_claims_category_of_prisoners_taken_in_a_fight(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


def test_claims_who_is_no_world_health_organization(extract_text):
    # "a soldier who survived" is a soldier, not the WHO; the WHO written as such still is
    got = _claims(extract_text, '"We lost six of our men," a soldier who survived the ambush said.')
    assert got == [("killed", "government", 6, "soldier")]
    assert _claims(extract_text, "The WHO said 12 people were killed in the strike on the clinic.") == [
        ("killed", "total", 12, "World Health Organization")]


@pytest.mark.parametrize("text,expected", [
    # the same amount said again of people in general is the figure whose people were named
    # (Sri Lanka-like UN report, Darfur-like monitor)
    ("The UN team recorded 3,210 civilian deaths in the district in May. Of the 3,210 deaths, 640 were "
     "children.", [("killed", "civilians", 3210), ("killed", "civilians", 640)]),
    ("The monitor documented the killing of 212 civilians in the three villages. The 212 dead included 51 "
     "women.", [("killed", "civilians", 212), ("killed", "civilians", 51)]),
])
def test_claims_figure_said_again_of_people_in_general(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # another claimant puts the count of the sentence before at another value (Kosovo-like,
    # Chad-like)
    ("Witnesses said 300 civilians were killed in the valley. Human Rights Watch has put the number at "
     "about 450.", [("killed", "civilians", 300, "Witnesses"), ("killed", "civilians", 450, "Human Rights Watch")]),
    ("About 8,000 people have fled across the river, according to the UN refugee agency. By evening the "
     "agency put the figure at 11,000.", [("displaced", "total", 8000, "UNHCR"), ("displaced", "total", 11000, "UNHCR")]),
])
def test_claims_count_put_at_another_value_in_the_next_sentence(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # an aside closed by a comma does not hide the predicate after it (Colombia-like)
    ("The Ombudsman's Office said at least 25 people, among them two community leaders, had been kidnapped "
     "in Arauca.", [("detained", "total", 25)]),
    # a subset clause left open keeps its own word (Gaza-like)
    ("About 120 hostages remain in Gaza, of whom a third are believed to have died.", [("detained", "total", 120)]),
    # civilians by what they were doing or who they were (Nigeria, Northern Ireland, Darfur-like)
    ("Police said the bodies of three motorists were recovered on the Maiduguri road.", [("killed", "civilians", 3)]),
    ("Paratroopers shot dead 13 civil rights marchers in Derry.", [("killed", "civilians", 13)]),
    ("A survivor said nine members of his family were killed in the raid.", [("killed", "civilians", 9)]),
    # a two-word name owns the noun like a one-word one (Abkhazia-like); a capitalised modifier
    # is part of a name, not what happened (Syria)
    ("He said 40 Abkhaz and North Caucasian volunteers had been killed near the river.", [("killed", "rebels", 40)]),
    ("The monitor said 7 Free Syrian Army fighters were killed in the shelling.", [("killed", "rebels", 7)]),
])
def test_claims_people_nouns_and_asides(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "since May 20 to 163": a day, then the figure, no range (Karabakh 2020, Lebanon 2007-like)
    ("Shelling killed 20 people on Monday, bringing the death toll since Sept. 27 to 350, officials said.",
     [("killed", "total", 20), ("killed", "total", 350)]),
    ("Two soldiers died on Friday, bringing the army's losses since May 20 to 163 killed.",
     [("killed", "government", 2), ("killed", "government", 163)]),
    # "N more of its servicemen": the speaker's own people, not a continuation (Karabakh, Lebanon-like)
    ("Hezbollah said 5 more of its fighters were killed in the south.", [("killed", "rebels", 5)]),
    ("Twelve more of the wounded died overnight in Khan Younis.", [("killed", "total", 12)]),
    # taken into custody is detained (Grenada 1983, Kenya-like); "killed or disappeared" lumps two kinds
    ("Police took 12 suspects into custody on Monday.", [("detained", "total", 12)]),
    ("The commission counted more than 200,000 people killed or disappeared in the war.", []),
])
def test_claims_running_totals_custody_and_lumped_kinds(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a community's members killed or abducted are civilians; those who flee are people in
    # general, as residents are (Syria 2025, Sinjar 2014, Amhara, Bangladesh 1971-like)
    ("Villagers buried dozens of Alawites killed in the massacre near Baniyas.", [("killed", "civilians", None)]),
    ("The ministry said at least 500 Yezidis had been killed by the militants.", [("killed", "civilians", 500)]),
    ("Tens of thousands of Amharas have been displaced by the fighting in Oromia.", [("displaced", "total", None)]),
    ("Some 40,000 Rohingya fled across the border into Bangladesh last week.", [("displaced", "total", 40000)]),
])
def test_claims_category_of_a_community(extract_text, text, expected):
    assert _figures(extract_text, text) == expected
