"""Who claims a figure: the claimants lexicon and the canonicaliser.

The lexicon is data, loaded by ``claimant_files`` (``data/claimants/*.json`` plus any
``$SITREP_DATA_DIR/claimants/*.json`` a user adds). Aliases that are ambiguous across wars
("the army", "state television") live in ``context_aliases`` and only count when the article
is about that file's countries. A claimant that no file knows is kept as written, with a
kind guessed from its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Sequence

from ..lexicon.claim_terms import load_attribution_terms
from ..lexicon.loader import read_json
from ..records import Claimant
from .claimant_names import (
    PEOPLE_OF_A_BODY, SHORT_OWNER, body_of_named_owner, minister_of, owned_by_the_state, placed_speaker_name, short_state_names,
    state_envoy, state_level, written_name,
)
from .alias_position import INTERNATIONAL_KINDS, glued_acronym, state_before, tail_of_name
from .name_text import alias_regex
from .state_bodies import names_a_state, state_body_index


_ARTICLES = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
# Aliases up to this length written in capitals are acronyms, matched only in capitals.
ACRONYM_MAX_LEN = 6


@dataclass(slots=True)
class ClaimantEntry:
    name: str
    kind: str
    countries: frozenset[str]
    generic: bool


@dataclass(slots=True)
class ClaimantMatch:
    start: int
    end: int
    claimant: Claimant
    via_context: bool = False  # matched by an alias that only counts in its war's articles


_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")


@lru_cache(maxsize=65_536)
def claimant_key(text: str) -> str:
    """Lookup key: case, quotes, and hyphens folded ("Al Qudra" = "al-Qudra", as the
    alias regex already matches either). Memoised: the lexicon's 12,000 aliases at start-up
    and the same few names in every article (a bounded memo keeps memory flat)."""
    text = _HYPHEN.sub(" ", text.replace("’", "'"))
    return " ".join(text.lower().split())


# "the U.N.-backed government", "Iran-backed Houthis", "Hamas-run ministry": a name that
# starts a compound modifier describes another body; it does not name the speaker.
_COMPOUND_MODIFIER = re.compile(r"-[a-z]")
# Texts whose alias scan ``ClaimantLexicon`` keeps (sentences, phrases and a few articles:
# a few MB at most); the memo is emptied when full.
SCAN_MEMO_MAX = 4096


_INITIALS_WITH_DOT = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


# "Colony and Protectorate of Kenya": a name that ends with the state it belongs to.
_OF_A_STATE = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def _portfolio_words(bare: str) -> bool:
    """'Defence Ministry', 'Interior Minister': a state body's generic form, in capitals, that
    names a portfolio ("National Police" and "National Guard" are names of their own)."""
    low = bare.lower()
    return low in state_body_index()[3] and any(w in low.split() for w in _PORTFOLIO_HEADS)


def portfolio_in_capitals(phrase: str | None) -> bool:
    """'The Defence Ministry', 'Interior Ministry': a portfolio's generic name written in capitals."""
    bare = _ARTICLES.sub("", (phrase or "").strip())
    return bare != bare.lower() and _portfolio_words(bare)


# Heads of a portfolio's generic name (``portfolio_heads`` of data/claimant_kinds.json).
_PORTFOLIO_HEADS = frozenset(read_json("claimant_kinds.json")["portfolio_heads"])


@lru_cache(maxsize=1)
def _state_form_words() -> frozenset[str]:
    return frozenset(read_json("claimant_kinds.json")["state_form_words"])


# A body's people before its capitalised name ("Officials of the Ministry of Social Welfare").
# (Capitals read as written, the joining words in lower case: one way to match each word.)
_PEOPLE_OF_NAMED_BODY = re.compile(rf"^(?i:the\s+)?(?:[A-Za-z]+\s+)?(?i:{'|'.join(sorted(PEOPLE_OF_A_BODY))})\s+(?:of|from|at)\s+"
                                   r"(?P<body>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w'’-]*)+)$")
# "at the scene", "on the ground", "at the checkpoint": a lowercase place after a speaker.
_AT_THE_SCENE = re.compile(r"\s+(?:at|on|in|near)\s+the\s+[a-z]+$")


