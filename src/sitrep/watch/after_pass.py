"""After a pass: alerts on the new articles, their delivery, and the HTML report."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sitrep.store import Store, StoreLockedError
from sitrep.watch.alerts import compute_alerts, plain
from sitrep.watch.config import WatchConfig
from sitrep.watch.deliver import Channel, DeliveryError
from sitrep.watch.passes import PassSummary
from sitrep.watch.state import BASELINE_KEY, WatchState

log = logging.getLogger("sitrep.watch")
OpenDb = Callable[[], AbstractContextManager[Store]]


def record_alerts(db: OpenDb, config: WatchConfig, channels: list[Channel], summary: PassSummary) -> None:
    """Alerts on the articles no pass has alerted on; the first pass only sets the baseline
    (unless the config asks for alerts on it)."""
    with db() as store:
        state = WatchState(store)
        unseen = state.unseen_docs()
        if not state.flag(BASELINE_KEY) and not config.alerts_on_first_pass:
            state.set_baseline(unseen)
            summary.baseline = len(unseen)
            return
        if not unseen:
            return
        alerts = compute_alerts(store, config.rules, unseen)
        summary.alerts = state.record_alerts(alerts, unseen, [c.name for c in channels])
        if not state.flag(BASELINE_KEY):
            state.set_flag(BASELINE_KEY)


def deliver_pending(db: OpenDb, channels: list[Channel], stop: threading.Event, summary: PassSummary) -> None:
    """Send every alert not yet delivered on each channel; a failure is noted and retried
    on the next pass."""
    if not channels:
        return
    by_name = {c.name: c for c in channels}
    with db() as store:
        pending = WatchState(store).pending(by_name)
    for alert, channel, _attempts in pending:
        if stop.is_set():
            return
        try:
            by_name[channel].send(alert)
            error = None
            summary.delivered += 1
        except DeliveryError as exc:
            error = str(exc)
            summary.delivery_failures += 1
            summary.failures["delivery"] += 1
            log.warning("delivery: %s: alert %s: %s", channel, alert.id, plain(error))
        with db() as store:
            state = WatchState(store)
            if error is None:
                state.delivered(alert.id, channel)
            else:
                state.delivery_failed(alert.id, channel, error)


def write_pass_report(db: OpenDb, path: Path | None, summary: PassSummary) -> None:
    """The HTML report again when the pass stored or alerted on something (or it is missing)."""
    if path is None or not (summary.new or summary.revised or summary.alerts or not path.exists()):
        return
    from sitrep.publish.report import write_report

    try:
        with db() as store:
            write_report(store, path)
    except (OSError, StoreLockedError) as exc:
        summary.failures["report"] += 1
        log.warning("report: %s: %s", path, exc)
        return
    summary.report = str(path)
