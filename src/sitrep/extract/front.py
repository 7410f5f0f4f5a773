"""Front lines: "rebels made it to around six miles from Hama", "the army pushed armed
groups more than 20 kilometres away from Hama", "present at a distance of 3 to 4 km from it".

Each becomes an Event of type ``front_line`` at the city, with the side whose forces are
that far away (``actor1``) and the distance in kilometres. Across sources these give the
front-line series and, against a later capture of the city, a control contradiction.
Static geography ("Hama lies 110 km south of Aleppo") is not a front line: a position or
movement word must say that forces are there, and a compass word before "of" rules it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..lexicon.event_terms import load_event_terms
from ..lexicon.patterns import alternation
from ..lexicon.place_words import place_words
from ..sentences import Sentence
from ..records import ActorRef, Event, PlaceMention, content_id
from . import dates
from .claims import _attribution
from .events.when import context_date
from .numbers import find_figures
from .spans import by_start, last_before, starting_in

KM_PER_MILE = 1.609344
# "it", "the city", "the town": the last city named (``descriptions`` of place_words.json)
_CITY_ANAPHOR = re.compile(rf"\s*(?:it|the {alternation(place_words().descriptions['city'], any_space=False)})\b",
                           re.IGNORECASE)
_UNIT = r"(?P<unit>km|kms|kilomet(?:er|re)s?|miles?|mi)\b"
_DISTANCE = re.compile(rf"\s*(?:-|\s)?{_UNIT}(?:\s*\([^)]*\))?\s+(?P<rel>away from|back from|from|of|short of|outside|off)\b",
                       re.IGNORECASE)


def _alternation(words) -> str:
    """Front-line words as one alternation; a word ending in '*' is a stem."""
    return "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _front_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(compass, position, push) regexes from ``front_lines`` in data/event_terms.json:
    a direction; words saying forces are at a distance; words saying they were moved there."""
    words = load_event_terms().raw["front_lines"]
    compass = re.compile(rf"\b(?:{_alternation(words['compass'])})(?:ern)?\b", re.IGNORECASE)
    position = re.compile(rf"\b(?:{_alternation(words['position'])})\b", re.IGNORECASE)
    push = re.compile(rf"\b(?:{_alternation(words['push'])})\b", re.IGNORECASE)
    return compass, position, push


# Only distances a front line can be at; "600-kilometre border" and "110 km south" are not.
MAX_FRONT_KM = 60


@dataclass(slots=True)
class _Front:
    start: int
    end: int
    km: float
    high_km: float | None
    qualifier: str | None
    place: PlaceMention | None
    pushed: bool


def _place_after(sentence: Sentence, offset: int, places: Sequence[PlaceMention],
                 last_city: PlaceMention | None) -> PlaceMention | None:
    """The place named right after "from" (or "it"/"the city" for the last city named)."""
    rest = sentence.text[offset: offset + 60]
    for m in places:
        rel = m.start - sentence.start - offset
        if 0 <= rel <= 40 and m.place is not None and m.precision is not None:
            return m
    if _CITY_ANAPHOR.match(rest):
        return last_city
    return None


def names_a_distance(text: str) -> bool:
    """Whether a figure of ``text`` is a distance ("20 km from"): a front line needs one."""
    return any(_DISTANCE.match(text, fig.end) for fig in find_figures(text))


def find_fronts(sentence: Sentence, places: Sequence[PlaceMention], last_city: PlaceMention | None) -> list[_Front]:
    text = sentence.text
    compass, position, push = _front_words()
    if not (position.search(text) or push.search(text)):
        return []
    out = []
    for fig in find_figures(text):
        m = _DISTANCE.match(text, fig.end)
        if not m or (fig.value is None and fig.low is None):
            continue
        if compass.search(text[fig.end: m.end()]) or compass.search(text[m.end(): m.end() + 3]):
            continue
        factor = KM_PER_MILE if m.group("unit").lower().startswith("mi") else 1.0
        low = (fig.value if fig.value is not None else fig.low) * factor
        high = fig.high * factor if fig.value is None and fig.high is not None else None
        if low > MAX_FRONT_KM:
            continue
        place = _place_after(sentence, m.end(), places, last_city)
        if place is None:
            continue
        pushed = bool(push.search(text[: fig.start])) or m.group("rel").lower() in ("away from", "back from")
        out.append(_Front(fig.start, m.end(), round(low, 1), round(high, 1) if high else None,
                          fig.qualifier, place, pushed))
    return out


def front_line_events(ctx, parsed: Iterable[tuple[Sentence, object]], places: Sequence[PlaceMention]) -> list[Event]:
    """Front-line events of an article (``ctx`` is the events' EventContext)."""
    article = ctx.article
    events: list[Event] = []
    places = by_start(places)
    cities = [p for p in places if p.place is not None and p.precision == 1 and p.place.feature == "city"]
    for sentence, doc in parsed:
        last_city = last_before(cities, sentence.start)
        # _place_after looks up to 40 characters past a distance, which may pass the sentence's end
        for front in find_fronts(sentence, starting_in(places, sentence.start, sentence.end + 41), last_city):
            side = _side_at_distance(ctx, sentence, front)
            claimant, rule = _attribution(ctx.claims_ctx, sentence, doc)
            when = dates.resolve_event_date(sentence.text, article.published)
            if when.rule in ("publication", "none"):
                when = context_date(ctx, sentence) or when
            start, end = sentence.start + front.start, sentence.start + front.end
            events.append(Event(
                id=content_id(article.id, start, end, "front_line", front.place.text),
                doc=article.id, type="front_line", sentence=sentence.text, start=start, end=end,
                sentence_start=sentence.start,
                rule=f"front_line:{'pushed' if front.pushed else 'position'} {rule or 'claimant:none'}",
                actor1=side, place=front.place, date=when.date, date_precision=when.precision,
                date_rule=when.rule, source=claimant.name if claimant else None,
                source_kind=claimant.kind if claimant else "unknown",
                distance_km=front.km, distance_high_km=front.high_km,
            ))
    return events


def _side_at_distance(ctx, sentence: Sentence, front: _Front) -> ActorRef | None:
    """Whose forces are at that distance: the pushed object, else the subject before it."""
    matches = [m for m in ctx.actors.match(sentence.text, ctx.countries)
               if m.actor.side in ("opposition", "government", "foreign")]
    if not matches:
        return None
    if front.pushed:
        push = _front_words()[2].search(sentence.text)
        after = [m for m in matches if push and m.start > push.end()]
        if after:
            return after[0].actor
    before = [m for m in matches if m.end <= front.start]
    return (before[-1] if before else matches[0]).actor
