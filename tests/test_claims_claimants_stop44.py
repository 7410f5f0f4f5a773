"""Claimants read from blind set BZ (stop 44): a generic rebel side named by the article's one
rebel body, and an acronym's people ("NRA officials") as the body it spells out, each checked
on sentences of other wars. Every text is the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text):
    return [(c.quantity, c.value, c.source)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # "the rebels" of a story that names one rebel body are that body (Congo, Myanmar, Syria)
    ("The rebels said on Tuesday they had killed 12 soldiers near Rutshuru. "
     "The M23 movement has held the border post since June.", [("killed", 12, "M23")]),
    ("Insurgents said 25 junta soldiers had surrendered at the base. "
     "The Arakan Army has fought the military in Rakhine since 2018.", [("detained", 25, "Arakan Army")]),
    ("Rebel sources said about 30 soldiers had been killed in the villages north of Hama. "
     "Hayat Tahrir al-Sham led the offensive.", [("killed", 30, "Hayat Tahrir al-Sham")]),
])
def test_claims_generic_side_is_the_one_rebel_body_named(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # two rebel bodies named: which one spoke is not known (Myanmar)
    "The rebels said they had killed 12 soldiers. The Arakan Army and the Ta'ang National "
    "Liberation Army fought together in the north.",
    # a rebel commander's title before his name: not the side's words (Syria)
    "Rebel commander Abu Omar said 30 soldiers were killed. Hayat Tahrir al-Sham led the offensive.",
])
def test_claims_generic_side_stays_when_no_one_body(extract_text, text):
    assert [s for _, _, s in _sources(extract_text, text)] == ["opposition"]


@pytest.mark.parametrize("text,expected", [
    # an acronym's officials, the body spelt out earlier without brackets (Ethiopia, Uganda,
    # South Sudan)
    ("The Ogaden National Liberation Front attacked the oil field at dawn.\n\n"
     "ONLF officials said 65 soldiers were killed in the raid.",
     [("killed", 65, "Ogaden National Liberation Front")]),
    ("Gunmen of the Lord's Resistance Army burned the camp at night.\n\n"
     "LRA officials said 20 soldiers had been captured.", [("detained", 20, "Lord's Resistance Army")]),
    ("Fighters of the Sudan People's Liberation Army entered the garrison town on Friday.\n\n"
     "SPLA officials said 50 soldiers had surrendered.", [("detained", 50, "Sudan People's Liberation Army")]),
])
def test_claims_acronym_officials_speak_for_the_body_spelt_out(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a body's title no war owns is that war's only in its stories: another state's prime
    # minister's office, joint command and general command are their own (CAR, Yemen, Egypt)
    ("BANGUI - Rebels attacked the capital. Thirty rebels were killed, the prime minister's office says.",
     [("killed", 30, "Central African government")]),
    ("SANAA - The Houthis attacked Marib. The Joint Operations Command said 14 soldiers were killed near Marib.",
     [("killed", 14, "Joint Operations Command")]),
    ("CAIRO - Egypt mourned its dead. The General Command of the Army and Armed Forces said 12 soldiers "
     "were killed in Sinai.", [("killed", 12, "Egyptian army")]),
    # and still the war's own in its stories (Israel, Iraq)
    ("JERUSALEM - Israeli forces struck Gaza. The Prime Minister's Office said 12 soldiers were killed.",
     [("killed", 12, "Israeli Prime Minister's Office")]),
    ("BAGHDAD - The Joint Operations Command said 14 militants were killed in Anbar.",
     [("killed", 14, "Iraqi Joint Operations Command")]),
])
def test_claims_a_wars_generic_titles_stay_in_its_stories(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a record's owner after "from" or "by" is the claimant, not the record, nor a date or
    # a verb after it (Cameroon, Lebanon, Myanmar)
    ("First reports from village sources on 3 March spoke of 18 dead.", [("killed", 18, "village sources")]),
    ("Figures from the health ministry on February 3 showed 40 people were killed.",
     [("killed", 40, "health ministry")]),
    ("Early reports by village elders on 2 March had put the number of dead at 35.",
     [("killed", 35, "village elders")]),
    # records of no one are no claimant (South Africa, Ethiopia)
    ("Counts late on Sunday put the number of the dead at 19.", [("killed", 19, None)]),
    ("Earlier tallies had put the toll at 30.", [("killed", 30, None)]),
])
def test_claims_record_owner_is_the_claimant(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # communiques introduced by a sentence that names their issuer are its own, each under its
    # number (Egypt-Libya 1977, Iran-Iraq 1980)
    ("CAIRO, July 23 - The Armed Forces General Command has issued the following communiques about "
     "the clashes in the west.\n\nCommunique No. 1: Our units held their lines.\n\n"
     "Communique No. 4: Our forces captured 12 enemy soldiers near the frontier.",
     [("detained", 12, "Armed Forces General Command")]),
    ("BAGHDAD, Sept 23 - The Iraqi High Command issued the following communiques overnight.\n\n"
     "Communique No. 9: Our air force struck the airfields.\n\n"
     "Communique No. 10: Our forces killed 40 enemy soldiers near Khorramshahr.",
     [("killed", 40, "Iraqi High Command")]),
])
def test_claims_communiques_after_their_introduction_are_the_issuers(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a person's role names a side's generic word, then the body by its name: the body
    # speaks (Bahrain, Syria, Venezuela)
    ("Jawad Fairooz, a spokesman for the opposition Al Wefaq movement, told reporters that "
     "three protesters were killed.", [("killed", 3, "Al Wefaq")]),
    ("Abu Omar, a commander of the rebel Free Syrian Army, said 12 soldiers were killed.",
     [("killed", 12, "Free Syrian Army")]),
    ("Maria Lopez, a leader of the opposition Democratic Unity Roundtable, said 20 protesters were injured.",
     [("injured", 20, "Democratic Unity Roundtable")]),
])
def test_claims_a_roles_side_word_before_a_name_is_that_body(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a describing word that opens a sentence is no body's name: "Diplomatic sources" are
    # sources, not a body called "Diplomatic" (Gambia, Pakistan, Somalia)
    ("Diplomatic sources said 30 people were killed in Banjul.", [("killed", 30, "Diplomatic sources")]),
    ("Intelligence sources said 40 militants were killed in North Waziristan.",
     [("killed", 40, "Intelligence sources")]),
    ("Foreign sources said 15 soldiers were killed near Mogadishu.", [("killed", 15, "Foreign sources")]),
    # a body's own name before "sources" is still the body (Gaza)
    ("Hamas sources said 12 fighters were killed.", [("killed", 12, "Hamas")]),
])
def test_claims_describing_word_before_sources_is_no_body(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # an editor at a news outlet speaks for the outlet (Chechnya, Armenia, Congo)
    ("An editor at the Chechen news agency ChechenPress said 30 fighters were killed near Grozny.",
     [("killed", 30, "ChechenPress")]),
    ("An editor at the Armenian news agency Arminfo, reached by telephone, said 21 soldiers were killed.",
     [("killed", 21, "Arminfo")]),
    ("An editor at Radio Okapi said 12 people were killed in Beni.", [("killed", 12, "Radio Okapi")]),
])
def test_claims_an_editor_speaks_for_the_outlet(extract_text, text, expected):
    assert _sources(extract_text, text) == expected
