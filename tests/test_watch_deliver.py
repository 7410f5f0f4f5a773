"""Alert delivery to receivers on loopback: a webhook (JSON POST), an SMTP server, a JSONL
file and the terminal; a failed delivery is tried again at the next pass, a sent one never."""

from __future__ import annotations

import json
from datetime import date
from email import message_from_bytes
from email.policy import default

import pytest

from watch_servers import Site, SmtpReceiver, require_watch_extra

require_watch_extra()

from sitrep.store import open_db  # noqa: E402
from sitrep.watch.alerts import Alert, Evidence  # noqa: E402
from sitrep.watch.config import EmailOptions, parse_config  # noqa: E402
from sitrep.watch.deliver import DeliveryError, Email, JsonlFile, Terminal, Webhook  # noqa: E402
from sitrep.watch.runner import PassSummary, Watcher  # noqa: E402
from sitrep.watch.state import WatchState  # noqa: E402

HOSTILE = "704 killed\x1b[31m\nSubject: spoofed\r\nBcc: everyone@example.org"


def _alert(id_: str = "a1", summary: str = "Observatory raised its count from 602 to 704: +17%.") -> Alert:
    return Alert(id_, "toll", "figure", "people killed · Syrian Observatory for Human Rights", summary,
                 "602 (2024-12-04)", "704 (2024-12-04)",
                 [Evidence("live-1-v2", "Example News", "https://www.example.org/live", date(2024, 12, 4),
                           "Syrian Observatory for Human Rights", f"The Observatory said {HOSTILE}.", "c2",
                           "/articles/live-1-v2#m-c2")])


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def test_deliver_webhook_posts_json_with_the_alert_id(site) -> None:
    site.set("/hook", "ok", content_type="text/plain")
    Webhook(site.url("/hook"), 2.0, "sitrep-watch/test").send(_alert())
    (post,) = site.requests("/hook")
    body = json.loads(post.body)
    assert post.method == "POST" and post.headers["Content-Type"] == "application/json"
    assert post.headers["Idempotency-Key"] == "a1"
    assert (body["id"], body["before"], body["after"]) == ("a1", "602 (2024-12-04)", "704 (2024-12-04)")
    assert body["evidence"][0]["sentence"].endswith("everyone@example.org.")  # JSON keeps it, escaped
    site.set("/hook", "down", status=503, content_type="text/plain")
    with pytest.raises(DeliveryError, match="HTTP 503"):
        Webhook(site.url("/hook"), 2.0, "x").send(_alert())


def test_deliver_email_through_smtp_one_line_subject() -> None:
    smtp = SmtpReceiver()
    try:
        options = EmailOptions(host="127.0.0.1", port=smtp.port, sender="sitrep@example.org",
                               to=("desk@example.org", "night@example.org"), timeout_s=5)
        Email(options).send(_alert(summary=f"Raised to {HOSTILE}"))
        (mail_from, rcpt, raw) = smtp.messages[0]
    finally:
        smtp.close()
    message = message_from_bytes(raw, policy=default)
    assert mail_from == "sitrep@example.org" and rcpt == ["desk@example.org", "night@example.org"]
    assert message["Subject"] == "Sitrep alert [toll]: people killed · Syrian Observatory for Human Rights"
    assert message["Message-ID"] == "<sitrep-alert-a1@sitrep.watch>" and message["Bcc"] is None
    body = message.get_content()
    assert "from: 602 (2024-12-04)" in body and "\x1b" not in body
    assert "Raised to 704 killed" in body.splitlines()[1]  # the hostile newlines are flattened


def test_deliver_email_unreachable_server_is_a_delivery_error() -> None:
    from watch_servers import free_port

    options = EmailOptions(host="127.0.0.1", port=free_port(), sender="a@b.example", to=("c@d.example",),
                           timeout_s=1)
    with pytest.raises(DeliveryError, match="email via 127.0.0.1"):
        Email(options).send(_alert())


def test_deliver_jsonl_once_per_alert_even_after_a_cut_line(tmp_path) -> None:
    path = tmp_path / "alerts.jsonl"
    path.write_text('{"id": "old"}\n{"id": "a2", "rule": "to', encoding="utf-8")  # a kill mid-write
    JsonlFile(path).send(_alert("a1"))
    JsonlFile(path).send(_alert("a1"))
    JsonlFile(path).send(_alert("a2"))
    ids = [json.loads(line)["id"] for line in path.read_text().splitlines() if line.endswith("}")]
    assert ids == ["old", "a1", "a2"]


def test_deliver_terminal_text_is_plain() -> None:
    shown: list[str] = []
    Terminal(shown.append).send(_alert())
    assert shown[0].startswith("ALERT [toll] figure:") and "\x1b" not in shown[0] and "\r" not in shown[0]


def test_deliver_failed_delivery_is_retried_at_the_next_pass(site, tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    site.set("/hook", "down", status=503, content_type="text/plain")
    config = parse_config({"source": [{"feed": site.url("/feed.xml")}],
                           "deliver": {"terminal": False, "jsonl": str(tmp_path / "a.jsonl"),
                                       "webhook": site.url("/hook"), "webhook_timeout": 2}})
    with open_db(db) as store:
        WatchState(store).record_alerts([_alert()], [], ["jsonl", "webhook"])
    with Watcher(config, db) as watcher:
        first = PassSummary()
        watcher._deliver(first)
        assert (first.delivered, first.delivery_failures, first.failures["delivery"]) == (1, 1, 1)
        site.set("/hook", "ok", content_type="text/plain")
        second = PassSummary()
        watcher._deliver(second)
        assert (second.delivered, second.delivery_failures) == (1, 0)
        third = PassSummary()
        watcher._deliver(third)
        assert third.delivered == 0
    assert len(site.requests("/hook")) == 2
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 1
