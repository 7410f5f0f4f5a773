"""The CLI's consoles: untrusted text never reaches the terminal as a command, and reports
of bad input stay one line each.

Whatever a table cell or a message holds (an article's title, a claimant, a file name),
control characters and escape sequences are taken out of what is written (a render hook
on every console, so no command has to remember it); the one-line reports (``one_line``)
also show newlines as ``\\n`` so a file name cannot forge a line, and are never wrapped,
whatever the terminal's width or when stderr is a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult, RenderHook
from rich.segment import Segment
from rich.text import Text

from sitrep.safe_text import ESCAPE_SEQUENCE, for_terminal

# Everything a terminal acts on in a segment of text, but the newlines rich itself lays
# out lines with: C0 and C1 controls, DEL, and the bidi overrides that reorder a line.
_ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """``text`` with escape sequences and control characters (but newlines) removed."""
    return _ACTIVE.sub("", ESCAPE_SEQUENCE.sub("", text))


class _Inert:
    """A renderable whose text segments are made inert (rich's own control segments pass)."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not _ACTIVE.search(segment.text):
                yield segment
            else:
                yield Segment(inert(segment.text), segment.style)


class _InertHook(RenderHook):
    def process_renderables(self, renderables: list) -> list:
        return [_Inert(r) for r in renderables]


def safe_console(**options: Any) -> Console:
    """A rich Console (``options`` as for rich's) that writes no control character or
    escape sequence it was given."""
    console = Console(**options)
    console.push_render_hook(_InertHook())
    return console


def one_line(console: Console, label: str, message: object, style: str = "yellow") -> None:
    """One line ``label message`` (``skipped path: reason``): escaped, never wrapped."""
    line: Iterable[Text] = (Text(label, style=style), Text(" " + for_terminal(message)))
    console.print(Text.assemble(*line), soft_wrap=True, highlight=False, markup=False)
