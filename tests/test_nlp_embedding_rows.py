"""The tok2vec's embedding rows kept per token (``sitrep.token_vectors``): the same rows
whatever was parsed before, close to the model's batched ones, and the same past the limit.
Parses equal to the full model's: tests/test_nlp_start.py."""

from __future__ import annotations

import numpy
import pytest

from sitrep import nlp, token_vectors

pytest.importorskip("spacy")

# Two sentences of different wars sharing some words ("killed", "the", ",").
FIRST = "Houthi drones struck a tanker off Hodeidah, and two sailors were killed, the navy said."
SECOND = "Shelling of Kharkiv killed the mayor's driver and wounded 14 people, officials said."


@pytest.fixture()
def embed():
    """The model's own embedding layer (what the kept rows stand in for)."""
    return nlp.load_pipeline().get_pipe("tok2vec").model.layers[0].layers[0]


def docs_of(*texts):
    return [nlp.load_pipeline().make_doc(text) for text in texts]


def test_nlp_embedding_rows_kept_in_the_loaded_pipeline():
    pipeline = nlp.load_pipeline()
    layer = pipeline.get_pipe("tok2vec").model.layers[0]
    assert layer.name == "kept_embedding"
    pipeline(FIRST)
    kept = layer.attrs["kept"]
    assert len(kept.row_of) >= len({t.text for t in pipeline.make_doc(FIRST)})


def test_nlp_embedding_rows_the_same_whatever_was_parsed_before(embed):
    after_another = token_vectors._KeptRows(embed)
    after_another.rows_for(docs_of(FIRST, "Rebels shelled Kherson."))
    alone = token_vectors._KeptRows(embed)
    together, by_itself = after_another.rows_for(docs_of(SECOND))[0], alone.rows_for(docs_of(SECOND))[0]
    assert together.tobytes() == by_itself.tobytes()


def test_nlp_embedding_rows_close_to_the_models_batched_rows(embed):
    docs = docs_of(FIRST, SECOND, "")
    kept = token_vectors._KeptRows(embed).rows_for(docs)
    batched = embed.predict(docs)
    assert [len(rows) for rows in kept] == [len(doc) for doc in docs]
    for ours, theirs in zip(kept, batched):
        assert ours.dtype == theirs.dtype and numpy.allclose(ours, theirs, rtol=0, atol=1e-5)


def test_nlp_embedding_rows_past_the_limit_are_computed_the_same(embed, monkeypatch):
    unlimited = token_vectors._KeptRows(embed).rows_for(docs_of(FIRST, SECOND))
    monkeypatch.setattr(token_vectors, "KEPT_ROWS", 5)
    limited = token_vectors._KeptRows(embed)
    rows = limited.rows_for(docs_of(FIRST, SECOND))
    assert len(limited.row_of) == 0  # the first batch alone is over the limit: nothing kept
    assert [r.tobytes() for r in rows] == [r.tobytes() for r in unlimited]


def test_nlp_embedding_rows_left_alone_for_a_model_built_otherwise():
    from thinc.api import Relu, chain

    model = chain(Relu(4, 4), Relu(4, 4))
    assert token_vectors.keep_embedding_rows(model) is False
    assert [layer.name for layer in model.layers] == ["relu", "relu"]
