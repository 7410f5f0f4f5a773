"""Framing: the labels each outlet uses for each side, with counts and example sentences.

Labels are the noun phrases that name an actor ("jihadi insurgents", "anti-regime forces",
"HTS terrorists", "Assad regime", "Syrian army"). The actor lexicon finds the actor and its
side (it already folds "Iran-backed", "pro-X" and compounds such as "HTS terrorists");
``data/framing.json`` then widens each match into the phrase the outlet wrote: modifiers
on its left ("jihadi", "Islamist", "anti-regime", a demonym), a descriptor before a named
actor ("the Islamist group Hayat Tahrir al-Sham"), an acronym and head noun on its right
("... (HTS) group"), and bare epithets ("the dictator") credited to the side's most-named
actor in the article. Labels are compared case-insensitively, without a leading "the".

Each label is marked loaded when it holds a form of ``data/loaded_terms.json`` whose
``leans`` is not neutral. A label inside quotation marks is the quoted speaker's
("terrorist groups", said the army), not the outlet's: such uses are counted apart, in
rows whose ``voice`` is ``quoted`` (``n_quoted`` is their count), and an outlet's summary
and loaded share read only its own voice.

Sides are per war, from the actor data: the government of another war's state named in
an article about this war ("Israeli Prime Minister Benjamin Netanyahu" in a story on
Syria) is a foreign state here, not the government side; and an actor file may give an
actor its own ``framing_side`` when it is a party of its own (in Syria the Kurdish-led SDF
and the Islamic State are ``other``, not the side of HTS).

Outlet is ``ArticleRow.outlet``; when the outlet is unknown the doc id stands in for it
and ``outlet_known`` is False, so articles of unknown origin are never pooled together.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..lexicon.loader import package_files, read_json, read_json_file
from ..extract.actors import GENERIC_CONFLICT, ActorLexicon, ActorMatch, load_actors
from ..nlp import split_sentences
from ..records.framing import FRAMED_SIDES, DocSlot, FramingRow, OutletFraming, SlotKey

VOICES = ("outlet", "quoted")  # the outlet's own words, or words it quotes
MAX_EXAMPLES = 3  # example sentences kept per row, from different articles first
TOP_LABELS = 5  # labels per side in an outlet summary
# Words a modifier run may take left of a match: "so-called Islamist-led jihadi" is 3.
MAX_MODIFIERS = 3
# Characters left of a match searched for modifiers: three long words and their spaces.
LEFT_WINDOW = 80

_QUOTE_OPEN, _QUOTE_CLOSE = "“«", "”»"


class _ArticleLike(Protocol):
    id: str
    outlet: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    term: str
    leans: str
    note: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class FramingWords:
    """``data/framing.json`` compiled."""

    modifier: re.Pattern[str]  # one modifier word, anchored at the end of a left context
    descriptor: frozenset[str]
    right: re.Pattern[str]  # "(ACRONYM)" and/or a head noun right after a named actor
    epithet: re.Pattern[str]
    epithet_side: dict[str, str]
    determiners: frozenset[str]
    common: frozenset[str]  # lower-case words: a capital on them is a sentence start
    loaded: tuple[LoadedTerm, ...]


@dataclass(slots=True)
class _Acc:
    forms: Counter[str] = field(default_factory=Counter)
    count: int = 0
    n_quoted: int = 0
    docs: set[str] = field(default_factory=set)
    examples: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Use:
    start: int
    end: int
    side: str
    actor: str


def _alias_words() -> set[str]:
    """Words written in lower case in the actor files' aliases ("regime", "army", "rebels")."""
    found: set[str] = set()
    for path in package_files("actors"):
        for actor in read_json_file(path).get("actors", ()):
            for alias in [*actor.get("aliases", ()), *actor.get("context_aliases", ())]:
                found.update(w for w in re.split(r"[\s-]+", alias) if w.isalpha() and w.islower())
    return found


def _framing_sides() -> dict[str, str]:
    """Canonical actor -> its ``framing_side`` where an actor file gives one."""
    found: dict[str, str] = {}
    for path in package_files("actors"):
        for actor in read_json_file(path).get("actors", ()):
            if actor.get("framing_side"):
                found[actor["name"]] = actor["framing_side"]
    return found


_SIDE_OVERRIDES: dict[str, str] | None = None


def _side_overrides() -> dict[str, str]:
    global _SIDE_OVERRIDES
    if _SIDE_OVERRIDES is None:
        _SIDE_OVERRIDES = _framing_sides()
    return _SIDE_OVERRIDES


def _war(matches: Sequence[ActorMatch]) -> str | None:
    """The article's war: the conflict most of its named actors belong to."""
    wars = Counter(m.conflict for m in matches if _is_named(m))
    return wars.most_common(1)[0][0] if wars else None


