"""Plain-text cleaning: drop page furniture line by line, keep paragraphs.

A line is dropped for a general reason, never because it equals a known
string: navigation vocabulary on a short line, a time or duration on its own,
a photo credit at the end of a line, a byline, a dateline, a site-name line.
Lines that survive become paragraphs separated by one blank line, so later
stages never merge sentences across paragraphs. All character offsets in
later stages point into the text returned here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.ingest.chars import normalize_chars
from sitrep.ingest.dateline import dateline_date
from sitrep.ingest.glue import split_glued
from sitrep.lexicon.ingest_words import ingest_words
from sitrep.lexicon.patterns import alternation
from sitrep.ingest.outlets import outlet_index
from sitrep.lexicon.loader import read_json
from sitrep.lexicon.regex_cache import compile_cached

# A line opening with a navigation phrase ("Also read:", "Skip to") is dropped
# only up to this length; a longer one is a paragraph that happens to start so.
# 40 words covers the longest "Image of <headline> Photo: AFP" alt texts seen.
PREFIX_DROP_MAX_WORDS = 40
# Bylines ("By Jane Doe and John Roe", "Author The New Region") are short.
BYLINE_MAX_WORDS = 8
# Breadcrumbs ("Conflicts Syria", "News > Middle East") are at most this long.
BREADCRUMB_MAX_WORDS = 4
# A line right above a video duration ("02:06") is the video's title when it
# is at most this long and not a sentence (DW/BBC players).
VIDEO_TITLE_MAX_WORDS = 15
# An image description above its credit line is one short sentence.
IMAGE_TEXT_MAX_WORDS = 30
# Hard-wrapped text (e-mail, wire feeds at 70-80 columns) is re-flowed when no
# line is longer than this and the typical line is at least HARD_WRAP_MIN_MEDIAN
# long; scraped pages have one paragraph per line, mostly over 100 characters.
HARD_WRAP_MAX_WIDTH = 100
HARD_WRAP_MIN_MEDIAN = 45
HARD_WRAP_MIN_LINES = 6
# In hard-wrapped text a line shorter than this share of the wrap width ends
# its paragraph (wrapped lines fill 85-100 % of the width).
SHORT_LINE_SHARE = 0.6
# A line ending in a credit keeps its text when at least this many words are left
# ("Fighters enter Hama. [AFP]"); less is a caption label ("Photo [AFP]").
CREDIT_REMAINDER_MIN_WORDS = 4

_ENUM = re.compile(r"^(?:\d{1,2}[.)]|[-*•·▪►»]+)\s+")
_FINAL_PUNCT = re.compile(r"[.!?…][\"'”’)\]]*$")
_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")
_READ_TIME = re.compile(
    r"^(?:reading time:?\s*)?\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min|mins|minutes?)(?:\.|\s+read|\s+reading|\s+listen)?$"
    r"|^(?:updated\s+)?\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago$",
    re.IGNORECASE,
)
_ALL_CAPS_WORD = re.compile(r"^[A-Z][A-Z&'’-]+:?$")
# Reporter initials and agencies that end DW-style articles: "ab/cd (AFP, Reuters)".
_INITIALS_FOOTER = re.compile(r"^\(?[a-z]{2,4}(?:/[a-z]{2,4})+\)?(?:\s*\([^)]*\))?$")
# Screen-reader labels that scrapers leave inside sentences after a link
# ("said in a statement, opens new tab, on Monday").
# (``new_link_targets`` of data/ingest_words.json)
_NEW_LINK_TARGET = alternation(ingest_words().new_link_targets)
_LINK_ARTIFACT = re.compile(rf",? opens? (?:in )?(?:a )?new {_NEW_LINK_TARGET}|\s*\(opens? in (?:a )?new {_NEW_LINK_TARGET}\)",
                            re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|\||/)\s*")


@dataclass(slots=True, frozen=True)
class _Rules:
    prefix_re: re.Pattern[str]
    nav_lines: frozenset[str]
    section_words: frozenset[str]
    byline_re: re.Pattern[str]
    credit_end_re: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = read_json("ingest_boilerplate.json")
    # A phrase ending in a letter must end on a word boundary ("share on", not "share only").
    prefixes = "|".join(re.escape(p) + ("(?![A-Za-z0-9])" if p[-1].isalnum() else "")
                        for p in sorted(data["always_drop_prefixes"], key=len, reverse=True))
    bylines = "|".join(re.escape(p) for p in sorted(data["byline_prefixes"], key=len, reverse=True))
    # Labels in any case ("Photo", "PHOTO"); agency names as written ("AP", not "ap").
    labels = "(?i:" + "|".join(re.escape(p) for p in sorted(data["credit_labels"], key=len, reverse=True)) + ")"
    agencies = "|".join(re.escape(p) for p in sorted(data["credit_agencies"], key=len, reverse=True))
    credit_end = "|".join((
        # "... Hama city [Getty]", "[AFP via Getty Images]"
        rf"\[[^\[\]]{{0,60}}\b(?:{agencies}|{labels})\b[^\[\]]{{0,60}}\]$",
        # "(AA Photo)", "(Photo by Jane Doe/AFP)", "(Reuters photo)"
        rf"\([^()]{{0,60}}\b(?:{labels})\b[^()]{{0,60}}\)$",
        rf"\((?:{agencies})\)$",
        # "Photo: AFP", "Image: Omar Albam/AP Photo/picture alliance", "Photo credit: X"
        rf"\b(?:{labels})(?:\s+credit)?\s*:\s*[^.!?:]{{1,80}}$",
        # "Jane Doe/AP", "REUTERS/Jane Doe", "... via Getty Images"
        rf"\S/(?:{agencies})(?:\s+(?:{labels}))?\)?$",
        rf"\b(?:REUTERS|AFP|AP|EPA|AA)/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\)?$",
        r"\bvia Getty Images\)?$",
        r"\bGetty Images\)?$",
    ))
    return _Rules(
        # the two long ones (2,600 and 1,800 characters) read compiled from the cache folder
        prefix_re=compile_cached(rf"^(?:{prefixes})", re.IGNORECASE),
        nav_lines=frozenset(w.lower() for w in data["nav_lines"]),
        section_words=frozenset(w.lower() for w in data["section_words"]),
        byline_re=re.compile(rf"^(?:{bylines})\s+(?P<rest>.+)$", re.IGNORECASE),
        credit_end_re=compile_cached(credit_end),
    )


_BYLINE_CONNECTORS = frozenset("and & , in for de da di al el bin ibn van von la le du of the".split())


def _is_name_list(text: str) -> bool:
    """'Jane Doe and John Roe', 'The New Region': capitalised words and connectors only."""
    words = text.replace(",", " , ").split()
    return bool(words) and len(words) <= BYLINE_MAX_WORDS and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in _BYLINE_CONNECTORS for w in words)


def _is_breadcrumb(core: str, rules: _Rules) -> bool:
    if _FINAL_PUNCT.search(core):
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(core) if p]
    if len(parts) > 1:
        return all(len(p.split()) <= 3 and p[0].isupper() for p in parts)
    words = core.split()
    if not words or len(words) > BREADCRUMB_MAX_WORDS or not all(w[0].isupper() for w in words):
        return False
    first = words[0].lower()
    first_two = " ".join(words[:2]).lower()
    return first in rules.section_words or first_two in rules.section_words


def _is_outlet_furniture(core: str) -> bool:
    """A site-name line ("The New Region") or one with an outlet's name and
    navigation words only ("DW's Top Story")."""
    idx = outlet_index()
    if core in idx.by_alias or (len(core) > 3 and core.casefold() in idx.by_folded):
        return True
    if _FINAL_PUNCT.search(core) or len(core.split()) > 6:
        return False
    rest = idx.alias_re.sub(" ", core)
    if rest == core:
        return False
    leftover = {w.lower() for w in _LETTERS.findall(rest)} - {"s"}
    return bool(leftover) and leftover <= _OUTLET_NAV


_OUTLET_NAV = frozenset("top story stories more from sites site news latest the on follow app home page edition live".split())


def drop_reason(line: str) -> str | None:
    """Why ``line`` is page furniture rather than article text, or None to keep it."""
    core = _ENUM.sub("", line.strip())
    if not core:
        return "blank"
    if _DURATION.match(core):
        return "time"
    if not _LETTERS.search(core):
        return "no words"  # page numbers, counters, separators, lone symbols
    rules = _rules()
    words = core.split()
    folded = core.lower().strip(" .:|•·-–—")
    if folded in rules.nav_lines:
        return "navigation"
    if len(words) <= PREFIX_DROP_MAX_WORDS and rules.prefix_re.match(core):
        return "navigation"
    if _READ_TIME.match(core):
        return "time"
    if len(words) == 1 and _ALL_CAPS_WORD.match(core):
        return "label"
    if _INITIALS_FOOTER.match(core):
        return "byline"
    byline = rules.byline_re.match(core)
    if byline and not _FINAL_PUNCT.search(core) and _is_name_list(byline.group("rest")):
        return "byline"
    if ends_with_credit(core):
        return "credit"
    if len(words) <= 20 and dateline_date(core):
        return "dateline"
    if _is_outlet_furniture(core):
        return "site name"
    if _is_breadcrumb(core, rules):
        return "breadcrumb"
    return None


def ends_with_credit(line: str) -> bool:
    """Whether a line ends with a photo or video credit (``credit_end_re``). Each of its
    forms holds a colon or a slash, or ends with a bracket or "Getty Images": a line with
    none of them (most lines of text) needs no regex, which tried every word of every line
    (40 % of cleaning)."""
    end = line.rstrip("\n")  # ``$`` matches before a final newline too
    if ":" not in line and "/" not in line and not end.endswith(("]", ")", "Getty Images")):
        return False
    return bool(_rules().credit_end_re.search(line))


def prepare_lines(raw: str) -> list[str]:
    """Repair characters and glued words; the lines metadata detection reads."""
    text = _LINK_ARTIFACT.sub("", normalize_chars(raw))
    return split_glued(text).split("\n")


def _hard_wrap_width(lines: list[str]) -> int:
    """The wrap width (median line length) of hard-wrapped text, else 0."""
    lengths = sorted(len(ln) for ln in lines if ln)
    if len(lengths) < HARD_WRAP_MIN_LINES or lengths[-1] > HARD_WRAP_MAX_WIDTH:
        return 0
    median = lengths[len(lengths) // 2]
    return median if median >= HARD_WRAP_MIN_MEDIAN else 0


def clean_lines(lines: list[str]) -> str:
    """Paragraphs of article text from prepared lines (see prepare_lines)."""
    stripped = [" ".join(ln.split()) for ln in lines]
    kept: list[str] = []  # kept lines, "" marking a paragraph boundary
    kept_from: list[int] = []  # index in ``stripped`` of each kept line
    for number, line in enumerate(stripped):
        reason = drop_reason(line)
        if reason == "credit" and (text := strip_credit(line)) and not _below_image_text(kept, kept_from, stripped, number):
            # "Rebels entered Hama on Thursday. [AFP]": the credit goes, the text stays
            kept.append(text)
            kept_from.append(number)
            continue
        if reason in ("time", "credit"):
            _drop_media_text(kept, kept_from, stripped, number, reason)
        if reason is None:
            kept.append(line)
            kept_from.append(number)
        elif reason == "blank" and kept and kept[-1]:
            kept.append("")
            kept_from.append(number)
    width = _hard_wrap_width(stripped)
    if width:
        return "\n\n".join(_reflow(kept, width))
    return "\n\n".join(_join_broken(ln for ln in kept if ln))


def strip_credit(line: str) -> str:
    """A line without the photo or video credit it ends with; empty when nothing but the
    credit (or a label) is left."""
    core = _ENUM.sub("", line.strip())
    text = _rules().credit_end_re.sub("", core).strip(" -–—|")
    return text if len(text.split()) >= CREDIT_REMAINDER_MIN_WORDS else ""


def _join_broken(lines) -> list[str]:
    """A sentence broken across lines ("... left their villages after the shelling," / "the
    aid agency reported.") is one paragraph: a line ending in a comma or a word,
    followed by one that starts in lowercase, continues it."""
    out: list[str] = []
    for line in lines:
        if out and (_BROKEN_END.search(out[-1]) and line[:1].islower() or _DANGLING.search(out[-1])):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_BROKEN_END = re.compile(r"(?:,|\b[a-z]+)$")
# A line ending in one of these cannot end a sentence, whatever the next line starts with.
_DANGLING = re.compile(r"\b(?:in|of|the|a|an|to|and|or|for|at|on|by|from|with|near|into|than|as)$")


def _below_image_text(kept: list[str], kept_from: list[int], lines: list[str], number: int) -> bool:
    """Whether the credit line at ``number`` closes an image block (a description right
    above it): then the block is furniture, as _drop_media_text says."""
    last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i]), None)
    return last is not None and _is_image_text(lines, number, kept_from[last])


def _drop_media_text(kept: list[str], kept_from: list[int], lines: list[str], number: int, reason: str) -> None:
    """Remove the last kept line when it belongs to the media item at ``number``:
    a video's title above its duration, an image's description above its credit."""
    last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i]), None)
    if last is None:
        return
    if reason == "time" and _DURATION.match(lines[number]):
        # the title sits right above the duration, at most a blank line between
        media_text = number - kept_from[last] <= 2 and _is_video_title(kept[last])
    else:
        media_text = reason == "credit" and _is_image_text(lines, number, kept_from[last])
    if media_text:
        del kept[last:]
        del kept_from[last:]


def _reflow(lines: list[str], width: int) -> list[str]:
    """Join hard-wrapped lines into paragraphs. A blank line, or a line much
    shorter than the wrap width (a heading, a paragraph's last line), ends one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        if current and (not line or len(line) < width * SHORT_LINE_SHARE):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _is_image_text(lines: list[str], credit_at: int, kept_at: int) -> bool:
    """A one-sentence block directly above a photo credit, set off by a blank
    line before it, is the image's description (DW-style figure captions)."""
    if kept_at != credit_at - 1 or kept_at < 1 or lines[kept_at - 1]:
        return False
    text = lines[kept_at]
    return len(text.split()) <= IMAGE_TEXT_MAX_WORDS and text.endswith(".")


def _is_video_title(line: str) -> bool:
    return bool(line) and len(line.split()) <= VIDEO_TITLE_MAX_WORDS and not line.endswith(".")


def clean_text(raw: str) -> str:
    """Article text without page furniture: paragraphs separated by one blank line."""
    return clean_lines(prepare_lines(raw))
