"""Which chosen sentences are not parsed: those that provably yield nothing (no figure, no
place below a state, nothing a rule reads as one, no attribution cue, no open quote), and
the speech sentences after the last one that may yield something; extraction is the same as
with every chosen sentence parsed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.extract.parse_choice import ParseChoice
from sitrep.ingest import iter_inputs
from sitrep.sentences import split_sentences
from sitrep.sentence_gate import worth_parsing
from sitrep.records import Article

DEV2 = Path(__file__).resolve().parents[1].parent / "shared" / "dev2"
pytestmark = pytest.mark.slow  # place mentions need the gazetteer; the equality tests parse


def _yields_nothing(extractor, sentence: str) -> bool:
    places = extractor.place_mentions("t", sentence)
    return ParseChoice(sentence, places).yields_nothing(split_sentences(sentence)[0])


@pytest.mark.parametrize("sentence", [
    "Shelling continued through the night.",                           # a strong word alone
    "Drones buzzed overhead until dawn, keeping residents awake.",     # Ukraine
    "The Kremlin did not comment on the fighting.",                    # a weak word and a name
    "Fighting resumed after the Eid holiday.",                         # Sudan
    "Missiles rained down in March 2022, on the Monday.",              # its only number a year
    "Artillery duels went on along the whole front.",                  # Karabakh
    "The Kremlin did not comment on the fighting in Ukraine.",         # a state is no event's place
    "Fighting in Sudan resumed after the Eid holiday.",
    "Heavy fighting in Myanmar drove thousands into Thailand.",
    "Ethiopia accused Eritrea of fighting on the rebels' side.",
    "The mortar crews fled to a jail.",                                # a prison, no inmates freed
    "Drones flew 20 km from the border.",                              # a distance, no forces there
])
def test_extract_parse_choice_skips_sentences_with_nothing_to_anchor(extractor, sentence):
    assert worth_parsing(sentence)  # chosen by its words...
    assert _yields_nothing(extractor, sentence)  # ...but nothing there for a rule to read


@pytest.mark.parametrize("sentence", [
    "Heavy fighting raged in Bakhmut.",                  # a place mention
    "Rocket fire lit up the sky over Gaza.",
    "Mortar rounds landed near the Orthodox church.",    # a facility the gazetteer names
    "Shelling killed two civilians.",                    # a figure of people
    "Shelling hit the town overnight.",                  # 'the town': the town named before
    "Inmates fled the jail after the mortar attack.",    # a prison break's words
    "Shelling continued, according to officials.",       # an attribution cue
    '"Shelling never stops," she said.',
    "Her husband died when a drone struck.",             # relatives named one by one
    "Drones struck as troops came within 20 km of the border.",  # a front line's distance
])
def test_extract_parse_choice_parses_sentences_a_rule_may_read(extractor, sentence):
    assert not _yields_nothing(extractor, sentence)


def test_extract_parse_choice_keeps_a_name_the_article_resolved_elsewhere(extractor):
    text = "Rebels shelled Kherson on Monday.\nFighting near Kherson went on for days, Smith wrote."
    sentences = split_sentences(text)
    places = [m for m in extractor.place_mentions("t", text) if m.start < sentences[1].start]
    assert places  # the first sentence's mention only: the second names the town again
    assert not ParseChoice(text, places).yields_nothing(sentences[1])


_ARTICLE = (
    "Sudanese army retakes Wad Madani\n\n"
    "The army said on Saturday it had recaptured Wad Madani from the Rapid Support Forces. "
    "Shelling continued through the night. Fighting resumed after the Eid holiday.\n\n"
    "At least 12 civilians were killed in the city, the health ministry said. "
    "Drones buzzed overhead until dawn, keeping residents awake. "
    '"We have nothing left," a resident said. Artillery duels went on along the whole front. '
    "Her husband died when a drone struck."
)


@pytest.mark.parametrize("closing", [
    "Fighting went on in Lebanon through the night, the ministry said.",   # a state only
    '"The shelling never stopped," a resident told Reuters.',
    "Clashes continued on Sunday, according to the rebels' spokesman.",
])
def test_extract_parse_choice_leaves_closing_speech_unparsed(extractor, closing):
    text = f"Two soldiers were killed in Bakhmut on Friday.\n{closing}"
    choice = ParseChoice(text, extractor.place_mentions("t", text))
    first, last = split_sentences(text)
    assert worth_parsing(last.text) and not choice.yields_nothing(last)  # it may name a speaker...
    assert choice.chosen([first, last]) == [first]  # ...but no parsed sentence comes after it
    assert choice.chosen([last, first]) == [last, first]  # the speaker of the figures after it


def _same_as_parsing_every_chosen_sentence(extractor, articles: list[Article], monkeypatch) -> int:
    def chosen(a: Article) -> int:
        return len(ParseChoice(a.text, extractor.place_mentions(a.id, a.text)).chosen(split_sentences(a.text)))

    skipped = sum(sum(worth_parsing(s.text) for s in split_sentences(a.text)) - chosen(a) for a in articles)
    fewer = [repr(x) for x in extractor.extract_many(articles)]
    with monkeypatch.context() as m:
        m.setattr(ParseChoice, "yields_nothing", lambda self, sentence: False)
        m.setattr(ParseChoice, "speaks_only", lambda self, sentence: False)
        every = [repr(x) for x in extractor.extract_many(articles)]
    assert fewer == every
    return skipped


def test_extract_parse_choice_changes_no_extraction(extractor, monkeypatch):
    article = Article(id="t", text=_ARTICLE, content_hash="t", published=date(2024, 12, 5))
    assert _same_as_parsing_every_chosen_sentence(extractor, [article], monkeypatch) == 4


def test_extract_parse_choice_changes_no_extraction_of_dev2(extractor, monkeypatch):
    folder = DEV2 / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/dev2 is not beside the repo")
    articles = [a for a in iter_inputs([Path(folder)]) if isinstance(a, Article)]
    assert _same_as_parsing_every_chosen_sentence(extractor, articles, monkeypatch) > 0


@pytest.mark.parametrize("sentence,parsed", [
    # an arrival is a casualty cue only with "from" (people who came from somewhere) or another
    # casualty word (Philippines 2013, Burkina Faso, Syria-like)
    ("The welfare ministry said some 1,500 Filipinos had arrived on Sibutu by boat from Lahad Datu.", True),
    ("Officials said nearly 16,000 people have arrived from Seytenga since Sunday.", True),
    ("State media later reported that the president, 59, had arrived in Moscow with his family.", False),
    ("Some 400 troops have arrived in Goma on Monday.", False),
])
def test_extract_parse_choice_arrival_needs_where_from(sentence, parsed):
    assert worth_parsing(sentence) is parsed
