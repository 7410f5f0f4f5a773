"""Actors and claimants of the wars added in data/actors and data/claimants (Libya, Iraq,
Afghanistan, Mozambique, South Sudan, Colombia, Cameroon, the Central African Republic,
Kashmir/India-Pakistan, Pakistan, Israel-Iran, Chad/Lake Chad): who claims a figure, whose
fighters a figure counts, and which side a place fell to, on sentences written for these
tests. The lexicon-only tests need no spaCy; the others go through the extractor."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.actors import load_actors
from sitrep.extract.claimant_files import load_claimants
from sitrep.records import Article


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def claimants():
    return load_claimants()


def _changes(text: str) -> dict[str, str | None]:
    """place as written -> winner of the text's territory changes."""
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return {e.place.text: e.winner for e in events_from_text(article) if e.type == "territory_change"}


# --- actors: names and sides, no parse ---------------------------------------------------

@pytest.mark.parametrize("phrase,countries,name,side", [
    # Libya: both camps call themselves an army and have had a government
    ("Libyan National Army", [], "Libyan National Army", "opposition"),
    ("LNA forces", [], "Libyan National Army", "opposition"),
    ("Haftar's forces", [], "Libyan National Army", "opposition"),
    ("GNA forces", [], "Government of National Accord", "government"),
    ("Misrata forces", [], "GNA-allied militias", "government"),
    ("the Government of National Unity", ["LY"], "Government of National Accord", "government"),
    ("Gaddafi loyalists", [], "Gaddafi forces", "government"),
    # Iraq: 'Kurdish forces' are the Peshmerga only in Iraq
    ("Counter-Terrorism Service", [], "Iraqi Security Forces", "government"),
    ("Popular Mobilization Forces", [], "Popular Mobilization Forces", "government"),
    ("Kurdish forces", ["IQ"], "Peshmerga", "government"),
    ("Kurdish forces", ["SY"], "Syrian Democratic Forces", "opposition"),
    # Afghanistan: the Taliban, and their administration after 2021
    ("Taliban fighters", [], "Taliban", "opposition"),
    ("Taliban security forces", [], "Taliban government", "government"),
    ("ISIS-K", [], "Islamic State Khorasan Province", "opposition"),
    ("Afghan National Army", [], "Afghan National Defense and Security Forces", "government"),
    # Mozambique: 'al-Shabab' is the local IS branch only in Mozambique
    ("al-Shabab", ["MZ"], "Islamic State Mozambique Province", "opposition"),
    ("al-Shabab", ["SO"], "al-Shabaab", "opposition"),
    ("FADM", [], "Armed Defence Forces of Mozambique", "government"),
    # South Sudan
    ("SPLA-IO", [], "SPLA-IO", "opposition"),
    ("SSPDF", [], "South Sudan People's Defence Forces", "government"),
    ("White Army", [], "White Army", "opposition"),
    # Colombia
    ("ELN", [], "ELN", "opposition"),
    ("FARC dissidents", [], "Estado Mayor Central", "opposition"),
    ("Clan del Golfo", [], "Clan del Golfo", "opposition"),
    # Cameroon: 'ADF' is the Ambazonia Defence Forces only in Cameroon
    ("Amba boys", [], "Ambazonian separatists", "opposition"),
    ("ADF", ["CM"], "Ambazonian separatists", "opposition"),
    ("ADF", ["CD"], "Allied Democratic Forces", "opposition"),
    ("BIR", [], "Cameroonian Armed Forces", "government"),
    # Central African Republic
    ("FACA", [], "Central African Armed Forces", "government"),
    ("anti-balaka militias", [], "anti-balaka", "opposition"),
    ("Wagner", ["CF"], "Wagner Group", "foreign"),
    # Kashmir and Pakistan: both states' forces are state forces
    ("Lashkar-e-Taiba", [], "Lashkar-e-Taiba", "opposition"),
    ("Indian Army", [], "Indian Armed Forces", "government"),
    ("Pakistani troops", [], "Pakistan Armed Forces", "government"),
    ("Fitna al-Khawarij", [], "Tehreek-e-Taliban Pakistan", "opposition"),
    ("Pakistani Taliban", [], "Tehreek-e-Taliban Pakistan", "opposition"),
    ("BLA", [], "Balochistan Liberation Army", "opposition"),
    # Israel-Iran: Iran's forces keep the side they have in the Syria and Gaza files
    ("Iranian Armed Forces", [], "Iranian Armed Forces", "foreign"),
    ("IRGC", ["IR"], "Iranian Armed Forces", "foreign"),
    # Chad
    ("FACT rebels", [], "Chadian rebels", "opposition"),
    ("Chadian troops", [], "Chadian Armed Forces", "government"),
])
def test_actors_more_wars_side(actors, phrase, countries, name, side):
    found = actors.match(phrase, countries)
    assert len(found) == 1, found
    assert (found[0].actor.name, found[0].actor.side) == (name, side)


