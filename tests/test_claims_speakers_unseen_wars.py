"""Speakers read from how bodies are written in wars Sitrep had not seen: a body's seat
("Police headquarters said"), the area a spokesperson covers, "records of", a statement
issued before a colon, "the latest figure from", a hospital's superintendent, a relative
clause on the speaker, a denial after the figures, a province named after a town (stop 30: read from sets Y and Z;
checked on dev2, the seeds and sets J-X). Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text, outlet="Test"):
    return [c.source for c in extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims]


@pytest.mark.parametrize("text,source", [
    # a body's seat speaks for the body (Bangladesh 2024, Kenya 2008, Nepal 2005)
    ("Protests spread across Bangladesh on Sunday. Police headquarters said 13 policemen were killed in Sirajganj.",
     "Bangladeshi police"),
    ("Fighting flared again in Kenya's Rift Valley. Army headquarters said 9 soldiers were wounded near Eldoret.",
     "Kenyan army"),
    ("Maoist rebels attacked posts across Nepal. Army HQ said 14 soldiers were killed in Dang district.",
     "Nepali army"),
    # ... a seat the lexicon knows no body by stays as written
    ("General Headquarters said 13 soldiers were killed near Wana.", "General Headquarters"),
])
def test_claims_a_bodys_seat_speaks_for_it(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


def test_claims_no_police_body_across_a_time_line(extract_text):
    # a liveblog's time stamp on the line above is no word of a police body's name (Dhaka 2024)
    text = ("Protests in Bangladesh, live\n\n10:05 AM\n\nPolice headquarters said the capital was calm.\n\n"
            "08:00 AM\n\nAccording to police records, more than 11,000 people have been arrested across the country.")
    assert _sources(extract_text, text) == ["Bangladeshi police"]


@pytest.mark.parametrize("text,source", [
    # the area a spokesperson covers is no body: the words before the role name it (Uganda
    # 2016, Indonesia 2000, Cameroon 2018)
    ("Clashes continued in Uganda. The Police spokesperson for Rwenzori East region said that 62 attackers "
     "were killed.", "Ugandan police"),
    ("Riots spread in Indonesia. The police spokesman for Ambon said 12 people had been arrested.",
     "Indonesian police"),
    ("Separatists attacked a post in Cameroon. The army spokesman for the Southwest region said 4 soldiers died.",
     "Cameroonian Armed Forces"),
])
def test_claims_the_area_a_spokesperson_covers_is_no_body(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,source", [
    # "records of X": X (Somaliland 2023, Sri Lanka 2009)
    ("The shelling has killed 302 civilians in Las Anod, according to records of the Las Anod General Hospital.",
     "Las Anod General Hospital"),
    ("At least 120 people were killed in Kilinochchi, according to records of the regional health office.",
     "regional health office"),
])
def test_claims_records_of_an_owner(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,source", [
    # a statement issued before a colon, a figure "from" someone (Nicaragua 2018, Brazil 2017,
    # Chad 2008)
    ("Protests spread across Nicaragua. The National Police have issued a statement: one officer was killed "
     "and four were wounded.", "National Police"),
    ("Manaus prison riot. The latest figure from the Amazonas state security secretary is 56 inmates killed.",
     "Amazonas state security secretary"),
    ("The rebels released a communique: 40 government soldiers were captured near Adre.", "opposition"),
])
def test_claims_a_statement_named_before_its_words(extract_text, text, source):
    assert set(_sources(extract_text, text)) == {source}


@pytest.mark.parametrize("text,source", [
    # the head of an institution named in the sentence speaks for it, however a local paper
    # spells the title (Uganda 2016, Kenya 2007)
    ("At Kagando Hospital, the medical superintendant told our reporter that the hospital has received 23 "
     "injured persons.", "Kagando Hospital"),
    ("At Kisumu District Hospital, the medical officer said 14 bodies had been brought in.",
     "Kisumu District Hospital"),
])
def test_claims_an_institutions_head_by_title(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,source", [
    # the body a relative clause describes is the subject of the verbs joined to it (Egypt
    # 2013, Burundi 2015)
    ("Human Rights Watch, which spent a year interviewing survivors, documented at least 817 deaths in the "
     "square and concluded that the true number was higher.", "Human Rights Watch"),
    # ... as when it has one verb only
    ("Amnesty International, which sent researchers to Bujumbura, counted 87 deaths in the city and "
     "concluded that the police had shot most of them.", "Amnesty International"),
])
def test_claims_a_relative_clause_on_the_speaker(extract_text, text, source):
    text = ("In 2015 the government-appointed commission issued a report that gave a toll of 87. Critics noted "
            "that the commission had relied on hospital lists and did not count bodies buried by families.\n\n" + text)
    assert _sources(extract_text, text)[-1] == source


@pytest.mark.parametrize("text,source", [
    # a rejection of another side's propaganda after the figures is no attribution of them:
    # the figures stay the statement's issuer's (Somaliland 2023, Western Sahara)
    ("SSC-KHATUMO ADMINISTRATION\nPress Release No. 41\n\nOn the battlefield the enemy left at least 120 dead "
     "soldiers. We reject the propaganda of Hargeisa which is saying its army only repositioned.",
     "SSC-Khatumo Administration"),
    ("POLISARIO FRONT\nMilitary communique No. 12\n\nThe enemy lost 45 soldiers near Mahbes. We deny the claims "
     "of Rabat about a victory.", "Polisario Front"),
])
def test_claims_a_denial_after_the_figures(extract_text, text, source):
    assert _sources(extract_text, text, None) == [source]


def test_claims_a_province_after_a_town_is_no_name(extract_text):
    # "A church official in Tobelo, North Maluku, said": no person called North Maluku, whose
    # surname would then make "the Maluku regional police" the province (Indonesia 2000)
    text = ("A church official in Tobelo, North Maluku, said 108 people were killed in Duma. "
            "The Maluku regional police said seven people were killed in Ambon.")
    sources = _sources(extract_text, text)
    assert "North Maluku" not in sources and sources[1] == "Maluku regional police"


@pytest.mark.parametrize("text,source", [
    # where officials stood is no part of who they are (Bangladesh 2024, Kenya 2007)
    ("Clashes spread across Bangladesh. Police officials at the scene said at least six policemen were killed.",
     "Police officials"),
    ("Violence spread in Kenya. Army officers at the checkpoint said 4 soldiers were wounded near Naivasha.",
     "Army officers"),
])
def test_claims_officials_at_the_scene(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,source", [
    # a record verb in the passive on something that is no record reports nothing: the deed's
    # subject is no speaker (Kenya, Mount Elgon 1990s; Bolivia 2003)
    ("Land clashes in the early 1990s killed dozens of people, and the plan meant to end them was itself "
     "revised three times.", None),
    ("Troops killed 60 protesters in El Alto, and the gas export plan was later revised.", None),
    # ... a toll revised is a statement
    ("The toll was revised to 40 by the ministry.", "government"),
])
def test_claims_a_record_verb_on_no_record(extract_text, text, source):
    assert _sources(extract_text, text)[0] == source


@pytest.mark.parametrize("text,source", [
    # a description of no known kind points back only when it says so or names a body or a
    # record: "the same representatives" (Abkhazia 1993) ...
    ("Fighting in Abkhazia. Representatives of the UN High Commissioner for Refugees said 30,000 people had "
     "fled. Eleven people died of cold on the passes, the same representatives said.", ["UNHCR", "UNHCR"]),
    # ... nor is a description with the body's name right after it (Mozambique 2021, South Sudan)
    ("Mozambique's Defence Ministry said Palma was secure. The energy company Total said at least one of its "
     "workers was unaccounted for.", ["Total"]),
    ("The army said the road was open. The aid group Medair said three of its staff were wounded near Pibor.",
     ["Medair"]),
    # ... "the multinational crew" is no rebel movement named before (Red Sea 2024)
    ("The Houthis said they fired a missile at the ship. The multinational crew reports at least four "
     "injuries, CENTCOM wrote.", ["US Central Command"]),
])
def test_claims_a_description_points_back_when_it_says_so(extract_text, text, source):
    assert _sources(extract_text, text) == source


@pytest.mark.parametrize("text,source", [
    # "he"/"she" before anyone spoke is the person a dateline's story opened with, not a body
    # the story names in passing (Kyrgyzstan 2010, Sudan 2019)
    ("BISHKEK - Aibek Toktogulov, a student, stood near the fence of the White House when the shooting "
     "began.\n\n\"I saw at least ten people shot dead,\" he said.", "Aibek Toktogulov"),
    ("KHARTOUM - Amira Osman, a nurse, was working near the Republican Palace on Monday.\n\n\"We counted 12 "
     "bodies,\" she said.", "Amira Osman"),
])
def test_claims_a_dateline_witness_speaks(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


def test_claims_a_datelines_state_stays_the_lead(extract_text):
    # "JUBA -" keeps South Sudan the story's state, though a foreign force ("Ugandan soldiers")
    # is the first state body the lede names and the headline names no state (set K's Bor
    # analysis, read again when a neighbour's words stopped standing for the lead's)
    text = ("Analysis: a town that changed hands four times\n\nJUBA, 20 January 2014 - Government troops rolled "
            "back into Bor on Saturday, with Ugandan soldiers and aircraft in support. The army spokesman said "
            "more than 100 rebels were killed in the final assault.")
    assert _sources(extract_text, text) == ["South Sudan People's Defence Forces"]


@pytest.mark.parametrize("text,source", [
    # the head of a body's name in its own statement is the body (Somaliland 2023, Sudan 2013)
    ("SSC-KHATUMO ADMINISTRATION\nPress Release No. 41\n\nThe Administration announces that 38 fighters were "
     "wounded near Oog.", "SSC-Khatumo Administration"),
    ("SUDAN REVOLUTIONARY FRONT\nPress Release No. 9\n\nThe Front announces that 40 government soldiers were "
     "captured at Abu Kershola.", "Sudan Revolutionary Front"),
])
def test_claims_the_head_of_the_issuers_name(extract_text, text, source):
    assert _sources(extract_text, text, None) == [source]


@pytest.mark.parametrize("text,source", [
    # a ministry of more than one portfolio, or of "public health", is the state's ministry of
    # its first one, by its name or its acronym (Yemen 2011, Nepal 2005)
    ("Yemeni troops fought militants in Zinjibar. The Ministry of Public Health and Population (MoPHP) said 64 "
     "people were killed. The MoPHP reports that 21 civilians were killed.", ["Yemeni Health Ministry"] * 2),
    ("Clashes in Nepal. The Ministry of Health and Population (MoHP) said 12 people were wounded in Nepalgunj.",
     ["Nepali Health Ministry"]),
])
def test_claims_a_ministry_of_two_portfolios(extract_text, text, source):
    assert _sources(extract_text, text) == source


@pytest.mark.parametrize("text,source", [
    # a police rank before a person's name: the person, whatever role words precede it
    # (Bangladesh 2024, Bangladesh 2013)
    ("The bodies of 37 people have been brought to the hospital since this morning, DMCH police outpost "
     "in-charge Inspector Md Bacchu Mia told reporters.", "Md Bacchu Mia"),
    ("Twelve people were wounded in the clashes near the camp, the outpost in-charge Sub-Inspector Abdul Karim "
     "said.", "Abdul Karim"),
])
def test_claims_a_police_rank_before_a_name(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


def test_claims_a_digest_items_label_is_no_speaker(extract_text):
    # "XINHUA (in English, 0930 gmt 17 Mar):" opens a monitoring digest's item (Tibet 2008)
    text = ("Unrest in Tibet, China.\n\nXINHUA (in English, 0930 gmt 17 Mar): Tibet Autonomous Region chairman "
            "Qiangba Puncog said 13 innocent civilians were killed in Lhasa.")
    assert "XINHUA" not in (_sources(extract_text, text)[0] or "")


@pytest.mark.parametrize("text,source", [
    # stop 41 (read from set BK; checked on Gaza, Mali and Sudan sentences): an accuser claims
    # the killing it accuses the other side of (Iran-Iraq 1988, Mali, Sudan)
    ("Iran has also accused Iraq of killing about 5,000 Kurdish civilians with poison gas in Halabja.",
     "Iranian government"),
    ("The rebels accused government troops of killing 40 villagers near Gao.", "opposition"),
    ("The RSF accused the army of killing 25 civilians in an air strike on Nyala.", "Rapid Support Forces"),
    # a historian's judgement is his (Algeria 1945)
    ("The British historian Alistair Horne judged that at least 6,000 died.", "Alistair Horne"),
    # "the <demonym> state" speaks as its government (Algeria, Israel-like)
    ("The Algerian state has spoken of 45,000 martyrs.", "Algerian government"),
    # a "State Minister" is an office, not the state
    ("At least 20 people are dead after the blast, Armenia's former Ombudsman and State Minister "
     "Anton Beglar said.", "Anton Beglar"),
])
def test_claims_an_accuser_a_judge_and_a_state_speak(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


def test_claims_accused_people_are_no_speakers(extract_text):
    # the passive "accused of" names who is accused, not who claims (Mali-like)
    text = "Two soldiers accused of killing 12 civilians were arrested in Gao."
    assert _sources(extract_text, text) == [None, None]


@pytest.mark.parametrize("text,source", [
    # the head of an institution named by its kind speaks for the one named in full before
    # (Cyprus 1974, Gaza, Sudan)
    ("Doctors at Nicosia General Hospital treated about 350 wounded since Saturday. At least 60 civilians "
     "were killed in air raids on the capital, the hospital's director said.", "Nicosia General Hospital"),
    ("Medics at Al-Shifa Hospital said the wards were full. The director of the hospital said 40 patients had died.",
     "Al-Shifa Hospital"),
    ("Staff at El Fasher South Hospital were overwhelmed. The hospital's director said 19 people were killed.",
     "El Fasher South Hospital"),
    # none named before: the words as written
    ("At least 60 civilians were killed, the hospital's director said.", "hospital's director"),
])
def test_claims_a_hospitals_head_speaks_for_the_hospital_named_before(extract_text, text, source):
    assert _sources(extract_text, text)[-1] == source
