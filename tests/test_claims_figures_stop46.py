"""Stop 46: figures read from blind sets CR-CU, checked on sentences of other wars: people
who go or are forced into exile are displaced. Texts are the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # exile is displacement (Chile 1973, Argentina, Rwanda-like)
    ("Some 180,000 Chileans went into exile under the dictatorship.", [("displaced", "total", 180000)]),
    ("More than 2,000 people were forced into exile after the coup, the commission said.",
     [("displaced", "total", 2000)]),
    ("About 50,000 Tutsis fled into exile in Uganda.", [("displaced", "total", 50000)]),
])
def test_claims_exile_is_displacement(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # military observers are people a figure counts (Congo 2003, Bosnia, Georgia-like)
    ("The UN said three of its military observers were killed near Srebrenica.", [("killed", "total", 3)]),
    ("MONUC said two military observers from Malawi were found dead near Bunia.", [("killed", "total", 2)]),
    ("UNOMIG reported that four military observers were abducted in the Kodori gorge.", [("detained", "total", 4)]),
    # "officials" stay speakers, no people counted: "Officials in Sumy said the death count ..." (Sudan-like)
    ("Two officials said 30 people were killed in El Fasher.", [("killed", "total", 30)]),
])
def test_claims_military_observers_are_people(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one victim among the dead or wounded (Kashmir 2025, Lebanon, Somalia-like)
    ("A six-year-old boy was among the dead in Poonch.", [("killed", "civilians", 1)]),
    ("An Italian journalist was among those killed at the checkpoint.", [("killed", "civilians", 1)]),
    ("A nurse was among the wounded when the clinic in Baidoa was shelled.", [("injured", "civilians", 1)]),
    # an aid body's volunteer is an aid worker, no armed group's (Congo, Gaza, Yemen-like)
    ("A Red Cross volunteer was killed in Bunia.", [("killed", "civilians", 1)]),
    ("Two Red Crescent volunteers were wounded in Khan Younis.", [("injured", "civilians", 2)]),
])
def test_claims_single_victim_among_the_dead_and_aid_volunteers(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # members of one's family and "men, women and children" are civilians (Cameroon 2020,
    # Algeria 1955, Punjab-like)
    ("A farmer said he buried nine members of his extended family after the raid.", [("killed", "civilians", 9)]),
    ("A witness said 14 members of her family were killed in the shelling.", [("killed", "civilians", 14)]),
    ("Rebel radio said more than 5,000 men, women and children had been killed in the reprisals.",
     [("killed", "civilians", 5000)]),
])
def test_claims_family_members_and_whole_populations_are_civilians(extract_text, text, expected):
    assert _claims(extract_text, text) == expected