@pytest.mark.parametrize("text", [
    # ordinary words and other wars' bodies are not the new wars' actors
    "The national army of Chad was deployed.",
    "Russian forces shelled Kharkiv.",
    "Tanzanian troops joined the mission.",
    "Ugandan troops fought the ADF in Ituri.",
])
def test_actors_more_wars_no_hijack(actors, text):
    from sitrep.extract.actors import GENERIC_CONFLICT

    new_wars = {"libya", "iraq", "afghanistan", "mozambique", "south_sudan", "colombia", "cameroon", "car",
                "kashmir", "pakistan", "israel_iran"}
    assert all(m.conflict not in new_wars for m in actors.match(text) if m.conflict != GENERIC_CONFLICT)


def test_actors_more_wars_vote(actors):
    # a story's war is voted from the names only that war has
    assert actors.detect_conflict("LNA forces shelled Tripoli as the GNA called for help.") == "libya"
    assert actors.detect_conflict("The SPLA-IO attacked an SSPDF base.") == "south_sudan"
    assert actors.detect_conflict("The ELN and the Clan del Golfo fought in Catatumbo.") == "colombia"
    assert actors.detect_conflict("TTP militants attacked a checkpoint; the BLA claimed another attack.") == "pakistan"


# --- claimants: the lexicon alone --------------------------------------------------------

@pytest.mark.parametrize("phrase,countries,name,kind", [
    ("Inter-Services Public Relations", [], "Inter-Services Public Relations", "government"),
    ("the ISPR", [], "Inter-Services Public Relations", "government"),
    ("the army", ["PK"], "Pakistan Armed Forces", "government"),
    ("the army", ["IN"], "Indian Army", "government"),
    ("Chinar Corps", [], "Indian Army", "government"),
    ("J&K Police", [], "Jammu and Kashmir Police", "government"),
    ("the Ombudsman's Office", ["CO"], "Colombian Ombudsman's Office", "government"),
    ("Defensoría del Pueblo", [], "Colombian Ombudsman's Office", "government"),
    ("Joint Operations Command", ["IQ"], "Iraqi Joint Operations Command", "government"),
    ("Security Media Cell", [], "Iraqi Security Media Cell", "government"),
    ("the health ministry", ["IR"], "Iranian Health Ministry", "government"),
    ("the health ministry", ["PS", "IL"], "Gaza Health Ministry", "government"),
    ("HRANA", [], "Human Rights Activists News Agency", "monitor"),
    ("Magen David Adom", [], "Magen David Adom", "medical"),
    ("the LNA", [], "Libyan National Army", "opposition"),
    ("Ahmed al-Mismari", [], "Libyan National Army", "opposition"),
    ("GNA health ministry", [], "Libyan Health Ministry", "government"),
    ("Zabihullah Mujahid", [], "Taliban", "opposition"),
    ("the Islamic Emirate", [], "Taliban government", "government"),
    ("UNAMA", [], "UNAMA", "un"),
    ("Cabo Ligado", [], "Cabo Ligado", "monitor"),
    ("the army", ["MZ"], "Armed Defence Forces of Mozambique", "government"),
    ("Lul Ruai Koang", [], "South Sudan People's Defence Forces", "government"),
    ("Lam Paul Gabriel", [], "SPLA-IO", "opposition"),
    ("MINUSCA", [], "MINUSCA", "un"),
    ("Cyrille Atonfack", [], "Cameroonian Armed Forces", "government"),
    ("the army", ["TD"], "Chadian Armed Forces", "government"),
    ("the army", ["NG"], "Nigerian Army", "government"),
    ("Babagana Zulum", [], "Borno State government", "government"),
    ("the International Crisis Group", [], "International Crisis Group", "ngo"),
])
def test_claimants_more_wars_lexicon(claimants, phrase, countries, name, kind):
    who = claimants.resolve(phrase, countries)
    assert (who.name, who.kind) == (name, kind)


