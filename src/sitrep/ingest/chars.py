"""Character-level repair: line breaks, invisible characters, mojibake.

Curly quotes and dashes are kept as they are (offsets point into the text we
store, and quotes carry meaning); only text that was decoded with the wrong
codec is repaired.
"""

from __future__ import annotations

import re

from sitrep.safe_text import fix_surrogates, strip_escapes

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width and bidi-control characters, the soft hyphen and the BOM: invisible,
# and they split words for every later regex.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\ufffd]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# UTF-8 bytes shown through cp1252 or Latin-1: a lead character (Â..ô) followed
# by the right number of continuation characters (bytes 0x80-0xBF as cp1252).
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(
    f"(?:[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}})+"
)
# Leads that real English/European text almost never puts before a
# continuation character; a sequence with one of these that cannot be
# repaired is dropped rather than kept as junk.
_JUNK_LEADS = ("\u00c2", "\u00c3", "\u00e2")
# What repaired mojibake may decode to: Latin letters, general punctuation,
# currency and letter-like symbols. Anything else means the match was real
# text that only looked like mojibake.
_PLAUSIBLE = re.compile("[\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]+")

# Right-to-left script characters glued straight onto a Latin letter are
# leftovers of a scraped link or icon ("'s ڴھٱSyria TV"); real Arabic or
# Hebrew quoted in an English article is separated by spaces or brackets.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
_RTL_GLUED = re.compile(f"[{_RTL}]+(?=[A-Za-z])|(?<=[A-Za-z])[{_RTL}]+")
# A character every match of the two repairs holds: a text with none (most texts) is not
# searched by their regexes, which try every position (2.3 ms of an article's 7 of ingest;
# one character class is found at C speed).
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")
_RTL_CHAR = re.compile(f"[{_RTL}]")


def _to_bytes(text: str) -> bytes:
    """Undo a cp1252/Latin-1 decoding (cp1252 has five holes that Latin-1 fills)."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        out += bytes([code]) if code < 256 else ch.encode("cp1252")
    return bytes(out)


def _repair(match: re.Match[str]) -> str:
    seq = match.group()
    try:
        fixed = _to_bytes(seq).decode("utf-8")
    except UnicodeError:
        return "" if seq.startswith(_JUNK_LEADS) else seq
    return fixed if _PLAUSIBLE.fullmatch(fixed) else seq


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as cp1252 ("â€™" -> "’"); drop sequences that cannot be repaired."""
    return _MOJIBAKE.sub(_repair, text) if _MOJIBAKE_LEAD.search(text) else text


def normalize_chars(raw: str) -> str:
    """Unify line breaks, repair mojibake, drop invisible and control characters, terminal
    escape sequences and what is left of them ("[31m" is colour, not "31m" people)."""
    text = strip_escapes(_NEWLINES.sub("\n", fix_surrogates(raw)))
    text = fix_mojibake(text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return _RTL_GLUED.sub("", text) if _RTL_CHAR.search(text) else text
