"""Word lists that were alternations inside the code's regexes, now read from the data files
(``attribution`` and ``figures`` of claim_terms.json, date_words.json): every word of a list
is matched where its regex uses it, so a word added to the file is matched with no change
to the code. Sentences are our own, from several wars."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.extract.claims.candidates import sentence_candidates
from sitrep.extract.claims.speech_patterns import AS_REPORTS, LEADING_SAY, TRAILING_SAY
from sitrep.extract.date_phrases import EXPLICIT, WEEKDAY_RX, weekday_date
from sitrep.lexicon.claim_terms import load_attribution_terms, load_figure_terms, load_terms
from sitrep.lexicon.date_words import date_words
from sitrep.lexicon.patterns import alternation


def _candidates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.figure.text, c.rule, c.noun.quantity if c.noun else None) for c in sentence_candidates(text, load_terms())]


def test_lexicon_alternation_matches_a_word_added_to_its_list() -> None:
    said = re.compile(rf"^{alternation(['said', 'says'])}$")
    assert said.match("says") and not said.match("stated")
    assert re.compile(rf"^{alternation(['said', 'says', 'stated'])}$").match("stated")


@pytest.mark.parametrize("any_space, text, matched", [
    (True, "at  least", True), (True, "at least", True), (False, "at least", True), (False, "at  least", False),
])
def test_lexicon_alternation_spaces_in_phrases(any_space: bool, text: str, matched: bool) -> None:
    assert bool(re.fullmatch(alternation(["about", "at least"], any_space=any_space), text)) is matched


@pytest.mark.parametrize("speaker, rest", [
    ("Doctors Without Borders", "that 40 people died in El Fasher."),  # Sudan
    ("The Haitian National Police", "that 30 gang members were killed in Cite Soleil."),  # Haiti
    ("Ukraine's General Staff", "that 12 drones were downed over Kharkiv."),  # Ukraine
])
def test_claims_every_leading_speech_form_gives_the_speaker(speaker: str, rest: str) -> None:
    forms = load_attribution_terms().speech_forms["leading"]
    assert forms
    for form in forms:
        m = LEADING_SAY.match(f"{speaker} {form} {rest}")
        assert m is not None and m.group("who") == speaker, form
    assert LEADING_SAY.match(f"{speaker} whispered {rest}") is None  # a verb of no list


@pytest.mark.parametrize("figure, speaker", [
    ("Forty people were killed in Rafah", "the Gaza health ministry"),  # Gaza
    ("Nine soldiers died near Nagorno-Karabakh's border", "Armenia's defence ministry"),  # Armenia-Azerbaijan
    ("Eleven civilians were wounded in Sittwe", "a local rescue worker"),  # Myanmar
])
def test_claims_every_trailing_speech_form_gives_the_speaker(figure: str, speaker: str) -> None:
    for form in load_attribution_terms().speech_forms["trailing"]:
        m = TRAILING_SAY.search(f"{figure}, {speaker} {form}.")
        assert m is not None and m.group("who") == speaker, form


@pytest.mark.parametrize("speaker, rest", [
    ("Radio Okapi", "30 people were abducted near Beni."),  # DR Congo
    ("the Yemeni Red Crescent", "17 people died in Hodeidah."),  # Yemen
])
def test_claims_every_as_reports_form_gives_the_speaker(speaker: str, rest: str) -> None:
    for form in load_attribution_terms().speech_forms["as_reports"]:
        m = AS_REPORTS.match(f"As {speaker} {form}, {rest}")
        assert m is not None and m.group("who") == speaker, form


@pytest.mark.parametrize("published", [date(2024, 5, 15), date(2023, 10, 9), date(2020, 11, 29)])
def test_dates_every_weekday_word_resolves_to_its_day(published: date) -> None:
    weekdays = date_words().weekdays
    assert len(weekdays) == 7
    for number, day in enumerate(weekdays):
        for part in date_words().parts_of_day:
            m = WEEKDAY_RX.search(f"Drones struck the port on {day.capitalize()} {part}, officials said.")
            assert m is not None and m.group(0).endswith(part)
            resolved, precision = weekday_date(m, published)
            assert resolved.weekday() == number and 0 <= (published - resolved).days < 7 and precision == "day"


def _explicit(text: str, published: date) -> date | None:
    for rx, resolve in EXPLICIT:
        m = rx.search(text)
        if m is not None:
            got = resolve(m, published)
            return got[0] if got else None
    return None


@pytest.mark.parametrize("template", [
    "Rebels entered Goma on 5 {month} 2023.",  # DR Congo
    "The siege of Mariupol tightened on {month} 5, 2023.",  # Ukraine
])
def test_dates_every_month_word_resolves_to_its_month(template: str) -> None:
    words = date_words()
    assert "may" in words.month_names and "sept" in words.month_abbreviations
    for word, month in words.months.items():
        written = word.capitalize() + ("." if word in words.month_abbreviations else "")
        assert _explicit(template.format(month=written), date(2023, 12, 31)) == date(2023, month, 5), word
    assert _explicit(template.format(month="Brumaire"), date(2023, 12, 31)) is None  # a month of no list


@pytest.mark.parametrize("key, template, rule", [
    ("flee_verbs", "Shelling in Khartoum forced 6,000 to {word}.", "figure+forced-to-leave"),  # Sudan
    ("home_nouns", "Fighting near Goma drove 9,000 from their {word}.", "figure+forced-from-homes"),  # DR Congo
    ("running_total_verbs", "The strike in Marib {word} the number of people killed this month to 57.",
     "figure+running-total"),  # Yemen
    ("count_is_verbs", "In Tigray the number of people who died in the siege {word} 3,100.",
     "figure+number-of-is"),  # Ethiopia
    ("level_count_nouns", "The {word} of those killed in the Port-au-Prince raids has reached 212.",
     "figure+level-verb"),  # Haiti
])
def test_claims_every_word_of_a_figure_list_makes_its_rule_fire(key: str, template: str, rule: str) -> None:
    words = getattr(load_figure_terms(), key)
    assert words
    for word in words:
        found = _candidates(template.format(word=word))
        assert [r for _, r, _ in found] == [rule], word
    assert all(r != rule for _, r, _ in _candidates(template.format(word="zzz")))  # a word of no list


@pytest.mark.parametrize("template", [
    "Officials in Sumy said the {word} had climbed to 40.",  # Ukraine
    "By Friday the {word} in Deir al-Balah stood at 61.",  # Gaza
])
def test_claims_every_death_toll_word_counts_the_killed(template: str) -> None:
    for word in load_figure_terms().death_toll_words:
        found = _candidates(template.format(word=word))
        assert [q for _, _, q in found] == ["killed"], word


@pytest.mark.parametrize("place", ["Khan Younis", "Mekelle", "Bakhmut"])
def test_claims_a_subset_of_the_counted_by_condition_is_no_claim(place: str) -> None:
    for word in load_figure_terms().subset_nouns:
        found = _candidates(f"Hospitals in {place} took in 300 people; 10 of the {word} are critical.")
        assert [f for f, _, _ in found] == ["300"], word


def test_claims_every_spokes_title_speaks_for_the_body_in_view() -> None:
    """'According to the spokeswoman' carries the speaker (Gaza, Ukraine); 'Operation
    spokesman X' speaks for the state's forces (Nigeria's Operation Hadin Kai)."""
    import importlib

    claims = importlib.import_module("sitrep.extract.claims.unparsed")
    defined = importlib.import_module("sitrep.extract.claims.person_offices")
    titles = load_attribution_terms().spokes_titles
    assert titles
    for title in titles:
        assert claims._ACCORDING_TO_PRONOUN.match(f"According to the {title}, 30 people were killed in Khan Younis.")
        assert defined._OPERATION_OFFICE.match(f"Operation {title}")
        assert title in defined._SPOKES_TITLES
    assert not claims._ACCORDING_TO_PRONOUN.match("According to the witness, 30 people were killed in Avdiivka.")


@pytest.mark.parametrize("lead, key", [
    ("Forty-one people died in Osh, by the official {}.", "official_count_by"),  # Kyrgyzstan 2010
    ("1,200 homes burned in Bakhmut, according to official {}.", "official_count_according"),  # Ukraine
])
def test_claims_every_official_count_word_is_the_states_count(lead: str, key: str) -> None:
    attribution = __import__("importlib").import_module("sitrep.extract.claims.source_lines")
    words = getattr(load_attribution_terms(), key)
    assert words
    for word in words:
        assert attribution._OFFICIAL_COUNT.search(lead.format(word)), word
    assert not attribution._OFFICIAL_COUNT.search(lead.format("story"))


def test_claims_every_treated_verb_says_the_people_were_hurt() -> None:
    """'76 people were treated in the city's hospitals' (Haiti), 'were hospitalised at' (Sudan)."""
    quantity = __import__("importlib").import_module("sitrep.extract.claims.quantity")
    verbs = load_figure_terms().treated_verbs
    assert verbs
    for verb in verbs:
        assert quantity._TREATED.match(f" people were {verb} in the hospitals of Port-au-Prince"), verb
    assert not quantity._TREATED.match(" people were housed in the schools of El Fasher")


def test_actors_every_backing_verb_names_the_backer() -> None:
    """'the Iran-backed Houthis' (Yemen), 'Rwanda-supported M23 rebels' (DRC)."""
    from sitrep.extract.actors import _BACKED_LEFT
    from sitrep.lexicon.actor_words import actor_words

    verbs = actor_words().backing_verbs
    assert verbs
    for verb in verbs:
        m = _BACKED_LEFT.search(f"clashes with the Rwanda-{verb} M23 ")
        assert m is not None and m.group("backer") == "Rwanda", verb
    assert _BACKED_LEFT.search("clashes with the Rwanda-based M23 ") is None


def test_events_every_parenthesis_noun_stays_with_its_name() -> None:
    """'Lalibela town (North Wello, Amhara)' (Ethiopia), 'Laiza township (Waingmaw, Kachin)' (Myanmar)."""
    from sitrep.extract.events.parentheses import NAME_BEFORE_PAREN as _NAME_BEFORE_PAREN
    from sitrep.lexicon.place_words import place_words

    nouns = place_words().parenthesis_nouns
    assert nouns
    for noun in nouns:
        m = _NAME_BEFORE_PAREN.search(f"fighting near Lalibela {noun} ")
        assert m is not None and m.group(0).startswith("Lalibela"), noun
    assert _NAME_BEFORE_PAREN.search("fighting near Lalibela airport ") is None
