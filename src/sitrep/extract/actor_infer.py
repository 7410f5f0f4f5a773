"""Sides for actor phrases no lexicon lists whole: "Iran-backed militias", "pro-junta
forces", "Eritrean troops", "rebel commander X" (``infer_actor``)."""

from __future__ import annotations

import re
from typing import Sequence

from ..lexicon.actor_words import actor_words
from ..lexicon.claim_terms import category_words
from ..records import ActorRef
from .actors import GENERIC_CONFLICT, ActorLexicon, alias_key, load_actors

_BACKED_PHRASE = re.compile(
    r"^(?P<backer>.+?)[-‐‑ ](?:backed|supported|sponsored|aligned|allied|funded|armed)\s+(?P<rest>.+)$")
_PRO_ANTI_PHRASE = re.compile(r"^(?P<dir>pro|anti)-(?P<x>[\w.’']+)\s+(?P<rest>.+)$", re.IGNORECASE)
_OPPOSITE = {"government": "opposition", "opposition": "government"}


def infer_actor(phrase: str, countries: Sequence[str] = (),
                lexicon: ActorLexicon | None = None) -> ActorRef:
    """An ActorRef for an actor phrase, including ones no lexicon knows.

    - a known alias: that actor ("Turkish-backed factions" -> Syrian National Army);
    - "<State>-backed X": a known X keeps its side, otherwise the side of the groups that
      state backs in the article's war ("Iran-backed militias" in Syria -> government, in
      Yemen -> opposition), or "unknown" when the war is not known and wars disagree;
    - "pro-government/-regime/-junta X" -> government, "anti-..." -> opposition;
      "pro-<State> X" -> government for the war's own state, else as "<State>-backed X";
    - "<Demonym> troops/forces": the war's own state -> government, another state -> foreign;
    - "<anything> rebels/insurgents/militants" -> the side of the head word;
    - otherwise the phrase as written with side "unknown".
    """
    lex = lexicon or load_actors()
    phrase = " ".join(phrase.split()).strip(" ,.;:\"“”()")
    conflict = lex.conflict_of(countries)
    entry = lex.lookup(phrase, countries)
    if entry is not None:
        return entry.ref(phrase)
    unknown = ActorRef(name=phrase, side="unknown", as_written=phrase, known=False)
    if not phrase:
        return unknown
    m = _BACKED_PHRASE.match(phrase)
    if m:
        inner = lex.lookup(m.group("rest"), countries)
        if inner is not None and inner.conflict != GENERIC_CONFLICT:
            return inner.ref(phrase)
        code = lex.states.get(alias_key(m.group("backer")), (None,))[0]
        side = _backed_side(lex, code, conflict)
        return ActorRef(phrase, side, _head_acled(lex, m.group("rest"), countries), phrase, False)
    m = _PRO_ANTI_PHRASE.match(phrase)
    if m:
        side = _pro_side(lex, m.group("x"), conflict, countries)
        if m.group("dir").lower() == "anti":
            side = _OPPOSITE.get(side, "unknown")
        return ActorRef(phrase, side, _head_acled(lex, m.group("rest"), countries), phrase, False)
    words = phrase.split()
    for i in range(1, len(words)):
        head = " ".join(words[i:])
        entry = lex.lookup(head, countries)
        modifier = alias_key(" ".join(words[:i]))
        state = lex.states.get(modifier)
        if entry is None and not (state and alias_key(head) in actor_words().force_nouns):
            continue  # "Iraqi forces": a state's forces even when "forces" alone is no actor
        if state and alias_key(head) in actor_words().force_nouns:
            # the war's home state, else the article's most-named country (not every
            # country it names: a Ukraine story names Russia too)
            ours = state[0] in lex.conflict_countries.get(conflict or "", frozenset()) or state[0] in countries[:1]
            return ActorRef(phrase, "government" if ours else "foreign", "State forces", phrase, False)
        if entry.conflict != GENERIC_CONFLICT:
            return entry.ref(phrase)
        if {alias_key(w) for w in words[:i]} & actor_words().insurgent_name_words:
            # "Kosovo Liberation Army", "Lord's Resistance Army": a rebel group's own name
            return ActorRef(phrase, "opposition", "Rebel group", phrase, False)
        return ActorRef(phrase, entry.side, entry.acled_type, phrase, False)
    side = _modifier_side(words)
    if side is not None:  # "rebel commander Hassan Abdulghani", "junta spokesman Zaw Min Tun"
        return ActorRef(phrase, side, None, phrase, False)
    return unknown


def _backed_side(lex: ActorLexicon, code: str | None, conflict: str | None) -> str:
    """Side of a group backed by a state: from the article's war, else if all wars agree."""
    if code is None:
        return "unknown"
    if conflict is not None:
        return lex.backers.get(conflict, {}).get(code, "unknown")
    sides = {b[code] for b in lex.backers.values() if code in b}
    return sides.pop() if len(sides) == 1 else "unknown"


def _pro_side(lex: ActorLexicon, x: str, conflict: str | None, countries: Sequence[str]) -> str:
    key = alias_key(x)
    if key in actor_words().state_words:
        return "government"
    state = lex.states.get(key)
    if state:
        own = lex.conflict_countries.get(conflict or "", frozenset()) | set(countries[:1])
        return "government" if state[0] in own else _backed_side(lex, state[0], conflict)
    entry = lex.lookup(x, countries)
    return entry.side if entry is not None else "unknown"


def _head_acled(lex: ActorLexicon, rest: str, countries: Sequence[str]) -> str | None:
    words = rest.split()
    for i in range(len(words)):
        entry = lex.lookup(" ".join(words[i:]), countries)
        if entry is not None:
            return entry.acled_type
    return None


def _modifier_side(words: list[str]) -> str | None:
    """The side a lowercase side word before the head of a phrase names, when only one side is named."""
    mods = category_words().sides
    # lowercase words only (a capital starts a name: "Rebel Alliance"), but the first word may
    # carry a sentence's capital ("Rebel commander X")
    lowered = [words[0][:1].lower() + words[0][1:]] + words[1:-1] if words else []
    found = {mods[w] for w in lowered if w.islower() and w in mods}
    return found.pop() if len(found) == 1 else None
