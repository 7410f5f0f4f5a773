"""What extraction reads from a parsed Doc once per Doc (issue 14, stop 25): its text, each
token's lowercase form and lemma, and each token's bounds, equal to what spaCy's Token
objects give."""

from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.extract import doc_arrays

pytest.importorskip("spacy")

SENTENCES = [
    "Syria's army said on Sunday that 40 people  were killed in Hama, the ministry reported.",
    "  “RSF fighters overran Wad Madani,” the U.N. said.\tSEOUL -- 3 died",
    "",
]


@pytest.fixture(scope="module")
def docs():
    try:
        return list(nlp.parse(SENTENCES))
    except RuntimeError as exc:  # the model is not installed
        pytest.skip(str(exc))


def test_extract_doc_text_is_the_parsed_text(docs):
    for text, doc in zip(SENTENCES, docs):
        assert doc_arrays.doc_text(doc) == doc.text == text


def test_extract_doc_text_of_a_doc_made_elsewhere_is_its_text(docs):
    doc = nlp.load_pipeline().make_doc("Fighting went on in Kharkiv.")
    assert doc_arrays.doc_text(doc) == "Fighting went on in Kharkiv."


def test_extract_token_words_are_the_tokens_lowercase_forms_and_lemmas(docs):
    for doc in docs:
        lowers, lemmas = doc_arrays.token_words(doc)
        assert lowers == [t.lower_ for t in doc]
        assert lemmas == [t.lemma_.lower() for t in doc]


def test_extract_token_bounds_are_the_tokens_character_spans(docs):
    for doc in docs:
        starts, ends = doc_arrays.token_bounds(doc)
        assert starts == [t.idx for t in doc]
        assert ends == [t.idx + len(t.text) for t in doc]
