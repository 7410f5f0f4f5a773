"""When something happened: date phrases in a sentence, resolved against the publication day.

Fast path: compiled regexes find and resolve the phrases news copy uses ("on Tuesday",
"overnight", "last week", "December 5, 2024", "since the end of November"). dateparser is
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

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Iterator

from ..lexicon.date_words import date_words

PRECISIONS = ("day", "week", "month", "year")
RULES = ("explicit", "weekday", "relative", "publication", "none")

# Month names, counts of time units, ordinals and parts of a month: data/date_words.json.
_WORDS = date_words()
_MONTHS, _NUMBER_WORDS = _WORDS.months, _WORDS.number_words
_ORDINALS, _PART_DAY = _WORDS.ordinals, _WORDS.part_of_month
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Month names are matched capitalised only: "may" is a verb, "march" a noun.
_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WD = r"(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
_YEAR = r"(?P<year>1[89]\d{2}|20\d{2})"
_NUM = r"(?P<n>\d{1,3}|(?i:a\s+couple\s+of|a\s+few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty))"
_UNIT = r"(?P<unit>(?i:hours?|days?|weeks?|months?|years?))"
# Earliest plausible year for a dated event in news copy; older four-digit numbers are counts.
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


def _weekday(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
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


def _ago(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
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


_EXPLICIT: list[tuple[re.Pattern[str], Resolver]] = [
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
                r"early|late|mid-?)\s+)" + _YEAR + r"(?![\d,]?\d)(?!\s*(?i:people|civilians|persons))"),
     _year_only),
]
_WEEKDAY_RX = re.compile(
    r"(?i:\b(?:(?:late|early)\s+)?(?:on\s+)?(?:(?P<which>last|this|past|next)\s+)?)" + _WD +
    r"(?:['’]s)?(?i:\s+(?:night|morning|afternoon|evening))?\b")
_RELATIVE: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"(?i)\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|overnight|last\s+night|"
                r"this\s+(?:morning|afternoon|evening))\b"), _relative_day),
    (re.compile(r"(?i)\b(?:earlier\s+|later\s+)?(?P<which>last|this|past)\s+(?P<what>week(?:end)?|month|year)\b"),
     _relative_span),
    (re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?i:ago)\b"), _ago),
]
# Periods that start N units before publication ("over the past three days", "in five days
# of clashes", "in the past 24 hours"): only for period starts, they do not date an event.
_PERIOD_SPANS = [
    re.compile(r"(?i:\b(?:over|in|during|for|within|throughout)\s+(?:the\s+)?(?:past|last|previous)\s+)"
               r"(?:" + _NUM + r"\s+)?" + _UNIT + r"\b"),
    re.compile(r"(?i:\bin\s+)" + _NUM + r"\s+" + _UNIT + r"(?=\s+(?i:of)\b)"),
]
_SINCE = re.compile(r"(?i)\b(?:since|from|as\s+of|starting)\s+(?:the\s+)?")
# Phrases the regexes flag but do not resolve: handed to dateparser.
_LOOSE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|(?i:\ba\s+fortnight\s+ago\b)")


@lru_cache(maxsize=2048)
def _candidates(sentence: str, published: date | None) -> tuple[DateResolution, ...]:
    """Every resolvable date phrase in a sentence (may overlap; callers pick).

    Cached: the claim and event extractors both ask about the same sentences.
    """
    return tuple(_find(sentence, published))


def _find(sentence: str, published: date | None) -> Iterator[DateResolution]:
    for rx, resolver in _EXPLICIT:
        for m in rx.finditer(sentence):
            got = resolver(m, published)
            if got:
                yield DateResolution(got[0], got[1], "explicit", m.group(0), m.start(), m.end())
    for m in _WEEKDAY_RX.finditer(sentence):
        got = _weekday(m, published)
        if got:
            yield DateResolution(got[0], got[1], "weekday", m.group(0), m.start(), m.end())
    for rx, resolver in _RELATIVE:
        for m in rx.finditer(sentence):
            got = resolver(m, published)
            if got:
                yield DateResolution(got[0], got[1], "relative", m.group(0), m.start(), m.end())
    for m in _LOOSE.finditer(sentence):
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


def _period_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of "since X" / "over the past N days" phrases, which start periods."""
    spans = [(m.start(), m.end()) for rx in _PERIOD_SPANS for m in rx.finditer(sentence)]
    for m in _SINCE.finditer(sentence):
        spans.append((m.start(), m.end()))
    return spans


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
    for m in _SINCE.finditer(sentence):
        at = [c for c in cands if c.start is not None and m.end() - 8 <= c.start <= m.end()
              and c.end is not None and c.end > m.end()]
        if at:
            best = max(at, key=lambda c: c.end or 0)
            return DateResolution(best.date, best.precision, best.rule,
                                  sentence[m.start():best.end], m.start(), best.end)
    spans = sorted((m for rx in _PERIOD_SPANS for m in rx.finditer(sentence)), key=lambda m: m.start())
    for m in spans:
        got = _ago(m, published)
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
    r"mid|the|around|circa|c\.)[\s-]+|" + r"(?-i:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+|\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+)$")
_YEAR_TOKEN = re.compile(r"(?<![\d,.])(?P<year>1[89]\d{2}|20\d{2})(?![\d,]?\d)")
# Words after a four-digit number that show it is a count, not a year ("2011 people").
_COUNT_NOUNS = re.compile(r"\s+(?:" + "|".join(_WORDS.count_nouns) + r")\b", re.IGNORECASE)


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
