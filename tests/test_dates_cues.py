"""The date patterns are tried only on sentences holding what each of their matches holds
(``date_phrases.CUES``): a sentence with a date phrase gives the same dates as when every
pattern is tried everywhere."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract import dates
from sitrep.extract.date_phrases import CUES, EXPLICIT, LOOSE, RELATIVE, WEEKDAY_RX, Cue

PUBLISHED = date(2022, 3, 10)

SENTENCES = [
    "Russian forces shelled Kharkiv on 28 February 2022, the governor said.",     # day month year
    "Kabul fell to the Taliban on August 15.",                                   # month day
    "The siege of Sarajevo began on the fifth of April, 1992.",                  # an ordinal day
    "By the end of June the army had retaken Marawi.",                           # a month's edge
    "Aid convoys were blocked until the end of the month.",                      # a span's edge
    "Boko Haram overran Baga in early January 2015.",                            # part of a month
    "Mosul was taken by the Islamic State in June.",
    "Since 1994 the Tutsi-led RPF has held Kigali.",                             # a year
    "The notice, dated 2023-04-15, reached Khartoum late.",                      # ISO
    "A convoy was ambushed near Gao last Tuesday evening.",                      # a weekday
    "Drones struck Odesa overnight, officials said.",                            # relative
    "Shelling hit Donetsk this morning, and again TONIGHT.",
    "The rebels took Goma last week, the UN said.",
    "Three days ago militiamen burned a village near Bunia.",
    "The leaflet dated 3/4/2011 was found in Misrata.",                          # dateparser
    "A fortnight ago the Houthis seized the port.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_dates_cues_hold_in_every_match(sentence):
    patterns = [rx for rx, _ in EXPLICIT] + [WEEKDAY_RX, LOOSE] + [rx for rx, _ in RELATIVE]
    matched = [rx for rx in patterns if rx.search(sentence)]
    assert matched  # the sentence holds a date phrase...
    folded = sentence.casefold()
    assert all(CUES[rx].in_text(sentence, folded) for rx in matched)  # ...and its pattern's cue


@pytest.mark.parametrize("sentence", SENTENCES + [
    "Fighting went on in Aleppo as reinforcements arrived.",                    # no date at all
    "Mark Twain wrote of the Philippine war in 1900 and 1901.",                 # 'Mar' in a name
])
def test_dates_cues_find_what_every_pattern_finds(sentence, monkeypatch):
    cued = list(dates._find(sentence, PUBLISHED))
    monkeypatch.setattr(Cue, "in_text", lambda self, text, folded: True)
    assert cued == list(dates._find(sentence, PUBLISHED))


def test_dates_cues_name_every_pattern():
    patterns = {rx for rx, _ in EXPLICIT} | {rx for rx, _ in RELATIVE} | {WEEKDAY_RX, LOOSE}
    assert patterns == set(CUES)


def test_dates_cues_skip_a_sentence_without_them():
    sentence = "Fighting went on in Aleppo as reinforcements arrived."
    assert not any(cue.in_text(sentence, sentence.casefold()) for cue in CUES.values())
