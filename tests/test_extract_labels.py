"""Framing labels read at extraction (``extract.labels``): the phrase each article names an
actor with, its side, loaded terms and voice, stored per article for the reconcile stage."""

from __future__ import annotations

import re

import pytest

from sitrep.extract.actors import load_actors
from sitrep.extract.labels import actor_labels, framing_words, label_key, label_uses


@pytest.fixture(scope="module")
def lex():
    return load_actors()


@pytest.fixture(scope="module")
def words(lex):
    return framing_words(lex)


def _labels(text: str, lex, words) -> dict[str, tuple[str, str, bool]]:
    """label key -> (side, label, loaded) of a one-article text, as extraction stores them."""
    return {label_key(r.label): (r.actor_side, r.label, bool(r.loaded_terms))
            for r in actor_labels("d", text, lex, words)}


@pytest.mark.parametrize(
    ("text", "label", "side", "loaded"),
    [
        ("Jihadi insurgents pushed into the suburbs of Hama overnight.", "jihadi insurgents", "opposition", True),
        ("Syrian rebels said they had cut the main road.", "Syrian rebels", "opposition", False),
        ("The Islamist group Hayat Tahrir al-Sham said it held the airport.", "Islamist group Hayat Tahrir al-Sham", "opposition", True),
        ("Fighters of the Islamist Hayat Tahrir al-Sham (HTS) group entered the city.", "Islamist Hayat Tahrir al-Sham (HTS) group", "opposition", True),
        ("Anti-regime forces shelled the barracks at dawn.", "anti-regime forces", "opposition", True),
        ("State television said HTS terrorists had attacked a checkpoint.", "HTS terrorists", "opposition", True),
        ("Regime forces launched a counterattack on Tuesday.", "regime forces", "government", True),
        ("The Syrian Arab Army said it had sent reinforcements to Hama.", "Syrian Arab Army", "government", False),
        ("Iran, a key backer of the dictator, promised more help to Assad.", "dictator", "government", True),
        ("President Bashar al-Assad met his generals in Damascus.", "President Bashar al-Assad", "government", False),
    ],
)
def test_extract_labels_phrases(text, label, side, loaded, lex, words):
    found = _labels(text, lex, words)
    assert label_key(label) in found, found
    got_side, got_label, got_loaded = found[label_key(label)]
    assert (got_side, got_label, got_loaded) == (side, label, loaded)


@pytest.mark.parametrize(
    ("text", "side", "actor", "label", "voice", "terms"),
    [
        # Sudan: an acronym with a head noun, the group's own side.
        ("RSF militiamen looted the grain stores in Nyala, traders said.",
         "opposition", "Rapid Support Forces", "RSF militiamen", "outlet", []),
        # Ukraine: another state's army, a loaded word.
        ("Russian occupiers blew up the dam above Nova Kakhovka, the governor said.",
         "foreign", "Russian Armed Forces", "Russian occupiers", "outlet", ["occupiers"]),
        # Gaza: a named group with a loaded head noun.
        ("Hamas militants fired a barrage at Ashkelon late on Saturday.",
         "opposition", "Hamas", "Hamas militants", "outlet", ["militants"]),
        # Somalia: a group's name with its article kept lower-case.
        ("Al-Shabaab militants overran an outpost north of Mogadishu.",
         "opposition", "al-Shabaab", "al-Shabaab militants", "outlet", ["militants"]),
        # Myanmar: a word the army's spokesman used, quoted: the speaker's voice.
        ('A junta spokesman said the army was chasing "terrorists" near Monywa.',
         "opposition", "opposition forces", "terrorists", "quoted", ["terrorist"]),
    ],
)
def test_extract_labels_several_wars(text, side, actor, label, voice, terms, lex, words):
    found = [(r.actor_side, r.actor, r.label, r.voice, r.loaded_terms) for r in actor_labels("d", text, lex, words)]
    assert (side, actor, label, voice, terms) in found, found


@pytest.mark.parametrize(
    ("text", "forms", "sentence"),
    [
        # Syria: one slot, two written forms: counted per form, with the slot's first sentence.
        ("Islamist rebels entered Hama on Thursday. By nightfall the islamist rebels held the citadel.",
         {"Islamist rebels": 1, "islamist rebels": 1}, "Islamist rebels entered Hama on Thursday"),
        # Sudan: one form twice.
        ("The RSF shelled Babanusa on Monday. Witnesses said the RSF then entered the town.",
         {"RSF": 2}, "The RSF shelled Babanusa on Monday"),
    ],
)
def test_extract_labels_forms_and_example(text, forms, sentence, lex, words):
    first = actor_labels("d", text, lex, words)[0]
    same = [r for r in actor_labels("d", text, lex, words) if r.label_key == first.label_key and r.voice == first.voice]
    assert {r.label: r.count for r in same} == forms
    assert {r.example_sentence for r in same} == {sentence}
    assert text[first.example_start:].lower().startswith(first.label.lower().split()[0])


@pytest.mark.parametrize("text", ["", "The weather in Khartoum was hot and dry on Monday."])
def test_extract_labels_none_without_actors(text, lex, words):
    assert actor_labels("d", text, lex, words) == []


@pytest.mark.parametrize("text,label,side", [
    ("Syrian rebels seized Hama. Israeli Prime Minister Benjamin Netanyahu warned Iran.", "Benjamin Netanyahu", "foreign"),
    ("Syrian rebels seized Hama. The Kurdish-led Syrian Democratic Forces held Tal Rifaat.",
     "Kurdish-led Syrian Democratic Forces", "other"),
    ("Syrian rebels seized Hama as Assad's forces withdrew.", "Syrian rebels", "opposition"),
])
def test_extract_labels_sides_per_war(text, label, side, lex, words):
    found = {text[u.start:u.end]: u.side for u in label_uses(text, lex, words)}
    assert found.get(label) == side, found


def test_extract_labels_seeds_recall(seeds_dir, seeds_gold, lex, words):
    """Report recall of the gold framing labels per doc (our label may contain the gold one)."""
    total = found = 0
    misses = []
    for docs in seeds_gold["framing"].values():
        for doc, labels in docs.items():
            text = (seeds_dir / f"{doc}.txt").read_text(encoding="utf-8")
            ours = [label_key(text[u.start:u.end]) for u in label_uses(text, lex, words)]
            for gold in labels:
                key = label_key(re.sub(r"\s*\(quoting[^)]*\)\s*$", "", gold))
                total += 1
                if any(key in lab for lab in ours):
                    found += 1
                else:
                    misses.append((doc, gold))
    # Measured 35/36 on the raw seed files (the miss: "Assad's autocratic", not in the text).
    assert found / total >= 0.9, misses
