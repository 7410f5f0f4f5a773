"""The claim rules' own word lists (``rule_words`` in data/claim_terms.json, read through
``sitrep.lexicon.claim_rule_words``): every word of a list is matched where its rule uses
it, and a word added to the file is matched with no change to the code. Sentences are our
own, from several wars."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep.extract.claims  # noqa: F401  (the package first: its modules import each other)
from sitrep.lexicon.claim_rule_words import in_order, word_map, word_set, words

_SRC = Path(__file__).resolve().parents[1] / "src"


def _module(name: str):
    return importlib.import_module(f"sitrep.extract.claims.{name}")


def test_lexicon_rule_words_in_order_keeps_the_order_written() -> None:
    # the first branch that fits wins, as in the regexes the lists were taken from
    assert re.match(in_order(["walk", "walked"]), "walked out").group() == "walk"
    assert re.match(in_order(["walked", "walk"]), "walked out").group() == "walked"
    assert re.fullmatch(in_order(["put out"]), "put   out")
    assert not re.fullmatch(in_order(["radio station"], any_space=False), "radio  station")
    assert re.fullmatch(in_order(["rebels’", "in-charge"]), "in-charge")


@pytest.mark.parametrize("key, rule, text", [
    ("violence_nouns", ("quantity", "_FROM_VIOLENCE"), " treated after the {}"),  # e.g. Kenya 2008
    ("wound_kinds", ("quantity", "_CASUALTIES_WITH_WOUNDS"), " with shrapnel {}"),
    ("walked_out_verbs", ("quantity", "_WALKED_OUT"), " {} free"),
    ("leading_verbs", ("subject_phrases", "_LED_BY"), "an inquiry panel {} by two retired judges"),
    ("described_places", ("subject_phrases", "_WHERE_AFTER"), "a police officer in the {}"),
    ("early_record_ages", ("subject_phrases", "_EARLY_RECORD"), "the {} figures"),
    ("plural_body_ends", ("subject_phrases", "_BODIES_END"), "local {}"),
    ("groups_officer_words", ("subject_possessors", "_GROUPS_OFFICER"), "the {}'s spokesman"),
    ("update_note_verbs", ("publisher", "_UPDATE_NOTE"), "({} toll in paragraph 3)"),
    ("source_line_labels", ("source_lines", "_SOURCE_LINE"), "{}: Ministry of Health"),
    ("own_level_verbs", ("figure_counts", "_OWN_LEVEL_SUBJECT"), "as refugees {} to"),
    ("institution_heads", ("bodies_before", "INSTITUTION_HEAD"), "the {}"),
    ("police_roles", ("service_bodies", "_BARE_POLICE"), "a police {}"),  # e.g. Papua New Guinea
    ("toll_hedges", ("category_toll", "_TOLL_TO"), "raised the toll to {} "),
    ("figure_record_nouns", ("attribution", "_RECORD_OF_FIGURE"), "{} from the Red Crescent of some 40 dead"),
])
def test_claims_every_rule_word_is_matched_where_its_rule_uses_it(key: str, rule: tuple[str, str], text: str) -> None:
    pattern = getattr(_module(rule[0]), rule[1])
    assert words(key)
    for word in words(key):
        assert pattern.search(text.format(word)), (key, word)
    assert not pattern.search(text.format("zebra")), key  # a word of no list


def test_claims_rule_word_sets_are_the_data_lists() -> None:
    speaker = _module("category_speaker")
    assert speaker._CIVIL_OFFICES == word_set("civil_offices")
    assert speaker._ARMED_BODY_WORDS == word_set("armed_body_words")
    # the speaker's pronouns stay in code; the bodies' nouns come from data
    assert speaker._SPEAKER_PRONOUNS == {"it", "they", "we"} | word_set("speaker_body_nouns")
    assert _module("quantity_parse")._CUSTODY == word_set("custody_nouns")
    assert _module("person_offices")._POSITION_QUALIFIERS == word_set("position_qualifiers")
    assert _module("line_labels")._MEDIA_LABELS == words("media_labels")
    assert _module("subject_phrases")._AREA_LEVEL["governorate"] == word_map("area_levels")["governorate"] == "provincial"


# Run in a fresh interpreter: the rules build their regexes and sets once, at import, from
# a claim_terms.json given one more word per list.
_ADDED_WORDS = r'''
import json, sys
from functools import lru_cache
from sitrep.lexicon import loader

ADDED = json.loads(sys.argv[1])
_original = loader.read_json

@lru_cache(maxsize=None)
def read_json(*parts):
    data = _original(*parts)
    if parts == ("claim_terms.json",):
        data = json.loads(json.dumps(data))
        for key, word in ADDED.items():
            data["rule_words"][key] = [*data["rule_words"][key], word]
    return data

loader.read_json = read_json
import importlib
import sitrep.extract.claims
m = lambda name: importlib.import_module("sitrep.extract.claims." + name)
print(json.dumps({
    "violence": bool(m("quantity")._FROM_VIOLENCE.match(" injured in the landslide")),
    "civil_office": "sheikh" in m("category_speaker")._CIVIL_OFFICES,
    "led_by": m("subject_phrases")._LED_BY.match("a fact-finding team steered by a bishop").group("body"),
    "station_staff": bool(m("broadcasters")._STATIONS_STAFF.match("the radio's stringer in Goma")),
    "own_count": bool(sitrep.extract.claims._OWN_COUNT.search("according to this broadcaster's reckoning")),
}))
'''


def test_claims_a_word_added_to_the_file_is_matched_with_no_code_change() -> None:
    added = {"violence_nouns": "landslide", "civil_offices": "sheikh", "leading_verbs": "steered",
             "station_staff_nouns": "stringer", "own_outlet_nouns": "broadcaster"}
    env = {**os.environ, "PYTHONPATH": str(_SRC)}
    out = subprocess.run([sys.executable, "-c", _ADDED_WORDS, json.dumps(added)], env=env, capture_output=True,
                         text=True, check=True, timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "violence": True, "civil_office": True, "led_by": "a fact-finding team", "station_staff": True, "own_count": True}
    # and without the added words, none of them is matched
    assert not _module("quantity")._FROM_VIOLENCE.match(" injured in the landslide")
    assert "sheikh" not in _module("category_speaker")._CIVIL_OFFICES
    assert not _module("subject_phrases")._LED_BY.match("a fact-finding team steered by a bishop")
    assert not _module("broadcasters")._STATIONS_STAFF.match("the radio's stringer in Goma")
    assert not sitrep.extract.claims._OWN_COUNT.search("according to this broadcaster's reckoning")
