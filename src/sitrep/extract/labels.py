"""Framing labels: the phrases an article names each actor with, read at extraction.

Labels are the noun phrases that name an actor ("jihadi insurgents", "anti-regime forces",
"HTS terrorists", "Assad regime", "Syrian army"). The actor lexicon finds the actor and its
side (it already folds "Iran-backed", "pro-X" and compounds such as "HTS terrorists");
``data/framing.json`` then widens each match into the phrase the outlet wrote: modifiers
on its left ("jihadi", "Islamist", "anti-regime", a demonym), a descriptor before a named
actor ("the Islamist group Hayat Tahrir al-Sham"), an acronym and head noun on its right
("... (HTS) group"), and bare epithets ("the dictator") credited to the side's most-named
actor in the article. Labels are compared case-insensitively, without a leading "the".

Each written form is marked loaded when it holds a form of ``data/loaded_terms.json`` whose
``leans`` is not neutral. A label inside quotation marks is the quoted speaker's
("terrorist groups", said the army), not the outlet's: its voice is ``quoted``.

Sides are per war, from the actor data: the government of another war's state named in
an article about this war ("Israeli Prime Minister Benjamin Netanyahu" in a story on
Syria) is a foreign state here, not the government side; and an actor file may give an
actor its own ``framing_side`` when it is a party of its own (in Syria the Kurdish-led SDF
and the Islamic State are ``other``, not the side of HTS).

``actor_labels`` gives one article's labels as ``records.framing.ActorLabel`` rows, stored
with the article (table ``actor_labels``); the reconcile stage adds them up per outlet
(``reconcile.framing``) without reading text.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon.loader import package_files, read_json, read_json_file
from ..sentences import Sentence, split_sentences
from ..records.framing import FRAMED_SIDES, VOICES, ActorLabel
from .actors import GENERIC_CONFLICT, ActorLexicon, ActorMatch, load_actors

# Words a modifier run may take left of a match: "so-called Islamist-led jihadi" is 3.
MAX_MODIFIERS = 3
# Characters left of a match searched for modifiers: three long words and their spaces.
LEFT_WINDOW = 80

_QUOTE_OPEN, _QUOTE_CLOSE = "“«", "”»"


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
class LabelUse:
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


_WORDS: dict[tuple, tuple[ActorLexicon, FramingWords]] = {}


def framing_words(lexicon: ActorLexicon) -> FramingWords:
    """The compiled framing words, once per process, lexicon and user data folder."""
    key = (id(lexicon), os.environ.get("SITREP_DATA_DIR"))
    if key not in _WORDS:
        _WORDS[key] = (lexicon, load_framing_words(lexicon))  # the lexicon kept: its id stays its own
    return _WORDS[key][1]


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


def label_uses(text: str, lexicon: ActorLexicon, words: FramingWords) -> list[LabelUse]:
    """Every actor label of a text, left to right, not overlapping, with side and actor."""
    uses: list[LabelUse] = []
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
        uses.append(LabelUse(start, end, side, match.actor.name))
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
        uses.append(LabelUse(start, m.end(), side, named[0] if named else side))
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


def actor_labels(doc: str, text: str, lexicon: ActorLexicon, words: FramingWords,
                 sentences: Sequence[Sentence] | None = None) -> list[ActorLabel]:
    """The labels of one article for the framed sides: one row per slot (side, actor, label,
    voice) and written form, slots in the order they first appear. ``sentences``: the
    text's ``split_sentences`` when the caller has them already."""
    if not text:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    slots: dict[tuple[str, str, str, str], tuple[Counter[str], str, int]] = {}
    for use in label_uses(text, lexicon, words):
        if use.side not in FRAMED_SIDES:
            continue
        written = _clean(text, use.start, use.end, words)
        voice = VOICES[1] if _quoted(text, use.start) else VOICES[0]
        key = (use.side, use.actor, label_key(written), voice)
        if key not in slots:
            i = bisect.bisect_right(starts, use.start) - 1
            sentence = sentences[i].text if i >= 0 else text[use.start:use.end]
            slots[key] = (Counter(), sentence, use.start)
        slots[key][0][written] += 1
    out = []
    for (side, actor, key, voice), (forms, sentence, start) in slots.items():
        for written, count in forms.items():
            terms = loaded_terms(written, words)
            note = "; ".join(f"{t.term} ({t.leans}): {t.note}" for t in terms) or None
            out.append(ActorLabel(doc, side, actor, key, voice, written, count, [t.term for t in terms],
                                  note, sentence, start))
    return out


__all__ = ["FramingWords", "LabelUse", "LoadedTerm", "actor_labels", "framing_words", "label_key",
           "label_uses", "load_framing_words", "loaded_terms"]
