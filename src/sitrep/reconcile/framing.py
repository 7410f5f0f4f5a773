"""Framing: the labels each outlet uses for each side, with counts and example sentences.

The labels of each article were read when it was extracted (``extract.labels``: the phrase
the outlet wrote for each actor, its side, whether it is loaded, whether it sits inside a
quotation) and stored in ``actor_labels`` (``records.framing.ActorLabel``); here they are
added up per outlet, without reading text. Labels are compared by their key (case,
quotes, hyphens and spaces unified); a row shows the form written most often.

A label inside quotation marks is the quoted speaker's ("terrorist groups", said the
army), not the outlet's: such uses are counted apart, in rows whose ``voice`` is
``quoted`` (``n_quoted`` is their count), and an outlet's summary and loaded share read
only its own voice.

Outlet is ``ArticleRow.outlet``; when the outlet is unknown the doc id stands in for it
and ``outlet_known`` is False, so articles of unknown origin are never pooled together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..records.framing import FRAMED_SIDES, VOICES, ActorLabel, DocSlot, FramingRow, OutletFraming, SlotKey
from ..records.rows import ArticleRow

MAX_EXAMPLES = 3  # example sentences kept per row, from different articles first
TOP_LABELS = 5  # labels per side in an outlet summary

# Written label -> (loaded terms, note), as extraction marked it (``Store.loaded_of``).
Loaded = Mapping[str, tuple[list[str], "str | None"]]


@dataclass(slots=True)
class _Acc:
    forms: Counter[str] = field(default_factory=Counter)
    count: int = 0
    n_quoted: int = 0
    docs: set[str] = field(default_factory=set)
    examples: list[tuple[str, str, int]] = field(default_factory=list)


# --- across articles --------------------------------------------------------------------

def outlet_key(doc: str, outlet: str | None) -> tuple[str, bool]:
    """(outlet, known): an article's outlet, or its id when the outlet is unknown."""
    return (outlet, True) if outlet else (doc, False)


def doc_slots(doc: str, outlet: str | None, labels: Iterable[ActorLabel]) -> list[DocSlot]:
    """The labels of one article (``doc``, of ``outlet``: its stored ``ActorLabel`` rows),
    grouped per slot, in the order they first appear."""
    outlet, known = outlet_key(doc, outlet)
    slots: dict[SlotKey, DocSlot] = {}
    for label in sorted(labels, key=lambda lab: lab.example_start):
        key = (label.actor_side, label.actor, outlet, known, label.label_key, label.voice)
        slot = slots.get(key)
        if slot is None:
            slot = slots[key] = DocSlot(doc, outlet, known, label.actor_side, label.actor, label.label_key,
                                        label.voice, example_sentence=label.example_sentence,
                                        example_start=label.example_start)
        slot.forms[label.label] += label.count
        slot.count += label.count
        slot.n_quoted += label.count if label.voice == VOICES[1] else 0
    return list(slots.values())


def add_up(slots: Iterable[DocSlot], n_articles: Mapping[str, int], loaded: Loaded) -> list[FramingRow]:
    """Framing rows from articles' slots, streamed in article order (examples come from the
    first articles); ``n_articles``: articles read per outlet, read once ``slots`` is spent;
    ``loaded``: the loaded terms of each written label. Each outlet's rows depend on its
    own articles only."""
    acc: dict[SlotKey, _Acc] = {}
    for slot in slots:
        a = acc.setdefault(slot.key, _Acc())
        a.forms.update(slot.forms)
        a.count += slot.count
        a.n_quoted += slot.n_quoted
        if slot.doc not in a.docs and len(a.examples) < MAX_EXAMPLES:
            a.examples.append((slot.doc, slot.example_sentence, slot.example_start))
        a.docs.add(slot.doc)
    rows = [_row(key, a, loaded, n_articles.get(key[2], 0)) for key, a in acc.items()]
    rows.sort(key=row_order)
    return rows


