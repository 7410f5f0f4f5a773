"""Speakers read back from the words around them: a body's own name ending in a record word,
"our" in a body's own statement, the one a speaker quotes, "the ministry" and "it" and "the
director" named in the text, a record's owner before a participle or a relative clause, a
witness the story opened with (stop 29: read from sets T and V; checked on dev2, the seeds
and sets J-S, U). Every text is the project's own.
"""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text, outlet="Test"):
    return [c.source for c in extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims]


@pytest.mark.parametrize("text,source", [
    # a record word closing a body's own name is no record of an owner before it (Ogaden 1978,
    # Sri Lanka, Liberia)
    ("The Ethiopian Ministry of Information said 30 civilians died in the air raid.", "Ethiopian Information Ministry"),
    ("The Department of Information reported 12 soldiers killed near Jaffna.", "Department of Information"),
    ("The Bureau of Records and Information says 45 people were killed in Monrovia.",
     "Bureau of Records and Information"),
])
def test_claims_record_word_closing_a_body_name(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,outlet,source", [
    # "our" in a body's own statement is the issuer's (Namibia 1989, Tunisia 1961, Eritrea)
    ("Reports from our field commanders confirm that 40 of our combatants were killed near Oshakati.",
     "SWAPO Department of Information (press release)", "SWAPO"),
    ("Our previous communique, issued on Monday night, gave 120 dead in Massawa.",
     "Eritrean People's Liberation Front (communique)", "Eritrean People's Liberation Front"),
])
def test_claims_our_record_is_the_issuers(extract_text, text, outlet, source):
    assert set(_sources(extract_text, text, outlet)) == {source}


@pytest.mark.parametrize("text,source", [
    # the one a speaker quotes or cites speaks (Ifni 1957, Somalia, Yemen 1994)
    ("Radio Kabul, quoting a statement from the Defence Ministry, said 30 rebels were killed.",
     "Afghan Defence Ministry"),
    ("The agency, citing hospital officials, said 40 people were killed in Mogadishu.", "hospital officials"),
    ("The paper quoted Western diplomats as estimating that up to 2,000 people had been killed since May.",
     "Western diplomats"),
    # ... set aside, only a body: people it cites leave the report the speaker's (Abkhazia 1993)
    ("Georgian television, citing refugees, said that dozens of civilians had been killed in Sukhumi.",
     "Georgian television"),
    # staff fronted with their institution still speak for it (Mozambique, Biafra)
    ("At Pemba provincial hospital, staff said they had treated 32 people for gunshot wounds.",
     "Pemba provincial hospital"),
])
def test_claims_the_quoted_one_speaks(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


@pytest.mark.parametrize("text,expected", [
    # "the ministry" after a ministry no claimant file knows was named (Greece 1973, East Timor)
    ("The Ministry of Home Affairs said 13 people died in Dili. Doctors at Guido Valadares hospital said they "
     "had treated 40 wounded. According to the ministry, 200 people were arrested.",
     # (its long form is the state's ministry, as the short one is: stop 38)
     ["Timorese Home Affairs Ministry", "Guido Valadares hospital", "Timorese Home Affairs Ministry"]),
    # "it" later in a sentence that opens with a body's name (Bolivia 2003, Pakistan)
    ("The Human Rights Commission of Pakistan has a higher count: more than 80 dead, it said on Monday.",
     ["Human Rights Commission of Pakistan"]),
    # ... but not a people's name: the one speaking goes on (Sand War 1963)
    ("The Algerian Defence Ministry said 50 Moroccan soldiers were killed at Hassi Beida. Algerian troops "
     "captured 12 others, it added.", ["Algerian Defence Ministry", "Algerian Defence Ministry"]),
    # "the director" of the hospital the sentence names (Bolivia 2003, Honduras)
    ("The army said the town was calm. At the Hospital Escuela the doctors treated more than 70 wounded, "
     "the director said.", ["Hospital Escuela"]),
])
def test_claims_named_in_the_text_before(extract_text, text, expected):
    assert _sources(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # a record's owner before a participle or a relative clause (Novocherkassk 1962, Poland 1970)
    ("A KGB summary written that night and seen by this newspaper listed 23 dead.", "KGB"),
    ("Documents handed over by the Chief Military Prosecutor's Office, which reopened the case, "
     "list 26 people killed.", "Chief Military Prosecutor's Office"),
    # a capitalised subject owns the record "its" names (Argentina 1975)
    ("The Army Command admitted in its communique only seven dead in its ranks.", "Army Command"),
    # an inverted speech verb besides "said" (Uruguay 1969, Peru, Chad)
    ("At least 12 soldiers died in the ambush, stated the Ministry of Defence on Monday.", "Ministry of Defence"),
    ("Four civilians were killed near Abeche, declared the regional governor.", "regional governor"),
    # a month the parse makes a subject names no one (Bolivia 1952)
    ("The Interior Ministry's tally, released that May, listed 490 dead.", "Interior Ministry"),
])
def test_claims_record_owner_and_inverted_speech(extract_text, text, source):
    assert _sources(extract_text, text) == [source]


