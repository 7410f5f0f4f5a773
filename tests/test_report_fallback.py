"""A reconcile step that is missing or raises does not lose the report: it is noted."""

from __future__ import annotations

import pytest

from report_synth import extractions
from sitrep.publish import report_adapt
from sitrep.publish.report import write_report
from sitrep.store import open_db


@pytest.fixture()
def store(tmp_path):
    s = open_db(tmp_path / "r.duckdb")
    s.write_many(extractions(12))
    yield s
    s.close()


def test_report_fallback_when_steps_raise(store, tmp_path, monkeypatch):
    real = report_adapt.importlib.import_module

    class Broken:
        def __getattr__(self, name):
            def boom(*args, **kwargs):
                raise RuntimeError(f"{name} exploded")
            return boom

    def fake(name, *args):
        if name.startswith("sitrep.reconcile.") and not name.endswith("copies"):
            return Broken()
        return real(name, *args)

    monkeypatch.setattr(report_adapt.importlib, "import_module", fake)
    stats = write_report(store, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert any("exploded" in n for n in stats.notes)
    assert '<section id="notes">' in html and "exploded" in html
    assert "<polyline" in html  # charts from the fallback series
    assert 'class="card-value"' in html  # headline from the fallback estimates


def test_report_fallback_when_module_missing(store, tmp_path, monkeypatch):
    real = report_adapt.importlib.import_module

    def fake(name, *args):
        if name == "sitrep.reconcile.framing":
            raise ImportError("no module named framing")
        return real(name, *args)

    monkeypatch.setattr(report_adapt.importlib, "import_module", fake)
    stats = write_report(store, tmp_path / "r.html")
    assert any(n.startswith("framing:") and "not available" in n for n in stats.notes)


def test_report_fallback_simple_estimates_prefers_monitor(store):
    claims = store.claims()
    for e in report_adapt.simple_estimates(claims):
        assert e.low <= e.best <= e.high
        assert e.claimants
