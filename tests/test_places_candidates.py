"""Capitalised-word runs as place candidates when no NER is at hand."""

import pytest

from sitrep.extract.places.candidates import capitalised_candidates


def _texts(text):
    return [text[s:e] for s, e in capitalised_candidates(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighters entered Tal al-Nasiriyah at dawn.", ["Fighters", "Tal al-Nasiriyah"]),
        ("the depot at Rahbat al-Taslih fell", ["Rahbat al-Taslih"]),
        ("clashes near Taybat Al-Imam and Jisr al Shughur", ["Taybat Al-Imam", "Jisr al Shughur"]),
        ("an airport in Deir ez-Zor was hit", ["Deir ez-Zor"]),
        ("strikes on Khan Younis overnight", ["Khan Younis"]),
        ("In Homs, shops closed.", ["Homs"]),  # sentence-initial function word dropped
        ("convoys left Kherson's port", ["Kherson"]),  # possessive dropped
        ("DUBAI, UAE - markets fell", ["DUBAI", "UAE"]),
        ("the al-Assad family", ["al-Assad"]),
        ("the road to al", []),  # a dangling article is no name
        ("all lower case words here", []),
    ],
)
def test_places_candidates_capitalised_runs(sentence, expected):
    assert _texts(sentence) == expected


def test_places_candidates_offsets_point_into_text():
    text = "Shelling hit Zaporizhzhia and Nikopol."
    for start, end in capitalised_candidates(text):
        assert text[start:end][0].isupper()
    assert (text.index("Nikopol"), text.index("Nikopol") + len("Nikopol")) in capitalised_candidates(text)
