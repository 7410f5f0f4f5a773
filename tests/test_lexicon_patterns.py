"""The trie-shaped alternation matches exactly what the flat alternation of the same words
matches (it is only faster), including words that are prefixes of others."""

import re

import pytest

from sitrep.lexicon.patterns import trie_pattern

WORDS = ["kill", "killed", "killing", "death toll", "dead", "deaths", "displace", "displaced people", "flee",
         "fled", "taken prisoner", "take", "toll"]


def _flat(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@pytest.mark.parametrize("text", [
    "Shelling killed 12 people in Kharkiv.", "The death  toll rose to 40 in Khan Younis.", "Thousands fled Goma.",
    "They were taken prisoner near Bakhmut.", "Nobody was hurt in Marib.", "The deadline passed in El Fasher.",
    "A take-over of the base at Kidal.", "KILLED: 86", "tolls on the road",
])
def test_lexicon_trie_matches_as_the_flat_alternation(text):
    for edge in (r"\b(?:{})", r"\b(?:{})\b"):
        flat = re.compile(edge.format(_flat(WORDS)), re.IGNORECASE)
        trie = re.compile(edge.format(trie_pattern(WORDS)), re.IGNORECASE)
        assert bool(flat.search(text)) == bool(trie.search(text))
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_lexicon_trie_of_nothing_is_empty():
    assert trie_pattern([]) == ""
