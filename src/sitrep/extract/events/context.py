"""What event extraction needs to know about the article as a whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ...sentences import Sentence, split_sentences
from ...records import Article, PlaceMention
from ..actors import GENERIC_CONFLICT, ActorLexicon, ActorMatch, load_actors
from ..claimants import ClaimantLexicon
from ..claims import ArticleContext, build_context
from ..spans import by_start
from ...lexicon.event_terms import EventTerms, load_event_terms


@dataclass
class EventContext:
    """The article, its actors (matched once), its sentences and the war's countries."""

    article: Article
    actors: ActorLexicon
    claims_ctx: ArticleContext
    countries: Sequence[str] = ()
    actor_matches: list[ActorMatch] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    terms: EventTerms = field(default_factory=load_event_terms)
    places: Sequence[PlaceMention] = ()  # the article's place mentions (set by events_for_article)
    _dates: dict = field(default_factory=dict)  # per-article caches: fallback dates, known place names


def build_event_context(article: Article, actors: ActorLexicon | None = None,
                        claimants: ClaimantLexicon | None = None, countries: Sequence[str] = (),
                        claims_ctx: ArticleContext | None = None,
                        sentences: list[Sentence] | None = None) -> EventContext:
    """Pass the claims' ``ArticleContext`` when there is one: it already holds the claimant mentions."""
    if claims_ctx is None:
        if claimants is None:
            raise ValueError("build_event_context needs claimants or claims_ctx")
        claims_ctx = build_context(article, claimants, countries)
    lex = actors or load_actors()
    # The war is voted from the article's unambiguous actor names, not from country counts:
    # a Syria story names Russia and Israel often, and "the army" must stay the Syrian army.
    matches = lex.match(article.text, home=tuple(countries)[:1])
    wars = Counter(m.conflict for m in matches if m.conflict and m.conflict != GENERIC_CONFLICT
                   and _in_the_story(lex, m.conflict, countries))
    home = lex.conflict_order.get(wars.most_common(1)[0][0], ()) if wars else tuple(countries)[:1]
    return EventContext(article, lex, claims_ctx, home or tuple(countries)[:1], by_start(matches),
                        sentences if sentences is not None else split_sentences(article.text))


def _in_the_story(lex: ActorLexicon, conflict: str, countries: Sequence[str]) -> bool:
    """Whether a war an actor belongs to is fought in a country the article names: an
    affiliate of a group known from another war ("the Islamic State group" in a Sinai story)
    does not make that war the story's, nor its state the home state."""
    home = lex.conflict_countries.get(conflict, ())
    return not countries or not home or bool(set(home) & set(countries))
