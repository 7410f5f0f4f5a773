"""What claim extraction knows about the article as a whole while it reads it in order."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ...sentences import Sentence
from ...records import Article, Claim, Claimant
from ..claimants import ClaimantLexicon, ClaimantMatch


@lru_cache(maxsize=1)
def _armed_demonym_rx() -> re.Pattern[str]:
    """'Russian troops', 'Iraqi mechanized units', 'Russian shelling' (``armed_force_nouns``)."""
    from ...lexicon.claim_terms import claim_words

    nouns = "|".join(sorted(claim_words().armed_force_nouns, key=len, reverse=True))
    # up to two words between: "French parachute and sea-borne troops", "British 3rd Commando Brigade"
    return re.compile(rf"(?<![\w.])([A-Z][a-z]+|(?:[A-Z]\.){{2,}})\s+(?:[\w-]+\s+){{0,2}}?(?i:{nouns})\b")


# "denied that regular Pakistani troops were taking part": forces a side denies are there do
# not make the war one between states (set BI's Kashmir 1947 wire)
_DENIED_BEFORE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rul(?:e|es|ed|ing)\s+out)\s+(?:that\s+)?(?:[\w-]+\s+){0,2}$",
                            re.IGNORECASE)


@lru_cache(maxsize=1)
def _coup_words() -> re.Pattern[str]:
    from ...lexicon.claim_rule_words import word_set
    from ...lexicon.patterns import alternation

    return re.compile(rf"\b{alternation(sorted(word_set('coup_story_words')))}\b", re.IGNORECASE)


@dataclass(slots=True)
class Reporter:
    """The article's current reporter: the last claimant a sentence was attributed to."""

    claimant: Claimant
    sentence: int  # index of the sentence that named it
    line: int  # its paragraph (line of the cleaned text)
    rule: str
    text: str = ""  # its sentence

    @property
    def quantities(self) -> frozenset[str]:
        """What its sentence speaks of (killed, displaced...): found only when a figure asks
        whether it continues the count (``claims._continues_topic``), not at every attribution."""
        from ...lexicon.claim_terms import quantities_in

        return quantities_in(self.text)


@dataclass
class ArticleContext:
    """What claim extraction needs to know about the article as a whole."""

    article: Article
    lexicon: ClaimantLexicon
    countries: Sequence[str] = ()
    mentions: list[ClaimantMatch] = field(default_factory=list)  # claimant aliases in the text
    previous: list[Claim] = field(default_factory=list)  # claims of the previous parsed sentence
    previous_index: int = -10
    previous_parsed: tuple | None = None  # (sentence, doc, claimant it inherited) of the previous one
    previous_open_quote: bool = False
    # A quotation open over several sentences and paragraphs (``follow_quote``): whether one is
    # open after the sentences read so far, who speaks in it, the line it opened on, and who a
    # line that introduces a quotation names ("The following is the text of the communique of X").
    quote_running: bool = False
    quote_speaker: Claimant | None = None
    quote_line: int = 0
    quote_intro: Claimant | None = None
    quote_last_line: int = -1  # the line of the last sentence follow_quote read
    named_states: dict = field(default_factory=dict)  # ISO2 -> whether the text names it as a state (once)
    reference_year: int | None = None  # publication year, else the latest year the text names
    attributions: dict = field(default_factory=dict)  # sentence index -> (claimant, rule)
    speech_verbs: dict = field(default_factory=dict)  # sentence index -> token index of that verb
    # Names the article itself defines: acronyms ("Amhara Association of America (AAA)")
    # and people introduced with a title ("Health Minister Firas Abiad" -> the ministry).
    local: dict[str, Claimant] = field(default_factory=dict)
    local_regex: re.Pattern[str] | None = None
    reporter: Reporter | None = None
    # The last body a sentence opened with as its subject, whatever it did ("The militant
    # group X, in a statement, accused the army ..."): what a next "it said" points back to.
    body_subject: Reporter | None = None
    publisher: Claimant | None = None  # the article's publisher, when it is a claimant itself
    publisher_rule: str = ""
    line_starts: list[int] = field(default_factory=list)
    parsed: dict[int, tuple[Sentence, object]] = field(default_factory=dict)  # index -> (sentence, doc)
    sentences: list[Sentence] = field(default_factory=list)
    periods: dict = field(default_factory=dict)  # sentence index -> its period start (resolved once)
    spokespeople: set[str] = field(default_factory=set)  # people named with a position and no body
    _armed: frozenset[str] | None = None  # armed_demonyms, once read
    _coup: bool | None = None  # coup_story, once read
    places: list = field(default_factory=list)  # the article's place mentions (PlaceMention)
    side_group: tuple | None = None  # (the rebel group the article names its rebels as,), read once
    # A monitoring digest's broadcaster header lines (sentence indices, in order) and, per
    # header, how far its item was read for a label and the body that label names.
    broadcast_headers: list[int] = field(default_factory=list)
    _place_texts: frozenset[str] | None = None  # the article's place mentions as written, read once
    item_labels: dict[int, tuple[int, object]] = field(default_factory=dict)
    _station_items: list[int] | None = None  # where a digest's items open with a station's label, read once

    def armed_demonyms(self) -> frozenset[str]:
        """The peoples whose state's forces the article names ("Russian troops", "Iraqi
        units", "U.S. Marines"), lowercase, read once."""
        if self._armed is None:
            from ...lexicon.claim_terms import demonym_words

            from ..state_bodies import state_body_index

            owners = state_body_index()[1]  # "u.s.", "uk": a state's short names own its forces too
            text = self.article.text
            demonyms = demonym_words()
            found: set[str] = set()
            rx, pos = _armed_demonym_rx(), 0
            while (m := rx.search(text, pos)) is not None:
                word = m.group(1).lower()
                if not (word in demonyms or "." in word and word in owners):
                    # "About 600 Portuguese soldiers": a capitalised word before the demonym
                    # took the match; look again from the next word (set DB's Goa live blog)
                    pos = m.start(1) + 1
                    continue
                if not _DENIED_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                    found.add(word)
                pos = m.end()
            self._armed = frozenset(found)
        return self._armed

    def coup_story(self) -> bool:
        """Whether the article tells of a coup or a mutiny ("coup_story_words"), read once."""
        if self._coup is None:
            self._coup = bool(_coup_words().search(self.article.text))
        return self._coup

    def item_start(self, offset: int) -> int:
        """Where the monitoring digest's item holding character ``offset`` opens ("Amman home
        service, 8 June, 1200 gmt: ...", or a header line "Tehran home service 1630 gmt 26 Jan
        82"), or 0: an item speaks for its own station, and its "army spokesman" is no army
        named in an item before it."""
        if self._station_items is None:
            from ..entry_labels import LABEL_CHARS, digest_label

            text = self.article.text
            self._station_items = [s for s in self.line_starts if digest_label(text[s:s + LABEL_CHARS])]
        at = bisect_right(self._station_items, offset) - 1
        return self._station_items[at] if at >= 0 else 0

    def place_texts(self) -> frozenset[str]:
        """The texts of the article's place mentions (built once per article)."""
        if self._place_texts is None:
            self._place_texts = frozenset(m.text for m in self.places)
        return self._place_texts

    def line_of(self, offset: int) -> int:
        """The paragraph (line of the cleaned text) holding character ``offset``."""
        return bisect_right(self.line_starts, offset) - 1
