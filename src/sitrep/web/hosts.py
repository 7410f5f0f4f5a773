"""Which host names the app answers for, and which requests it refuses before any view.

A request naming a host the server does not answer for is refused, reads too: a page of
another site whose name an attacker points at 127.0.0.1 (DNS rebinding) carries that
site's name in Host; a browser's cross-site POST carries an Origin that is not this host.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8750
# Host names every server answers for. A request naming any other host is refused (reads
# too): a page of another site whose name an attacker points at 127.0.0.1 (DNS rebinding)
# carries that site's name in Host. More names: ``sitrep serve --allowed-host``.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Addresses that mean "every interface": no name of their own to allow.
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
# A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with a port.
_HOST_HEADER = re.compile(r"(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9._-]+))(?::\d{1,5})?")


def allowed_hosts(host: str = DEFAULT_HOST, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a server listening on ``host`` answers for: loopback names, ``host``
    itself when it is one address or name, and ``extra`` (``--allowed-host``)."""
    names = {*LOOPBACK_HOSTS, *(h.strip().strip("[]").lower() for h in extra if h.strip())}
    if host.strip("[]") not in WILDCARD_HOSTS:
        names.add(host.strip("[]").lower())
    return frozenset(names)


def host_name(header: str | None) -> str | None:
    """The host name of a Host header ("localhost:8750" -> "localhost"), or None when it
    is not one."""
    m = _HOST_HEADER.fullmatch(header or "")
    if not m:
        return None
    return (m.group("v6") or m.group("name")).lower().rstrip(".")


def same_origin(request: Request) -> bool:
    """A browser's cross-site POST carries an Origin that is not this host: refuse it."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")



def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

