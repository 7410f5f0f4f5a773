"""Tallies: claims, claimants and territory changes of a set and of each conflict in it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..extract.claimant_files import load_claimants
from ..extract.claimants import ClaimantLexicon
from ..records.rows import ClaimRow, EventRow
from .gold import GoldEvent, GoldSet, load_gold_set
from .matching import claim_key, place_key, rule_of, show_value, value_matches, same_claimant

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


# --- scoring -------------------------------------------------------------------------------

def evaluate(gold_path: str | Path | GoldSet, claims: Iterable[ClaimRow], events: Iterable[EventRow] = (),
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
    groups: dict[tuple, list[ClaimRow]] = {}
    for c in claims:
        if c.doc in doc_set:
            groups.setdefault(claim_key(c), []).append(c)
    unmatched = list(groups)
    for g in gold.claims:
        tally = tallies[gold.conflicts[g.doc]]
        key = next((k for k in unmatched if k[0] == g.doc and k[1] == g.quantity and k[2] == g.category
                    and value_matches(g, groups[k][0])), None)
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
                f"{g.label()}: got {p.source or 'no source'} [{rule_of(p)}]: {p.sentence[:120]}")
    for key in unmatched:
        p = groups[key][0]
        tallies[gold.conflicts[p.doc]].claims.fp += 1
        report.extra.append(f"{p.doc} {p.quantity}/{p.category}={show_value(p)} ({p.source or 'no source'}) "
                            f"[{rule_of(p)}]: {p.sentence[:120]}")

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


def _score_territory(gold: GoldSet, gold_terr: list[GoldEvent], events: Iterable[EventRow], doc_set: set[str],
                     report: EvalReport, tallies: dict[str, Tally]) -> None:
    pred_terr: dict[tuple[str, str], EventRow] = {}
    for e in events:
        if e.type != "territory_change" or e.doc not in doc_set:
            continue
        # An event matches by the place as written or as the gazetteer names it.
        for name in (e.place_text, e.place):
            if name:
                pred_terr.setdefault((e.doc, place_key(name)), e)
    gold_keys = {(e.doc, place_key(e.place)) for e in gold_terr}
    hits = gold_keys & set(pred_terr)
    matched_events = {id(pred_terr[k]) for k in hits}
    extra = {id(e): (d, e) for (d, _), e in pred_terr.items() if id(e) not in matched_events}
    # Count each predicted event once, however many names it was filed under.
    extra_keys = {(d, place_key(e.place)) for d, e in extra.values()}
    gold_winner = {(e.doc, place_key(e.place)): e.winner for e in gold_terr}
    for key in sorted(hits):
        doc = key[0]
        tallies[gold.conflicts[doc]].territory.tp += 1
        want = _winner_side(gold_winner.get(key), pred_terr[key].country)
        if want is None:
            continue
        got = pred_terr[key].winner
        tallies[gold.conflicts[doc]].winner_total += 1
        if got == want:
            tallies[gold.conflicts[doc]].winner_correct += 1
        else:
            report.wrong_winner.append(f"{doc} {pred_terr[key].place}: gold {gold_winner[key]} ({want}), got {got} "
                                       f"[{pred_terr[key].rule or '?'}]")
    for doc, _ in gold_keys - hits:
        tallies[gold.conflicts[doc]].territory.fn += 1
    for doc, _ in extra_keys:
        tallies[gold.conflicts[doc]].territory.fp += 1
    gold_names = {(e.doc, place_key(e.place)): e.place for e in gold_terr}
    report.territory_missed = sorted(f"{d} {gold_names[(d, p)]}" for d, p in gold_keys - hits)
    report.territory_extra = sorted({f"{d} {e.place} [{e.rule or '?'}]" for d, e in extra.values()})


def _winner_side(winner: str | None, country: str | None = None) -> str | None:
    """A gold winner as a side: a side as written, or the side of the named group ("RSF").
    A state's forces are the government's in their own state and foreign elsewhere: the
    place's ``country`` (ISO-2) says which ("Croatian Army" taking a Croatian town, "Belgian
    paratroopers" at Stanleyville)."""
    if not winner:
        return None
    low = winner.strip().lower()
    if low in ("government", "opposition", "foreign", "rebels"):
        return "opposition" if low == "rebels" else low
    from ..extract.actors import load_actors

    for match in load_actors().match(winner, [country] if country else ()):
        if match.actor.side in ("government", "opposition", "foreign"):
            return match.actor.side
    return None  # a group the lexicon does not know: not scored


