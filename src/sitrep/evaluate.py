"""Score extracted claims and events against a reference annotation (the gold format of
DESIGN.md and ``../shared/dev2/GUIDE.md``), for a whole set and by conflict.

A gold set is a gold JSON file, or a folder holding ``gold.json`` with its articles (in
``articles/`` or beside it) and optional ``index.jsonl`` metadata (outlet, date, conflict).

Matching rules (DESIGN.md): a claim matches when doc, quantity, category and value agree;
a vague gold amount ("hundreds", value null) matches a claim whose value or bounds fall in
its band. The same figure extracted twice from one article (headline and body) counts once,
and of its copies the one with the right claimant is the one matched. Claimant accuracy is
measured on matched claims; claim+claimant recall is the share of gold claims found with
the right claimant. Names are compared after both go through the claimants lexicon (a body
matches the body it is part of: OCHA and the United Nations), spelling variants are folded
("Ministry of Health" = "Health Ministry", "Azerbaijan" = "Azerbaijani government"), a
name with a role or title around it matches the name ("surgeon Kamal Adam" = "Kamal
Adam"), and a gold source that names only a side ("opposition", "government") matches a
claimant of that kind. Territory events match on doc and place (as written or resolved).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Protocol, Sequence

from .extract.claimant_files import load_claimants
from .extract.claimants import ClaimantLexicon
from .extract.numbers import VAGUE_BANDS
from .lexicon.loader import read_json

SIDE_SOURCES = {"opposition", "government"}
# The bands a vague gold amount matches in (docs/contract.md: "dozens 24-99, scores 40-99,
# hundreds 100-999 ... likewise"); Sitrep's own low/high for such words (numbers.VAGUE_BANDS)
# read the plural as at least two of the unit, which lies inside these.
MATCH_BANDS: dict[str, tuple[int, int | None]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999), "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, None),
}
GOLD_FILE = "gold.json"
INDEX_FILE = "index.jsonl"
NO_CONFLICT = "(no conflict given)"
# A claimant name inside a longer one counts as the same claimant when the longer adds at
# most this many words (titles, roles, a demonym: "Yemeni Mayyun Organization for Human
# Rights", "Nagorno-Karabakh human rights ombudsman Gegham Stepanyan"). Set on the seeds
# and the bundled sample, where no two different claimants nest within four words.
MAX_EXTRA_NAME_WORDS = 4


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

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Tally:
    """The scores of one set, or of one conflict within it."""

    claims: Score = field(default_factory=Score)
    claimant_correct: int = 0
    claimant_total: int = 0
    territory: Score = field(default_factory=Score)
    winner_correct: int = 0  # matched territory changes whose gold gives a winner, won by that side
    winner_total: int = 0
    documents: int = 0

    @property
    def claimant_accuracy(self) -> float:
        return self.claimant_correct / self.claimant_total if self.claimant_total else 0.0

    @property
    def claim_claimant_recall(self) -> float:
        """Gold claims found with the right claimant, over all gold claims."""
        gold = self.claims.tp + self.claims.fn
        return self.claimant_correct / gold if gold else 0.0

    def scores(self, has_events: bool) -> dict:
        out = {
            "documents": self.documents,
            "claims": {"precision": round(self.claims.precision, 4), "recall": round(self.claims.recall, 4),
                       "f1": round(self.claims.f1, 4), "tp": self.claims.tp, "fp": self.claims.fp,
                       "fn": self.claims.fn},
            "claimant_accuracy": round(self.claimant_accuracy, 4),
            "claimant_matched": self.claimant_total,
            "claim_claimant_recall": round(self.claim_claimant_recall, 4),
        }
        if has_events:
            t = self.territory
            out["territory_change"] = {"precision": round(t.precision, 4), "recall": round(t.recall, 4),
                                       "f1": round(t.f1, 4), "tp": t.tp, "fp": t.fp, "fn": t.fn,
                                       "winner_accuracy": round(self.winner_accuracy, 4),
                                       "winner_matched": self.winner_total}
        return out

    @property
    def winner_accuracy(self) -> float:
        return self.winner_correct / self.winner_total if self.winner_total else 0.0


@dataclass
class EvalReport(Tally):
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_claimant: list[str] = field(default_factory=list)
    territory_missed: list[str] = field(default_factory=list)
    territory_extra: list[str] = field(default_factory=list)
    wrong_winner: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    has_events: bool = False
    by_conflict: dict[str, Tally] = field(default_factory=dict)

    def as_dict(self) -> dict:
        out = self.scores(self.has_events)
        out["by_conflict"] = {c: t.scores(self.has_events) for c, t in sorted(self.by_conflict.items())}
        out.update(missed=self.missed, extra=self.extra, wrong_claimant=self.wrong_claimant)
        if self.has_events:
            out["territory_change"].update(missed=self.territory_missed, extra=self.territory_extra,
                                           wrong_winner=self.wrong_winner)
        return out


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


# --- matching rules ------------------------------------------------------------------------

def _value_matches(gold: GoldClaim, pred: ClaimLike) -> bool:
    if gold.value is not None:
        return pred.value == gold.value
    if gold.low is not None and gold.high is not None:  # a range: "10,000 to 40,000"
        return (pred.low, pred.high) == (gold.low, gold.high)
    band = MATCH_BANDS.get((gold.qualifier or "").lower()) or VAGUE_BANDS.get((gold.qualifier or "").lower())
    if band is None:
        return pred.value is None
    lo, hi = band
    hi = hi if hi is not None else 10 ** 12
    if pred.value is not None:
        return lo <= pred.value <= hi
    return any(b is not None and lo <= b <= hi for b in (pred.low, pred.high))


_NAME_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_MINISTRY_OF = re.compile(r"\bministry of (?:public )?(\w+)\b")
_SPELLINGS = {"defense": "defence", "centre": "center", "organisation": "organization"}


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    """Lowercased country names and demonyms -> ISO2 (so "Azerbaijani government" and
    "Azerbaijan" name the same state)."""
    from .extract.gazetteer import get_gazetteer

    data = read_json("gazetteer", "countries.json")
    out: dict[str, str] = {}
    for cc, words in data.get("demonyms", {}).items():
        for w in words:
            out[w.lower()] = cc
    for cc, names in data.get("names", {}).items():
        for n in names:
            out[n.lower()] = cc
    for cc, name in get_gazetteer().country_names.items():
        out.setdefault(name.lower(), cc)
    return out


def name_key(name: str) -> str:
    """A claimant name folded for comparison: accents, case, articles, possessives,
    "Ministry of Health" -> "health ministry", a state's government -> its country."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = " ".join(_SPELLINGS.get(w, w) for w in text.split())
    text = _NAME_ARTICLES.sub("", text)
    text = _MINISTRY_OF.sub(lambda m: f"{m.group(1)} ministry", text)
    places = _demonym_countries()
    bare = re.sub(r"\s+(?:government|authorities)$", "", text)
    if bare in places:
        return "state:" + places[bare]
    return text