@pytest.mark.parametrize("phrase,countries,name", [
    # other wars' claimants keep their names
    ("al-Shabaab", [], "al-Shabaab"),
    ("the army", ["SY"], "Syrian army"),
    ("the health ministry", ["LB", "IL"], "Lebanese Health Ministry"),
    ("US military spokesman", [], "US military"),
    ("the UN mission", [], "United Nations"),
    ("Reporters Without Borders", ["MZ"], "Reporters Without Borders"),
])
def test_claimants_more_wars_no_hijack(claimants, phrase, countries, name):
    assert claimants.resolve(phrase, countries).name == name


def test_claimants_more_wars_context_alias_needs_its_war(claimants):
    # 'House of Representatives' is Libya's eastern parliament only in a Libya story
    assert claimants.resolve("the House of Representatives", ["US"]).name != "Eastern Libyan government"
    assert claimants.resolve("the House of Representatives", ["LY"]).name == "Eastern Libyan government"
    # 'PTI' is the Press Trust of India in India, not Imran Khan's party in Pakistan
    assert claimants.resolve("PTI", ["PK"]).name != "Press Trust of India"


# --- through the extractor: who claims, whose dead, who won -------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,source", [
    # Libya
    ("At least 17 GNA soldiers were killed in an air strike, the Government of National Accord said.",
     "Government of National Accord"),
    ("The Libyan Red Crescent said 35 civilians were killed in the shelling of Tripoli.", "Libyan Red Crescent"),
    ("Ahmed al-Mismari, the LNA spokesman, said 12 of its soldiers were killed near Sirte.",
     "Libyan National Army"),
    # Iraq
    ("At least 18 Iraqi soldiers were killed in a suicide attack in Mosul, the Iraqi military said.",
     "Iraqi Joint Operations Command"),
    ("The Joint Operations Command said 40 Islamic State militants were killed in air strikes near Tal Afar in Iraq.",
     "Iraqi Joint Operations Command"),
    ("The Popular Mobilization Forces said 9 of its fighters were killed in an ambush near Baiji.",
     "Popular Mobilization Forces"),
    # Afghanistan
    ("The Afghan Defence Ministry said 30 Taliban militants were killed in operations in Helmand.",
     "Afghan Defence Ministry"),
    ("Zabihullah Mujahid, a Taliban spokesman, said 14 Afghan soldiers were killed in the attack.", "Taliban"),
    ("UNAMA said 1,659 civilians were killed in the first half of the year.", "UNAMA"),
    # Mozambique
    ("The Mozambican army said 20 insurgents were killed in Macomia district.",
     "Armed Defence Forces of Mozambique"),
    ("Cabo Ligado said more than 4,000 people have been killed since 2017.", "Cabo Ligado"),
    ("The Mozambican police said eight civilians were beheaded by al-Shabab militants in Muidumbe.",
     "Mozambican police"),
    # South Sudan
    ("Lul Ruai Koang said 23 SPLA-IO fighters were killed in the fighting.", "South Sudan People's Defence Forces"),
    ("The SPLA-IO said 15 of its fighters were killed in the fighting.", "SPLA-IO"),
    ("UNMISS said 80 civilians were killed in Jonglei state.", "UNMISS"),
    # Colombia
    ("ELN rebels killed seven Colombian soldiers in an attack in Arauca, the army said.", "Colombian army"),
    ("The Ombudsman's Office said 32 social leaders were killed in Colombia in the first quarter.",
     "Colombian Ombudsman's Office"),
    ("Colombia's Defensoria del Pueblo said 4,000 people were displaced by fighting in Catatumbo.",
     "Colombian Ombudsman's Office"),
    ("FARC dissidents killed four police officers in Cauca, Colombia's National Police said.",
     "Colombian National Police"),
    # Cameroon
    ("Separatist fighters killed five Cameroonian soldiers in Bamenda, the army said.", "Cameroonian Armed Forces"),
    ("The Centre for Human Rights and Democracy in Africa said 40 civilians were killed in the South-West region.",
     "Centre for Human Rights and Democracy in Africa"),
    ("The Ambazonia Governing Council said 7 of its fighters were killed in Ndop.", "Ambazonia Governing Council"),
    # Central African Republic
    ("MINUSCA said three peacekeepers were killed in an ambush near Bangassou.", "MINUSCA"),
    ("The Central African army said 44 rebels of the Coalition of Patriots for Change were killed near Boyali.",
     "Central African Armed Forces"),
    ("Anti-balaka militiamen killed 12 civilians in Bangassou, MINUSCA said.", "MINUSCA"),
    # Kashmir / India-Pakistan
    ("Two Indian soldiers were killed in a gunfight with militants in Poonch, the Indian Army said.", "Indian Army"),
    ("Four militants were killed in Shopian, J&K Police said.", "Jammu and Kashmir Police"),
    ("The Inter-Services Public Relations said 11 Pakistani soldiers were killed in Indian strikes.",
     "Inter-Services Public Relations"),
    # Pakistan
    ("The ISPR said 30 terrorists of Fitna al-Khawarij were killed in North Waziristan.",
     "Inter-Services Public Relations"),
    ("The Balochistan Liberation Army said it killed 18 soldiers in Kalat.", "Balochistan Liberation Army"),
    ("The Pakistan Institute for Conflict and Security Studies said 95 people were killed in militant attacks.",
     "Pakistan Institute for Conflict and Security Studies"),
    # Israel-Iran
    ("Iran's health ministry said 224 people were killed in Israeli strikes since Friday.", "Iranian Health Ministry"),
    ("HRANA said 1,190 people were killed in Iran.", "Human Rights Activists News Agency"),
    ("Magen David Adom said 24 people were killed by Iranian missiles in Israel.", "Magen David Adom"),
    ("Hengaw said 12 Kurdish civilians were killed in Kermanshah.", "Hengaw"),
    # Chad / Lake Chad
    ("Boko Haram fighters killed 40 Chadian soldiers on an island in Lake Chad, the Chadian army said.",
     "Chadian Armed Forces"),
    ("Zulum said 30 civilians were killed by Boko Haram in Borno.", "Borno State government"),
    ("The Nigerian army said 22 Boko Haram militants were killed in Sambisa forest.", "Nigerian Army"),
])
def test_claimants_more_wars_resolve(extract_text, text, source):
    claims = extract_text(text).claims
    assert claims, text
    assert claims[0].source == source


