"""Places outside a trigger's slot: a place right after a strike or clash noun ('airstrikes
overnight on Idlib'), and 'the city' / 'the town' resolved to the most named town of the
last sentences."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from ...lexicon.event_terms import load_event_terms
from ...sentences import Sentence
from ...records import PlaceMention
from ..places.metonyms import a_speakers_seat, names_a_government
from .context import EventContext
from .tree import Trigger
from .parentheses import parenthesised


# How many sentences back "the city" may look for the place it stands for; tuned on the
# seeds, where the antecedent is at most two sentences back.
ANAPHORA_SENTENCES = 2
# Beyond those, "the city" is the story's town when it was named at least this often before
# (dev2's Sudan excerpts: "the capture of the city" four sentences after Wad Madani).
STORY_TOWN_MIN_MENTIONS = 2
# How far right of a strike or clash noun a place may stand when the parse attaches it
# elsewhere ("airstrikes overnight on Idlib city"); tuned on the seeds and the sample.
MAX_AFTER_TOKENS = 5


def place_after(trig: Trigger, pidx: dict[int, PlaceMention]) -> PlaceMention | None:
    """A place right after a noun trigger, behind a preposition ("strikes overnight on Idlib")."""
    doc, prep = trig.tok.doc, False
    for w in doc[trig.tok.i + 1: trig.tok.i + 1 + MAX_AFTER_TOKENS]:
        if w.i in pidx:
            return pidx[w.i] if prep else None
        if w.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT", "SCONJ"):
            return None
        prep = prep or w.lower_ in load_event_terms().words("after_prepositions")
    return None


@lru_cache(maxsize=1)
def _area_after() -> re.Pattern[str]:
    """'the surrounding Shahba area', 'the Hama countryside': an area, not the town 'the town' means."""
    words = "|".join(load_event_terms().raw["area_after"])
    return re.compile(rf"\s+(?:{words})\b", re.IGNORECASE)


def facility_antecedent(places: Sequence[PlaceMention], word: str, offset: int) -> PlaceMention | None:
    """'Police and troops reoccupied the station' after 'the Naivasha police station' was
    named: the last facility named before with that noun."""
    named = [m for m in places if m.start < offset and m.rule.startswith("facility")
             and m.text.lower().split()[-1] == word]
    return named[-1] if named else None


def antecedent(ctx: EventContext, sentence: Sentence, word: str, offset: int,
               places: Sequence[PlaceMention]) -> PlaceMention | None:
    """'the city': the most named town of the last sentences (and this one, before it)."""
    idx = next((i for i, s in enumerate(ctx.sentences) if s.start == sentence.start), None)
    if idx is None:
        return None
    lo = ctx.sentences[max(0, idx - ANAPHORA_SENTENCES)].start
    kinds = ctx.terms.raw["anaphoric_places"]
    exact_city = word in kinds.get("city", ())
    text = ctx.article.text
    # named towns only, not those that locate another name ("Sudzha (Kursk)")
    places = [m for m in places if not m.rule.startswith("description") and not parenthesised(m, ctx.article.text)
              and not names_a_government(m, ctx.article.text) and not a_speakers_seat(m, ctx.article.text)]
    window = [m for m in places if lo <= m.start < offset and m.place is not None
              and m.place.feature == "city" and (m.precision == 1 or not exact_city and m.precision == 2)
              and not _area_after().match(text, m.end)]
    if not window and not exact_city:
        # a town no gazetteer knows, that the text showed to be one ("Konna fell to Ansar
        # Dine ... troops had retaken the town"): the last one of the last sentences ("it":
        # of its own sentence, "moved on to Potocari, the village where ..., and took it")
        first = sentence.start if word == "it" else lo
        unknown = [m for m in places if first <= m.start < offset and m.place is None and m.rule == "unresolved"]
        if unknown:
            return unknown[-1]
    if not window and word != "it":
        # none in the last sentences: the story's town, named at least twice before
        counts = Counter(m.text for m in places if m.start < offset and m.place is not None
                         and m.place.feature == "city" and m.precision == 1)
        top = counts.most_common(1)
        if top and top[0][1] >= STORY_TOWN_MIN_MENTIONS:
            return next(m for m in reversed(places) if m.text == top[0][0] and m.start < offset)
        return None
    if not window:
        return None
    # A town named earlier in this very sentence is the one meant ("killed in Goma since
    # M23 seized the city"); otherwise the most named town of the last sentences.
    same = [m for m in window if m.start >= sentence.start]
    if same:
        return same[-1]
    if word == "it":
        return None  # "it" only looks back within its own sentence
    counts = Counter(m.text for m in places if m.start < offset and m.precision in (1, 2))
    return max(reversed(window), key=lambda m: counts[m.text])
