"""resolve_event_date: explicit dates, weekdays, relative phrases and the publication fallback."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import explicit_years, resolve_event_date

WED = date(2024, 12, 4)  # a Wednesday


@pytest.mark.parametrize("sentence,published,expected,precision,rule", [
    # weekday: most recent such day on or before publication
    ("Rebels reached Hama on Tuesday.", WED, date(2024, 12, 3), "day", "weekday"),
    ("Rebels captured Hama on Thursday.", date(2024, 12, 5), date(2024, 12, 5), "day", "weekday"),
    ("The army sent reinforcements on Sunday.", date(2024, 12, 1), date(2024, 12, 1), "day", "weekday"),
    ("Late on Tuesday, insurgent groups said they held the town.", WED, date(2024, 12, 3), "day", "weekday"),
    ("Tuesday night's strikes hit the market.", WED, date(2024, 12, 3), "day", "weekday"),
    ("Regime forces launched counterattacks Wednesday.", WED, WED, "day", "weekday"),
    ("The town fell last Wednesday.", WED, date(2024, 11, 27), "day", "weekday"),
    ("Hama fell on Thursday.", WED, date(2024, 11, 28), "day", "weekday"),
    ("Strikes hit Idlib on Monday.", date(2025, 1, 1), date(2024, 12, 30), "day", "weekday"),  # year boundary
    # explicit
    ("The town of Suran was captured on December 3, 2024.", WED, date(2024, 12, 3), "day", "explicit"),
    ("On 27 November 2024, the opposition launched an offensive.", WED, date(2024, 11, 27), "day", "explicit"),
    ("Fighters fired near Hama, Syria, Dec. 4, 2024.", WED, date(2024, 12, 4), "day", "explicit"),
    ("The offensive began on 27 November.", WED, date(2024, 11, 27), "day", "explicit"),
    ("Shelling resumed on December 28.", date(2025, 1, 3), date(2024, 12, 28), "day", "explicit"),  # year before
    ("Talks are due on January 2.", date(2024, 12, 30), date(2025, 1, 2), "day", "explicit"),  # nearest year
    ("Hama was overrun by the fifth of December.", WED, date(2024, 12, 5), "day", "explicit"),
    ("Protests began in March 2011.", WED, date(2011, 3, 1), "month", "explicit"),
    ("In 1982, government troops killed as many as 35,000 people.", WED, date(1982, 1, 1), "year", "explicit"),
    ("The report is dated 2024-11-30.", WED, date(2024, 11, 30), "day", "explicit"),
    ("The notice dated 12/02/2024 was read out.", WED, date(2024, 12, 2), "day", "explicit"),  # dateparser
    # relative
    ("Four civilians were wounded in airstrikes overnight on Idlib.", WED, date(2024, 12, 3), "day", "relative"),
    ("The ministry said yesterday that 20 died.", WED, date(2024, 12, 3), "day", "relative"),
    ("Clashes continue today.", WED, WED, "day", "relative"),
    ("The offensive began eight days ago.", WED, date(2024, 11, 26), "day", "relative"),
    ("Islamist-led rebels last week launched an offensive.", WED, date(2024, 11, 25), "week", "relative"),
    ("The envoy said earlier this month that talks failed.", WED, date(2024, 12, 1), "month", "relative"),
    ("Shelling intensified last month.", date(2025, 1, 10), date(2024, 12, 1), "month", "relative"),
    # the day beats the week; a weekday beats "overnight"
    ("Last week's offensive reached Hama on Tuesday.", WED, date(2024, 12, 3), "day", "weekday"),
    ("Strikes hit overnight on Tuesday.", date(2024, 12, 5), date(2024, 12, 3), "day", "weekday"),
    # no phrase: publication day; no publication either: nothing
    ("Hours later, the army announced that the city had fallen.", WED, WED, "day", "publication"),
    ("We may attack soon, the commander said.", WED, WED, "day", "publication"),
    ("Hours later, the city fell.", None, None, None, "none"),
    ("Rebels reached Hama on Tuesday.", None, None, None, "none"),
])
def test_dates_event_date(sentence, published, expected, precision, rule):
    got = resolve_event_date(sentence, published)
    assert (got.date, got.precision, got.rule) == (expected, precision, rule)
    if got.text is not None:
        assert sentence[got.start:got.end] == got.text


@pytest.mark.parametrize("sentence", [
    "The death toll has risen since last week.",
    "Fighting killed 1,000 insurgents over the past three days.",
    "The city has been quiet since 2012.",
])
def test_dates_period_phrases_do_not_date_events(sentence):
    assert resolve_event_date(sentence, WED).rule == "publication"


@pytest.mark.parametrize("sentence,years", [
    ("In 1982, government troops killed as many as 35,000 people there.", [1982]),
    ("Half a million people have been killed since 2011.", [2011]),
    ("The 2011 uprising and the war in 2016.", [2011, 2016]),
    ("On December 3, 2024, rebels entered.", [2024]),
    ("The army said 2011 people were killed.", []),
    ("At least 1,982 people died.", []),
    ("No years here at all.", []),
])
def test_dates_explicit_years(sentence, years):
    assert explicit_years(sentence) == years