def _side(match: ActorMatch, war: str | None) -> str:
    """The actor's side in the article's war (module docstring)."""
    side = _side_overrides().get(match.actor.name, match.actor.side)
    if side == "government" and war and _is_named(match) and match.conflict != war:
        return "foreign"  # another war's state government, named in this war's story
    return side


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def load_framing_words(lexicon: ActorLexicon | None = None) -> FramingWords:
    """Compile the framing words; the lexicon adds its state names as modifiers."""
    data = read_json("framing.json")
    lexicon = lexicon or load_actors()
    endings = tuple(data["demonym_endings"])
    demonyms = [f for f in lexicon.states if f.endswith(endings) and " " not in f]
    word = rf"(?:{_alternation(data['modifiers'] + demonyms)})"
    compound = (rf"(?:[\w.’']+-(?:{_alternation(data['hyphen_suffixes'])})"
                rf"|(?:{_alternation(data['hyphen_prefixes'])})-[\w.’']+)")
    # Spaces only: a label does not run across a line break (headline, dateline).
    modifier = re.compile(rf"(?<![\w-])(?:{compound}|{word})[ \t]+$", re.IGNORECASE)
    right = re.compile(rf"(?:[ \t]*\((?P<acr>[A-Z][\w-]{{1,9}})\))?(?:[ \t]+(?P<head>"
                       rf"{_alternation(data['right_heads'])}))?(?![\w-])")
    epithets = data["epithets"]
    epithet = re.compile(rf"(?<![\w-])(?P<word>{_alternation(epithets)})(?![\w-])", re.IGNORECASE)
    # Descriptors are left out: before a name they are titles ("President Assad").
    common = {w for item in data["modifiers"] for w in item.split() if w.islower()}
    common.update(data["hyphen_prefixes"])
    common.update(_alias_words())
    loaded = []
    for t in read_json("loaded_terms.json")["terms"]:
        if t.get("leans") == "neutral":
            continue
        rx = re.compile(rf"(?<![\w])(?:{_alternation(t['forms'])})(?![\w])", re.IGNORECASE)
        loaded.append(LoadedTerm(t["term"], t["leans"], t.get("note", ""), rx))
    return FramingWords(modifier, frozenset(data["descriptors"]), right, epithet,
                        {k.lower(): v for k, v in epithets.items()},
                        frozenset(data["determiners"]), frozenset(common), tuple(loaded))


# --- labels in one text ---------------------------------------------------------------

def _extend_left(text: str, start: int, floor: int, named: bool, words: FramingWords) -> int:
    """Start of the label once modifiers (and, before a named actor, a descriptor) are in."""
    floor = max(floor, start - LEFT_WINDOW)
    if named:
        m = re.search(r"(?<![\w-])([A-Za-z]+)[ \t]+$", text[floor:start])
        if m and m.group(1).lower() in words.descriptor:
            start = floor + m.start()
    for _ in range(MAX_MODIFIERS):
        m = words.modifier.search(text[floor:start])
        if not m:
            break
        start = floor + m.start()
    return start


def _is_named(match: ActorMatch) -> bool:
    return match.actor.known and match.conflict not in (None, GENERIC_CONFLICT)


def label_uses(text: str, lexicon: ActorLexicon, words: FramingWords) -> list[_Use]:
    """Every actor label of a text, left to right, not overlapping, with side and actor."""
    uses: list[_Use] = []
    consumed = 0
    side_counts: Counter[tuple[str, str]] = Counter()
    matches = lexicon.match(text)
    war = _war(matches)
    for match in matches:
        if match.start < consumed:
            continue  # inside the right extension of the previous label ("(HTS)")
        named = _is_named(match)
        start = _extend_left(text, match.start, consumed, named, words)
        end = match.end
        if named:
            m = words.right.match(text, end)
            if m and (m.group("acr") or m.group("head")):
                end = m.end()
        consumed = end
        side = _side(match, war)
        uses.append(_Use(start, end, side, match.actor.name))
        if named:
            side_counts[(side, match.actor.name)] += 1
    taken = [(u.start, u.end) for u in uses]
    for m in words.epithet.finditer(text):
        i = bisect.bisect_right(taken, (m.start(), len(text)))
        if i and taken[i - 1][1] > m.start():
            continue  # part of a label already ("dictator Bashar al-Assad")
        side = words.epithet_side[m.group("word").lower()]
        named = [name for (s, name), _ in side_counts.most_common() if s == side]
        start = _extend_left(text, m.start(), taken[i - 1][1] if i else 0, False, words)
        uses.append(_Use(start, m.end(), side, named[0] if named else side))
    uses.sort(key=lambda u: u.start)
    return uses


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:\"“‘'(—–-|"


def _clean(text: str, start: int, end: int, words: FramingWords) -> str:
    """The label as written, without a leading "the", and a sentence-start capital lowered
    on a common word ("Regime forces" -> "regime forces", not "President Assad")."""
    label = " ".join(text[start:end].replace("’", "'").split())
    first, _, rest = label.partition(" ")
    if rest and first.lower() in words.determiners:
        label = rest
    first = label.split(" ", 1)[0]
    head = first.split("-", 1)[0]
    if (first[:1].isupper() and not head.isupper() and head.lower() in words.common
            and _sentence_initial(text, start)):
        label = label[0].lower() + label[1:]
    return label


