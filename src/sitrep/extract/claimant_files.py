"""The claimants lexicon loaded: the claimant files of the package, of
``$SITREP_DATA_DIR/claimants`` and any a caller names, plus the armed groups of the actor files
as claimants of their side's kind."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

from ..lexicon.actor_words import actor_words
from ..lexicon.claim_terms import demonym_words
from ..lexicon.loader import lexicon_files, read_bytes, read_json, read_json_file
from ..lexicon.state_cache import cached_state, source_of
from .claimants import ACRONYM_MAX_LEN, ClaimantEntry, ClaimantLexicon
from .name_text import claimant_key


_KIND_OF_SIDE = {"government": "government", "opposition": "opposition", "foreign": "foreign_government"}
# How alike two words must be to be spellings of one ("Shabaab", "Shabab"): difflib ratio.
SPELLING_SIMILARITY = 0.8


@lru_cache(maxsize=None)
def _distinctive(name: str) -> tuple[str, ...]:
    words = re.split(r"[\s-]+", claimant_key(name))
    return tuple(w for w in words if len(w) > 2 and w not in actor_words().common_name_words
                 and w not in demonym_words())


def _same_body(alias: str, name: str) -> bool:
    """Whether an actor alias is a spelling of the actor's own name ("Al Shabab" of
    "al-Shabaab", "HNP" of "Haitian National Police"), not another body the actor file
    lumps in with it ("Kenyan police" with the Haitian police, for the side)."""
    if alias.replace(".", "").isupper() and len(alias) <= ACRONYM_MAX_LEN:
        initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
        return alias.replace(".", "") == initials
    if name.replace("-", "").isupper() and len(name) <= ACRONYM_MAX_LEN:
        # "Revolutionary Armed Forces of Colombia" of "FARC": the initials of a name spelt out,
        # in another language's word order ("Fuerzas Armadas Revolucionarias de Colombia")
        initials = "".join(w[0] for w in re.split(r"[\s-]+", alias.lower()) if w and w not in _NAME_JOINERS)
        if len(initials) > 1 and sorted(initials) == sorted(name.replace("-", "").lower()):
            return True
    if set(re.split(r"[\s-]+", claimant_key(alias))) <= set(re.split(r"[\s-]+", claimant_key(name))):
        return True  # a shortening of the name ("Haitian police" of "Haitian National Police")
    own = _distinctive(name)
    return any(_similar_spelling(a, b) for a in _distinctive(alias) for b in own)


# Words a name spelt out leaves out of its acronym ("Fuerzas Armadas Revolucionarias de Colombia").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "des", "du", "le", "et"})


def _similar_spelling(a: str, b: str) -> bool:
    """Whether two words are spelt alike (SequenceMatcher ratio >= SPELLING_SIMILARITY).
    The cheap upper bounds are tried first (ratio <= quick_ratio <= real_quick_ratio):
    most pairs fail on length or letters alone, and the full ratio of the ~2,000 pairs
    cost a tenth of a second at every start."""
    from difflib import SequenceMatcher

    if a and b and 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < SPELLING_SIMILARITY:
        return False  # real_quick_ratio's own sum, without building the matcher
    m = SequenceMatcher(None, a, b)
    return (m.real_quick_ratio() >= SPELLING_SIMILARITY and m.quick_ratio() >= SPELLING_SIMILARITY
            and m.ratio() >= SPELLING_SIMILARITY)


def _add_armed_groups(lex: "ClaimantLexicon") -> None:
    """The armed groups of the actor files (data/actors) as claimants of their side's kind
    ("al-Shabaab said in a statement", and "the militant group" after it), unless a
    claimant file already knows one of their names. Only names: an actor's context aliases
    ("the army") and rank-and-file aliases ("Shabaab militants") stay out."""
    from .actors import load_actors

    actors = load_actors()
    by_entry: dict[int, tuple[object, list[str]]] = {}
    for table in (actors.entries, actors.acronyms):
        for alias, options in table.items():
            for entry, context_only in options:
                if not context_only:
                    by_entry.setdefault(id(entry), (entry, []))[1].append(alias)
    for entry, aliases in by_entry.values():
        kind = _KIND_OF_SIDE.get(entry.side)
        if kind is None or entry.generic:
            continue
        names = [entry.name] + [a for a in aliases if a.split()[-1].lower() not in actor_words().rank_and_file
                                and _same_body(a, entry.name)]
        if any(claimant_key(a) in lex.entries for a in names):
            continue  # a claimant file knows this body: its entry stands
        claimant = ClaimantEntry(entry.name, kind, entry.countries, False)
        for alias in dict.fromkeys(names):
            lex.add(alias, claimant, False)


@lru_cache(maxsize=4)
def load_claimants(extra_paths: tuple[Path, ...] = ()) -> ClaimantLexicon:
    """All claimant files of the package, of $SITREP_DATA_DIR/claimants and ``extra_paths``
    (read from the cache folder when built before from the same files and code: the armed
    groups' spellings take 0.1 s to compare at every start)."""
    files = lexicon_files("claimants", extra_paths)
    return cached_state("claimants", _inputs(files), lambda: _build(files))


def _inputs(files: list[Path]) -> list[bytes | str]:
    """Everything ``_build`` reads: the claimant and actor files, the word lists, the code."""
    from . import actors, claimant_states, claimants, name_text
    from ..lexicon import actor_words as actor_words_module, claim_terms

    read = [*files, *lexicon_files("actors")]
    return [*(str(p) for p in read), *(p.read_bytes() for p in read),
            *(read_bytes(name) for name in ("actor_words.json", "claimant_kinds.json")),
            read_bytes("gazetteer", "countries.json"),
            *source_of(sys.modules[__name__], claimants, claimant_states, name_text, actors, actor_words_module,
                       claim_terms)]


def _build(files: list[Path]) -> ClaimantLexicon:
    lex = ClaimantLexicon()
    for path in files:
        data = read_json_file(path)
        countries = frozenset(data.get("countries", ()))
        for item in data.get("claimants", ()):
            # An entry may narrow its file's countries ("health ministry" is Gaza's in
            # Gaza and Lebanon's in Lebanon, though one file covers both).
            own = frozenset(item["countries"]) if item.get("countries") else countries
            entry = ClaimantEntry(item["name"], item.get("kind", "unknown"), own, bool(item.get("generic")))
            lex.add(item["name"], entry, False)
            if item.get("part_of"):
                lex.parents[item["name"]] = item["part_of"]
            for alias in item.get("aliases", ()):
                lex.add(alias, entry, False)
            for alias in item.get("context_aliases", ()):
                lex.add(alias, entry, True)
    _add_armed_groups(lex)
    kinds = read_json("claimant_kinds.json")
    lex.kind_words = [
        (k, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.strip()) for w in words) + r")(?![\w-])"))
        for k, words in kinds["kinds"]]
    lex.kind_acronyms = [(k, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"))
                         for k, words in kinds["kind_acronyms"]]
    return lex
