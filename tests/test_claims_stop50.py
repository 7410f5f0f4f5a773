"""Claim rules read from sets DG and DH (stop 50): "others" after a figure of another fate are
more of the same people, a body's name before its description speaks, "reckon" speaks, a
released record releases no one, and a list's first figure shares the word after its last.
Each is checked on sentences of several wars; every text is the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value, c.source)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,others", [
    # killed, then "others" wounded: more of the same people, civilians too (Congo, Gaza, Ukraine)
    ("Officials in Bukavu say six civilians died and 40 others were hurt when mortar rounds fell on the market.",
     ("injured", "civilians", 40)),
    ("Four paramedics were killed and 11 others wounded in the strike on Deir al-Balah, the ministry said.",
     ("injured", "civilians", 11)),
    ("Regional officials said three children were killed and 17 others wounded in the missile attack on Kharkiv.",
     ("injured", "civilians", 17)),
    # soldiers carried over as before (Afghanistan-like)
    ("The army said seven soldiers were killed and 12 others wounded near Kandahar.",
     ("injured", "government", 12)),
])
def test_claims_others_of_another_fate_are_the_same_people(extract_text, text, others):
    found = [(q, c, v) for q, c, v, _ in _claims(extract_text, text)]
    assert others in found, found


def test_claims_others_of_the_same_fate_are_other_people(extract_text):
    """'Four civilians were wounded and 54 others injured': the others are people besides them
    (the seeds' reading), not more civilians."""
    found = [(q, c, v) for q, c, v, _ in _claims(
        extract_text, "Five civilians were wounded and 30 others injured in the shelling of Maarat al-Numan.")]
    assert ("injured", "civilians", 5) in found and ("injured", "total", 30) in found, found


@pytest.mark.parametrize("text,source", [
    # a body's name, then its description that the parse takes for the subject (Iraq, Iran, Yemen)
    ("Airwars, a London-registered monitoring group, reckons that at least 1,200 civilians died in the air "
     "campaign on Raqqa.", "Airwars"),
    ("Hengaw, a Norway-based rights group focused on Kurdish areas, said 46 protesters had been killed in "
     "the province.", "Hengaw"),
    ("Mwatana, an independent Yemeni rights group, said 15 civilians were killed at the wedding.",
     "Mwatana for Human Rights"),
])
def test_claims_name_before_its_description_speaks(extract_text, text, source):
    found = _claims(extract_text, text)
    assert found and all(s == source for *_, s in found), found


@pytest.mark.parametrize("text", [
    # a time or a place before the description is no name (Sudan-like, Haiti-like)
    "On Tuesday, a local doctor said 14 people were killed in El Fasher.",
    "In Port-au-Prince, a police officer said nine people were killed overnight.",
])
def test_claims_opening_time_or_place_is_no_speaker(extract_text, text):
    from sitrep.extract.claims.subjects import _OPENING_NAME
    from sitrep.lexicon.place_words import place_words

    opening = _OPENING_NAME.match(text.split(", a")[0] + ", ")
    assert opening is not None and opening.group("name").split()[0].lower() in place_words().function_words
    assert all(s not in ("On Tuesday", "In Port-au-Prince") for *_, s in _claims(extract_text, text))


@pytest.mark.parametrize("text,source", [
    # "reckon" and "calculate" speak as "estimate" does (Sudan-like, Syria-like)
    ("The monitor reckons that 2,000 people have been killed in El Geneina since June.", "monitor"),
    ("The Syrian Network for Human Rights calculated that 230 civilians had died in the offensive.",
     "Syrian Network for Human Rights"),
])
def test_claims_reckon_and_calculate_speak(extract_text, text, source):
    found = _claims(extract_text, text)
    assert found and all(s is not None and source.lower() in s.lower() for *_, s in found), found


@pytest.mark.parametrize("text,expected", [
    # a record released releases no one: its figures keep their own words (Philippines-like,
    # Sudan-like, Nigeria-like)
    ("The army's updated count, released late on Friday, listed 96 rebels, 21 soldiers and 12 civilians killed "
     "in the fighting for Zamboanga.",
     {("killed", "rebels", 96), ("killed", "government", 21), ("killed", "civilians", 12)}),
    ("Figures released by the health ministry showed 64 people had been killed in Nyala.",
     {("killed", "total", 64)}),
    # people released stay released
    ("Gunmen released 27 abducted schoolgirls in Zamfara state on Tuesday, police said.",
     {("released", "civilians", 27)}),
])
def test_claims_released_record_releases_no_one(extract_text, text, expected):
    assert {(q, c, v) for q, c, v, _ in _claims(extract_text, text)} == expected


@pytest.mark.parametrize("text,expected", [
    # the parse chains a list (each conj under the one before): the first figure reaches the
    # word after the last too (Philippines-like, Mali-like, Nigeria-like)
    ("The army's tally showed 60 militants, 12 soldiers and policemen and 9 civilians killed since the "
     "fighting began.", {("killed", "rebels", 60), ("killed", "government", 12), ("killed", "civilians", 9)}),
    ("The latest count showed 210 gunmen, 31 troops and 18 civilians killed since the fighting started.",
     {("killed", "rebels", 210), ("killed", "government", 31), ("killed", "civilians", 18)}),
    ("The ministry's tally lists 88 insurgents, 14 soldiers and 6 civilians killed since the offensive began.",
     {("killed", "rebels", 88), ("killed", "government", 14), ("killed", "civilians", 6)}),
])
def test_claims_first_figure_of_a_list_shares_the_last_word(extract_text, text, expected):
    found = {(q, c, v) for q, c, v, _ in _claims(extract_text, text)}
    assert expected <= found, found


@pytest.mark.parametrize("text,expected", [
    # a country's contingent is its soldiers (DR Congo-like, Somalia-like, Mali-like)
    ("Tanzania has confirmed two deaths among its contingent near Sake.", ("killed", "government", 2)),
    ("Burundi reported four deaths among its contingent after the ambush north of Mogadishu.",
     ("killed", "government", 4)),
    ("Chad said 10 deaths among its contingent followed the attack on the camp at Aguelhok.",
     ("killed", "government", 10)),
])
def test_claims_deaths_among_a_contingent_are_soldiers(extract_text, text, expected):
    found = [(q, c, v) for q, c, v, _ in _claims(extract_text, text)]
    assert expected in found, found


@pytest.mark.parametrize("text,expected", [
    # a medical evacuation moves the wounded and displaces no one (Cameroon-like, Somalia-like)
    ("Three gendarmes sustained light injuries and were evacuated to the regional hospital in Buea.",
     {("injured", "government", 3)}),
    ("Five soldiers suffered injuries and were airlifted to a hospital in Baidoa, the army said.",
     {("injured", "government", 5)}),
    # people evacuated elsewhere are still displaced (Mozambique-like)
    ("About 1,400 residents were evacuated to Pemba by boat, the agency said.", {("displaced", "total", 1400)}),
])
def test_claims_medical_evacuation_displaces_no_one(extract_text, text, expected):
    assert {(q, c, v) for q, c, v, _ in _claims(extract_text, text)} == expected


@pytest.mark.parametrize("text,expected", [
    # members of an armed cell are a non-state side's (Mexico-like, Ecuador-like, Colombia-like)
    ("Marines killed 14 suspected members of an armed cell outside Culiacan on Tuesday.", ("killed", "rebels", 14)),
    ("Police detained 22 members of armed cells tied to Los Lobos in Guayaquil.", ("detained", "rebels", 22)),
    ("The army said nine members of an armed cell of the ELN were captured near Tibu.", ("detained", "rebels", 9)),
])
def test_claims_members_of_an_armed_cell_are_rebels(extract_text, text, expected):
    found = [(q, c, v) for q, c, v, _ in _claims(extract_text, text)]
    assert expected in found, found


@pytest.mark.parametrize("text,expected", [
    # inmates who broke out are released, as those who escaped are (DR Congo-like, Haiti-like, Nigeria-like)
    ("About 400 inmates broke out of Bunia's central prison as the militia entered the town.",
     ("released", "prisoners", 400)),
    ("Some 3,600 prisoners had broken out of the national penitentiary by Sunday morning, officials said.",
     ("released", "prisoners", 3600)),
    ("More than 800 inmates broke out of the Kuje facility after the attack, the ministry said.",
     ("released", "prisoners", 800)),
])
def test_claims_inmates_who_broke_out_are_released(extract_text, text, expected):
    found = [(q, c, v) for q, c, v, _ in _claims(extract_text, text)]
    assert expected in found, found


@pytest.mark.parametrize("text,expected", [
    # a bare figure "still unaccounted for" is missing, of the people before it (Nigeria-like,
    # Turkey-like, Sudan-like)
    ("Nine fishermen were killed, while at least 11 were still unaccounted for.", ("missing", "civilians", 11)),
    ("Rescuers pulled out 30 bodies; about 70 were unaccounted for on Tuesday night.", ("missing", "total", 70)),
    ("Twelve villagers died and 15 remain unaccounted for, the commissioner said.", ("missing", "civilians", 15)),
])
def test_claims_bare_figure_unaccounted_for_is_missing(extract_text, text, expected):
    found = [(q, c, v) for q, c, v, _ in _claims(extract_text, text)]
    assert expected in found, found


@pytest.mark.parametrize("text,speaker_word", [
    # a venue's person speaks; the venue alone does not (Cameroon-like, Ukraine-like, Sudan-like)
    ("A council official, who would not give his name, said 500 residents had fled into the forest.", "council"),
    ("A council spokeswoman said 26 people were killed in the shelling of Kherson.", "council"),
    ("A parliament spokesman said 60 people had died in El Obeid.", "parliament"),
])
def test_claims_a_venues_person_speaks(extract_text, text, speaker_word):
    found = _claims(extract_text, text)
    assert found and all(s and speaker_word in s.lower() for *_, s in found), found


def test_claims_a_venue_alone_names_no_speaker():
    from sitrep.extract.claims.subject_phrases import names_no_claimant

    assert names_no_claimant("the council", "the council")
    assert names_no_claimant("a press conference", "a press conference")
    assert not names_no_claimant("a council official", "a council official")
