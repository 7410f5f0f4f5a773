"""People named one by one as the ones a casualty verb befell (GUIDE.md: enumerated
individuals are one claim with their count): their role gives their category, a rank makes
an officer, and no role leaves them civilians. Texts are the project's own, from several wars."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value) for c in extract_text(text).claims]


@pytest.mark.parametrize("text,expected", [
    # a reporter, an activist, a child: civilians (Cuba 2021, Russia, Kenya-like)
    ("Camila Ortiz, a reporter for a Madrid daily, was arrested on Monday in Havana, the paper said.",
     [("detained", "civilians", 1)]),
    ("Opposition activist Ivan Sokolov was detained outside the court in Moscow, his lawyer said.",
     [("detained", "civilians", 1)]),
    ("The journalist Anna Petrova was killed by a sniper in Mariupol, her editor said.", [("killed", "civilians", 1)]),
    # names listed in apposition to the noun that counts them: one figure, not two (Chile 1986-like)
    ("Three other opponents of the regime, Felipe Rojas, Gaston Vera and Pablo Munoz, were seized and murdered.",
     [("killed", "civilians", 3)]),
    # a rank before the name: an officer of the state's forces (Seychelles 1981, Nicaragua 1978-like)
    ("A young officer, Lieutenant David Antoine, was killed near the airport terminal.",
     [("killed", "government", 1)]),
    ("Police said gunmen shot dead Juan Perez Garcia outside his home in Culiacan.", [("killed", "civilians", 1)]),
    # a side's name in the title gives its people's category, a known voice of it still a man
    # (Lebanon 2024, Gaza, Somalia)
    ("Hezbollah leader Hassan Nasrallah was killed in an Israeli strike on Beirut.", [("killed", "rebels", 1)]),
    ("Senior Hezbollah official Hashem Safieddine was killed in the strike.", [("killed", "rebels", 1)]),
    ("Al-Shabaab commander Aden Hashi Ayro was killed in a US air strike.", [("killed", "rebels", 1)]),
    # a relative clause on the named person (Lebanon 2024, Venezuela, Philippines-like);
    # a side's generic word in a title is no side ("Opposition leader": a politician)
    ("He takes over from Hezbollah's late chief Hassan Nasrallah, who was killed by an air strike.",
     [("killed", "rebels", 1)]),
    ("Opposition leader Juan Perez, who was arrested on Monday, remains in custody.", [("detained", "civilians", 1)]),
    ("The mayor, Ramon Cruz, who was abducted in March, was found alive.", [("detained", "civilians", 1)]),
])
def test_claims_named_victims_counted(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # a place, a body, an event's name, a counted noun of its own
    "Kafr Nabudah was shelled again, residents said.",
    "Islamic State was driven from its last stronghold.",
    "Red Sea Crisis - Amid the turmoil, three sailors were killed after a missile struck a ship.",
    # hedged or negated
    "Opposition leader Juan Perez could be arrested this week, officials warned.",
    "Opposition leader Juan Perez was not arrested, his party said.",
])
def test_claims_named_victims_not_a_person_or_not_befallen(extract_text, text):
    claims = _claims(extract_text, text)
    assert not [c for c in claims if c[2] == 1], claims


@pytest.mark.parametrize("text,expected", [
    # initials are no acronym: the name with them is a person's (Kokoda 1942, Burma 1944)
    ("The battalion's commanding officer, Lieutenant-Colonel W. T. Owen, was killed in that action.",
     [("killed", "government", 1)]),
    # a commander with a rank is the state's officer, a side's word before the noun says whose
    ("The company's commander, Major J. R. Hartley, was killed in the assault on the ridge.",
     [("killed", "government", 1)]),
    ("The rebel commander, Colonel Juma Said, was killed in the assault on the ridge.", [("killed", "rebels", 1)]),
    # "captured" counts a person with a role or a rank (Tientsin 1949); a named place is captured too
    ("The garrison commander, General Chen Liang, was captured when the city fell.", [("detained", "government", 1)]),
    ("Kokoda Station was captured by the Japanese on 29 July.", []),
    ("Ahmed Salim Hassan was captured by the militia.", []),
])
def test_claims_named_officers_with_initials_and_captures(extract_text, text, expected):
    assert _claims(extract_text, text) == expected
