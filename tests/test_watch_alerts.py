"""Alert rules over the stored record (series, territory events, contradictions), on stores
written from hand-made claims and events: no spaCy, no network."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.records import Article, Claim, Event, Extraction, Place, PlaceMention, content_id
from sitrep.store import open_db
from sitrep.watch.alert_rows import read_alerts
from sitrep.watch.alerts import Alert, Evidence, compute_alerts, format_alert, plain, subject_line
from sitrep.watch.config import parse_config
from sitrep.watch.state import WatchState

SOHR = ("Syrian Observatory for Human Rights", "monitor")
SNHR = ("Syrian Network for Human Rights", "monitor")
HAMA = Place("Hama", 35.13, 36.75, "SY", "Hama", 170017)


def _claim(doc: str, value: int, day: date, who=SOHR, quantity="killed", category="total") -> Claim:
    sentence = f"The {who[0]} said {value} people had been killed in the offensive ({doc})."
    start = sentence.index(str(value))
    return Claim(id=content_id(doc, who[0], value, quantity, category), doc=doc, quantity=quantity,
                 category=category, value=value, low=value, high=value, qualifier=None, source=who[0],
                 source_kind=who[1], sentence=sentence, start=start, end=start + len(str(value)),
                 sentence_start=0, rule="test", as_of=day)


def _capture(doc: str, winner: str, day: date, source: str = "the army") -> Event:
    sentence = f"{winner.title()} forces took Hama on that day, {source} said ({doc})."
    return Event(id=content_id(doc, "hama", winner), doc=doc, type="territory_change", sentence=sentence,
                 start=0, end=5, sentence_start=0, rule="test", winner=winner,
                 place=PlaceMention(doc, "Hama", 20, 24, HAMA, 1, "test"), date=day, source=source)


def _write(db, doc: str, day: date, claims=(), events=(), outlet="Orontes Wire") -> None:
    text = " ".join([c.sentence for c in claims] + [e.sentence for e in events]) + f" Report {doc} ends."
    article = Article(id=doc, text=text, content_hash=content_id("text", text), outlet=outlet, published=day,
                      url=f"https://news.example.org/{doc}.html")
    with open_db(db) as store:
        store.write_many([Extraction(article, list(claims), list(events))])


def _rules(*rules: dict):
    return parse_config({"source": [{"feed": "https://a.example/rss.xml"}], "alert": list(rules)}).rules


def _alerts(db, rules, new: set[str]) -> list[Alert]:
    with open_db(db) as store:
        return compute_alerts(store, rules, new)


D3, D4, D5 = date(2024, 12, 3), date(2024, 12, 4), date(2024, 12, 5)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.duckdb"
    _write(path, "old", D3, [_claim("old", 602, D3)])
    return path


def test_alerts_figure_rise_says_from_what_to_what(db) -> None:
    _write(db, "new", D4, [_claim("new", 704, D4)])
    rules = _rules({"name": "toll", "quantity": "killed", "rise_percent": 10})
    (alert,) = _alerts(db, rules, {"new"})
    assert (alert.rule, alert.kind, alert.before, alert.after) == ("toll", "figure", "602 (2024-12-03)",
                                                                   "704 (2024-12-04)")
    assert "raised its count of people killed from 602" in alert.summary and "+17%" in alert.summary
    old, new = alert.evidence
    assert (old.doc, new.doc) == ("old", "new") and "602" in old.sentence and "704" in new.sentence
    assert new.url == "https://news.example.org/new.html"
    assert new.link == f"/articles/new#m-{new.ref}"
    assert [a.id for a in _alerts(db, rules, {"new"})] == [alert.id]  # stable id


def test_alerts_figure_rules_filter_and_thresholds(db) -> None:
    _write(db, "new", D4, [_claim("new", 640, D4)])
    assert _alerts(db, _rules({"quantity": "killed", "rise_percent": 10}), {"new"}) == []  # +6 %
    (crossed,) = _alerts(db, _rules({"quantity": "killed", "crosses": [500, 625, 1000]}), {"new"})
    assert crossed.summary.endswith("crossed 625.")
    assert _alerts(db, _rules({"claimant": "united nations", "crosses": 625}), {"new"}) == []
    assert _alerts(db, _rules({"category": "civilians", "crosses": 625}), {"new"}) == []
    assert len(_alerts(db, _rules({"claimant": "OBSERVATORY", "crosses": 625}), {"new"})) == 1


def test_alerts_figure_repeated_or_older_is_no_change(db) -> None:
    _write(db, "repeat", D3, [_claim("repeat", 602, D3)], outlet="Another Wire")
    _write(db, "backfill", date(2024, 12, 1), [_claim("backfill", 300, date(2024, 12, 1))])
    rules = _rules({"quantity": "killed", "rise_percent": 1})
    assert _alerts(db, rules, {"repeat", "backfill"}) == []


def test_alerts_figure_first_figure_crossing_from_nothing(tmp_path) -> None:
    db = tmp_path / "b.duckdb"
    _write(db, "first", D4, [_claim("first", 1200, D4, who=SNHR)])
    (alert,) = _alerts(db, _rules({"crosses": 1000}), {"first"})
    assert alert.before is None and alert.after == "1,200 (2024-12-04)"
    assert len(alert.evidence) == 1


def test_alerts_new_claimant_once(db) -> None:
    _write(db, "snhr", D4, [_claim("snhr", 650, D4, who=SNHR)])
    _write(db, "again", D4, [_claim("again", 610, D4)])
    rules = _rules({"type": "new_claimant"})
    (alert,) = _alerts(db, rules, {"snhr", "again"})
    assert alert.subject == SNHR[0] and "reports for the first time" in alert.summary and alert.before is None
    assert _alerts(db, _rules({"type": "new_claimant", "kinds": ["un"]}), {"snhr"}) == []


def test_alerts_control_change_of_hands(tmp_path) -> None:
    db = tmp_path / "c.duckdb"
    _write(db, "held", D3, events=[_capture("held", "government", D3)])
    _write(db, "taken", D5, events=[_capture("taken", "opposition", D5, "the rebels' command")])
    _write(db, "echo", D5, events=[_capture("echo", "opposition", D5, "a monitor")])
    rules = _rules({"type": "control", "contradictions": False})
    (alert,) = _alerts(db, rules, {"taken", "echo"})
    assert alert.subject == "control of Hama"
    assert alert.before.startswith("government took Hama (2024-12-03")
    assert alert.after.startswith("opposition took Hama (2024-12-05")
    assert "changed hands" in alert.summary and alert.evidence[0].link == "/articles/held"
    assert alert.evidence[-1].link in ("/articles/taken", "/articles/echo")  # one alert for both
    assert _alerts(db, _rules({"type": "control", "place": "Homs"}), {"taken"}) == []
    with_contradictions = _alerts(db, _rules({"type": "control"}), {"taken", "echo"})
    assert any(a.summary.startswith("New control contradiction") for a in with_contradictions)


def test_alerts_new_contradiction_of_chosen_kind(db) -> None:
    _write(db, "other", D3, [_claim("other", 1900, D3, who=SNHR)])
    rules = _rules({"type": "contradiction", "kinds": ["genuine"]})
    (alert,) = _alerts(db, rules, {"other"})
    assert alert.kind == "contradiction" and alert.summary.startswith("New genuine contradiction")
    assert "602" in alert.before and "1,900" in alert.after
    assert _alerts(db, _rules({"type": "contradiction", "kinds": ["partisan"]}), {"other"}) == []
    assert _alerts(db, rules, set()) == []


def test_alerts_recorded_once_and_read_back(db) -> None:
    _write(db, "new", D4, [_claim("new", 704, D4)])
    rules = _rules({"name": "toll", "rise_percent": 10})
    with open_db(db) as store:
        state = WatchState(store)
        alerts = compute_alerts(store, rules, state.unseen_docs())
        assert len(state.record_alerts(alerts, {"old", "new"}, ["terminal", "jsonl"])) == 1
        assert state.record_alerts(compute_alerts(store, rules, {"new"}), set(), ["terminal"]) == []
        assert state.unseen_docs() == set()
        pending = state.pending(["terminal", "jsonl"])
        assert [(a.id, ch) for a, ch, _ in pending] == [(alerts[0].id, "jsonl"), (alerts[0].id, "terminal")]
        state.delivered(alerts[0].id, "terminal")
        state.delivery_failed(alerts[0].id, "jsonl", "disk full")
        found, total = read_alerts(store, kind="figure")
    assert total == 1 and found[0].deliveries == {"terminal": "sent", "jsonl": "failed: disk full"}
    assert found[0].evidence[1].sentence.startswith("The Syrian Observatory") and found[0].created_at
    assert read_alerts(open_db(db, read_only=True), rule="nothing")[1] == 0


def test_alerts_untrusted_text_is_made_plain() -> None:
    evil = "Toll \x1b]8;;http://x\x07rises\x1b[2J\u202e to 704\r\nSubject: spoof"
    alert = Alert("id1", "toll", "figure", evil, evil, None, evil,
                  [Evidence("d", evil, "https://x.example/a", D4, evil, evil, "r1", "/articles/d#m-r1")])
    text = format_alert(alert)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\r" not in text
    assert "Subject: spoof" in text.splitlines()[0]  # kept as text, on the same line
    assert "\n" not in subject_line(alert) and len(subject_line(alert)) <= 150
    assert plain("a\nb", one_line=False) == "a\nb"
    assert json.loads(json.dumps(alert.as_dict()))["subject"] == evil  # JSON escapes, keeps
