"""The matching rules of `sitrep eval` (DESIGN.md), on hand-made gold and claims."""

import json
from dataclasses import dataclass

import pytest

from sitrep.evaluate import evaluate


@dataclass
class C:
    doc: str
    quantity: str
    category: str
    value: int | None
    low: int | None = None
    high: int | None = None
    source: str | None = None
    source_kind: str = "unknown"
    sentence: str = ""


def _gold(tmp_path, claims):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": [{"doc": "d", "claims": claims}]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("gold,pred,matched", [
    ({"value": 412}, C("d", "killed", "total", 412), True),
    ({"value": 412}, C("d", "killed", "total", 413), False),
    ({"value": 412}, C("d", "injured", "total", 412), False),
    ({"value": 412}, C("d", "killed", "civilians", 412), False),
    ({"value": None, "qualifier": "hundreds"}, C("d", "killed", "total", None, 200, 999), True),
    ({"value": None, "qualifier": "hundreds"}, C("d", "killed", "total", None, 24, 99), False),
    ({"value": None, "qualifier": "between", "low": 10000, "high": 40000},
     C("d", "killed", "total", None, 10000, 40000), True),
])
def test_evaluate_matching_values(tmp_path, gold, pred, matched):
    spec = {"quantity": "killed", "category": "total", **gold}
    report = evaluate(_gold(tmp_path, [spec]), [pred])
    assert report.claims.tp == (1 if matched else 0)


@pytest.mark.parametrize("gold_source,pred_source,kind,correct", [
    ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "monitor", True),
    ("Syrian Observatory for Human Rights", "SOHR", "monitor", True),
    ("United Nations", "OCHA", "un", True),  # an agency's figure is the UN's
    ("opposition", "Hayat Tahrir al-Sham", "opposition", True),  # a side matches its claimants
    ("Syrian army", "Syrian state television", "government", False),
    (None, None, "unknown", True),
    (None, "United Nations", "un", False),
])
def test_evaluate_matching_claimants(tmp_path, gold_source, pred_source, kind, correct):
    spec = {"quantity": "killed", "category": "total", "value": 5, "source": gold_source}
    pred = C("d", "killed", "total", 5, 5, 5, pred_source, kind)
    report = evaluate(_gold(tmp_path, [spec]), [pred])
    assert report.claimant_total == 1 and (report.claimant_correct == 1) is correct


def test_evaluate_matching_repeated_figure_counts_once(tmp_path):
    spec = {"quantity": "killed", "category": "total", "value": 5}
    headline_and_body = [C("d", "killed", "total", 5, 5, 5), C("d", "killed", "total", 5, 5, 5)]
    report = evaluate(_gold(tmp_path, [spec]), headline_and_body)
    assert (report.claims.tp, report.claims.fp) == (1, 0)
