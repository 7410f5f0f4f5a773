"""Towns named as something other than a place of the story: a broadcaster's seat ("Baghdad
radio said"), a capital speaking or spoken to as its government ("Moscow said", "asked Baghdad
for help"). Such a mention is no antecedent of "the city" (places' descriptions and events'
anaphora both skip it); so is a town named as where a speaker is ("In Tehran, the foreign
ministry said")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.event_terms import load_event_terms
from ...records import PlaceMention


@lru_cache(maxsize=1)
def _outlet_after() -> re.Pattern[str]:
    """'Baghdad radio said', 'Moscow said': a town naming a broadcaster's seat or speaking as
    its government, not a place of the story."""
    words = "|".join(re.escape(w) for w in load_event_terms().raw["outlet_after"])
    say = "|".join(re.escape(w) for w in load_event_terms().raw["metonym_say"])
    return re.compile(rf"\s+(?:{words})\b|\s+(?P<say>{say})\b", re.IGNORECASE)


# A town after a preposition is where someone is, not who speaks ("Rebels in the city of
# Misrata said", "fighters from Goma claimed"): the speech verb after it is its sentence's.
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|near|around|outside|inside|into|to|for|across)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _metonym_before() -> re.Pattern[str]:
    """'asked Baghdad for help': a capital addressed as its government."""
    words = "|".join(re.escape(w) for w in load_event_terms().raw["metonym_before"])
    return re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)


def names_a_government(m: PlaceMention, text: str) -> bool:
    """Whether the mention ``m`` of ``text`` names a broadcaster or a government, not a place."""
    before = text[max(0, m.start - 20): m.start]
    after = _outlet_after().match(text, m.end)
    if after and after.group("say") and _PREPOSITION_BEFORE.search(before):
        after = None
    return bool(after or _metonym_before().search(before))


# "In Tehran, the foreign ministry said ...", "Western diplomats in Islamabad said": where a
# speaker is, not a town the story is about (set BK's Mazar-i-Sharif wire: "the city" the
# militia overran was Mazar, not Tehran).
_SEAT_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n)In\s+$")
_SEAT_THEN_SPEAKER = re.compile(r",\s+(?:[\w'’-]+\s+){0,6}?(?:said|says|told|announced|reported|added)\b")
_SPEAKERS_IN = re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|diplomats?|reporters|sources?|correspondents?|"
                          r"ministry|government|(?:news|press)\s+(?:conference|briefing)|briefing)\s+in\s+$"
                          # "A spokesman for the EPRDF in London" (set DC's Addis Ababa bulletin)
                          r"|\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+in\s+$",
                          re.IGNORECASE)
# ("told a news conference in Riyadh that the town was in our hands": the briefing's city, not
# the town taken; set CL's Khafji bulletin)


def a_speakers_seat(p: PlaceMention, text: str) -> bool:
    """Whether the mention ``p`` of ``text`` says where a speaker is, not a town of the story."""
    before = text[max(0, p.start - 70):p.start]
    return bool(_SEAT_FRONTED.search(before) and _SEAT_THEN_SPEAKER.match(text, p.end)
                or _SPEAKERS_IN.search(before))
