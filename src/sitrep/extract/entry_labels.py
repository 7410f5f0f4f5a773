"""Labels before a sentence's words that are no part of it: a liveblog entry's time and label
("09:10 - ", "0910 GMT: ", "12:30 - Background: ") and a dateline ("CULIACAN, Mexico - ").

The parser takes either into the subject ("KYIV, Ukraine (AP) - The regional governor's
office said" is not Ukraine's government speaking; "09:10 - Doctors at the hospital say"
loses its subject), and the text rules that read a leading speaker do not see past them; so
the label is blanked (same length, offsets kept).
"""

from __future__ import annotations

import re

# "GAZA STRIP, Occupied Palestine — ...", "KHARTOUM, Sudan - ...": a dateline with its country.
DATELINE_HEAD = re.compile(r"^[A-Z][A-Z'’. -]{2,}(?:,\s*[A-Z][\w'’. -]{1,40}?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]\s")
# "09:10 - ", "0910 GMT: ", "12:30 - Background: ": a liveblog entry's time and label; or a
# clock time alone before a capital ("16:10 Police say ...", a liveblog with no dash).
ENTRY_LABEL = re.compile(r"^\d{1,2}[:.]?\d{2}(?:\s*[A-Z]{2,4})?\s*[-–—:]\s+(?:[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}:\s+)?"
                         r"|^\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|[AP]M|[ap]m))?\s+(?=[A-Z])")


def mask_entry_label(text: str) -> str:
    """``text`` with a leading liveblog time label, or a dateline, replaced by spaces."""
    m = ENTRY_LABEL.match(text) or DATELINE_HEAD.match(text)
    return " " * m.end() + text[m.end():] if m else text