def label_key(label: str) -> str:
    """Comparison key of a label: case, quotes, hyphens and spaces unified."""
    label = label.replace("’", "'").replace("‐", "-").replace("‑", "-").replace("–", "-")
    return " ".join(label.lower().split())


def loaded_terms(label: str, words: FramingWords) -> list[LoadedTerm]:
    return [t for t in words.loaded if t.pattern.search(label)]


def _quoted(text: str, pos: int) -> bool:
    """True when ``pos`` is inside quotation marks within its paragraph."""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    depth = sum(before.count(c) for c in _QUOTE_OPEN) - sum(before.count(c) for c in _QUOTE_CLOSE)
    return depth > 0 or before.count('"') % 2 == 1


# --- across articles --------------------------------------------------------------------

def outlet_key(article: _ArticleLike) -> tuple[str, bool]:
    """(outlet, known): the outlet, or the doc id when the outlet is unknown."""
    return (article.outlet, True) if article.outlet else (article.id, False)


def doc_slots(article: _ArticleLike, lexicon: ActorLexicon, words: FramingWords) -> list[DocSlot]:
    """The labels of one article, grouped per slot, in the order they first appear."""
    if not article.text:
        return []
    text = article.text
    outlet, known = outlet_key(article)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    slots: dict[SlotKey, DocSlot] = {}
    for use in label_uses(text, lexicon, words):
        if use.side not in FRAMED_SIDES:
            continue
        written = _clean(text, use.start, use.end, words)
        quoted = _quoted(text, use.start)
        voice = VOICES[1] if quoted else VOICES[0]
        key = (use.side, use.actor, outlet, known, label_key(written), voice)
        slot = slots.get(key)
        if slot is None:
            i = bisect.bisect_right(starts, use.start) - 1
            sentence = sentences[i].text if i >= 0 else text[use.start:use.end]
            slot = slots[key] = DocSlot(article.id, outlet, known, use.side, use.actor, key[4], voice,
                                        example_sentence=sentence, example_start=use.start)
        slot.forms[written] += 1
        slot.count += 1
        slot.n_quoted += quoted
    return list(slots.values())


def add_up(slots: Iterable[DocSlot], n_articles: Mapping[str, int], words: FramingWords) -> list[FramingRow]:
    """Framing rows from articles' slots, streamed in article order (examples come from the
    first articles); ``n_articles``: articles read per outlet, read once ``slots`` is spent.
    Each outlet's rows depend on its own articles only."""
    acc: dict[SlotKey, _Acc] = {}
    for slot in slots:
        a = acc.setdefault(slot.key, _Acc())
        a.forms.update(slot.forms)
        a.count += slot.count
        a.n_quoted += slot.n_quoted
        if slot.doc not in a.docs and len(a.examples) < MAX_EXAMPLES:
            a.examples.append((slot.doc, slot.example_sentence, slot.example_start))
        a.docs.add(slot.doc)
    rows = [_row(key, a, words, n_articles.get(key[2], 0)) for key, a in acc.items()]
    rows.sort(key=row_order)
    return rows


def row_order(r: FramingRow) -> tuple:
    """Rows by outlet, the outlet's own voice first, side, most used, label (then actor)."""
    return (r.outlet, r.voice != "outlet", FRAMED_SIDES.index(r.actor_side), -r.count, r.label,
            r.actor, r.outlet_known)


def framing(articles: Iterable[_ArticleLike], lexicon: ActorLexicon | None = None) -> list[FramingRow]:
    """Labels per (side, actor, outlet), most used first within each outlet and side.

    ``articles`` need ``text`` (``Store.iter_articles(with_text=True)``); they are streamed
    and only counts and a few example sentences are kept.
    """
    lexicon = lexicon or load_actors()
    words = load_framing_words(lexicon)
    n_articles: Counter[str] = Counter()

    def slots() -> Iterator[DocSlot]:
        for art in articles:
            if not art.text:
                continue
            n_articles[outlet_key(art)[0]] += 1
            yield from doc_slots(art, lexicon, words)

    return add_up(slots(), n_articles, words)  # n_articles is complete once slots() is spent


def _row(key: tuple[str, str, str, bool, str, str], a: _Acc, words: FramingWords, n: int) -> FramingRow:
    side, actor, outlet, known, _, voice = key
    # The form written most often; lower case wins a tie (headline capitals lose).
    label = max(a.forms.items(), key=lambda kv: (kv[1], kv[0].islower(), kv[0]))[0]
    terms = loaded_terms(label, words)
    note = "; ".join(f"{t.term} ({t.leans}): {t.note}" for t in terms) or None
    return FramingRow(
        actor_side=side, actor=actor, outlet=outlet, outlet_known=known, label=label,
        count=a.count, n_docs=len(a.docs), n_quoted=a.n_quoted, loaded=bool(terms),
        loaded_terms=[t.term for t in terms], loaded_note=note, n_outlet_articles=n,
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


__all__ = ["add_up", "doc_slots", "framing",
           "label_key", "label_uses", "load_framing_words", "loaded_terms", "outlet_key", "outlet_summary",
           "row_order"]
