"""Which of an article's sentences go to the parser: those ``sentence_gate.worth_parsing`` chooses by
their words, less those that provably yield nothing once the article's place mentions are
known.

``worth_parsing`` sends a sentence with a weak trigger and a capitalised name ("Fighting
was reported, President Smith's office said"), or a strong one with nothing else ("Drones
were heard overnight"), to the parser. Such a sentence yields nothing when it holds none
of what every output needs:

- a claim needs a figure of people (``sentence_candidates``, from the text) or relatives
  named one by one (a kin noun the parse links: "his wife and mother were killed");
- an event needs a place: an event-grade place mention in the sentence (a town or a
  province, not a state: ``place_tokens.event_grade``, as the event rules read them), a
  name the article resolved as a place elsewhere, or a word a rule reads as one without a
  mention (a settlement or facility noun, "the city", a prison with the inmates freed or
  escaping a prison break needs); "it" is only resolved to a place of its own sentence; a
  front line needs a distance figure and a word saying forces are there or were pushed
  there (``lexicon.bound_cues``, as ``sentence_gate.worth_parsing`` reads a bound cue);
- a figureless sentence still read with its parse moves the discourse on only through an
  attribution walk (an attribution cue) or a quote it leaves open
  (``claims.figureless_parse_matters``); otherwise it is read as an unparsed one is. That
  discourse reaches only the sentences parsed after it: the speech sentences after the
  article's last sentence that may yield a claim or an event are not parsed either
  (``speaks_only``: "Fighting went on in Syria, the ministry said" closing the story).

Measured on the dev2, seed, sample and probe articles: 39 of 1,040 chosen sentences
(3.7 %) are skipped, with every extraction the same (docs/benchmarks.md, stop 20); a
state's name no longer keeping a sentence, and the closing speech sentences, skip 46 more
of the 1,454 parsed in the ten gold sets and 58 of the bench corpus's 8,216 (stop 23). A
prison or a distance keeping a sentence only with its rule's other words, and bound cues at
selection, parse 9 fewer of the 1,019 sentences of dev2, the seeds, the sample and probe sets
J-M and 328 fewer of the bench corpus's 8,158 (stop 26).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..lexicon.bound_cues import rule_words_present
from ..lexicon.claim_terms import claim_words, load_figure_terms, load_terms
from ..lexicon.event_terms import load_event_terms
from ..sentences import Sentence
from ..sentence_gate import worth_parsing
from ..records import PlaceMention
from .claims import figureless_parse_matters
from .claims.candidates import sentence_candidates
from .events.place_tokens import event_grade, known_name_mentions
from .front import names_a_distance
from .spans import by_start, starting_in


@lru_cache(maxsize=1)
def _place_like_nouns() -> re.Pattern[str]:
    """Words a rule reads as a place, or as people, without a place mention or a figure
    (data/event_terms.json, data/claim_terms.json): settlement and facility nouns of
    territory slots, 'the city'-like words, and kin nouns."""
    t = load_event_terms()
    words = (t.words("territory_change", "settlement_nouns") | t.words("territory_change", "facility_objects")
             | t.words("territory_change", "terrain_nouns")
             | t.words("anaphoric_places") | claim_words().kin_nouns)
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})s?\b", re.IGNORECASE)  # ("bases at X and Y": one at each)


@lru_cache(maxsize=1)
def _prison_nouns() -> tuple[str, ...]:
    """Prison nouns, found as the prison-break rule finds them (anywhere in the lowered text)."""
    return tuple(load_event_terms().raw["prison_break"]["prison_nouns"])


class ParseChoice:
    """The parse choice of one article, from its text and place mentions."""

    def __init__(self, text: str, places: Sequence[PlaceMention]):
        self.places = by_start(m for m in places if event_grade(m))
        self.names = tuple(known_name_mentions(places, text))

    def chosen(self, sentences: Sequence[Sentence]) -> list[Sentence]:
        """The sentences to parse, in order."""
        chosen = [s for s in sentences if worth_parsing(s.text) and not self.yields_nothing(s)]
        while chosen and self.speaks_only(chosen[-1]):
            chosen.pop()  # what it says moves the discourse on to no parsed sentence
        return chosen

    def yields_nothing(self, sentence: Sentence) -> bool:
        """True when the parse of ``sentence`` can add no claim, event or discourse state."""
        return not figureless_parse_matters(sentence.text) and not self._may_yield(sentence)

    def speaks_only(self, sentence: Sentence) -> bool:
        """True when the parse of ``sentence`` can add no claim or event of its own, only
        the discourse state later sentences read (who speaks, an open quote)."""
        return not self._may_yield(sentence)

    def _may_yield(self, sentence: Sentence) -> bool:
        """Whether the sentence holds what a claim or an event of its own needs."""
        text = sentence.text
        if starting_in(self.places, sentence.start, sentence.end) or any(n in text for n in self.names):
            return True  # a place: an event may be there
        if _place_like_nouns().search(text) or _may_break_a_prison(text):
            return True
        return bool(sentence_candidates(text, load_terms())) or _may_read_a_front(text) \
            or bool(load_figure_terms().named_victim.search(text))  # people named one by one


def _may_break_a_prison(text: str) -> bool:
    """A prison noun, found as the prison-break rule finds it, with the inmates and the
    release or escape verb the rule also needs (``lexicon.bound_cues``)."""
    lower = text.lower()
    return any(w in lower for w in _prison_nouns()) and rule_words_present("prison_break", text)


def _may_read_a_front(text: str) -> bool:
    """A distance figure, with the position or push word a front line also needs."""
    return names_a_distance(text) and rule_words_present("front_line", text)
