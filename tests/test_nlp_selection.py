"""Which sentences reach the parser: selection reads its words from data/event_terms.json
(``sentence_selection``) and lets through every word that starts an event rule's trigger,
so a word added to a rule cannot be read by the rule yet never parsed."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep import nlp
from sitrep.lexicon.event_terms import load_event_terms
from sitrep.records import Article


def test_nlp_selection_reaches_every_trigger_word_of_the_event_rules():
    terms = load_event_terms()
    companions = set(nlp._selection()["companion_only"])
    assert companions <= terms.any_trigger, f"companion-only words no rule reads: {sorted(companions - terms.any_trigger)}"
    strong, weak = nlp._strong_regex(), nlp._weak_regex()
    unreached = sorted(w for w in terms.any_trigger - companions if not (strong.match(w) or weak.match(w)))
    assert not unreached


@pytest.mark.parametrize("sentence", [
    "Azerbaijani troops occupied the village of Talish on Tuesday.",       # Karabakh
    "Houthi fighters conquered the district of Nihm, the group said.",     # Yemen
    "Two junta sorties hit Lashio overnight, residents said.",             # Myanmar
    "Moscow rushed reinforcements to Kursk after the incursion.",          # Ukraine
    "Gunmen routed police from the Solino neighbourhood of Port-au-Prince.",  # Haiti
    "A firefight broke out near the Tigray border town of Humera.",        # Ethiopia
])
def test_nlp_selection_parses_trigger_words_with_a_name(sentence):
    assert nlp.worth_parsing(sentence)


@pytest.mark.parametrize("sentence", [
    "He has said the talks will go on.",            # a companion-only word alone
    "The forces of the market were blamed.",
    "Prices have risen and the council has met.",
])
def test_nlp_selection_skips_companion_words_alone(sentence):
    assert not nlp.worth_parsing(sentence)


@pytest.mark.slow
@pytest.mark.parametrize("text,kind,place", [
    ("Azerbaijani troops occupied the village of Talish on Tuesday, the defence ministry said.",
     "territory_change", "Talish"),
    ("The RSF said its fighters conquered the town of Sinja in Sennar state.", "territory_change", "Sinja"),
    ("Russia has deployed 5,000 more troops to the Pokrovsk sector, a Ukrainian spokesman said.",
     "reinforcement", "Pokrovsk"),
])
def test_nlp_selection_newly_reached_verbs_yield_events(text, kind, place):
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    found = {(e.type, e.place.text) for e in events_from_text(article)}
    assert (kind, place) in found, found
