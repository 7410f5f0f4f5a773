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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Colombia 1985, Syria, Ukraine, Abkhazia: a building's name goes on after "of"
        ("troops retook the Palace of Justice after a siege", ["Palace of Justice"]),
        ("crowds gathered at the Tomb of the Unknown Soldier", ["Tomb of the Unknown Soldier"]),
        ("rebels seized the Palace of Culture in Kramatorsk", ["Palace of Culture", "Kramatorsk"]),
        ("fighting reached the House of Government in Sukhumi", ["House of Government", "Sukhumi"]),
        # a known place after "of" stays a place; other heads do not join
        ("he thanked the Coptic Orthodox Church of Alexandria", ["Coptic Orthodox Church", "Alexandria"]),
        ("the Science Museum of Virginia", ["Science Museum", "Virginia"]),
        ("the Governor of Kassala fled", ["Governor", "Kassala"]),
    ],
)
def test_places_candidates_building_names_join_of(sentence, expected):
    from sitrep.extract.gazetteer import get_gazetteer
    from sitrep.extract.places.candidates import join_names

    runs = sorted(set(capitalised_candidates(sentence)))
    assert [sentence[s:e] for s, e in join_names(sentence, runs, get_gazetteer())] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # wire style puts the weekday right after the place (Syria, Colombia, Sudan)
        ("Army troops retook Jisr al-Shughur Thursday afternoon.", ["Army", "Jisr al-Shughur", "Thursday"]),
        ("troops retook Khartoum North Thursday", ["Khartoum North", "Thursday"]),
        ("RSF fighters entered Wad Madani Monday", ["RSF", "Wad Madani", "Monday"]),
    ],
)
def test_places_candidates_weekday_ends_a_name(sentence, expected):
    assert _texts(sentence) == expected
