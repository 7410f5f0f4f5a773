"""`sitrep watch` end to end against sites on loopback: items appearing over polls, a toll
revised on a live page (one alert, both figures, every channel), failures that never stop
the watch, a stop or a kill in the middle of a pass, the CLI and the web app's alerts page."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from watch_servers import Site, SmtpReceiver, article_html, require_watch_extra, rss

require_watch_extra()

from sitrep.store import open_db  # noqa: E402
from sitrep.watch.config import parse_config  # noqa: E402
from sitrep.watch.passes import page_doc_id  # noqa: E402
from sitrep.watch.runner import Watcher  # noqa: E402
from sitrep.watch.state import WatchState  # noqa: E402

pytestmark = pytest.mark.slow  # the spaCy model extracts every stored page

SRC = Path(__file__).resolve().parents[1] / "src"
# Fast and polite enough for loopback: no per-host delay, short timeouts and backoff.
FAST_FETCH = {"host_delay": 0, "timeout": 0.5, "retries": 1, "backoff": 0.01, "max_mb": 0.25}
DAY = "Wed, 04 Dec 2024 10:00:00 GMT"


def toll_page(killed: int, civilians: int, *, day: str = "2024-12-04", town: str = "Hama") -> str:
    return article_html(
        f"Monitor raises toll as rebels close in on {town}", day,
        [f"The Syrian Observatory for Human Rights said on Wednesday that {killed:,} people had been killed "
         f"since the offensive began, including {civilians} civilians.",
         f"Fighting continued on the outskirts of {town} on Wednesday, residents said.",
         "Around 50,000 people have been displaced since the end of November, the UN said."])


def other_page(n: int) -> str:
    return article_html(
        f"Aid convoys reach the north ({n})", "2024-12-03",
        [f"At least {10 + n} people were killed in an air strike on a market in Idlib on Tuesday, "
         "the Syrian Civil Defence said.",
         "Aid agencies said they had reached the city with food and medicine for the first time in a week."])


@pytest.fixture
def site():
    s = Site()
    s.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    yield s
    s.close()


def _config(tmp_path: Path, sources: list[dict], *, rules: list[dict] | None = None, deliver: dict | None = None,
            **top):
    return parse_config({"source": sources, "fetch": FAST_FETCH,
                         "alert": rules if rules is not None else [{"name": "toll", "quantity": "killed",
                                                                    "rise_percent": 10}],
                         "deliver": deliver or {"jsonl": str(tmp_path / "alerts.jsonl")}, **top},
                        tmp_path / "watch.toml")


def _once(config, db: Path, lines: list[str] | None = None):
    with Watcher(config, db, write=(lines.append if lines is not None else lambda _: None)) as w:
        (summary,) = w.run(once=True)
    return summary


def _articles(db: Path) -> list[str]:
    with open_db(db, read_only=True) as store:
        return sorted(a.id for a in store.articles())


def test_watch_feed_items_appear_over_polls(site, tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/a1.html", other_page(1))
    site.set("/feed.xml", rss([("One", site.url("/a1.html"), DAY)]), content_type="application/rss+xml",
             etag='"1"')
    config = _config(tmp_path, [{"feed": site.url("/feed.xml"), "outlet": "Orontes Wire"}])
    first = _once(config, db)
    assert (first.new, first.baseline, sum(first.failures.values())) == (1, 1, 0)

    site.set("/a2.html", other_page(2))
    site.set("/feed.xml", rss([("Two", site.url("/a2.html"), "Thu, 05 Dec 2024 10:00:00 GMT"),
                               ("One", site.url("/a1.html"), DAY)]), content_type="application/rss+xml", etag='"2"')
    second = _once(config, db)
    assert (second.new, second.known, second.baseline) == (1, 1, None)
    assert len(site.requests("/a1.html")) == 1  # a stored article is not fetched again

    third = _once(config, db)  # the feed has not changed: 304, nothing fetched
    assert (third.listings_not_modified, third.new, third.items) == (1, 0, 0)
    assert site.requests("/feed.xml")[-1].headers.get("If-None-Match") == '"2"'
    assert len(site.requests("/a2.html")) == 1
    assert _articles(db) == sorted([page_doc_id(site.url("/a1.html")), page_doc_id(site.url("/a2.html"))])
    with open_db(db, read_only=True) as store:
        outlets = {a.outlet for a in store.articles()}
        assert outlets == {"Orontes Wire"}
        assert store.counts().claims >= 2


def test_watch_news_sitemap_index_and_url_list(site, tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/n1.html", other_page(11))
    site.set("/n2.html", other_page(12))
    site.set("/sitemap-index.xml", f"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{site.url("/sitemap-news.xml")}</loc><lastmod>2024-12-05</lastmod></sitemap></sitemapindex>""",
             content_type="application/xml")
    site.set("/sitemap-news.xml", f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{site.url("/n1.html")}</loc><news:news><news:publication><news:name>Sitemap News</news:name>
</news:publication><news:publication_date>2024-12-05</news:publication_date></news:news></url></urlset>""",
             content_type="application/xml", etag='"s1"')
    (tmp_path / "pages.txt").write_text(f"# followed by hand\n{site.url('/n2.html')}\n", encoding="utf-8")
    config = _config(tmp_path, [{"sitemap": site.url("/sitemap-index.xml")}, {"list": "pages.txt"}])
    summary = _once(config, db)
    assert summary.new == 2 and sum(summary.failures.values()) == 0
    with open_db(db, read_only=True) as store:
        by_url = {a.url: a for a in store.articles()}
    assert by_url[site.url("/n1.html")].outlet == "Sitemap News"
    assert by_url[site.url("/n1.html")].published.isoformat() == "2024-12-05"
    again = _once(config, db)
    assert (again.new, again.known) == (0, 1) and again.listings_not_modified == 0
    assert site.requests("/sitemap-news.xml")[-1].headers.get("If-None-Match") == '"s1"'


def test_watch_revised_toll_alerts_once_on_every_channel(site, tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    smtp = SmtpReceiver()
    try:
        site.set("/hook", "ok", content_type="text/plain")
        site.set("/live/hama.html", toll_page(602, 104), etag='"v1"')
        config = _config(tmp_path, [{"urls": [site.url("/live/hama.html")]}], deliver={
            "jsonl": str(tmp_path / "alerts.jsonl"), "webhook": site.url("/hook"),
            "email": {"host": "127.0.0.1", "port": smtp.port, "from": "sitrep@example.org",
                      "to": ["desk@example.org"], "timeout": 5}},
            report=str(tmp_path / "report.html"))
        lines: list[str] = []
        assert _once(config, db, lines).new == 1
        assert _once(config, db, lines).not_modified == 1  # If-None-Match: 304
        site.set("/live/hama.html", toll_page(704, 110), etag='"v2"')
        revised = _once(config, db, lines)
        assert (revised.revised, len(revised.alerts), revised.delivered) == (1, 1, 4)
        for _ in range(2):  # polled again, then restarted: nothing new, nothing sent twice
            again = _once(config, db, lines)
            assert (again.revised, again.alerts, again.delivered) == (0, [], 0)

        (alert,) = revised.alerts
        assert (alert.before, alert.after) == ("602 (2024-12-04)", "704 (2024-12-04)")
        assert [("602" in e.sentence, "704" in e.sentence) for e in alert.evidence] == [(True, False), (False, True)]
        base = page_doc_id(site.url("/live/hama.html"))
        assert [e.doc for e in alert.evidence] == [base, f"{base}-v2"]
        with open_db(db, read_only=True) as store:
            assert WatchState(store).versions(site.url("/live/hama.html")) == [(base, 1, None), (f"{base}-v2", 2, base)]

        terminal = [t for t in lines if t.startswith("ALERT")]
        assert len(terminal) == 1 and "from: 602 (2024-12-04)" in terminal[0] and "to:   704" in terminal[0]
        jsonl = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(x)["id"] for x in jsonl] == [alert.id]
        posts = site.requests("/hook")
        assert len(posts) == 1 and json.loads(posts[0].body)["after"] == "704 (2024-12-04)"
        assert posts[0].headers["Idempotency-Key"] == alert.id
        (mail,) = smtp.messages
        assert mail[1] == ["desk@example.org"] and b"Subject: Sitrep alert [toll]" in mail[2]
        assert b"from: 602 (2024-12-04)" in mail[2]
        assert (tmp_path / "report.html").stat().st_size > 10_000
    finally:
        smtp.close()


def test_watch_failures_are_counted_and_never_stop_it(site, tmp_path, caplog) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/down.xml", "oops", status=500, content_type="text/plain")
    site.set("/hangs.xml", hang=True)
    site.set("/broken.xml", "<rss><channel><title>Broken & <<<", content_type="application/rss+xml")
    site.set("/huge.html", "<html><body>" + "x" * 400_000 + "</body></html>")
    site.set("/private/a.html", other_page(9))
    site.set("/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    site.set("/good.html", other_page(3))
    items = [(n, site.url(p), DAY) for n, p in (("huge", "/huge.html"), ("private", "/private/a.html"),
                                                 ("pdf", "/report.pdf"), ("gone", "/gone.html"),
                                                 ("good", "/good.html"))]
    site.set("/feed.xml", rss(items), content_type="application/rss+xml")
    config = _config(tmp_path, [{"feed": site.url(p)} for p in ("/down.xml", "/hangs.xml", "/broken.xml",
                                                                "/feed.xml")])
    with caplog.at_level(logging.WARNING, logger="sitrep.watch"):
        summary = _once(config, db)
    assert summary.new == 1 and _articles(db) == [page_doc_id(site.url("/good.html"))]
    assert dict(summary.failures) == {"http_5xx": 1, "timeout": 1, "malformed_feed": 1, "oversize": 1,
                                      "robots": 1, "not_html": 1, "http_4xx": 1}
    failure_lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(failure_lines) == 7 and all("\n" not in x for x in failure_lines)
    assert any(x.startswith("robots: ") and "/private/a.html" in x for x in failure_lines)
    assert site.requests("/private/a.html") == []
    with open_db(db, read_only=True) as store:
        counters = WatchState(store).counters()
    assert sum(counters.values()) == 7

    again = _once(config, db)  # what may pass is asked again; what will not is left alone
    assert len(site.requests("/huge.html")) == 1 and len(site.requests("/report.pdf")) == 1
    assert len(site.requests("/down.xml")) == 4  # two tries per pass
    assert again.failures["http_5xx"] == 1


def test_watch_stop_finishes_the_article_in_hand(site, tmp_path, monkeypatch) -> None:
    from sitrep.watch import page_store

    db = tmp_path / "w.duckdb"
    for i in range(4):
        site.set(f"/s{i}.html", other_page(i))
    site.set("/feed.xml", rss([(f"S{i}", site.url(f"/s{i}.html"), DAY) for i in range(4)]),
             content_type="application/rss+xml")
    config = _config(tmp_path, [{"feed": site.url("/feed.xml")}])
    real = page_store.store_articles
    watcher = Watcher(config, db)

    def stop_while_storing(articles, path, **kwargs):
        watcher.stop.set()  # Ctrl-C while the first article is being extracted and stored
        return real(articles, path, **kwargs)

    monkeypatch.setattr(page_store, "store_articles", stop_while_storing)
    with watcher:
        (summary,) = watcher.run(once=True)
    assert summary.stopped and summary.new == 1 and len(_articles(db)) == 1
    monkeypatch.setattr(page_store, "store_articles", real)
    resumed = _once(config, db)  # the listing is read again in full: the rest comes in
    assert resumed.new == 3 and len(_articles(db)) == 4


def test_watch_killed_anywhere_loses_nothing_and_repeats_nothing(site, tmp_path, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/hook", "ok", content_type="text/plain")
    site.set("/live.html", toll_page(602, 104))
    config = _config(tmp_path, [{"urls": [site.url("/live.html")]}],
                     deliver={"jsonl": str(tmp_path / "alerts.jsonl"), "webhook": site.url("/hook")})
    _once(config, db)
    site.set("/live.html", toll_page(704, 110))

    # killed after the new version was stored, before the page's state was: restarted, the
    # stored article is recognised (no duplicate) and linked as version 2
    real_stored = WatchState.page_stored

    def killed(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(WatchState, "page_stored", killed)
    with pytest.raises(KeyboardInterrupt):
        _once(config, db)
    monkeypatch.setattr(WatchState, "page_stored", real_stored)

    # killed after the alert was recorded, before it was delivered: sent once on restart
    monkeypatch.setattr(Watcher, "_deliver", lambda self, summary: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        _once(config, db)
    monkeypatch.undo()
    restarted = _once(config, db)
    assert restarted.delivered == 3 and restarted.alerts == []  # terminal, JSONL, webhook
    base = page_doc_id(site.url("/live.html"))
    assert _articles(db) == [base, f"{base}-v2"]
    assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 1
    assert len(site.requests("/hook")) == 1
    assert _once(config, db).delivered == 0


def test_watch_killed_then_page_changed_again_keeps_every_version(site, tmp_path, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/live.html", toll_page(602, 104))
    config = _config(tmp_path, [{"urls": [site.url("/live.html")]}], rules=[])
    _once(config, db)
    site.set("/live.html", toll_page(704, 110))
    real_stored = WatchState.page_stored
    monkeypatch.setattr(WatchState, "page_stored", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):  # version 2 stored, not noted
        _once(config, db)
    monkeypatch.setattr(WatchState, "page_stored", real_stored)
    site.set("/live.html", toll_page(733, 112))
    assert _once(config, db).revised == 1
    base = page_doc_id(site.url("/live.html"))
    with open_db(db, read_only=True) as store:
        assert WatchState(store).versions(site.url("/live.html")) == [
            (base, 1, None), (f"{base}-v2", 2, base), (f"{base}-v3", 3, f"{base}-v2")]
        figures = {c.doc: c.value for c in store.claims(quantity="killed", category="total")}
    assert figures == {base: 602, f"{base}-v2": 704, f"{base}-v3": 733}


def _cli(args: list[str], cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-m", "sitrep.cli", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(predicate, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def _kill_config(site: Site, folder: Path) -> Path:
    (folder / "watch.toml").write_text(
        f'db = "w.duckdb"\ninterval = "1h"\nalerts_on_first_pass = true\n'
        f'[fetch]\nhost_delay = 0\ntimeout = 60\nretries = 0\n'
        f'[[source]]\nfeed = "{site.url("/feed.xml")}"\n[[alert]]\ntype = "new_claimant"\n'
        f'[deliver]\nterminal = false\njsonl = "alerts.jsonl"\n', encoding="utf-8")
    return folder / "watch.toml"


def test_watch_cli_killed_with_sigkill_goes_on_where_it_was(site, tmp_path) -> None:
    """A real `sitrep watch` process killed with SIGKILL in the middle of a pass: the next
    start stores what was left, nothing twice, and sends each alert once."""
    for i in range(3):
        site.set(f"/k{i}.html", other_page(i))
    site.set("/slow.html", other_page(7), delay=30)  # the pass is in the middle of this one
    site.set("/feed.xml", rss([(f"K{i}", site.url(f"/k{i}.html"), DAY) for i in range(3)]
                              + [("slow", site.url("/slow.html"), DAY)]), content_type="application/rss+xml")
    config = _kill_config(site, tmp_path)
    db = tmp_path / "w.duckdb"
    process = _cli(["watch", "watch.toml"], tmp_path)
    try:
        _wait_for(lambda: bool(site.requests("/slow.html")) and _stored(db) >= 1, 120)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        process.kill()
        process.communicate()
    site.set("/slow.html", other_page(7))
    before = _stored(db)
    assert 1 <= before <= 3  # killed with some pages stored, the slow one not
    from sitrep.watch.config import load_config

    restarted = _once(load_config(config), db)
    # a page stored just before the kill but not noted is recognised, not stored again
    assert _stored(db) == 4 and restarted.new == 4 - before and restarted.recovered <= before
    with open_db(db, read_only=True) as store:  # each page one version, none stored twice
        assert store.connection.execute("SELECT count(*), count(DISTINCT url), max(version) "
                                        "FROM watch_versions").fetchone() == (4, 4, 1)
    assert all(len(site.requests(f"/k{i}.html")) <= 2 for i in range(3))
    ids = _alert_ids(tmp_path)
    assert len(ids) == len(set(ids)) == 1  # the Civil Defence reports for the first time, once
    assert _once(load_config(config), db).delivered == 0


def test_watch_cli_ctrl_c_stops_cleanly(site, tmp_path) -> None:
    import threading

    from typer.testing import CliRunner

    from sitrep.cli import app

    site.set("/k0.html", other_page(0))
    site.set("/feed.xml", rss([("K0", site.url("/k0.html"), DAY)]), content_type="application/rss+xml")
    _kill_config(site, tmp_path)
    db = tmp_path / "w.duckdb"

    def interrupt_after_the_pass() -> None:
        # (the file, not the database: one process cannot open it both ways at once)
        _wait_for(lambda: bool(_alert_ids(tmp_path)), 60)
        os.kill(os.getpid(), signal.SIGINT)

    helper = threading.Thread(target=interrupt_after_the_pass, daemon=True)
    helper.start()
    result = CliRunner().invoke(app, ["watch", str(tmp_path / "watch.toml"), "--db", str(db)])
    helper.join(5)
    assert result.exit_code == 0, result.output
    assert "stopping after the current article" in result.output
    assert "the next start goes on from here" in result.output
    assert "pass: 1 source polled, 1 new" in result.output
    example = next(c.epilog for c in app.registered_commands if c.callback.__name__ == "alerts")
    words = example.removeprefix("Example: sitrep ").split()  # the help's example, as written
    shown = CliRunner().invoke(app, [*words, "--db", str(db)])
    assert shown.exit_code == 0 and "reports for the first time" in shown.output and "jsonl sent" in shown.output
    assert "1 alert shown" in shown.output
    as_json = CliRunner().invoke(app, ["alerts", "--db", str(db), "--json", "--kind", "new_claimant"])
    assert json.loads(as_json.output.splitlines()[0])["deliveries"] == {"jsonl": "sent"}


def _alert_ids(folder: Path) -> list[str]:
    path = folder / "alerts.jsonl"
    return [json.loads(x)["id"] for x in path.read_text().splitlines()] if path.exists() else []


def _stored(db: Path) -> int:
    try:
        with open_db(db, read_only=True) as store:
            return store.counts().articles
    except Exception:  # held by the watch for a moment: not yet
        return -1
