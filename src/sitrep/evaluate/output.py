"""The printed report, the quality gate's floors, and running Sitrep on a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .gold import NO_CONFLICT, GoldSet, gold_article_paths
from .scoring import EvalReport, Tally

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
    from ..ingest import load_index
    from ..pipeline import run

    if gold.articles is None:
        raise ValueError(f"{gold.gold_path}: no articles folder known for this gold file")
    index = load_index(gold.index) if gold.index else None
    if index is not None and not isinstance(index, dict):
        raise ValueError(str(index))
    return run(gold_article_paths(gold), db_path, jobs=jobs, index=index, on_input=on_input)