def row_order(r: FramingRow) -> tuple:
    """Rows by outlet, the outlet's own voice first, side, most used, label (then actor)."""
    return (r.outlet, r.voice != "outlet", FRAMED_SIDES.index(r.actor_side), -r.count, r.label,
            r.actor, r.outlet_known)


def framing(articles: Iterable[ArticleRow], labels: Iterable[ActorLabel]) -> list[FramingRow]:
    """Labels per (side, actor, outlet), most used first within each outlet and side.

    ``labels``: the stored labels of the articles (``Store.iter_labels()``); ``articles``
    (``Store.iter_articles(with_text=True)``) give the outlets, in order (examples come
    from the first), and count for their outlet when they have text.
    """
    by_doc: dict[str, list[ActorLabel]] = {}
    loaded: dict[str, tuple[list[str], str | None]] = {}
    for label in labels:
        by_doc.setdefault(label.doc, []).append(label)
        loaded.setdefault(label.label, (list(label.loaded_terms), label.loaded_note))
    n_articles: Counter[str] = Counter()

    def slots() -> Iterator[DocSlot]:
        for art in articles:
            if not art.text:
                continue
            n_articles[outlet_key(art.id, art.outlet)[0]] += 1
            yield from doc_slots(art.id, art.outlet, by_doc.get(art.id, ()))

    return add_up(slots(), n_articles, loaded)  # n_articles is complete once slots() is spent


def _row(key: tuple[str, str, str, bool, str, str], a: _Acc, loaded: Loaded, n: int) -> FramingRow:
    side, actor, outlet, known, _, voice = key
    # The form written most often; lower case wins a tie (headline capitals lose).
    label = max(a.forms.items(), key=lambda kv: (kv[1], kv[0].islower(), kv[0]))[0]
    terms, note = loaded.get(label, ([], None))
    return FramingRow(
        actor_side=side, actor=actor, outlet=outlet, outlet_known=known, label=label,
        count=a.count, n_docs=len(a.docs), n_quoted=a.n_quoted, loaded=bool(terms),
        loaded_terms=list(terms), loaded_note=note, n_outlet_articles=n,
        example_docs=[e[0] for e in a.examples], example_sentences=[e[1] for e in a.examples],
        example_starts=[e[2] for e in a.examples], voice=voice,
    )


def outlet_summary(rows: Sequence[FramingRow], top: int = TOP_LABELS) -> list[OutletFraming]:
    """One line per outlet to compare side by side: top labels per side, loaded share."""
    by_outlet: dict[str, list[FramingRow]] = {}
    for r in rows:
        by_outlet.setdefault(r.outlet, []).append(r)
    out = []
    for outlet, rows_of in sorted(by_outlet.items()):
        mine = [r for r in rows_of if r.voice == "outlet"]
        per_side: dict[str, Counter[str]] = {s: Counter() for s in FRAMED_SIDES}
        loaded: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        for r in mine:
            per_side[r.actor_side][r.label] += r.count
            if r.loaded:
                loaded[r.label] += r.count
        for r in rows_of:
            if r.voice == "quoted":
                quoted[r.label] += r.count
        n_uses = sum(r.count for r in mine)

        def ranked(c: Counter[str]) -> list[str]:
            return [f"{label} [{n}]" for label, n in
                    sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

        out.append(OutletFraming(
            outlet=outlet, outlet_known=rows_of[0].outlet_known,
            n_articles=max(r.n_outlet_articles for r in rows_of), n_uses=n_uses,
            loaded_share=round(sum(loaded.values()) / n_uses, 3) if n_uses else 0.0,
            opposition_labels=ranked(per_side["opposition"]),
            government_labels=ranked(per_side["government"]),
            foreign_labels=ranked(per_side["foreign"]),
            other_labels=ranked(per_side["other"]),
            loaded_labels=ranked(loaded),
            quoted_labels=ranked(quoted),
        ))
    return out


__all__ = ["add_up", "doc_slots", "framing", "outlet_key", "outlet_summary", "row_order"]
