"""Reading a gold set: the gold JSON file, its articles folder and ``index.jsonl``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

GOLD_FILE = "gold.json"
INDEX_FILE = "index.jsonl"
NO_CONFLICT = "(no conflict given)"


@dataclass(slots=True)
class GoldClaim:
    doc: str
    quantity: str
    category: str
    value: int | None
    qualifier: str | None
    source: str | None
    sentence: str
    low: int | None = None
    high: int | None = None

    def label(self) -> str:
        v = self.value if self.value is not None else (
            self.qualifier if self.low is None else f"{self.low}-{self.high}")
        return f"{self.doc} {self.quantity}/{self.category}={v} ({self.source or 'no source'})"


@dataclass(slots=True)
class GoldEvent:
    doc: str
    type: str
    place: str
    winner: str | None
    source: str | None


@dataclass(slots=True)
class GoldSet:
    """A reference annotation and where its articles are."""

    gold_path: Path
    claims: list[GoldClaim]
    events: list[GoldEvent]
    docs: list[str]
    conflicts: dict[str, str]  # doc -> conflict
    articles: Path | None = None  # folder of the annotated articles, when known
    index: Path | None = None  # their metadata (index.jsonl), when present



# --- reading gold ------------------------------------------------------------------------

def _read_index(path: Path | None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path is None or not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            name = rec.get("file") or rec.get("path") or rec.get("id")
            if name:
                out[Path(name).stem] = rec
    return out


def load_gold_set(path: str | Path) -> GoldSet:
    """A gold file, or a folder with ``gold.json``, its articles and ``index.jsonl``."""
    path = Path(path)
    articles = index = None
    if path.is_dir():
        gold_path = path / GOLD_FILE
        if not gold_path.is_file():
            found = sorted(path.glob("*gold*.json"))
            if not found:
                raise FileNotFoundError(f"{path}: no {GOLD_FILE} in this folder")
            gold_path = found[0]
        articles = path / "articles" if (path / "articles").is_dir() else path
        index = path / INDEX_FILE if (path / INDEX_FILE).is_file() else None
    else:
        gold_path = path
        if (path.parent / INDEX_FILE).is_file():
            index = path.parent / INDEX_FILE
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = _read_index(index)
    claims, events, docs, conflicts = [], [], [], {}
    for d in data.get("documents", []):
        doc = d["doc"]
        docs.append(doc)
        conflicts[doc] = d.get("conflict") or meta.get(doc, {}).get("conflict") or NO_CONFLICT
        for c in d.get("claims", []):
            claims.append(GoldClaim(doc, c["quantity"], c["category"], c.get("value"),
                                    c.get("qualifier"), c.get("source"), c.get("sentence", ""),
                                    c.get("low"), c.get("high")))
        for e in d.get("events", []):
            events.append(GoldEvent(doc, e["type"], e.get("place", ""), e.get("winner"), e.get("source")))
    return GoldSet(gold_path, claims, events, docs, conflicts, articles, index)


def load_gold(path: str | Path) -> tuple[list[GoldClaim], list[GoldEvent], list[str]]:
    gold = load_gold_set(path)
    return gold.claims, gold.events, gold.docs




def gold_article_paths(gold: GoldSet) -> list[Path]:
    """The article inputs of a gold set: its articles folder, or the article files beside
    the gold file (not the index, which is metadata)."""
    from ..ingest.readers import HTML_SUFFIXES, TEXT_SUFFIXES

    if gold.articles is None:
        return []
    if gold.articles != gold.gold_path.parent:
        return [gold.articles]
    return sorted(p for p in gold.articles.iterdir()
                  if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
