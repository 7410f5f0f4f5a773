"""`sitrep watch`: follow the news. Poll the feeds, news sitemaps and URL lists a config
names, politely; run new and revised articles through the same pipeline as `sitrep run`;
compute alerts from the stored record (a claimant's toll rising, a town changing hands, a
new contradiction, a new claimant) and deliver them (terminal, JSONL, webhook, email).

    from sitrep.watch import load_config, watch
    config = load_config("watch.toml")
    watch(config, "syria.duckdb", once=True)

Modules: ``config`` (the TOML file), ``fetch`` (polite HTTP), ``sources`` (feeds, sitemaps,
lists), ``runner`` (a pass and the loop), ``page_store`` (a fetched page into the record),
``alerts`` (rules over the record), ``alert_rows`` (recorded alerts read back), ``deliver``
(channels), ``state`` (the ``watch_*`` tables). Fetching needs the ``watch`` extra
(feedparser, httpx: ``pip install "sitrep[watch]"``); reading alerts back
(``read_alerts``, `sitrep alerts`, the web app's alerts page) does not.
"""

from sitrep.watch.alert_rows import read_alerts
from sitrep.watch.alerts import Alert, Evidence, compute_alerts
from sitrep.watch.config import ConfigError, WatchConfig, load_config, parse_config

__all__ = ["Alert", "ConfigError", "Evidence", "WatchConfig", "compute_alerts", "load_config",
           "parse_config", "read_alerts", "watch", "missing_extra"]

# Packages of the ``watch`` extra that polling needs.
WATCH_PACKAGES = ("feedparser", "httpx")


def missing_extra() -> list[str]:
    """Packages of the ``watch`` extra that are not installed."""
    from importlib.util import find_spec

    return [name for name in WATCH_PACKAGES if find_spec(name) is None]


def watch(*args, **kwargs):
    """``runner.watch`` (imported on use: it needs the ``watch`` extra)."""
    from sitrep.watch.runner import watch as run

    return run(*args, **kwargs)
