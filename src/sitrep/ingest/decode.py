"""Bytes -> text, or a one-line reason why the bytes are not an article.

Order of attempts: BOM (UTF-8, UTF-16), then strict UTF-8, then cp1252 only
when the result reads like text. Binary input (NUL bytes, mostly control
characters) is refused before any decoding is trusted.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Share of control characters above which decoded text is called binary.
# Plain news text has none; 5 % leaves room for stray form feeds and the like
# in scraped files while catching images and archives that happen to decode.
MAX_CONTROL_SHARE = 0.05
# cp1252 is a guess of last resort: accept it only when nearly everything it
# gives is ordinary letters, digits, punctuation and spaces (checked on
# Windows-1252 news text, where the share is > 0.99; Latin-1 decoding of
# random binary gives well under 0.8).
MIN_TEXTLIKE_SHARE_CP1252 = 0.95

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXTLIKE = re.compile(r"[\w\s.,;:!?'\"()\[\]{}/\\&%$#@*+=<>|~^`«»“”‘’–—…€£-]")


@dataclass(slots=True, frozen=True)
class Decoded:
    """The decoded text, or why there is none (exactly one of the two is set)."""

    text: str | None = None
    reason: str | None = None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE


def _textlike_share(text: str) -> float:
    if not text:
        return 1.0
    return len(_TEXTLIKE.findall(text)) / len(text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode file contents; never raises."""
    if not data.strip():
        return Decoded(reason="empty")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8):], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text is full of NUL bytes, so it must be recognised before the NUL test.
        return _checked(data, "utf-16")
    if b"\x00" in data:
        return Decoded(reason="binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _finish(text)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return Decoded(reason="not UTF-8 and not decodable")
    if _looks_binary(text) or _textlike_share(text) < MIN_TEXTLIKE_SHARE_CP1252:
        return Decoded(reason="not UTF-8 and not decodable")
    return _finish(text)


def _checked(data: bytes, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return Decoded(reason="not UTF-8 and not decodable")
    return _finish(text)


def _finish(text: str) -> Decoded:
    if "\x00" in text or _looks_binary(text):
        return Decoded(reason="binary file")
    if not text.strip():
        return Decoded(reason="empty")
    return Decoded(text=text)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> Decoded:
    """Like decode_bytes, but bytes that are not UTF-8 follow the charset the
    page declares (e.g. windows-1256) instead of the cp1252 guess."""
    charset = declared_html_charset(data)
    if charset and b"\x00" not in data and not _is_utf8(data):
        try:
            return _finish(data.decode(charset))
        except UnicodeDecodeError:
            pass  # the declaration lies; fall back to sniffing
    return decode_bytes(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
