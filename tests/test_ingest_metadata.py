"""Metadata: datelines, outlets, titles, and which rule found them."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest import article_from_text, canonical_outlet, find_dateline, outlet_from_lines, outlet_from_url
from sitrep.ingest.dateline import dateline_date
from sitrep.ingest.metadata import SourceMeta, guess_title, parse_date_value
from sitrep.ingest.readers import Options
from sitrep.records import Article

BODY = "Fighters entered the town of Northfield on Monday, residents said."


@pytest.mark.parametrize("line, expected", [
    ("04 December, 2024", date(2024, 12, 4)),
    ("Dec. 04, 2024", date(2024, 12, 4)),
    ("December 1, 2024", date(2024, 12, 1)),
    ("1 December 2024", date(2024, 12, 1)),
    ("2024-12-04", date(2024, 12, 4)),
    ("Dec 4, 2024 • 2 min read", date(2024, 12, 4)),
    ("Published: Wednesday, 4th of Sept 2024 14:32 GMT", date(2024, 9, 4)),
    ("Updated 05.03.2023", date(2023, 3, 5)),
    ("13/02/2024", date(2024, 2, 13)),
    ("02/13/2024", date(2024, 2, 13)),
    ("MARCH 3, 2022", date(2022, 3, 3)),
])
def test_metadata_dateline_formats(line: str, expected: date) -> None:
    assert dateline_date(line) == expected


@pytest.mark.parametrize("line", [
    "04/05/2024",  # day and month ambiguous
    "2024-02-30",  # not a date
    "Rebels took the town on December 4, 2024, a monitor said.",
    "December 2024",  # no day
    "4 December",  # no year
])
def test_metadata_not_a_dateline(line: str) -> None:
    assert dateline_date(line) is None


@pytest.mark.parametrize("lines, expected", [
    (["Headline here", "4 min read", "04 December, 2024", BODY], date(2024, 12, 4)),
    (["Headline here", "By Jane Roe | Dec 4, 2024", BODY], date(2024, 12, 4)),
    (["Headline", "Updated March 9, 2024", "Published March 8, 2024", BODY], date(2024, 3, 8)),
    # a caption's date is the photo's, not the article's
    (["Headline", "Fighters near the town, Syria, Dec. 4, 2024. (AA Photo)", BODY], None),
    (["Headline", "The army said on 1 May 2023 that it had withdrawn from the town after days of fighting.",
      BODY], None),
    ([BODY] * 20 + ["5 May 2023"], None),  # too deep to be a dateline
])
def test_metadata_find_dateline(lines: list[str], expected: date | None) -> None:
    assert find_dateline(lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (["1. Skip to content", "2. Skip to more DW sites", BODY], "DW"),
    (["Headline", "The New Region", BODY], "The New Region"),
    ([BODY, "Author The New Region", "Profile picture of The New Region"], "The New Region"),
    ([BODY, "© 2024 Al Jazeera Media Network"], "Al Jazeera"),
    (["KYIV (Reuters) - Drones struck the city overnight, officials said.", BODY], "Reuters"),
    (["GOMA, Congo, Jan 27 (Reuters) - Rebels entered the city, residents said.", BODY], "Reuters"),
    (["KHARTOUM, Sudan (AP) — Shelling hit a market on Sunday, medics said.", BODY], "AP"),
    ([BODY, "Follow Rudaw on Telegram"], "Rudaw"),
    (["Fighters near the town. (Daily Sabah Photo)", BODY], "Daily Sabah"),
    ([BODY, "Skip next section DW's Top Story"], "DW"),
    # negatives: mentions in prose, photo credits of agencies, reporter footers
    (["The commander told AFP the offensive would continue.", BODY], None),
    (["Rebels told AFP", BODY], None),
    (["Fighters near the town. (AA Photo)", BODY], None),
    (["Smoke over the city. Photo: © AFP", BODY], None),
    ([BODY, "ab/cd (dpa, AFP, Reuters)"], None),
    (["More than 100 killed, Reuters says", BODY], None),
    ([BODY], None),
])
def test_metadata_outlet_from_text(lines: list[str], expected: str | None) -> None:
    assert outlet_from_lines(lines) == expected


@pytest.mark.parametrize("given, expected", [
    ("Deutsche Welle", "DW"),
    ("  the new arab ", "The New Arab"),
    ("www.aljazeera.com", "Al Jazeera"),
    ("Some Local Paper", "Some Local Paper"),
])
def test_metadata_canonical_outlet(given: str, expected: str) -> None:
    assert canonical_outlet(given) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.dw.com/en/some-story/a-1", "DW"),
    ("https://english.alarabiya.net/News/1", "Al Arabiya"),
    ("https://example.org/news", None),
    (None, None),
])
def test_metadata_outlet_from_url(url: str | None, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize("text, expected", [
    (f"Rebels advance on the northern city\n\n{BODY}", "Rebels advance on the northern city"),
    (f"Who is fighting whom?\n\n{BODY}", "Who is fighting whom?"),
    (f"{BODY}\n\n{BODY}", None),
    ("A very long first paragraph " * 10 + f"\n\n{BODY}", None),
])
def test_metadata_guess_title(text: str, expected: str | None) -> None:
    assert guess_title(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-12-04", date(2024, 12, 4)),
    ("2024-12-04T10:30:00Z", date(2024, 12, 4)),
    ("2024-12-04T10:30:00+02:00", date(2024, 12, 4)),
    ("Dec 4, 2024", date(2024, 12, 4)),
    ("yesterday", None),
    (20241204, None),
    ("", None),
])
def test_metadata_parse_date_value(value: object, expected: date | None) -> None:
    assert parse_date_value(value) == expected


RAW_WITH_MARKERS = f"Headline of the day\n04 December, 2024\n\n1. Skip to more DW sites\n\n{BODY}"
RAW_WITHOUT_MARKERS = f"Headline of the day\n\n{BODY}"
RAW_WITH_DATES = ("Headline of the day\n\nThe strike on 10 October 2023 killed 12 people; a second one on "
                  "12 October 2023 killed 30 more, officials said.")


@pytest.mark.parametrize("raw, meta, options, outlet, outlet_rule, published, date_rule", [
    # text markers only
    (RAW_WITH_MARKERS, SourceMeta(), Options(), "DW", "text", date(2024, 12, 4), "text"),
    # the --outlet option beats text markers; a dateline in the text beats --published
    (RAW_WITH_MARKERS, SourceMeta(), Options(outlet="Example Post", published=date(2020, 1, 1)),
     "Example Post", "option", date(2024, 12, 4), "text"),
    # per-record metadata beats everything
    (RAW_WITH_MARKERS, SourceMeta(outlet="Deutsche Welle", published=date(2024, 11, 30)),
     Options(outlet="Example Post"), "DW", "metadata", date(2024, 11, 30), "metadata"),
    # the URL's domain is metadata too
    (RAW_WITHOUT_MARKERS, SourceMeta(url="https://www.newarab.com/news/x"), Options(outlet="Example Post"),
     "The New Arab", "metadata", None, None),
    # --published fills in only when nothing else says
    (RAW_WITHOUT_MARKERS, SourceMeta(), Options(published=date(2021, 6, 1)), None, None, date(2021, 6, 1), "option"),
    # nothing known: unknown, never today's date
    (RAW_WITHOUT_MARKERS, SourceMeta(), Options(), None, None, None, None),
    # no dateline: the latest full date the text mentions, marked inferred
    (RAW_WITH_DATES, SourceMeta(), Options(), None, None, date(2023, 10, 12), "inferred"),
    # --published still beats an inferred date
    (RAW_WITH_DATES, SourceMeta(), Options(published=date(2023, 10, 14)), None, None, date(2023, 10, 14), "option"),
])
def test_metadata_precedence(raw: str, meta: SourceMeta, options: Options, outlet: str | None,
                             outlet_rule: str | None, published: date | None, date_rule: str | None) -> None:
    article = article_from_text(raw, doc_id="doc", meta=meta, options=options)
    assert isinstance(article, Article)
    assert (article.outlet, article.outlet_rule) == (outlet, outlet_rule)
    assert (article.published, article.date_rule) == (published, date_rule)
    assert article.title == "Headline of the day"
    assert "Skip to" not in article.text and "2024" not in article.text


@pytest.mark.parametrize("lines,expected", [
    (["BOSPHORUS DAILY", "Skip to main content", "World > Middle East", "", "Rebels advance"], "Bosphorus Daily"),
    (["Gulf Morning Post", "Home | World | Middle East | Opinion", "Advertisement"], "Gulf Morning Post"),
    (["Skip to main content", "LEVANT PRESS AGENCY | World | Middle East", "3 min read"], "Levant Press Agency"),
    # Negatives: a headline is longer than a masthead; a section bar names no outlet.
    (["Rebels close in on the city as the army regroups", "4 min read"], None),
    (["News | World | Middle East", "Rebels close in"], None),
    (["News", "", "Rebels close in on the city"], None),
])
def test_metadata_masthead(lines, expected):
    from sitrep.ingest.outlets import masthead

    assert masthead(lines) == expected