@pytest.mark.slow
@pytest.mark.parametrize("text,category", [
    # Libya: the LNA is the non-state side, the GNA the state
    ("At least 12 LNA fighters were killed in clashes south of Tripoli, the GNA said.", "rebels"),
    ("Nine Haftar fighters were killed in the battle for Tarhuna, the GNA said.", "rebels"),
    ("At least 17 GNA soldiers were killed in an air strike, the Government of National Accord said.", "government"),
    ("Eight Wagner mercenaries were killed near Sirte, the GNA said.", "government"),
    # Iraq
    ("The Joint Operations Command said 40 Islamic State militants were killed in air strikes near Tal Afar in Iraq.",
     "rebels"),
    ("At least 18 Iraqi soldiers were killed in a suicide attack in Mosul, the Iraqi military said.", "government"),
    ("The Popular Mobilization Forces said 9 of its fighters were killed in an ambush near Baiji.", "government"),
    # Afghanistan
    ("The Afghan Defence Ministry said 30 Taliban militants were killed in operations in Helmand.", "rebels"),
    ("At least 12 Afghan police officers were killed in Kandahar, the Afghan Interior Ministry said.", "government"),
    ("Zabihullah Mujahid, a Taliban spokesman, said 14 Afghan soldiers were killed in the attack.", "government"),
    # Mozambique
    ("The Mozambican army said 20 insurgents were killed in Macomia district.", "rebels"),
    ("Islamic State Mozambique Province claimed it killed 11 Mozambican soldiers near Palma.", "government"),
    ("The Mozambican police said eight civilians were beheaded by al-Shabab militants in Muidumbe.", "civilians"),
    # South Sudan
    ("Lul Ruai Koang said 23 SPLA-IO fighters were killed in the fighting.", "rebels"),
    ("The SPLA-IO said 15 of its fighters were killed in the fighting.", "rebels"),
    ("White Army fighters killed 18 soldiers in Nasir, the army said.", "government"),
    # Colombia
    ("ELN rebels killed seven Colombian soldiers in an attack in Arauca, the army said.", "government"),
    ("The army said 12 members of the Clan del Golfo were killed in a bombing in Antioquia.", "rebels"),
    ("FARC dissidents killed four police officers in Cauca, Colombia's National Police said.", "government"),
    # Cameroon
    ("Separatist fighters killed five Cameroonian soldiers in Bamenda, the army said.", "government"),
    ("The Cameroonian army said it killed 12 separatist fighters in Batibo.", "rebels"),
    ("The Ambazonia Governing Council said 7 of its fighters were killed in Ndop.", "rebels"),
    # Central African Republic
    ("The Central African army said 44 rebels of the Coalition of Patriots for Change were killed near Boyali.",
     "rebels"),
    ("MINUSCA said three peacekeepers were killed in an ambush near Bangassou.", "government"),
    ("Six 3R fighters were killed in clashes with the army near Bocaranga, MINUSCA said.", "rebels"),
    # Kashmir / India-Pakistan
    ("Indian security forces killed three militants of Lashkar-e-Taiba in Kulgam, the Indian Army said.", "rebels"),
    ("Two Indian soldiers were killed in a gunfight with militants in Poonch, the Indian Army said.", "government"),
    ("The Inter-Services Public Relations said 11 Pakistani soldiers were killed in Indian strikes.", "government"),
    # Pakistan
    ("The ISPR said 30 terrorists of Fitna al-Khawarij were killed in North Waziristan.", "rebels"),
    ("TTP militants killed 12 Pakistani soldiers in South Waziristan, the military's media wing said.",
     "government"),
    ("Eight BLA fighters were killed in Kalat, the ISPR said.", "rebels"),
    # Israel-Iran
    ("Israeli strikes killed 30 Iranian soldiers in Tabriz, Iranian state media reported.", "government"),
    ("The Iranian Health Ministry said 610 civilians were killed during the 12-day war.", "civilians"),
    ("Nine Jaish al-Adl fighters were killed in Sistan-Baluchestan, Iranian state media reported.", "rebels"),
    # Chad / Lake Chad
    ("The Chadian army said 300 FACT rebels were killed in Kanem.", "rebels"),
    ("Boko Haram fighters killed 40 Chadian soldiers on an island in Lake Chad, the Chadian army said.",
     "government"),
    ("The Nigerian army said 22 Boko Haram militants were killed in Sambisa forest.", "rebels"),
])
def test_claims_more_wars_category(extract_text, text, category):
    claims = extract_text(text).claims
    assert claims, text
    assert claims[0].category == category