@dataclass
class ClaimantLexicon:
    """Alias -> claimant, with one compiled alternation for finding aliases in text."""

    # normalised alias -> [(entry, context_only)]
    entries: dict[str, list[tuple[ClaimantEntry, bool]]] = field(default_factory=dict)
    # Short acronyms (UN, SDF, HTS) must be written in capitals to count: "un" is a word.
    acronyms: set[str] = field(default_factory=set)
    # One-word names that are also English words ("Dawn", "Nation") count only capitalised:
    # "arrived before dawn" names no newspaper.
    proper_words: set[str] = field(default_factory=set)
    # claimant -> the body it belongs to (OCHA -> United Nations), from "part_of" in the data
    parents: dict[str, str] = field(default_factory=dict)
    kind_words: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)  # kind -> its words
    kind_acronyms: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)  # kind -> "WHO", as written
    # States whose war some file describes with context aliases ("the army" is the IDF in Gaza)
    context_states: set[str] = field(default_factory=set)
    _regex: re.Pattern[str] | None = None
    _last_context_only: bool = False
    # (text, overlapping) -> the aliases written in it (``_aliases_in``); emptied by ``add``
    _scans: dict[tuple[str, bool], tuple[tuple[int, int, str], ...]] = field(
        default_factory=dict, repr=False, compare=False)

    def add(self, alias: str, entry: ClaimantEntry, context_only: bool) -> None:
        self.entries.setdefault(claimant_key(alias), []).append((entry, context_only))
        if context_only:
            self.context_states.update(entry.countries)
        if alias.replace(".", "").isupper() and len(alias) <= ACRONYM_MAX_LEN:
            self.acronyms.add(claimant_key(alias))
        elif " " not in alias.strip() and alias[:1].isupper() and alias[1:].islower():
            self.proper_words.add(claimant_key(alias))
        self._regex = None
        self._scans.clear()  # a new alias may be written in a text scanned before

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            # A trie-shaped alternation: one flat alternation of ~800 aliases cost 13 ms
            # per article; the trie is several times faster (same matches, longest first).
            self._regex = alias_regex(self.entries, re.IGNORECASE) or re.compile(r"(?!x)x")
        return self._regex

    def _pick(self, alias: str, countries: Sequence[str], original: str,
              lead_named: Callable[[], bool] = lambda: False) -> ClaimantEntry | None:
        options = self.entries.get(claimant_key(alias))
        if not options:
            return None
        if claimant_key(alias) in self.acronyms and not original.replace(".", "").isupper():
            return None
        if claimant_key(alias) in self.proper_words and original.islower():
            return None
        # Rank by the article's countries, most named first: in a Lebanon story that names
        # Israel too, "the health ministry" is Lebanon's.
        rank = {c: i for i, c in enumerate(countries)}
        best: ClaimantEntry | None = None
        best_key = None
        for entry, context_only in options:
            place = min((rank[c] for c in entry.countries if c in rank), default=None)
            if context_only and place is None:
                continue
            key = (place is None, place if place is not None else 0, entry.generic)
            if best is None or key < best_key:
                best, best_key, self._last_context_only = entry, key, context_only
        if best is not None and self._last_context_only and best_key[1] > 0 \
                and countries[0] not in self.context_states:
            # "Army officials said" in a Burundi story that also names Congo: no file describes
            # the lead state's war, so its words are its own (the generic word, named after the
            # lead state later), not Congo's FARDC; a Gaza story's "the army" stays the IDF
            generic = next((e for e, ctx_only in options if e.generic and not ctx_only), None)
            if generic is not None and countries[0] in state_body_index()[2]:
                best, self._last_context_only = generic, False
            elif countries[0] in state_body_index()[2] and lead_named():
                # "Defence Minister Vladimir Padrino Lopez" in a Venezuela digest that names
                # Colombia too: no alias of the lead state's, the words stay the lead state's
                # body (read by the state bodies), not Colombia's ministry (set Y's Apure digest);
                # only when the text names the lead state itself, not only its towns ("Jessore,
                # Pakistan" in 1971 leads with today's Bangladesh by its town)
                return None
        return best

    def find(self, text: str, countries: Sequence[str] = (), overlapping: bool = False) -> list[ClaimantMatch]:
        """Known claimant aliases in ``text``, leftmost-longest and not overlapping; with
        ``overlapping``, also those starting inside another ("the military operations
        command" holds both "the military" and "military operations command")."""
        found: list[ClaimantMatch] = []
        named: list[bool] = []  # whether the text names its lead state, read once when asked

        def lead_named() -> bool:
            if not named:
                named.append(bool(countries) and self.names_state(text, countries[0]))
            return named[0]

        for start, end, written in self._aliases_in(text, overlapping):
            entry = self._pick(written, countries, written, lead_named)
            if entry is None:
                continue
            if (self._last_context_only or entry.generic) and tail_of_name(text, start):
                continue  # "the Ansar al-Sunna Army", "Central African Red Cross": another body's name
            if not entry.countries and entry.kind in INTERNATIONAL_KINDS and state_before(text, start):
                continue  # "the Kenya Red Cross", "the Salvadoran Red Cross": a national society, not the ICRC
            found.append(ClaimantMatch(start, end, Claimant(
                name=entry.name, kind=entry.kind, as_written=written, known=not entry.generic),
                self._last_context_only))
        return found

    def _aliases_in(self, text: str, overlapping: bool) -> tuple[tuple[int, int, str], ...]:
        """(start, end, as written) of the aliases in ``text``, less compound modifiers and
        glued acronyms. The same whatever the article's countries, so kept per text: an
        article is scanned again once its lead state is known, and the same phrases are
        resolved at many figures (the scan was 2-4 % of extraction)."""
        key = (text, overlapping)
        found = self._scans.get(key)
        if found is None:
            if len(self._scans) >= SCAN_MEMO_MAX:
                self._scans.clear()
            found = self._scans[key] = tuple(
                (m.start(), m.end(), m.group(0))
                for m in (self._overlapping(text) if overlapping else self.regex.finditer(text))
                if not (_COMPOUND_MODIFIER.match(text, m.end()) or (
                    claimant_key(m.group(0)) in self.acronyms and glued_acronym(text, m.start(), m.end()))))
        return found

    def _overlapping(self, text: str):
        pos = 0
        while True:
            m = self.regex.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.start() + 1

    def resolve(self, phrase: str, countries: Sequence[str] = ()) -> Claimant | None:
        """The claimant a noun phrase names, or None when it names none.

        A phrase that contains a known alias resolves to it (the most specific one, so
        "opposition war monitor the Syrian Observatory" is the Observatory, not the
        opposition). Otherwise the phrase as written, with a kind from its words.
        """
        phrase = phrase.strip(" ,;:\"'“”‘’()").lstrip("-–—•* ")  # "- Military Region II ...": a bullet
        if not _INITIALS_WITH_DOT.search(phrase):  # "U.N." keeps the dot its alias is written with
            phrase = phrase.strip(" ,.;:\"'“”‘’()")
        if not phrase:
            return None
        phrase = owned_by_the_state(minister_of(state_level(phrase)), countries)
        matches = self.find(phrase, countries, overlapping=True)
        specific = [m for m in matches if m.claimant.known]
        plain = [m for m in specific if not m.via_context]
        # A body named with its state ("the Azerbaijani Ministry of Health") is that
        # state's, whatever a context alias of this war says ("Ministry of Health").
        body = None if plain else self.state_body(phrase)
        if body is not None:
            return body
        if specific:
            # A name ("Oleh Syniehubov") beats a role that stands for someone only in this
            # war's articles ("regional governor"); then the longest.
            return max(specific, key=lambda m: (not m.via_context, m.end - m.start)).claimant
        if matches:
            return self._generic_named(phrase, max(matches, key=lambda m: (m.end - m.start)).claimant)
        state = self.state_government(phrase)
        if state is not None:
            return state
        envoy = state_envoy().match(_ARTICLES.sub("", phrase.strip()))
        government = self.state_government(envoy.group("state")) if envoy else None
        if government is not None:  # "a Kuwaiti diplomat in Cairo": a state's diplomats speak for its government
            return replace(government, as_written=phrase)
        kind = self.guess_kind(phrase)
        written = written_name(phrase)
        if written is None:
            return None
        cleaned, phrase = written
        own_kind = self.guess_kind(cleaned)
        return Claimant(name=cleaned, kind=own_kind if own_kind != "unknown" else kind, as_written=phrase, known=False)

    def _generic_named(self, phrase: str, generic: Claimant) -> Claimant:
        """A phrase holding only a generic alias ("the government", "health officials"):
        the body of an owner it names ("the Borno government"), a more specific kind its
        words give ("local health officials"), or the generic claimant."""
        people_of = _PEOPLE_OF_NAMED_BODY.match(phrase)
        if people_of is not None and (body := self.resolve(people_of.group("body"))) is not None:
            return body  # "Officials of the Ministry of Social Welfare": the ministry (set AP)
        owned = body_of_named_owner(_ARTICLES.sub("", phrase))
        if owned is not None:
            return Claimant(name=owned, kind=generic.kind, as_written=phrase, known=False)
        # "local health officials": more than the generic word; keep what the text says
        # when its words give a more specific kind than the generic entry.
        kind = self.guess_kind(phrase)
        if kind not in ("unknown", generic.kind) and len(phrase.split()) <= 6:
            name = _AT_THE_SCENE.sub("", placed_speaker_name(_ARTICLES.sub("", phrase)))
            return Claimant(name=name, kind=kind, as_written=phrase, known=False)
        # "Police officials at the scene": where they stood is no part of the name
        bare = _AT_THE_SCENE.sub("", placed_speaker_name(_ARTICLES.sub("", phrase)))
        if len(bare.split()) <= 4 and any(w[:1].isupper() for w in bare.split()) and \
                not self.state_body(bare) and bare.lower() != generic.as_written.lower():
            # "the Borno government": a named government, not any government
            return Claimant(name=bare, kind=generic.kind, as_written=phrase, known=False)
        return generic

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
        if country not in demonym_of or len(bare.split()) > 3 or any(w[:1].isupper() for w in bare.split()[:-1]) \
                and not (capitals and _portfolio_words(bare)):
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

    def canonical(self, name: str | None, countries: Sequence[str] = ()) -> str | None:
        """Canonical name for a name as written (used to compare with reference annotations)."""
        if not name:
            return None
        claimant = self.resolve(name, countries)
        return claimant.name if claimant else name

    def lineage(self, name: str) -> list[str]:
        """``name`` and the bodies it belongs to, innermost first (OCHA, United Nations)."""
        out = [name]
        while out[-1] in self.parents and self.parents[out[-1]] not in out:
            out.append(self.parents[out[-1]])
        return out

    def countries_of(self, name: str) -> tuple[str, ...]:
        """The countries of the entry called ``name`` (its war), empty when unknown."""
        for options in self.entries.values():
            for entry, _ in options:
                if entry.name == name:
                    return tuple(sorted(entry.countries))
        return ()

    def kind_of(self, name: str) -> str | None:
        for options in self.entries.values():
            for entry, _ in options:
                if entry.name == name:
                    return entry.kind
        return None

    def guess_kind(self, phrase: str) -> str:
        bare = _ARTICLES.sub("", phrase.strip())
        owner = re.match(r"^(.+?)['’]s\s", bare)
        if names_a_state(bare) or (owner and names_a_state(owner.group(1))
                                 and not self._kind_from_words(phrase)):
            # "Ukraine says", "Ukraine's coordination headquarters": a state's own body
            return "government"
        # "Colony and Protectorate of Kenya": the state named by its form is the state's
        return self._kind_from_words(phrase) or ("government" if self.named_for_its_state(bare) else "unknown")

    def named_for_its_state(self, name: str) -> Claimant | None:
        """'Colony and Protectorate of Kenya': a name of the state itself, with no kind of body
        in it, is the state's government; None for any other name."""
        bare = _ARTICLES.sub("", name.strip())
        of_state = _OF_A_STATE.search(bare)
        if of_state is None or self._kind_from_words(name) is not None \
                or not set(bare[:of_state.start()].lower().split()) <= _state_form_words():
            return None
        return self.state_government(of_state.group(1))

    def _kind_from_words(self, phrase: str) -> str | None:
        for kind, words in self.kind_acronyms:
            if words.search(phrase):
                return kind
        low = f" {claimant_key(phrase)} "
        for kind, words in self.kind_words:
            if words.search(low):
                return kind
        return None
