"""Place resolution in context: qualifiers, provinces and neighbours named in the article,
abbreviations, demonyms, toponyms inside names, world admin-1 areas and counties."""

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.extract.gazetteer import get_gazetteer
from sitrep.extract.places import find_place_mentions
from sitrep.extract.places.candidates import capitalised_candidates, country_context


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _mentions(gaz, text, context=()):
    return find_place_mentions("d1", text, capitalised_candidates(text), gaz, list(context))


def _by_text(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "name", "country", "admin1"),
    [
        ("The sheriff in Athens, Ga., closed the road on Friday.", "Athens", "US", "Georgia"),
        ("Floodwater reached Paris, Texas, overnight.", "Paris", "US", "Texas"),
        ("Officials in Springfield, Ill. approved the budget.", "Springfield", "US", "Illinois"),
        ("A landslide near Kamloops, B.C., cut the highway.", "Kamloops", "CA", "British Columbia"),
        ("Shelling hit Tripoli, Lebanon, before dawn.", "Tripoli", "LB", None),
        ("Drones struck Pokrovsk in Donetsk oblast.", "Pokrovsk", "UA", "Donetsk"),
    ],
)
def test_places_context_qualifier_picks_homonym(gaz, sentence, name, country, admin1):
    m = _by_text(_mentions(gaz, sentence), name)
    assert m.place.country == country and m.precision == 1 and m.rule.endswith("+qualified")
    if admin1:
        assert m.place.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        # a county named elsewhere in the story places the town next to it
        ("The fair in Paris drew crowds from all over Henry County, along the Tennessee line.",
         "Paris", "US", "Tennessee"),
        # a province named in the article places its towns
        ("Clashes spread across Sagaing Region. In Monywa, residents fled.", "Monywa", "MM", "Sagaing"),
    ],
)
def test_places_context_neighbours_and_provinces(gaz, text, name, country, admin1):
    m = _by_text(_mentions(gaz, text), name)
    assert (m.place.country, m.place.admin1) == (country, admin1)


@pytest.mark.parametrize(
    ("sentence", "name", "country", "feature"),
    [
        ("The U.S. sent aid.", "U.S.", "US", "country"),
        ("Aid from the US arrived.", "US", "US", "country"),
        ("The UK and France objected.", "UK", "GB", "country"),
        ("Ministers in the EU disagreed.", "EU", None, "region"),
        ("Health officials in Ohio reported cases.", "Ohio", "US", "admin1"),
        ("Flooding hit Anhui after the storm.", "Anhui", "CN", "admin1"),
        ("Farmers in Punjab protested.", "Punjab", None, "admin1"),
        ("Deputies searched Laurel County on Sunday.", "Laurel County", "US", "admin2"),
        ("Hunger is spreading in Africa.", "Africa", None, "region"),
        # a name with "de las", "de" inside, when the whole is in the gazetteer (Mexico, Cuba)
        ("The rebels withdrew from San Cristobal de las Casas on Sunday.", "San Cristobal de las Casas", "MX", "city"),
        ("Refugees reached Santiago de Cuba by boat.", "Santiago de Cuba", "CU", "city"),
    ],
)
def test_places_context_names_and_abbreviations(gaz, sentence, name, country, feature):
    m = _by_text(_mentions(gaz, sentence), name)
    assert m.place.feature == feature
    if country:
        assert m.place.country == country


@pytest.mark.parametrize(
    ("sentence", "demonym", "country"),
    [
        ("Syrian forces withdrew from the town.", "Syrian", "SY"),
        ("Russian jets flew overhead.", "Russian", "RU"),
        ("Sri Lankan troops left the base.", "Sri Lankan", "LK"),
        ("Congolese soldiers fled the town.", "Congolese", "CD"),
    ],
)
def test_places_context_demonyms_are_context_not_places(gaz, sentence, demonym, country):
    assert demonym not in [m.text for m in _mentions(gaz, sentence)]
    assert country_context(sentence, gaz)[0] == country


