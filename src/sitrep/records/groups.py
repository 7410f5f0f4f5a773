"""Records of groups of articles: wire-copy groups (``sitrep.reconcile.copies``, table
``recon_copies``) and stories (``sitrep.reconcile.stories``, table ``recon_stories``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class CopyMember:
    """A copy of a group's canonical article and how similar it is to it."""

    doc: str
    outlet: str | None
    similarity: float  # estimated Jaccard similarity of word 5-shingles with the canonical
    containment: float  # estimated share of the shorter text's shingles found in the other


@dataclass(slots=True)
class CopyGroup:
    """Articles that are copies of one another. ``members`` excludes the canonical one."""

    canonical: str
    canonical_outlet: str | None
    published: date | None
    members: list[CopyMember] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return [self.canonical, *(m.doc for m in self.members)]


@dataclass(slots=True)
class CopyRow:
    """One article of a copy group, flat for ``export_rows``."""

    group: str  # the canonical doc id names the group
    doc: str
    outlet: str | None
    canonical: bool
    similarity: float
    containment: float


def copy_rows(groups: Iterable[CopyGroup]) -> list[CopyRow]:
    """One flat row per article of each group, canonical first (for ``export_rows``)."""
    rows: list[CopyRow] = []
    for g in groups:
        rows.append(CopyRow(g.canonical, g.canonical, g.canonical_outlet, True, 1.0, 1.0))
        rows.extend(CopyRow(g.canonical, m.doc, m.outlet, False, m.similarity, m.containment)
                    for m in g.members)
    return rows


@dataclass(slots=True)
class Story:
    """Articles about the same events. Flat (lists are joined in CSV) for ``export_rows``."""

    id: str
    label: str
    start: date | None  # earliest date of its events and articles
    end: date | None
    n_docs: int
    n_unique: int  # docs once copies (``copies`` mapping) are counted once
    docs: list[str] = field(default_factory=list)  # by publication date, then id
    places: list[str] = field(default_factory=list)  # most reported first
    event_types: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryDocRow:
    """One article of a story, for a per-article export."""

    story: str
    doc: str
    outlet: str | None
    published: date | None
