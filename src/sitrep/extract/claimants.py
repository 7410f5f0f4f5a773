"""Who claims a figure: the claimants lexicon and the canonicaliser.

The lexicon is data, loaded by ``claimant_files`` (``data/claimants/*.json`` plus any
``$SITREP_DATA_DIR/claimants/*.json`` a user adds). Aliases that are ambiguous across wars
("the army", "state television") live in ``context_aliases`` and only count when the article
is about that file's countries. A claimant that no file knows is kept as written, with a
kind guessed from its words. Claimants named by their state are ``claimant_states``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from ..records import Claimant
from .claimant_names import (
    PEOPLE_OF_A_BODY, attributed_owner, body_of_named_owner, envoy_of_sender, minister_of, owned_by_the_state, placed_speaker_name, state_envoy, state_level, states_body_of_office,
    written_name,
)
from .alias_position import INTERNATIONAL_KINDS, glued_acronym, state_before, state_code_before, tail_of_name
from .claimant_states import ArticleStates, SpeakerStates, StateClaimants, portfolio_words
from .name_text import alias_regex, claimant_key
from .state_bodies import names_a_state, state_body_index


def a_whole_government(claimant: Claimant) -> bool:
    """A state's government as a whole ("Indian government"), not one of its bodies."""
    return claimant.kind in ("government", "foreign_government") and claimant.name.endswith(" government")


_ARTICLES = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
# The lowercase joiners of a place's name ("Rio de Janeiro", "Santiago del Estero").
_PLACE_JOINERS = frozenset({"de", "del", "da", "do", "dos", "das", "la", "las", "los", "el", "des", "du", "le"})
# Aliases up to this length written in capitals are acronyms, matched only in capitals.
ACRONYM_MAX_LEN = 6
# An acronym said as a word may be written in title case ("Unicef", "Unmiss", "Minusma": the
# Guardian's and the BBC's style) from this many letters; shorter ones are words ("Who", "Sana").
# Set on sets BT and BU (house-style "Unicef"); four-letter ones count only as a file writes them.
TITLE_CASE_ACRONYM_MIN = 5


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


# "the U.N.-backed government", "Iran-backed Houthis", "Hamas-run ministry": a name that
# starts a compound modifier describes another body; it does not name the speaker.
_COMPOUND_MODIFIER = re.compile(r"-[a-z]")
# "the Kukawa local government area", "a government hospital": "government" naming a kind of
# area or of building, not the state's government that speaks (set CJ's Baga story).
_GOVERNMENT_AS_KIND = re.compile(r"\s+(?:areas?|councils?|hospitals?|schools?)\b")
# Texts whose alias scan ``ClaimantLexicon`` keeps (sentences, phrases and a few articles:
# a few MB at most); the memo is emptied when full.
SCAN_MEMO_MAX = 4096


_INITIALS_WITH_DOT = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


def portfolio_in_capitals(phrase: str | None) -> bool:
    """'The Defence Ministry', 'Interior Ministry': a portfolio's generic name written in capitals."""
    bare = _ARTICLES.sub("", (phrase or "").strip())
    return bare != bare.lower() and portfolio_words(bare)


# A body's people before its capitalised name ("Officials of the Ministry of Social Welfare").
# (Capitals read as written, the joining words in lower case: one way to match each word.)
_PEOPLE_OF_NAMED_BODY = re.compile(rf"^(?i:the\s+)?(?:[A-Za-z]+\s+)?(?i:{'|'.join(sorted(PEOPLE_OF_A_BODY))})\s+(?:of|from|at)\s+"
                                   r"(?P<body>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w'’-]*)+"
                                   # ("officials of the Kurdish regional administration in Dohuk": a
                                   # people's or a place's body in lowercase; set CT's Turkish daily)
                                   r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[a-z]+)?\s+(?:administration|government|authority|council)"
                                   r")(?:(?:(?<=administration)|(?<=government)|(?<=authority)|(?<=council))\s+in\s+[A-Z][\w'’-]*)?$")
