"""English words about armed actors and claimants that hold for any war
(``data/actor_words.json``, ``data/claimant_kinds.json``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json


@dataclass(frozen=True)
class ActorWords:
    state_words: frozenset[str]  # after "pro-"/"anti-": the state itself
    force_nouns: frozenset[str]  # "<Demonym> troops": a state's armed forces
    rank_and_file: frozenset[str]  # "Shabaab militants": the members, not the body
    common_name_words: frozenset[str]  # name words that tell no body from another
    insurgent_name_words: frozenset[str]  # "Kosovo Liberation Army": a non-state group's name


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    data = read_json("actor_words.json")
    return ActorWords(frozenset(data["state_words"]), frozenset(data["force_nouns"]),
                      frozenset(data["rank_and_file"]), frozenset(data["common_name_words"]),
                      frozenset(data["insurgent_name_words"]))


@lru_cache(maxsize=1)
def state_body_titles() -> str:
    """An optional title between a state and its body ("acting", "de facto"), as a regex."""
    words = read_json("claimant_kinds.json")["state_body_titles"]
    return r"(?:(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + r")\s+)?"


@lru_cache(maxsize=1)
def staff_at() -> re.Pattern[str]:
    """'a doctor at X', 'staff at X', 'a spokesman for X': the institution X when X is a name."""
    roles = "|".join(sorted(read_json("claimant_kinds.json")["staff_roles"], key=len, reverse=True))
    return re.compile(rf"^(?i:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{roles})\s+(?i:at|of|for|from|with)\s+"
                      rf"(?i:the\s+)?(?P<org>[A-Z].*)$")
