"""resolve_period_start: where the period a figure covers begins."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import resolve_period_start

WED = date(2024, 12, 4)


@pytest.mark.parametrize("sentence,published,expected,precision", [
    ("Around 50,000 people have been displaced since the end of November.", WED, date(2024, 11, 30), "day"),
    ("Around 50,000 people have been displaced since the end of February.", date(2024, 3, 5), date(2024, 2, 29), "day"),
    ("280,000 displaced since the start of November.", WED, date(2024, 11, 1), "day"),
    ("115,000 people displaced since 27 November.", WED, date(2024, 11, 27), "day"),
    ("115,000 people displaced since November 27.", WED, date(2024, 11, 27), "day"),
    ("Displaced since late November.", WED, date(2024, 11, 21), "month"),
    ("The army killed over 1,600 rebels since last week.", WED, date(2024, 11, 25), "week"),
    ("At least 30 killed since Tuesday.", WED, date(2024, 12, 3), "day"),
    ("Killed since the beginning of the year.", WED, date(2024, 1, 1), "day"),
    ("Half a million people have been killed since 2011.", WED, date(2011, 1, 1), "year"),
    ("The first offensive since March 2020.", WED, date(2020, 3, 1), "month"),
    ("In five days of clashes the death toll has reached 412.", date(2024, 12, 1), date(2024, 11, 26), "day"),
    ("Nearly 1,000 insurgents were killed over the past three days.", date(2024, 12, 1), date(2024, 11, 28), "day"),
    ("At least 100 militants were killed over the past 24 hours.", WED, date(2024, 12, 3), "day"),
    ("Fighting displaced 5,000 in the past week.", WED, date(2024, 11, 27), "week"),
    ("In 1982, government troops killed as many as 35,000 people.", WED, date(1982, 1, 1), "year"),
    ("Half a million killed since 2011.", None, date(2011, 1, 1), "year"),
])
def test_dates_period_start(sentence, published, expected, precision):
    got = resolve_period_start(sentence, published)
    assert got is not None
    assert (got.date, got.precision) == (expected, precision)
    assert sentence[got.start:got.end] == got.text


@pytest.mark.parametrize("sentence,published", [
    ("At least 602 people have been killed, according to the SOHR.", WED),
    ("Killed since the start of the offensive.", WED),
    ("Rebels reached Hama on Tuesday.", WED),       # an event date is not a period start
    ("Displaced since last week.", None),           # relative phrases need a publication day
])
def test_dates_period_start_none(sentence, published):
    assert resolve_period_start(sentence, published) is None
