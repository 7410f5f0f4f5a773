"""Which outlet published an article: from metadata, a URL, or markers in the
page furniture (site-name line, byline, "Skip to more DW sites", a wire
dateline "BEIRUT (Reuters) -"). A body sentence that mentions an outlet
("told AFP") is never a marker: only short, boilerplate-like lines count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from sitrep.lexicon.ingest_words import ingest_words
from sitrep.lexicon.loader import read_json
from sitrep.lexicon.patterns import alternation
from sitrep.lexicon.regex_cache import compile_cached

# Lines longer than this are prose; outlet markers are short page furniture.
# 12 words covers "Skip to more DW sites" and "© 2024 Al Jazeera Media Network".
MARKER_MAX_WORDS = 12
# ... and at most this many characters (a long run without spaces is not a marker).
MARKER_MAX_CHARS = 200
# Known domains have at most this many labels ("english.wafa.ps").
MAX_DOMAIN_LABELS = 4
# A wire dateline opens one of the first paragraphs ("KYIV (Reuters) - ...").
WIRE_DATELINE_MAX_LINE = 20

# Phrases that make a short line with an outlet name navigation, not prose
# ("Skip to more DW sites", "DW's Top Story", "Follow Rudaw on X").
# (``navigation_words`` of data/ingest_words.json)
_NAV = re.compile(
    rf"\b(?:more (?:\w+ )?sites?|{alternation(ingest_words().navigation_words, any_space=False)})\b",
    re.IGNORECASE,
)
# A copyright line names the publisher; for a wire agency it is more often a photo's.
_COPYRIGHT = re.compile(rf"©|\b{alternation(ingest_words().copyright_words, any_space=False)}\b",  # ``copyright_words``
                        re.IGNORECASE)
_BYLINE = re.compile(  # ``byline_openers`` of data/ingest_words.json
    rf"^{alternation(ingest_words().byline_openers, any_space=False)}\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_ENUM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•·▪►»]+)\s+")
_EDGE_PUNCT = " \t|•·:;,.-–—"


@dataclass(slots=True, frozen=True)
class Outlet:
    name: str
    kind: str  # "outlet" | "agency"
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class OutletIndex:
    by_alias: dict[str, Outlet]  # exact alias -> outlet
    by_folded: dict[str, Outlet]  # casefolded alias or name -> outlet
    by_domain: dict[str, Outlet]
    alias_re: re.Pattern[str]
    photo_re: re.Pattern[str]
    wire_re: re.Pattern[str]


@cache
def outlet_index() -> OutletIndex:
    raw = read_json("outlets.json")
    outlets = [Outlet(o["name"], o.get("kind", "outlet"), tuple(o["aliases"]), tuple(o.get("domains", ())))
               for o in raw["outlets"]]
    by_alias = {a: o for o in outlets for a in (*o.aliases, o.name)}
    by_folded = {a.casefold(): o for a, o in by_alias.items()}
    by_domain = {d.lower(): o for o in outlets for d in o.domains}
    alternation = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    agencies = "|".join(re.escape(a) for a, o in by_alias.items() if o.kind == "agency")
    return OutletIndex(
        by_alias=by_alias,
        by_folded=by_folded,
        by_domain=by_domain,
        # the aliases' alternations (2-4 thousand characters) read compiled from the cache folder
        alias_re=compile_cached(rf"(?<![\w-])(?:{alternation})(?![\w-])"),
        # "(Daily Sabah Photo)", "Photo: Rudaw": an outlet's own photo credit.
        photo_re=compile_cached(rf"\(\s*(?P<a>{alternation})\s+Photo\s*\)|\bPhoto:\s*(?P<b>{alternation})\s*$"),
        wire_re=re.compile(rf"^[A-Z][A-Za-z0-9 .,'’/-]{{1,60}}?\(\s*(?P<a>{agencies})\s*\)\s*[-–—]"),
    )


def canonical_outlet(name: str) -> str:
    """The canonical name of an outlet given as written ("Deutsche Welle" -> "DW"),
    or the name itself, trimmed, when no data file knows it."""
    cleaned = " ".join(name.split())
    idx = outlet_index()
    found = idx.by_folded.get(cleaned.casefold()) or idx.by_domain.get(cleaned.lower().removeprefix("www."))
    return found.name if found else cleaned


def outlet_from_url(url: str | None) -> str | None:
    """The outlet whose domain serves ``url`` (subdomains included), else None."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    by_domain = outlet_index().by_domain
    labels = host.split(".")
    # Try the host and its parents, up to MAX_DOMAIN_LABELS labels ("english.alarabiya.net").
    for start in range(max(0, len(labels) - MAX_DOMAIN_LABELS), len(labels)):
        found = by_domain.get(".".join(labels[start:]))
        if found:
            return found.name
    return None


