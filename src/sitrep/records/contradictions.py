"""Records of contradictions: what ``sitrep.reconcile.contradictions`` finds, the store
keeps (table ``recon_contradictions``) and every reader shows, and their flat export shape."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sitrep.records import content_id

# Kinds of contradiction, in the order they are classified and listed.
KINDS = ("update", "scope", "partisan", "category", "genuine", "control")


@dataclass(slots=True)
class Side:
    """One side of a contradiction, with its provenance."""

    statement: str  # "over 1,600 rebels killed", "opposition took Hama"
    source: str | None
    source_kind: str
    date: date | None
    doc: str
    outlet: str | None
    sentence: str
    ref: str  # claim or event id
    value: int | None = None
    scope: str | None = None
    docs: list[str] = field(default_factory=list)  # every article reporting it


@dataclass(slots=True)
class Contradiction:
    kind: str  # one of KINDS
    subject: str  # "killed / rebels", "control of Hama"
    a: Side
    b: Side
    explanation: str
    ratio: float | None = None

    @property
    def id(self) -> str:
        return content_id(self.kind, self.a.ref, self.b.ref)


@dataclass(slots=True)
class ContradictionRow:
    """A contradiction flattened for ``publish.exports.export_rows``."""

    id: str
    kind: str
    subject: str
    explanation: str
    ratio: float | None
    a_statement: str
    a_source: str | None
    a_source_kind: str
    a_date: date | None
    a_doc: str
    a_outlet: str | None
    a_sentence: str
    a_ref: str
    a_docs: list[str]
    b_statement: str
    b_source: str | None
    b_source_kind: str
    b_date: date | None
    b_doc: str
    b_outlet: str | None
    b_sentence: str
    b_ref: str
    b_docs: list[str]


def to_rows(contradictions: Iterable[Contradiction]) -> list[ContradictionRow]:
    rows = []
    for c in contradictions:
        a, b = c.a, c.b
        rows.append(ContradictionRow(
            c.id, c.kind, c.subject, c.explanation, None if c.ratio is None else round(c.ratio, 2),
            a.statement, a.source, a.source_kind, a.date, a.doc, a.outlet, a.sentence, a.ref, a.docs,
            b.statement, b.source, b.source_kind, b.date, b.doc, b.outlet, b.sentence, b.ref, b.docs,
        ))
    return rows
