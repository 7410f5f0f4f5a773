"""robots.txt as RFC 9309 reads it (Python's ``urllib.robotparser`` predates it: it takes
``*`` and ``$`` in paths literally and the first matching rule rather than the longest).

- Groups start with one or more ``user-agent`` lines; the rules of every group naming this
  crawler's product token (case-blind) apply, else those of ``*``, else none.
- The longest matching ``allow``/``disallow`` pattern wins; on a tie ``allow`` wins.
  ``*`` matches any characters, a final ``$`` anchors the end; paths are compared with
  their percent-escapes decoded. ``/robots.txt`` itself is always allowed.
- ``crawl-delay`` (not in the RFC, but widely written) is read for the chosen group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass(slots=True)
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[tuple[bool, str]] = field(default_factory=list)  # (allow, pattern)
    delay: float | None = None


@dataclass(slots=True)
class Rules:
    """The rules of robots.txt for one crawler."""

    rules: list[tuple[bool, str, re.Pattern[str]]]
    crawl_delay: float | None = None

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        path = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        if path == "/robots.txt":
            return True
        best: tuple[int, bool] | None = None  # (pattern length, allow)
        for allow, pattern, regex in self.rules:
            if regex.match(path):
                key = (len(pattern), allow)
                if best is None or key > best:
                    best = key
        return True if best is None else best[1]


def _regex(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = unquote(pattern[:-1] if anchored else pattern)
    return re.compile("".join(".*" if ch == "*" else re.escape(ch) for ch in body) + ("$" if anchored else ""),
                      re.DOTALL)


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    in_rules = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if current is None or in_rules:
                current = _Group()
                groups.append(current)
                in_rules = False
            current.agents.append(value.lower())
        elif current is not None and key in ("allow", "disallow"):
            in_rules = True
            if value:  # an empty disallow is no rule
                current.rules.append((key == "allow", value))
        elif current is not None and key == "crawl-delay":
            in_rules = True
            try:
                current.delay = float(value)
            except ValueError:
                pass
    return groups


def parse_robots(text: str, token: str) -> Rules:
    """The rules robots.txt ``text`` sets for the crawler whose product token is ``token``."""
    groups = _groups(text)
    token = token.lower()
    chosen = [g for g in groups if token in g.agents] or [g for g in groups if "*" in g.agents]
    rules = [(allow, pattern, _regex(pattern)) for g in chosen for allow, pattern in g.rules]
    delays = [g.delay for g in chosen if g.delay is not None]
    return Rules(rules, max(delays) if delays else None)
