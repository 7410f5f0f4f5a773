"""Untrusted strings made safe for where they go.

Article text, JSONL fields and file names are written by strangers. Before they reach:
- the database: no lone surrogates (``\\ud800`` in JSON, a file name that is not UTF-8),
  which DuckDB cannot store (``fix_surrogates``);
- a field of a record (title, outlet, url, id): no control characters or escape sequences
  (``clean_field``, ``clean_id``);
- the terminal: no escape sequences, and every control character shown as an escape
  (``\\n``, ``\\x1b``), so a file name cannot forge a line or recolour the screen
  (``for_terminal``);
- a CSV cell: no formula (``csv_cell``).
"""

from __future__ import annotations

import re

# Terminal escape sequences: CSI (ESC [ ... final byte, or the 8-bit CSI), OSC (ESC ] ...
# up to BEL or ESC \; window titles and link targets, bounded so that an unterminated one
# cannot swallow the rest of a text), character set choices (ESC ( B) and the other
# two-character escapes that terminals act on (ESC M, ESC 7, ESC c).
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\)?"
    r"|\x1b[()*+][0-~]|\x1b[@-Z\\^_78=>c]"
)
# What is left of an escape sequence once its ESC was dropped by some earlier tool:
# colours ("[31m", "[1;33m", "[0m"), erasing ("[2K") and cursor moves ("[2J"). "[31m"
# must not read as "31m" (31 million); a bracket closed right after is text ("[5m]").
ESCAPE_REMNANT = re.compile(
    r"\[\d{1,3}(?:;\d{1,3})*[mK](?!\])"
    r"|\[[mK](?![\w\]])"
    r"|\[\d{1,3}(?:;\d{1,3})*[ABCDHJ](?![\w\]])"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters a terminal acts on rather than shows: C0 and C1 controls, DEL, line and
# paragraph separators, and the bidi overrides that reorder what is shown.
_TERMINAL_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_FIELD_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# A CSV cell starting with one of these is read as a formula by Excel, LibreOffice and
# Google Sheets (OWASP "CSV injection"): "=HYPERLINK(...)", "+1+1", "-2+3", "@SUM(...)",
# and a tab or carriage return before any of them.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fix_surrogates(text: str) -> str:
    """Lone surrogates (never valid text) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def strip_escapes(text: str) -> str:
    """Escape sequences and their remnants removed."""
    return ESCAPE_REMNANT.sub("", ESCAPE_SEQUENCE.sub("", text))


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: object) -> str:
    """One line that is safe to print: escape sequences removed, other control characters
    (newlines included) shown as escapes."""
    s = fix_surrogates(str(text))
    return _TERMINAL_CONTROL.sub(_escape, ESCAPE_SEQUENCE.sub("", s))


def for_terminal_lines(text: str) -> str:
    """Like ``for_terminal`` for text of several lines: its newlines are kept."""
    return "\n".join(for_terminal(line) for line in text.split("\n"))


def clean_field(value: str) -> str:
    """A metadata field (title, outlet, url): one line of plain text, spaces collapsed."""
    value = _FIELD_CONTROL.sub(" ", strip_escapes(fix_surrogates(value)))
    return " ".join(value.split())


def clean_id(value: str) -> str:
    """An article id: surrogates replaced, escape sequences removed, control characters
    made spaces, outer spaces stripped; otherwise exactly as given."""
    return _FIELD_CONTROL.sub(" ", ESCAPE_SEQUENCE.sub("", fix_surrogates(value))).strip()


def csv_cell(value: str) -> str:
    """A CSV cell that no spreadsheet runs: a leading formula character is quoted with an
    apostrophe (which spreadsheets show as text and do not display)."""
    return "'" + value if value.startswith(CSV_FORMULA_START) else value
