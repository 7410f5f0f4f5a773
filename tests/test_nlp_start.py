"""What the spaCy model loads at start: only the parts Sitrep runs (tags to POS by a table,
lemmas memoised), and what it leaves on disk must equal what spaCy builds itself: no parse,
tag or lemma changes."""

from __future__ import annotations

import sys

import pytest

from sitrep import nlp

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def full_model():
    """The model as spaCy loads it by default (NER left out): the reference."""
    try:
        model = spacy.load(nlp.MODEL, exclude=["ner"])
    except OSError:
        pytest.skip(f"spaCy model {nlp.MODEL} is not installed")
    # Sitrep's one deliberate change to the tokenizer: "re-took" is one word (nlp.re_prefixed_verbs)
    nlp.keep_re_prefixed_verbs_whole(model.tokenizer)
    return model


def test_nlp_start_tokenizer_left_on_disk_equals_the_default(full_model):
    # Without the vocab: the shared pipeline's strings grow with every text it has parsed.
    ours, theirs = nlp.load_pipeline().tokenizer, full_model.tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    assert len(ours.rules) > 1000  # the special cases ("don't", "U.S.") are there


def test_nlp_start_tokenizer_regexes_read_from_the_cache_are_spacys():
    from spacy import util
    from spacy.lang.en import English

    nlp.load_pipeline()
    defaults = English.Defaults
    for name, entries in (("compile_prefix_regex", defaults.prefixes), ("compile_suffix_regex", defaults.suffixes),
                          ("compile_infix_regex", defaults.infixes)):
        spacys = getattr(util, name)(entries)  # spaCy's own again once the model is loaded
        assert getattr(util, name).__module__ == "spacy.util"
        assert nlp.TOKENIZER_EXPRESSIONS[name](entries) == spacys.pattern


def test_nlp_start_tag_table_equals_the_attribute_rulers(full_model):
    table = nlp.load_pipeline().get_pipe("sitrep_tag_to_pos").table
    expected = nlp.tag_table(full_model.get_pipe("attribute_ruler").patterns)
    assert table == {tag: tuple(v) for tag, v in expected.items()}
    assert nlp.load_pipeline().pipe_names == ["tok2vec", "tagger", "parser", "sitrep_tag_to_pos", "sitrep_lemmas"]


@pytest.mark.parametrize("sentence", [
    "Rebels captured the town of Kherson on Tuesday, killing 12 people.",       # Ukraine
    "The RSF said it had seized the army base in El Fasher after two days of fighting.",  # Sudan
    "At least 40 civilians were killed in an air strike on Khan Younis, medics said.",  # Gaza
    "Junta jets bombed a monastery in Sagaing region overnight; the NUG said 17 died.",  # Myanmar
    "Gangs torched police stations in Mirebalais, and 5,000 residents fled to Saut-d'Eau.",  # Haiti
    "Houthi forces fired two missiles at a tanker off Hodeidah, U.S. Central Command said.",  # Yemen
])
def test_nlp_start_parse_equals_the_full_models(full_model, sentence):
    """Against the model read whole, its attribute ruler swapped for the same table and
    spaCy's own lemmatizer."""
    ours = nlp.load_pipeline()(sentence)
    again = nlp.load_pipeline()(sentence)  # lemmas from the memo this time
    table = nlp.tag_table(full_model.get_pipe("attribute_ruler").patterns)
    reference = spacy.load(nlp.MODEL, exclude=["ner"])
    reference.replace_pipe("attribute_ruler", "sitrep_tag_to_pos", config={"table": table})
    ruler = reference(sentence)
    assert [(t.lemma_, t.lemma) for t in again] == [(t.lemma_, t.lemma) for t in ours]
    assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ours] == \
        [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ruler]


def test_nlp_start_parse_of_the_sample_equals_the_full_models(full_model):
    """Every sentence of the bundled sample's articles, parsed in batches as extraction
    sends them (the embedding's rows kept per token, ``token_vectors``), against the model
    read whole, its embedding computed batch by batch (spaCy's default, blis)."""
    from pathlib import Path

    import sitrep
    from sitrep.sentences import split_sentences

    folder = Path(sitrep.__file__).parent / "data" / "sample"
    sentences = [s.text for path in sorted(folder.glob("*.txt"))
                 for s in split_sentences(path.read_text(encoding="utf-8"))]
    table = nlp.tag_table(full_model.get_pipe("attribute_ruler").patterns)
    reference = spacy.load(nlp.MODEL, exclude=["ner"])
    reference.replace_pipe("attribute_ruler", "sitrep_tag_to_pos", config={"table": table})

    def rows(docs):
        return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.is_sent_start) for t in doc]
                for doc in docs]

    assert len(sentences) > 80
    assert rows(nlp.parse(sentences)) == rows(reference.pipe(sentences, batch_size=nlp.PARSE_BATCH))


def test_nlp_start_spacy_command_line_imports_after_the_stand_in():
    spacy_module = nlp.import_spacy()
    assert "spacy.cli.info" not in sys.modules or sys.modules["spacy.cli.info"].__name__ == "spacy.cli.info"
    from spacy.cli.info import info

    assert info.__module__ == "spacy.cli.info"
    assert callable(spacy_module.info)


