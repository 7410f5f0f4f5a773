"""Labels before a sentence's words that are no part of it: a liveblog entry's time and label
("09:10 - ", "0910 GMT: ", "12:30 - Background: ") and a dateline ("CULIACAN, Mexico - ").

The parser takes either into the subject ("KYIV, Ukraine (AP) - The regional governor's
office said" is not Ukraine's government speaking; "09:10 - Doctors at the hospital say"
loses its subject), and the text rules that read a leading speaker do not see past them; so
the label is blanked (same length, offsets kept). So is a stray "was"/"were" of non-native
English before a capture verb's simple past ("The government troops was retook the outpost"),
which the parser would read as a passive.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.claim_rule_words import in_order

from ..lexicon.date_words import date_words
from ..lexicon.loader import read_json
from ..lexicon.patterns import alternation

# "GAZA STRIP, Occupied Palestine — ...", "KHARTOUM, Sudan - ...": a dateline with its country.
# ("MUNICH, Sept. 6 (Reuter) -- ...": a typewriter's double hyphen for the dash)
DATELINE_HEAD = re.compile(r"^[A-Z][A-Z'’. -]{2,}(?:,\s*[A-Z][\w'’. -]{1,40}?)?\s*(?:\([^)]{1,30}\)\s*)?(?:--|[—–-])\s")
# "09:10 - ", "0910 GMT: ", "7:45am — ", "12:30 - Background: ": a liveblog entry's time and label; or a
# clock time alone before a capitalised word ("16:10 Police say ...", "10.50 South Ossetia's
# leader ...", "14:10 A South Sudanese officer ...", "09:30 UN agencies ...": a liveblog with
# no dash, its hour written with a colon or a dot).
ENTRY_LABEL = re.compile(r"^\d{1,2}[:.]?\d{2}(?:\s*[A-Z]{2,4}|\s*[ap]\.?m\.?)?\s*[-–—:]\s+(?:[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}:\s+)?"
                         r"|^\d{1,2}[:.][0-5]\d(?:\s*(?:GMT|UTC|[AP]M|[ap]m))?\s+(?=[A-Z][a-zA-Z\s])")


# "PESHAWAR: Security forces have ...", "ISLAMABAD (APP): ...": the South Asian press's
# dateline, a city in capitals and a colon (a transcript's "SPOKESMAN:" is a role: kept).
COLON_DATELINE = re.compile(r"^(?P<city>[A-Z]{4,}(?:[ /][A-Z]{3,})?)\s*(?:\([A-Z]{2,6}\)\s*)?:\s+(?=[A-Z])")


def colon_dateline(text: str) -> re.Match[str] | None:
    m = COLON_DATELINE.match(text)
    from ..lexicon.claim_terms import person_role_words  # roles, titles, ranks: a transcript's labels

    if m is None or any(w.lower() in person_role_words() for w in re.split(r"[ /]", m.group("city"))):
        return None
    return m


# "Radio Rwanda, 1300: ...", "Uganda Broadcasting Corporation, 1700 gmt: ...", "[Radio YSKL,
# 0615] ...", "[Radio Venceremos, clandestine, 0130] ...": a monitoring digest's item, its
# station, what the digest says of it and the hour it was heard.
# "Israel home service in English, 11 June, 0600 gmt: ...", "Voice of the Arabs, 6 June, 1800
# gmt: ...": a state broadcaster's service (``broadcast_services``), its language, and the day
# before the hour.
STATION_LABEL = re.compile(r"^\[?(?P<station>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5})"
                           rf"(?P<service>\s+{in_order('broadcast_services', any_space=False)})?(?:\s+in\s+[A-Z][a-z]+)?"
                           r"(?:\s*\([^()]{1,60}\))?(?:,\s+[a-z][\w'’ -]{2,30}?|,\s+[A-Z][\w'’.-]+(?:\s+station)?"
                           r"|,\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?"
                           r",\s+\d{3,4}"  # "(clandestine), Vienna, 0700", ", clandestine, 0130"
                           # "1700 gmt", "0600 local time": ``clock_labels`` of data/date_words.json
                           rf"(?:\s*{alternation(date_words().clock_labels)})?(?:,\s+\d{{1,2}}\s+[A-Z][a-z]{{2,8}}\.?)?(?:\s*:|\])\s+")


@lru_cache(maxsize=1)
def _stamped_header() -> re.Pattern[str]:
    """A line naming a broadcaster in the usual case, perhaps its item letter, a bracket of what
    it is, its seat or language, then its time in GMT and a date: "Tehran home service 1630 gmt
    26 Jan 82", "Voice of the Iranian Revolution (clandestine) 1800 gmt 27 Jan 82" (set AN's
    BBC digest), "(b) Hanoi, Vietnam News Agency, in English, 0730 gmt 8 Jan 79" (set AS's)."""
    return re.compile(r"^\s*(?:\([a-z]\)\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,9}?)\s*(?:\([^)]{1,40}\)\s*)?"
                      r"(?:,\s*[^,\n]{1,40}){0,2},?\s*\d{4}\s*(?i:gmt)\b[^\n]{0,20}$")


@lru_cache(maxsize=1)
def _broadcaster_word() -> re.Pattern[str]:
    """A broadcaster's word in a stamped header's name ("home service", "Radio Iran", "Voice of ...")."""
    words = "|".join(re.escape(w) for w in read_json("claimant_kinds.json")["broadcaster_words"])
    return re.compile(rf"\b(?i:{words}|service|agency)\b")


def stamped_header(line: str) -> re.Match[str] | None:
    """A monitoring digest's stamped header line (``_stamped_header``) whose name is a broadcaster's."""
    if "gmt" not in line.lower():
        return None
    m = _stamped_header().match(line)
    return m if m is not None and _broadcaster_word().search(m.group("name")) else None


# How far into its paragraph a digest item's label may run.
LABEL_CHARS = 160


def digest_label(paragraph: str) -> str | None:
    """The station a monitoring digest's item opens with, its label inline ("Amman home
    service, 10 June, 1400 gmt: ...") or a header line of its own ("Tehran home service 1630
    gmt 26 Jan 82"); None for any other paragraph."""
    head = paragraph[:LABEL_CHARS]
    m = STATION_LABEL.match(head)
    if m is not None:
        return m.group("station")
    m = stamped_header(head.split("\n", 1)[0])
    return m.group("name") if m is not None else None


def mask_entry_label(text: str) -> str:
    """``text`` with a leading liveblog time label, a digest item's station, or a dateline,
    replaced by spaces."""
    m = ENTRY_LABEL.match(text) or DATELINE_HEAD.match(text) or STATION_LABEL.match(text) or colon_dateline(text)
    return " " * m.end() + text[m.end():] if m else text


@lru_cache(maxsize=1)
def _stray_auxiliary() -> re.Pattern[str]:
    from ..lexicon.event_terms import load_event_terms

    forms = sorted(load_event_terms().words("territory_change", "simple_past_after_be"))
    return re.compile(rf"\b(?:was|were|have|has|had)(?=\s+(?:{'|'.join(forms)})\b)")


# A capture verb in scare quotes ('its units had "liberated" Srebrenica'): the quotes blanked
# (same length) so the parse reads the verb with its object (set BO's Srebrenica wire).
_SCARE_QUOTED = re.compile(r'(?<![\w"“])["“](?P<word>[a-z]+)["”](?![\w"”])')


def blank_scare_quotes(text: str) -> str:
    """The quotes around a capture verb set in scare quotes, blanked; other quotes kept."""
    if '"' not in text and "“" not in text:
        return text
    from ..lexicon.event_terms import load_event_terms

    triggers = load_event_terms().any_trigger
    return _SCARE_QUOTED.sub(lambda m: f" {m.group('word')} " if m.group("word") in triggers else m.group(0), text)


def blank_stray_auxiliary(text: str) -> str:
    """'The AA troops were took over the outposts', 'The government troops was retook the
    outpost', 'The Houthi group have took full control on Amran city': in non-native English
    a "was"/"were" (or "have") before a capture verb's simple past (no participle: took, not
    taken) marks no passive or perfect; blanked (same length) so the parse reads the troops as
    the ones who took it (``simple_past_after_be`` of data/event_terms.json)."""
    return _stray_auxiliary().sub(lambda m: " " * len(m.group(0)), text)
