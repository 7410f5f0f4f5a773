"""Bytes -> text, or a one-line reason why the bytes are not an article.

Order of attempts: a BOM (UTF-8, UTF-16), UTF-16 without a BOM (told by where its NUL
bytes fall), then UTF-8, then cp1252 when the result reads like text. Only what is really
binary is refused: a stray NUL or an undecodable byte in otherwise good text is dropped,
and the article keeps a note saying how many (``Decoded.notes``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Share of control bytes (NUL included) above which input is binary. Plain news text has
# none; 5 % leaves room for stray NULs and form feeds in scraped files (NULs are dropped,
# with a note) while catching images, archives, compressed data and executables (all well
# above 10 %: random bytes have 11 %).
MAX_CONTROL_SHARE = 0.05
# Bytes that are not UTF-8 up to this share (or a single one) are dropped from text that
# is otherwise UTF-8 when cp1252 cannot read it either; more is not text. Checked on news
# text with one stray byte (0.02-0.5 %) and on random bytes (about 50 %).
MAX_UNDECODABLE_SHARE = 0.01
# cp1252 is a guess of last resort: accept it only when nearly everything it
# gives is ordinary letters, digits, punctuation and spaces (checked on
# Windows-1252 news text, where the share is > 0.99; Latin-1 decoding of
# random binary gives well under 0.8).
MIN_TEXTLIKE_SHARE_CP1252 = 0.95
# UTF-16 without a BOM: in this many first bytes, one of the two byte positions is NUL at
# least UTF16_MIN_NUL_SHARE of the time (every ASCII character, space and digit) and the
# other almost never. English UTF-16 scores ~1.0; Arabic or Russian UTF-16 0.15-0.3 (their
# spaces and digits); UTF-8 text 0; binary has NULs at both positions. At least
# UTF16_MIN_NULS of them: a stray NUL in a short UTF-8 text is no pattern.
UTF16_SNIFF_BYTES = 4096
UTF16_MIN_NUL_SHARE = 0.12
UTF16_MAX_OTHER_NUL_SHARE = 0.01
UTF16_MIN_NULS = 8

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXTLIKE = re.compile(r"[\w\s.,;:!?'\"()\[\]{}/\\&%$#@*+=<>|~^`«»“”‘’–—…€£-]")
# Bytes that are not UTF-8, after decoding with surrogateescape: one surrogate per byte.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")

UNDECODABLE = "not UTF-8 and not decodable"


@dataclass(slots=True, frozen=True)
class Decoded:
    """The decoded text, or why there is none (exactly one of the two is set); ``notes``
    say what was dropped to read the text ("2 NUL bytes dropped")."""

    text: str | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()


def _plural(n: int, what: str) -> str:
    return f"{n} {what}" + ("s" if n != 1 else "")


def looks_binary(data: bytes) -> bool:
    """Whether bytes (a file, or its first bytes) are binary rather than text in a
    one-byte or UTF-8 encoding: many control bytes (NUL among them)."""
    return bool(data) and len(_CONTROL_BYTES.findall(data)) / len(data) > MAX_CONTROL_SHARE


def _looks_binary_text(text: str) -> bool:
    return bool(text) and len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE


def _textlike_share(text: str) -> float:
    if not text:
        return 1.0
    return len(_TEXTLIKE.findall(text)) / len(text)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the first bytes look like UTF-16 with no BOM."""
    sample = data[:UTF16_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if max(even.count(0), odd.count(0)) < UTF16_MIN_NULS:
        return None
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= UTF16_MIN_NUL_SHARE and nul_even <= UTF16_MAX_OTHER_NUL_SHARE:
        return "utf-16-le"
    if nul_even >= UTF16_MIN_NUL_SHARE and nul_odd <= UTF16_MAX_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def text_encoding(head: bytes) -> str | None:
    """The UTF-16 codec that reads a file starting with ``head`` (BOM or not), else None
    for a byte encoding (UTF-8, cp1252): used by streaming readers (JSONL)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(head)


def decode_bytes(data: bytes, *, utf16: bool = True) -> Decoded:
    """Decode file contents (or, with ``utf16=False``, one line of a byte-encoded JSONL
    file); never raises."""
    if not data.strip():
        return Decoded(reason="empty")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif utf16 and (encoding := text_encoding(data)):
        # UTF-16 text is full of NUL bytes, so it must be recognised before the NUL test.
        return _utf16(data, encoding)
    if looks_binary(data):
        return Decoded(reason="binary file")
    notes: list[str] = []
    if (nuls := data.count(0)):
        data = data.replace(b"\x00", b"")
        notes.append(f"{_plural(nuls, 'NUL byte')} dropped")
    return _from_bytes(data, notes)


def _from_bytes(data: bytes, notes: list[str]) -> Decoded:
    text = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(text))
    if not bad:
        return _finish(text, notes)
    # Mostly UTF-8 (more good multi-byte characters than bad bytes): the bad ones are strays.
    if len(_NON_ASCII.findall(text)) > bad:
        return _drop_undecodable(text, bad, notes)
    try:
        guess = data.decode("cp1252")
    except UnicodeDecodeError:
        guess = None
    if guess is not None and not _looks_binary_text(guess) and _textlike_share(guess) >= MIN_TEXTLIKE_SHARE_CP1252:
        return _finish(guess, notes)
    if bad == 1 or bad / len(data) <= MAX_UNDECODABLE_SHARE:
        return _drop_undecodable(text, bad, notes)
    return Decoded(reason=UNDECODABLE)


def _drop_undecodable(text: str, bad: int, notes: list[str]) -> Decoded:
    notes.append(f"{_plural(bad, 'byte')} not UTF-8 dropped")
    return _finish(_ESCAPED_BYTE.sub("", text), notes)


def _utf16(data: bytes, encoding: str) -> Decoded:
    text = data.decode(encoding, "replace")
    bad = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
    notes = [f"{_plural(bad, 'undecodable UTF-16 unit')} dropped"] if bad else []
    if bad and bad / max(len(text), 1) > MAX_UNDECODABLE_SHARE:
        return Decoded(reason=UNDECODABLE)
    return _finish(text.replace("\ufffd", "") if bad else text, notes)


def _finish(text: str, notes: list[str]) -> Decoded:
    if "\x00" in text or _looks_binary_text(text):
        return Decoded(reason="binary file")
    if not text.strip():
        return Decoded(reason="empty")
    return Decoded(text=text, notes=tuple(notes))


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
    if charset and b"\x00" not in data and not _is_utf8(data) and not charset.startswith("utf"):
        try:
            return _finish(data.decode(charset), [])
        except UnicodeDecodeError:
            pass  # the declaration lies; fall back to sniffing
    return decode_bytes(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
