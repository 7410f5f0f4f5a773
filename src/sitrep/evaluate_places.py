"""Score place detection and resolution against a geoparsing corpus (``../shared/geo``).

Gold format, one toponym per line: ``{"doc", "text", "start", "end", "lat", "lon",
"standard"}`` with character offsets into the article ``text`` of ``NAME.jsonl`` (the
articles file beside ``NAME_gold.jsonl``); toponyms with ``standard: false`` have no
coordinates and are skipped.

How gold offsets meet Sitrep's mentions: the gold offsets are into the *raw* article
text, and the pipeline's mentions are into the *cleaned* text. Cleaning can move or drop
characters, so the scorer does not go through the pipeline: it runs the same place
detection the pipeline runs (``Extractor.place_mentions``: capitalised candidates, the
article's country context, ``find_place_mentions``) on the raw text, so the offsets are
the gold's own. No spaCy model is loaded, which keeps the CI gate fast.

Measures (the field's, Gritta et al. 2018), per corpus:
- toponym recall: gold toponyms that overlap a place mention;
- accuracy@161 km over all gold toponyms (a missed or unresolved toponym is a miss) and
  over the resolved ones (found and given coordinates);
- median error in km over the resolved ones.
Demonyms ("Syrian") are toponyms in some corpora; Sitrep reads them as country context,
not as places, so they count as misses here: the figures are not flattered.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .records import PlaceMention

# The field's threshold: 100 miles (Leidner 2008; Gritta et al. 2018).
ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class GoldToponym:
    doc: str
    text: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass(slots=True)
class PlaceMiss:
    """A gold toponym not found, or resolved too far from the truth."""

    doc: str
    text: str
    start: int
    found: str | None  # the mention's text, None when no mention overlaps
    resolved: str | None  # what it resolved to ("Paris, FR"), None when unresolved
    km: float | None

    def label(self) -> str:
        if self.found is None:
            return f"{self.doc}@{self.start} {self.text!r}: not found"
        if self.resolved is None:
            return f"{self.doc}@{self.start} {self.text!r}: unresolved"
        return f"{self.doc}@{self.start} {self.text!r} -> {self.resolved}: {self.km:.0f} km"


@dataclass(slots=True)
class PlaceScore:
    corpus: str
    gold: int = 0
    found: int = 0
    resolved: int = 0
    within: int = 0
    errors_km: list[float] = field(default_factory=list)
    misses: list[PlaceMiss] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy_all(self) -> float:
        return self.within / self.gold if self.gold else 0.0

    @property
    def accuracy_resolved(self) -> float:
        return self.within / self.resolved if self.resolved else 0.0

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    def as_dict(self) -> dict:
        return {
            "corpus": self.corpus, "gold": self.gold, "found": self.found, "resolved": self.resolved,
            "within_161km": self.within, "recall": round(self.recall, 4),
            "accuracy_161_all": round(self.accuracy_all, 4),
            "accuracy_161_resolved": round(self.accuracy_resolved, 4),
            "median_km": None if self.median_km is None else round(self.median_km, 1),
        }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def load_geo_gold(path: str | Path) -> list[GoldToponym]:
    """Gold toponyms with coordinates (``standard: false`` lines skipped)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            g = json.loads(line)
            if g.get("standard") is False or g.get("lat") is None or g.get("lon") is None:
                continue
            out.append(GoldToponym(str(g["doc"]), g["text"], int(g["start"]), int(g["end"]),
                                   float(g["lat"]), float(g["lon"])))
    return out


def articles_path_for(gold_path: str | Path) -> Path:
    """``NAME.jsonl`` beside ``NAME_gold.jsonl``."""
    gold_path = Path(gold_path)
    stem = gold_path.name.removesuffix(".jsonl").removesuffix("_gold").removesuffix(".gold")
    return gold_path.with_name(f"{stem}.jsonl")


