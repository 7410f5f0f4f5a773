"""Cleaning's cheap tests before its costly regexes (issue 14, stop 22): a line or text the
plain test turns away is one the regex would not have changed."""

from __future__ import annotations

import pytest

from sitrep.ingest import chars, clean, glue

LINES = [
    "Rebels entered the city on Thursday. [AFP]",
    "A displaced family in Goma (Photo by Jane Doe/AFP)",
    "Residents fled the shelling (Reuters)",
    "Photo: Omar Albam/AP Photo/picture alliance",
    "Smoke rises over Kharkiv REUTERS/Vyacheslav Madiyevskyy",
    "A damaged school in Khan Younis via Getty Images",
    "The convoy reached Mekelle Getty Images",
    "The ministry said 40 people were killed in the strike on the market.",
    "He said: the army will not withdraw from the border town",
    "Fighters took the 2/3 of the district held by the army (map)",
    "The statement was posted on its Telegram channel [in Arabic]",
]


@pytest.mark.parametrize("line", LINES)
def test_ingest_credit_test_answers_as_the_regex(line):
    assert clean.ends_with_credit(line) is bool(clean._rules().credit_end_re.search(line))


TEXTS = [
    "Fighting near Sumy killed three.The governor said,Russia fired drones at 2024Kherson.",
    "Shelling hit the provinceImage: AFP and the agencySANA reported it.",
    "Plain text with no glued words, no links and no odd characters at all.",
    "See https://example.org/news/2024 and write to desk@example.com for the list.",
    "Mojibake: the ministryâ€™s toll rose; Ã© is a broken e.",
    "A link icon \u0645\u0639Syria TV and an Arabic quote \u0627\u0644\u0633\u0644\u0627\u0645 in spaces.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_ingest_glue_skips_only_texts_the_regexes_leave(text):
    full = []
    last = 0
    for url in glue._URLISH.finditer(text):
        full.append(_split_every_time(text[last:url.start()]))
        full.append(url.group())
        last = url.end()
    full.append(_split_every_time(text[last:]))
    assert glue.split_glued(text) == "".join(full)


def _split_every_time(text: str) -> str:
    text = glue._GLUED.sub(lambda m: glue._split_token(m.group()), text)
    text = glue._GLUED_PUNCT.sub(lambda m: (m.group(1) or ",") + " ", text)
    return glue._GLUED_DIGIT.sub(r"\1 ", text)


@pytest.mark.parametrize("text", TEXTS)
def test_ingest_character_repairs_skip_only_texts_the_regexes_leave(text):
    full = chars.strip_escapes(chars._NEWLINES.sub("\n", chars.fix_surrogates(text)))
    full = chars._MOJIBAKE.sub(chars._repair, full)
    for rx in (chars._INVISIBLE, chars._CONTROL):
        full = rx.sub("", full)
    full = chars._RTL_GLUED.sub("", chars._SPACES.sub(" ", full))
    assert chars.normalize_chars(text) == full