@pytest.mark.parametrize(
    ("sentence", "toponym", "within"),
    [
        ("The U.S. Senate passed the bill.", "U.S.", "U.S. Senate"),
        ("The Idlib Free Army said it held the line.", "Idlib", "Idlib Free Army"),
        ("Donbas militias shelled the town again.", "Donbas", "Donbas militias"),
        ("The Kentucky State Police closed the road.", "Kentucky", "Kentucky State Police"),
    ],
)
def test_places_context_place_inside_an_actor_name(gaz, sentence, toponym, within):
    m = _by_text(_mentions(gaz, sentence), toponym)
    assert (m.precision, m.within) == (None, within) and m.rule.startswith("in-name:") and m.place


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # states and counties outweigh one big city of the same name abroad
        ("Paris police said the Edgar County Sheriff's Office assisted. Paris schools reopened.", "US"),
        ("Rockets hit Kharkiv. Zelensky visited the front in Donetsk oblast.", "UA"),
    ],
)
def test_places_context_strong_evidence_ranks_first(gaz, text, country):
    assert _by_text(_mentions(gaz, text), [w for w in ("Paris", "Kharkiv") if w in text][0]).place.country == country


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("United States", 39.8, -98.6), ("Russia", 60.0, 100.0), ("Sudan", 15.0, 30.0)],
)
def test_places_context_countries_at_their_centre(gaz, name, lat, lon):
    from sitrep.evaluate_places import haversine_km

    m = _by_text(_mentions(gaz, f"Officials in {name} said so."), name)
    assert haversine_km(m.place.lat, m.place.lon, lat, lon) < 300  # the centre, not the capital


def test_places_context_eval_places_command(tmp_path):
    text = "Strikes hit Aden and Marib, Yemeni officials said."
    (tmp_path / "mini.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n")
    gold = [{"doc": "a", "text": "Aden", "start": 12, "end": 16, "lat": 12.78, "lon": 45.04, "standard": True},
            {"doc": "a", "text": "Marib", "start": 21, "end": 26, "lat": 15.46, "lon": 45.32, "standard": True}]
    (tmp_path / "mini_gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    result = CliRunner().invoke(app, ["eval", "--places", str(tmp_path / "mini_gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.output)[0]
    assert (score["corpus"], score["gold"], score["found"], score["within_161km"]) == ("mini", 2, 2, 2)


@pytest.mark.parametrize(
    ("text", "context", "name", "admin1"),
    [
        # many Ukrainian villages share a name: the town and province named pick the right one
        ("Russian troops captured Novoselivka near Pokrovsk, in Donetsk region.", ["UA", "RU"], "Novoselivka",
         "Donetsk"),
        ("Houthi fighters shelled Harib in Marib governorate.", ["YE"], "Harib", "Marib"),
        ("Rebels seized Kitshanga, in North Kivu province, on Sunday.", ["CD"], "Kitshanga", "North Kivu"),
    ],
)
def test_places_context_homonyms_follow_the_province(gaz, text, context, name, admin1):
    m = _by_text(_mentions(gaz, text, context), name)
    assert m.place.admin1 == admin1


def test_places_context_anchor_not_abroad(gaz):
    text = "Shelling hit the villages of Velykyi Zhuravel and Mala Sorokivka near Georgetown."
    m = _by_text(_mentions(gaz, text, ["UA"]), "Velykyi Zhuravel")
    assert (m.place, m.rule) == (None, "unresolved")  # Georgetown, Guyana is no anchor for a Ukrainian village


@pytest.mark.parametrize("text,countries", [
    # a province named by a common word ("Northern" State, Sudan) is no evidence of its country
    ("Troops moved into Londonderry, Northern Ireland. In Northern Ireland the Army patrolled.", ["GB"]),
    ("Northern Gaza was bombed again. Northern Gaza has no power; Gaza City neither.", ["PS"]),
    # ...while the province's full name still is (Sudan)
    ("RSF fighters entered Dongola in Northern State. Northern State officials fled.", ["SD"]),
])
def test_places_context_common_word_province_is_no_evidence(text, countries):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == countries


