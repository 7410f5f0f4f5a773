"""When something happened: date phrases in a sentence, resolved against the publication day.

Fast path: compiled regexes (``date_phrases``) find and resolve the phrases news copy uses
("on Tuesday", "overnight", "last week", "December 5, 2024", "since the end of November"). dateparser is
only a fallback for the few phrases the regexes flag but cannot resolve ("the fifth of
December", "12/05/2024"); it is slow (~1,500 phrases/s), so it never sees whole sentences.

Conventions (documented because a reader of the output needs them):
- weekday ("on Tuesday", "Tuesday night", "late on Tuesday"): the most recent such weekday on
  or before the publication day, so a weekday equal to the publication's weekday is the
  publication day itself. "last Tuesday" is strictly before it, "next Tuesday" strictly after.
- "overnight" / "last night": the night before publication; the date is publication day - 1
  (the night's start), precision day. Morning wire copy reports the previous night.
- "last week": the Monday of the previous ISO week, precision week; "this week": this
  week's Monday. "last/this month": the 1st of that month, precision month.
- a day and month without a year: the year that puts it nearest the publication day.
- a month without a year ("in March"): its most recent occurrence not after publication.
- "since the end of November": 30 November; "since the start of November": 1 November;
  "early/mid/late November": the 1st/15th/21st, precision month.
- a year alone ("in 1982", "since 2011"): 1 January, precision "year".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterator

from ..lexicon.date_words import date_words
from ..lexicon.patterns import trie_pattern
from .date_phrases import (
    CUES, EXPLICIT, LOOSE, PERIOD_SPANS, RELATIVE, SINCE, WEEKDAY_RX, ago_date, weekday_date,
)


PRECISIONS = ("day", "week", "month", "year")
RULES = ("explicit", "weekday", "relative", "publication", "none")


MIN_YEAR = 1800
# Ranking of candidate phrases for an event date: more precise first, then more specific rule.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_RULE_RANK = {"explicit": 0, "weekday": 1, "relative": 2}


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A date found in (or assumed for) a sentence, and how it was found."""

    date: date | None
    precision: str | None  # day | week | month | year | None
    rule: str  # explicit | weekday | relative | publication | none
    text: str | None = None
    start: int | None = None  # offsets of ``text`` within the sentence
    end: int | None = None


@lru_cache(maxsize=2048)
def _candidates(sentence: str, published: date | None) -> tuple[DateResolution, ...]:
    """Every resolvable date phrase in a sentence (may overlap; callers pick).

    Cached: the claim and event extractors both ask about the same sentences.
    """
    return tuple(_find(sentence, published))


# Each pattern with its cue, looked up once: hashing a compiled pattern hashes its whole
# program, at every lookup.
_EXPLICIT = tuple((rx, resolver, CUES[rx]) for rx, resolver in EXPLICIT)
_RELATIVE = tuple((rx, resolver, CUES[rx]) for rx, resolver in RELATIVE)
_WEEKDAY_CUE, _LOOSE_CUE = CUES[WEEKDAY_RX], CUES[LOOSE]


def _find(sentence: str, published: date | None) -> Iterator[DateResolution]:
    folded = sentence.casefold()
    held: dict[int, bool] = {}  # per cue: five patterns share the month names' cue

    def matches(rx: re.Pattern[str], cue) -> Iterator[re.Match[str]]:
        # A pattern is not tried on a sentence without what its matches hold (CUES).
        found = held.get(id(cue))
        if found is None:
            found = held[id(cue)] = cue.in_text(sentence, folded)
        return rx.finditer(sentence) if found else iter(())

    for rx, resolver, cue in _EXPLICIT:
        for m in matches(rx, cue):
            got = resolver(m, published)
            if got:
                yield DateResolution(got[0], got[1], "explicit", m.group(0), m.start(), m.end())
    for m in matches(WEEKDAY_RX, _WEEKDAY_CUE):
        got = weekday_date(m, published)
        if got:
            yield DateResolution(got[0], got[1], "weekday", m.group(0), m.start(), m.end())
    for rx, resolver, cue in _RELATIVE:
        for m in matches(rx, cue):
            got = resolver(m, published)
            if got:
                yield DateResolution(got[0], got[1], "relative", m.group(0), m.start(), m.end())
    for m in matches(LOOSE, _LOOSE_CUE):
        got = _dateparser(m.group(0), published)
        if got:
            yield DateResolution(got, "day", "explicit", m.group(0), m.start(), m.end())


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, published: date | None) -> date | None:
    """Fallback for a short flagged phrase; imported lazily because dateparser loads slowly."""
    import dateparser
    from datetime import datetime

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


