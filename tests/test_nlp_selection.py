"""Which sentences reach the parser: selection reads its words from data/event_terms.json
(``sentence_selection``) and lets through every word that starts an event rule's trigger,
so a word added to a rule cannot be read by the rule yet never parsed."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep import sentence_gate as nlp  # the parse gate (split from nlp.py)
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
    # a push or force verb with its object between it and "out"/"back" (Iraq, Mali, Syria)
    ("Peshmerga fighters pushed the jihadists out of Sinjar in November, officials said.",
     "territory_change", "Sinjar"),
    ("French and Malian troops forced the militants out of Douentza on Friday.", "territory_change", "Douentza"),
    ("Syrian troops pushed the militants out of Yabroud on Monday, a military source said.", "territory_change", "Yabroud"),
])
def test_nlp_selection_newly_reached_verbs_yield_events(text, kind, place):
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    found = {(e.type, e.place.text) for e in events_from_text(article)}
    assert (kind, place) in found, found


@pytest.mark.parametrize("sentence", [
    "Kenya sent a delegation to Mogadishu for the talks.",                 # Somalia: a send verb, no force
    "The UN is bringing food aid to Kandahar by road.",                    # Afghanistan
    "Relatives queued outside Kirikiri prison in Lagos at dawn.",          # Nigeria: a prison, nobody freed
    "Lawyers visited Evin prison on Tuesday, Tehran said.",                # Iran
    "Kramatorsk lies about 40 km from Sloviansk, Kyiv officials said.",    # Ukraine: a distance, no forces there
    "The Nuba hills are 300 miles from Khartoum.",                         # Sudan
    "A warning was fired off to Belgrade by the Kosovo monitors.",         # Kosovo: 'fired', no weapon
    "A new flag hangs at the Honiara police post.",                        # Solomon Islands: no verb raising it
    "Donors pushed Kabul to hold the vote in April.",                      # Afghanistan: a push, no particle
    "The rains forced Juba to delay the census.",                          # South Sudan: forced, no particle
    "Donors gave Freetown a new hospital in March.",                       # Sierra Leone: give, no 'up'
])
def test_nlp_selection_skips_bound_cues_without_their_rule_words(sentence):
    assert nlp._weak_regex().search(sentence)  # a weak cue and a name or figure...
    assert not nlp.worth_parsing(sentence)     # ...whose one rule cannot fire without words it lacks


@pytest.mark.parametrize("sentence", [
    "Moscow sent paratroopers to Kherson overnight.",                      # Ukraine: a force sent
    "Addis Ababa is deploying more soldiers to Gondar.",                   # Ethiopia
    "Hundreds of inmates escaped from Makala prison in Kinshasa.",         # DR Congo: a prison break
    "Gunmen freed the prisoners held in Kuje prison near Abuja.",          # Nigeria
    "Rebels are now within 12 km of Goma, residents said.",                # DR Congo: forces at a distance
    "Houthi fighters pushed the army back 15 km from Marib.",              # Yemen
    "Militants fired launchers at an army post near Kidal.",               # Mali: a weapon fired
    "Tatmadaw troops hoisted the flag over Myawaddy on Friday.",           # Myanmar: a flag raised
    "Peshmerga fighters pushed the jihadists out of Sinjar in November.",  # Iraq: a push verb, a particle after the object
    "The army forced the rebels back from Bukavu on Sunday.",              # DR Congo: forced ... back
    "Sbeitla was given up to the Germans overnight.",                      # Tunisia 1943: given up to
])
def test_nlp_selection_parses_bound_cues_beside_their_rule_words(sentence):
    assert nlp.worth_parsing(sentence)


def test_nlp_selection_bound_cues_read_words_the_rules_read():
    from sitrep.lexicon.bound_cues import bound_cues

    terms = load_event_terms()
    weak = nlp._weak_regex()
    cues = bound_cues()
    assert {"sent", "prison", "km"} <= set(cues)
    for cue in cues:  # each cue is matched whole by the selection regex, as it is written
        assert weak.fullmatch(cue), cue
    send = terms.rule("reinforcement", "reinforcement_verb")["send_verbs"]
    assert all(terms.rules_for(w) == {"reinforcement_verb"} for w in send)  # send verbs serve one rule


@pytest.mark.parametrize("sentence", [
    # casualty words are matched as word starts: none may start a common word ("intern" would
    # send every sentence with "international" and a number to the parser; Syria, Sudan, Yemen-like)
    "The UN has called for a return to the process set out in Security Council Resolution 2254, "
    "and for all parties to respect international humanitarian law.",
    "An international conference on Sudan pledged 2 billion dollars in aid.",
    "Internal talks in Aden resumed after 14 months.",
])
def test_nlp_selection_casualty_stems_start_no_common_word(sentence):
    assert not nlp.worth_parsing(sentence)
