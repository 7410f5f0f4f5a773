"""Find figures in a sentence and normalise them: "1,600", "nearly 1,000", "dozens",
"3 to 4", "half a million", "tens of thousands", "Four".

No package handles hedged and vague quantities, so this normaliser is ours. It is pure
regex over the sentence text (no parse), so it is cheap enough to run on every sentence
when choosing which ones to parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation, localcontext

from ..lexicon.numbers import number_words
from ..lexicon.regex_cache import compile_cached

# Number words ("one", "twenty", "million", "lakh"): data/number_words.json.
_WORDS = number_words()
UNITS, TENS, SCALES = _WORDS.units, _WORDS.tens, _WORDS.scales
# Larger than this is no count of people (the world's population is ~8.1 billion): such a
# "figure" is an identifier, a sum of money or garbage, never a claim.
MAX_PEOPLE = 10_000_000_000
# Digits (separators not counted) beyond which a digit run is read as no number at all: an
# id, a hash or garbage. The world's population has 10; 30 leaves "Killed:
# 99,999,999,999,999,999,999" (23) to be read exactly and then refused as too many people,
# and keeps numbers of thousands of digits (which Python will not even print) out of reach.
MAX_FIGURE_DIGITS = 30
# Decimal precision for the arithmetic on a figure: exact for any MAX_FIGURE_DIGITS-digit
# number times a scale (the default context, 28 digits, would round "9" * 30).
_FIGURE_PRECISION = MAX_FIGURE_DIGITS + 20

# Vague amounts as (low, high) bands, hedges before and after a figure: data/number_words.json.
VAGUE_BANDS = _WORDS.vague_bands
QUALIFIERS = _WORDS.qualifiers
_LOWER_BOUND, _UPPER_BOUND, _NOT_A_HEDGE = _WORDS.lower_bound, _WORDS.upper_bound, _WORDS.not_a_hedge
POST_QUALIFIERS = _WORDS.post_qualifiers

_WORD_NUM = (
    r"(?:" + "|".join(sorted(TENS, key=len, reverse=True)) + r")(?:[- ](?:"
    + "|".join(k for k in UNITS if " " not in k and UNITS[k] < 10 and UNITS[k] > 0) + r"))?"
    + r"|(?:" + "|".join(sorted((k for k in UNITS if k != "dozen"), key=len, reverse=True)) + r")"
)
# Digit groupings, most specific first: Indian lakh grouping ("5,00,000"); thousands with
# commas ("1,600"), with spaces ("84 770", "145 000": Russian, Ukrainian and French style);
# a decimal comma before a scale ("1,4 million"); dotted thousands ("3.500", read as
# thousands only when every group has three digits); plain digits with a decimal point.
_DIGITS = (r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
           r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"
           r"|\d{1,3},\d{1,2}(?=\s*(?:million|billion|m\b|bn\b))"
           r"|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d,.]\d)"
           r"|\d+(?:\.\d+)?")
_SCALE = r"(?:hundred|thousand|million|billion|lakhs?|crores?|m\b|bn\b|k\b)"
_NUMBER = (
    rf"(?:(?:half|(?:a\s+|one\s+|three[\s-]+)?quarters?\s+of)\s+a\s+(?:million|billion)"
    # ("one and a half million", "one-and-a-half million", "2 and a half million")
    rf"|(?:a|one|{_WORD_NUM}|\d{{1,3}})[\s-]+and[\s-]+a[\s-]+half[\s-]+(?:thousand|million|billion)"
    rf"|(?:{_DIGITS})(?:\s*{_SCALE})?"
    # ("one thousand two hundred and seventeen", "two point four million": a spelled number
    # goes on through its scales, as radio transcripts write them; set CN's Swat bulletin)
    rf"|(?:a|one|{_WORD_NUM})(?:\s+point\s+(?:{_WORD_NUM}))?\s+(?:hundred|thousand|million|billion|dozens?)"
    rf"(?:\s+(?:and\s+)?(?:{_WORD_NUM})(?:\s+(?:hundred|thousand|million)\b){{0,2}})*"
    rf"|(?:{_WORD_NUM}))"
)
_VAGUE = "|".join(re.escape(k) for k in sorted(VAGUE_BANDS, key=len, reverse=True))
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_POST = "|".join(q.replace(" ", r"\s+") for q in POST_QUALIFIERS) + r"(?![\w])"
_RANGE_SEP = r"(?:\s*(?:-|–|—)\s*|\s+to\s+|\s+or\s+)"
# "at least 30, and possibly up to 80, villagers": a low and a hedged high, the comma after it
# part of the figure (dev2 Karabakh 2023); the hedges are ``hedges_before_a_high``
_HEDGED_SEP = (r"(?:,?\s+(?:and|or)\s+(?:" + "|".join(_WORDS.hedges_before_a_high) +
               r")\s+(?:up\s+to|as\s+many\s+as)\s+)")

FIGURE_RE = compile_cached(  # 5,600 characters: 20 ms to compile, read compiled from the cache
    rf"(?<![\w.,])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+(?P<blow>{_NUMBER})\s+and\s+(?P<bhigh>{_NUMBER})"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?P<num>{_NUMBER})(?:{_RANGE_SEP}(?P<num2>{_NUMBER})|{_HEDGED_SEP}(?P<hedged>{_NUMBER}),?"
    rf"|\s+(?P<post>{_POST}))?)"
    rf"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class Figure:
    """A number as written in a sentence, normalised. Offsets are into the input text."""

    start: int
    end: int
    text: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None
    vague: bool = False
    spelled: bool = False  # written in words ("Four"), which rules out years and codes


_FRACTION_OF_SCALE = re.compile(r"(?:a |one |three[ -])?(?P<part>half|quarters?)(?: of)? a (?P<scale>million|billion)")


_AND_A_HALF = re.compile(r"(?P<whole>[a-z0-9 -]+?)[ -]and[ -]a[ -]half[ -](?P<scale>thousand|million|billion)")
# A range's high with a scale the low shares ("2 to 3 million", "between 150 and 200 thousand").
_SCALED_HIGH = re.compile(r"^(?P<base>.+?)[\s-]*(?P<scale>thousand|million|billion|lakhs?|crores?|m|bn|k)$", re.IGNORECASE)
_SCALE_WORD = re.compile(r"(?:hundred|thousand|million|billion|lakh|crore|\d(?:m|bn|k))\b", re.IGNORECASE)
_WORD_POINT = re.compile(r"(?P<whole>[a-z -]+?) point (?P<digit>[a-z]+) (?P<scale>thousand|million|billion)")


def parse_number(text: str) -> int | None:
    """'1,600' -> 1600, 'half a million' -> 500000, 'twenty-three' -> 23, '2.5 million'."""
    t = " ".join(text.lower().replace("\u2010", "-").split())
    if not t:
        return None
    fraction = _FRACTION_OF_SCALE.fullmatch(t)
    if fraction:  # "half a million", "a quarter of a million", "three quarters of a billion"
        scale = SCALES.get(fraction.group("scale"))
        share = {"half": (1, 2), "quarter": (1, 4), "quarters": (3, 4)}[fraction.group("part")]
        return scale * share[0] // share[1] if scale else None
    m = re.fullmatch(rf"({_DIGITS})\s*({_SCALE})?", t)
    if m:
        digits = m.group(1)
        if sum(ch.isdigit() for ch in digits) > MAX_FIGURE_DIGITS:
            return None
        suffix = (m.group(2) or "").strip()
        scale = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}.get(suffix, SCALES.get(suffix, 1))
        base = _digits_value(digits, scaled=scale != 1)
        if base is None:
            return None
        # Exact arithmetic: "99,999,999,999,999,999,999" stays that number (and is then
        # too big to be people), never a float rounded to something else.
        with localcontext() as exact:
            exact.prec = _FIGURE_PRECISION
            value = base * scale
            return int(value) if value == value.to_integral_value() else int(value.quantize(Decimal(1)))
    half = _AND_A_HALF.fullmatch(t)
    if half:  # "one and a half million", "2-and-a-half million"
        whole, scale = parse_number(half.group("whole")), SCALES.get(half.group("scale"))
        return None if whole is None or not scale else whole * scale + scale // 2
    point = _WORD_POINT.fullmatch(t)
    if point:  # "two point four million": the whole, one spelled decimal digit, the scale
        whole, digit = parse_number(point.group("whole")), UNITS.get(point.group("digit"))
        scale = SCALES.get(point.group("scale"))
        if whole is None or digit is None or digit > 9 or not scale:
            return None
        return (whole * 10 + digit) * scale // 10
    total, current = 0, 0
    words = re.split(r"[\s-]+", t.replace(" and ", " "))
    i = 0
    while i < len(words):
        w = words[i]
        if w == "a" and i + 1 < len(words) and words[i + 1] == "dozen":
            current += 12
            i += 2
            continue
        if w in ("dozen", "dozens") and current:  # "two dozen" = 24 ("two dozens" in non-native English)
            current *= 12
            i += 1
            continue
        if w in ("a", "one") and i + 1 < len(words) and words[i + 1] in SCALES:
            current += 1
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                if current >= 100:
                    return None  # "five hundred and two hundred": two numbers, not one
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        i += 1
    return total + current


_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def _digits_value(digits: str, scaled: bool) -> Decimal | None:
    """The value of a digit group as written (see _DIGITS for the groupings)."""
    d = digits.replace("\u00a0", " ").replace("\u202f", " ")
    if _DECIMAL_COMMA.fullmatch(d) and scaled:
        return Decimal(d.replace(",", "."))  # "1,4 million"
    if _DOTTED_THOUSANDS.fullmatch(d) and not scaled:
        return Decimal(d.replace(".", ""))  # "3.500 people": nobody counts half people
    try:
        return Decimal(d.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def _bounds(value: int, qualifier: str | None) -> tuple[int | None, int | None]:
    q = (qualifier or "").lower()
    if q in _LOWER_BOUND:
        return value, None
    if q in _UPPER_BOUND:
        return None, value
    return value, value


_FROM_BEFORE = re.compile(r"(?:\b(?P<word>[A-Za-z]+)\s+)?\bfrom\s+$", re.IGNORECASE)


def _change_from(before: str) -> bool:
    """'climbed from 558 to 569': a count and the one it became; not 'estimates run from
    2,000 to 6,000' or 'anywhere from 40 to 60', a range (``range_words``)."""
    m = _FROM_BEFORE.search(before[-40:])
    return m is not None and (m.group("word") or "").lower() not in number_words().range_words