@pytest.mark.parametrize("text,countries", [
    # "Indians" in a story that names a Latin American country are its indigenous people
    # (Nicaragua 1983, Chiapas 1994, Peru-like); without one they are India's
    ("About 1,200 Miskito Indians crossed from Nicaragua into Honduras.", ["NI", "HN"]),
    ("Indian rebels seized San Cristobal in Mexico on New Year's Day.", ["MX"]),
    ("Ashaninka Indians fled the Shining Path in Peru's central jungle.", ["PE"]),
    ("Indian troops fired across the Line of Control, the Indian Army said.", ["IN"]),
])
def test_places_context_ambiguous_demonym(text, countries):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == countries


@pytest.mark.parametrize("text,countries", [
    # a country the headline names is where the story is, whichever state its body text names
    # more often (Guinea-Bissau 1998, Lebanon 1976, Chad-like); without a headline the counts decide
    ("WAR IN BISSAU: THE CAPITAL EMPTIES\n\nSenegalese troops shelled the airport. Senegalese officers in "
     "Dakar said Senegalese losses were light.", ["GW", "SN"]),
    ("Siege of Beirut camp ends\n\nSyrian troops stood by as Syrian-backed militias and Syrian officers "
     "entered the camp.", ["LB", "SY"]),
    ("Senegalese troops shelled the airport of Bissau. Senegalese officers said losses were light.", ["SN", "GW"]),
])
def test_places_context_headline_country_first(text, countries):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == countries


@pytest.mark.parametrize("text,name", [
    # a capital named as its government, or where a report was heard, is no place of the
    # story (Mali, Iran-Iraq War, Ukraine-like)
    ("Konna fell on Thursday, an advance that prompted Paris to launch air strikes.", "Paris"),
    ("The Iraqi news agency, in a report monitored in Tehran, claimed that its forces had redeployed.", "Tehran"),
    ("The offensive, which asked Kyiv for more shells, went on.", "Kyiv"),
])
def test_places_context_capital_as_government(text, name):
    from sitrep.extract.places.metonyms import names_a_government
    from sitrep.records import PlaceMention

    start = text.index(name)
    mention = PlaceMention("d", name, start, start + len(name), None, None, "gazetteer-exact")
    assert names_a_government(mention, text)


@pytest.mark.parametrize("text,countries", [
    # a capital however small names its country, in a headline too (Gambia 1981, Comoros
    # 2008), and unaccented (Colombia, Paraguay)
    ("AFTER THE COUP, BANJUL COUNTS ITS DEAD\nSenegalese troops landed. Senegal sent more. "
     "A Senegalese officer spoke in Dakar.", ["GM", "SN"]),
    ("Talks in Moroni ended on Friday.", ["KM"]),
    ("Police in Bogota said the bomb was defused.", ["CO"]),
    ("Soldiers marched through Asuncion overnight.", ["PY"]),
])
def test_places_context_capital_of_any_size_names_its_country(text, countries):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == countries


@pytest.mark.parametrize("text", [
    # a capital that is a common word or a person's name is no evidence (Falklands, Maldives)
    "Stanley Baldwin spoke in the House.",
    "Male prisoners were moved to another block.",
])
def test_places_context_ambiguous_capital_is_no_evidence(text):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == []


@pytest.mark.parametrize("text,countries", [
    # a one-word name closing a longer capitalised name names no country (Lahad Datu 2013:
    # "Kampung Tanjung Batu" is no Indonesian Batu) ...
    ("Troops swept Kampung Tanjung Batu near Lahad Datu.", []),
    # ... but an opener, a weekday or an acronym before it leaves it a name
    ("Fighting in Northern Gaza went on.", ["PS"]),
    ("On Tuesday Syria said no.", ["SY"]),
    ("The UN Syria envoy met the rebels.", ["SY"]),
    # renamed states by their older names (Macedonia 2001, Swaziland, East Timor 1999)
    ("Clashes went on near Kumanovo in Macedonia.", ["MK"]),
    ("Militias burned Dili, the capital of East Timor.", ["TL"]),
])
def test_places_context_names_inside_longer_names_and_old_names(text, countries):
    from sitrep.extract.context import article_countries

    assert article_countries(text) == countries
