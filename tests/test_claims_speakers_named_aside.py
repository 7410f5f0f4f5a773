"""Speakers named aside from the subject: the agent of a passive speech verb, a speaker
with how the outlet reached them, a record's owner written after it, bodies named before in
the plural, a group's statement signed with an acronym, a former office holder, a name
that runs on into a longer one (stop 28: read from sets R and S; checked on dev2, the
seeds and sets J-Q). Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _got(extract_text, text, outlet="Test"):
    claims = extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims
    return [(c.quantity, c.category, c.value, c.source) for c in claims]


@pytest.mark.parametrize("text,expected", [
    # the agent of a passive speech verb speaks (Brunei 1962, Cyprus 1964)
    ("The number of rebels killed in all areas since Saturday is put at 40 by the security forces.",
     [("killed", "rebels", 40, "security forces")]),
    ("Medical officers were told by the district hospital that the raids had killed 33 people.",
     [("killed", "total", 33, "district hospital")]),
    # how the outlet reached a speaker is no part of who speaks (Haiti 2004, Sudan)
    ("A guard reached by telephone said about 200 inmates had escaped.",
     [("released", "prisoners", 200, "guard")]),
    ("A resident contacted by AFP said 12 people were killed in El Fasher.",
     [("killed", "total", 12, "resident")]),
])
def test_claims_speaker_of_a_passive_or_reached_speech(extract_text, text, expected):
    assert _got(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # a record's owner after it, with the body's own head closing it (Sand War 1963,
    # Tunisia 2016, Paraguay 1947)
    ("The communique from the Royal Armed Forces general staff said 147 Algerian soldiers were taken prisoner.",
     "Royal Armed Forces general staff"),
    ("According to a joint communique of the ministries of Interior and National Defence published "
     "yesterday evening, 46 terrorists were killed.", "ministries of Interior and National Defence"),
    ("Pynandi bands killed dozens of peasants, according to accounts later collected by the Catholic Church.",
     "Catholic Church"),
])
def test_claims_record_owner_after_the_record(extract_text, text, source):
    assert [g[3] for g in _got(extract_text, text)] == [source]


@pytest.mark.parametrize("text,expected", [
    # bodies named before, in the plural, and a hedge that is a preposition (Tunisia 2016)
    ("The Interior and Defence ministries said 46 terrorists were killed. "
     "Monday the same ministries spoke about 36 terrorists killed.",
     [("killed", "rebels", 46, "Interior and Defence ministries"),
      ("killed", "rebels", 36, "Interior and Defence ministries")]),
    # "mentioned" reports (Poznan 1956)
    ("The government said on Thursday that 30 people were killed. The first communique of the government, "
     "published on 29 June, had mentioned 38 dead.",
     [("killed", "total", 30, "government"), ("killed", "total", 38, "government")]),
])
def test_claims_bodies_named_before_and_what_they_mentioned(extract_text, text, expected):
    assert _got(extract_text, text) == expected


def test_claims_spoke_about_is_no_hedge(extract_text):
    claims = extract_text("The ministry spoke about 36 terrorists killed.", published=date(2024, 6, 1)).claims
    assert [(c.value, c.qualifier) for c in claims] == [(36, None)]


def test_claims_group_statement_signed_with_an_acronym(extract_text):
    # "MEND press statement": the group the text spells out states its own figures (Niger Delta 2009)
    text = ("THE LIES OF THE JTF WILL NOT STAND\n\nThe Movement for the Emancipation of the Niger Delta "
            "wishes to inform the world about the war waged on our communities. More than 20,000 villagers "
            "have fled into the creeks.")
    got = _got(extract_text, text, outlet="MEND press statement (emailed to media)")
    assert got == [("displaced", "total", 20000, "Movement for the Emancipation of the Niger Delta")]


@pytest.mark.parametrize("text,source", [
    # a former office holder speaks for himself, not the office (Haiti 2004, Fiji 2000)
    ("Rebels led by former police chief Guy Philippe entered the city. Philippe said his men had "
     "captured 20 police officers.", "Guy Philippe"),
    ("The mutineers were led by former army spokesman Ilisoni Ligairi. Ligairi said his men had captured "
     "8 soldiers.", "Ilisoni Ligairi"),
])
def test_claims_former_office_holder_speaks_for_himself(extract_text, text, source):
    assert [g[3] for g in _got(extract_text, text)] == [source]


def test_claims_name_running_on_into_a_longer_one_is_not_its_war(extractor):
    # "National Resistance Front for the Liberation of Haiti" is no Afghan front (Haiti 2004)
    text = ("Insurgents of the National Resistance Front for the Liberation of Haiti seized Cap-Haitien. "
            "A police spokeswoman in Port-au-Prince said two officers had been killed.")
    assert "AF" not in extractor.countries_of(text)
    claims = extractor.extract(_article(text)).claims
    assert [c.source for c in claims] != ["Afghan police"]


def _article(text):
    from sitrep.records import Article

    return Article(id="t", text=text, content_hash="t", published=date(2004, 2, 22), outlet="Test")


@pytest.mark.parametrize("text,value,source", [
    # "a headquarters spokesman" speaks for the headquarters named before (Brunei 1962)
    ("British military headquarters here announced that rebels had been driven from Seria. Four marines "
     "were killed in the fighting, a headquarters spokesman said.", 4, "British army"),
    # a place described after a speaker is where they spoke (Haiti 2004)
    ("Rebels took Cap-Haitien, Haiti. A police spokeswoman in the capital said two officers had been killed.",
     2, "Haitian National Police"),
    # a bullet is no part of the speaker (Guinea 2001 situation report)
    ("GUINEA: SITUATION REPORT\n- Government sources put the number of people killed in attacks on Guinean "
     "territory at more than 1,000.", 1000, "Guinean government"),
])
def test_claims_speaker_by_role_title_place_or_bullet(extract_text, text, value, source):
    assert [(g[2], g[3]) for g in _got(extract_text, text)] == [(value, source)]


def test_claims_rule_book_is_no_speaker(extract_text):
    # "treated according to the Sharia" names a rule, not who speaks (Dagestan 1999)
    text = "Seven soldiers of the invaders have been taken prisoner and are treated according to the Sharia."
    assert [g[3] for g in _got(extract_text, text)] == [None]


def test_claims_we_and_our_in_a_groups_statement_are_the_issuers(extract_text):
    # after relaying the army's boast, "our men" and "We lost" are the issuing group's (Niger
    # Delta 2009; a Darfur rebel statement would read the same)
    text = ("THE LIES OF THE JTF\n\nThe Movement for the Emancipation of the Niger Delta informs the world. "
            "The JTF also boasts that over 30 of our men were killed in the operation. "
            "We lost two gallant fighters, and their names will be honoured.")
    got = _got(extract_text, text, outlet="MEND press statement")
    assert got == [("killed", "rebels", 30, "JTF"),
                   ("killed", "rebels", 2, "Movement for the Emancipation of the Niger Delta")]


def test_claims_our_inside_a_quotation_is_the_quoted_speakers(extract_text):
    text = ("THE LIES OF THE JTF\n\nThe Movement for the Emancipation of the Niger Delta informs the world. "
            "\"Over 30 of our men were killed,\" a JTF officer told reporters.")
    got = _got(extract_text, text, outlet="MEND press statement")
    assert [g[1] for g in got] != ["rebels"]


def test_claims_publisher_named_without_its_document_word(extract_text):
    # "Committee for Justice and Peace situation report" publishes as the committee (Guatemala 1982)
    text = "HUMAN RIGHTS SITUATION REPORT - GUATEMALA\n- 57 people have disappeared in Quiche since June."
    got = _got(extract_text, text, outlet="Committee for Justice and Peace situation report")
    assert [g[3] for g in got] == ["Committee for Justice and Peace"]


def test_claims_periodical_masthead_is_no_body(extract_text):
    text = "THE RELIEF BULLETIN\nSituation report\nTens of thousands of residents fled Tal Rifaat."
    assert [g[3] for g in _got(extract_text, text, outlet="The Relief Bulletin")] == [None]


def test_claims_record_broadcast_by_a_station_is_its_owners(extract_text):
    # "A Hungarian Red Cross estimate, broadcast by Free Kossuth Radio" is the Red Cross's (Hungary 1956)
    text = "A Hungarian Red Cross estimate, broadcast by Free Kossuth Radio on 1 Nov, put the dead at 3,000."
    assert [g[3] for g in _got(extract_text, text)] == ["Hungarian Red Cross"]


def test_claims_state_body_outlet_leads_the_story(extract_text):
    # a police and army transcript is about their state's war, though the text names the
    # other side's capital more (Lahad Datu 2013); honorifics are no part of a name
    text = ("TRANSCRIPT: Press conference by the Inspector-General of Police, Tan Sri Ismail Omar\n\n"
            "ISMAIL OMAR: On our side, we have lost eight policemen so far. The Kiram family in Manila "
            "is lying. Manila knows it. Filipinos in Manila protest.")
    got = _got(extract_text, text, outlet="Royal Malaysia Police (press conference transcript)")
    assert [(g[2], g[3]) for g in got] == [(8, "Malaysian police")]


@pytest.mark.parametrize("text,expected", [
    # a named armed group's casualties are its side's (Karen 1995); the Guards are a state's
    # (Iran 1979)
    ("The Karen National Union said the Karen National Liberation Army (KNLA) held out. "
     "KNLA casualties were 21 killed and 46 wounded.", [("killed", "rebels", 21), ("injured", "rebels", 46)]),
    ("In the operation 12 members of the Guards were martyred.", [("killed", "government", 12)]),
])
def test_claims_sides_of_named_groups_and_guards(extract_text, text, expected):
    assert [g[:3] for g in _got(extract_text, text)] == expected


def test_claims_joined_by_telephone_is_how_they_were_reached(extract_text):
    text = "Inhabitants of Bouake joined by telephone said that thousands of persons have left the city."
    assert [g[3] for g in _got(extract_text, text)] == ["Inhabitants of Bouake"]


@pytest.mark.parametrize("text,source", [
    # a generic body with a unit word after it is the story's state's (Bolivia 1967, Indonesia)
    ("Guerrillas took Samaipata, Bolivia. One soldier was shot dead, the army command said in La Paz.",
     "Bolivian army"),
    ("Rebels attacked Nduga in Papua, Indonesia. One soldier was killed, the army command said.",
     "Indonesian army"),
])
def test_claims_generic_body_with_a_unit_word_is_the_states(extract_text, text, source):
    assert [g[3] for g in _got(extract_text, text)] == [source]


@pytest.mark.parametrize("text,source", [
    # an office or outlet word before "of" and its owner's name reads owner first, as GUIDE.md
    # names bodies (Khuzestan 1982, Havana 1958); a body's own name with "of" stays (Vlora 1997)
    ("In other news, the governor-general of Khuzestan said that the rockets killed 21 civilians.",
     "Khuzestan governor-general"),
    ("The radio of Havana said 40 rebels were killed.", "Havana radio"),
    ("The Committee of Salvation of Vlora said 3 officers were captured.", "Committee of Salvation of Vlora"),
])
def test_claims_office_of_a_place_reads_owner_first(extract_text, text, source):
    assert [g[3] for g in _got(extract_text, text)] == [source]