def _marker(line: str, idx: OutletIndex) -> tuple[int, Outlet] | None:
    """(strength, outlet) for one line: 0 strong, 1 own photo credit; None if no marker."""
    core = _ENUM.sub("", line).strip().strip(_EDGE_PUNCT)
    if not core or len(core) > MARKER_MAX_CHARS or len(core.split()) > MARKER_MAX_WORDS:
        return None
    site = idx.by_alias.get(core) or idx.by_folded.get(core.casefold())
    if site and site.kind == "outlet" and len(core) > 2:
        return 0, site  # a site-name line ("The New Region")
    byline = _BYLINE.match(core)
    if byline:
        found = idx.alias_re.search(byline.group("rest"))
        if found:
            return 0, idx.by_alias[found.group()]
    nav = _NAV.search(core) is not None
    copyright_line = _COPYRIGHT.search(core) is not None
    if nav or copyright_line:
        for found in idx.alias_re.finditer(core):
            outlet = idx.by_alias[found.group()]
            if nav or outlet.kind == "outlet":
                return 0, outlet
    for word in core.lower().split():
        hit = outlet_from_url(word.strip("()[]<>,;")) if "." in word else None
        if hit:
            return 0, idx.by_alias[hit]
    photo = idx.photo_re.search(core)
    if photo:
        outlet = idx.by_alias[photo.group("a") or photo.group("b")]
        if outlet.kind == "outlet":
            return 1, outlet
    return None


def outlet_from_lines(lines: list[str]) -> str | None:
    """The outlet named by page furniture in an article's lines, else None.

    Strong markers (site-name line, byline, navigation or copyright line with
    the outlet's name, its domain) win over the outlet's own photo credit,
    which wins over a wire-agency dateline.
    """
    idx = outlet_index()
    best: tuple[int, Outlet] | None = None
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        found = _marker(line, idx)
        if found is None and number < WIRE_DATELINE_MAX_LINE:
            wire = idx.wire_re.match(line.strip())
            if wire:
                found = (2, idx.by_alias[wire.group("a")])
        if found and found[0] == 0:
            return found[1].name
        if found and (best is None or found[0] < best[0]):
            best = found
    return best[1].name if best else None


# Mastheads sit in the first lines of a scraped page, next to its navigation.
MASTHEAD_MAX_LINE = 2
MASTHEAD_MAX_WORDS = 4
_SECTION_WORDS = frozenset(
    "news world home politics opinion live breaking video videos conflicts middle east "
    "international latest analysis features sport business menu search".split())
_NAV_LINE = re.compile(r"\s[|•>»]\s|^skip to|^home\b|^menu\b|^advertisement$", re.IGNORECASE)


def _name_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MASTHEAD_MAX_WORDS or re.search(r"[\d.,:;?!\"“”()]", text):
        return False
    if all(w.lower() in _SECTION_WORDS for w in words):
        return False
    return all(w[0].isupper() or w.lower() in ("of", "the", "and", "de", "al") for w in words)


def masthead(lines: list[str]) -> str | None:
    """An outlet no list knows, from its masthead: a short name in capitals at the top of
    the page ("BOSPHORUS DAILY"), a short name line right beside the navigation
    ("Gulf Morning Post" above "Home | World | ..."), or the first cell of a navigation bar
    ("LEVANT PRESS AGENCY | World | Middle East"). Returned in title case."""
    top = [ln.strip() for ln in lines[:10] if ln.strip()][: MASTHEAD_MAX_LINE + 2]
    for i, line in enumerate(top[: MASTHEAD_MAX_LINE + 1]):
        cells = [c.strip() for c in re.split(r"\s[|•>»]\s", line)]
        if len(cells) >= 3 and _name_like(cells[0]) and cells[0].lower() not in _SECTION_WORDS:
            return _tidy(cells[0])
        if i > MASTHEAD_MAX_LINE - 1 or len(cells) > 1 or not _name_like(line):
            continue
        beside = top[max(0, i - 1): i] + top[i + 1: i + 2]
        if line.isupper() or any(_NAV_LINE.search(b) for b in beside):
            return _tidy(line)
    return None


def _tidy(name: str) -> str:
    if not name.isupper():
        return name
    small = {"Of", "The", "And"}
    words = [w.capitalize() for w in name.split()]
    return " ".join(w.lower() if w in small and k else w for k, w in enumerate(words))
