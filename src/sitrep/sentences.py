"""Sentences of a cleaned article, split by a cheap rule-based splitter (spaCy's sentence
recogniser is not run): every line is at least one sentence, a full stop after an
abbreviation or an initial ends none, a wire dateline opening a paragraph is no part of its
first sentence, and an overlong run is cut."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon.sentence_words import abbreviations

_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# Characters looked back over for the word before a full stop: longer than any abbreviation
# of data/sentence_words.json (with its dots), so a longer word is never one. Bounding the look-back keeps
# splitting linear in a line's length (a 10 MB one-line file: see docs/benchmarks.md).
ABBREVIATION_LOOKBACK = 12
# A sentence longer than this is cut at a space before the limit. Of the 823 sentences of
# the dev2, seed and sample articles the longest has 1,231 characters (a list of names in a
# monitor's report), the next under 500; without a cap one huge
# "sentence" (a table or a dump on one line) would reach spaCy's 1,000,000-character limit
# and rules that look around each figure would grow with the sentence's length.
MAX_SENTENCE_CHARS = 2_000


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of an article: its offsets into Article.text and its index."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a cleaned article: every line is at least one sentence."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _SENT_END.finditer(line):
            if _is_abbreviation(line, m.start()):
                continue
            out.extend(_make(line, line_start, cut, m.start(), len(out)))
            cut = m.end()
        out.extend(_make(line, line_start, cut, len(line), len(out)))
    return out


def _is_abbreviation(line: str, stop: int) -> bool:
    """Whether the word ending at ``line[stop]`` (a full stop) is an abbreviation or an
    initial. Looks back at most ABBREVIATION_LOOKBACK characters, never at the whole line."""
    begin = stop
    limit = max(0, stop - ABBREVIATION_LOOKBACK - 1)
    while begin > limit and (line[begin - 1].isalnum() or line[begin - 1] in "._"):
        begin -= 1
    if begin == stop or begin == limit and limit > 0:
        return False  # no word, or a word longer than any abbreviation
    word = line[begin:stop].lower().rstrip(".")
    return word in abbreviations() or len(word) == 1 and word.isalpha()


# A wire dateline opening a paragraph ("KHARTOUM, Dec 16 (AFP) - ", "KYIV (Reuters) - ",
# "DUBAI, UAE - ", "ISLAMABAD/NEW DELHI, May 8 (AFP) - ", "NAJAF, Iraq, Aug 6 (Reuters) - "): not part of the sentence, whose
# subject would otherwise be "KYIV".
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.-]{2,}(?:(?:\s+|\s?/\s?)[A-Z][A-Z'’.-]+){0,4}"
    r"(?:,\s+(?:[A-Z][A-Z.]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?=,|\s*\(|\s+[-–—]))){0,2}(?:,\s+\d{4})?"
    r"\s*(?:\([A-Za-z .&/-]{2,40}\))?\s*[-–—]+\s+(?=\S)"
)


def _make(line: str, base: int, a: int, b: int, index: int) -> list[Sentence]:
    if a == 0:
        m = _DATELINE.match(line, 0, b)
        if m:
            a = m.end()
    out: list[Sentence] = []
    while a < b:
        end = b
        if b - a > MAX_SENTENCE_CHARS:  # cut an overlong run at its last space before the cap
            space = line.rfind(" ", a + 1, a + MAX_SENTENCE_CHARS)
            end = space if space > a else a + MAX_SENTENCE_CHARS
        seg = line[a:end]
        stripped = seg.strip()
        if stripped:
            start = base + a + len(seg) - len(seg.lstrip())
            out.append(Sentence(index + len(out), start, start + len(stripped), stripped))
        a = end
    return out
