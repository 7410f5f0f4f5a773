"""Weak cues bound to one rule: words that choose a sentence for the parser only beside the
other words their rule cannot fire without (``sentence_selection.bound_cues`` in
data/event_terms.json).

A weak cue ("took", "control", "fighting") sends a sentence with a figure or a name to the
parser because an event rule may fire on it. Some weak cues serve a single rule that also
needs words of its own, anywhere in the sentence, before it can fire: a send verb makes a
reinforcement only with a force as its object ("sent troops to X"), a prison noun a prison
break only with inmates freed or escaping, a distance unit a front line only with a word
saying forces are there or were pushed there. Without those words the cue can yield
nothing, and the sentence is chosen, or kept, only if something else chooses it.

Each test here is a necessary condition read from the same word lists the rule reads (a
token the rule tests is a whole word of the text, so a word search over the text finds it):
the parse can only refuse more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .event_terms import load_event_terms


def _words_at(path: str) -> list[str]:
    """The word list at a slash path of data/event_terms.json ("prison_break/inmate_nouns")."""
    node = load_event_terms().raw
    for key in path.split("/"):
        node = node[key]
    return list(node)


def _word_regex(words) -> re.Pattern[str]:
    """Whole words, any case; a word ending in '*' is a stem (as front_lines writes them)."""
    alts = sorted((re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words),
                  key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[frozenset[str], tuple[re.Pattern[str], ...]]]:
    """Entry name -> (its cues, lowercase as the selection regex matches them: stems or whole
    words; the word groups it needs, each a regex of which one word must be in the sentence)."""
    entries = load_event_terms().raw["sentence_selection"]["bound_cues"]
    out = {}
    for name, entry in entries.items():
        if name.startswith("_"):
            continue
        cues = [w for path in entry.get("cue_lists", ()) for w in _words_at(path)] + entry.get("cues", [])
        groups = tuple(_word_regex([w for path in group for w in _words_at(path)]) for group in entry["needs"])
        out[name] = (frozenset(c.lower() for c in cues), groups)
    return out


@lru_cache(maxsize=1)
def bound_cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Cue -> the word groups it needs (of its entry)."""
    return {cue: groups for cues, groups in _entries().values() for cue in cues}


def cue_can_fire(cue: str, sentence: str) -> bool:
    """Whether the weak cue ``cue`` (as matched, lowercased) may fire in ``sentence``: a cue
    bound to a rule needs a word of each of its rule's groups; any other cue may fire."""
    groups = bound_cues().get(cue)
    return groups is None or all(g.search(sentence) for g in groups)


def rule_words_present(name: str, sentence: str) -> bool:
    """Whether ``sentence`` holds the words the rule of entry ``name`` needs ("prison_break",
    "front_line"): the parse choice keeps a sentence for a prison noun or a distance only then."""
    return all(g.search(sentence) for g in _entries()[name][1])
