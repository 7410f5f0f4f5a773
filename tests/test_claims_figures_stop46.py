"""Stop 46: figures read from blind sets CR-CU, checked on sentences of other wars: people
who go or are forced into exile are displaced. Texts are the project's own."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _claims(extract_text, text):
    return [(c.quantity, c.category, c.value)
            for c in extract_text(text, published=date(2024, 6, 1), outlet="Test").claims]


@pytest.mark.parametrize("text,expected", [
    # exile is displacement (Chile 1973, Argentina, Rwanda-like)
    ("Some 180,000 Chileans went into exile under the dictatorship.", [("displaced", "total", 180000)]),
    ("More than 2,000 people were forced into exile after the coup, the commission said.",
     [("displaced", "total", 2000)]),
    ("About 50,000 Tutsis fled into exile in Uganda.", [("displaced", "total", 50000)]),
])
def test_claims_exile_is_displacement(extract_text, text, expected):
    assert _claims(extract_text, text) == expected
