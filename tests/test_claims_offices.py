"""Claimants named by an office, a record or a label: the body they stand for (GUIDE.md:
"use the body's full canonical name"), in wars no claimant file covers."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.claimant_files import load_claimants
from sitrep.extract.claims.office_bodies import office_body

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("office,countries,body", [
    # a military office: the state's army (Ukraine, Kashmir, Lebanon 1982)
    ("Military spokesman", ["UA"], "Ukrainian Armed Forces"),
    ("army spokesman", ["IN"], "Indian Army"),
    ("Israel's chief of staff", ["LB", "IL"], "Israel Defense Forces"),  # the office's state, not the article's
    # a secretary or minister: the state's ministry (Mexico, Iraq, the Falklands)
    ("Defence Secretary", ["MX"], "Mexican Defence Ministry"),
    ("Federal Security Secretary", ["MX"], "Mexican Security Ministry"),
    ("Interior Minister", ["IQ"], "Iraqi Interior Ministry"),
    ("UK Defence Secretary", ["AR"], "British Defence Ministry"),
    ("Police spokesman", ["KE"], "Kenyan police"),
])
def test_claims_office_body_is_the_states(office, countries, body):
    who = office_body(office, load_claimants(), countries)
    assert who is not None and who.name == body, who


@pytest.mark.parametrize("office,countries", [
    ("rebel military spokesman", ["SD"]),        # another side's office (Sudan)
    ("group's military spokesman", ["YE"]),      # a body that is no state (Yemen)
    ("surgeon", ["UA"]),                         # no state body's word
    ("army spokesman", []),                      # no state to give it
])
def test_claims_office_body_is_no_states(office, countries):
    assert office_body(office, load_claimants(), countries) is None


def _sources(extract_text, text):
    return [c.source for c in extract_text(text, published=date(2024, 6, 1)).claims]


@pytest.mark.parametrize("text,source", [
    # people named with their office speak for the state body (Ukraine, Mexico, Kashmir, Lebanon)
    ("KIEV - Ukrainian forces left Debaltseve, Ukraine's president said. Military spokesman Vladyslav "
     "Seleznyov said 13 soldiers had been killed.", "Ukrainian Armed Forces"),
    ("CULIACAN, Mexico - Gunmen fought troops across Culiacan, Mexico. Defence Secretary Luis Cresencio "
     "Sandoval told reporters that gunmen had captured eight soldiers.", "Mexican Defence Ministry"),
    ("SRINAGAR, India - Indian troops entered the town in Kashmir, India. An army spokesman in Srinagar, "
     "Colonel Rajinder Bhalla, said the fire was set by militants. Colonel Bhalla said 20 militants had "
     "been killed.", "Indian Army"),
    ("Israel's chief of staff, Lt. Gen. Rafael Eitan, told reporters that 1,000 Palestinian guerrillas had "
     "been captured.", "Israel Defense Forces"),
    # a record named with its owner is the owner's (Northern Ireland, Sudan)
    ("BELFAST - Troops moved into Londonderry, Northern Ireland. An Army statement said 32 people had been "
     "arrested in Belfast.", "British army"),
    ("KHARTOUM, Sudan - Fighting raged in Sudan. A police statement said 12 people were killed.",
     "Sudanese police"),
    ("A Hamas statement said 12 fighters were killed.", "Hamas"),
    # ... or after it (Nigeria 1968, Tigray)
    ("A statement from the Supreme Headquarters said 2,000 rebel soldiers had been killed.", "Supreme Headquarters"),
    ("A report by the Tigray Regional Health Bureau said 300 people had died.", "Tigray Regional Health Bureau"),
    ("A statement posted on an Islamist website in the name of the Ansar al-Sunna Army claimed that its "
     "fighters had killed 70 soldiers.", "Ansar al-Sunna Army"),
    # a unit named by its number, bodies named in lowercase (Iraq 2004, Congo 1997, Sudan-like)
    ("A statement from the 11th Marine Expeditionary Unit said Marines had killed 300 fighters.",
     "11th Marine Expeditionary Unit"),
    ("According to a report by a group of Congolese human rights organisations, the fighting killed about 2,000 "
     "people.", "Congolese human rights organisations"),
    ("A report by Darfuri rights groups said 300 people had died in El Geneina.", "Darfuri rights groups"),
    # a state office before a name the article did not introduce (Georgia 2008); an office of
    # a named non-state body stays that body's (Myanmar)
    ("MOSCOW - Russia said its troops entered Gori. Deputy Chief of the General Staff Col. Gen. Anatoly "
     "Nogovitsyn said 74 Russian soldiers had been killed.", "Russian General Staff"),
    ("MYITKYINA, Myanmar - Kachin Independence Army spokesman Naw Bu said 20 soldiers were killed.",
     "Kachin Independence Army"),
    # a state's generic body and its role (Sudan, Ethiopia)
    ("KHARTOUM, Sudan - A government spokesman told Human Rights Watch that about 1,700 people had died.",
     "Sudanese government"),
    ("ADDIS ABABA, Ethiopia - A military official said 40 rebels were killed.", "Ethiopian army"),
])
def test_claims_office_holders_speak_for_the_body(extract_text, text, source):
    assert _sources(extract_text, text)[-1] == source


@pytest.mark.parametrize("text,value,source", [
    # a body no file knows carries its statement on, as a known one does; a witness does not
    # (Nigeria 1968, Mexico, Ukraine)
    ("LAGOS, Nigeria - A statement from the Supreme Headquarters said 2,000 rebels had been killed. "
     "Federal losses were put at 83 killed.", 83, "Supreme Headquarters"),
    ("CULIACAN, Mexico - The Sinaloa state prosecutor's office said 13 people had been killed. "
     "Police losses were put at four dead.", 4, "Sinaloa state prosecutor's office"),
    ("BAKHMUT, Ukraine - A resident, Olena Petrenko, said 13 people had been killed. Military losses were "
     "put at four dead.", 4, None),
])
def test_claims_a_body_no_file_knows_carries_its_statement(extract_text, text, value, source):
    got = {c.value: c.source for c in extract_text(text, published=date(2024, 6, 1)).claims}
    assert got.get(value, "missing") == source, got


def test_claims_a_record_with_no_owner_names_no_one(extract_text):
    assert _sources(extract_text, "The latest report said 40 people were killed.") == [None]


@pytest.mark.parametrize("text,source", [
    # a liveblog entry's time and label are blanked before parsing: the subject is found (Libya, Sudan)
    ("09:10 - Doctors at Misrata's Hikma hospital say they received the bodies of seven civilians overnight.",
     "Misrata's Hikma hospital"),
    ("13:30 - A spokesman for Misrata's local council, Dr Khalid Abu Shahma, says more than 1,000 people "
     "have been killed in the city.", "Misrata's local council"),
    ("16:05 - Update: the Sudan Doctors Network says 12 people were killed in El Fasher.", "Sudan Doctors Network"),
    # a briefing's question names its asker's outlet: the body in the question speaks (Afrin, Gaza)
    ("Q (Reuters): Colonel, the Syrian Observatory for Human Rights says 289 civilians have been killed.",
     "Syrian Observatory for Human Rights"),
    ("Q (AFP): General, the Kurdish Red Crescent says an air strike killed 16 people in Afrin.",
     "Kurdish Red Crescent"),
    # a dateline is no part of the first sentence's subject (Mexico, Ukraine, Nigeria)
    ("CULIACAN, Mexico - The Sinaloa state prosecutor's office said 13 people had been killed.",
     "Sinaloa state prosecutor's office"),
    ("KYIV, Ukraine (AP) — The regional governor's office said 13 people had been killed.",
     "Ukrainian regional authorities"),
    ("LAGOS, May 21 - The Supreme Headquarters said 2,000 rebel soldiers had been killed.", "Supreme Headquarters"),
    # a dateline with the country and the date (Iraq, Afghanistan, Georgia-like)
    ("NAJAF, Iraq, Aug 6 (Reuters) - U.S. forces said on Friday they had killed about 300 fighters loyal to the "
     "cleric.", "American army"),
    ("TBILISI, Georgia (AP) - Georgia's Interior Ministry said 40 people had been wounded.",
     "Georgian Interior Ministry"),
    # a briefing question's address to the briefer is no speaker (Iraq 2006-like)
    ("Q: General, the Interior Ministry said this morning that police found 50 bodies in Baghdad.",
     "Iraqi Interior Ministry"),
])
def test_claims_entry_and_transcript_labels_are_no_speaker(extract_text, text, source):
    assert _sources(extract_text, text)[-1] == source


def _figures(extract_text, text):
    return [(c.quantity, c.category, c.value) for c in extract_text(text, published=date(2024, 6, 1)).claims]


@pytest.mark.parametrize("text,expected", [
    # a figure's own predicate says what happened to it, not the figure's before it (Donbas,
    # Northern Ireland, Sudan, Vietnam)
    ("Another 90 had been captured by the rebels and 82 were missing, he said.",
     [("detained", "total", 90), ("missing", "total", 82)]),
    ("The RUC said the toll had risen to eight dead, among them a girl, and that more than 30 people had been "
     "injured.", [("killed", "total", 8), ("injured", "total", 30)]),
    ("At least 45 people were killed in El Fasher, including 12 children, and 30 others were wounded.",
     [("killed", "total", 45), ("killed", "civilians", 12), ("injured", "total", 30)]),
    ("The spokesman put the losses at 119 killed and 961 wounded.",
     [("killed", "total", 119), ("injured", "total", 961)]),
    # a noun near the breakdown is no verb of its own: the children count what the total counts (Lebanon)
    ("The ministry has documented 312 martyrs, which includes 40 children, alongside 1,200 injuries.",
     [("killed", "total", 312), ("killed", "civilians", 40), ("injured", "total", 1200)]),
])
def test_claims_own_predicate_over_the_figure_before(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # displacement, homicide and evacuation words (Croatia, Mexico, Haiti, Ukraine)
    ("More than 500,000 people have been driven from their homes in Croatia, the UN said.",
     [("displaced", "total", 500000)]),
    ("Sinaloa recorded 1,120 homicides last year, the prosecutor's office said.", [("killed", "total", 1120)]),
    ("Port-au-Prince saw 340 murders in March, police said.", [("killed", "total", 340)]),
    ("Some 300 were evacuated from Mariupol on Friday.", [("displaced", "total", 300)]),
])
def test_claims_more_casualty_words(extract_text, text, expected):
    assert _figures(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # a fronted institution and its staff: the institution speaks (Mexico, Gaza, Sudan)
    ("At the General Hospital of Culiacan, staff said they treated 21 people with gunshot wounds.",
     "General Hospital of Culiacan"),
    ("At Nasser Hospital in Khan Younis, doctors said 20 bodies had been brought in.", "Nasser Hospital"),
    ("At El Fasher's Saudi Hospital, medics said 30 patients were killed in the drone strike.",
     "El Fasher's Saudi Hospital"),
])
def test_claims_fronted_institution_staff(extract_text, text, source):
    assert _sources(extract_text, text)[-1] == source


def test_claims_fronted_place_with_no_staff_is_no_institution(extract_text):
    # "In Goma, residents said": residents are no one's staff (DR Congo)
    assert _sources(extract_text, "In Goma, residents said 12 people were killed.") == ["residents"]