# "at the scene", "on the ground", "at the checkpoint": a lowercase place after a speaker.
_AT_THE_SCENE = re.compile(r"\s+(?:at|on|in|near)\s+the\s+[a-z]+$")


# "... in New Delhi": a place after a speaker (``ClaimantLexicon._only_where``), and the kinds
# of speaker that a capital named after them does not make the state's (set BD's Kashmir daily).
_WHERE_BEFORE = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_A_STATES_VOICE = frozenset({"media", "medical", "ngo", "un", "monitor"})


# "... backed by the Turkish navy": who backs a speaker describes it, no part of its name.
def _backed_by() -> re.Pattern[str]:
    from ..lexicon.actor_words import actor_words  # ("backing_verbs": the words of "<State>-backed militias")

    return compile_backed_by(actor_words().backing_verbs)


@lru_cache(maxsize=1)
def compile_backed_by(verbs: frozenset[str] | tuple[str, ...]) -> re.Pattern[str]:
    """'<verb> by the': a backer named after a speaker ("... backed by the Turkish navy")."""
    return re.compile(rf"(?<=\S)\s+(?:{'|'.join(sorted(verbs))})\s+by\s+.*$")


# "<body> in <City>": a body placed in a town, its name last (one or two capitalised words).
_IN_A_CAPITAL = re.compile(r"^(?P<body>.*\S)\s+in\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


@lru_cache(maxsize=1)
def _capital_codes(gazetteer) -> dict[str, str]:
    """National capitals, lowercased -> ISO2."""
    return {name.lower(): cc for cc, name in gazetteer.capitals.items()}


@dataclass
class ClaimantLexicon(StateClaimants):
    """Alias -> claimant, with one compiled alternation for finding aliases in text."""

    # normalised alias -> [(entry, context_only)]
    entries: dict[str, list[tuple[ClaimantEntry, bool]]] = field(default_factory=dict)
    # Short acronyms (UN, SDF, HTS) must be written in capitals to count: "un" is a word.
    acronyms: set[str] = field(default_factory=set)
    # One-word names that are also English words ("Dawn", "Nation") count only capitalised:
    # "arrived before dawn" names no newspaper.
    proper_words: set[str] = field(default_factory=set)
    # Aliases exactly as the files write them ("Unicef" beside "UNICEF")
    written: set[str] = field(default_factory=set)
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
        self.written.add(alias)
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

    def _acronym_as_a_word(self, written: str) -> bool:
        """'Unicef', 'Minusma': an acronym said as a word, written in title case as some
        house styles do; four letters or fewer only as a file writes it ("Who" is a word)."""
        return written.isalpha() and written[:1].isupper() and written[1:].islower() \
            and (len(written) >= TITLE_CASE_ACRONYM_MIN or written in self.written)

    def _pick(self, alias: str, countries: Sequence[str], original: str,
              lead_named: Callable[[], bool] = lambda: False) -> ClaimantEntry | None:
        options = self.entries.get(claimant_key(alias))
        if not options:
            return None
        if claimant_key(alias) in self.acronyms and not original.replace(".", "").isupper() \
                and not self._acronym_as_a_word(original):
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
        generic = next((e for e, ctx_only in options if e.generic and not ctx_only), None)
        if best is not None and self._last_context_only and best_key[1] > 0 \
                and (countries[0] not in self.context_states or isinstance(countries, SpeakerStates)
                     or generic is not None and not any(ctx_only and countries[0] in e.countries
                                                        for e, ctx_only in options)):
            # "Army officials said" in a Burundi story that also names Congo: no file describes
            # the lead state's war, so its words are its own (the generic word, named after the
            # lead state later), not Congo's FARDC; nor when the lead state's file gives a
            # generic word no meaning ("the army" in a Lebanese story naming Palestinians is
            # Lebanon's); a Gaza story's "the army" stays the IDF
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
            if not named:  # an article's states know it; a text of its own is read for it
                named.append(countries.lead_named if isinstance(countries, (ArticleStates, SpeakerStates))
                             else bool(countries) and self.names_state(text, countries[0]))
            return named[0]

        for start, end, written in self._aliases_in(text, overlapping):
            entry = self._pick(written, countries, written, lead_named)
            if entry is None:
                continue
            if (self._last_context_only or entry.generic) and tail_of_name(text, start):
                continue  # "the Ansar al-Sunna Army", "Central African Red Cross": another body's name
            if not entry.countries and entry.kind in INTERNATIONAL_KINDS and state_before(text, start):
                continue  # "the Kenya Red Cross", "the Salvadoran Red Cross": a national society, not the ICRC
            if self._last_context_only and entry.countries and (code := state_code_before(text, start)) \
                    and code not in entry.countries:
                continue  # "Lebanese Civil Defence": another state's body, not this war's "civil defence"
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
                    m.group(0).lower().endswith("government") and _GOVERNMENT_AS_KIND.match(text, m.end())) or (
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
        phrase = owned_by_the_state(minister_of(states_body_of_office(state_level(envoy_of_sender(attributed_owner(phrase))))),
                                    countries)
        phrase = _backed_by().sub("", phrase)  # "Syrian rebels backed by the Turkish navy": the rebels
        seated = self._seated_in_a_capital(phrase)
        if seated is not None:
            return seated
        matches = [m for m in self.find(phrase, countries, overlapping=True) if not self._only_where(phrase, m)]
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
            # and a state's body beats its government named with it ("Press Information Bureau,
            # Government of India (Ministry of Home Affairs release)": the ministry; set AS)
            return max(specific, key=lambda m: (not a_whole_government(m.claimant), not m.via_context,
                                                m.end - m.start)).claimant
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

    def _seated_in_a_capital(self, phrase: str) -> Claimant | None:
        """'A government spokesman in Amman', 'the interior ministry in Tripoli': a generic
        state body placed in a state's capital is that state's (sets BS and BT: Jordan 1970,
        Indonesia 2001), whichever state the article leads with; a body of its own name, a
        town that is no capital and a body no state owns stay as they are."""
        m = _IN_A_CAPITAL.match(phrase)
        if m is None:
            return None
        from .gazetteer import get_gazetteer

        capitals = _capital_codes(get_gazetteer())
        code = capitals.get(m.group("city").lower())
        if code is None:
            return None
        body = m.group("body")
        who = self.resolve(body, (code,))
        if who is None or who.known:
            return None
        placed = self.in_country(who, body, code)
        return replace(placed, as_written=phrase) if placed.known and placed.name != who.name else None

    def _only_where(self, phrase: str, match: ClaimantMatch) -> bool:
        """A body named after "in" that only says where speakers of another kind are ("Some
        television channels in New Delhi", "doctors in Kabul"): not the body speaking."""
        before = phrase[:match.start]
        if not _WHERE_BEFORE.search(before):
            return False
        return self.guess_kind(_WHERE_BEFORE.sub("", before)) in _NOT_A_STATES_VOICE


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
        if len([w for w in bare.split() if w not in _PLACE_JOINERS]) <= 4 and any(w[:1].isupper() for w in bare.split()) and \
                not self.state_body(bare) and bare.lower() != generic.as_written.lower():
            # "the Borno government": a named government, not any government ("the Rio de
            # Janeiro state government": a place's joiners add no words; set CU's Rio liveblog)
            return Claimant(name=bare, kind=generic.kind, as_written=phrase, known=False)
        return generic

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

    def _kind_from_words(self, phrase: str) -> str | None:
        for kind, words in self.kind_acronyms:
            if words.search(phrase):
                return kind
        low = f" {claimant_key(phrase)} "
        for kind, words in self.kind_words:
            if words.search(low):
                return kind
        return None