@lru_cache(maxsize=2048)
def _period_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of "since X" / "over the past N days" phrases, which start periods (cached as
    ``_candidates``: an event's sentence is asked about once per trigger and clause)."""
    spans = [(m.start(), m.end()) for rx in PERIOD_SPANS for m in rx.finditer(sentence)]
    for m in SINCE.finditer(sentence):
        spans.append((m.start(), m.end()))
    return tuple(spans)


def resolve_event_date(sentence: str, published: date | None) -> DateResolution:
    """The date a sentence's event happened, or the publication day when it gives none.

    Of several phrases the most precise wins (day > week > month > year), then the more
    specific rule (explicit > weekday > relative), then the first. Phrases that start a
    period ("since last week", "over the past three days") do not date an event.
    """
    periods = _period_spans(sentence)
    best: DateResolution | None = None
    for cand in _candidates(sentence, published):
        if any(s <= cand.start <= e for s, e in periods):
            continue
        key = (_PRECISION_RANK[cand.precision or "year"], _RULE_RANK[cand.rule], cand.start)
        if best is None or key < (_PRECISION_RANK[best.precision or "year"], _RULE_RANK[best.rule], best.start):
            best = cand
    if best is not None:
        return best
    if published is not None:
        return DateResolution(published, "day", "publication")
    return DateResolution(None, None, "none")


def explicit_days(text: str, published: date | None) -> list[DateResolution]:
    """Explicit full dates of a text ("On 5 May 2020", "December 18"), day precision, in
    order, without those that start a period ("since 27 November"); offsets into ``text``.
    Events with no date of their own take the paragraph's or the article's first one."""
    periods = _period_spans(text)
    return [c for c in _candidates(text, published)
            if c.rule == "explicit" and c.precision == "day" and c.start is not None
            and not any(a <= c.start <= b for a, b in periods)]


def resolve_event_date_within(sentence: str, published: date | None, kept: "set[int] | frozenset[int]") -> DateResolution:
    """``resolve_event_date`` over only part of a sentence: the phrases most of whose
    characters are at offsets in ``kept`` (a clause). Same ranking; the sentence's phrases are
    found once and cached, so asking for several clauses of one sentence costs little."""
    periods = _period_spans(sentence)
    best: DateResolution | None = None
    for cand in _candidates(sentence, published):
        if cand.start is None or any(s <= cand.start <= e for s, e in periods):
            continue
        chars = [k for k in range(cand.start, cand.end or cand.start) if not sentence[k].isspace()]
        if not chars or sum(k in kept for k in chars) * 2 < len(chars):
            continue
        key = (_PRECISION_RANK[cand.precision or "year"], _RULE_RANK[cand.rule], cand.start)
        if best is None or key < (_PRECISION_RANK[best.precision or "year"], _RULE_RANK[best.rule], best.start):
            best = cand
    if best is not None:
        return best
    if published is not None:
        return DateResolution(published, "day", "publication")
    return DateResolution(None, None, "none")


def has_event_date_phrase(sentence: str, published: date | None) -> bool:
    """Whether ``resolve_event_date_within`` could find anything in ``sentence`` (a date
    phrase that starts no period): when not, callers skip working out which clause is kept."""
    periods = _period_spans(sentence)
    return any(c.start is not None and not any(s <= c.start <= e for s, e in periods)
               for c in _candidates(sentence, published))


def resolve_period_start(sentence: str, published: date | None) -> DateResolution | None:
    """The start of the period a figure covers, or None.

    "since 27 November", "since the end of November", "since last week", "since 2011",
    "over the past three days", "in five days of clashes", and a past year or month named
    with "in" ("In 1982, ..." -> 1982-01-01, precision year).
    """
    cands = _candidates(sentence, published)
    for m in SINCE.finditer(sentence):
        at = [c for c in cands if c.start is not None and m.end() - 8 <= c.start <= m.end()
              and c.end is not None and c.end > m.end()]
        if at:
            best = max(at, key=lambda c: c.end or 0)
            return DateResolution(best.date, best.precision, best.rule,
                                  sentence[m.start():best.end], m.start(), best.end)
    spans = sorted((m for rx in PERIOD_SPANS for m in rx.finditer(sentence)), key=lambda m: m.start())
    for m in spans:
        got = ago_date(m, published)
        if got:
            return DateResolution(got[0], got[1], "relative", m.group(0), m.start(), m.end())
    month_start = published.replace(day=1) if published else None
    for c in cands:
        if c.rule == "explicit" and c.precision in ("year", "month") and c.date is not None \
                and (month_start is None or c.date < month_start):
            return c
    return None


_YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|from|until|till|by|during|between|before|after|and|to|of|year|early|late|"
    r"mid|the|around|circa|c\.)[\s-]+|" + r"(?-i:(?:" + trie_pattern(m.capitalize() for m in date_words().months)
    + r")\.?)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+|\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+)$")
_YEAR_TOKEN = re.compile(r"(?<![\d,.])(?P<year>1[89]\d{2}|20\d{2})(?![\d,]?\d)")
# Words after a four-digit number that show it is a count, not a year ("2011 people").
_COUNT_NOUNS = re.compile(r"\s+(?:" + "|".join(date_words().count_nouns) + r")\b", re.IGNORECASE)


def explicit_years(sentence: str) -> list[int]:
    """Four-digit years named in a sentence ("In 1982", "since 2011", "March 2011").

    A number only counts as a year after a word that introduces one (in, since, the, a month
    name...) or before "s"/"'s" ("the 1980s"), and never before a count noun ("2011 people").
    """
    years = []
    for m in _YEAR_TOKEN.finditer(sentence):
        year = int(m.group("year"))
        if year < MIN_YEAR or _COUNT_NOUNS.match(sentence, m.end()):
            continue
        before = sentence[max(0, m.start() - 30):m.start()]
        after = sentence[m.end():m.end() + 2]
        if _YEAR_CONTEXT.search(before) or after.startswith(("s", "'s", "’s", "-", "–")) or m.start() == 0:
            years.append(year)
    return years
