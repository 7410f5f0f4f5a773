"""What a figure rule reads (``FigureView``) and returns: a ``Candidate`` (the figure counts
people), ``REJECT`` (it does not), or None (the next rule decides)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..numbers import Figure
from ...lexicon.claim_terms import ClaimTerms, FigureTerms, PeopleNoun


@dataclass(slots=True)
class Candidate:
    figure: Figure
    noun: PeopleNoun | None
    noun_start: int | None  # char offset in the sentence
    rule: str
    continues: bool = False  # "16 others", "56 more", "and 31 wounded": the people of an earlier figure


REJECT = object()

_OPENING_QUOTES = frozenset('"“‘')
_CLOSING_QUOTES = frozenset('"”’')


@dataclass(slots=True)
class FigureView:
    """What a figure rule reads: the figure, the text around it, the vocabulary."""

    text: str
    fig: Figure
    terms: ClaimTerms
    words: FigureTerms
    previous: Candidate | None  # the sentence's candidate before this figure
    before: str = ""
    after: str = ""
    year_like: bool = False

    def __post_init__(self) -> None:
        self.before, self.after = self.text[:self.fig.start], self.text[self.fig.end:]
        if self.before[-1:] in _OPENING_QUOTES and self.after[:1] in _CLOSING_QUOTES:
            # 'put the number of wounded at "close to 150"': a figure quoted alone reads as
            # written without its quotes (set BJ's Athens 1944 story); a space for each keeps
            # offsets into ``after``
            self.before, self.after = self.before[:-1] + " ", " " + self.after[1:]
        f = self.fig
        self.year_like = (f.value is not None and not f.spelled and 1900 <= f.value <= 2100
                          and f.low == f.high and "," not in f.text)


FigureRule = Callable[[FigureView], "Candidate | object | None"]
