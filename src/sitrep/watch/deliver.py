"""Where alerts go: the terminal, a JSONL file, a webhook (JSON POST) and email (SMTP).

Each alert is recorded in the store before it is sent, and each channel's delivery is
recorded as soon as it succeeds (``state.WatchState``): a failed delivery is tried again at
the next pass (up to ``state.MAX_DELIVERY_ATTEMPTS``), a stopped watch sends what is
pending when it starts again. Only a kill in the instant between a send and its record can
repeat a delivery, so every channel carries the alert's stable id for the receiver to
drop a repeat: the JSONL file is checked for the id before appending, the webhook sends it
as ``Idempotency-Key``, an email as its ``Message-ID``.

Article text in an alert is untrusted: the terminal and email bodies are plain text made
safe by ``alerts.plain`` (no control characters or escape sequences), the email subject
is one line, and JSON escapes whatever it holds.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl as ssl_lib
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from sitrep.watch.alerts import Alert, format_alert, subject_line
from sitrep.watch.config import Delivery, EmailOptions


class DeliveryError(Exception):
    """A channel could not take the alert; the message says why."""


class Terminal:
    name = "terminal"

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write

    def send(self, alert: Alert) -> None:
        self.write(format_alert(alert))


class JsonlFile:
    """Appends one JSON object per alert; an id already in the file is not written again."""

    name = "jsonl"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ids: set[str] | None = None

    def _known(self) -> set[str]:
        if self._ids is None:
            self._ids = set()
            try:
                with self.path.open(encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        try:
                            record = json.loads(line)
                        except json.JSONDecodeError:
                            continue  # a line cut short by a kill: the alert is written again
                        if isinstance(record, dict) and isinstance(record.get("id"), str):
                            self._ids.add(record["id"])
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise DeliveryError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        return self._ids

    def send(self, alert: Alert) -> None:
        known = self._known()
        if alert.id in known:
            return
        line = json.dumps(alert.as_dict(), ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                if fh.tell() > 0 and not _ends_with_newline(self.path):
                    fh.write("\n")  # after a line cut short by a kill
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise DeliveryError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        known.add(alert.id)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


class Webhook:
    """POSTs the alert as JSON; any 2xx is a delivery."""

    name = "webhook"

    def __init__(self, url: str, timeout_s: float, user_agent: str) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self.user_agent = user_agent

    def send(self, alert: Alert) -> None:
        import httpx

        try:
            response = httpx.post(self.url, json=alert.as_dict(), timeout=self.timeout_s,
                                  headers={"Idempotency-Key": alert.id, "User-Agent": self.user_agent})
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook {self.url}: {type(exc).__name__}: {exc}") from exc
        if not 200 <= response.status_code < 300:
            raise DeliveryError(f"webhook {self.url}: HTTP {response.status_code}")


class Email:
    """One plain-text email per alert through the configured SMTP server."""

    name = "email"

    def __init__(self, options: EmailOptions) -> None:
        self.options = options

    def message(self, alert: Alert) -> EmailMessage:
        o = self.options
        msg = EmailMessage()
        msg["Subject"] = subject_line(alert)
        msg["From"] = o.sender
        msg["To"] = ", ".join(o.to)
        msg["Date"] = formatdate(usegmt=True)
        msg["Message-ID"] = f"<sitrep-alert-{alert.id}@sitrep.watch>"
        msg["X-Sitrep-Alert"] = alert.id
        msg.set_content(format_alert(alert) + "\n\n" + json.dumps(alert.as_dict(), ensure_ascii=False, indent=1)
                        + "\n")
        return msg

    def send(self, alert: Alert) -> None:
        o = self.options
        try:
            if o.ssl:
                server: smtplib.SMTP = smtplib.SMTP_SSL(o.host, o.port, timeout=o.timeout_s,
                                                        context=ssl_lib.create_default_context())
            else:
                server = smtplib.SMTP(o.host, o.port, timeout=o.timeout_s)
            with server:
                if o.starttls:
                    server.starttls(context=ssl_lib.create_default_context())
                if o.username:
                    server.login(o.username, o.password() or "")
                server.send_message(self.message(alert))
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"email via {o.host}:{o.port}: {type(exc).__name__}: {exc}") from exc


Channel = Terminal | JsonlFile | Webhook | Email


def channels(deliver: Delivery, *, write: Callable[[str], None], user_agent: str) -> list[Channel]:
    """The channels a config names, in delivery order."""
    out: list[Channel] = []
    if deliver.terminal:
        out.append(Terminal(write))
    if deliver.jsonl:
        out.append(JsonlFile(deliver.jsonl))
    if deliver.webhook:
        out.append(Webhook(deliver.webhook, deliver.webhook_timeout_s, user_agent))
    if deliver.email:
        out.append(Email(deliver.email))
    return out
