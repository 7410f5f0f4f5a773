"""Figures read from blind set CG (stop 44: the Moscow theatre siege's captors and their
breakdown), each checked on sentences of other wars. Every text is the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # those who hold hostages are a non-state armed side (Russia 2004, Malta 1985, Nigeria)
    ("Security officials said 31 of the captors were killed in the school.", [("killed", "rebels", 31)]),
    ("Egyptian commandos stormed the airliner and killed two hijackers, officials said.",
     [("killed", "rebels", 2)]),
    ("Police in Kaduna said three of the abductors were shot dead.", [("killed", "rebels", 3)]),
])
def test_claims_hostage_holders_are_rebels(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a list after a comma that adds up to the figure before breaks it down: its people are
    # the figure's (Chechnya, Nigeria, Kosovo)
    ("Police said 50 of the gunmen were killed, 32 men and 18 women.",
     [("killed", "rebels", 50), ("killed", "rebels", 32), ("killed", "rebels", 18)]),
    ("The army said 40 insurgents died in the raid, 30 men and 10 women.",
     [("killed", "rebels", 40), ("killed", "rebels", 30), ("killed", "rebels", 10)]),
    ("Officials said 25 villagers were killed in Zamfara, 12 men and 13 women.",
     [("killed", "civilians", 25), ("killed", "civilians", 12), ("killed", "civilians", 13)]),
])
def test_claims_summed_list_breaks_the_figure_down(extract_text, text, expected):
    assert _claims(extract_text, text) == expected


@pytest.mark.parametrize("text,expected", [
    # other casualties listed after a toll are no breakdown of it, even when they add up
    # (Ukraine, Sudan)
    ("The ministry said 12 soldiers were killed, 6 wounded and 6 missing.",
     [("killed", "government", 12), ("injured", "government", 6), ("missing", "government", 6)]),
    # a list that does not add up is no breakdown by this rule (Mali)
    ("Officials said 40 people were killed, 12 soldiers and 30 civilians.",
     [("killed", "total", 40), ("killed", "government", 12), ("killed", "civilians", 30)]),
])
def test_claims_summed_list_needs_a_sum_of_people(extract_text, text, expected):
    assert _claims(extract_text, text) == expected
