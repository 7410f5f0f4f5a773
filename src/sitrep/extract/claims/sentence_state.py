"""Which of an article's states a sentence speaks of: its generic bodies ("police",
"officials", "emergency services") are that state's. The article's countries are reordered
for one sentence: a state or a town of one of them fronting it, or the state whose civilians
it counts, goes first."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.patterns import alternation
from ...sentences import Sentence
from ..claimant_states import SpeakerStates
from ..entry_labels import LABEL_CHARS, digest_label
from ..state_bodies import state_body_index
from .context import ArticleContext


# "In Israel, missiles killed eight people, emergency services said", "On the Indian side,
# police said": a sentence fronted by a state of the article speaks of that state's bodies.
_FRONTED_STATE = re.compile(r"^\s*(?:In|On\s+the)\s+(?P<state>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+side)?\s*,")


def fronted_state_first(text: str, countries):
    """The article's countries with the state a sentence opens with first."""
    m = _FRONTED_STATE.match(text)
    if m is None or not countries:
        return countries
    return _first(state_body_index()[1].get(m.group("state").lower().replace("’", "'")), countries)


# "In the central city of Bat Yam, rescuers pulled six bodies ..., a police spokesman said":
# a sentence set in a town of one of the article's states.
_FRONTED_IN = re.compile(r"^\W*In\s+(?:the\s+)?[^,;]{2,60},")


def fronted_place_first(ctx: ArticleContext, sentence: Sentence, countries):
    """The article's countries with the state of the town a sentence opens with first: its
    generic bodies ("police", "emergency services") are that state's."""
    m = _FRONTED_IN.match(sentence.text)
    if m is None or not countries:
        return countries
    lo, hi = sentence.start, sentence.start + m.end()
    town = next((p for p in ctx.places if lo <= p.start < hi and p.place is not None
                 and p.place.feature == "city"), None)
    return _first(town.place.country if town is not None else None, countries)


# "Police said 19 Israeli civilians had been killed by rockets": a state's people counted
# in a sentence of a war between two states; its generic bodies ("police", "officials")
# are that state's, who count their own (Lebanon 2006 probe; checked on Israel-Iran and
# India-Pakistan probes). A demonym, then a civilian noun of claim_terms.json.
_PEOPLE_OF_STATE = re.compile(r"\b(?P<state>[A-Z][a-z]+)\s+(?P<noun>[a-z]+)\b")


def victims_state_first(text: str, countries):
    """The article's countries with the state whose civilians a sentence counts first, when
    the article has two states or more and the sentence opens with no state or town."""
    if not countries or len(countries) < 2 or _FRONTED_STATE.match(text) or _FRONTED_IN.match(text):
        return countries
    from ...lexicon.claim_terms import civilian_nouns

    owners = state_body_index()[1]
    civilian = civilian_nouns()
    for m in _PEOPLE_OF_STATE.finditer(text):
        code = owners.get(m.group("state").lower())
        if code is not None and m.group("noun") in civilian:
            return _first(code, countries)
    return countries


# "a senior police officer in Jammu told AFP", "a health official in Kirkuk said": a speaker
# placed in a town speaks for that town's state, whichever state the article leads with
# (India-Pakistan probe; checked on Kirkuk 2017, Lebanon 2006 and Israel-Iran probes). A role
# or body word, then "in"/"at"/"from", then the town within a few characters.
_TOWN_AFTER_ROLE_CHARS = 25


@lru_cache(maxsize=1)
def _placed_speaker():
    from ...lexicon.claim_terms import load_attribution_terms

    terms = load_attribution_terms()
    words = set(terms.speaker_roles) | set(terms.role_nouns) | {"police"}
    return re.compile(rf"\b{alternation(words)}s?\s+(?:in|at|from)\s+", re.IGNORECASE)


def speaker_town_first(ctx: ArticleContext, sentence: Sentence, countries):
    """The article's countries with the state of the town a speaker is placed in first."""
    if not countries or len(countries) < 2:
        return countries
    for m in _placed_speaker().finditer(sentence.text):
        lo = sentence.start + m.end()
        town = next((p for p in ctx.places if lo <= p.start < lo + _TOWN_AFTER_ROLE_CHARS
                     and p.place is not None and p.place.feature == "city"), None)
        if town is not None:
            return _first(town.place.country, countries)
    return countries


def station_state_first(ctx: ArticleContext, sentence: Sentence, countries):
    """'Amman home service, 10 June, 1400 gmt: An Interior Ministry official said ...': a
    digest item whose station is named for a state or its capital ("Hanoi, Vietnam News
    Agency", "Voice of Democratic Kampuchea") speaks of that state's bodies, in every sentence
    of the item (sets AR and AS)."""
    if not countries:
        return countries
    start = ctx.item_start(sentence.start)
    station = digest_label(ctx.article.text[start:start + LABEL_CHARS])
    if station is None:
        return countries
    words = station.lower().replace("’", "'").split()
    owners = state_body_index()[1]
    code = owners.get(words[0]) or owners.get(words[-1])
    if code is None:
        return countries
    return SpeakerStates([code] + [c for c in countries if c != code])


def _first(code: str | None, countries):
    """``countries`` with ``code`` first, when it is one of them."""
    if code is None or code not in countries or code == countries[0]:
        return countries
    return [code] + [c for c in countries if c != code]
