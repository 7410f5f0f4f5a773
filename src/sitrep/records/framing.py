"""Records of framing: the labels an article gives actors, read at extraction
(``sitrep.extract.labels``; table ``actor_labels``), and the labels outlets use for actors
(``sitrep.reconcile.framing``; tables ``recon_framing_docs``, ``recon_framing``, ``recon_outlets``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Sides whose labels are reported. Civilians are not an armed side; "unknown" is the
# side of bare "fighters"/"gunmen", which frame no one in particular.
FRAMED_SIDES = ("opposition", "government", "foreign", "other")
VOICES = ("outlet", "quoted")  # the outlet's own words, or words it quotes


@dataclass(slots=True)
class ActorLabel:
    """One article's uses of one written form of a label, for one framed side, actor and
    voice: what extraction reads from the text (``extract.labels.actor_labels``) and the
    store keeps in ``actor_labels``, so the reconcile stage adds up framing without text.
    The forms of one label (same ``label_key``) share the slot's first sentence."""

    doc: str
    actor_side: str  # one of FRAMED_SIDES
    actor: str
    label_key: str  # comparison key of the label (case, quotes, hyphens, spaces unified)
    voice: str  # one of VOICES
    label: str  # this form as written, without a leading "the"
    count: int  # uses of this form in the article
    loaded_terms: list[str] = field(default_factory=list)  # loaded terms this form holds
    loaded_note: str | None = None  # "term (leans): note; ..." of those terms
    example_sentence: str = ""  # the sentence of the article's first use of the label
    example_start: int = 0  # offset of that use in the article text


@dataclass(slots=True)
class FramingRow:
    """One label used by one outlet for one actor. Flat (lists joined in CSV) for export."""

    actor_side: str  # opposition | government | foreign | other
    actor: str  # canonical actor ("Hayat Tahrir al-Sham"), or the side word's actor
    outlet: str  # the outlet, or the doc id when the outlet is unknown
    outlet_known: bool
    label: str  # as most often written, sentence-initial capitals lowered
    count: int  # uses of the label in this voice (each copy of an article counts)
    n_docs: int
    n_quoted: int  # uses inside quotation marks (= count for a quoted row, else 0)
    loaded: bool
    loaded_terms: list[str] = field(default_factory=list)
    loaded_note: str | None = None
    n_outlet_articles: int = 0  # articles of the outlet that were read
    example_docs: list[str] = field(default_factory=list)
    example_sentences: list[str] = field(default_factory=list)
    example_starts: list[int] = field(default_factory=list)  # label offset in the doc text
    voice: str = "outlet"  # "outlet": the outlet's own words; "quoted": inside a quotation

    @property
    def examples(self) -> list[tuple[str, str]]:
        return list(zip(self.example_docs, self.example_sentences))


@dataclass(slots=True)
class OutletFraming:
    """One outlet's labels side by side: top labels per side and how loaded they are."""

    outlet: str
    outlet_known: bool
    n_articles: int
    n_uses: int  # label uses for framed sides
    loaded_share: float  # share of those uses whose label is loaded
    opposition_labels: list[str] = field(default_factory=list)  # "label [count]", top first
    government_labels: list[str] = field(default_factory=list)
    foreign_labels: list[str] = field(default_factory=list)
    other_labels: list[str] = field(default_factory=list)
    loaded_labels: list[str] = field(default_factory=list)
    quoted_labels: list[str] = field(default_factory=list)  # labels the outlet only quotes


SlotKey = tuple[str, str, str, bool, str, str]  # side, actor, outlet, outlet known, label key, voice


@dataclass(slots=True)
class DocSlot:
    """One article's uses of one label (for one side, actor, outlet and voice): what
    ``framing`` adds up across articles. The reconcile stage stores them per article, so
    new articles are read once and an outlet's rows are added up again from storage."""

    doc: str
    outlet: str
    outlet_known: bool
    actor_side: str
    actor: str
    label_key: str
    voice: str
    forms: Counter[str] = field(default_factory=Counter)  # label as written -> uses
    count: int = 0
    n_quoted: int = 0
    example_sentence: str = ""  # the sentence of the article's first use
    example_start: int = 0

    @property
    def key(self) -> SlotKey:
        return (self.actor_side, self.actor, self.outlet, self.outlet_known, self.label_key, self.voice)
