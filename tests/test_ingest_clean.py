"""Cleaning: boilerplate lines, glued words, mojibake, paragraphs."""

from __future__ import annotations

import pytest

from sitrep.ingest import clean_text, drop_reason
from sitrep.ingest.chars import normalize_chars
from sitrep.ingest.glue import split_glued

BODY = "Fighters entered the town of Northfield on Monday, residents said."


@pytest.mark.parametrize("line", [
    "Skip to content",
    "4 min read",
    "1. Skip to main menu",
    "  3. Skip to more Example sites",
    "Skip next section Example's Top Story",
    "This browser does not support the video element.",
    "Your browser does not support the audio element.",
    "4 min read",
    "12 mins read",
    "Reading time: 3 minutes",
    "2 hours ago",
    "Dec. 04, 2024 • 2 min read",
    "03 March, 2023",
    "Updated: Tuesday, 5 March 2024 14:32 GMT",
    "NEWSLETTER",
    "ADVERTISEMENT",
    "Get the latest updates delivered to your inbox.",
    "Also Read: Why the river crossing matters",
    "READ MORE: Aid convoy reaches the valley",
    "Related: Talks stall in the capital",
    "Profile picture of Jane Roe",
    "Author Jane Roe",
    "By Jane Roe and John Doe",
    "Image: Jane Roe/AP Photo/picture alliance",
    "Soldiers stand guard at a checkpoint near the bridge [Getty]",
    "Residents inspect a damaged house in the old town. (AA Photo)",
    "Displaced families queue for bread. Photo: AFP",
    "A convoy crosses the border (Photo by Jane Roe/AFP)",
    "Smoke rises over the district. REUTERS/Jane Roe",
    "Smoke rises over the district. Jane Roe/Reuters",
    "02:06",
    "1:02:33",
    "Share this article",
    "Follow us on Telegram",
    "Subscribe to our newsletter.",
    "Share",
    "ab/cd (AFP, Reuters)",
    "News > World > Middle East",
    "Conflicts Syria",
    "Image of rebels on a truck near the town Photo: AFP",
    "© 2024 Example Times. All rights reserved.",
    "Copyright 2024 Example Times",
    "1/12",
    "***",
    "Middle East",
    "Image source, Getty Images",
    "list 1 of 4",
    "end of list",
    "Our Standards: The Example Trust Principles.",
    "Reporting by Jane Roe; Editing by John Doe",
    "Sign up here.",
    "___",
])
def test_clean_boilerplate_line_dropped(line: str) -> None:
    assert drop_reason(line) is not None
    assert line.strip() not in clean_text(f"{BODY}\n\n{line}\n\n{BODY}")


@pytest.mark.parametrize("line", [
    "He was killed.",
    "Fighting continued.",
    "The army withdrew.",
    "More than 100 people were killed in the strikes, the ministry said.",
    "Share prices fell sharply in the capital.",
    "Follow-up talks are planned for next week.",
    "By Tuesday evening, the rebels had reached the outskirts.",
    "Rebels told AFP they would keep advancing.",
    "BEIRUT (Reuters) - Rebels seized a town on Tuesday, a monitor said.",
    "Government pushback",
    "World eyes developments in the region",
    "The UN said 5,000 people had fled since December 1, 2024.",
    "Rebel advance of 2024",
    "Who is fighting whom?",
    "HTS fighters entered the city at dawn.",
    "War Crimes Tribunal",
    "Copyrighted maps were shared by the army.",
])
def test_clean_real_text_kept(line: str) -> None:
    assert drop_reason(line) is None
    assert line in clean_text(f"{BODY}\n\n{line}\n\n{BODY}")


@pytest.mark.parametrize("glued, expected", [
    ("PresidentBashar Smith", "President Bashar Smith"),
    ("the news agencySANA said", "the news agency SANA said"),
    ("ConflictsSyria", "Conflicts Syria"),
    ("near the provinceImage: X", "near the province Image: X"),
    ("the city.The army", "the city. The army"),
    ("Ozgur,said", "Ozgur, said"),
    ("the fall ofHama", "the fall of Hama"),
])
def test_clean_glued_words_split(glued: str, expected: str) -> None:
    assert split_glued(glued) == expected


@pytest.mark.parametrize("name", [
    "McDonald", "MacArthur", "YouTube", "iPhone", "al-Assad", "PlayStation", "DeSantis",
    "LinkedIn", "WhatsApp", "TikTok", "OpenAI", "SpaceX", "JPMorgan", "U.S.Army", "1,000",
    "www.example.com/News.Html", "LeBron",
])
def test_clean_glued_names_not_split(name: str) -> None:
    assert split_glued(f"a report by {name} today") == f"a report by {name} today"


