"""Speakers who stand for a party: a broadcaster for its owner, "the radio" for the last
broadcaster named, "the rebels" for the group the article names them as; and people named by
rank inside a breakdown, who are of the whole's side."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow

ANY_PERSON = object()  # any claimant but the reporter of the earlier entry


def _sources(extract_text, text):
    return [(c.value, c.source) for c in extract_text(text, published=date(2024, 6, 1)).claims]


@pytest.mark.parametrize("text,value,source", [
    # a party's own radio speaks for the party (Angola 1999, Rwanda 1994, Eritrea-like)
    ("Government troops entered Kuito on Monday. UNITA's radio station, Vorgan, said air raids had killed "
     "60 civilians in the town.", 60, "UNITA"),
    ("Rebels of the Rwandan Patriotic Front took the border post on Friday. The rebels' Radio Muhabura said on "
     "Sunday that 800 government soldiers had been killed around Kibungo.", 800, "Rwandan Patriotic Front"),
    ("Fighting went on near Barentu. The EPLF's clandestine radio said its units had killed 300 Ethiopian "
     "soldiers in two days.", 300, "EPLF"),
])
def test_claims_broadcaster_speaks_for_its_owner(extract_text, text, value, source):
    assert (value, source) in _sources(extract_text, text)


@pytest.mark.parametrize("text,value,source", [
    # "the radio", "the station" point back to the last broadcaster named, with its owner
    ("Huambo fell to the army on Tuesday. UNITA's radio, Vorgan, said its forces had pulled back in good order. "
     "The radio said bombing had killed 47 civilians in the city.", 47, "UNITA"),
    ("Digest of broadcasts\n\nVoice of the Mujahideen (Jamiat-e Islami), 1800, 3 May\n\nThe station said 35 "
     "government soldiers had been killed near Kunduz.", 35, "Jamiat-e Islami"),
    ("The army shelled Jaffna again. The Voice of Tigers said 40 civilians had died. The radio added that 2,000 "
     "families had fled the peninsula.", None, "Voice of Tigers"),
])
def test_claims_the_radio_is_the_last_broadcaster(extract_text, text, value, source):
    found = _sources(extract_text, text)
    if value is None:
        assert found and all(s == source for _, s in found), found
    else:
        assert (value, source) in found


def test_claims_the_agency_is_a_news_agency_named_since_the_last_speaker(extract_text):
    # a digest section headed by a news agency: "the agency" is that agency, not the
    # broadcaster of the section before (Iraq 1991-like)
    text = ("Digest of broadcasts\n\nVoice of the People (Kurdistan Front), 0400, 13 March\n\nThe radio said 43 "
            "fighters had been killed in Sulaymaniyah.\n\nTEHRAN, IRNA news agency, 0930, 13 March\n\nThe agency said "
            "some 20,000 Iraqis had crossed into Iran.")
    found = _sources(extract_text, text)
    assert (43, "Kurdistan Front") in found
    assert (20000, "IRNA") in found


def test_claims_the_agency_after_a_un_agency_is_not_a_news_agency(extract_text):
    # "the agency" after the UN refugee agency spoke is the UN's, even with a news agency named
    # in an earlier paragraph (Rwanda 1994-like)
    text = ("KIGALI, May 1 (AFP) - The Rwanda News Agency was shut down last month.\n\nMore than 250,000 "
            "Rwandans crossed into Tanzania, the U.N. refugee agency said. Another 40,000 have fled into Burundi, "
            "the agency said.")
    assert (40000, "UNHCR") in _sources(extract_text, text)


@pytest.mark.parametrize("text,value,source", [
    # "the rebels" are the one group the article names them as (Chiapas 1994, Rwanda 1994, Mali-like)
    ("Troops retook Ocosingo on Tuesday. The rebels, who call themselves the Zapatista National Liberation Army, "
     "left San Cristobal on Sunday. The rebels said they had killed more than 40 soldiers.", 40,
     "Zapatista National Liberation Army"),
    ("Rebels of the Tutsi-led Rwandan Patriotic Front took Rusumo on Friday. The rebels said they had lost 40 men.",
     40, "Rwandan Patriotic Front"),
    ("The Movement of Democratic Forces of Casamance, a separatist rebel group, attacked a patrol near Ziguinchor. "
     "Senegal rebels say 20 soldiers were killed.", 20, "Movement of Democratic Forces of Casamance"),
])
def test_claims_the_rebels_are_the_group_the_article_names(extract_text, text, value, source):
    found = _sources(extract_text, text)
    assert any(v == value and s is not None and source.lower() in s.lower() for v, s in found), found


def test_claims_the_rebels_of_two_named_groups_stay_a_side(extract_text):
    # two groups named: "the rebels" is no one of them (Chad 2008, Syria-like)
    text = ("Rebels of the Union of Forces for Democracy and Development and rebels of the Rally of Forces for "
            "Change reached the capital. The rebels said they had lost only 15 men.")
    assert (15, "opposition") in _sources(extract_text, text)


@pytest.mark.parametrize("text,value,category", [
    # people named by rank in a breakdown are of the whole's side (LRA 2008, Burundi 2015, Swat-like)
    ("The army said it had killed 25 LRA fighters and captured seven, among them two commanders.", 2, "rebels"),
    ("Troops arrested 40 insurgents in Swat, among them three commanders, the military said.", 3, "rebels"),
    ("The rebels said they had captured 50 soldiers, among them 14 officers.", 14, "government"),
    ("The army said it had captured 50 rebels, among them 14 officers, near Kalemie.", 14, "rebels"),
])
def test_claims_ranks_in_a_breakdown_are_of_the_wholes_side(extract_text, text, value, category):
    claims = extract_text(text, published=date(2024, 6, 1)).claims
    assert (value, category) in [(c.value, c.category) for c in claims]


@pytest.mark.parametrize("text,value,source", [
    # a named person whose role only places them ("in Najaf") speaks as that person, not as the
    # town or as the army of the state (Iraq 2004, Somalia, Kashmir-like)
    ("Sheikh Ahmed al-Shaibani, a Sadr spokesman in Najaf, said 36 members of the Mehdi Army had been killed.",
     36, "Sheikh Ahmed al-Shaibani"),
    ("Major Mohamed Adan, an army officer in the nearby town of Adale, said seven soldiers had been killed.",
     7, "Major Mohamed Adan"),
    ("Ghulam Nabi, a shopkeeper in Uri, said 12 houses were hit and four people were killed.", 4, "Ghulam Nabi"),
])
def test_claims_person_placed_in_a_town_speaks_as_the_person(extract_text, text, value, source):
    assert (value, source) in _sources(extract_text, text)


@pytest.mark.parametrize("text,value,source", [
    # "the communique" is the one the body issued, whoever spoke in between (Nicaragua 1983,
    # Chad, Ukraine-like)
    ("The Defence Ministry of Nicaragua said in a communique read on the radio that rebels had attacked Pantasma. "
     "The radio said 47 people were killed in the attack. The communique said 19 rebels had been killed.", 19,
     "Nicaraguan Defence Ministry"),
    ("The Chadian army said in a statement that rebels had been pushed back from Abeche. Witnesses said the town "
     "was calm. The statement said 40 rebels had been captured.", 40, "Chadian Armed Forces"),
    ("Ukraine's General Staff said in a statement that the attack had been repelled. Local officials said power "
     "was out. The statement said 12 soldiers had been wounded.", 12, "Ukrainian General Staff"),
])
def test_claims_the_record_is_its_issuers(extract_text, text, value, source):
    assert (value, source) in _sources(extract_text, text)


@pytest.mark.parametrize("text,value,source", [
    # "he" is the person a liveblog entry introduces, not the reporter of an earlier entry
    # (Aden 2015, Donbas, Gaza-like)
    ("09:02 The ICRC says a boat with supplies could not dock.\n\n09:30 The city's health chief, Dr Ali Saleh "
     "Mansour, has given us his latest figures. He says 44 people were killed in the past day.", 44, ANY_PERSON),
    ("10:15 The UN says aid convoys are blocked.\n\n10:40 Donetsk regional governor Pavlo Kyrylenko has just "
     "posted an update. He says three civilians were killed overnight.", 3, "Donetsk regional governor"),
    ("07:00 Israel's army says it struck 40 targets.\n\n07:45 Gaza's civil defence spokesman, Mahmoud Basal, has "
     "spoken to us. He says 20 people were killed in Jabalia.", 20, ANY_PERSON),
])
def test_claims_he_is_the_person_the_entry_introduces(extract_text, text, value, source):
    found = dict(_sources(extract_text, text))
    if source is ANY_PERSON:
        assert found.get(value) not in (None, "ICRC", "Israel Defense Forces"), found
    else:
        assert found.get(value) == source, found


@pytest.mark.parametrize("text,value,name", [
    # a misparse gives the verb two subjects: the one next to it names the speaker (Cambodia
    # 1997, Iraq 2006, Iraq 2004)
    ("Co-Minister of Interior Sar Kheng told a press conference that 32 soldiers had been killed.", 32, "Sar Kheng"),
    ("Q: General, the Interior Ministry said that police found 50 bodies in Baghdad.", 50, "Interior Ministry"),
    ("NAJAF, Iraq, Aug 6 (Reuters) - U.S. forces said on Friday they had killed about 300 fighters.", 300,
     "American"),
])
def test_claims_the_subject_next_to_the_verb_speaks(extract_text, text, value, name):
    found = dict(_sources(extract_text, text))
    assert found.get(value) and name in found[value], found


@pytest.mark.parametrize("text,value,source", [
    # "its" in a trailing attribution is the state the sentence opens with, not an earlier
    # entry's reporter (Aden 2015, Sudan, Lebanon-like)
    ("13:05 UNICEF says 62 children have been killed across Yemen.\n\n14:55 India has evacuated about 350 of its "
     "nationals by sea from Aden, its foreign ministry says.", 350, "Indian government"),
    ("09:00 The UN says aid is blocked.\n\n10:10 Egypt has evacuated 900 of its citizens from Khartoum, its "
     "foreign ministry says.", 900, "Egyptian Foreign Ministry"),
    ("08:00 MSF says clinics are full.\n\n09:30 Turkey has evacuated 1,500 people from Beirut, its foreign "
     "ministry says.", 1500, "Turkish Foreign Ministry"),
])
def test_claims_its_is_the_state_the_sentence_opens_with(extract_text, text, value, source):
    assert (value, source) in _sources(extract_text, text)
