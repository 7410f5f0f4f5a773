"""The import rule: the house reads in one direction (docs/architecture.md, issue 13).

ingest -> extract -> store -> reconcile -> pipeline -> publish/web -> tools -> cli: a module
may import its own stage or an earlier one, never a later one, wherever the import is
written (top of the module, inside a function, under ``TYPE_CHECKING``, or through
``importlib.import_module`` with a literal name). The shared modules every stage uses
(``records``, ``lexicon``, ``minhash``, ``safe_text``, the package root) import none of
ours, apart from their own package (and the lexicon, the records it returns; the root, the
lexicon's regex bundle). And the
reconcile stage reads stored rows, never text: it imports neither ``extract`` nor ``nlp``
(what it needs from the text is read at extraction and stored with the article, issue 13
point 2), though they come before it.

Every module under ``src/sitrep`` is parsed with ``ast`` (nothing is imported), so the
test also holds for modules whose imports need optional extras.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "sitrep"

# The stage of each top-level module or package of sitrep, and the stages in order.
STAGE_OF = {
    "records": "shared", "lexicon": "shared", "minhash": "shared", "safe_text": "shared",
    "ingest": "ingest",
    "extract": "extract", "nlp": "extract",  # the sentence parser is extraction's tool
    "sentences": "extract", "sentence_gate": "extract",  # its splitter and the words that choose what it parses
    "token_vectors": "extract",  # the parse's embedding rows, kept per token
    "store": "store",
    "reconcile": "reconcile",
    # ingest -> extract -> store -> reconcile, run in order (locally, or as cluster tasks).
    "pipeline": "pipeline", "run_inputs": "pipeline", "cluster": "pipeline", "backfill": "pipeline",
    "publish": "publish", "web": "publish", "watch": "publish", "console": "publish",
    # Measuring and checking tools, beside the faces they drive.
    "evaluate": "tools", "evaluate_places": "tools", "bench": "tools", "bench_corpus": "tools", "demo": "tools",
    "cli": "cli",
}
ORDER = ("shared", "ingest", "extract", "store", "reconcile", "pipeline", "publish", "tools", "cli")
# What a shared module may import besides its own package. The package root places the
# lexicon's regex bundle in ``re``'s cache before any module compiles its patterns.
SHARED_MAY_IMPORT = {"lexicon": {"records"}, "": {"lexicon"}}
# Imports of an earlier stage that are not allowed all the same: (importer, imported) stage.
NEVER = {
    # The reconcile stage reads what extraction stored (claim scopes, actor labels, named
    # actors: ``extract.readings``), never the text itself (issue 13, point 2).
    ("reconcile", "extract"): "reconcile reads stored rows, never text",
}
# Imports of a later stage that are known and scheduled to go: (importer, imported) stage.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _top_level_names() -> set[str]:
    root = SRC / PACKAGE
    return {p.stem for p in root.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in root.iterdir() if (p / "__init__.py").exists()}


TOP_LEVEL = _top_level_names()


def module_name(path: Path) -> tuple[str, bool]:
    """(dotted module name, whether it is a package's ``__init__``) of a file under SRC."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def top_of(target: str) -> str:
    """The top-level name of sitrep an imported dotted name belongs to ("" for the root and
    its attributes, such as ``__version__``)."""
    parts = target.split(".")
    return parts[1] if len(parts) > 1 and (parts[1] in TOP_LEVEL or parts[1] in STAGE_OF) else ""


def stage_of(top: str) -> str | None:
    return "shared" if top == "" else STAGE_OF.get(top)


def imports_of(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted name) of every import of sitrep in ``source``, at any depth."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            # "from sitrep import store": the names may be modules of their own.
            found += ([(node.lineno, f"{name}.{a.name}") for a in node.names] if name == PACKAGE
                      else [(node.lineno, name)])
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return [(line, name) for line, name in found if name == PACKAGE or name.startswith(PACKAGE + ".")]


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    """Why each import of ``source`` (the module ``module``) breaks the rule."""
    own_top = top_of(module)
    own = stage_of(own_top)
    if own is None:
        return [f"{module}: no stage for `{own_top}`; place it in STAGE_OF"]
    out = []
    for line, target in imports_of(source, module, is_package):
        top = top_of(target)
        stage = stage_of(top)
        if top == own_top:
            continue
        if stage is None:
            out.append(f"{module}:{line} imports {target}, which has no stage")
        elif own == "shared":
            if top not in SHARED_MAY_IMPORT.get(own_top, ()):
                out.append(f"{module}:{line} imports {target}: `{own_top}` imports none of ours")
        elif ORDER.index(stage) > ORDER.index(own) and (own, stage) not in KNOWN_EXCEPTIONS:
            out.append(f"{module}:{line} imports {target}: {own} comes before {stage}")
        elif (own, stage) in NEVER:
            out.append(f"{module}:{line} imports {target}: {NEVER[(own, stage)]}")
    return out


def sitrep_modules() -> list[Path]:
    return sorted((SRC / PACKAGE).rglob("*.py"))


def test_architecture_every_module_has_a_stage():
    unplaced = sorted({top_of(module_name(p)[0]) for p in sitrep_modules()} - set(STAGE_OF) - {""})
    assert not unplaced, f"place these in STAGE_OF: {unplaced}"


def test_architecture_no_module_imports_a_later_stage():
    found = []
    for path in sitrep_modules():
        module, is_package = module_name(path)
        found += violations(module, path.read_text(encoding="utf-8"), is_package)
    assert not found, "\n".join(found)


def test_architecture_known_exceptions_are_still_needed():
    """An exception nothing needs any more is taken out of the list."""
    used = set()
    for path in sitrep_modules():
        module, is_package = module_name(path)
        own = stage_of(top_of(module))
        for _, target in imports_of(path.read_text(encoding="utf-8"), module, is_package):
            used.add((own, stage_of(top_of(target))))
    assert set(KNOWN_EXCEPTIONS) <= used


@pytest.mark.parametrize(("module", "source"), [
    ("sitrep.store.fake", "from sitrep.reconcile.series import Series\n"),
    ("sitrep.store.fake", "def read():\n    from sitrep.reconcile import stage\n    return stage\n"),
    ("sitrep.store.fake", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sitrep.reconcile import stage\n"),
    ("sitrep.store.fake", "import importlib\nstage = importlib.import_module('sitrep.reconcile.stage')\n"),
    ("sitrep.store.fake", "from ..reconcile import stage\n"),
    ("sitrep.ingest.fake", "import sitrep.extract.claims\n"),
    ("sitrep.extract.fake", "from sitrep import store\n"),
    ("sitrep.reconcile.fake", "from sitrep.publish.report import build_report\n"),
    ("sitrep.reconcile.fake", "from sitrep.pipeline import run\n"),
    ("sitrep.publish.fake", "from sitrep.cli import app\n"),
    ("sitrep.records.fake", "from sitrep.store import Store\n"),
    ("sitrep.records.fake", "from sitrep.lexicon import load\n"),
    ("sitrep.lexicon.fake", "from sitrep.extract.gazetteer import get_gazetteer\n"),
    ("sitrep.minhash", "from sitrep.records import Article\n"),
    ("sitrep.nlp", "from sitrep.store import Store\n"),
    # Earlier, but never: the reconcile stage reads stored rows, not text.
    ("sitrep.reconcile.fake", "from sitrep.extract.gazetteer import get_gazetteer\n"),
    ("sitrep.reconcile.scope", "def check():\n    from sitrep.extract.gazetteer import get_gazetteer\n"),
    ("sitrep.reconcile.framing", "from ..extract.actors import load_actors\n"),
    ("sitrep.reconcile.framing", "from ..nlp import split_sentences\n"),
    ("sitrep.reconcile.stories", "import sitrep.extract.actors\n"),
])
def test_architecture_a_later_stage_import_is_caught(module, source):
    assert violations(module, source)


@pytest.mark.parametrize(("module", "source"), [
    ("sitrep.reconcile.fake", "from sitrep.store import reconciled\n"),
    ("sitrep.reconcile.fake", "from sitrep.lexicon import load\n"),
    ("sitrep.pipeline", "from sitrep.extract.labels import actor_labels\nfrom sitrep.reconcile import reconcile\n"),
    ("sitrep.backfill", "from .extract.readings import claim_scope\nfrom .nlp import split_sentences\n"),
    ("sitrep.publish.fake", "from sitrep.pipeline import store_articles\nfrom sitrep.watch import alerts\n"),
    ("sitrep.records.series", "from sitrep.records import content_id\n"),
    ("sitrep.lexicon.fake", "from sitrep.records import Place\n"),
    ("sitrep.cli", "from sitrep import __version__\nfrom .bench import run_bench\n"),
])
def test_architecture_an_earlier_stage_import_passes(module, source):
    assert violations(module, source) == []