def _words(key: str) -> list[str]:
    return key.replace("-", " ").split()


def _nested(a: str, b: str) -> bool:
    """One name's words inside the other's, the longer adding a few words and no second
    party ("diplomatic source and a Yemeni NGO" is two claimants, not one)."""
    wa, wb = _words(a), _words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or len(long_) - len(short) > MAX_EXTRA_NAME_WORDS or "and" in long_:
        return False
    if len(short) == 1 and len(short[0]) < 4:
        return False
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def same_claimant(gold_source: str | None, pred_source: str | None, pred_kind: str,
                  lex: ClaimantLexicon) -> bool:
    if gold_source is None or pred_source is None:
        return gold_source is None and pred_source is None
    if gold_source.lower() in SIDE_SOURCES and pred_kind == gold_source.lower():
        return True
    # Each name read in the other's war: "Palestinian Health Ministry" is a name the Gaza
    # Health Ministry goes by in Gaza stories.
    p0, g0 = lex.canonical(pred_source) or pred_source, lex.canonical(gold_source) or gold_source
    p = lex.canonical(pred_source, lex.countries_of(g0)) or p0
    g = lex.canonical(gold_source, lex.countries_of(p0)) or g0
    # A UN agency's figure is the UN's: OCHA matches a gold "United Nations" (and back).
    g_line = {name_key(n) for n in lex.lineage(g)}
    p_line = {name_key(n) for n in lex.lineage(p)}
    if g_line & p_line:
        return True
    return _nested(name_key(g), name_key(p)) or _nested(name_key(gold_source), name_key(pred_source))


