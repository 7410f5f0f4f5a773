"""Score extracted claims and events against a reference annotation (the gold file format
of ``../shared/dev/seeds.gold.json``, described in DESIGN.md).

Matching rules (DESIGN.md): a claim matches when doc, quantity, category and value agree;
a vague quantity ("hundreds", value null) matches a claim whose value or bounds fall in its
band. The same figure extracted twice from one article (headline and body) counts once.
Claimant accuracy is measured on matched claims: names are compared after both go through
the claimants lexicon (a body matches the body it is part of: OCHA and the United Nations),
and a gold source that names only a side ("opposition", "government") matches a claimant of
that kind. Territory events match on doc and place.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol, Sequence

from .extract.claimants import ClaimantLexicon, load_claimants
from .extract.numbers import VAGUE_BANDS

SIDE_SOURCES = {"opposition", "government"}


class ClaimLike(Protocol):
    doc: str
    quantity: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    source: str | None
    source_kind: str
    sentence: str


class EventLike(Protocol):
    doc: str
    type: str
    place: str | None
    winner: str | None


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
        v = self.value if self.value is not None else self.qualifier
        return f"{self.doc} {self.quantity}/{self.category}={v} ({self.source or 'no source'})"


@dataclass(slots=True)
class GoldEvent:
    doc: str
    type: str
    place: str
    winner: str | None
    source: str | None


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    claims: Score = field(default_factory=Score)
    claimant_correct: int = 0
    claimant_total: int = 0
    territory: Score = field(default_factory=Score)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_claimant: list[str] = field(default_factory=list)
    territory_missed: list[str] = field(default_factory=list)
    territory_extra: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    has_events: bool = False

    @property
    def claimant_accuracy(self) -> float:
        return self.claimant_correct / self.claimant_total if self.claimant_total else 0.0

    def as_dict(self) -> dict:
        out = {
            "claims": {"precision": round(self.claims.precision, 4), "recall": round(self.claims.recall, 4),
                       "f1": round(self.claims.f1, 4), "tp": self.claims.tp, "fp": self.claims.fp,
                       "fn": self.claims.fn},
            "claimant_accuracy": round(self.claimant_accuracy, 4),
            "claimant_matched": self.claimant_total,
            "missed": self.missed, "extra": self.extra, "wrong_claimant": self.wrong_claimant,
        }
        if self.has_events:
            out["territory_change"] = {
                "precision": round(self.territory.precision, 4), "recall": round(self.territory.recall, 4),
                "f1": round(self.territory.f1, 4), "tp": self.territory.tp, "fp": self.territory.fp,
                "fn": self.territory.fn, "missed": self.territory_missed, "extra": self.territory_extra,
            }
        return out


def load_gold(path: str | Path) -> tuple[list[GoldClaim], list[GoldEvent], list[str]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    claims, events, docs = [], [], []
    for d in data.get("documents", []):
        docs.append(d["doc"])
        for c in d.get("claims", []):
            claims.append(GoldClaim(d["doc"], c["quantity"], c["category"], c.get("value"),
                                    c.get("qualifier"), c.get("source"), c.get("sentence", ""),
                                    c.get("low"), c.get("high")))
        for e in d.get("events", []):
            events.append(GoldEvent(d["doc"], e["type"], e.get("place", ""), e.get("winner"), e.get("source")))
    return claims, events, docs


def _value_matches(gold: GoldClaim, pred: ClaimLike) -> bool:
    if gold.value is not None:
        return pred.value == gold.value
    if gold.low is not None and gold.high is not None:  # a range: "10,000 to 40,000"
        return (pred.low, pred.high) == (gold.low, gold.high)
    band = VAGUE_BANDS.get((gold.qualifier or "").lower())
    if band is None:
        return pred.value is None
    lo, hi = band
    hi = hi if hi is not None else 10 ** 12
    if pred.value is not None:
        return lo <= pred.value <= hi
    return any(b is not None and lo <= b <= hi for b in (pred.low, pred.high))


def _same_claimant(gold: GoldClaim, pred: ClaimLike, lex: ClaimantLexicon) -> bool:
    if gold.source is None or pred.source is None:
        return gold.source is None and pred.source is None
    if gold.source.lower() in SIDE_SOURCES and pred.source_kind == gold.source.lower():
        return True
    g = lex.canonical(gold.source) or gold.source
    p = lex.canonical(pred.source) or pred.source
    # A UN agency's figure is the UN's: OCHA matches a gold "United Nations" (and back).
    g_line = {n.lower() for n in lex.lineage(g)}
    p_line = {n.lower() for n in lex.lineage(p)}
    return g.lower() == p.lower() or p.lower() in g_line or g.lower() in p_line


def _place_key(name: str | None) -> str:
    """Place names compared across spellings: diacritics, al-/el- articles, a final -h."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    for article in ("al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-"):
        text = text.replace(article, "")
    key = "".join(ch for ch in text if ch.isalnum())
    return key[:-1] if key.endswith("h") and len(key) > 3 else key


