"""The CLI's consoles and formatting: untrusted text never reaches the terminal as a
command, reports of bad input stay one line each, and figures, counts and tables are
written one way by every command.

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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.table import Table
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


def counting_progress(label: str, console: Console, *, disable: bool, transient: bool) -> Progress:
    """A progress bar of done/total items under a bold ``label``, with the time elapsed."""
    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, disable=disable, transient=transient)


# -- words and numbers ---------------------------------------------------------------------

# Doc ids listed by name in a run's notes before "and N more".
NOTE_IDS = 4


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 article', '2 articles', '1,200 claims'."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def listed_ids(docs: list[str]) -> str:
    """The first ``NOTE_IDS`` doc ids, then 'and N more'."""
    shown = ", ".join(docs[:NOTE_IDS])
    return shown + (f" and {len(docs) - NOTE_IDS:,} more" if len(docs) > NOTE_IDS else "")


def number(value: int | None) -> str:
    """'1,600', or nothing for no value."""
    return "" if value is None else f"{value:,}"


def figure(r: Any) -> str:
    """A claim's figure: 'at least 602', '1,600', 'dozens [24-99]'."""
    if r.value is not None:
        return f"{r.qualifier + ' ' if r.qualifier else ''}{r.value:,}"
    text = r.qualifier or ""
    if r.low is not None:
        text += f" [{r.low:,}-{r.high:,}]" if r.high is not None else f" [{r.low:,}+]"
    return text.strip() or "?"


def point_figure(p: Any) -> str:
    """A series point's figure: 'at least 602', 'dozens [24-99]'."""
    if p.value is not None:
        return f"{p.qualifier + ' ' if p.qualifier else ''}{p.value:,}"
    return f"{p.qualifier or ''} [{number(p.low)}-{number(p.high)}]"


def flags(r: Any) -> str:
    """'historical unverified', the flags a claim has set."""
    return " ".join(f for f, on in (("historical", r.historical), ("unverified", r.unverified)) if on)


def cell(value: Any) -> str:
    """A summary value: shares as percentages, lists joined."""
    if isinstance(value, float):
        return f"{value:.0%}" if value <= 1 else f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def shown(n_shown: int, total: int | None, word: str, limit: int) -> str:
    """'50 claims shown of 212 (raise --limit to see more)'."""
    if total is not None and total > n_shown:
        return f"{plural(n_shown, word)} shown of {total:,} (--limit {limit}; raise it to see more)"
    return f"{plural(n_shown, word)} shown"


# -- tables --------------------------------------------------------------------------------

NUMERIC_COLUMNS = frozenset({"figure", "uses", "mentions", "articles", "low", "best", "high"})


def table(*columns: tuple[str, int | None]) -> Table:
    """A table that fits the terminal: columns with a ratio share the width and wrap; the
    others (dates, counts, short codes) keep their natural width on one line."""
    t = Table(header_style="bold", expand=True)
    for name, ratio in columns:
        justify = "right" if name in NUMERIC_COLUMNS else "left"
        if ratio is None:
            t.add_column(Text(name), no_wrap=True, justify=justify)
        else:
            t.add_column(Text(name), overflow="fold", ratio=ratio, justify=justify)
    return t


def text_row(t: Table, *cells: Any) -> None:
    """Add a row of untrusted values: Text() cells are never read as console markup."""
    t.add_row(*(Text(str(c)) for c in cells))


def dict_table(title: str, rows: list[dict]) -> Table:
    """A table of flat dicts (a benchmark's results), one column per key of the first."""
    t = Table(title=title, header_style="bold")
    keys = [k for k in rows[0] if not isinstance(rows[0][k], dict)]
    for key in keys:
        t.add_column(key.replace("_", " "), justify="right")
    for r in rows:
        t.add_row(*(str(r[k]) for k in keys))
    return t