def _place_key(name: str | None) -> str:
    """Place names compared across spellings: diacritics, al-/el- articles, a final -h."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    for article in ("al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-"):
        text = text.replace(article, "")
    key = "".join(ch for ch in text if ch.isalnum())
    return key[:-1] if key.endswith("h") and len(key) > 3 else key


def _claim_key(p: ClaimLike) -> tuple:
    """A figure stated twice in an article ("at least 45" and "45") is one claim."""
    return (p.doc, p.quantity, p.category) + ((p.value,) if p.value is not None else (None, p.low, p.high))


def _show_value(p: ClaimLike) -> str:
    if p.value is not None:
        return str(p.value)
    return f"{p.low}-{p.high}" if p.low != p.high else str(p.low)


def _rule(p: ClaimLike) -> str:
    return getattr(p, "rule", "") or "?"


# --- scoring -------------------------------------------------------------------------------

def evaluate(gold_path: str | Path | GoldSet, claims: Iterable[ClaimLike], events: Iterable[EventLike] = (),
             lexicon: ClaimantLexicon | None = None) -> EvalReport:
    """Score ``claims`` and territory ``events`` against the gold set (only its documents)."""
    lex = lexicon or load_claimants()
    gold = gold_path if isinstance(gold_path, GoldSet) else load_gold_set(gold_path)
    doc_set = set(gold.docs)
    report = EvalReport(docs=gold.docs)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for doc in gold.docs:
        tallies[gold.conflicts[doc]].documents += 1
    report.documents = len(gold.docs)

    # The same figure stated twice in an article is one claim: group the copies.
    groups: dict[tuple, list[ClaimLike]] = {}
    for c in claims:
        if c.doc in doc_set:
            groups.setdefault(_claim_key(c), []).append(c)
    unmatched = list(groups)
    for g in gold.claims:
        tally = tallies[gold.conflicts[g.doc]]
        key = next((k for k in unmatched if k[0] == g.doc and k[1] == g.quantity and k[2] == g.category
                    and _value_matches(g, groups[k][0])), None)
        if key is None:
            tally.claims.fn += 1
            report.missed.append(f"{g.label()}: {g.sentence[:140]}")
            continue
        unmatched.remove(key)
        tally.claims.tp += 1
        tally.claimant_total += 1
        right = next((p for p in groups[key] if same_claimant(g.source, p.source, p.source_kind, lex)), None)
        if right is not None:
            tally.claimant_correct += 1
        else:
            p = groups[key][0]
            report.wrong_claimant.append(
                f"{g.label()}: got {p.source or 'no source'} [{_rule(p)}]: {p.sentence[:120]}")
    for key in unmatched:
        p = groups[key][0]
        tallies[gold.conflicts[p.doc]].claims.fp += 1
        report.extra.append(f"{p.doc} {p.quantity}/{p.category}={_show_value(p)} ({p.source or 'no source'}) "
                            f"[{_rule(p)}]: {p.sentence[:120]}")

    gold_terr = [e for e in gold.events if e.type == "territory_change"]
    if gold_terr:
        report.has_events = True
        _score_territory(gold, gold_terr, events, doc_set, report, tallies)

    report.by_conflict = dict(tallies)
    for t in tallies.values():
        report.claims.add(t.claims)
        report.territory.add(t.territory)
        report.claimant_correct += t.claimant_correct
        report.claimant_total += t.claimant_total
        report.winner_correct += t.winner_correct
        report.winner_total += t.winner_total
    return report


def _score_territory(gold: GoldSet, gold_terr: list[GoldEvent], events: Iterable[EventLike], doc_set: set[str],
                     report: EvalReport, tallies: dict[str, Tally]) -> None:
    pred_terr: dict[tuple[str, str], EventLike] = {}
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
    gold_winner = {(e.doc, _place_key(e.place)): e.winner for e in gold_terr}
    for key in sorted(hits):
        doc = key[0]
        tallies[gold.conflicts[doc]].territory.tp += 1
        want = _winner_side(gold_winner.get(key))
        if want is None:
            continue
        got = pred_terr[key].winner
        tallies[gold.conflicts[doc]].winner_total += 1
        if got == want:
            tallies[gold.conflicts[doc]].winner_correct += 1
        else:
            report.wrong_winner.append(f"{doc} {pred_terr[key].place}: gold {gold_winner[key]} ({want}), got {got} "
                                       f"[{getattr(pred_terr[key], 'rule', '') or '?'}]")
    for doc, _ in gold_keys - hits:
        tallies[gold.conflicts[doc]].territory.fn += 1
    for doc, _ in extra_keys:
        tallies[gold.conflicts[doc]].territory.fp += 1
    gold_names = {(e.doc, _place_key(e.place)): e.place for e in gold_terr}
    report.territory_missed = sorted(f"{d} {gold_names[(d, p)]}" for d, p in gold_keys - hits)
    report.territory_extra = sorted({f"{d} {e.place} [{getattr(e, 'rule', '') or '?'}]" for d, e in extra.values()})


def _winner_side(winner: str | None) -> str | None:
    """A gold winner as a side: a side as written, or the side of the named group ("RSF")."""
    if not winner:
        return None
    low = winner.strip().lower()
    if low in ("government", "opposition", "foreign", "rebels"):
        return "opposition" if low == "rebels" else low
    from .extract.actors import load_actors

    for match in load_actors().match(winner):
        if match.actor.side in ("government", "opposition", "foreign"):
            return match.actor.side
    return None  # a group the lexicon does not know: not scored


# --- output --------------------------------------------------------------------------------

def _line(name: str, t: Tally, has_events: bool) -> str:
    c = t.claims
    row = (f"{name:<34} {t.documents:>4} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
           f"{t.claimant_accuracy:>9.3f} {t.claim_claimant_recall:>9.3f}")
    if has_events:
        terr = t.territory
        row += (f" {terr.f1:>8.3f}" if terr.tp + terr.fn + terr.fp else f" {'-':>8}")
    return row


def format_report(report: EvalReport, show_lists: bool = True) -> str:
    lines = [
        f"documents: {len(report.docs)}",
        f"claims   precision {report.claims.precision:.3f}  recall {report.claims.recall:.3f}  "
        f"F1 {report.claims.f1:.3f}  (tp {report.claims.tp}, fp {report.claims.fp}, fn {report.claims.fn})",
        f"claimant accuracy {report.claimant_accuracy:.3f} on {report.claimant_total} matched claims",
        f"claim+claimant recall {report.claim_claimant_recall:.3f} "
        f"({report.claimant_correct} of {report.claims.tp + report.claims.fn} gold claims)",
    ]
    if report.has_events:
        t = report.territory
        lines.append(f"territory_change precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
                     f"(tp {t.tp}, fp {t.fp}, fn {t.fn})")
        lines.append(f"territory winner accuracy {report.winner_accuracy:.3f} on {report.winner_total} "
                     "matched changes with a gold winner")
    if len(report.by_conflict) > 1 or NO_CONFLICT not in report.by_conflict:
        head = f"{'by conflict':<34} {'docs':>4} {'P':>6} {'R':>6} {'F1':>6} {'claimant':>9} {'cl+claim':>9}"
        if report.has_events:
            head += f" {'terr F1':>8}"
        lines += ["", head]
        lines += [_line(name, t, report.has_events) for name, t in sorted(report.by_conflict.items())]
        lines.append(_line("all", report, report.has_events))
    if show_lists:
        for title, items in (("missed claims (gold: sentence)", report.missed),
                             ("extra claims [rule]: sentence", report.extra),
                             ("claimant differences (gold: got [rule])", report.wrong_claimant),
                             ("missed territory events", report.territory_missed),
                             ("extra territory events [rule]", report.territory_extra),
                             ("territory winner differences", report.wrong_winner)):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines)


def gate_failures(report: EvalReport, *, min_f1: float | None = None, min_claimant: float | None = None,
                  min_claim_claimant: float | None = None,
                  min_territory_f1: float | None = None,
                  min_territory_recall: float | None = None,
                  min_territory_precision: float | None = None) -> Sequence[str]:
    """Reasons the report falls below pinned floors (empty when it passes)."""
    out = []
    if min_f1 is not None and report.claims.f1 < min_f1:
        out.append(f"claims F1 {report.claims.f1:.3f} < {min_f1}")
    if min_claimant is not None and report.claimant_accuracy < min_claimant:
        out.append(f"claimant accuracy {report.claimant_accuracy:.3f} < {min_claimant}")
    if min_claim_claimant is not None and report.claim_claimant_recall < min_claim_claimant:
        out.append(f"claim+claimant recall {report.claim_claimant_recall:.3f} < {min_claim_claimant}")
    t = report.territory
    if report.has_events and min_territory_f1 is not None and t.f1 < min_territory_f1:
        out.append(f"territory F1 {t.f1:.3f} < {min_territory_f1}")
    if report.has_events and min_territory_recall is not None and t.recall < min_territory_recall:
        out.append(f"territory recall {t.recall:.3f} < {min_territory_recall}")
    if report.has_events and min_territory_precision is not None and t.precision < min_territory_precision:
        out.append(f"territory precision {t.precision:.3f} < {min_territory_precision}")
    return out


def run_gold_set(gold: GoldSet, db_path: str | Path, *, jobs: int = 1, on_input=None):
    """Ingest a gold set's articles (with their index metadata) into ``db_path``."""
    from .ingest import load_index
    from .pipeline import run

    if gold.articles is None:
        raise ValueError(f"{gold.gold_path}: no articles folder known for this gold file")
    index = load_index(gold.index) if gold.index else None
    if index is not None and not isinstance(index, dict):
        raise ValueError(str(index))
    return run(gold_article_paths(gold), db_path, jobs=jobs, index=index, on_input=on_input)


def gold_article_paths(gold: GoldSet) -> list[Path]:
    """The article inputs of a gold set: its articles folder, or the article files beside
    the gold file (not the index, which is metadata)."""
    from .ingest.readers import HTML_SUFFIXES, TEXT_SUFFIXES

    if gold.articles is None:
        return []
    if gold.articles != gold.gold_path.parent:
        return [gold.articles]
    return sorted(p for p in gold.articles.iterdir()
                  if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
