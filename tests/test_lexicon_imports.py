"""The lexicon is shared knowledge: it imports nothing of Sitrep's but ``sitrep.records``
(and itself), and ``nlp.py`` takes its words from it, not from ``sitrep.extract``."""

import ast
from pathlib import Path

import sitrep

ROOT = Path(sitrep.__file__).parent


def _sitrep_imports(path: Path, package: str) -> set[str]:
    """Absolute names of the sitrep modules a file imports (relative imports resolved)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.add(name)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {n for n in out if n == "sitrep" or n.startswith("sitrep.")}


def test_lexicon_imports_only_records_and_itself():
    for path in sorted((ROOT / "lexicon").glob("*.py")):
        for name in _sitrep_imports(path, "sitrep.lexicon"):
            assert name == "sitrep.records" or name.startswith("sitrep.lexicon"), f"{path.name} imports {name}"


def test_lexicon_nlp_takes_no_words_from_extract():
    names = _sitrep_imports(ROOT / "nlp.py", "sitrep")
    assert names and not any(n.startswith("sitrep.extract") for n in names), names
