"""Figures read from blind sets BZ-CD (stop 43: Iwo Jima 1945, and "Of them, ... later
died" continuations), each checked on sentences of other wars. Every text is the project's
own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text, outlet="Test"):
    return [(c.quantity, c.category, c.value)
            for c in extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims]


@pytest.mark.parametrize("text", [
    # people after a passive's "by" did the deed: no figure of what befell them (the Pacific
    # 1945, Mali, Somalia)
    "The volcanic island was held by an estimated 20,000 Japanese troops in February.",
    "Timbuktu was held by some 3,000 jihadists until French troops arrived.",
    "The hostages were held by 40 gunmen in the hotel in Mogadishu.",
    # the agent's people named after "of", and the second of them (Haiti 2021, Nigeria)
    "Police said the leader was killed by a squad of 20 Colombians and two Venezuelans.",
    "The village was attacked by a band of 40 gunmen from Zamfara.",
])
def test_claims_people_after_a_passives_by_are_no_figure(extract_text, text):
    assert _claims(extract_text, text) == []


@pytest.mark.parametrize("text,expected", [
    # the victims of a passive keep their figure whoever the agent is (Nigeria, Kashmir)
    ("Twelve villagers were killed by three gunmen in Zamfara on Sunday.", [("killed", "civilians", 12)]),
    ("The 200 prisoners held by the rebels in Kidal were freed on Friday.", [("released", "prisoners", 200)]),
])
def test_claims_victims_of_a_passive_keep_their_figure(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "Of them, N later died": a part of the figure before and what befell it, the comma
    # after the opener and an adverb before the verb (Ukraine, Yemen, Ethiopia)
    ("The defence ministry said 1,200 soldiers were wounded. Of them, 300 later died.",
     [("injured", "government", 1200), ("killed", "government", 300)]),
    ("Some 4,000 people were detained in Sanaa, police said. Of these, 1,500 were later released.",
     [("detained", "total", 4000), ("released", "total", 1500)]),
    ("Hospitals in Mekelle admitted 90 wounded civilians. Of those, 14 subsequently died.",
     [("injured", "civilians", 90), ("killed", "civilians", 14)]),
])
def test_claims_of_them_opener_then_a_part_that_later_died(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people held in custody, then killed, are prisoners, and the others of the sentence too
    # (Argentina 1972, Egypt, Mali)
    ("Sixteen guerrillas held in navy custody since August were shot dead at a base in Patagonia, "
     "and three others were badly wounded.",
     [("killed", "prisoners", 16), ("injured", "prisoners", 3)]),
    ("Five protesters held in police custody died in Cairo on Sunday.", [("killed", "prisoners", 5)]),
    ("Twelve soldiers in rebel captivity were executed near Kidal.", [("killed", "prisoners", 12)]),
    # people in a place are no captives
    ("Twenty civilians in the town were killed.", [("killed", "civilians", 20)]),
])
def test_claims_killed_in_custody_are_prisoners(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a communique's "aggressors" are the attackers, its "forces of order" the state's, and the
    # women among fighters are fighters (Argentina 1989, Nigeria, Peru)
    ("Thirteen aggressors, among them four women, were taken prisoner at the barracks.",
     [("detained", "rebels", 13), ("detained", "rebels", 4)]),
    ("In Ayacucho, 53 members of the forces of order were hurt by the blast.", [("injured", "government", 53)]),
    ("The army said 40 militants, including six women, were killed near Maiduguri.",
     [("killed", "rebels", 40), ("killed", "rebels", 6)]),
    # women among civilians stay civilians
    ("Thirty civilians, including 12 women, were killed in the shelling of Bama.",
     [("killed", "civilians", 30), ("killed", "civilians", 12)]),
])
def test_claims_communique_words_and_women_among_fighters(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "killed or dead of wounds" is one kind twice: the dead (Korea 1950, Afghanistan); "killed
    # or wounded" stays no claim (Ukraine)
    ("The division lost 718 killed or dead of wounds near the reservoir.", [("killed", "government", 718)]),
    ("Thirty soldiers were killed or died of their wounds in Helmand.", [("killed", "government", 30)]),
    ("At least 20 people were killed or wounded in Kharkiv.", []),
])
def test_claims_one_kind_named_twice_is_no_mixed_casualty(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # the US services speak in many wars under their own names (Korea 1950, Iraq, Vietnam)
    ("Marine Corps headquarters in Washington said 718 Marines were killed.", "US Marine Corps"),
    ("The U.S. Army said 12 soldiers were wounded in the attack near Baquba.", "US Army"),
    ("The U.S. Navy said 40 sailors were missing after the attack.", "US Navy"),
])
def test_claims_us_services_are_bodies(extract_text, text, source):
    assert [c.source for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims] == [source]


@pytest.mark.parametrize("text,expected", [
    # "made prisoner" is taken prisoner; colonial armies' soldiers are a state's (Tunisia 1943,
    # Kenya 1953, India 1857-like)
    ("A staff officer said some 500 Italian soldiers had been made prisoner near the pass.",
     [("detained", "government", 500)]),
    ('"We lost 200 of our tirailleurs at the pass," a colonel told reporters.', [("killed", "government", 200)]),
    ("Forty askaris were killed in the ambush near Nyeri.", [("killed", "government", 40)]),
    # people who went somewhere, fleeing, are displaced (Congo, Sudan, Tunisia 1943); fighters
    # who flee are not
    ("Some 3,000 villagers arrived in Goma on Sunday, fleeing the fighting.", [("displaced", "total", 3000)]),
    ("About 5,000 people reached Adre overnight, fleeing the shelling of El Geneina.", [("displaced", "total", 5000)]),
    ("About 200 rebels retreated to the hills, fleeing the army.", []),
])
def test_claims_made_prisoner_colonial_soldiers_and_people_fleeing(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a bare figure forced from its homes is displaced, one taken prisoner detained (Kosovo
    # 1999, Darfur, Dagestan)
    ("The war has killed over 2,000 people, and some 300,000 forced from their homes now live in camps.",
     [("killed", "total", 2000), ("displaced", "total", 300000)]),
    ("Some 40,000 driven from their villages have reached the camps near Nyala.", [("displaced", "total", 40000)]),
    ("Seventeen militants were killed and five taken prisoner.", [("killed", "rebels", 17), ("detained", "rebels", 5)]),
    # a bare figure treated in hospital or for wounds was hurt (Lithuania 1991, Gaza, Ukraine),
    # not a part of people counted before ("dozens of them": by condition)
    ("Officials said 13 people died on Sunday and 165 had been treated in hospitals across Vilnius.",
     [("killed", "total", 13), ("injured", "total", 165)]),
    ("Two soldiers died in Kherson and 40 were treated for burns.",
     [("killed", "government", 2), ("injured", "government", 40)]),
    # hostages who walk out of where they were held are freed (Russia 1995, Algeria, Kenya)
    ("By dusk some 1,200 hostages had walked out of the theatre, officials said.", [("released", "total", 1200)]),
])
def test_claims_bare_figures_forced_out_treated_and_hostages_walking_out(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,source", [
    # the rank and file report to the speaker above them, who makes the claim (Sri Lanka 2000,
    # Vietnam 1965, Nigeria)
    # (the army of a state no claimant file names: "government")
    ('Ground troops and field reports showed that "over 500" LTTE cadres had been killed '
     "near Jaffna, the army spokesman said.", "government"),
    ("Troops reported that 30 militants were killed near Bama, the Nigerian army said.", "Nigerian Army"),
    # a body that speaks for itself keeps its figure (Gaza)
    ("The army said the UN had counted 40 civilian deaths in Rafah.", "United Nations"),
])
def test_claims_rank_and_file_report_to_the_speaker_above(extract_text, text, source):
    assert [c.source for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims] == [source]


@pytest.mark.parametrize("text,outlet,source", [
    # "the Office" in the UN Human Rights Office's own release is the publisher, whatever the
    # lexicon calls it (OHCHR), even after a state's government is named (Bangladesh 2024,
    # Sudan, Myanmar)
    ("GENEVA - The former Government of Bangladesh took part in abuses, the report found.\n\n"
     "The Office estimates that up to 1,400 people were killed in the crackdown.",
     "UN Human Rights Office press release", "OHCHR"),
    ("GENEVA - The Government of Sudan did not reply, the report said.\n\n"
     "The Committee estimates that 300 people were killed in El Geneina.",
     "International Committee of the Red Cross news release", "ICRC"),
    ("GENEVA - The Myanmar junta denied the report.\n\n"
     "The Office estimates that 600 people were killed in Sagaing.",
     "UN Human Rights Office press release", "OHCHR"),
])
def test_claims_publishers_head_names_the_publisher(extract_text, text, outlet, source):
    assert [c.source for c in extract_text(text, published=date(2024, 6, 1), outlet=outlet).claims] == [source]


@pytest.mark.parametrize("text,expected", [
    # casualty words of several kinds listed and joined by "or" lump their people, however many
    # (Manchuria 1948, Ukraine, Sudan); a list joined by "and" with a figure for each is a
    # breakdown (Vietnam 1966)
    ("Diplomats put the number of army troops killed, wounded, captured or gone over at some 400,000.", []),
    ("At least 300 soldiers were killed, wounded, captured or missing near Avdiivka.", []),
    ("Some 2,000 fighters were killed, wounded or taken prisoner around El Fasher.", []),
    ("Seventeen Australian soldiers were killed and 21 wounded at Long Tan.",
     [("killed", "government", 17), ("injured", "government", 21)]),
])
def test_claims_casualty_words_listed_with_or_lump_their_people(extract_text, text, expected):
    assert _claims(extract_text, text) == expected
