"""English words of a scraped page's furniture (``data/ingest_words.json``): datelines,
photo credits, bylines, navigation, and the suffixes of glued common words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json


@dataclass(frozen=True)
class IngestWords:
    english_suffixes: tuple[str, ...]  # "tion" of "InformationMinister": a common word
    dateline_fillers: frozenset[str]  # "updated", "gmt", "tue" around a dateline's date
    credit_words: tuple[str, ...]  # "Getty" of "Photo: Getty Images": a caption, as written
    published_words: tuple[str, ...]  # "published" opening a line: the publication date
    navigation_words: tuple[str, ...]  # "subscribe", "top story": a page's navigation
    byline_openers: tuple[str, ...]  # "written by" of a byline
    new_link_targets: tuple[str, ...]  # "tab" of "opens in a new tab": a screen reader's label
    copyright_words: tuple[str, ...]  # "all rights reserved": a copyright line


@lru_cache(maxsize=1)
def ingest_words() -> IngestWords:
    data = read_json("ingest_words.json")
    return IngestWords(tuple(data["english_suffixes"]), frozenset(data["dateline_fillers"]),
                       tuple(data["credit_words"]), tuple(data["published_words"]),
                       tuple(data["navigation_words"]), tuple(data["byline_openers"]),
                       tuple(data["new_link_targets"]), tuple(data["copyright_words"]))
