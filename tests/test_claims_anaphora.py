"""Whom "it" points back to: a body that opened a sentence since the last speaker, not the
person who spoke before it ("it" is never a person)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _sources(extract_text, text):
    return [(c.value, c.source) for c in extract_text(text, published=date(2024, 6, 1)).claims]


@pytest.mark.parametrize("text,value,source", [
    # an armed group's statement after an officer spoke (Mali, Kashmir-like bulletin shape)
    ("BAMAKO, Mali - Colonel Souleymane Dembele, an army spokesman, said 20 militants had been killed.\n\n"
     "The militant group Jama'at Nusrat al-Islam, in a message posted on social media, claimed the attack. "
     "It said its fighters had killed 40 soldiers.", 40, "Jama'at Nusrat al-Islam"),
    # a prosecutor's office giving its own count after a minister (Ecuador)
    ("GUAYAQUIL, Ecuador - Interior Minister Monica Palencia said eight people had died in the riot.\n\n"
     "The Guayas prosecutor's office gave a higher count. In a statement issued on Friday, it said 13 "
     "people had been killed.", 13, "Guayas prosecutor's office"),
    # a body known to the lexicon, after a named commander (Colombia)
    ("BOGOTA, Colombia - General Luis Ospina said 12 guerrillas had been killed in Catatumbo.\n\n"
     "The National Liberation Army issued a statement on Sunday. It said nine soldiers had died.",
     9, "ELN"),  # the lexicon's name for it
])
def test_claims_it_points_to_the_body_that_opened_a_sentence(extract_text, text, value, source):
    got = dict(_sources(extract_text, text))
    assert got.get(value) == source, got


@pytest.mark.parametrize("text,value,source", [
    # "he" is a person: still the officer, whatever body opened the sentence before (Kashmir-like)
    ("SRINAGAR, India - Indian troops moved into the town in Kashmir, India. An army spokesman, Colonel "
     "Rajinder Bhalla, said 20 militants had been killed.\n\nThe militant group Hizbul Mujahideen accused "
     "the army of burning houses. He said two soldiers had died.", 2, "Indian Army"),
    # a speaker after the body: "it" is the speaker's (Sudan)
    ("KHARTOUM, Sudan - The Rapid Support Forces issued a statement on Monday. Army spokesman Nabil "
     "Abdallah said the claim was false. It said 30 fighters had been killed.", 30, "Sudanese Armed Forces"),
])
def test_claims_it_or_he_keeps_the_speaker(extract_text, text, value, source):
    got = dict(_sources(extract_text, text))
    assert got.get(value) == source, got
