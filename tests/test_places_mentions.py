"""Place mentions: resolution, province mentions, anchoring of unknown villages."""

import pytest

from sitrep.extract.gazetteer import get_gazetteer
from sitrep.extract.places import find_place_mentions
from sitrep.extract.places.candidates import capitalised_candidates, country_context


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _mentions(gaz, text, context=()):
    return find_place_mentions("d1", text, capitalised_candidates(text), gaz, context)


def _by_text(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "name", "precision", "rule", "feature"),
    [
        ("Troops massed outside Hama city on Friday.", "Hama", 1, "gazetteer-exact", "city"),
        ("Fighting spread across Hama province overnight.", "Hama", 3, "admin1", "admin1"),
        ("Jets struck the province of Idlib again.", "Idlib", 3, "admin1", "admin1"),
        ("Russian shelling hit Donetsk oblast towns.", "Donetsk", 3, "admin1", "admin1"),
        ("Kyiv said the Kharkiv region was shelled.", "Kharkiv", 3, "admin1", "admin1"),
        ("Rockets fell on Kharkiv in the morning.", "Kharkiv", 1, "gazetteer-exact", "city"),
        ("Families fled Salamiya as the army pulled out.", "Salamiya", 1, "gazetteer-skeleton", "city"),
        ("Aid reached Goma, the capital of North Kivu.", "North Kivu", 3, "admin1", "admin1"),
    ],
)
def test_places_mentions_resolve(gaz, sentence, name, precision, rule, feature):
    m = _by_text(_mentions(gaz, sentence, ["SY", "UA", "CD"]), name)
    assert (m.precision, m.rule, m.place.feature) == (precision, rule, feature)


def test_places_mentions_plural_province_list(gaz):
    text = "Strikes were reported across Homs, Idlib and Hama provinces."
    ms = _mentions(gaz, text, ["SY"])
    assert [(m.text, m.precision, m.place.feature) for m in ms] == [
        ("Homs", 3, "admin1"), ("Idlib", 3, "admin1"), ("Hama", 3, "admin1")]


def test_places_mentions_anchor_near_city(gaz):
    text = ("Rebels reached the edge of Hama city and captured the villages of Qurbatiya and "
            "Soran, north of the city.")
    m = _by_text(_mentions(gaz, text, ["SY"]), "Qurbatiya")
    assert (m.precision, m.rule, m.anchor, m.place.country) == (2, "anchored-near:Hama", "Hama", "SY")
    assert _by_text(_mentions(gaz, text, ["SY"]), "Soran").precision == 1


def test_places_mentions_anchor_in_province(gaz):
    text = "Fighters seized several villages in Hama province, including Zorba al-Gharbi, Bayt Qamar and Halfaya."
    ms = _mentions(gaz, text, ["SY"])
    for name in ("Zorba al-Gharbi", "Bayt Qamar"):
        m = _by_text(ms, name)
        assert (m.precision, m.rule, m.place.feature) == (3, "anchored-in:Hama", "admin1")
    assert _by_text(ms, "Halfaya").precision == 1


def test_places_mentions_anchor_near_province_namesake_town(gaz):
    text = ("Rebels reached the outskirts of Hama on Tuesday. They seized several villages in Hama "
            "province, including Zorba al-Gharbi and Bayt Qamar.")
    m = _by_text(_mentions(gaz, text, ["SY"]), "Bayt Qamar")
    assert (m.precision, m.anchor, m.place.feature) == (2, "Hama", "city")


