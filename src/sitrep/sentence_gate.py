"""Which sentences go to the parser, by their words: a strong trigger (a capture or strike
verb; a casualty word with a figure), or a weak one with a figure or a capitalised word
after the first (``worth_parsing``). A full spaCy pass cannot meet the budget of 25
articles per second on two cores, so only sentences that can hold a claim or an event are
parsed; ``extract.parse_choice`` then drops those that provably yield nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon.bound_cues import cue_can_fire
from .lexicon.claim_terms import claim_words, load_figure_terms, load_terms, trigger_words
from .lexicon.event_terms import load_event_terms
from .lexicon.numbers import number_words
from .lexicon.patterns import trie_pattern
from .lexicon.regex_cache import compile_cached
from .lexicon.sentence_words import capitalised_later

# The words that choose sentences are data: ``sentence_selection`` in data/event_terms.json,
# the casualty words of data/claim_terms.json, number words (data/number_words.json); a
# capitalised word after the first that is no weekday, month or function word
# (data/sentence_words.json) makes a sentence with a weak trigger worth parsing.


@lru_cache(maxsize=1)
def _figure_regex() -> re.Pattern[str]:
    """A digit, a number word or a vague amount (data/number_words.json); the words as a
    trie (the flat alternation was 1.2 ms an article, the trie 0.5; ``_has_figure`` only
    asks whether one is there, and "a dozen" holds "dozen")."""
    return re.compile(r"\d|\b(?:" + trie_pattern(w.lower() for w in number_words().figure_words()) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _relatives_regex() -> re.Pattern[str]:
    """'his son', 'her husband': relatives named one by one are a figure too."""
    kin = "|".join(sorted(claim_words().kin_nouns, key=len, reverse=True))
    return re.compile(rf"\b(?:his|her|their|my|our)\s+(?:[\w-]+\s+)?(?:{kin})\b", re.IGNORECASE)


def _has_figure(sentence: str) -> bool:
    terms = load_figure_terms()
    return bool(_figure_regex().search(sentence) or terms.single_victim_passive.search(sentence)
                or any(rx.search(sentence) for rx in terms.single_victim_joined)
                or terms.single_victim.search(sentence) or _relatives_regex().search(sentence)
                or terms.named_victim.search(sentence))


def _stem_pattern(stems) -> str:
    """Stems as word starts, one trie (a space in a stem is any run of spaces): a flat
    alternation of the 200 casualty words cost 5 ms an article, the trie a fraction."""
    return trie_pattern(s.lower() for s in stems)


@lru_cache(maxsize=1)
def _selection() -> dict:
    return load_event_terms().raw["sentence_selection"]


@lru_cache(maxsize=1)
def _strong_regex() -> re.Pattern[str]:
    """Event triggers that send a sentence to the parser whatever else it holds."""
    return re.compile(r"\b(?:" + _stem_pattern(_selection()["strong_stems"]) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _casualty_regex() -> re.Pattern[str]:
    """Casualty words (data/claim_terms.json): a claim needs one with a figure of people."""
    return _compiled(r"\b(?:" + _stem_pattern(trigger_words()) + ")", re.IGNORECASE)


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """A selection regex, read compiled from the cache folder (``lexicon.regex_cache``; ~2,500
    characters: 4-5 ms to compile at every start, 0.2 ms to read)."""
    return compile_cached(pattern, flags)


@lru_cache(maxsize=1)
def _anaphora_openers() -> tuple[str, ...]:
    """Openings that refer back to the previous sentence's figure (claim_terms "anaphora")."""
    return tuple(a.lower() for a in load_terms().anaphora)


def weak_trigger_words() -> frozenset[str]:
    """Words that start an event rule's trigger and that no strong stem catches, less the
    companion-only ones: selected with a figure or a capitalised name."""
    strong, sel = _strong_regex(), _selection()
    return frozenset(w for w in load_event_terms().any_trigger
                     if not strong.match(w) and w not in sel["companion_only"])


