"""Figures read from words first met in sets T, V, W and X (stop 29): people fallen as martyrs or
flown out, people named by kin or neighbourhood, a state's words for its enemies in quotation
marks, agents of a state's services, members of forces "loyal to the Government", a share
freed of those captured, and a wire's paragraph numbers that are no figure (checked on
dev2, the seeds and sets J-S, U). Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _got(extract_text, text):
    claims = extract_text(text, published=date(2024, 6, 1)).claims
    return [(c.quantity, c.category, c.value if c.value is not None else (c.low, c.high)) for c in claims]


@pytest.mark.parametrize("text,expected", [
    # fallen as martyrs; flown out of a city (Tunisia 1961, Kazakhstan 2022, Lebanon 2006)
    ("According to the ministry, 670 Tunisians have fallen as martyrs.", [("killed", "total", 670)]),
    ("The embassy says it has flown out 182 of its citizens from Almaty.", [("displaced", "total", 182)]),
    ("Italy has airlifted out 300 people from Beirut.", [("displaced", "total", 300)]),
    # kin and neighbours are civilians (Malaya 1950, Argentina 1975)
    ("Three wives of policemen and two children also lost their lives.",
     [("killed", "civilians", 3), ("killed", "civilians", 2)]),
    ("The troops murdered dozens of neighbours in the barrios.", [("killed", "civilians", (24, 99))]),
    # a state's words for its enemies, in quotation marks or not (Kazakhstan 2022, Guatemala)
    ("The Interior Ministry says 26 \"armed criminals\" were killed.", [("killed", "rebels", 26)]),
    ("The army said 85 subversives were killed in the Ixil area.", [("killed", "rebels", 85)]),
    # agents of a state's service (Portugal 1974, the United States)
    ("More than 100 DGS agents had been arrested in Lisbon.", [("detained", "government", 100)]),
    ("One FBI agent was wounded in the hand.", [("injured", "government", 1)]),
    # members of the forces, however the forces are named (Venezuela 1962)
    ("In the operations, 41 members of the Armed Forces loyal to the Government lost their lives.",
     [("killed", "government", 41)]),
])
def test_claims_people_words_read_back(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # what the verb did to a share of people described by what befell them before (Colombia,
    # Nigeria, Peru)
    ("We have freed 7 of the captured soldiers and handed them over to the Red Cross.",
     [("released", "government", 7)]),
    ("The gunmen freed 12 of the kidnapped workers on Monday.", [("released", "civilians", 12)]),
    ("The army killed 20 of the fleeing rebels.", [("killed", "rebels", 20)]),
])
def test_claims_a_share_is_what_the_verb_did(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # a wire's update note names paragraphs, not people (Ifni 1957, Sudan)
    "(Adds revised army toll, Rabat radio claims, paragraphs 6-8)",
    "(Updates death toll in paras 3-5)",
])
def test_claims_paragraph_numbers_are_no_figure(extract_text, text):
    assert _got(extract_text, text) == []


@pytest.mark.parametrize("text,expected", [
    # "two dozens" in non-native English (Nigeria 1980)
    ("He counted two dozens of bodies in the street.", [("killed", "total", 24)]),
    # a participle that captures; captives taken "as prisoners" (Taiwan Strait 1955, Jordan 1968)
    ("The army took the town, capturing 40 soldiers.", [("detained", "government", 40)]),
    ("Officers say 150 guerrillas died and that 138 more were taken back across the river as prisoners.",
     [("killed", "rebels", 150), ("detained", "rebels", 138)]),
    # people who cross over a river flee (Jordan 1968)
    ("Between 200,000 and 250,000 people crossed east over the river in the weeks that followed.",
     [("displaced", "total", (200000, 250000))]),
    # people seized; people named by what they came to do (Honduras 1957, Haiti 1987, Comoros)
    ("Two foreign missionaries were seized by the soldiers on 20 April.", [("detained", "civilians", 2)]),
    ("At least 34 voters were killed at the polling station.", [("killed", "civilians", 34)]),
    ("Sixty islanders were evacuated by the navy.", [("displaced", "civilians", 60)]),
    # held by an armed force, in the passive (Guyana 1969)
    ("Twenty-two policemen are now held by our forces.", [("detained", "government", 22)]),
    # wounded people shot dead are killed (South Africa 1994)
    ("Three wounded soldiers were shot dead by a policeman.", [("killed", "government", 3)]),
])
def test_claims_figures_read_back_from_set_x(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the active subject of a deed done to an object acted; nothing befell it (Peru 1996,
    # Nigeria, Colombia)
    ("Fourteen members of the MRTA seized the residence of the ambassador.", []),
    ("Five gunmen killed 12 villagers.", [("killed", "civilians", 12)]),
    ("Twenty soldiers arrested the mayor.", []),
    # ... not people who flee, surrender, lose their lives, or kill themselves
    ("300 people fled the town.", [("displaced", "total", 300)]),
    ("Forty rebels surrendered their weapons.", [("detained", "rebels", 40)]),
    ("Twelve soldiers lost their lives.", [("killed", "government", 12)]),
    ("Of the attackers, 12 killed themselves.", [("killed", "total", 12)]),
])
def test_claims_the_agent_of_a_deed_is_no_victim(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # registered in camps; peasants by their Spanish name crossing a river (Pakistan 2009, Bolivia 2008)
    ("According to the disaster authority, over 140,000 people have been registered in camps in Tank.",
     [("displaced", "total", 140000)]),
    ("The state authorities said near to 1,000 campesinos crossed the river to the Brazilian side.",
     [("displaced", "civilians", 1000)]),
    # prison guards are a state's (Brazil 2006, Ecuador 2024)
    ("Around 200 guards were being held by the inmates.", [("detained", "government", 200)]),
    # "Of them, N were <whose> <people>": a breakdown, one word before the noun (Bangladesh 2009,
    # Argentina 1989)
    ("The minister said 74 people were killed in the mutiny. Of them, 57 were army officers.",
     [("killed", "total", 74), ("killed", "government", 57)]),
    ("Officials said 39 people died. Of them, 28 were rebel fighters.",
     [("killed", "total", 39), ("killed", "rebels", 28)]),
])
def test_claims_figures_read_back_from_set_w(extract_text, text, expected):
    assert _got(extract_text, text) == expected