def _after_month(before: str) -> bool:
    """'since Sept. 27 to 350', 'since May 20 to 163 killed': the first number is a day of
    the month before it, not the low end of a range (Karabakh 2020, Nahr al-Bared probes)."""
    from ..lexicon.date_words import date_words

    m = re.search(r"([A-Za-z]+)\.?\s+$", before[-16:])
    return bool(m) and m.group(1).lower() in date_words().months
_TO_SEP = re.compile(r"\s+to\s+$", re.IGNORECASE)


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` with its bounds and hedge, in order of appearance."""
    return list(_figures_of(text))


@lru_cache(maxsize=2048)
def _figures_of(text: str) -> tuple[Figure, ...]:
    """Memoised (figures are frozen): the claim candidates, the quantity rules and the front
    lines read the figures of the same sentence; the scan was 3 % of extraction."""
    return tuple(_scan_figures(text))


def _scan_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        figures += _match_figures(m, text)
    return figures


_ABOUT_AS_PREPOSITION = _WORDS.about_as_preposition


def _word_before(text: str, at: int) -> str:
    """The lowercased word that ends right before ``at`` (spaces between)."""
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, at - 40):at])
    return m.group(1).lower() if m else ""


def _low_of_range(low_text: str, high_text: str, low: int) -> int:
    """The low of a range whose scale only its high writes: "2 to 3 million" is 2,000,000 to
    3,000,000, "between 150 and 200 thousand" 150,000 to 200,000 (not when the low is already
    scaled, "5,000 to 1 million", nor larger than the high's own number)."""
    high = _SCALED_HIGH.match(" ".join(high_text.split()))
    if high is None or _SCALE_WORD.search(low_text):
        return low
    word = high.group("scale").lower()
    scale = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}.get(word) or SCALES.get(word.rstrip("s")) or SCALES.get(word)
    base = high.group("base").replace(",", "")
    half = re.sub(r"[\s-]+and[\s-]+a[\s-]+half$", "", base)  # "one-and-a-half million"
    try:
        base_value = float(half)
    except ValueError:
        base_value = parse_number(half)
    if not scale or base_value is None or low > base_value:
        return low
    return low * scale


def _match_figures(m: re.Match[str], text: str) -> list[Figure]:
    """The figures of one match: a vague band ("hundreds"), a range ("between 30 and 40",
    "30 to 40"), a figure and the one it became ("from 558 to 569"), or one number."""
    qual = m.group("qual")
    qualifier = qual.lower() if qual else None
    if qualifier in _NOT_A_HEDGE or qualifier == "about" and _word_before(text, m.start()) in _ABOUT_AS_PREPOSITION:
        qualifier = None  # "a total of 2,839"; "spoke about 36 terrorists killed"
    if qual and qualifier:
        start = m.start()
    elif m.group("blow"):
        start = m.start("blow") - len("between ")
    else:
        start = m.start("vague") if m.group("vague") else m.start("num")
    if m.group("vague"):
        word = m.group("vague").lower()
        low, high = VAGUE_BANDS[word]
        return [Figure(start, m.end(), text[start:m.end()], None, low, high, qualifier or word, vague=True, spelled=True)]
    if m.group("blow"):
        low, high = parse_number(m.group("blow")), parse_number(m.group("bhigh"))
        if low is None or high is None:
            return []
        low = _low_of_range(m.group("blow"), m.group("bhigh"), low)
        return [Figure(start, m.end(), text[start:m.end()], None, low, high, qualifier or "between")]
    first = parse_number(m.group("num"))
    if first is None:
        return []
    spelled = not any(c.isdigit() for c in m.group("num"))
    hedged = parse_number(m.group("hedged")) if m.group("hedged") else None
    if hedged is not None and hedged > first:
        return [Figure(start, m.end(), text[start:m.end()], None, first, hedged, qualifier, spelled=spelled)]
    if m.group("num2"):
        second = parse_number(m.group("num2"))
        if second is not None and (_change_from(text[:start]) or _after_month(text[:start])) \
                and _TO_SEP.match(text[m.end("num"):m.start("num2")]):
            # "climbed from 558 to 569": a figure and the one it became, not a range; nor
            # is "since May 20 to 163" (a day, then a figure)
            end1 = m.end("num")
            low, high = _bounds(first, qualifier)
            s2 = m.start("num2")
            return [Figure(start, end1, text[start:end1], first, low, high, qualifier, spelled=spelled),
                    Figure(s2, m.end(), text[s2:m.end()], second, second, second, None,
                           spelled=not any(c.isdigit() for c in m.group("num2")))]
        if second is not None and second > first:
            first = _low_of_range(m.group("num"), m.group("num2"), first)
            # A range states no single number: value stays null, the bounds carry it.
            return [Figure(start, m.end(), text[start:m.end()], None, first, second, qualifier, spelled=spelled)]
        # "3 or 4" where the second is not larger, or "2024-12": keep the first only.
        end = m.end("num")
    else:
        end = m.end()
        if m.group("post") and not qualifier:
            qualifier = POST_QUALIFIERS[" ".join(m.group("post").lower().split())]
    low, high = _bounds(first, qualifier)
    return [Figure(start, end, text[start:end], first, low, high, qualifier, spelled=spelled)]
