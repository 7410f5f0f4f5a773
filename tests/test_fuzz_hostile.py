"""Property tests over everything that reads untrusted input (issue 10): decoding,
cleaning, the readers, the number parser, sentence splitting and the claim extractor.
No exception escapes, and every offset stays inside the text it points into.

Bounded to about a minute in total (``CI=true`` or not); set ``SITREP_FUZZ_EXAMPLES`` to
a larger number of examples per property for a longer hunt, e.g.
``SITREP_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz_hostile.py``.
"""

from __future__ import annotations

import json
import os
from datetime import date
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.extract.numbers import MAX_FIGURE_DIGITS, find_figures, parse_number
from sitrep.ingest import clean_text, iter_inputs
from sitrep.ingest.decode import decode_bytes, decode_html
from sitrep.sentences import split_sentences
from sitrep.records import Article, IngestError
from sitrep.safe_text import clean_field, csv_cell, for_terminal

# Examples per property: sized so the whole file runs in about a minute on the 2-core
# development machine; the extractor's property parses with spaCy and gets fewer.
EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "150"))
EXTRACT_EXAMPLES = max(EXAMPLES // 5, 10)

fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

# Pieces of conflict news and of what breaks parsers: figures in every style, hedges,
# casualty words, places, sentence ends, quotes, escape sequences and their remnants,
# control characters, lone surrogates, RTL text, huge and odd numbers.
PIECES = [
    "The Syrian Observatory for Human Rights said ", "at least ", "nearly ", "between ", " and ", " to ",
    "12", "1,600", "3.500", "84 770", "5,00,000", "1,4 million", "half a million", "dozens", "tens of thousands",
    "99,999,999,999,999,999,999", "9223372036854775808", "1e308", "0", "-5", "twenty-three", "Four",
    " people were killed", " civilians", " fighters", " were wounded", " fled", " detained", " in Hama",
    " near Kharkiv", " on Monday", ", the UN said.", ". ", "! ", "? ", "\n", "\n\n", "\"", "“", "”", "'",
    "U.S. ", "Dr. ", "Gen. ", "(AFP) - ", "KYIV, Dec 16 (Reuters) - ", "Rebels captured ", "airstrike ",
    "\x1b[31m", "[31m", "[0m", "\x1b]0;x\x07", "\x00", "\x07", "\r", "\t", "\u2028", "\u202e", "\ufeff",
    "\u00ad", "\ud800", "\udfff", "قتل 12 شخصا", "Ã©", "â€™", "\u200b", " " * 30, "." * 10, "=HYPERLINK(",
]
news = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), news, st.sampled_from(["", "2024-12-05"]))
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                          max_leaves=12)
record = st.fixed_dictionaries({}, optional={k: json_value for k in ("id", "text", "html", "url", "outlet", "title", "published")}) \
    .map(lambda d: {**d, "text": d["text"] if isinstance(d.get("text"), str) else "Ten people were killed."})


def _encodable(value: str | None) -> None:
    if value is not None:
        value.encode("utf-8")  # no lone surrogate: the database can store it


@fuzz
@given(st.binary(max_size=3000) | news.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_fuzz_decode_never_raises(data: bytes) -> None:
    for decoded in (decode_bytes(data), decode_bytes(data, utf16=False), decode_html(data)):
        assert (decoded.text is None) != (decoded.reason is None)
        if decoded.text is not None:
            assert "\x00" not in decoded.text and decoded.text.strip()


@fuzz
@given(news)
def test_fuzz_clean_gives_storable_text_without_controls(raw: str) -> None:
    text = clean_text(raw)
    _encodable(text)
    assert not any(ch in text for ch in "\x00\x07\x1b\r\t\ufeff")
    assert "[31m" not in text


@fuzz
@given(news)
def test_fuzz_text_helpers_are_safe(raw: str) -> None:
    shown = for_terminal(raw)
    assert "\n" not in shown and "\x1b" not in shown and "\r" not in shown
    _encodable(shown)
    _encodable(clean_field(raw))
    assert not csv_cell(raw).startswith(("=", "+", "-", "@", "\t", "\r"))


@fuzz
@given(st.lists(st.tuples(st.sampled_from([".txt", ".html", ".jsonl"]), st.binary(max_size=2000) | news.map(
    lambda s: s.encode("utf-8", "surrogatepass"))), min_size=1, max_size=4))
def test_fuzz_readers_yield_articles_or_reasons(tmp_path_factory, files) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for i, (suffix, data) in enumerate(files):
        (folder / f"f{i}{suffix}").write_bytes(data)
    for item in iter_inputs([folder]):
        assert isinstance(item, (Article, IngestError))
        if isinstance(item, Article):
            assert item.text.strip()
            for value in (item.id, item.text, item.title, item.outlet, item.url, item.path):
                _encodable(value)
        else:
            _encodable(str(item))


@fuzz
@given(st.lists(record | json_value, min_size=1, max_size=5))
def test_fuzz_jsonl_records_never_stop_the_file(tmp_path_factory, records) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    lines = [json.dumps(r, ensure_ascii=False, allow_nan=True) for r in records]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
    items = list(iter_inputs([path]))
    assert items and all(isinstance(i, (Article, IngestError)) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.published is None or isinstance(item.published, date)
            for value in (item.id, item.text, item.title, item.outlet, item.url, *item.notes):
                _encodable(value)


@fuzz
@given(news)
def test_fuzz_numbers_are_exact_ints_inside_the_text(text: str) -> None:
    for fig in find_figures(text):
        assert 0 <= fig.start <= fig.end <= len(text) and text[fig.start:fig.end] == fig.text
        for value in (fig.value, fig.low, fig.high):
            assert value is None or type(value) is int and value >= 0
    value = parse_number(text)
    assert value is None or type(value) is int


@fuzz
@given(st.integers(min_value=0, max_value=10 ** MAX_FIGURE_DIGITS - 1), st.booleans())
def test_fuzz_parse_number_never_rounds_a_giant(number: int, commas: bool) -> None:
    assert parse_number(f"{number:,}" if commas else str(number)) == number
    assert parse_number(str(number) + "5" * (MAX_FIGURE_DIGITS + 1 - len(str(number)))) is None  # too long


@fuzz
@given(news.map(clean_text))
def test_fuzz_sentences_point_into_the_text(text: str) -> None:
    sentences = split_sentences(text)
    last_end = 0
    for s in sentences:
        assert last_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()
        last_end = s.end


@pytest.mark.slow
@settings(max_examples=EXTRACT_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(news.map(clean_text), st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))))
def test_fuzz_claim_extractor_offsets_stay_inside(extractor, text: str, published: date | None) -> None:
    if not text:
        return
    x = extractor.extract(Article(id="fuzz", text=text, content_hash="h", published=published))
    for c in x.claims:
        assert 0 <= c.sentence_start <= c.start <= c.end <= len(text)
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert all(0 <= a <= b <= len(text) for a, b in c.mentions)
        for value in (c.value, c.low, c.high):
            assert value is None or 0 <= value <= 10_000_000_000
    for e in x.events:
        assert 0 <= e.sentence_start <= e.start <= e.end <= len(text)
    for p in x.places:
        assert 0 <= p.start < p.end <= len(text) and text[p.start:p.end] == p.text

