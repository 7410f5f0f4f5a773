"""Extraction's memos (issue 14, stop 22): pure functions of a text asked again for the
same sentence, phrase or name answer as they did, hand out copies, and forget what a
changed lexicon would read differently."""

from __future__ import annotations

import pytest

from sitrep.extract.claimant_files import load_claimants
from sitrep.extract.claimants import ClaimantEntry, ClaimantLexicon
from sitrep.extract.gazetteer import get_gazetteer
from sitrep.extract.numbers import find_figures
from sitrep.extract.places import candidates
from sitrep.sentence_gate import _has_figure


def _lexicon() -> ClaimantLexicon:
    lex = ClaimantLexicon()
    lex.add("the Ministry of Health", ClaimantEntry("Ministry of Health", "government", frozenset({"LB"}), False), False)
    return lex


def test_extract_claimant_scan_forgets_texts_when_an_alias_is_added():
    lex = _lexicon()
    text = "The Ministry of Health said 12 died, and the Civil Defence said 30 were hurt."
    assert [m.claimant.name for m in lex.find(text, ["LB"])] == ["Ministry of Health"]
    lex.add("the Civil Defence", ClaimantEntry("Civil Defence", "rescue", frozenset({"LB"}), False), False)
    assert [m.claimant.name for m in lex.find(text, ["LB"])] == ["Ministry of Health", "Civil Defence"]


@pytest.mark.parametrize("text, countries", [
    ("The health ministry in Gaza said 40 people were killed in Khan Younis.", ["PS", "IL"]),
    ("Sudan's health ministry and the Sudan Doctors Network gave different tolls in El Fasher.", ["SD"]),
    ("The Ukrainian General Staff said Russian troops were repelled near Pokrovsk.", ["UA", "RU"]),
])
def test_extract_claimant_scan_is_the_same_whatever_the_countries_asked_first(text, countries):
    """The scan is kept per text; the choice among entries still follows each call's countries."""
    fresh = load_claimants()
    lex = ClaimantLexicon(entries=fresh.entries, acronyms=fresh.acronyms, parents=fresh.parents,
                          kind_words=fresh.kind_words, kind_acronyms=fresh.kind_acronyms)
    first = [(m.start, m.claimant.name) for m in lex.find(text, list(reversed(countries)))]
    again = [(m.start, m.claimant.name) for m in lex.find(text, countries)]
    other = ClaimantLexicon(entries=fresh.entries, acronyms=fresh.acronyms, parents=fresh.parents,
                            kind_words=fresh.kind_words, kind_acronyms=fresh.kind_acronyms)
    assert again == [(m.start, m.claimant.name) for m in other.find(text, countries)]
    assert first == [(m.start, m.claimant.name) for m in other.find(text, list(reversed(countries)))]


def test_extract_figures_memo_hands_out_a_new_list_each_time():
    text = "At least 23 people were killed and about 40 wounded in Kharkiv."
    figures = find_figures(text)
    figures.clear()
    again = find_figures(text)
    assert [(f.text, f.low, f.high) for f in again] == [("At least 23", 23, None), ("about 40", 40, 40)]


@pytest.mark.parametrize("run", ["Syria", "Idlib", "Goma", "Georgia", "Sunday"])
def test_extract_country_evidence_memo_answers_as_the_lookup(run):
    gazetteer = get_gazetteer()
    expected = candidates._country_evidence(run, gazetteer)
    first = candidates.country_evidence(run, gazetteer)
    first[0].append("XX")  # the caller's list, not the memo's
    assert candidates.country_evidence(run, gazetteer) == expected


@pytest.mark.parametrize("sentence, has", [
    ("A dozen fighters were killed near Marib.", True),
    ("Scores of houses burned in the Darfur town.", True),
    ("Shelling hit 3 villages overnight.", True),
    ("Dozens were detained in Goma.", True),
    ("The army said the town had been retaken.", False),
    ("Onerous checks slowed aid convoys to Tigray.", False),  # "one" only as a word
])
def test_extract_figure_words_found_as_the_flat_list_did(sentence, has):
    assert _has_figure(sentence) is has


def test_extract_candidates_memo_hands_out_a_new_list_of_the_same_candidates():
    from sitrep.extract.claims.candidates import sentence_candidates
    from sitrep.lexicon.claim_terms import load_terms

    text = "The ministry said 12 civilians were killed and 30 wounded in Hama."
    first = sentence_candidates(text, load_terms())
    read = [(c.figure.text, c.rule) for c in first]
    assert [figure for figure, _ in read] == ["12", "30"]
    first.clear()  # a caller's list is its own
    assert [(c.figure.text, c.rule) for c in sentence_candidates(text, load_terms())] == read


def test_extract_candidates_memo_reads_again_for_other_terms():
    import dataclasses

    from sitrep.extract.claims.candidates import sentence_candidates
    from sitrep.lexicon.claim_terms import load_terms

    text = "Officials said 12 civilians were killed."
    terms = load_terms()
    assert sentence_candidates(text, terms)
    correcting = dataclasses.replace(terms, correction_notes=("officials",))  # this text: a correction now
    assert sentence_candidates(text, correcting) == []
    assert sentence_candidates(text, terms)
