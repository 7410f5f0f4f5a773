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
    unit_nouns: tuple[str, ...]  # "3rd Infantry Division": a numbered formation of a state's forces
    part_nouns: frozenset[str]  # "elements of X": a part of force X
    backing_verbs: tuple[str, ...]  # "backed" of "Iran-backed militias"
    generic_actor_words: frozenset[str]  # "forces": a one-word actor that names no one
    force_name_ends: frozenset[str]  # "brigade" of "the headquarters of the 8th Brigade"
    unnamed_winners: frozenset[str]  # "Rebels took the town": one word that names no actor


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    data = read_json("actor_words.json")
    return ActorWords(frozenset(data["state_words"]), frozenset(data["force_nouns"]),
                      frozenset(data["rank_and_file"]), frozenset(data["common_name_words"]),
                      frozenset(data["insurgent_name_words"]), tuple(data["unit_nouns"]),
                      frozenset(data["part_nouns"]), tuple(data["backing_verbs"]),
                      frozenset(data["generic_actor_words"]), frozenset(data["force_name_ends"]),
                      frozenset(data["unnamed_winners"]))


@lru_cache(maxsize=1)
def state_body_titles() -> str:
    """An optional title between a state and its body ("acting", "de facto"), as a regex."""
    words = read_json("claimant_kinds.json")["state_body_titles"]
    return r"(?:(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + r")\s+)?"


@lru_cache(maxsize=1)
def staff_at_place() -> re.Pattern[str]:
    """'a doctor at the central hospital in Zugdidi': an institution named by its common noun
    and its town (groups ``desc``, ``inst``, ``place``)."""
    data = read_json("claimant_kinds.json")
    roles = "|".join(sorted(data["staff_roles"], key=len, reverse=True))
    inst = "|".join(sorted(data["place_institutions"], key=len, reverse=True))
    return re.compile(rf"^(?i:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{roles})\s+(?i:at|of|from|in)\s+(?:the\s+)?"
                      rf"(?P<desc>(?:[a-z][\w-]*\s+){{0,3}}?)(?P<inst>{inst})\s+(?:in|at|of)\s+"
                      rf"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})$")


@lru_cache(maxsize=1)
def speaker_in_town() -> re.Pattern[str]:
    """'a health official in Kirkuk', 'a doctor at an Andijan hospital': a speaker's role and
    the place it is in (groups ``role``, ``place``; a place may end in an institution's noun)."""
    data = read_json("claimant_kinds.json")
    roles = "|".join(sorted(data["staff_roles"] + data["town_speakers"], key=len, reverse=True))
    inst = "|".join(sorted(data["place_institutions"], key=len, reverse=True))
    return re.compile(rf"^(?i:an?\s+|the\s+)?(?P<role>(?:[A-Za-z][a-z-]*\s+)?(?:[a-z][\w-]*\s+)?(?i:{roles}))\s+(?:in|at|of|from)\s+"
                      rf"(?:(?:an?|the)\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}(?:\s+(?:{inst}))?)$")


@lru_cache(maxsize=1)
def institution_staff() -> re.Pattern[str]:
    """'Hospital officials', 'hospital sources', 'the hospital', 'clinic staff', 'a hospital
    administrator': an institution by its common noun alone, perhaps with a role (group ``inst``)."""
    data = read_json("claimant_kinds.json")
    roles = "|".join(sorted(data["staff_roles"], key=len, reverse=True))
    inst = "|".join(sorted(data["place_institutions"], key=len, reverse=True))
    return re.compile(rf"^(?:the\s+|an?\s+)?(?P<inst>{inst})(?:\s+(?:{roles}|officials|sources|staff|authorities))?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def named_institution() -> re.Pattern[str]:
    """'Nairobi Hospital', 'Al-Aqsa Martyrs Hospital', 'Kosevo hospital': a name, then an
    institution noun (group ``name``: the whole name)."""
    inst = "|".join(sorted(read_json("claimant_kinds.json")["place_institutions"], key=len, reverse=True))
    return re.compile(rf"(?P<name>(?:[A-Z][\w'’-]+\s+){{1,4}}(?i:{inst}))\b")


@lru_cache(maxsize=1)
def staff_at() -> re.Pattern[str]:
    """'a doctor at X', 'staff at X', 'a spokesman for X': the institution X when X is a name
    (up to a comma: "a spokesman for X, Dr Khalid Abu Shahma")."""
    roles = "|".join(sorted(read_json("claimant_kinds.json")["staff_roles"], key=len, reverse=True))
    return re.compile(rf"^(?i:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{roles})\s+(?i:at|of|for|from|with)\s+"
                      rf"(?i:the\s+)?(?P<org>[A-Z][^,]*)(?:,.*)?$")  # "..., Dr X,": the name after the body
