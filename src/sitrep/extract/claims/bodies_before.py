"""Bodies a phrase points back to that the lexicon cannot name alone: "hospital officials"
after a named hospital, "the army" after the state's police (its other service), "the
director" of the hospital the sentence names."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.actor_words import actor_words, named_institution
from ...lexicon.claim_rule_words import in_order
from ...lexicon.loader import read_json
from ...lexicon.patterns import alternation
from ...sentences import Sentence
from ...records import Claimant
from .context import ArticleContext


# How far back 'hospital officials' may look for the hospital the article named (characters:
# about two sentences of a liveblog entry; tuned on a Kenya 2013 liveblog probe).
INSTITUTION_LOOKBACK_CHARS = 400


def institution_named_before(ctx: ArticleContext, sentence: Sentence) -> str | None:
    """'Our reporter outside Nairobi Hospital counts ambulances. Hospital officials say ...':
    the institution named last, in this sentence or just before it."""
    text = ctx.article.text
    lo = max(0, sentence.start - INSTITUTION_LOOKBACK_CHARS)
    names = [m.group("name") for m in named_institution().finditer(text, lo, sentence.end)]
    if not names:
        return None
    return re.sub(r"^(?:The|A|An)\s+", "", names[-1])


def other_service(ctx: ArticleContext, who: Claimant, phrase: str, earlier: Claimant) -> Claimant | None:
    """'Police said ... The army said': a definite description that is the article's state's
    other service (its army, after its police) is that service, not the body named before.
    The body named before is kept when it is the same service ('the army' after 'Royal Thai
    Army', 'the ministry' after 'Gaza Health Ministry'): its name holds the service's noun."""
    own = ctx.lexicon.in_country(who, phrase, ctx.countries[0] if ctx.countries else None)
    if not own.known or own.name == earlier.name:
        return None
    service = own.name.split()[-1].lower()
    if service in earlier.name.lower() or own.name in ctx.lexicon.lineage(earlier.name):
        return None  # the same service, or a part of it
    if _military(own.name) and _military(earlier.name):
        return None  # 'the military' after 'Armed Forces of the Philippines'
    return own


def _military(name: str) -> bool:
    """Whether a body's name is an armed force's (its army, armed forces, navy, a corps)."""
    words = actor_words()
    low = f" {name.lower()} "
    return any(f" {w} " in low for w in (*words.force_nouns, *words.unit_nouns))


# "the director", "its chief": the head of an institution the same sentence names.
# "superintendant": as local papers spell it (set Y's Kasese daily)
INSTITUTION_HEAD = re.compile(rf"^(?:the|its)\s+(?:{in_order('institution_head_modifiers')}\s+)?"
                              rf"{in_order('institution_heads')}$", re.IGNORECASE)
# "director Zulfikar Hasan", "chief Dr. Afdal Kunting": the head of an institution as a title
# before the person's name. Lowercase only: "Chief Minister Omar" is a title of its own.
HEAD_BEFORE_NAME = re.compile(rf"^(?:the\s+)?(?:{in_order('institution_head_modifiers')}\s+)?"
                              rf"{in_order('institution_heads')}\s+(?:(?:Dr|Prof)\.?\s+)?[A-Z][^,;()]*$")


@lru_cache(maxsize=1)
def _institution_noun_first() -> re.Pattern[str]:
    """'the Hospital Holandes', 'Clinica Santa Maria': an institution's noun before its name."""
    inst = alternation(read_json("claimant_kinds.json")["place_institutions"])
    return re.compile(rf"\b(?P<name>(?=[A-Z])(?i:{inst})(?:\s+[A-Z][\w'’-]+){{1,3}})\b")


@lru_cache(maxsize=1)
def _town_possessive_institution() -> re.Pattern[str]:
    """'Bireuen's general hospital', 'Kuito's main hospital': a town's institution, its kind in
    lowercase after up to two modifiers (group ``town`` and ``kind``)."""
    inst = alternation(read_json("claimant_kinds.json")["place_institutions"])
    return re.compile(rf"\b(?P<town>(?:[A-Z][\w-]+\s+){{0,2}}[A-Z][\w-]+)['’]s\s+(?P<kind>(?:[a-z]+\s+){{0,2}}?(?:{inst}))\b")


def institution_in(text: str) -> str | None:
    """The one institution a sentence names ("Kosevo hospital", "the Hospital Holandes",
    "Bireuen's general hospital" as "Bireuen general hospital")."""
    found = {m.group("name") for rx in (named_institution(), _institution_noun_first()) for m in rx.finditer(text)}
    found |= {f"{m.group('town')} {m.group('kind')}" for m in _town_possessive_institution().finditer(text)}
    found = {re.sub(r"^(?:The|In|At|From)\s+", "", name) for name in found}
    return found.pop() if len(found) == 1 else None
