"""A claim's place: the place named after a locative word in its sentence ("in Idlib city",
"near Hama"), or the one a figure in brackets follows ("Nangade (2,600)")."""

from __future__ import annotations

from typing import Sequence

from ...records import Claim
from ...lexicon.claim_terms import claim_words
from ..spans import by_start, starting_in


def attach_places(claims: list[Claim], places: Sequence) -> None:
    """A claim's place: the first place (not a country) named in its sentence after a
    locative word ("in Idlib city", "near Hama", "on Aleppo")."""
    places = by_start(places)
    for claim in claims:
        lo, hi = claim.sentence_start, claim.sentence_start + len(claim.sentence)
        named = _bracketed_after(claim, starting_in(places, lo, hi))
        if named is not None:  # "Mueda (3,800), Nangade (2,600)": each figure its own place
            claim.place = named
            continue
        for mention in starting_in(places, lo, hi):
            if mention.place is None or mention.precision is None:
                continue
            before = claim.sentence[: mention.start - lo].rstrip().lower()
            if before.endswith(_LOCATIVE_WORDS):
                claim.place = mention.text
                break


_LOCATIVE_WORDS = claim_words().locative_words


def _bracketed_after(claim: Claim, mentions) -> str | None:
    """The place a figure in brackets follows ("Nangade (2,600)"), when one is named there."""
    if "figure+part-by-place" not in claim.rule:
        return None
    for mention in mentions:
        gap = claim.sentence[mention.end - claim.sentence_start: claim.start - claim.sentence_start]
        if mention.end <= claim.start and gap.strip() == "(":
            return mention.text
    return None
