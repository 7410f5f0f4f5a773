"""Word lists of the extraction and ingest rules that were written in the code, now read from
the data files (actor_words.json, claimant_kinds.json, gazetteer/place_words.json,
date_words.json, number_words.json, ingest_words.json): every word of a list works where its
rule uses it, and a word added to a list is read with no change to the code. Sentences are
our own, from several wars."""

from __future__ import annotations

import dataclasses
import re

import pytest

from sitrep.extract import actor_infer, claimant_names, claimant_states, claimants
from sitrep.extract.date_phrases import EXPLICIT
from sitrep.extract.entry_labels import STATION_LABEL
from sitrep.extract.numbers import find_figures
from sitrep.extract.places import facilities
from sitrep.ingest import dateline, glue, outlets
from sitrep.lexicon.actor_words import actor_words
from sitrep.lexicon.date_words import date_words
from sitrep.lexicon.ingest_words import ingest_words
from sitrep.lexicon.loader import read_json
from sitrep.lexicon.numbers import number_words
from sitrep.lexicon.place_words import place_words


def test_actors_every_backing_verb_makes_a_backed_phrase() -> None:
    for verb in actor_words().backing_verbs:
        m = actor_infer._backed_phrase().match(f"Rwanda-{verb} M23 rebels")  # eastern Congo
        assert m is not None and m.group("backer") == "Rwanda" and m.group("rest") == "M23 rebels", verb


def test_actors_a_backing_verb_added_to_the_data_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    words = actor_words()
    phrase = "Kremlin-financed Wagner fighters"  # Mali
    actor_infer._backed_phrase.cache_clear()
    assert actor_infer._backed_phrase().match(phrase) is None
    more = dataclasses.replace(words, backing_verbs=(*words.backing_verbs, "financed"))
    monkeypatch.setattr(actor_infer, "actor_words", lambda: more)
    actor_infer._backed_phrase.cache_clear()
    try:
        assert actor_infer._backed_phrase().match(phrase).group("backer") == "Kremlin"
    finally:
        actor_infer._backed_phrase.cache_clear()


def test_places_force_name_ends_are_the_datas() -> None:
    assert facilities._FORCE_BODIES == frozenset(read_json("actor_words.json")["force_name_ends"])
    assert {"brigade", "command", "gendarmerie"} <= facilities._FORCE_BODIES


@pytest.mark.parametrize("body", ["the Ministry of Social Welfare", "the Kenya Red Cross Society"])
def test_claimants_every_people_word_speaks_for_the_named_body(body: str) -> None:
    words = read_json("claimant_kinds.json")["people_of_a_body"]
    assert claimant_names.PEOPLE_OF_A_BODY == frozenset(words)
    for word in words:
        m = claimants._PEOPLE_OF_NAMED_BODY.match(f"Senior {word} of {body}")
        assert m is not None and m.group("body") == body, word
    assert claimants._PEOPLE_OF_NAMED_BODY.match(f"Drivers of {body}") is None  # no word of the list


def test_claimants_portfolio_heads_are_the_datas() -> None:
    assert claimant_states._PORTFOLIO_HEADS == frozenset(read_json("claimant_kinds.json")["portfolio_heads"])


def test_claimants_every_owned_body_head_follows_a_generic_owner() -> None:
    for head in read_json("claimant_kinds.json")["owned_body_heads"]:
        assert claimant_names._generic_owner().match(f"the regime's {head} said"), head  # Syria
    assert claimant_names._generic_owner().match("the regime's 5th said") is None


def test_claimants_every_owner_head_is_named_owner_first() -> None:
    for head in read_json("claimant_kinds.json")["owner_heads"]:
        assert claimant_names.owner_first(f"{head} of Khuzestan") == f"Khuzestan {head}", head  # Iran-Iraq
    assert claimant_names.owner_first("bakery of Khuzestan") == "bakery of Khuzestan"


def test_claimants_every_where_it_lies_word_ends_a_speakers_name() -> None:
    words = place_words()
    for noun in words.lie_on_nouns:
        assert claimant_names._WHERE_IT_IS.match(f"on the {noun} of Ramadi"), noun  # Iraq
    for point in words.compass_points:
        assert claimant_names._WHERE_IT_IS.match(f"{point} of Goma"), point  # eastern Congo
        assert claimant_names._WHERE_IT_IS.match(f"{point}ern of Goma"), point
    assert claimant_names._WHERE_IT_IS.match("on the roof of Ramadi hospital") is None


def test_claims_every_clock_label_ends_a_stations_hour() -> None:
    for label in date_words().clock_labels:
        text = f"Radio Freedom, 0630 {label}: The station said four soldiers died."  # a digest
        m = STATION_LABEL.match(text)
        assert m is not None and text[m.end():].startswith("The station"), label
    assert STATION_LABEL.match("Radio Freedom, 0630 sharp: The station said.") is None


