"""What the rules read of a parsed Doc, read once per Doc and kept in its ``user_data``: its
text, each token's lowercase form and lemma, each token's bounds.

spaCy makes a Python Token object for every token at every pass over a Doc, and rebuilds
``Doc.text`` from them at every read: on 120 news articles the rules made 920,000 Token
objects and read ``Doc.text`` 6,100 times for 2,400 parsed sentences (docs/benchmarks.md,
stop 25). Tokens are still made where a rule reads the parse (heads, children,
dependencies); these lists only spare the passes that look for a word.
"""

from __future__ import annotations

from ..nlp import DOC_TEXT_KEY

_WORDS_KEY = "sitrep_words"  # ``token_words``
_BOUNDS_KEY = "sitrep_bounds"  # ``token_bounds``


def _joined(word: str) -> str:
    """'re-captured' (kept whole by the tokenizer: ``nlp.re_prefixed_verbs``) as the casualty
    and trigger words write it: 'recaptured'."""
    return "re" + word[3:] if word.startswith("re-") else word


def token_words(doc) -> tuple[list[str], list[str]]:
    """Each token's lowercase form (``lower_``) and lowercased lemma (``lemma_.lower()``),
    read once per Doc from its arrays: the trigger and casualty-word rules read them for
    every token, and each pass over a Doc makes a Python Token object per token."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        from spacy.attrs import LEMMA, LOWER

        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, LEMMA])
        lowers = [strings[lower] for lower in rows[:, 0].tolist()]
        lemmas = [strings[lemma].lower() for lemma in rows[:, 1].tolist()]
        if "re-" in doc.text or "Re-" in doc.text:  # (a plain test first: most sentences hold none)
            lowers, lemmas = [_joined(w) for w in lowers], [_joined(w) for w in lemmas]
        words = doc.user_data[_WORDS_KEY] = (lowers, lemmas)
    return words


def token_bounds(doc) -> tuple[list[int], list[int]]:
    """Each token's start and end (``idx``, ``idx + len(text)``), read once per Doc from its
    arrays, for the rules that look tokens up by character."""
    bounds = doc.user_data.get(_BOUNDS_KEY)
    if bounds is None:
        from spacy.attrs import IDX, LENGTH

        rows = doc.to_array([IDX, LENGTH])
        bounds = doc.user_data[_BOUNDS_KEY] = (rows[:, 0].tolist(), (rows[:, 0] + rows[:, 1]).tolist())
    return bounds


def doc_text(doc) -> str:
    """``doc.text``, without its cost: spaCy rebuilds it from a Token object per token at
    every read (6,100 reads of 2,400 parsed sentences in 120 news articles)."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text
