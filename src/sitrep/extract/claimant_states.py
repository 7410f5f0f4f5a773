"""Claimants named by their state: a state body with its state ("the Azerbaijani Ministry of
Health", "Lebanon's health minister"), a generic body as the article's state's ("the army
said" in a Colombian story), a state speaking alone through its government ("Armenia
says"), a state named by its form ("Colony and Protectorate of Kenya").

``StateClaimants`` is a part of ``ClaimantLexicon`` (``claimants.py``): its methods read the
lexicon's entries."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..lexicon.claim_terms import load_attribution_terms
from ..lexicon.loader import read_json
from ..records import Claimant
from .claimant_names import SHORT_OWNER, short_state_names
from .name_text import claimant_key
from .state_bodies import state_body_index

_ARTICLES = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


# "Colony and Protectorate of Kenya": a name that ends with the state it belongs to.
_OF_A_STATE = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


# Heads of a portfolio's generic name (``portfolio_heads`` of data/claimant_kinds.json).
_PORTFOLIO_HEADS = frozenset(read_json("claimant_kinds.json")["portfolio_heads"])


def portfolio_words(bare: str) -> bool:
    """'Defence Ministry', 'Interior Minister': a state body's generic form, in capitals, that
    names a portfolio ("National Police" and "National Guard" are names of their own)."""
    low = bare.lower()
    return low in state_body_index()[3] and any(w in low.split() for w in _PORTFOLIO_HEADS)


@lru_cache(maxsize=1)
def _state_form_words() -> frozenset[str]:
    return frozenset(read_json("claimant_kinds.json")["state_form_words"])


class ArticleStates(list):
    """An article's states (ISO-2 codes, most named first) that know whether the article names
    its lead state itself, by name or demonym, not only by its towns: read once, when a
    phrase cut from the article ("the Interior Ministry") is resolved, where the phrase alone
    cannot tell (a Madrid story that mentions Iraq once: its interior ministry is Spain's)."""

    def __init__(self, codes, text: str, lexicon: "StateClaimants") -> None:
        super().__init__(codes)
        self._text, self._lexicon, self._named = text, lexicon, None

    @property
    def lead_named(self) -> bool:
        if self._named is None:
            self._named = bool(self) and self._lexicon.names_state(self._text, self[0])
        return self._named


class SpeakerStates(list):
    """The article's states with the one a sentence's own words say it speaks from first (a
    monitoring digest's item, "Amman home service, ...: An army spokesman said"): that state is
    named, and another state's context alias ("the army" of a war file) is not its body."""

    lead_named = True


class StateClaimants:
    """The state-named claimants of a ``ClaimantLexicon`` (its ``entries``)."""

    def state_body(self, phrase: str) -> Claimant | None:
        """'the Azerbaijani Ministry of Health', "Lebanon's health minister", 'the Ministry of
        Defence of Russia' -> '<demonym> <body>' (the lexicon's entry when it has one by that
        name). None when the phrase names no state body with its state."""
        regex, owners, demonym_of, forms = state_body_index()
        short = SHORT_OWNER.match(phrase)
        code = short_state_names().get(short.group("owner")) if short else None
        if code in demonym_of:  # "UK Ministry of Defence": a short name written in capitals owns it
            body = self.state_body(f"{demonym_of[code]} {short.group('rest')}")
            return replace(body, as_written=phrase) if body is not None else None
        m = regex.search(phrase)
        if m is None:
            return None
        if m.group("owner2") and re.match(r"\s+[A-Z]", phrase[m.end():]):
            return None  # "Relief officials of the Turkish Red Crescent": a state's word inside a name (set AP)
        owner = (m.group("owner") or m.group("owner2") or "").lower().replace("’", "'")
        owner = owner[:-2] if owner.endswith("'s") else owner
        body = (m.group("body") or m.group("body2")).lower()
        if body == "state" and (m.group("body") or m.group("body2")) != "state":
            return None  # "the Algerian state" speaks as its government; "State Minister" is an office
        code = owners.get(owner)
        name_kind = forms.get(" ".join(body.split()))
        if code is None or name_kind is None:
            return None
        body_name, kind = name_kind
        name = f"{demonym_of[code]} {body_name}"
        for options in (self.entries.get(claimant_key(name)) or ()):
            entry = options[0]
            if not entry.generic:
                return Claimant(name=entry.name, kind=entry.kind, as_written=m.group(0), known=True)
        return Claimant(name=name, kind=kind, as_written=m.group(0), known=True)

    def in_country(self, claimant: Claimant, phrase: str, country: str | None, capitals: bool = True) -> Claimant:
        """A generic state body as the article's state's ("the army said" in a Colombian
        story is the Colombian army's): '<demonym> <body>' when the phrase is one of the
        state-body forms, else the claimant unchanged; a portfolio in capitals ("The Defence
        Ministry") only with ``capitals`` (the caller knows the story names its state as a state)."""
        if country is None or claimant.known and claimant.kind != "government":
            return claimant
        placed = self._in_country(claimant, phrase, country, capitals)
        if placed is claimant and claimant.as_written and claimant.as_written != phrase and not claimant.known:
            # "the army command said": the generic body its words were read as ("the army")
            placed = self._in_country(claimant, claimant.as_written, country, capitals)
        return placed

    def _in_country(self, claimant: Claimant, phrase: str, country: str, capitals: bool = True) -> Claimant:
        _, _, demonym_of, forms = state_body_index()
        bare = " ".join(_ARTICLES.sub("", phrase.strip()).split())
        words = bare.split()
        if len(words) > 1 and words[-1].lower() in load_attribution_terms().speaker_roles:
            bare = " ".join(words[:-1])  # "a government spokesman" speaks for the government
        other = _armies_fighting_in().get(country)
        if other in demonym_of and bare.lower() in ("army", "military", "armed forces"):
            # "the army said", "an army spokesman said" in a Gaza story: a territory with no army
            # of its own is fought in by another state's (claimant_kinds.json ``armies_fighting_in``)
            found = self.resolve(f"{demonym_of[other]} {bare}", [other])
            if found is not None and found.known:
                return Claimant(found.name, found.kind, claimant.as_written or phrase, True)
        long_form = len(bare.split()) > 3 and " ".join(bare.lower().split()) not in forms  # "Ministry of Internal Affairs" is one
        if country not in demonym_of or long_form or any(w[:1].isupper() for w in bare.split()[:-1]) \
                and not (capitals and portfolio_words(bare)):
            return claimant  # ("the Defence Ministry", "the Interior Minister": a portfolio in capitals is generic)
        qualified = f"{demonym_of[country]} {bare}"
        body = self.state_body(qualified)
        if body is None or len(body.as_written or "") < len(qualified) - 1:
            return claimant  # the body must be the whole phrase ("transitional government")
        return Claimant(body.name, body.kind, claimant.as_written or phrase, True)

    def names_state(self, text: str, code: str) -> bool:
        """Whether ``text`` names the state ``code`` as a state, by its name or demonym
        ("Mali", "Malian"), not only by its towns (a pass over the whole text)."""
        from .context import country_mentions

        # (a mention's span may end with the sentence's full stop: "in northern Mali.")
        return any(c == code and self.state_government(text[a:b].rstrip(".")) is not None
                   for a, b, c in country_mentions(text))

    def state_government(self, phrase: str) -> Claimant | None:
        """A state named alone as a speaker ("Azerbaijan announced", "Armenia says") speaks
        through its government: '<demonym> government' (or the lexicon's entry of that name)."""
        bare = _ARTICLES.sub("", phrase.strip()).replace("’", "'")
        if not bare[:1].isupper():
            return None
        _, owners, demonym_of, _ = state_body_index()
        code = owners.get(bare.lower())
        if code is None or bare.lower() != demonym_of[code].lower() and bare.lower() not in (
                n.lower() for n in self._country_names(code)):
            return None
        name = f"{demonym_of[code]} government"
        for entry, _ctx in (self.entries.get(claimant_key(name)) or ()):
            if not entry.generic:
                return Claimant(name=entry.name, kind=entry.kind, as_written=phrase, known=True)
        return Claimant(name=name, kind="government", as_written=phrase, known=True)

    @staticmethod
    def _country_names(code: str) -> list[str]:
        _, owners, _, _ = state_body_index()
        return [w for w, c in owners.items() if c == code]

    def named_for_its_state(self, name: str) -> Claimant | None:
        """'Colony and Protectorate of Kenya': a name of the state itself, with no kind of body
        in it, is the state's government; None for any other name."""
        bare = _ARTICLES.sub("", name.strip())
        of_state = _OF_A_STATE.search(bare)
        if of_state is None or self._kind_from_words(name) is not None \
                or not set(bare[:of_state.start()].lower().split()) <= _state_form_words():
            return None
        return self.state_government(of_state.group(1))


@lru_cache(maxsize=1)
def army_state(country: str | None, form: str) -> str | None:
    """The state whose force a bare army word ("army", "military", "armed forces") names in a
    story set in ``country``: another state's where that territory has no army of its own
    (``armies_fighting_in``: "an army spokesman" in a Gaza story is Israel's)."""
    if country is not None and form.lower() in ("army", "military", "armed forces"):
        return _armies_fighting_in().get(country, country)
    return country


def _armies_fighting_in() -> dict[str, str]:
    return dict(read_json("claimant_kinds.json").get("armies_fighting_in", {}))