def _dedupe(preds: Iterable[ClaimLike]) -> list[ClaimLike]:
    seen, out = set(), []
    for p in preds:
        key = (p.doc, p.quantity, p.category, p.value, p.low, p.high)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def evaluate(gold_path: str | Path, claims: Iterable[ClaimLike], events: Iterable[EventLike] = (),
             lexicon: ClaimantLexicon | None = None) -> EvalReport:
    """Score ``claims`` and territory ``events`` against the gold file (only its documents)."""
    lex = lexicon or load_claimants()
    gold_claims, gold_events, docs = load_gold(gold_path)
    doc_set = set(docs)
    report = EvalReport(docs=docs)
    preds = _dedupe(c for c in claims if c.doc in doc_set)
    unmatched = list(preds)
    for g in gold_claims:
        hit = next((p for p in unmatched if p.doc == g.doc and p.quantity == g.quantity
                    and p.category == g.category and _value_matches(g, p)), None)
        if hit is None:
            report.claims.fn += 1
            report.missed.append(g.label())
            continue
        unmatched.remove(hit)
        report.claims.tp += 1
        report.claimant_total += 1
        if _same_claimant(g, hit, lex):
            report.claimant_correct += 1
        else:
            report.wrong_claimant.append(f"{g.label()}: got {hit.source or 'no source'}")
    report.claims.fp = len(unmatched)
    report.extra = [f"{p.doc} {p.quantity}/{p.category}={p.value if p.value is not None else (p.low, p.high)} "
                    f"({p.source or 'no source'}): {p.sentence[:120]}" for p in unmatched]

    gold_terr = [e for e in gold_events if e.type == "territory_change"]
    if gold_terr:
        report.has_events = True
        pred_terr = {}
        for e in events:
            if e.type != "territory_change" or e.doc not in doc_set:
                continue
            # An event matches by the place as written or as the gazetteer names it.
            for name in (getattr(e, "place_text", None), e.place):
                if name:
                    pred_terr.setdefault((e.doc, _place_key(name)), e)
        gold_keys = {(e.doc, _place_key(e.place)) for e in gold_terr}
        hits = gold_keys & set(pred_terr)
        matched_events = {id(pred_terr[k]) for k in hits}
        extra = {id(e): (d, e) for (d, _), e in pred_terr.items() if id(e) not in matched_events}
        # Count each predicted event once, however many names it was filed under.
        extra_keys = {(d, _place_key(e.place)) for d, e in extra.values()}
        report.territory.tp = len(hits)
        report.territory.fn = len(gold_keys - hits)
        report.territory.fp = len(extra_keys)
        report.territory_missed = sorted(f"{d} {p}" for d, p in gold_keys - hits)
        report.territory_extra = sorted({f"{d} {e.place}" for d, e in extra.values()})
    return report


def format_report(report: EvalReport, show_lists: bool = True) -> str:
    lines = [
        f"documents: {len(report.docs)}",
        f"claims   precision {report.claims.precision:.3f}  recall {report.claims.recall:.3f}  "
        f"F1 {report.claims.f1:.3f}  (tp {report.claims.tp}, fp {report.claims.fp}, fn {report.claims.fn})",
        f"claimant accuracy {report.claimant_accuracy:.3f} on {report.claimant_total} matched claims",
    ]
    if report.has_events:
        t = report.territory
        lines.append(f"territory_change precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
                     f"(tp {t.tp}, fp {t.fp}, fn {t.fn})")
    if show_lists:
        for title, items in (("missed claims", report.missed), ("extra claims", report.extra),
                             ("wrong claimant", report.wrong_claimant),
                             ("missed territory events", report.territory_missed),
                             ("extra territory events", report.territory_extra)):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines)


def gate_failures(report: EvalReport, *, min_f1: float | None = None, min_claimant: float | None = None,
                  min_territory_recall: float | None = None,
                  min_territory_precision: float | None = None) -> Sequence[str]:
    """Reasons the report falls below pinned floors (empty when it passes)."""
    out = []
    if min_f1 is not None and report.claims.f1 < min_f1:
        out.append(f"claims F1 {report.claims.f1:.3f} < {min_f1}")
    if min_claimant is not None and report.claimant_accuracy < min_claimant:
        out.append(f"claimant accuracy {report.claimant_accuracy:.3f} < {min_claimant}")
    if report.has_events and min_territory_recall is not None and report.territory.recall < min_territory_recall:
        out.append(f"territory recall {report.territory.recall:.3f} < {min_territory_recall}")
    if report.has_events and min_territory_precision is not None and report.territory.precision < min_territory_precision:
        out.append(f"territory precision {report.territory.precision:.3f} < {min_territory_precision}")
    return out
