"""Figures and speakers read from blind sets BJ and BK (stop 41: Vukovar 1991, Shusha 1992,
Athens 1944, Osh 2010, Santa Clara 1958, Baga 2015), each checked on sentences of other wars.
Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value, c.source)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # a figure quoted alone reads as written (Greece 1944, Cyprus 1974, Mali-like)
    ('EAM, in a leaflet handed out on Monday, put the number of wounded at "close to 150".',
     [("injured", "total", 150, "EAM")]),
    ('The army said it had killed "about 40" rebels near Gao.', [("killed", "rebels", 40, "government")]),
    # "no more than" bounds a figure, it does not deny it (Nigeria 2015, Sudan, Ukraine)
    ("Defence headquarters in Abuja said the number of dead was no more than 150.", [("killed", "total", 150, "Nigerian Defence Headquarters")]),
    ("Officials in Nyala said no more than 20 people were hurt.", [("injured", "total", 20, "Nyala officials")]),
    # "sought treatment for injuries" is hurt, after a bare figure too (Kyrgyzstan 2010, Kenya)
    ("The ministry said 191 people had died and 1,966 had sought medical treatment for injuries.",
     [("killed", "total", 191, "government"), ("injured", "total", 1966, "government")]),
    ("Health officials said 340 people sought treatment for gunshot wounds in Kisumu.",
     [("injured", "total", 340, "Health officials")]),
])
def test_claims_figures_read_from_blind_sets(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "said that about 150": "that" ends in the letters of the level verb "at", not in the word
    # (Karabakh 1992, Syria, Ethiopia); defenders of a town are its garrison's
    ("A Defence Ministry spokesman told reporters in Baku that about 150 Azeri defenders had died.",
     [("killed", "government", 150, "Azerbaijani Defence Ministry")]),
    ("State television said that about 60 defenders of Aleppo had been killed.",
     [("killed", "government", 60, "Syrian state television")]),
    # a side's word before them still says whose
    ("The army said 40 of the rebel defenders of Konna were killed.", [("killed", "rebels", 40, "government")]),
])
def test_claims_defenders_and_the_word_that(extract_text, text, expected):
    got = _claims(extract_text, text)
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    assert got[0][3].lower() == expected[0][3].lower()


@pytest.mark.parametrize("text,source", [
    # the passive's subject, not "was quoted" with it (Yugoslavia 1991, Chechnya, Syria)
    ('BELGRADE, Nov 18 - The army completed the capture of Vukovar, the command of the First Military District '
     'announced. "Vukovar is free," a spokesman of the command was quoted as saying. The command said that '
     'hundreds of members of the Croatian National Guard had surrendered.', "First Military District command"),
    # a possessor's record, whatever words describe it (Cuba 1958, Yemen, Sudan)
    ("HAVANA, Jan 1 - The government's last official war communique, issued on Wednesday, claimed that 80 rebels "
     "had been killed in Santa Clara.", "Cuban government"),
    ("KHARTOUM - The army's final weekly casualty bulletin, read on state radio, said 40 rebels were killed in Omdurman.",
     "Sudanese Armed Forces"),
    # an armed body's seat after it is where it sits (Karabakh 1992, Yemen, Donbas)
    ("A spokesman for the Karabakh Armenian self-defence forces in Stepanakert said about 20 Azeri soldiers "
     "had been taken prisoner.", "Karabakh Armenian self-defence forces"),
    ("A spokesman for the Russian-backed separatist forces in Luhansk said 12 Ukrainian soldiers were killed.",
     "Russian-backed separatist forces"),
    # "Defence Headquarters" is a body's own name, not the seat of a body called "Defence" (Nigeria 2015)
    ("The Nigerian Defence Headquarters said 150 people were killed in Baga.", "Nigerian Defence Headquarters"),
])
def test_claims_speakers_read_from_blind_sets(extract_text, text, source):
    assert _claims(extract_text, text)[-1][3] == source


@pytest.mark.parametrize("text,source", [
    # a quotation's end is no word of the title after it (Sierra Leone 1999, Iraq, Ukraine)
    ('"We hold the western part of town," ECOMOG spokesman Colonel Chris Olukolade told reporters. '
     "He said 30 rebels were killed.", "ECOMOG"),
    ('"The bridge is ours," army spokesman Colonel Ali Hassan told reporters in Mosul. He said 12 militants '
     "were killed.", "Iraqi Joint Operations Command"),
    # the record a body spoke in, set off after it, is no part of its name (Peru-Ecuador 1995, Mali)
    ("LIMA - The Joint Command, in Communique No. 28, put Peruvian losses at 27 dead and 66 wounded.", "Joint Command"),
    ("BAMAKO - The army, in a statement read on state television, said 40 rebels were killed near Gao.", "Malian army"),
    # a possessive or "until" ends a title's qualifiers; "field" is a commander's rank word
    ("FREETOWN - Rebel field commander Sam Bockarie told the BBC that 40 soldiers had been captured.", "Sam Bockarie"),
    ("FREETOWN - The rebels would not leave the city until their leader, Foday Sankoh, was freed. "
     "Sankoh said 60 of his fighters had been killed.", "Foday Sankoh"),
])
def test_claims_speakers_after_quotes_and_asides(extract_text, text, source):
    assert _claims(extract_text, text)[-1][3] == source


@pytest.mark.parametrize("text,source", [
    # the state a body's name opens with is its own, though the war file that lists it spans
    # other states: a Lebanese army story that names Palestinians is Lebanon's (Lebanon 2007,
    # Syria-Lebanon, Kenya-Somalia)
    ("Army takes Nahr al-Bared\n\nBEIRUT: The Lebanese Army seized full control of the Nahr al-Bared "
     "Palestinian refugee camp on Sunday, ending a 105-day battle. The army said 39 militants were killed on "
     "Sunday. Palestinian officials in the camp said the water network was destroyed.", "Lebanese government"),
    ("Troops retake Kismayo\n\nMOGADISHU: Kenyan troops entered the port of Kismayo on Friday. The army said "
     "30 al-Shabaab fighters were killed. Somali officials said the town was calm.", "Kenyan army"),
])
def test_claims_a_bodys_own_state_leads(extract_text, text, source):
    assert _claims(extract_text, text)[0][3] == source


@pytest.mark.parametrize("text,source", [
    # "By the government's account" as "By the army's count" (Algeria 1997, Sudan, Myanmar)
    ("ALGIERS - By the government's account, 85 people were killed.", "Algerian government"),
    ("KHARTOUM - By the army's account, 40 rebels were killed near Omdurman.", "Sudanese Armed Forces"),
    # a record a participle says a lower-case body made (Northern Ireland 1972, Kenya)
    ("DERRY - More than 600 men have been arrested, according to figures collected by the civil rights association.",
     "civil rights association"),
    ("NAIROBI - About 300 people were killed, according to data compiled by the human rights commission.",
     "human rights commission"),
    # "the diocese", "the church" point back to the one named in full (Mexico 1997, Sierra Leone 1999)
    ("SAN CRISTOBAL - The Diocese of San Cristobal de las Casas has documented the violence for months. "
     "According to the diocese, more than 6,000 people have been driven from their homes in Chenalho.",
     "Diocese of San Cristobal"),
    ("FREETOWN - The Roman Catholic Church said its archbishop was seized. The church said 40 parishioners "
     "were killed.", "Roman Catholic Church"),
])
def test_claims_accounts_collected_records_and_dioceses(extract_text, text, source):
    assert _claims(extract_text, text)[-1][3] == source


@pytest.mark.parametrize("text,expected", [
    # an age after "the dead were" is no figure (Northern Ireland 1972, Gaza, Kenya)
    ("Six of the dead were 17 years of age.", []),
    ("The dead were 40, the ministry said.", [("killed", "total", 40, "government")]),
    # "N others" after things counted are more of the things (Vietnam 1963, Syria, Ukraine)
    ("Five helicopters were lost and nine others were hit out of a force of 15.", []),
    ("Two tanks were destroyed and three others were damaged near Avdiivka.", []),
    ("Five soldiers were killed and nine others were wounded.",
     [("killed", "government", 5, None), ("injured", "government", 9, None)]),
    ("Two helicopter pilots were killed in the crash near Idlib.", [("killed", "government", 2, None)]),
])
def test_claims_ages_and_things_continued(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # a role set beside a name ends before a clause about him (Tajikistan 1992, Sudan, Libya)
    ("DUSHANBE - Yakub Salimov, the People's Front commander who was named interior minister this week, "
     "told a briefing that his men had detained 120 armed men.", "People's Front"),
    ("KHARTOUM - Mohamed Hamdan Dagalo, the RSF commander who returned from Darfur last week, said 40 of "
     "his fighters had been killed.", "Rapid Support Forces"),
])
def test_claims_a_role_ends_before_a_clause_about_him(extract_text, text, source):
    assert _claims(extract_text, text)[0][3] == source


@pytest.mark.parametrize("text,source", [
    # "By the count of X" as "By X's count" (Haiti 2004, Congo, Sudan)
    ("CAP-HAITIEN - By the count of the National Coalition for Haitian Rights, about 70 people have died.",
     "National Coalition for Haitian Rights"),
    ("By the estimate of the United Nations, 300,000 people have fled.", "United Nations"),
    # a body's acronym set beside it, and its press office, speak as the body (El Salvador 1989,
    # Sudan, Syria)
    ("SAN SALVADOR - The armed forces press office, COPREFA, said on Thursday that 581 guerrillas had been killed.",
     "Salvadoran Armed Forces"),
    ("KHARTOUM - The army press office said 40 rebels were killed near Omdurman.", "Sudanese Armed Forces"),
])
def test_claims_counts_of_and_press_offices(extract_text, text, source):
    assert _claims(extract_text, text)[-1][3] == source
