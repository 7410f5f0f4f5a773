"""The date phrases news copy uses, as regexes with the resolver of each: explicit dates
('December 5, 2024', 'the 5th of December', 'early November'), weekdays ('on Tuesday'),
relative days and spans ('overnight', 'last week', 'three days ago'), and period starts
('over the past three days'). A resolver turns a match and the publication day into a
date and its precision."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ..lexicon.date_words import date_words
from ..lexicon.patterns import alternation, trie_pattern


# Month names, counts of time units, ordinals and parts of a month: data/date_words.json.
_WORDS = date_words()
_MONTHS, _NUMBER_WORDS = _WORDS.months, _WORDS.number_words
_ORDINALS, _PART_DAY = _WORDS.ordinals, _WORDS.part_of_month
_WEEKDAYS = {d: i for i, d in enumerate(_WORDS.weekdays)}


def _capitalised(words) -> str:
    return "(?:" + trie_pattern(w.capitalize() for w in words) + ")"


# Month names are matched capitalised only: "may" is a verb, "march" a noun.
_MON = rf"(?P<mon>{_capitalised(_WORDS.month_names)}|{_capitalised(_WORDS.month_abbreviations)}\.?)"
_WD = rf"(?P<wd>(?i:{trie_pattern(_WORDS.weekdays)}))"
_YEAR = r"(?P<year>1[89]\d{2}|20\d{2})"
_NUM = rf"(?P<n>\d{{1,3}}|(?i:{trie_pattern(_NUMBER_WORDS)}))"
_UNIT = r"(?P<unit>(?i:hours?|days?|weeks?|months?|years?))"
# Earliest plausible year for a dated event in news copy; older four-digit numbers are counts.


# --- date arithmetic ------------------------------------------------------------------------

def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The date with this month and day nearest to publication (ties go to the past)."""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    return min(options, key=lambda d: (abs((d - published).days), d > published), default=None)


