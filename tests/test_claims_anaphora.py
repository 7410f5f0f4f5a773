"""Whom "it" points back to: a body that opened a sentence since the last speaker, not the
person who spoke before it ("it" is never a person)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text):
    return [(c.value, c.source) for c in extract_text(text, published=date(2024, 6, 1)).claims]


def _assert_source(extract_text, text, value, source):
    """The claimant of the figure ``value`` in ``text`` is ``source``."""
    got = dict(_sources(extract_text, text))
    assert got.get(value) == source, got


@pytest.mark.parametrize("text,value,source", [
    # an armed group's statement after an officer spoke (Mali, Kashmir-like bulletin shape)
    ("BAMAKO, Mali - Colonel Souleymane Dembele, an army spokesman, said 20 militants had been killed.\n\n"
     "The militant group Jama'at Nusrat al-Islam, in a message posted on social media, claimed the attack. "
     "It said its fighters had killed 40 soldiers.", 40, "Jama'at Nusrat al-Islam"),
    # a prosecutor's office giving its own count after a minister (Ecuador)
    ("GUAYAQUIL, Ecuador - Interior Minister Monica Palencia said eight people had died in the riot.\n\n"
     "The Guayas prosecutor's office gave a higher count. In a statement issued on Friday, it said 13 "
     "people had been killed.", 13, "Guayas prosecutor's office"),
    # a body known to the lexicon, after a named commander (Colombia)
    ("BOGOTA, Colombia - General Luis Ospina said 12 guerrillas had been killed in Catatumbo.\n\n"
     "The National Liberation Army issued a statement on Sunday. It said nine soldiers had died.",
     9, "ELN"),  # the lexicon's name for it
])
def test_claims_it_points_to_the_body_that_opened_a_sentence(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # "he" is a person: still the officer, whatever body opened the sentence before (Kashmir-like)
    ("SRINAGAR, India - Indian troops moved into the town in Kashmir, India. An army spokesman, Colonel "
     "Rajinder Bhalla, said 20 militants had been killed.\n\nThe militant group Hizbul Mujahideen accused "
     "the army of burning houses. He said two soldiers had died.", 2, "Indian Army"),
    # a speaker after the body: "it" is the speaker's (Sudan)
    ("KHARTOUM, Sudan - The Rapid Support Forces issued a statement on Monday. Army spokesman Nabil "
     "Abdallah said the claim was false. It said 30 fighters had been killed.", 30, "Sudanese Armed Forces"),
])
def test_claims_it_or_he_keeps_the_speaker(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,outlet,value", [
    # what the outlet's own people saw is the article's statement: no claimant (Chechnya, Ivory
    # Coast, Croatia)
    ("GROZNY, Russia (AP) - An Associated Press reporter who walked along the main street counted 14 "
     "bodies.", "Associated Press", 14),
    ("15:10 - Our correspondent, driving through Adjame, counted 11 bodies by the roadside.", "Live news", 11),
    ("A Reuters correspondent counted 30 bodies in the streets of the town.", "Reuters", 30),
    # reporters the story does not name (Mexico, Syria-like)
    ("Reporters who reached Ocosingo late Tuesday counted at least 23 bodies.", "Associated Press", 23),
    ("Journalists at the scene counted 14 bodies outside the mosque in Douma.", "Agence France-Presse", 14),
])
def test_claims_own_reporting_names_no_claimant(extract_text, text, outlet, value):
    claims = extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims
    assert [(c.value, c.source) for c in claims] == [(value, None)]
    assert "claimant:own-reporting" in claims[0].rule


def test_claims_another_outlets_reporter_is_a_claimant(extract_text):
    # an AP reporter quoted in a Reuters story is the AP's word (Chechnya)
    claims = extract_text("An Associated Press reporter counted 14 bodies in the street.",
                          published=date(2024, 6, 1), outlet="Reuters").claims
    assert [c.source for c in claims] == ["Associated Press"]


@pytest.mark.parametrize("text,value,source", [
    # "the Army spokesman" is the army the article named first by its name, though the text
    # names the other state more often (Kargil; "the army" as a pronoun-like description still
    # points back to the last army named)
    ("Peak recaptured, says Army; Pakistan denies\n\nNEW DELHI - The Indian Army today announced that its "
     "troops had recaptured the peak. Pakistani troops had held it; Pakistani shelling went on and Pakistan "
     "denied it. Briefing reporters, the Army spokesman, Col. Bikram Singh, said 317 Indian soldiers had "
     "been killed since May.", 317, "Indian Army"),
])
def test_claims_army_spokesman_is_the_army_named_first(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # "the spokesman for the X, Name": X, not the article's state (Iraq, Sudan)
    ("TIKRIT, Iraq - The spokesman for the Popular Mobilisation, Karim al-Nuri, said 54 fighters had been "
     "killed.", 54, "Popular Mobilization Forces"),
    ("UVIRA, Congo - The spokesman for the Mai-Mai Yakutumba militia, Ebuela Mutombo, said 20 soldiers "
     "had been killed.", 20, "Mai-Mai Yakutumba militia"),
])
def test_claims_spokesman_for_a_named_body(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # "a ministry duty officer", "an army officer": an officer of the body of that kind named
    # before (Tajikistan, Sudan)
    ("DUSHANBE - The Tajik Interior Ministry said 27 people had been killed. Another 64 were wounded, a "
     "ministry duty officer told reporters.", 64, "Tajik Interior Ministry"),
    ("KHARTOUM, Sudan - The Sudanese army said it repelled an attack. Twelve soldiers were killed, an army "
     "officer told AFP.", 12, "Sudanese Armed Forces"),
])
def test_claims_officer_of_a_body_named_before(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # "the provincial government" is the government of the province the sentence names, not
    # the last government body named (Philippines, Nigeria, Afghanistan)
    ("ZAMBOANGA, Philippines - The AFP said 119 fighters had been killed. In Basilan province, clashes have "
     "displaced some 2,400 people, according to the provincial government.", 2400, "Basilan provincial government"),
    ("MAIDUGURI, Nigeria - The army said 20 insurgents were killed. Twelve civilians died in Borno state, "
     "according to the state government.", 12, "Borno state government"),
    ("KABUL - The army said 30 militants were killed. Fighting displaced 5,000 people in Helmand province, "
     "according to the provincial administration.", 5000, "Helmand provincial administration"),
])
def test_claims_local_government_of_the_named_area(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # the outlet someone told is not the speaker "he" points back to (Somalia, Mali)
    ("MOGADISHU, Somalia - Major Mohamed Adan, an army officer in Adale, told Reuters by phone that the attackers "
     "used car bombs. \"We lost seven soldiers, and 11 others were wounded,\" he said.", 11, "Reuters"),
])
def test_claims_the_outlet_told_is_no_speaker(extract_text, text, value, source):
    got = dict(_sources(extract_text, text))
    assert value in got and got[value] != source, got


@pytest.mark.parametrize("text,value,source", [
    # unnamed staff of a fronted institution speak for it, whatever clause or role words they
    # carry (Algeria, Sierra Leone); a named director speaks for himself (Somalia)
    ("At Zmirli hospital in El Harrach, a doctor who would not give his name said 120 bodies had been brought "
     "in by morning.", 120, "Zmirli hospital"),
    ("At Connaught Hospital, the chief medical officer said the mortuary had received not less than 200 "
     "bodies.", 200, "Connaught Hospital"),
    ("Al-Shabaab said it killed 59 soldiers. At Madina hospital in Mogadishu, the director, Mohamed Yusuf, said "
     "16 wounded soldiers had been flown in.", 16, "Mohamed Yusuf"),
])
def test_claims_fronted_institution_staff(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # a sentence fronted by one of the article's states reads "police" as that state's
    # (India-Pakistan, Armenia-Azerbaijan)
    ("ISLAMABAD - Pakistan said 31 civilians had been killed by Indian shelling; Pakistani officials and "
     "Pakistani police gave the toll. On the Indian side, police said 13 people were killed in Poonch.",
     13, "Indian police"),
    ("BAKU - Azerbaijan said 12 civilians were killed; Azerbaijani officials blamed Armenia. In Armenia, "
     "police said 4 people were killed in Goris.", 4, "Armenian police"),
])
def test_claims_fronted_state_owns_generic_bodies(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


@pytest.mark.parametrize("text,value,source", [
    # a liveblog entry's time is no part of its speaker, and "he" in the entry is that speaker
    # (Ivory Coast, Misrata)
    ("10:40 - Captain Leon Kouassi, a spokesman for the pro-Ouattara Republican Forces, tells us his fighters "
     "have taken the camp. He says 14 of his men were killed in the weekend fighting.", 14, "Republican Forces"),
    ("15:45 - Gbagbo's spokesman Ahoua Don Mello says UN helicopter attacks have killed 300 young people.",
     300, "Gbagbo"),
    ("11:05 - Rebel spokesman Abdel Basset Abu Mzereiq tells us 17 fighters were killed near Dafniya.",
     17, "opposition"),
])
def test_claims_liveblog_speakers(extract_text, text, value, source):
    _assert_source(extract_text, text, value, source)


def test_claims_press_freedom_group_is_a_claimant(extract_text):
    # "Reporters Without Borders" opens with "Reporters" but is a body (Syria-like)
    claims = extract_text("Reporters Without Borders said 12 journalists were killed in Syria this year.").claims
    assert [(c.value, c.source) for c in claims] == [(12, "Reporters Without Borders")]
