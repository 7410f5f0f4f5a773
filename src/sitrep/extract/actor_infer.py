"""Sides for actor phrases no lexicon lists whole: "Iran-backed militias", "pro-junta
forces", "Eritrean troops", "rebel commander X" (``infer_actor``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..lexicon.actor_words import actor_words
from ..lexicon.claim_terms import category_words
from ..lexicon.patterns import alternation, trie_pattern
from ..records import ActorRef
from .actors import GENERIC_CONFLICT, ActorLexicon, alias_key, load_actors



@lru_cache(maxsize=1)
def _backed_phrase() -> re.Pattern[str]:
    """'Iran-backed militias': a backer, a backing verb (``backing_verbs``), the force."""
    verbs = alternation(actor_words().backing_verbs)
    return re.compile(rf"^(?P<backer>.+?)[-‐‑ ]{verbs}\s+(?P<rest>.+)$")


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
    - a numbered unit ("Ukraine's 93rd Mechanized Brigade") -> state forces of the state
      named before it, of unknown side when none is; a part of a force ("elements of the 3rd
      Infantry Division", "British forces of the 2nd Battalion") -> that force;
    - "<Demonym> troops/forces": the war's own state -> government, another state -> foreign;
    - "<anything> rebels/insurgents/militants" -> the side of the head word;
    - otherwise the phrase as written with side "unknown".
    """
    lex = lexicon or load_actors()
    phrase = " ".join(phrase.split()).strip(" ,.;:\"“”()")
    conflict = lex.conflict_of(countries)
    # "The armed police regained control": the article is no part of the name (set V's Urumqi briefing)
    entry = lex.lookup(phrase, countries) or lex.lookup(re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", phrase), countries)
    if entry is not None:
        return entry.ref(phrase)
    unknown = ActorRef(name=phrase, side="unknown", as_written=phrase, known=False)
    if not phrase:
        return unknown
    m = _backed_phrase().match(phrase)
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
    unit = _numbered_unit(lex, phrase, conflict, countries) or _part_of_force(lex, phrase, countries)
    if unit is not None:  # before the head nouns: "Army" alone would make any army the state's
        return unit
    words = phrase.split()
    by_head = _by_head_noun(lex, words, conflict, countries)
    if by_head is not None:
        return by_head
    side = _modifier_side(words) or _side_words_in(phrase)
    if side is not None:  # "rebel commander Hassan Abdulghani", "junta spokesman Zaw Min Tun"
        return ActorRef(phrase, side, None, phrase, False)
    return unknown


def _side_words_in(phrase: str) -> str | None:
    """The side the category rules' side words name in a phrase of no known actor, when they
    name one side only: "the National Guard", "Revolution Guards" (government), "the
    mutineers" (opposition); sets S, U and X."""
    words = category_words()
    government, rebels = bool(words.government.search(phrase)), bool(words.rebels.search(phrase))
    if government == rebels:
        return None
    return "government" if government else "opposition"


def _by_head_noun(lex: ActorLexicon, words: list[str], conflict: str | None,
                  countries: Sequence[str]) -> ActorRef | None:
    """The side of the longest known head of the phrase ("Iraqi forces", "Bedouin rebels",
    "Kosovo Liberation Army"), or None when no head is known."""
    phrase = " ".join(words)
    for i in range(1, len(words)):
        head = " ".join(words[i:])
        entry = lex.lookup(head, countries)
        modifier = alias_key(" ".join(words[:i]))
        state = lex.states.get(modifier)
        if entry is None and not (state and alias_key(head) in actor_words().force_nouns):
            continue  # "Iraqi forces": a state's forces even when "forces" alone is no actor
        if state and alias_key(head) in actor_words().force_nouns:
            return _state_forces(lex, state[0], phrase, conflict, countries)
        if entry.conflict != GENERIC_CONFLICT:
            return entry.ref(phrase)
        if {alias_key(w) for w in words[:i]} & actor_words().insurgent_name_words:
            # "Kosovo Liberation Army", "Lord's Resistance Army": a rebel group's own name
            return ActorRef(phrase, "opposition", "Rebel group", phrase, False)
        return ActorRef(phrase, entry.side, entry.acled_type, phrase, False)
    return None


def _state_forces(lex: ActorLexicon, code: str, phrase: str, conflict: str | None,
                  countries: Sequence[str]) -> ActorRef:
    """A state's armed forces: the government side for the war's home state, else the
    article's most-named country (not every country it names: a Ukraine story names Russia
    too); a foreign force for any other state."""
    ours = code in lex.conflict_countries.get(conflict or "", frozenset()) or code in countries[:1]
    return ActorRef(phrase, "government" if ours else "foreign", "State forces", phrase, False)


@lru_cache(maxsize=1)
def _unit_rx() -> re.Pattern[str]:
    # "[Ukraine's |US ]the 93rd Mechanized Brigade": up to three words between the ordinal
    # and the unit noun ("Infantry", "Marine Expeditionary"), the state before it optional
    units = trie_pattern(actor_words().unit_nouns)
    return re.compile(rf"^(?:(?P<state>.+?)(?:\s*['’]s)?\s+)??(?:the\s+)?\d{{1,3}}(?:st|nd|rd|th)\s+"
                      rf"(?:[\w-]+\s+){{0,3}}?(?i:{units})$", re.IGNORECASE)


def _numbered_unit(lex: ActorLexicon, phrase: str, conflict: str | None,
                   countries: Sequence[str]) -> ActorRef | None:
    """'US 3rd Infantry Division', 'Ukraine's 93rd Mechanized Brigade': a numbered formation
    is a state's forces; whose, from the state named before it. With no state named
    ('the 101st Airborne Division') the side is left unknown, as "State forces"."""
    m = _unit_rx().match(phrase)
    if m is None:
        return None
    state = lex.states.get(alias_key(m.group("state"))) if m.group("state") else None
    if state:
        return _state_forces(lex, state[0], phrase, conflict, countries)
    if m.group("state"):
        return None  # "Fighters of the 5th Brigade" is a part of a force, not a state's unit
    return ActorRef(phrase, "unknown", "State forces", phrase, False)


def _part_of_force(lex: ActorLexicon, phrase: str, countries: Sequence[str]) -> ActorRef | None:
    """'elements of the 3rd Infantry Division', 'British forces of the 2nd Battalion': a part
    of a force fights for it: the force named after "of" when the head names a part, else a
    head that names a force of its own."""
    head, sep, rest = phrase.partition(" of ")
    if not sep or not rest:
        return None
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    if alias_key(head) in actor_words().part_nouns:
        ref = infer_actor(rest, countries, lex)
        if ref.side != "unknown" or ref.acled_type:
            return ActorRef(ref.name, ref.side, ref.acled_type, phrase, ref.known)
        return None
    ref = infer_actor(head, countries, lex)
    if ref.side != "unknown":
        return ActorRef(ref.name, ref.side, ref.acled_type, phrase, ref.known)
    return None


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