def load_geo_articles(path: str | Path) -> dict[str, str]:
    """Article id -> raw text."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                out[str(a["id"])] = a["text"]
    return out


def _best_overlap(g: GoldToponym, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The mention overlapping the gold span most (resolved ones first on ties)."""
    best, best_key = None, None
    for m in mentions:
        overlap = min(g.end, m.end) - max(g.start, m.start)
        if overlap <= 0:
            continue
        key = (overlap, m.place is not None, -abs(m.start - g.start))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def score_places(corpus: str, gold: Iterable[GoldToponym],
                 mentions_by_doc: dict[str, Sequence[PlaceMention]]) -> PlaceScore:
    """Recall, accuracy@161 km and errors of ``mentions_by_doc`` against ``gold``."""
    score = PlaceScore(corpus)
    for g in gold:
        score.gold += 1
        m = _best_overlap(g, mentions_by_doc.get(g.doc, ()))
        if m is None:
            score.misses.append(PlaceMiss(g.doc, g.text, g.start, None, None, None))
            continue
        score.found += 1
        if m.place is None:
            score.misses.append(PlaceMiss(g.doc, g.text, g.start, m.text, None, None))
            continue
        score.resolved += 1
        km = haversine_km(g.lat, g.lon, m.place.lat, m.place.lon)
        score.errors_km.append(km)
        if km <= ACCURACY_KM:
            score.within += 1
        else:
            where = ", ".join(x for x in (m.place.name, m.place.admin1, m.place.country) if x)
            score.misses.append(PlaceMiss(g.doc, g.text, g.start, m.text, f"{where} [{m.rule}]", km))
    return score


Detector = Callable[[str, str], Sequence[PlaceMention]]


def default_detector() -> Detector:
    """The pipeline's place detection (lexicons and gazetteer, no spaCy)."""
    from .extract import default_extractor

    extractor = default_extractor()
    return extractor.place_mentions


def evaluate_places(gold_path: str | Path, articles_path: str | Path | None = None,
                    detect: Detector | None = None, corpus: str | None = None) -> PlaceScore:
    """Run place detection over the corpus's raw articles and score it against the gold."""
    gold_path = Path(gold_path)
    articles_path = Path(articles_path) if articles_path else articles_path_for(gold_path)
    gold = load_geo_gold(gold_path)
    texts = load_geo_articles(articles_path)
    detect = detect or default_detector()
    docs = {g.doc for g in gold}
    mentions = {doc: detect(doc, texts[doc]) for doc in sorted(docs) if doc in texts}
    name = corpus or articles_path.stem
    return score_places(name, gold, mentions)


def format_places_report(scores: Sequence[PlaceScore], misses: int = 0) -> str:
    lines = [f"{'corpus':<12} {'toponyms':>8} {'recall':>7} {'acc@161 resolved':>17} {'acc@161 all':>12} {'median km':>10}"]
    for s in scores:
        med = "-" if s.median_km is None else f"{s.median_km:.1f}"
        lines.append(f"{s.corpus:<12} {s.gold:>8} {s.recall:>7.3f} {s.accuracy_resolved:>17.3f} "
                     f"{s.accuracy_all:>12.3f} {med:>10}")
    for s in scores:
        if misses and s.misses:
            lines.append(f"\n{s.corpus}: first {min(misses, len(s.misses))} of {len(s.misses)} misses")
            lines.extend("  " + m.label() for m in s.misses[:misses])
    return "\n".join(lines)


__all__ = [
    "ACCURACY_KM", "GoldToponym", "PlaceMiss", "PlaceScore", "articles_path_for", "evaluate_places",
    "format_places_report", "haversine_km", "load_geo_articles", "load_geo_gold", "score_places",
]


def gold_files(path: str | Path) -> list[Path]:
    """``NAME_gold.jsonl`` files: the path itself, or those in a folder (sorted)."""
    path = Path(path)
    return sorted(path.glob("*_gold.jsonl")) if path.is_dir() else [path]


def places_eval_command(gold: str | Path, articles: str | Path | None = None, *, as_json: bool = False,
                        show_misses: bool = True, misses: int = 15) -> int:
    """``sitrep eval --places``: print the scores by corpus; returns the exit status."""
    files = gold_files(gold)
    if not files:
        print(f"error: no *_gold.jsonl in {gold}")
        return 2
    if articles is not None and len(files) > 1:
        print("error: --articles goes with one gold file")
        return 2
    scores = []
    for f in files:
        arts = Path(articles) if articles else articles_path_for(f)
        if not arts.is_file():
            print(f"error: no articles file {arts} beside {f} (give it with --articles)")
            return 2
        scores.append(evaluate_places(f, arts, corpus=arts.stem))
    if as_json:
        print(json.dumps([s.as_dict() for s in scores], indent=2))
    else:
        from sitrep.safe_text import for_terminal_lines  # corpus text is untrusted

        print(for_terminal_lines(format_places_report(scores, misses=misses if show_misses else 0)))
    return 0


__all__ += ["gold_files", "places_eval_command"]