def _month_num(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _count(text: str) -> int:
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else _NUMBER_WORDS[key]


# --- candidate phrases ----------------------------------------------------------------------
# Each rule: (compiled pattern, resolver(match, published) -> (date, precision) | None, rule).

Resolver = Callable[[re.Match[str], "date | None"], "tuple[date, str] | None"]


def _explicit_day(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    month, day = _month_num(m.group("mon")), int(m.group("day"))
    if m.group("year"):
        d = _safe_date(int(m.group("year")), month, day)
    else:
        d = _nearest_year(month, day, published) if published else None
    return (d, "day") if d else None


def _ordinal_day(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    """"the fifth of December" (dateparser does not read ordinal words)."""
    month, day = _month_num(m.group("mon")), _ORDINALS[m.group("ord").lower().replace(" ", "-")]
    if m.group("year"):
        d = _safe_date(int(m.group("year")), month, day)
    else:
        d = _nearest_year(month, day, published) if published else None
    return (d, "day") if d else None


def _iso(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    d = _safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return (d, "day") if d else None


def _month_edge(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    """"the end of November", "late November 2024", "mid-March", "March 2011"."""
    month = _month_num(m.group("mon"))
    if m.group("year"):
        year = int(m.group("year"))
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    edge = (m.group("edge") or "").lower()
    part = (m.group("part") or "").lower()
    if edge in ("end", "close"):
        return date(year, month, calendar.monthrange(year, month)[1]), "day"
    if edge in ("start", "beginning"):
        return date(year, month, 1), "day"
    if edge == "middle":
        return date(year, month, 15), "month"
    return date(year, month, _PART_DAY.get(part, 1)), "month"


def _year_edge(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    """"the start of the year", "the end of last month", "the beginning of the week"."""
    if published is None:
        return None
    what, which = m.group("what").lower(), (m.group("which") or "this").lower()
    back = 1 if which == "last" else 0
    if what == "year":
        first = date(published.year - back, 1, 1)
        last = date(first.year, 12, 31)
    elif what == "month":
        first = _add_months(published.replace(day=1), -back)
        last = _add_months(first, 1) - timedelta(days=1)
    else:
        first = _monday(published) - timedelta(days=7 * back)
        last = first + timedelta(days=6)
    return (last if m.group("edge").lower() in ("end", "close") else first), "day"


def _year_only(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    return date(int(m.group("year")), 1, 1), "year"


def weekday_date(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    if published is None:
        return None
    wd = _WEEKDAYS[m.group("wd").lower()]
    which = (m.group("which") or "").lower()
    back = (published.weekday() - wd) % 7
    if which == "next":
        return published + timedelta(days=(wd - published.weekday()) % 7 or 7), "day"
    if which in ("last", "past") and back == 0:
        back = 7
    return published - timedelta(days=back), "day"


def _relative_day(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    if published is None:
        return None
    word = " ".join(m.group(0).lower().split())
    if "before yesterday" in word:
        return published - timedelta(days=2), "day"
    if word in ("yesterday", "overnight", "last night"):
        return published - timedelta(days=1), "day"
    return published, "day"


def _relative_span(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    """"last week", "earlier this month", "last year"."""
    if published is None:
        return None
    which, what = m.group("which").lower(), m.group("what").lower()
    back = 1 if which in ("last", "past") else 0
    if what == "weekend":
        return published - timedelta(days=(published.weekday() - 5) % 7 or 7), "week"
    if what == "week":
        return _monday(published) - timedelta(days=7 * back), "week"
    if what == "month":
        return _add_months(published.replace(day=1), -back), "month"
    return date(published.year - back, 1, 1), "year"


def ago_date(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    """"three days ago", "two weeks ago"; also periods: "over the past three days"."""
    if published is None:
        return None
    n = _count(m.group("n")) if m.group("n") else 1
    unit = m.group("unit").lower().rstrip("s")
    if unit == "hour":
        return published - timedelta(days=n // 24), "day"
    if unit == "day":
        return published - timedelta(days=n), "day"
    if unit == "week":
        return published - timedelta(days=7 * n), "week"
    if unit == "month":
        return _add_months(published, -n), "month"
    return date(published.year - n, published.month, 1), "year"


EXPLICIT: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso),
    (re.compile(r"(?<![\w])(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON + r"(?![a-z])"
                r"(?:,?\s+" + _YEAR + r"(?!\d))?"), _explicit_day),
    (re.compile(r"(?<![\w])" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
                r"(?:,?\s+" + _YEAR + r"(?!\d))?"), _explicit_day),
    (re.compile(r"(?i:\b(?:the\s+)?(?P<ord>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) +
                r")\s+of\s+)" + _MON + r"(?![a-z])(?:,?\s+" + _YEAR + r"(?!\d))?"), _ordinal_day),
    (re.compile(r"(?i:\b(?:the\s+)?(?P<edge>end|close|start|beginning|middle)\s+of\s+)" + _MON +
                r"(?![a-z])(?:,?\s+" + _YEAR + r"(?!\d))?(?P<part>)"), _month_edge),
    (re.compile(r"(?i:\b(?:the\s+)?(?P<edge>end|close|start|beginning)\s+of\s+(?:the\s+)?"
                r"(?P<which>this|last)?\s*(?P<what>year|month|week))\b"), _year_edge),
    (re.compile(r"(?<![\w])(?:(?P<part>(?i:early|mid|late))[-\s]+)?" + _MON + r",?\s+" + _YEAR +
                r"(?!\d)(?P<edge>)"), _month_edge),
    (re.compile(r"(?:(?P<part>(?i:early|mid|late))[-\s]+|(?i:\b(?:in|since|from|during|until|by|"
                r"throughout|before|after)\s+))" + _MON + r"(?![a-z])(?!\.?\s*\d)(?P<year>)(?P<edge>)"),
     _month_edge),
    (re.compile(r"(?i:\b(?:in|since|from|during|until|till|by|before|after|throughout|"
                r"early|late|mid-?)\s+)" + _YEAR + r"(?![\d,]?\d)(?!\s*(?i:" + alternation(_WORDS.people_after_a_year) + "))"),
     _year_only),
]
WEEKDAY_RX = re.compile(
    r"(?i:\b(?:(?:late|early)\s+)?(?:on\s+)?(?:(?P<which>last|this|past|next)\s+)?)" + _WD +
    r"(?:['’]s)?(?i:\s+(?:" + trie_pattern(_WORDS.parts_of_day) + r"))?\b")
RELATIVE: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"(?i)\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|overnight|last\s+night|"
                r"this\s+(?:morning|afternoon|evening))\b"), _relative_day),
    (re.compile(r"(?i)\b(?:earlier\s+|later\s+)?(?P<which>last|this|past)\s+(?P<what>week(?:end)?|month|year)\b"),
     _relative_span),
    (re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?i:ago)\b"), ago_date),
]
# Periods that start N units before publication ("over the past three days", "in five days
# of clashes", "in the past 24 hours"): only for period starts, they do not date an event.
PERIOD_SPANS = [
    re.compile(r"(?i:\b(?:over|in|during|for|within|throughout)\s+(?:the\s+)?(?:past|last|previous)\s+)"
               r"(?:" + _NUM + r"\s+)?" + _UNIT + r"\b"),
    re.compile(r"(?i:\bin\s+)" + _NUM + r"\s+" + _UNIT + r"(?=\s+(?i:of)\b)"),
]
SINCE = re.compile(r"(?i)\b(?:since|from|as\s+of|starting)\s+(?:the\s+)?")
# Phrases the regexes flag but do not resolve: handed to dateparser.
LOOSE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|(?i:\ba\s+fortnight\s+ago\b)")


# --- what a pattern cannot match without ----------------------------------------------------
# Most sentences hold no date, and every pattern tried at every position of every sentence
# cost ~7 ms of CPU an article (60 bench-corpus articles, 2026-12-01). ``dates`` tries a
# pattern only on a sentence holding one of the strings each of its matches holds.


@dataclass(frozen=True, slots=True)
class Cue:
    """Strings one of which every match of a pattern holds: ``written`` as the text has
    them (a digit, a capitalised month name, as ``_MON`` matches them), ``folded`` in the
    casefolded text (the pattern's case-insensitive words)."""

    written: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()

    def in_text(self, sentence: str, folded: str) -> bool:
        return any(w in sentence for w in self.written) or any(w in folded for w in self.folded)


_DIGIT = Cue(written=tuple("0123456789"))
_YEAR_DIGITS = Cue(written=("18", "19", "20"))  # as _YEAR: 1800-2099
_MONTH = Cue(written=tuple(w.capitalize() for w in (*_WORDS.month_names, *_WORDS.month_abbreviations)))
_SPAN = Cue(folded=("week", "month", "year"))
# The pattern each EXPLICIT, RELATIVE and the weekday entry needs (LOOSE: a slash or "fortnight").
CUES: dict[re.Pattern[str], Cue] = {
    **dict(zip((rx for rx, _ in EXPLICIT), (_DIGIT, _MONTH, _MONTH, _MONTH, _MONTH, _SPAN, _MONTH, _MONTH, _YEAR_DIGITS))),
    WEEKDAY_RX: Cue(folded=tuple(_WORDS.weekdays)),
    RELATIVE[0][0]: Cue(folded=("yesterday", "today", "night", "morning", "afternoon", "evening")),
    RELATIVE[1][0]: _SPAN,
    RELATIVE[2][0]: Cue(folded=("ago",)),
    LOOSE: Cue(written=("/",), folded=("fortnight",)),
}