def test_nlp_start_matrix_products_through_numpy_blas():
    """tok2vec and the tagger multiply through numpy (``nlp.USE_BLIS``); the parse test
    above compares the result with spaCy's default (blis) model."""
    pipeline = nlp.load_pipeline()
    for name in ("tok2vec", "tagger"):
        assert {layer.ops.use_blis for layer in pipeline.get_pipe(name).model.walk()} == {nlp.USE_BLIS}
    assert nlp.USE_BLIS is False


@pytest.mark.parametrize("sentence", [
    "Ukrainian drones hit an oil depot in Bryansk, the governor said on Sunday.",
    "The RSF shelled Abu Shouk camp, killing at least 12 displaced people.",
    "",
])
def test_nlp_start_tag_table_set_as_arrays_equals_token_by_token(sentence):
    pipeline = nlp.load_pipeline()
    with pipeline.select_pipes(disable=["sitrep_tag_to_pos", "sitrep_lemmas"]):
        tagged = pipeline(sentence)
    by_arrays, by_tokens = tagged.copy(), tagged.copy()
    step = pipeline.get_pipe("sitrep_tag_to_pos")
    step(by_arrays)
    for tok in by_tokens:  # what the step did before, one Token at a time
        pos, morph = step.table.get(tok.tag_, ("", ""))
        if pos:
            tok.pos_ = pos
        if morph and morph != "_":
            tok.set_morph(morph)
    assert [(t.pos_, str(t.morph)) for t in by_arrays] == [(t.pos_, str(t.morph)) for t in by_tokens]
    assert all(t.pos_ for t in by_arrays)


def test_nlp_start_stand_ins_keep_yaml_and_the_command_line_out_until_called():
    """In a fresh interpreter: loading the model imports neither spaCy's command line nor
    ruamel.yaml; the functions re-exported from them still work, importing them then."""
    import subprocess
    from pathlib import Path

    import sitrep

    code = ("import sys\n"
            "from sitrep import nlp\n"
            "nlp.load_pipeline()('Rebels shelled Kherson.')\n"
            "print(sorted(m for m in ('spacy.cli', 'srsly.ruamel_yaml') if m in sys.modules))\n"
            "import srsly\n"
            "print(srsly.yaml_loads('Hama: 3'), 'srsly.ruamel_yaml' in sys.modules)\n")
    src = str(Path(sitrep.__file__).parent.parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "PYTHONPATH": src}).stdout.split("\n")
    assert out[:2] == ["[]", "{'Hama': 3} True"]


def test_nlp_start_entry_points_read_by_group_are_catalogues():
    """While the model loads, every spaCy registry finds the same entry points, in the same
    order, from the table by group as from catalogue's own filtering."""
    import catalogue

    spacy_module = nlp.import_spacy()
    registries = [r for r in vars(spacy_module.registry).values() if isinstance(r, catalogue.Registry)]
    registries += [getattr(spacy_module.registry, name) for name in ("architectures", "factories", "misc")]

    def found():
        return [(r.namespace, [(e.name, e.value) for e in r._get_entry_points()], sorted(r.get_all()))
                for r in registries]

    plain = found()
    with nlp._entry_points_grouped():
        grouped = found()
    assert grouped == plain and len(plain) >= 3
    assert any(entry_points for _, entry_points, _ in plain)  # spaCy's own language entry points


@pytest.mark.parametrize("given, expected", [(None, "1"), ("3", "3")])
def test_nlp_start_openblas_one_thread_unless_the_environment_says(given, expected):
    """A fresh interpreter that imports Sitrep before numpy runs OpenBLAS on one thread; a
    value in the environment wins."""
    import os
    import subprocess
    from pathlib import Path

    import sitrep

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = str(Path(sitrep.__file__).parent.parent)
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    code = "import os, sitrep, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == expected


def test_nlp_start_builds_without_collections_and_freezes_what_it_built():
    """What is built for the whole process (the model, the lexicons) is built with no cycle
    collection, also when a library enables the collector on the way (spaCy's msgpack
    reader does), and is left out of later collections; the thresholds come back."""
    import gc

    from sitrep.nlp import kept_for_the_process

    thresholds = gc.get_threshold()
    collections: list[int] = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    frozen = gc.get_freeze_count()
    try:
        with kept_for_the_process():
            gc.enable()  # as msgpack's unpackb does
            kept = [[index, {"town": f"Town {index}"}] for index in range(20_000)]
        assert collections == []
        assert gc.get_threshold() == thresholds
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.callbacks.remove(count)


@pytest.mark.parametrize("text,word", [
    # a verb with a hyphenated "re-" stays one word, so the parser reads it as the verb
    ("Troops re-established control of Bimbilla on Monday.", "re-established"),
    ("The army re-took Gao on Monday.", "re-took"),
    ("Government forces re-captured Khobi.", "re-captured"),
])
def test_nlp_start_re_prefixed_verb_is_one_token(text, word):
    doc = nlp.load_pipeline()(text)
    tok = next(t for t in doc if t.text == word)
    assert tok.pos_ == "VERB"


def test_nlp_start_other_re_prefixed_words_stay_split():
    # "re-arrested" is read as the casualty word "arrested", as before
    assert "arrested" in [t.text for t in nlp.load_pipeline()("Police re-arrested 12 men.")]