def test_places_mentions_relation_after_name(gaz):
    text = "The army said it retook Tell Qurmaz, southwest of Aleppo, after heavy clashes."
    m = _by_text(_mentions(gaz, text, ["SY"]), "Tell Qurmaz")
    assert (m.precision, m.anchor) == (2, "Aleppo")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("A Britain-based monitor near Hama said so.", "Britain-based"),
        ("Officials in Telegram posts near Aleppo denied it.", "Telegram"),
        ("The army entered Hama on Thursday.", "Thursday"),
        ("Rebels led by Jolani entered Hama.", "Jolani"),
        ("Reports from SANA near Homs were denied.", "SANA"),
        ("Hama city was quiet [Getty]", "Getty"),
        # a titled name a cue would take for a place is a person (Nigeria, Sierra Leone-like)
        ("Troops took over Sheikh Ibrahim Zakzaky's house near Hama.", "Sheikh Ibrahim Zakzaky"),
        ("Rebels seized President Ahmad Kabbah's residence near Aleppo.", "President Ahmad Kabbah"),
        ("Soldiers entered Colonel Omar Sadiq's compound near Homs.", "Colonel Omar Sadiq"),
    ],
)
def test_places_mentions_not_places(gaz, sentence, name):
    assert name not in [m.text for m in _mentions(gaz, sentence, ["SY"])]


def test_places_mentions_unknown_without_anchor(gaz):
    m = _by_text(_mentions(gaz, "They captured the village of Umm Qurnayn.", ["SY"]), "Umm Qurnayn")
    assert (m.place, m.precision, m.rule) == (None, None, "unresolved")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Lebanese officials said strikes hit Tripoli and Beirut. Lebanon condemned them.", "LB"),
        ("Libyan forces clashed in Tripoli, Libya's capital; Libya's rival government...", "LY"),
    ],
)
def test_places_mentions_country_context_disambiguates(gaz, text, country):
    assert country_context(text, gaz)[0] == country
    assert _by_text(_mentions(gaz, text), "Tripoli").place.country == country


def test_places_mentions_country_context_order(gaz):
    text = "Syrian rebels took Aleppo. Syria's army left Hama. Russia sent jets to Syria."
    assert country_context(text, gaz)[:2] == ["SY", "RU"]


def test_places_mentions_country_has_no_precision(gaz):
    m = _by_text(_mentions(gaz, "Russia denied it.", ["RU"]), "Russia")
    assert (m.precision, m.rule, m.place.feature) == (None, "country", "country")


@pytest.mark.parametrize("sentence,name,anchor_country", [
    # the gazetteer lacks the town; its namesake abroad (Palma, Majorca) is not it
    ("Insurgents have taken control of Palma in Cabo Delgado province, Mozambique.", "Palma", "MZ"),
    ("Jihadists overran Paris in Borno state, residents said.", "Paris", "NG"),
    ("Shelling hit Toulouse in Kherson region on Monday.", "Toulouse", "UA"),
])
def test_places_mentions_written_province_overrules_namesake_abroad(gaz, sentence, name, anchor_country):
    m = _by_text(_mentions(gaz, sentence), name)
    assert m.rule.startswith("anchored") or m.rule == "unresolved", m.rule
    if anchor_country:
        assert m.place is not None and m.place.country == anchor_country


@pytest.mark.parametrize("sentence,name,country", [
    # a town that does lie in the province written after it keeps its own coordinates
    ("Russian forces captured Avdiivka in Donetsk region.", "Avdiivka", "UA"),
    ("The army retook Hama in Hama province.", "Hama", "SY"),
    # a list of states is not a town and its qualifier
    ("The storm hit Alaska, Alabama and Arizona.", "Alaska", "US"),
])
def test_places_mentions_town_in_its_written_province(gaz, sentence, name, country):
    m = _by_text(_mentions(gaz, sentence), name)
    assert m.place is not None and m.place.country == country and not m.rule.startswith("anchored"), m.rule


@pytest.mark.parametrize("text,name,expected", [
    # the dateline is where the reporter files from: no anchor for an unknown place (Mali)
    ("BAMAKO, July 29 (AFP) - Fighting broke out near Tinzaouatene on the Algerian border.", "Tinzaouatene", None),
    # a place the story names stays an anchor (DRC)
    ("GOMA, Jan 27 (Reuters) - M23 rebels seized Sake and Kibumba north of Goma.", "Kibumba", "Goma"),
])
def test_places_mentions_dateline_is_no_anchor(gaz, text, name, expected):
    m = _by_text(_mentions(gaz, text), name)
    assert (m.anchor if m.place else None) == expected, (m.rule, m.anchor)


