"""The matching rules of `sitrep eval` (DESIGN.md), on hand-made gold and claims."""

import json

import pytest

from conftest import claim_row, event_row
from sitrep.evaluate import evaluate


C = claim_row  # (doc, quantity, category, value, low, high, source, source_kind)


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


@pytest.mark.parametrize("gold_source,pred_source,correct", [
    ("Azerbaijani Health Ministry", "Azerbaijani Ministry of Health", True),  # Karabakh
    ("Azerbaijani government", "Azerbaijan", True),  # a state's own statement
    ("Kamal Adam", "surgeon Kamal Adam", True),  # Sudan: a role before the name
    ("mayor of Saint-Marc", "Saint-Marc mayor's office", False),  # Haiti: not the same words
    ("diplomatic source", "diplomatic source and a Yemeni NGO", False),  # two parties
    # an "and" inside the shorter name is the name's own (Ukraine 2014)
    ("Ukrainian National Security and Defence Council", "National Security and Defence Council", True),
    ("National Security and Defence Council", "National Security and Defence Council and a Donetsk official", False),
    ("Ukrainian General Staff", "Russian Defence Ministry", False),
    ("Gaza Health Ministry", "Palestinian Health Ministry", True),  # its name in Gaza stories
    # a state's armed force under its usual names is one body (Kenya, Egypt, Sudan)
    ("Kenya Defence Forces", "Kenyan army", True),
    ("Egyptian Armed Forces", "Egyptian military", True),
    ("Sudanese Armed Forces", "Sudanese army", True),
    ("Sudanese Armed Forces", "South Sudanese army", False),
    ("Sudanese Armed Forces", "Rapid Support Forces", False),
    # a state's body or people with the state written either way (Dominican Republic 1965,
    # Korea 1951, Algeria 1997); a state alone is its government, no body of it
    ("United States Embassy", "American Embassy", True),
    ("unnamed Australian staff officer", "Australian staff officer", True),
    ("Algerian newspapers", "Several Algerian newspapers", True),
    ("Israel Defense Forces", "Israeli government", False),
    ("United States Embassy", "British Embassy", False),
])
def test_evaluate_matching_claimant_spellings(tmp_path, gold_source, pred_source, correct):
    spec = {"quantity": "killed", "category": "total", "value": 5, "source": gold_source}
    pred = C("d", "killed", "total", 5, 5, 5, pred_source, "government")
    report = evaluate(_gold(tmp_path, [spec]), [pred])
    assert (report.claimant_correct == 1) is correct


def test_evaluate_claim_claimant_recall_and_conflicts(tmp_path):
    docs = [
        {"doc": "a", "conflict": "Sudan 2023-", "claims": [
            {"quantity": "killed", "category": "total", "value": 10, "source": "United Nations"},
            {"quantity": "injured", "category": "total", "value": 20, "source": "United Nations"}]},
        {"doc": "b", "conflict": "Myanmar 2021-", "claims": [
            {"quantity": "displaced", "category": "total", "value": 3000, "source": None}]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": docs}), encoding="utf-8")
    preds = [C("a", "killed", "total", 10, 10, 10, "OCHA", "un"),
             C("a", "injured", "total", 20, 20, 20, "Sudanese army", "government"),
             C("b", "displaced", "total", 3000, 3000, 3000, None),
             C("b", "killed", "total", 4, 4, 4, None)]
    report = evaluate(path, preds)
    assert (report.claims.tp, report.claims.fp, report.claims.fn) == (3, 1, 0)
    assert report.claimant_correct == 2 and report.claim_claimant_recall == pytest.approx(2 / 3)
    assert report.by_conflict["Sudan 2023-"].claim_claimant_recall == pytest.approx(0.5)
    assert report.by_conflict["Myanmar 2021-"].claims.fp == 1


def test_evaluate_repeated_figure_matches_its_attributed_copy(tmp_path):
    """A headline and the body state one figure: the copy with the claimant is matched."""
    spec = {"quantity": "killed", "category": "total", "value": 45, "source": "Gaza Health Ministry"}
    preds = [C("d", "killed", "total", 45, 45, 45, None),
             C("d", "killed", "total", 45, 45, 45, "Gaza Health Ministry", "government")]
    report = evaluate(_gold(tmp_path, [spec]), preds)
    assert report.claims.fp == 0 and report.claimant_correct == 1


def test_evaluate_gold_folder_with_index(tmp_path):
    from sitrep.evaluate import gold_article_paths, load_gold_set

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x1.txt").write_text("Nine people were killed.", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text(json.dumps({"file": "x1.txt", "conflict": "Haiti gangs"}) + "\n")
    (tmp_path / "gold.json").write_text(json.dumps({"documents": [{"doc": "x1", "claims": []}]}))
    gold = load_gold_set(tmp_path)
    assert gold.conflicts == {"x1": "Haiti gangs"}
    assert gold_article_paths(gold) == [tmp_path / "articles"]


E = event_row  # (doc, type, place, winner)


def test_evaluate_territory_winner_accuracy(tmp_path):
    docs = [{"doc": "d", "claims": [], "events": [
        {"type": "territory_change", "place": "Wad Madani", "winner": "RSF"},        # a named group: its side
        {"type": "territory_change", "place": "Lashio", "winner": "opposition"},      # a side as written
        {"type": "territory_change", "place": "Kupiansk", "winner": "government"},
        {"type": "territory_change", "place": "Goma"},                                 # no winner: not scored
    ]}]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": docs}), encoding="utf-8")
    preds = [E("d", "territory_change", "Wad Madani", "opposition"),
             E("d", "territory_change", "Lashio", "government"),
             E("d", "territory_change", "Kupiansk", "government"),
             E("d", "territory_change", "Goma", None)]
    report = evaluate(path, [], preds)
    assert (report.winner_correct, report.winner_total) == (2, 3)
    assert report.territory.tp == 4
    assert len(report.wrong_winner) == 1 and "Lashio" in report.wrong_winner[0]


@pytest.mark.parametrize("a,b", [
    # a possessive names the same place as the name before the noun (Burundi 2015, Mali, Iraq)
    ("Bujumbura's international airport", "Bujumbura international airport"),
    ("Kidal’s airport", "Kidal airport"),
    ("Mosul's old city", "Mosul old city"),
])
def test_evaluate_place_key_reads_a_possessive_as_the_name(a, b):
    from sitrep.evaluate.matching import place_key

    assert place_key(a) == place_key(b)


def test_evaluate_place_key_keeps_names_apart():
    from sitrep.evaluate.matching import place_key

    assert place_key("Kidal airport") != place_key("Gao airport")
