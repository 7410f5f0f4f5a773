"""Publication dates written near the top of an article ("04 December, 2024",
"Dec. 04, 2024 • 2 min read", "2024-12-04"). Regex only: dateparser is two
orders of magnitude slower and guesses too freely (it would read a photo
caption's date as the publication date)."""

from __future__ import annotations

import re
from datetime import date

from sitrep.lexicon.date_words import date_words
from sitrep.lexicon.ingest_words import ingest_words
from sitrep.lexicon.patterns import alternation

# Only the first lines carry a dateline; deeper in, dates belong to events.
# 15 covers the headline, standfirst, byline, reading time and a caption on
# the DW, The New Arab and The New Region layouts.
DATELINE_MAX_LINES = 15
# A line with more words than this is prose (or a caption), not a dateline.
DATELINE_MAX_WORDS = 12
# Plausible publication years; anything outside is a misread number.
MIN_YEAR, MAX_YEAR = 1990, 2100

# A month by its first three letters; any of its words (data/date_words.json) in a date.
_MONTHS = {word: month for word, month in date_words().months.items() if len(word) == 3}
_MONTH = alternation(date_words().months)
_ORD = r"(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})\b"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?![\d-])"
    r"|\b(?P<a4>\d{1,2})(?P<sep>[./])(?P<b4>\d{1,2})(?P=sep)(?P<y4>\d{4})\b",
    re.IGNORECASE,
)
# Words that may stand around a date on a dateline without making it prose
# (``dateline_fillers`` of data/ingest_words.json).
_FILLER = ingest_words().dateline_fillers
_WORD = re.compile(r"[A-Za-z]+|\d+")
_CREDIT_HINT = re.compile(rf"\b{alternation(ingest_words().credit_words)}\b|[\[\]()]")
_UPDATED = re.compile(r"\bupdated\b", re.IGNORECASE)
_PUBLISHED_HINT = re.compile(rf"^\W*{alternation(ingest_words().published_words, any_space=False)}\b", re.IGNORECASE)


def _make(year: str, month: int, day: str) -> date | None:
    y, d = int(year), int(day)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, month, d)
    except ValueError:
        return None


def match_date(match: re.Match[str]) -> date | None:
    """The date a DATE_RE match denotes, or None when it is not a valid date."""
    g = match.groupdict()
    if g["m1"]:
        return _make(g["y1"], _MONTHS[g["m1"][:3].lower()], g["d1"])
    if g["m2"]:
        return _make(g["y2"], _MONTHS[g["m2"][:3].lower()], g["d2"])
    if g["y3"]:
        return _make(g["y3"], int(g["m3"]), g["d3"])
    a, b = int(g["a4"]), int(g["b4"])
    if g["sep"] == "." or a > 12:  # 04.12.2024 and 13/12/2024 are day-first
        return _make(g["y4"], b, str(a)) if b <= 12 else None
    if b > 12:  # 12/13/2024 is month-first
        return _make(g["y4"], a, str(b))
    return None  # 04/12/2024: ambiguous, better no date than a wrong one


def parse_date(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``."""
    for match in DATE_RE.finditer(text):
        found = match_date(match)
        if found:
            return found
    return None


def dateline_date(line: str) -> date | None:
    """The date of a line that is only a dateline (date plus fillers such as
    'Updated', a weekday, a time or '2 min read'), else None."""
    match = DATE_RE.search(line)
    if not match:
        return None
    rest = line[:match.start()] + " " + line[match.end():]
    for word in _WORD.findall(rest):
        if word.lower() not in _FILLER and not (word.isdigit() and len(word) <= 2):
            return None
    return match_date(match)


def find_dateline(lines: list[str]) -> date | None:
    """The publication date from the first lines of an article, else None.

    Prefers a line that is only a date; then a short, non-caption line with a
    date (a byline "By X | Dec 4, 2024"). A 'Published' date beats an 'Updated' one.
    """
    head = [ln.strip() for ln in lines if ln.strip()][:DATELINE_MAX_LINES]
    candidates: list[tuple[int, date]] = []
    for line in head:
        found = dateline_date(line)
        rank = 0
        if found is None:
            if len(line.split()) > DATELINE_MAX_WORDS or line.endswith(".") or _CREDIT_HINT.search(line):
                continue
            found = parse_date(line)
            rank = 2
        if found is None:
            continue
        if _UPDATED.search(line) and not _PUBLISHED_HINT.search(line):
            rank += 1
        candidates.append((rank, found))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
