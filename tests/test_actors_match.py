"""Actor lexicon: aliases, case-sensitive acronyms, longest match, war context, user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.extract.actors import ActorLexicon, load_actors


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return load_actors()


def _found(lex: ActorLexicon, text: str, countries: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    return [(m.alias, m.actor.name, m.actor.side) for m in lex.match(text, countries)]


@pytest.mark.parametrize("text,name", [
    ("Abu Mohammed al-Jolani visited the citadel.", "Hayat Tahrir al-Sham"),
    ("Abu Mohammad al-Julani spoke to CNN.", "Hayat Tahrir al-Sham"),
    ("The group's leader al-Golani said", "Hayat Tahrir al-Sham"),
    ("Abu Muhammad al-Jawlani addressed fighters.", "Hayat Tahrir al-Sham"),
    ("Ahmed al-Sharaa met envoys in Damascus.", "Hayat Tahrir al-Sham"),
    ("Hayat Tahrir Al Sham fighters advanced.", "Hayat Tahrir al-Sham"),
    ("fighters of Hay’at Tahrir al-Sham advanced", "Hayat Tahrir al-Sham"),
    ("the Syrian Democratic Forces said", "Syrian Democratic Forces"),
    ("Hemedti's men", "Rapid Support Forces"),
    ("the Tatmadaw bombed a village", "Myanmar military"),
])
def test_actors_alias_canonicalises_transliterations(lexicon, text, name):
    assert name in [n for _, n, _ in _found(lexicon, text)]


@pytest.mark.parametrize("text,absent", [
    ("The aa battery has run flat, officials said in Sittwe.", "Arakan Army"),
    ("The group has fighters near the road.", "HAS"),
    ("the hts value was low", "Hayat Tahrir al-Sham"),
    ("Anti-regime forces fire near Hama, Syria. (AA Photo)", "Arakan Army"),
])
def test_actors_acronyms_are_case_sensitive_and_context_bound(lexicon, text, absent):
    assert absent not in [n for _, n, _ in _found(lexicon, text)]


def test_actors_context_acronym_counts_in_its_own_war(lexicon):
    found = _found(lexicon, "The Arakan Army (AA) took the town from junta troops.")
    assert ("AA", "Arakan Army", "opposition") in found
    assert _found(lexicon, "The AA said it took the town.", ("MM",))[0][1] == "Arakan Army"


@pytest.mark.parametrize("text,alias,side", [
    ("137 pro-government forces and 61 civilians", "pro-government forces", "government"),
    ("Anti-regime forces captured Hama", "Anti-regime forces", "opposition"),
    ("The Free Syrian Army entered", "Free Syrian Army", "opposition"),
    ("Turkish-backed factions attacked Manbij", "Turkish-backed factions", "opposition"),
    ("Hezbollah fighters crossed", "Hezbollah fighters", "government"),
])
def test_actors_longest_match_wins(lexicon, text, alias, side):
    found = _found(lexicon, text, ("SY",))
    assert (alias, side) in [(a, s) for a, _, s in found]
    assert not any(a in ("forces", "government forces", "army") for a, _, _ in found)


@pytest.mark.parametrize("text,countries,name,side", [
    ("Hezbollah fired rockets.", ("SY",), "Hezbollah", "government"),
    ("Hezbollah fired rockets.", ("LB",), "Hezbollah", "opposition"),
    ("the army said", ("SD",), "Sudanese Armed Forces", "government"),
    ("the army said", ("SY",), "Syrian Arab Army", "government"),
    ("the army said", (), "government forces", "government"),
])
def test_actors_war_context_picks_the_entry(lexicon, text, countries, name, side):
    assert _found(lexicon, text, countries)[0][1:] == (name, side)


def test_actors_war_detected_from_text(lexicon):
    text = "Israel-Hamas war: the IDF said Hamas fighters fired. Hezbollah also fired."
    assert lexicon.detect_conflict(text) == "israel_gaza"
    assert ("Hezbollah", "opposition") in [(n, s) for _, n, s in _found(lexicon, text)]


@pytest.mark.parametrize("text,alias,side,backer", [
    ("Rwanda-backed rebels shelled Goma.", "Rwanda-backed rebels", "opposition", "Rwanda"),
    ("Iran-backed Shiite militias fought in Deir ez-Zor.", "Iran-backed Shiite militias", "government", "Iran"),
    ("pro-junta militias burned the village", "pro-junta militias", "government", None),
    ("Eritrean troops crossed the border", "Eritrean troops", "foreign", None),
    ("Syrian troops withdrew", "Syrian troops", "government", None),
])
def test_actors_side_word_takes_left_modifier(lexicon, text, alias, side, backer):
    countries = {"Goma": ("CD",), "Deir": ("SY",), "junta": ("MM",), "Eritrean": ("SD",), "Syrian": ("SY",)}
    ctx = next(v for k, v in countries.items() if k in text)
    m = lexicon.match(text, ctx)[0]
    assert (m.alias, m.actor.side, m.backer) == (alias, side, backer)


def test_actors_unknown_name_is_not_a_side_word(lexicon):
    # "Army" inside a name no file knows must not become government forces.
    assert _found(lexicon, "Fighters of the Lord's Resistance Army attacked.") == [("Fighters", "fighters", "unknown")]


@pytest.mark.parametrize("label,side", [
    ("regime forces", "government"), ("rebels", "opposition"), ("jihadi insurgents", "opposition"),
    ("civilians", "civilians"), ("soldiers", "government"), ("gunmen", None), ("the weather", None),
])
def test_actors_side_of_label(lexicon, label, side):
    assert lexicon.side_of_label(label) == side


def test_actors_user_file_is_merged(tmp_path, monkeypatch):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.json").write_text(json.dumps({
        "conflict": "testland", "countries": ["TL"],
        "actors": [{"name": "Harbour Action Squad", "side": "opposition", "acled_type": "Rebel group",
                    "aliases": ["HAS", "Harbour Action Squad"]}],
    }), encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    lex = load_actors()
    assert _found(lex, "HAS fighters seized the port.")[0][1:] == ("Harbour Action Squad", "opposition")
    assert _found(lex, "The group has seized the port.") == []
    assert _found(lex, "HTS seized Aleppo.")[0][1] == "Hayat Tahrir al-Sham"  # packaged data still there


def test_actors_extra_paths(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"conflict": "x", "countries": [],
                                "actors": [{"name": "Blue Brigade", "side": "government", "aliases": ["Blue Brigade"]}]}),
                    encoding="utf-8")
    assert _found(load_actors([Path(path)]), "the Blue Brigade moved")[0][1] == "Blue Brigade"


def test_actors_offsets_point_into_text(lexicon):
    text = "On Tuesday, Syrian rebels and HTS fighters entered Hama."
    for m in lexicon.match(text):
        assert text[m.start:m.end] == m.alias


def test_actors_data_files_are_well_formed():
    sides = {"government", "opposition", "foreign", "civilians", "unknown"}
    types = {None, "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
             "External/Other forces", "Civilians"}  # ACLED's actor types
    root = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "actors"
    files = sorted(root.glob("*.json"))
    assert {f.stem for f in files} >= {"syria", "ukraine", "israel_gaza", "sudan", "drc", "myanmar", "yemen", "generic"}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for actor in data["actors"]:
            assert actor["side"] in sides, (f.name, actor["name"])
            assert actor.get("acled_type") in types, (f.name, actor["name"])
            assert actor["aliases"], (f.name, actor["name"])


@pytest.mark.parametrize("text,name,side", [
    # wars with their own data file since issue 9: the side of each named actor
    ("Al Shabaab militants regained control of the town after the SNA withdrew.", "al-Shabaab", "opposition"),
    ("Tigrayan forces said they had entered the town.", "Tigray People's Liberation Front", "opposition"),
    ("Fano militias clashed with the ENDF near Gondar.", "Fano", "opposition"),
    ("JNIM fighters attacked a FAMa post near Timbuktu.", "JNIM", "opposition"),
    ("ISWAP fighters overran a military base in Borno.", "ISWAP", "opposition"),
    ("Azerbaijani forces launched an offensive in Karabakh.", "Azerbaijani Armed Forces", "government"),
    ("Viv Ansanm gangs attacked the police station.", "Viv Ansanm", "opposition"),
    ("The ethnic army said it had seized the base.", "opposition forces", "opposition"),
])
def test_actors_more_wars(lexicon, text, name, side):
    assert (name, side) in [(n, s) for _, n, s in _found(lexicon, text)]


@pytest.mark.parametrize("text,named,war", [
    # a war's common-word alias ("bandits") is no proof of that war unless the text names one
    # of its countries; a name is (southern Thailand, Nigeria, CAR)
    ("Bandits raided villages near Pattani; the army said 17 suspects were captured.", (), None),
    ("Bandits raided two villages in Zamfara state overnight.", ("NG",), "lake_chad"),
    ("Seleka fighters entered the town at dawn.", (), "car"),
])
def test_actors_common_word_alias_needs_its_wars_country(lexicon, text, named, war):
    assert lexicon.detect_conflict(text, named) == war


@pytest.mark.parametrize("text,war", [
    # an acronym the text spells out as its own body is no other war's group of those letters
    # (Namibia's NDF is no Syrian militia); spelt as the group's name, or not spelt, it is
    ("The dead included three members of the Namibian Defence Force (NDF). The NDF said.", None),
    ("Fighters of the National Defence Forces (NDF) attacked the village near Homs.", "syria"),
    ("The NDF attacked the village near Homs.", "syria"),
    ("The Mouvement National de Libération de l'Azawad (MNLA) attacked Kidal.", "sahel"),
])
def test_actors_acronym_spelt_as_another_body(lexicon, text, war):
    assert lexicon.detect_conflict(text) == war


def test_actors_acronym_never_spelt_out_proves_its_war(lexicon):
    # an acronym used many times and never spelt out in brackets still names its war (the RSF
    # in a long Sudan story; the brackets are looked for with a plain search per use)
    text = "The RSF said its fighters advanced. " * 2000 + "Fighters of the RSF took Wad Madani."
    assert lexicon.detect_conflict(text) == "sudan"
