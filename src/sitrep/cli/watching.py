"""`sitrep watch`, which follows the news into the record and raises alerts, and `sitrep
alerts`, which shows them."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from sitrep.cli.shared import (
    CONTEXT, DEFAULT_DB, Db, app, ensure_gazetteer, err, fail, open_read, out, parse_date, valid_choice,
)
from sitrep.console import shown


@app.command(context_settings=CONTEXT)
def watch(
    config: Path = typer.Argument(..., exists=True, dir_okay=False,
                                  help="TOML file: sources (feed, sitemap, list, urls), alert rules, delivery."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB database (default: the config's db, else "
                                      "sitrep.duckdb)."),
    once: bool = typer.Option(False, "--once", help="One pass over every source, then exit (for cron)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No line per pass and per stored article; "
                               "alerts and failures are still shown."),
) -> None:
    """Follow the news: poll the feeds, news sitemaps and URL lists the config names,
    politely (robots.txt, conditional GET, per-host delay, two requests at once per host);
    run new and revised articles through the same pipeline as `sitrep run`; compute alerts
    from the record (a toll rising, a town changing hands, a new contradiction or claimant)
    and deliver them (terminal, JSONL, webhook, email). Polls until stopped: Ctrl-C
    finishes the article in hand, a second one stops at once. State is in the database, so
    a restarted watch goes on where it was and sends no alert twice. Every failure is one
    line on stderr; with --once the exit status is 1 when any occurred.

    Example: sitrep watch watch.toml --once
    """
    from sitrep.watch import missing_extra

    missing = missing_extra()
    if missing:
        err.print(Text(f"error: sitrep watch needs {', '.join(missing)}: pip install \"sitrep[watch]\""))
        raise typer.Exit(2)
    from sitrep.watch.config import ConfigError, load_config

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2)
    ensure_gazetteer(quiet)
    failures = _follow(cfg, db or cfg.db or DEFAULT_DB, once=once, quiet=quiet)
    if once and failures:
        raise typer.Exit(1)


def _follow(cfg, target: Path, *, once: bool, quiet: bool) -> int:
    """Run the watcher until it stops; the number of failures it met."""
    from sitrep.store import StoreError
    from sitrep.watch.runner import Watcher

    failures = 0

    def on_pass(summary) -> None:
        nonlocal failures
        failures += sum(summary.failures.values())
        if not quiet:
            err.print(Text(f"pass: {summary.line()}"), highlight=False)

    with _watch_log(quiet), _stop_on_signals() as stop:
        if not quiet:
            err.print(Text(f"Watching {len(cfg.sources)} source{'s' * (len(cfg.sources) != 1)} into {target} "
                           f"({'one pass' if once else 'Ctrl-C to stop'})"), highlight=False)
        try:
            with Watcher(cfg, target, stop=stop,
                         write=lambda text: out.print(Text(text), highlight=False, soft_wrap=True)) as watcher:
                watcher.run(once=once, on_pass=on_pass)
        except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
            raise fail(exc)
        except KeyboardInterrupt:
            err.print("stopped")
            raise typer.Exit(130)
    if stop.is_set():
        err.print("stopped; the next start goes on from here")
    return failures


@contextmanager
def _watch_log(quiet: bool) -> Iterator[None]:
    """The watch's log lines on stderr, one line per failure (not again through the root
    logger), for as long as the body runs."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    watch_log = logging.getLogger("sitrep.watch")
    saved = (watch_log.level, watch_log.propagate)
    watch_log.addHandler(handler)
    watch_log.setLevel(logging.WARNING if quiet else logging.INFO)
    watch_log.propagate = False
    try:
        yield
    finally:
        watch_log.removeHandler(handler)
        watch_log.setLevel(saved[0])
        watch_log.propagate = saved[1]


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by the first Ctrl-C (or SIGTERM), so the watch finishes the article in
    hand; a second Ctrl-C stops at once."""
    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        if stop.is_set():  # a second Ctrl-C: stop now (a write in progress is rolled back)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the current article (Ctrl-C again to stop at once)")

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@app.command(context_settings=CONTEXT)
def alerts(
    db: Db = DEFAULT_DB,
    rule: Optional[str] = typer.Option(None, help="Rule name: any part of it, any case."),
    kind: Optional[str] = typer.Option(None, help="One of: figure, control, contradiction, new_claimant."),
    since: Optional[str] = typer.Option(None, help="Alerts raised on or after this date (YYYY-MM-DD)."),
    limit: int = typer.Option(20, min=1, help="Alerts to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of text."),
) -> None:
    """The alerts `sitrep watch` raised, newest first: what changed, from what to what, the
    sentences it rests on (with article, outlet, URL and a link into `sitrep serve`) and
    where each was delivered.

    Example: sitrep alerts --since 2024-12-01 --limit 5
    """
    from sitrep.watch.alert_rows import read_alerts
    from sitrep.watch.alerts import format_alert
    from sitrep.watch.config import ALERT_TYPES

    valid_choice(kind, ALERT_TYPES, "--kind")
    with open_read(db) as store:
        found, total = read_alerts(store, rule=rule, kind=kind, since=parse_date(since, "--since"), limit=limit)
    if as_json:
        for a in found:
            print(json.dumps({**a.as_dict(), "deliveries": a.deliveries}, ensure_ascii=False))
        return
    for a in found:
        out.print(Text(format_alert(a)), highlight=False, soft_wrap=True)
        sent = ", ".join(f"{channel} {state}" for channel, state in sorted(a.deliveries.items()))
        out.print(Text(f"  raised {a.created_at:%Y-%m-%d %H:%M} UTC" + (f"; {sent}" if sent else "")),
                  highlight=False, soft_wrap=True)
    out.print(shown(len(found), total, "alert", limit))