def test_dates_a_year_before_people_is_no_year() -> None:
    year_only = EXPLICIT[-1][0]
    for noun in date_words().people_after_a_year:
        assert year_only.search(f"Fighting in 1994 {noun} fled the valley.") is None, noun  # Rwanda
    assert year_only.search("Fighting in 1994 drove them out.") is not None


def test_numbers_every_hedge_before_a_high_makes_one_range() -> None:
    for hedge in number_words().hedges_before_a_high:
        figures = find_figures(f"At least 30, and {hedge} up to 80, villagers were killed.")  # Nagorno-Karabakh
        assert [(f.low, f.high) for f in figures] == [(30, 80)], hedge
    assert len(find_figures("At least 30, and reportedly up to 80, villagers were killed.")) == 2


def test_ingest_every_dateline_filler_leaves_the_line_a_dateline() -> None:
    words = ingest_words()
    assert dateline._FILLER == words.dateline_fillers
    for word in words.dateline_fillers:
        assert dateline.dateline_date(f"{word} 04 December 2024") is not None, word
    assert dateline.dateline_date("Shelling 04 December 2024") is None


def test_ingest_every_month_word_of_the_data_reads_a_date() -> None:
    for word, month in date_words().months.items():
        found = dateline.parse_date(f"{word.capitalize()} 4, 2024")
        assert found is not None and found.month == month, word


def test_ingest_page_furniture_words_are_the_datas() -> None:
    words = ingest_words()
    for credit in words.credit_words:
        assert dateline._CREDIT_HINT.search(f"{credit} / 3 May 2024"), credit
    for opener in words.published_words:
        assert dateline._PUBLISHED_HINT.search(f"{opener.capitalize()}: 3 May 2024"), opener
    for nav in words.navigation_words:
        assert outlets._NAV.search(f"Kyiv Independent {nav}"), nav
    assert not outlets._NAV.search("Kyiv Independent reporters")
    for opener in words.byline_openers:
        m = outlets._BYLINE.match(f"{opener.capitalize()} Nyan Lin Aung")  # Myanmar
        assert m is not None and m.group("rest") == "Nyan Lin Aung", opener


def test_ingest_every_english_suffix_makes_a_glued_left_part_a_word() -> None:
    for suffix in ingest_words().english_suffixes:
        assert glue._is_word(f"Zorb{suffix}"), suffix
    assert not glue._is_word("Zorbqx")


def test_events_an_unnamed_winner_is_no_named_actor(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from sitrep.extract import events

    def actor(text: str) -> SimpleNamespace:
        return SimpleNamespace(known=False, acled_type="", as_written=text, name=text)

    for word in actor_words().unnamed_winners:
        assert not events._unknown_named_actor(actor(word.capitalize())), word
    assert events._unknown_named_actor(actor("Militiamen"))  # no word of the list: a name
    words = actor_words()
    monkeypatch.setattr(events, "actor_words", lambda: dataclasses.replace(
        words, unnamed_winners=words.unnamed_winners | {"militiamen"}))
    assert not events._unknown_named_actor(actor("Militiamen"))


def test_claims_the_titles_and_staff_roles_hold_the_words_the_code_once_added() -> None:
    from sitrep.extract.claimant_names import _body_roles
    from sitrep.extract.events.slot_names import _person_words

    assert {"mr", "mrs", "ms", "dr"} <= _person_words()  # "Dr Tedros" opens a person's name
    assert {"commander", "commanders", "leader", "leaders"} <= _body_roles()


def test_places_every_city_description_points_back_to_the_last_city() -> None:
    from sitrep.extract import front
    from sitrep.extract.places import resolve

    for noun in place_words().descriptions["city"]:
        assert front._CITY_ANAPHOR.match(f" the {noun} fell"), noun  # Mosul
        assert resolve._RELATION_OF.match(f", north of the {noun}").group(1) == f"the {noun}", noun
    assert resolve._RELATION_OF.match(", north of the river").group(1) is None


def test_claimants_every_owner_name_noun_stays_in_the_owners_name() -> None:
    for noun in read_json("claimant_kinds.json")["owner_name_nouns"]:
        m = claimant_names._OF_OWNER.match(f"Ministry of Interior of Kurdistan {noun}")  # Iraq
        assert m is not None and m.group("owner") == f"Kurdistan {noun}", noun


def test_ingest_every_new_link_target_is_a_screen_reader_label() -> None:
    from sitrep.ingest import clean

    for target in ingest_words().new_link_targets:
        text = f"the ministry said in a statement, opens new {target}, on Monday"  # a wire page
        assert clean._LINK_ARTIFACT.sub("", text) == "the ministry said in a statement, on Monday", target


def test_ingest_every_copyright_word_makes_a_copyright_line() -> None:
    for word in ingest_words().copyright_words:
        assert outlets._COPYRIGHT.search(f"The Irrawaddy 2024. {word.title()}."), word  # Myanmar
    assert not outlets._COPYRIGHT.search("The Irrawaddy 2024. Reporting from Yangon.")