@pytest.mark.slow
@pytest.mark.parametrize("text,place,winner", [
    # Libya: the LNA is the non-state side although it calls itself an army
    ("LNA forces took Gharyan on Tuesday, a spokesman said.", "Gharyan", "opposition"),
    ("GNA forces retook Gharyan on Wednesday.", "Gharyan", "government"),
    ("Forces loyal to Khalifa Haftar captured Sirte on Monday.", "Sirte", "opposition"),
    ("Misrata forces retook the town of Aziziya from the LNA.", "Aziziya", "government"),
    ("Libyan rebels seized Zawiya from Gaddafi forces.", "Zawiya", "opposition"),
    # Iraq
    ("Iraqi forces retook Ramadi from Islamic State militants on Monday.", "Ramadi", "government"),
    ("Islamic State fighters seized Hit after a week of fighting.", "Hit", "opposition"),
    ("Peshmerga forces took Bashiqa from ISIS.", "Bashiqa", "government"),
    # Afghanistan
    ("Taliban fighters captured Kunduz on Monday, officials said.", "Kunduz", "opposition"),
    ("Afghan forces retook the district of Nad Ali from the Taliban.", "Nad Ali", "government"),
    ("Afghan commandos recaptured Lashkar Gah from the Taliban.", "Lashkar Gah", "government"),
    # Mozambique
    ("Insurgents linked to the Islamic State seized the town of Mocimboa da Praia in Cabo Delgado.",
     "Mocimboa da Praia", "opposition"),
    ("Rwandan and Mozambican troops recaptured Mocimboa da Praia from the insurgents, Rwanda's army said.",
     "Mocimboa da Praia", "government"),
    ("Al-Shabab militants seized Palma in Cabo Delgado.", "Palma", "opposition"),
    # South Sudan
    ("SPLA-IO forces captured Nasir from the army on Tuesday.", "Nasir", "opposition"),
    ("The SSPDF recaptured Nasir from the SPLA-IO, army spokesman Lul Ruai Koang said.", "Nasir", "government"),
    ("White Army fighters seized the town of Akobo in Jonglei.", "Akobo", "opposition"),
    # Colombia
    ("ELN guerrillas took control of El Tarra in Catatumbo.", "El Tarra", "opposition"),
    ("The Colombian army retook El Tarra from the ELN.", "El Tarra", "government"),
    ("FARC dissidents seized El Plateado in Cauca.", "El Plateado", "opposition"),
    # Cameroon
    ("Ambazonian separatists seized the town of Bali Nyonga.", "Bali Nyonga", "opposition"),
    ("Cameroonian troops recaptured Batibo from the separatists.", "Batibo", "government"),
    ("BIR soldiers retook Ndop from Amba fighters.", "Ndop", "government"),
    # Central African Republic
    ("CPC rebels seized the town of Bambari on Sunday.", "Bambari", "opposition"),
    ("Central African troops and Russian instructors retook Bambari from the rebels, the government said.",
     "Bambari", "government"),
    ("UPC rebels captured Bangassou on Sunday.", "Bangassou", "opposition"),
    # Pakistan
    ("TTP militants seized the town of Darazinda in Dera Ismail Khan.", "Darazinda", "opposition"),
    ("Pakistani Taliban fighters captured the town of Darazinda.", "Darazinda", "opposition"),
    ("BLA fighters seized the town of Mangochar in Kalat.", "Mangochar", "opposition"),
    ("Pakistani troops retook Mangochar from the BLA.", "Mangochar", "government"),
    # Chad / Lake Chad
    ("FACT rebels seized the town of Zouarké in northern Chad.", "Zouarké", "opposition"),
    ("ISWAP fighters overran the town of Marte in Borno State.", "Marte", "opposition"),
    ("Nigerian troops recaptured Marte from ISWAP, the Defence Headquarters said.", "Marte", "government"),
])
def test_events_more_wars_winner(text, place, winner):
    found = _changes(text)
    assert place in found, found
    assert found[place] == winner
