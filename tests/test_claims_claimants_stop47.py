"""Claimants read from set CO's and CU's hospital bulletins (stop 47): the head of an
institution written as a title before the person's name ("director Zulfikar Hasan") speaks
for the one institution the sentence names, a town's possessive form included ("Bireuen's
general hospital" is Bireuen general hospital); and from set CW, a bare spokesman in a later
clause speaks for the body whose clause opens the sentence. Each is checked on sentences of other wars;
every text is the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text):
    return [(c.quantity, c.value, c.source)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # a fronted "At <institution>," then the head's title and name (Sudan, Gaza, Myanmar,
    # Ukraine-like)
    ("At El Fasher's southern hospital, director Ahmed Yousif said 18 patients were wounded in the "
     "shelling on Sunday.", [("injured", 18, "El Fasher southern hospital")]),
    ("At Nasser hospital in Khan Younis, director Atef al-Hout said 31 bodies had been brought in overnight.",
     [("killed", 31, "Nasser hospital")]),
    ("At Lashio's general hospital, superintendent Dr. Kyaw Min said 12 wounded soldiers had been admitted.",
     [("injured", 12, "Lashio general hospital")]),
    ("At Kherson's regional hospital, director Oleh Kovalenko said nine civilians had died of their wounds.",
     [("killed", 9, "Kherson regional hospital")]),
])
def test_claims_institution_head_before_a_name_speaks_for_the_institution(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # no institution in the sentence: the person (Sudan-like)
    ("Director Ahmed Yousif said 18 patients were wounded in the shelling on Sunday.",
     [("injured", 18, "Ahmed Yousif")]),
    # a capitalised title is a title of its own, not an institution's head (Kashmir-like)
    ("Chief Minister Omar Abdullah said 12 people were killed near the Srinagar hospital.",
     [("killed", 12, "Jammu and Kashmir government")]),
])
def test_claims_institution_head_needs_the_institution_and_a_lowercase_title(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a body opens the sentence, a bare spokesman speaks in its later clause (Myanmar, Sudan,
    # South Sudan-like)
    ("SITTWE - Clashes went on near Buthidaung.\n\nThe Arakan Army has not published its casualties; a "
     "spokesman said 20 of its fighters were killed.", [("killed", 20, "Arakan Army")]),
    ("KHARTOUM - Clashes went on in Omdurman.\n\nThe RSF did not comment on its losses; a spokesman told "
     "reporters that 30 army soldiers had been captured.", [("detained", 30, "Rapid Support Forces")]),
    ("JUBA - Shelling went on in Malakal.\n\nThe SPLA-IO has said little about the fighting, but a spokesman "
     "said on Tuesday that 14 government soldiers had been wounded.", [("injured", 14, "SPLA-IO")]),
])
def test_claims_bare_spokesman_after_the_body_opening_the_sentence(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "a hospital administrator", "a hospital official" after the article named the hospital
    # (Papua New Guinea, Gaza, Sudan-like)
    ("MENDI - Doctors at Mendi Provincial Hospital said they were treating 25 wounded men.\n\nA hospital "
     "administrator said at least four of the wounded were women.",
     [("injured", 25, "Mendi Provincial Hospital"), ("injured", 4, "Mendi Provincial Hospital")]),
    ("DEIR AL-BALAH - Staff at Al-Aqsa Martyrs Hospital counted 40 bodies on Sunday.\n\nA hospital "
     "official said 11 of the dead were children.",
     [("killed", 40, "Al-Aqsa Martyrs Hospital"), ("killed", 11, "Al-Aqsa Martyrs Hospital")]),
    ("EL OBEID - Nurses at El Obeid Teaching Hospital said 60 wounded people had arrived.\n\nA hospital "
     "administrator said nine of the wounded were soldiers.",
     [("injured", 60, "El Obeid Teaching Hospital"), ("injured", 9, "El Obeid Teaching Hospital")]),
])
def test_claims_a_hospital_role_speaks_for_the_hospital_named_before(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people who speak as a group in a clause of their own: its figure is theirs, not the
    # speaker's of the clause before (Timor-Leste, Bangladesh, Kenya-like)
    ("DILI - The army has said four people died in the march, but the petitioners insist that 30 were killed.",
     [("killed", 4, "Timorese army"), ("killed", 30, "petitioners")]),
    ("DHAKA - Police said two people were killed, while the protesters insist 40 were shot dead.",
     [("killed", 2, "Bangladeshi police"), ("killed", 40, "protesters")]),
    ("NAIROBI - The government said six people died on Tuesday, but the demonstrators insist 25 were killed.",
     [("killed", 6, "Kenyan government"), ("killed", 25, "demonstrators")]),
])
def test_claims_people_speaking_as_a_group_claim_their_clause(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "police there", "officials there": the state of the place named just before, not the
    # state the article leads with (Kashmir 2019, Russia-Ukraine, Sudan-Chad-like)
    ("ISLAMABAD - Pakistan said on Wednesday it had shot down two jets. Separately, a helicopter crashed "
     "near Srinagar. Police there said six airmen were killed.", [("killed", 6, "Indian police")]),
    ("KYIV - Ukraine said its drones hit an oil depot in Belgorod overnight. Officials there said three "
     "civilians were wounded.", [("injured", 3, "Russian government")]),
    ("KHARTOUM - The army said it repelled an attack on El Obeid. Separately, a drone struck a camp near "
     "Abeche in Chad. Police there said 9 refugees were killed.", [("killed", 9, "Chadian police")]),
    # the speaker's word may occur before, in another phrase ("police stations") (Iraq-like)
    ("WASHINGTON - US officials said the raid was over. Separately, gunmen seized two police stations in Ramadi, "
     "and police there said seven officers were killed.", [("killed", 7, "Iraqi police")]),
])
def test_claims_speakers_there_belong_to_the_place_named_before(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a spokesman for a body described in lowercase, then the spokesman's name: the body, as
    # named (the Philippines 2015, Ethiopia, Myanmar-like)
    ("COTABATO - A spokesman for the breakaway Moro Islamic Liberation Front faction, Abu Hamza, claimed "
     "that its fighters had killed 14 commandos.", [("killed", 14, "Moro Islamic Liberation Front faction")]),
    ("JIJIGA - A spokeswoman for the outlawed Ogaden National Liberation Front, Hodan Ali, said 30 soldiers "
     "were killed.", [("killed", 30, "Ogaden National Liberation Front")]),
    ("MYITKYINA - A spokesman for the ethnic Ta'ang National Liberation Army, Mai Aik Kyaw, said 25 soldiers "
     "had been captured.", [("detained", 25, "Ta'ang National Liberation Army")]),
])
def test_claims_spokesman_for_a_described_body_then_a_name(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "an army spokesman" where the story's territory has no army of its own is the army that
    # fights there (Gaza 1987-like, the West Bank 2002, Gaza 2014-like); a big city named in
    # passing ("the Salem camp") brings in no other state's army
    ("GAZA - Two more Palestinians were shot dead in Khan Yunis, according to an army spokesman.",
     [("killed", 2, "Israel Defense Forces")]),
    ("JENIN, West Bank - Troops left the Jenin camp on Thursday. The army has informed us that it detained 240 "
     "men, many of them held at the Salem military camp.",
     [("detained", 240, "Israel Defense Forces")]),
    ("RAFAH, Gaza Strip - An army spokesman said 14 militants were killed overnight.", [("killed", 14, "Israel Defense Forces")]),
    # a territory with an army of its own keeps it (Sudan-like)
    ("KHARTOUM - At least 12 fighters were killed, according to an army spokesman.",
     [("killed", 12, "Sudanese Armed Forces")]),
])
def test_claims_army_of_a_territory_without_one(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("outlet,text,expected", [
    # a body's own numbered update: "our" is the body's (the West Bank 2002, Darfur, Myanmar-like)
    ("Regional Centre for Civilian Protection", "Nablus old city: field documentation update No. 2\n\n"
     "Our field team has documented 31 Palestinian deaths in the old city.",
     [("killed", 31, "Regional Centre for Civilian Protection")]),
    ("Darfur Relief Coordination Network", "Field report: Tawila, week 12\n\nOur monitors counted 2,300 newly "
     "displaced people in the camps.", [("displaced", 2300, "Darfur Relief Coordination Network")]),
    ("Shan Human Rights Foundation", "Update No. 7 on the fighting in northern Shan\n\nOur researchers have "
     "documented 45 civilian deaths since January.", [("killed", 45, "Shan Human Rights Foundation")]),
])
def test_claims_our_in_a_bodys_own_update_is_the_body(extract_text, outlet, text, expected):
    assert [(c.quantity, c.value, c.source) for c in extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims] \
        == expected


@pytest.mark.parametrize("text,expected", [
    # a person of a state in a personal role is that person, not the state (South Yemen 1986,
    # Bosnia, Libya-like); an official still speaks for the state
    ("ADEN - A French doctor who worked at the main hospital told me he had counted about 60 bodies.",
     [("killed", 60, "French doctor")]),
    ("SARAJEVO - A British nurse said 25 wounded people had been brought in overnight.",
     [("injured", 25, "British nurse")]),
    ("TRIPOLI - An Italian surgeon said 14 of the wounded had died overnight.", [("killed", 14, "Italian surgeon")]),
    ("TRIPOLI - An Italian official said 14 migrants had died overnight.", [("killed", 14, "Italian government")]),
])
def test_claims_a_states_person_in_a_personal_role(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "the same <people>" are the people named before, not the body that spoke last; "the
    # same <body>" is the body (Syria 1982, Uganda, Lebanon-like)
    ("HAMA - The army shelled the old city. The same witnesses said thousands of residents had fled.",
     [("displaced", None, "witnesses")]),
    ("GULU - Rebels burned the camp, the army said. The same travellers said 40 people had been abducted.",
     [("detained", 40, "travellers")]),
    ("BEIRUT - The Higher Relief Council said 40 people were killed. The same council later said 300 had been "
     "wounded.", [("killed", 40, "Higher Relief Council"), ("injured", 300, "Higher Relief Council")]),
])
def test_claims_the_same_people_or_body(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a record and who issued it: the issuer (Algeria 1945, Myanmar, Sri Lanka-like); an
    # administration written in lowercase is a body
    ("SETIF - Rioters killed 97 Europeans, according to a toll the colonial administration issued in July.",
     [("killed", 97, "colonial administration")]),
    ("MYITKYINA - Some 3,400 people were arrested, according to figures later published by the home ministry.",
     [("detained", 3400, "home ministry")]),
    ("JAFFNA - About 9,000 people fled, according to numbers compiled by the district secretariat office.",
     [("displaced", 9000, "district secretariat office")]),
])
def test_claims_a_record_and_who_issued_it(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a rebel radio, wherever it broadcasts from, speaks for the rebels the story names, not
    # for a state's station named before (Dhofar 1975, Ogaden 2007, Afghanistan-like)
    ("MUSCAT - Fighting went on in Dhofar, where rebels of the Popular Front for the Liberation of Oman (PFLO) "
     "hold the western mountains. The rebel radio in Aden claimed that rebel units had killed 150 soldiers.",
     [("killed", 150, "Popular Front for the Liberation of Oman")]),
    ("ADDIS ABABA - The Ogaden National Liberation Front (ONLF) rebels attacked the oil field. Radio Ethiopia said "
     "20 rebels were killed. The rebel radio claimed that 74 soldiers had been killed.",
     [("killed", 20, "Radio Ethiopia"), ("killed", 74, "Ogaden National Liberation Front")]),
    ("KABUL - The Taliban rebels attacked the post. The rebel radio claimed that 30 soldiers were killed.",
     [("killed", 30, "Taliban")]),
])
def test_claims_a_rebel_radio_speaks_for_the_rebels(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "<someone>'s Staff" is a body, no role of someone's (Iran 1975, Central African Republic-like)
    ("TEHRAN - Units captured Rakhyut, a communique of the Supreme Commander's Staff said today. According to "
     "the communique, 38 rebels were killed.", [("killed", 38, "Supreme Commander's Staff")]),
    ("BANGUI - According to a communique of the Defence Minister's Staff, 40 rebels were killed.",
     [("killed", 40, "Defence Minister's Staff")]),
])
def test_claims_someones_staff_is_a_body(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "A spokesman for <body>, speaking in <capital>, said" with no figure: the body speaks on
    # ("he said" next), not the capital's government (Jordan 1970, Crimea 2014, Somaliland-like)
    ("AMMAN - The army said it had taken Irbid. A spokesman for the commandos' Central Committee, speaking in "
     "Damascus, said Irbid had not fallen. He said the army had lost 300 men around Irbid since Sunday.",
     [("killed", 300, "commandos' Central Committee")]),
    ("SIMFEROPOL - Russian officials said the protest was peaceful. A spokesman for the Crimean Tatar assembly, "
     "speaking in Kyiv, said the police had used force. He said 30 protesters had been detained.",
     [("detained", 30, "Crimean Tatar assembly")]),
    ("HARGEISA - The army said it held the airport. A spokeswoman for the northern movement, speaking in Addis "
     "Ababa, said the airport had fallen. She said 40 soldiers had been captured.",
     [("detained", 40, "northern movement")]),
])
def test_claims_a_spokesman_for_a_body_speaking_somewhere(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # an acronym written with dots is the one the article spelt out without them (Uganda 1986,
    # Zimbabwe, Nicaragua-like)
    ("KAMPALA - The National Resistance Army (NRA) took the city on Sunday. The N.R.A. says its own losses "
     "were about 24 killed.", [("killed", 24, "National Resistance Army")]),
    ("SALISBURY - The Zimbabwe African National Union (ZANU) raided the farm. The Z.A.N.U. said 14 soldiers "
     "were killed.", [("killed", 14, "Zimbabwe African National Union")]),
    ("MANAGUA - The Nicaraguan Democratic Force (FDN) attacked the post. The F.D.N. said 30 soldiers were "
     "killed.", [("killed", 30, "Nicaraguan Democratic Force")]),
])
def test_claims_a_dotted_acronym_is_the_one_spelt_out(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "its superintendent", "its medical director": the head of the institution named just
    # before, not the last body that spoke (South Africa 1976, Sudan, Gaza-like)
    ("SOWETO - The police said 58 people had been killed. Doctors at Baragwanath Hospital gave higher figures. "
     "Its superintendent said the hospital had counted 67 bodies.",
     [("killed", 58, "South African police"), ("killed", 67, "Baragwanath Hospital")]),
    ("EL FASHER - The RSF said its fighters held the town. Staff at the Saudi Hospital counted the dead. Its "
     "medical director said 31 people had been killed.", [("killed", 31, "Saudi Hospital")]),
    ("GAZA - The army said 12 militants were killed. Doctors at Nasser Hospital gave other figures. Its director "
     "said 40 bodies had been brought in.", [("killed", 12, "Israel Defense Forces"), ("killed", 40, "Nasser Hospital")]),
])
def test_claims_its_head_is_the_institution_named_before(extract_text, text, expected):
    assert _sources(extract_text, text) == expected
