"""The cross-source layer computed from scratch in memory: what the reconcile stage
stores, for checks (``compute``), and contradictions for a window other than the stored
one (``contradictions_for_window``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile import framing as fr
from sitrep.reconcile import stories as st
from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS
from sitrep.reconcile.copies import copy_map, find_copies
from sitrep.reconcile.series import build_series, estimates
from sitrep.records.contradictions import Contradiction
from sitrep.records.framing import FramingRow
from sitrep.records.groups import CopyGroup, Story
from sitrep.records.series import Estimate, Series


@dataclass(slots=True)
class Computed:
    """The whole cross-source layer computed in memory from the store (nothing stored)."""

    copies: list[CopyGroup] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    framing: list[FramingRow] = field(default_factory=list)


def compute(store, *, window_days: int = DEFAULT_WINDOW_DAYS) -> Computed:
    """The whole layer computed from scratch in memory (what the stage stores, for checks)."""
    out = Computed()
    out.copies = find_copies(store)
    out.copy_of = copy_map(out.copies)
    out.series = build_series(store.iter_claims(), copy_of=out.copy_of)
    out.estimates = estimates([], series=out.series)
    out.contradictions = contra.find_contradictions([], store.events(), copy_of=out.copy_of,
                                                    series=out.series, window_days=window_days)
    out.stories = st.find_stories(store.iter_articles(), store.iter_events(), store.iter_place_mentions(),
                                  copies=out.copy_of)
    # The texts only say which articles have any: the labels were read at extraction.
    out.framing = fr.framing(store.iter_articles(with_text=True), store.iter_labels())
    return out


def contradictions_for_window(store, window_days: int) -> list[Contradiction]:
    """Contradictions for a window other than the stored one: computed from the stored
    series (no copy detection or series again) and the events."""
    found = contra.find_contradictions([], store.events(), series=store.series(), window_days=window_days)
    return found
