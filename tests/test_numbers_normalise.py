import pytest

from sitrep.extract.numbers import find_figures, parse_number


@pytest.mark.parametrize("text,value", [
    ("1,600", 1600), ("412", 412), ("half a million", 500_000), ("twenty-three", 23),
    ("2.5 million", 2_500_000), ("a dozen", 12), ("two hundred and five", 205), ("Four", 4),
    ("1.2m", 1_200_000), ("three thousand", 3000), ("two dozen", 24), ("a dozen", 12),
    # fractions of a scale, as refugee headlines write them (Rwanda 1994, Kosovo 1999)
    ("a quarter of a million", 250_000), ("three-quarters of a million", 750_000),
    ("quarter of a million", 250_000), ("half a billion", 500_000_000),
])
def test_numbers_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence,value,low,high,qualifier", [
    ("At least 602 people have been killed", 602, 602, None, "at least"),
    ("killed nearly 1,000 fighters", 1000, None, 1000, "nearly"),
    ("killing over 1,600 rebels", 1600, 1600, None, "over"),
    ("up to 35,000 people", 35000, None, 35000, "up to"),
    ("around 50,000 people", 50000, 50000, 50000, "around"),
    ("liberated hundreds of prisoners", None, 200, 999, "hundreds"),
    ("dozens of strikes", None, 24, 99, "dozens"),
    ("tens of thousands of residents", None, 20_000, 99_999, "tens of thousands"),
    ("a distance of 3 to 4 kilometres", None, 3, 4, None),
    ("between 10,000 and 40,000 people", None, 10_000, 40_000, "between"),
    ("more than half a million people", 500_000, 500_000, None, "more than"),
    ("an estimated 280,000 people", 280_000, 280_000, 280_000, "an estimated"),
    # hedges written after the figure
    ("Another 1,000 or so crossed into Venezuela", 1000, 1000, 1000, "about"),
    ("20 or more soldiers were killed near Gao", 20, 20, None, "at least"),
    ("some 300 or so families fled Palma", 300, 300, 300, "some"),
    # "not less than" is a lower bound as "no less than" is (Sierra Leone, Algeria reports)
    ("not less than 200 bodies were found in Freetown", 200, 200, None, "not less than"),
    ("not fewer than 40 villagers died near Blida", 40, 40, None, "not fewer than"),
    ("not more than 30 soldiers were lost at Goose Green", 30, None, 30, "not more than"),
    # a low and a hedged high: one range (Karabakh 2023, Haiti, Sudan-like)
    ("at least 20, and possibly up to 100, residents died when the depot burned", None, 20, 100, "at least"),
    ("30, or perhaps as many as 50, villagers were killed near Pont-Sonde", None, 30, 50, None),
    ("about 200, and maybe as many as 300, civilians died in El Geneina", None, 200, 300, "about"),
])
def test_numbers_figures_with_bounds(sentence, value, low, high, qualifier):
    fig = find_figures(sentence)[0]
    assert (fig.value, fig.low, fig.high, fig.qualifier) == (value, low, high, qualifier)
    assert sentence[fig.start:fig.end] == fig.text


@pytest.mark.parametrize("sentence", ["The army advanced", "no figure here at all"])
def test_numbers_no_figure(sentence):
    assert find_figures(sentence) == []


def test_numbers_offsets_point_into_text():
    s = "Four civilians were wounded and 54 others injured"
    figs = find_figures(s)
    assert [s[f.start:f.end] for f in figs] == ["Four", "54"]
    assert figs[0].spelled and not figs[1].spelled


@pytest.mark.parametrize("sentence,text,value", [
    # a spelled number goes on through its scales, as radio and TV transcripts write them
    # (India 1971, Pakistan 2009, Nicaragua-like)
    ("He said one thousand one hundred soldiers had been taken prisoner.", "one thousand one hundred", 1100),
    ("The spokesman counted one thousand three hundred and forty-two fighters dead.",
     "one thousand three hundred and forty-two", 1342),
    ("Some two million five hundred thousand people have fled.", "Some two million five hundred thousand", 2_500_000),
    ("More than two point four million people have left the valley.", "More than two point four million", 2_400_000),
    ("Three thousand five hundred refugees crossed the river.", "Three thousand five hundred", 3500),
])
def test_numbers_spelled_through_scales(sentence, text, value):
    figures = find_figures(sentence)
    assert [(f.text, f.value) for f in figures][:1] == [(text, value)]


@pytest.mark.parametrize("sentence", [
    # two spelled numbers side by side are not one (no "hundred" after a hundred)
    "They counted five hundred and two hundred more later.",
])
def test_numbers_two_hundreds_are_no_one_number(sentence):
    assert all(f.value != 50200 for f in find_figures(sentence))


@pytest.mark.parametrize("sentence,low,high", [
    # a range whose scale only its high writes shares it (Rwanda 1994, Sudan, Syria-like);
    # a low already scaled, or larger than the high's own number, keeps its value
    ("some say between one and one-and-a-half million have left", 1_000_000, 1_500_000),
    ("2 to 3 million people have fled the country", 2_000_000, 3_000_000),
    ("between 150 and 200 thousand people crossed the border", 150_000, 200_000),
    ("three to four million displaced in the south", 3_000_000, 4_000_000),
    ("between 5,000 and 1 million people", 5_000, 1_000_000),
    ("a distance of 3 to 4 kilometres", 3, 4),
])
def test_numbers_range_shares_the_high_scale(sentence, low, high):
    f = find_figures(sentence)[0]
    assert (f.low, f.high) == (low, high)


@pytest.mark.parametrize("text,value", [
    # "and a half" before a scale (Rwanda, Kosovo, Iraq-like)
    ("one and a half million", 1_500_000), ("one-and-a-half million", 1_500_000),
    ("two and a half million", 2_500_000), ("2 and a half thousand", 2_500),
])
def test_numbers_and_a_half_before_a_scale(text, value):
    assert parse_number(text) == value
    assert find_figures(f"Some {text} people fled.")[0].value == value