@pytest.mark.parametrize("text,absent,present", [
    # an unknown name used as an adjective is no place (Bosnia)
    ("Bosnian Serb forces overran the U.N.-declared safe area of Srebrenica on Tuesday.", "U.N.", "Srebrenica"),
    # a time zone after a clock time is not where anything happened (Chechnya, Ukraine)
    ("At 11:00 Moscow time the state flag was raised over the administration building in Grozny.", "Moscow", "Grozny"),
    ("The attack began at 5 a.m. Kyiv time in Kharkiv.", "Kyiv", "Kharkiv"),
    # "the state flag" is a flag, not a state (Chechnya)
    ("At 11:00 Moscow time the state flag was raised over the administration building in Grozny.", "the state", "Grozny"),
])
def test_places_mentions_adjectives_and_time_zones_are_no_places(gaz, text, absent, present):
    found = {m.text for m in _mentions(gaz, text)}
    assert absent not in found and present in found, found


@pytest.mark.parametrize("text,not_places,places", [
    # an acronym the text defines for a name that is no place is no place (Kosovo, Turkey);
    # a place's own acronym stays one (DR Congo)
    ("The Kosovo Liberation Army (KLA) said its fighters had taken a border post. KLA units moved on.",
     {"KLA"}, set()),
    ("The Kurdistan Workers' Party (PKK) said 12 of its fighters died in Hakkari.", {"PKK"}, {"Hakkari"}),
    ("The Democratic Republic of Congo (DRC) said fighting continued. In the DRC, M23 took Goma.",
     set(), {"DRC", "Goma"}),
    # a stop-listed acronym written with full stops, and a former state's adjective, are no
    # places (Bosnia, Kosovo)
    ('Bosnian Serb forces overran the U.N. "safe area" of Srebrenica on Tuesday.', {"U.N."}, {"Srebrenica"}),
    ("The KLA captured the Yugoslav army post at Kosare.", {"Yugoslav"}, set()),
])
def test_places_mentions_not_organisations(gaz, text, not_places, places):
    found = {m.text for m in _mentions(gaz, text)}
    assert not (found & not_places), found
    assert places <= found, found


@pytest.mark.parametrize("text,place", [
    # a name the text shows changed hands is a place, an aside between them or not
    # (Bangladesh 1971, Mali, Nigeria-like)
    ("Jhenida, to the north, was taken by the Indian army on the same day.", "Jhenida"),
    ("Konna fell to Ansar Dine and allied groups on Thursday.", "Konna"),
    ("Malian commanders insisted they had regained control of Konna.", "Konna"),
])
def test_places_mentions_names_that_changed_hands(gaz, text, place):
    assert place in {m.text for m in _mentions(gaz, text)}


@pytest.mark.parametrize("text,place", [
    # a name a settlement noun describes in apposition is a place (Bosnia, Sudan, Myanmar-like)
    ("On Wednesday they moved on to Potocari, the village where the Dutch battalion has its compound.", "Potocari"),
    ("Fighters reached Um Kadada, a small town east of the capital, on Monday.", "Um Kadada"),
])
def test_places_mentions_named_with_a_settlement_noun(gaz, text, place):
    assert place in {m.text for m in _mentions(gaz, text)}


@pytest.mark.parametrize(
    ("sentence", "context", "mention", "country"),
    [
        # a state's demonym, or its hold, before a place: the place in that state (Kashmir 2019,
        # Russia-Ukraine, Sudan-like); the mention is the place's name alone
        ("Shelling continued in Indian Kashmir on Monday.", ["PK"], "Kashmir", "IN"),
        ("Drones struck Russian-occupied Crimea overnight.", ["RU"], "Crimea", "UA"),
        ("Fighting in Indian-administered Kashmir left three dead.", ["IN"], "Kashmir", "IN"),
        ("Clashes spread across Sudanese Darfur.", ["TD"], "Darfur", "SD"),
    ],
)
def test_places_mentions_demonym_before_a_place(gaz, sentence, context, mention, country):
    m = _by_text(_mentions(gaz, sentence, context), mention)
    assert m.place is not None and m.place.country == country
