"""The one police force or Red Cross society an article names, which its bare "police" or
"Red Cross" means ("the Royal Papua New Guinea Constabulary", "the Uganda Red Cross")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Claimant
from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import claim_words
from ...lexicon.loader import read_json
from ...lexicon.patterns import alternation
from .context import ArticleContext
from .speech_patterns import ATTRIBUTION


def bare_police_body(ctx: ArticleContext, span: str) -> Claimant | None:
    """'Police say' in a story that names "the Royal Papua New Guinea Constabulary": that body."""
    police = named_police(ctx.article.text) if _BARE_POLICE.match(span.strip()) else None
    return Claimant(police, "government", span.strip(), False) if police else None


# "Police", "police officers", "a police spokesman": the police with no body or place named.
_BARE_POLICE = re.compile(rf"^(?:(?:the|a|an)\s+)?police(?:\s+(?:{in_order('police_roles')}|"
                          rf"{alternation(ATTRIBUTION.spokes_titles)}))?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _police_body() -> re.Pattern[str]:
    heads = read_json("claimant_kinds.json")["police_body_heads"]
    # words on one line: "08:00 AM" above "Police headquarters said" names no "AM Police"
    return re.compile(rf"\b(?P<name>(?:[A-Z][\w'’-]+[ \t]+)(?:(?:[A-Z][\w'’-]+|and|of)[ \t]+){{0,5}}{alternation(heads)})\b")


def named_police(text: str) -> str | None:
    """The one police body an article names ("the Royal Papua New Guinea Constabulary", "the
    Trinidad and Tobago Police Service"), which its bare "police" means; else None."""
    found = {re.sub(r"^(?:The|A|An|In|By|From|Of|And)\s+", "", m.group("name")) for m in _police_body().finditer(text)}
    # "the Minister of Police, Mr. Jimmy Kruger": a person's office, no police force
    offices = claim_words().title_heads
    found = {name for name in found if len(name.split()) >= 2 and name.split()[0] not in offices}
    return found.pop() if len(found) == 1 else None


# The claimant file's name of the International Committee of the Red Cross, which a bare "Red
# Cross" resolves to; a national society the article names is what its "Red Cross" means.
INTERNATIONAL_RED_CROSS = "ICRC"
_NAMES_THE_ICRC = re.compile(r"\bICRC\b|\bInternational\b")
_NATIONAL_SOCIETY = re.compile(r"\b(?P<state>(?:[A-Z][\w'’-]+\s+){1,2})Red\s+(?:Cross|Crescent)(?:\s+Society)?\b")


def national_society(text: str) -> str | None:
    """The one national Red Cross or Red Crescent society an article names ("the Uganda Red
    Cross", "the Salvadoran Red Cross"), when it names no international one; else None."""
    if re.search(r"International Committee of the Red Cross|\bICRC\b", text):
        return None
    from ..context import country_mentions

    found = set()
    for m in _NATIONAL_SOCIETY.finditer(text):
        state = re.sub(r"^The\s+", "", m.group("state").strip())
        if any(a == 0 and b == len(state) for a, b, _ in country_mentions(state)):
            found.add(" ".join(f"{state} {m.group(0)[len(m.group('state')):]}".split()))
    return found.pop() if len(found) == 1 else None


def national_society_meant(ctx: ArticleContext, who: Claimant, span: str) -> Claimant | None:
    """The national society a bare "Red Cross" (the ICRC, as the claimant file reads it) means
    in an article that names one and no international one; else None."""
    if who.name != INTERNATIONAL_RED_CROSS or _NAMES_THE_ICRC.search(span):
        return None
    society = national_society(ctx.article.text)
    return Claimant(society, who.kind, span.strip(), False) if society is not None else None
