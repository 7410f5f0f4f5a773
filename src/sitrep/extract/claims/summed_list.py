"""A list of figures after a comma that adds up to the figure before it breaks that figure
down: "50 of the gunmen died, 32 men and 18 women" (set CG's Moscow theatre
liveblog). The sum is the evidence; a list that does not add up ("40 were killed, 12 of
them soldiers, and 60 wounded") is left to the other breakdown cues. Checked on dev2, the
seeds and sets BG-CG."""

from __future__ import annotations

import re
from typing import Sequence

from ...records import Claim
from ...lexicon.claim_terms import quantities_in
from ..numbers import find_figures

# What may stand between two figures of the list: their people ("men", "foreign nationals")
# and a comma or "and" ("32 men and 18 women", "12 soldiers, 30 police and 8 civilians").
_LIST_GAP = re.compile(r"\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
# The list's last figure is followed by its people, then the sentence or clause ends.
_LIST_END = re.compile(r"\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s*(?:[.;,)]|$)", re.IGNORECASE)
# A list holds at least this many figures ("50 killed, 32 men": one figure is no breakdown).
MIN_LIST_FIGURES = 2


def summed_list_parent(text: str, figure_start: int, claims: Sequence[Claim]) -> Claim | None:
    """The claim of this sentence whose value the comma list holding the figure at
    ``figure_start`` (offset in ``text``) adds up to, if any."""
    for parent in reversed(claims):
        p_end = parent.end - parent.sentence_start
        if parent.value is None or p_end > figure_start:
            continue
        comma = text.rfind(",", p_end, figure_start)
        if comma < 0:
            continue
        items = _list_after(text, comma + 1)
        if len(items) >= MIN_LIST_FIGURES and any(a <= figure_start < b for a, b, _ in items) \
                and sum(v for _, _, v in items) == parent.value \
                and not quantities_in(text[comma:_LIST_END.match(text, items[-1][1]).end()]):
            return parent  # (", 6 wounded and 6 missing" after "12 killed" are other casualties)
    return None


def _list_after(text: str, at: int) -> list[tuple[int, int, int]]:
    """(start, end, value) of the figures of the list that opens at ``at``."""
    figures = [f for f in find_figures(text[at:]) if f.value is not None]
    if not figures or text[at:at + figures[0].start].strip():
        return []
    items, pos = [], at
    for k, f in enumerate(figures):
        start, end = at + f.start, at + f.end
        if k and not _LIST_GAP.fullmatch(text, pos, start):
            break
        items.append((start, end, f.value))
        pos = end
    return items if items and _LIST_END.match(text, items[-1][1]) else []
