"""The state body an office speaks for, when no claimant file names the body.

"Military spokesman Vladyslav Seleznyov" speaks for Ukraine's army, "Defence Secretary Luis
Cresencio Sandoval" for Mexico's defence ministry, "Israel's chief of staff, Lt. Gen. Rafael
Eitan" for Israel's army: GUIDE.md wants the body's canonical name, not the person's or the
title's. The body is the longest state-body form of ``data/claimant_kinds.json`` in the
office ("military", "defence secretary", "chief of staff"); its state is the one the office
names ("Israel's", "Mexican"), else the article's main country. An office of another side
("rebel military spokesman", "the group's military spokesman") is no state's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ...lexicon.claim_terms import category_words
from ...lexicon.loader import read_json
from ...lexicon.patterns import trie_pattern
from ...records import Claimant
from ..claimants import ClaimantLexicon
from ..claimant_states import army_state
from ..state_bodies import state_body_index


@lru_cache(maxsize=1)
def _forms_rx() -> re.Pattern[str]:
    forms = state_body_index()[3]
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(forms)})(?![\w-])", re.IGNORECASE)


def body_form_rx() -> re.Pattern[str]:
    """The state-body forms ("army", "armed forces", "police"), any case."""
    return _forms_rx()


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """Country names as written, for the short ones ("US", "U.S.", "UK") that are owners only
    with their capitals."""
    names = read_json("gazetteer", "countries.json")["names"]
    return {n: code for code, ns in names.items() for n in ns if len(n) <= 4}


def _owner(office: str) -> str | None:
    """The state an office names ("Israel's chief of staff", "Mexican Defence Secretary",
    "US Defense Secretary")."""
    owners = state_body_index()[1]
    for word in office.replace("’", "'").split():
        bare = word[:-2] if word.lower().endswith("'s") else word
        if bare.lower() in owners:
            return owners[bare.lower()]
        if bare in _short_names():
            return _short_names()[bare]
    return None


def _other_owner(office: str) -> bool:
    """A possessive that is no state ("the group's military spokesman"), or a side word of a
    non-state side ("rebel military spokesman"): the office is not a state's."""
    owners = state_body_index()[1]
    sides = category_words().sides
    for word in office.replace("’", "'").split():
        key = word.lower()
        if key.endswith("'s") and key[:-2] not in owners:
            return True
        if sides.get(key) == "opposition":
            return True
    return False


# A people's adjective (Sahrawi, Kurdish, Abkhazian, Karenni): the office before which it stands
# is that people's, when no state is called so (a state's demonym is an owner above).
_PEOPLE_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:i|an|ian|ese|ish)$")


def people_owner(office: str, start: int) -> bool:
    """'The Sahrawi Minister of Information', 'GAM military spokesman': a people's adjective
    or a group's acronym that is no state's owns the office (it is not the article's lead
    state's ministry or army)."""
    owners = state_body_index()[1]
    return any((_PEOPLE_ADJECTIVE.match(w) or _ACRONYM.match(w)) and w.lower() not in owners and w not in _short_names()
               for w in office[:start].split())


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def office_body(office: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The state body ``office`` speaks for, or None (see the module's docstring)."""
    # ("state" names a body only after its demonym, "the Algerian state": an office's "Kassala
    # state" is a province)
    matches = [m for m in _forms_rx().finditer(office) if m.group(0).lower() != "state"]
    found = [m.group(0) for m in matches]
    if not found or _other_owner(office) or people_owner(office, matches[0].start()):
        return None
    owner = _owner(office)
    code = owner or (countries[0] if countries else None)
    demonym_of = state_body_index()[2]
    if code not in demonym_of:
        return None
    # a body named before its office ("Armed Forces Chief of Staff") is that body; else the
    # longest form ("army chief of staff" over "army")
    form = found[0] if len(found) > 1 and matches[0].end() <= matches[1].start() else max(found, key=len)
    if owner is None:
        code = army_state(code, form)  # "an army spokesman" in a Gaza story: the Israeli army's
    return lexicon.state_body(f"{demonym_of[code]} {form}")