def test_claims_she_is_the_witness_the_story_opened_with(extract_text):
    # no one spoke before: "she" is the person the feature opened with (Novocherkassk 1962)
    text = ("For thirty years, Lyudmila Petrova kept silent about that morning.\n\n"
            "\"I counted at least 15 bodies near the fountain,\" she said this week.")
    assert _sources(extract_text, text) == ["Lyudmila Petrova"]


@pytest.mark.parametrize("outlet,source", [
    # the office a body's statement comes from is the body's; an acronym is the name the text
    # spells out, in its usual case (Namibia 1989, Mozambique)
    ("SWAPO Department of Information and Publicity (press release)", "South West Africa People's Organisation"),
    ("SWAPO Information Department (press release)", "South West Africa People's Organisation"),
])
def test_claims_publisher_an_office_of_the_body(extract_text, outlet, source):
    text = ("SOUTH WEST AFRICA PEOPLE'S ORGANISATION (SWAPO)\n\nPRESS RELEASE\n\n"
            "Enemy troops shot dead four villagers at Okalongo on Sunday.")
    assert _sources(extract_text, text, outlet) == [source]


def test_claims_publisher_from_a_header_set_apart_by_blank_lines(extract_text):
    # ingest sets a statement's short header lines apart with blank lines: the title is still
    # among its first three lines (Namibia 1989)
    header = ["ARAKAN LIBERATION PARTY", "Information Department", "PRESS RELEASE", "Sittwe, 10 March 2012"]
    body = "Burmese troops shot dead 12 villagers near Sittwe on Friday."
    for sep in ("\n", "\n\n"):
        assert _sources(extract_text, sep.join(header) + "\n\n" + body, outlet=None) == ["Arakan Liberation Party"]


@pytest.mark.parametrize("text,outlet,expected", [
    # a body's own bulletin: "the Ministry" is the issuer, "our forces suffered" its losses
    # (Honduras 1957, Guyana 1969)
    ("Our valiant forces suffered 8 dead and 14 wounded, the Ministry stated.",
     "Honduran Ministry of National Defence (press bulletin)",
     [("government", "Honduran Ministry of National Defence")] * 2),
])
def test_claims_a_bulletins_own_words(extract_text, text, outlet, expected):
    claims = extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims
    assert [(c.category, c.source) for c in claims] == expected


def test_claims_a_records_possessive_owner(extract_text):
    # "the radio's information" is the radio's, as "the radio said" is (North Ossetia 1992)
    text = ("Vladikavkaz radio said the curfew was extended. According to the radio's information, "
            "armed men are still holding over 400 residents as hostages.")
    assert _sources(extract_text, text) == ["Vladikavkaz radio"]


@pytest.mark.parametrize("text,expected", [
    # "admitted that" reports, a hospital that admitted people does not (Sudan 2008, Georgia)
    ("State television admitted that 57 of its police and soldiers were killed.", ["State television"]),
    ("Georgian Health Ministry officials said that hospitals in Kutaisi have admitted 86 people with wounds.",
     ["Georgian Health Ministry"]),
])
def test_claims_admitted_that_reports(extract_text, text, expected):
    assert _sources(extract_text, text) == expected

