"""Figures read from words first met in sets T and V (stop 29): people fallen as martyrs or
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