@lru_cache(maxsize=1)
def _weak_regex() -> re.Pattern[str]:
    words = trie_pattern(w.lower() for w in weak_trigger_words())
    return _compiled(r"\b(?:" + _stem_pattern(_selection()["weak_stems"]) + r")|\b(?:" + words + r")\b",
                     re.IGNORECASE)


# "have arrived": a casualty word only for people who came from somewhere ("some 1,500 people had
# arrived on the island by boat from the mainland"; quantity_parse's arriving verbs); "Assad,
# 99, had arrived in Moscow" is no reason to parse (the bench corpus's template: 4 % more parses).
_ARRIVAL_CUES = ("arrived",)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)


def _arrival_may_count(sentence: str) -> bool:
    """Whether an arrival cue may make a claim: "from" in the sentence, or another casualty word."""
    return bool(_FROM.search(sentence)) or any(not m.group(0).lower().endswith(_ARRIVAL_CUES)
                                               for m in _casualty_regex().finditer(sentence))


# A figure that is a part of the people counted before ("About 40,000 of them are in Nariman").
_PART_OF_THEM = re.compile(r"\d\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
# Parts by place in brackets ("They arrived in Mueda (3,800), Nangade (2,600) ..."): two or more.
_PLACE_BRACKETS = re.compile(r"[A-Z][\w'’-]+\s+\(\s*[\d,.]+\s*\)[^()]{1,60}?[A-Z][\w'’-]+\s+\(\s*[\d,.]+\s*\)")


def worth_parsing(sentence: str, bound_cues: bool = True) -> bool:
    """True when the sentence may hold a figure of people or an event: a strong trigger
    (a capture or strike verb; a casualty word with a figure), or a weak one with a
    figure or a capitalised word after the first. ``bound_cues=False`` counts a weak cue
    bound to one rule's words (``lexicon.bound_cues``) alone too, as the gate did before
    stop 26: the bench's corpus draws its sentence mix by it (``bench_corpus``)."""
    if _strong_regex().search(sentence):
        return True
    figure = _has_figure(sentence)
    casualty = _casualty_regex().search(sentence) if figure else None
    if casualty and (not casualty.group(0).lower().endswith(_ARRIVAL_CUES) or _arrival_may_count(sentence)):
        return True  # a claim needs a casualty word and a figure (or one victim: "a civilian")
    if figure and (sentence.lstrip("\"“‘'( ").lower().startswith(_anaphora_openers()) or _PART_OF_THEM.search(sentence)
                   or "(" in sentence and _PLACE_BRACKETS.search(sentence)):
        return True  # "Among them were four children", "40,000 of them are in Nariman": a part of the figure before
    if figure and len(_figure_were().findall(sentence)) >= 2:
        return True  # "16 were Nationalists, seven were policemen": who the people of the figure before were
    weak = _has_free_weak_cue(sentence) if bound_cues else bool(_weak_regex().search(sentence))
    return weak and bool(figure or capitalised_later().search(sentence) or _facility_regex().search(sentence))


@lru_cache(maxsize=1)
def _figure_were() -> re.Pattern[str]:
    """'16 were', 'one was': a figure and a copula, twice in a sentence that splits the
    count before it (``claims._distributive_list``)."""
    words = trie_pattern(w.lower() for w in number_words().figure_words())
    return re.compile(r"(?:\d[\d,]*|\b(?:" + words + r"))\s+(?:were|was)\b", re.IGNORECASE)


def _has_free_weak_cue(sentence: str) -> bool:
    """A weak cue that may fire: one bound to a rule (``lexicon.bound_cues``: a send verb, a
    prison noun, a distance unit) counts only beside the words its rule needs."""
    return any(cue_can_fire(m.group(0).lower(), sentence) for m in _weak_regex().finditer(sentence))


@lru_cache(maxsize=1)
def _facility_regex() -> re.Pattern[str]:
    """'took the presidential palace': a facility a weak trigger may take (event_terms
    ``facility_objects``), with no name or figure in the sentence."""
    words = trie_pattern(w.lower() for w in load_event_terms().words("territory_change", "facility_objects"))
    return _compiled(r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:" + words + r")\b", re.IGNORECASE)