@pytest.mark.parametrize("raw, expected", [
    ("the army\u00e2\u20ac\u2122s advance", "the army\u2019s advance"),
    ("\u00e2\u20ac\u0153quoted\u00e2\u20ac\x9d", "\u201cquoted\u201d"),
    ("caf\u00c3\u00a9", "caf\u00e9"),
    ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
    ("bell\x07 and escape\x1b gone", "bell and escape gone"),
    ("according to 's \u06b4\u06be\u0671Example TV", "according to 's Example TV"),
    ("the army\u2019s \u201cadvance\u201d", "the army\u2019s \u201cadvance\u201d"),
    ("the word (\u0633\u0644\u0627\u0645) stays", "the word (\u0633\u0644\u0627\u0645) stays"),
])
def test_clean_characters_repaired(raw: str, expected: str) -> None:
    assert normalize_chars(raw) == expected


def test_clean_link_labels_removed() -> None:
    raw = "The ministry said in a statement, opens new tab, that the road was closed (opens in new window)."
    assert clean_text(raw) == "The ministry said in a statement, that the road was closed."


def test_clean_paragraphs_kept_apart() -> None:
    raw = "Title line\r\nFirst paragraph here.\n\n\n   Second   paragraph\there.\nThird line."
    assert clean_text(raw) == "Title line\n\nFirst paragraph here.\n\nSecond paragraph here.\n\nThird line."


def test_clean_hard_wrapped_text_reflowed() -> None:
    para = ("Fighters from the northern brigades entered the market town on Monday\n"
            "after two days of heavy shelling, according to residents who fled to\n"
            "the camps along the river, where aid workers said supplies were low.\n"
            "The army denied it.\n")
    raw = "Rebels take market town\n" + para + "\n" + para.replace("Monday", "Tuesday")
    paragraphs = clean_text(raw).split("\n\n")
    assert paragraphs[0] == "Rebels take market town"
    assert len(paragraphs) == 3
    assert "Monday after two days" in paragraphs[1]
    assert paragraphs[1].endswith("supplies were low. The army denied it.")


def test_clean_video_title_dropped_with_duration() -> None:
    raw = f"{BODY}\n\nRebels sweep into the city\n\n02:06\n\nThis browser does not support the video element.\n\n{BODY}"
    assert "Rebels sweep" not in clean_text(raw)


def test_clean_image_description_above_credit_dropped() -> None:
    raw = (f"{BODY}\n\nA burnt-out truck stands on an empty road.\n"
           f"Residents fled the area Image: Jane Roe/AP Photo\n\n{BODY}")
    cleaned = clean_text(raw)
    assert "burnt-out" not in cleaned and "Residents fled" not in cleaned
    assert cleaned.count(BODY) == 2


def test_clean_site_name_line_dropped() -> None:
    assert clean_text(f"The New Region\n\n{BODY}") == BODY


@pytest.mark.parametrize("line, kept", [
    ("Ukrainian soldiers fire a howitzer near Bakhmut on Tuesday. REUTERS/Jane Roe",
     "Ukrainian soldiers fire a howitzer near Bakhmut on Tuesday."),
    ("Sudanese refugees cross into Chad at Adre after fleeing El Geneina. (AA Photo)",
     "Sudanese refugees cross into Chad at Adre after fleeing El Geneina."),
    ("Smoke rises over Khan Younis after an Israeli strike on Monday. Photo: AFP",
     "Smoke rises over Khan Younis after an Israeli strike on Monday."),
])
def test_clean_credit_stripped_text_kept(line: str, kept: str) -> None:
    """A line that ends with a photo credit keeps its text: the credit goes, not the line."""
    out = clean_text(f"{BODY}\n\n{line}\n\n{BODY}")
    assert kept in out and line not in out


def test_clean_caption_style_article_is_an_article() -> None:
    from sitrep.ingest import article_from_text
    from sitrep.records import Article

    raw = ("Displaced families shelter in a school in Port-au-Prince after gangs attacked "
           "Solino, where at least 12 people were killed, residents said. (AP Photo/Jane Roe)")
    article = article_from_text(raw, doc_id="caption")
    assert isinstance(article, Article) and "12 people were killed" in article.text


@pytest.mark.parametrize("raw, joined", [
    ("About 4,000 people fled their homes after the attack,\nthe UN migration agency said.",
     "About 4,000 people fled their homes after the attack, the UN migration agency said."),
    ("Shelling hit the market in\nKherson on Sunday, officials said.",
     "Shelling hit the market in Kherson on Sunday, officials said."),
])
def test_clean_sentence_broken_across_lines_joined(raw: str, joined: str) -> None:
    assert joined in clean_text(raw)


def test_clean_lines_that_end_sentences_stay_apart() -> None:
    out = clean_text("Rebels entered the town.\nthe army had left it the day before.")
    assert "town.\n\nthe army" in out
