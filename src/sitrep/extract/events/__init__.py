"""Events: towns changing hands, withdrawals, clashes, strikes, reinforcements, prison breaks.

Candidates first, annotations second:
1. a trigger is a token on which a named rule fires (``territory.TERRITORY_RULES``, then
   ``kinds.KIND_RULES``); the words of each rule are its entry in ``data/event_terms.json``
   and its parse conditions are in the function ("took" needs "over", "control" or a place
   as object; "strikes" is shelling when "missile" modifies it);
2. triggers that are negated, conditional or wished for ("failed to control", "aims to
   capture", "if they take", "could be next") are dropped (``modality``);
3. the event's places are the place mentions in the trigger's slot (``slots``), one event
   per place of a list, minus landmarks ("north of X", "towards X"); "the city" goes back
   to the most named city of the last sentences;
4. actors come from the actor lexicon over the subject / agent / modifiers; the winner of a
   territory change is the side that gained it (``agents``); the claimant as for claims;
   the date from the event's own clause (``when``).
Every event records the rules that produced it: ``rule`` starts with
``<type>:<rule name>(<trigger words>)``, then how the place, actor, claimant and date were found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from ...sentences import Sentence, split_sentences
from ..doc_arrays import token_words
from ...records import Article, Claim, Event, PlaceMention, content_id
from ..claimants import ClaimantLexicon
from ..claims import _attribution, _speech_covers
from .agents import actors, side_taking_over, speaking_side, state_abroad, winner
from ..spans import by_start, starting_in
from .context import EventContext, build_event_context
from .kinds import KindEnv, kind_trigger, prison_breaks
from .modality import asserted
from .antecedents import antecedent, facility_antecedent, place_after
from .place_tokens import add_known_names, known_names, place_index
from .facility_names import facility_in_town
from .slots import places_of
from ...lexicon.actor_words import actor_words
from ...lexicon.event_terms import EventTerms, load_event_terms
from .territory import territory_trigger
from .territory_env import Env
from .tree import Trigger, clause_of, clauses_above
from .when import event_date


# Event types whose place may be the only place of the sentence when the parse gives none
# ("Fierce clashes broke out ... in El Fasher"); a withdrawal or reinforcement needs its own.
SENTENCE_PLACE_TYPES = frozenset({"armed_clash", "airstrike", "shelling"})


def _triggers(doc, t: EventTerms, pidx: dict[int, PlaceMention], kenv: KindEnv) -> list[Trigger]:
    out = []
    words = t.any_trigger
    env = Env(t, pidx)
    lowers, lemmas = token_words(doc)
    for i, (lower, lemma) in enumerate(zip(lowers, lemmas)):
        if lower not in words and lemma not in words:
            continue
        tok = doc[i]
        trig = territory_trigger(tok, env) or kind_trigger(tok, t, kenv)
        if trig is not None:
            out.append(trig)
    return out


def extract_events(ctx: EventContext, sentence: Sentence, doc, places: Sequence[PlaceMention],
                   claims: Sequence[Claim] = ()) -> list[Event]:
    """Events of one parsed sentence (``doc`` is the spaCy Doc of ``sentence.text``).

    ``places`` are the article's place mentions (absolute offsets); ``claims`` the claims
    of this sentence, whose "killed" figures become the events' fatality claims.
    """
    ctx.places = places
    if not _has_event_word(ctx.terms, sentence, doc):
        return []  # parsed for its figures only: no event word in it
    pidx = _sentence_place_index(ctx, sentence, doc, places)
    found = _placed_triggers(ctx, sentence, doc, places, pidx)
    if not found:
        return []
    claimant = _sentence_claimant(ctx, sentence, doc, places)
    killed = [c.id for c in claims if c.quantity == "killed" and c.sentence_start == sentence.start]
    return _events_of_triggers(ctx, sentence, doc, found, claimant, killed)


# A trigger with the places it is about and how they were found ("+anaphora(city)").
_Found = tuple[Trigger, list[PlaceMention], str]


def _has_event_word(t: EventTerms, sentence: Sentence, doc) -> bool:
    """A trigger word (as written or as lemma) or a prison noun in the sentence."""
    words = t.any_trigger
    lowers, lemmas = token_words(doc)
    return any(lower in words or lemma in words for lower, lemma in zip(lowers, lemmas)) or any(
        w in sentence.text.lower() for w in t.raw["prison_break"]["prison_nouns"])


def _sentence_place_index(ctx: EventContext, sentence: Sentence, doc,
                          places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
    """The sentence's place mentions by token, with names the article already used as places."""
    pidx = place_index(doc, sentence, places)
    if "known" not in ctx._dates:
        ctx._dates["known"] = known_names(places, ctx.article.text)
    add_known_names(doc, sentence, pidx, ctx._dates["known"])
    return pidx


def _article_mentions_air(ctx: EventContext) -> bool:
    """Whether the article speaks of aircraft anywhere (cached per article)."""
    if "air" not in ctx._dates:
        air_words = ctx.terms.rule("airstrike", "airstrike_noun")["article_air_words"]
        article = ctx.article.text.lower()
        ctx._dates["air"] = any(w in article for w in air_words)
    return ctx._dates["air"]


def _placed_triggers(ctx: EventContext, sentence: Sentence, doc, places: Sequence[PlaceMention],
                     pidx: dict[int, PlaceMention]) -> list[_Found]:
    """Prison breaks, then every asserted trigger that has a place."""
    t = ctx.terms
    breaks = prison_breaks(doc, t, pidx, asserted)
    found: list[_Found] = [(trig, mentions, "") for trig, mentions in breaks]
    actor_spans = [(m.start, m.end) for m in starting_in(ctx.actor_matches, sentence.start, sentence.end)]
    taken: list[PlaceMention] = []  # the places the sentence's last capture took
    for trig in _triggers(doc, t, pidx, KindEnv(sentence.text.lower(), _article_mentions_air(ctx))):
        if not asserted(trig.tok, t):
            continue
        mentions, how = _trigger_places(ctx, sentence, doc, places, pidx, trig, actor_spans)
        if breaks and trig.type == "territory_change" and any(b[0].tok.i == trig.tok.i for b in breaks):
            continue
        if not mentions and trig.type == "territory_change" and len(taken) > 1 and _takes_both(trig):
            # "seized the NBC studios and the Wenela border post before security forces regained
            # control of both" (set AK's Namibian daily): the places taken before, taken back
            mentions, how = list(taken), "+anaphora(both)"
        if mentions:
            found.append((trig, mentions, how))
            if trig.type == "territory_change":
                taken = list(mentions)
    return found


def _takes_both(trig: Trigger) -> bool:
    """The trigger's object is "both" or "all of them" ("regained control of both")."""
    for w in trig.tok.subtree:
        if w.lower_ == "both" and w.dep_ in ("dobj", "pobj", "nsubjpass") and w.head.i in (
                trig.tok.i, *(c.i for c in trig.tok.subtree if c.lower_ == "of" and c.head.lower_ == "control")):
            return True
    return False


def _trigger_places(ctx: EventContext, sentence: Sentence, doc, places: Sequence[PlaceMention],
                    pidx: dict[int, PlaceMention], trig: Trigger,
                    actor_spans: list[tuple[int, int]]) -> tuple[list[PlaceMention], str]:
    """The places of a trigger: its slot's, else the place after its noun, else the
    sentence's only place (clashes and strikes), else the antecedent of "the city"."""
    t = ctx.terms
    mentions, anaphors = places_of(trig, t, pidx, (ctx.article.id, sentence.start), actor_spans)
    mentions, how = _redo_descriptions(ctx, sentence, places, mentions)
    if not mentions and not anaphors and trig.type != "territory_change" and trig.noun:
        after = place_after(trig, pidx)
        if after is not None:
            mentions, how = [after], "+place-after"
    if not mentions and not anaphors and trig.type in SENTENCE_PLACE_TYPES:
        above = clauses_above(trig.tok)
        blocking = t.words("blocking_words", "default")
        named = {m.text: m for i, m in pidx.items() if clause_of(doc[i]).i in above
                 and not any(a.lower_ in blocking for a in doc[i].ancestors)}
        if len(named) == 1 and len({m.text for m in pidx.values()}) == 1:  # the sentence names one place: the clash or strike is there
            mentions, how = list(named.values()), "+sentence-place"
            mentions = _redo_descriptions(ctx, sentence, places, mentions)[0]
    if not mentions and anaphors:
        w = anaphors[0]
        ante = (facility_antecedent(places, w.lower_, sentence.start + w.idx)
                if w.lower_ in t.words("territory_change", "facility_objects")
                else antecedent(ctx, sentence, w.lower_, sentence.start + w.idx, places))
        if ante is not None:
            mentions = [_facility_of_anaphor(t, trig, w, ante, (ctx.article.id, sentence.start))]
            how = f"+anaphora({w.lower_})"
    return mentions, how


def _at_the_edge(t: EventTerms, trig: Trigger, mentions: Sequence[PlaceMention], sentence: Sentence) -> bool:
    """'pulled back from the edges of Bint Jbeil': a withdrawal from a town's edge or
    outskirts (territory's landmark words) gives nobody the town."""
    blocking = t.words("blocking_words", "territory_change")
    doc = trig.tok.doc
    for m in mentions:
        tok = next((w for w in doc if sentence.start + w.idx == m.start), None)
        if tok is not None and any(a.lower_ in blocking and a.pos_ == "NOUN" for a in tok.ancestors if a.i > trig.tok.i):
            return True
    return False


def _facility_of_anaphor(t: EventTerms, trig: Trigger, w, ante: PlaceMention, where: tuple[str, int]) -> PlaceMention:
    """'seized the city's airport': the airport of the town "the city" stands for."""
    fac = w.head
    if (w.dep_ == "poss" and fac.lower_ in t.words("territory_change", "facility_objects")
            and fac.tag_ not in ("NNS", "NNPS")):
        return facility_in_town(fac, ante, "poss", t, where, trig.rule)
    return ante


def _sentence_claimant(ctx: EventContext, sentence: Sentence, doc, places: Sequence[PlaceMention]) -> tuple:
    """The sentence's claimant and its rule, as for claims; none when the "claimant" is a
    place the sentence names ("(North Kordofan)" after a place locates it; nobody claims)."""
    claimant, claimant_rule = _attribution(ctx.claims_ctx, sentence, doc)
    if claimant is not None and any(m.text == claimant.name or m.text == getattr(claimant, "as_written", None)
                                    for m in starting_in(places, sentence.start, sentence.end)
                                    if m.precision is not None):  # a province or town, not a state
        return None, ""
    return claimant, claimant_rule


def _events_of_triggers(ctx: EventContext, sentence: Sentence, doc, found: list[_Found],
                        claimant: tuple, killed: list[str]) -> list[Event]:
    """One event per trigger and place (two when two sides take it). A withdrawal whose place
    the text gives to another side adds a territory change to ``found`` (rule:
    withdrawal_inferred), read in turn."""
    events: list[Event] = []
    seen: dict[tuple[str, str], str | None] = {}  # (type, place) -> the side of its first event
    # "entered X and by December 19 took control of the city": one event, the control
    weak = ctx.terms.rule("territory_change", "capture_verb")["weak_verbs"]
    found.sort(key=lambda f: f[0].type == "territory_change" and f[0].tok.lower_ in weak)
    inferred: dict[int, tuple] = {}  # index in found -> (side taking over, side withdrawing)
    for k, (trig, mentions, how) in enumerate(found):
        when = event_date(ctx, sentence, doc, trig.tok)
        who, who_rule, source_kind = _trigger_claimant(ctx, sentence, doc, trig, claimant)
        sides = _trigger_sides(ctx, sentence, doc, trig, mentions, inferred.get(k))
        if sides is None:
            continue  # only an armed side takes a place this way
        actor1, actor2, actor_rule, side = sides
        if trig.type == "withdrawal" and how in ("",) + tuple(f"+anaphora({w})" for w in ("city", "town", "it")):
            taker = side_taking_over(ctx, sentence, doc, trig, actor1)
            if taker is not None and not _at_the_edge(ctx.terms, trig, mentions, sentence):
                # the place goes to the side the text names (rule says: inferred)
                found.append((Trigger(trig.tok, "territory_change", "withdrawal_inferred", trig.word,
                                      role="gain"), mentions, how))
                inferred[len(found) - 1] = (taker, actor1)
        start = sentence.start + trig.tok.idx
        end = start + len(trig.tok.text)
        for m in mentions:
            if trig.type == "territory_change":
                m = _with_direction(ctx.article.text, m)
            key = (trig.type, m.text.lower())
            if key in seen and not (side and seen[key] and side != seen[key]):
                continue  # (a place taken by one side and taken back by the other: two events)
            seen[key] = side
            rule = " ".join(r for r in (trig.label + how, f"place:{m.rule}", actor_rule,
                                        who_rule or "claimant:none", f"date:{when.rule}") if r)
            events.append(Event(
                id=content_id(ctx.article.id, start, end, trig.type, m.text),
                doc=ctx.article.id, type=trig.type, sentence=sentence.text, start=start, end=end,
                sentence_start=sentence.start, rule=rule, actor1=actor1, actor2=actor2, winner=side,
                place=m, date=when.date, date_precision=when.precision, date_rule=when.rule,
                source=who.name if who else None,
                source_kind=source_kind, fatality_claims=list(killed)))
    return events


# A lowercase compass word right before a place names a part of it ("west Beirut", "eastern
# Aleppo"): the part taken, as written (GUIDE: the place's most specific name; set AW's
# Beirut wire). A capitalised one is already the name's ("East Jerusalem").
_DIRECTION_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<dir>(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+$")


def _with_direction(text: str, m: PlaceMention) -> PlaceMention:
    found = _DIRECTION_BEFORE.search(text, max(0, m.start - 20), m.start)
    if found is None or m.place is None or m.place.feature not in (None, "city", "town"):
        return m
    start = found.start("dir")
    return replace(m, text=text[start:m.end], start=start)


def _trigger_claimant(ctx: EventContext, sentence: Sentence, doc, trig: Trigger, claimant: tuple) -> tuple:
    """Who claims this event (claimant, rule, kind): the sentence's claimant when its speech
    covers the trigger, else a side speaking of it ("a claimed capture keeps its claimant")."""
    who, who_rule = claimant
    if who_rule.startswith("claimant:subject-of") and not _speech_covers(ctx.claims_ctx, sentence, doc, trig.tok.idx):
        who, who_rule = None, ""  # "Strike kills 13 as Moscow claims a village": not Moscow's
    source_kind = who.kind if who else "unknown"
    if who is None:
        speaker, kind = speaking_side(ctx, sentence, trig.tok)
        if speaker is not None:  # a claimed capture keeps its claimant
            who, who_rule, source_kind = speaker, "claimant:speaking-actor", kind
    return who, who_rule, source_kind


def _trigger_sides(ctx: EventContext, sentence: Sentence, doc, trig: Trigger, mentions: list[PlaceMention],
                   inferred: tuple | None) -> tuple | None:
    """The event's actors, their rule and the winning side (actor1, actor2, rule, winner);
    None when a territory change that needs an armed side has none."""
    actor1, actor2, actor_rule = actors(ctx, sentence, doc, trig)
    if inferred is not None:
        actor1, actor2 = inferred
        actor_rule = "actor:withdrawal"
    actor1 = state_abroad(ctx, actor1, mentions)
    side = None
    if inferred is not None:
        side = actor1.side
    elif trig.type == "territory_change":
        side, holder = winner(ctx, sentence, doc, trig, actor1)
        if trig.role == "fall" and holder is not None:
            actor1 = holder
        if trig.needs_side and side not in ("government", "opposition", "foreign"):
            return None
    return actor1, actor2, actor_rule, side


def _redo_descriptions(ctx: EventContext, sentence: Sentence, places: Sequence[PlaceMention],
                       mentions: list[PlaceMention]) -> tuple[list[PlaceMention], str]:
    """'the city', 'the town' resolved for events by ``antecedents.antecedent`` (the most named
    town of the last sentences, tuned on how news reports a capture), not by the nearest
    city: "Rebels closed in on Hama ... the army announced the fall of the city"."""
    kinds = ctx.terms.words("anaphoric_places")
    out, how = [], ""
    for m in mentions:
        word = m.text.split()[-1].lower() if m.rule.startswith("description") else ""
        ante = antecedent(ctx, sentence, word, m.start, places) if word in kinds else None
        if ante is not None:
            out.append(ante)
            how = f"+anaphora({word})"
        else:
            out.append(m)
    return out, how


def _unknown_named_actor(actor) -> bool:
    """An actor named with capitals that no actor file knows ("Bosnian Serb forces"), not a
    common noun ("the alliance", "the opposition")."""
    if actor is None or actor.known or actor.acled_type == "State forces":
        return False  # a state's numbered unit fights for the side the article sees winning
    words = (actor.as_written or actor.name).split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()
                                                        and words[0].lower() != "the"
                                                        and words[0].lower() not in actor_words().unnamed_winners)


def fill_winners(events: list[Event]) -> None:
    """A territory change with no stated winner ("after the fall of Aleppo") goes to the side
    that wins the article's other territory changes, when one side does."""
    sides = Counter(e.winner for e in events if e.type == "territory_change" and e.winner)
    if len(sides) != 1:
        return
    side = next(iter(sides))
    for e in events:
        # an actor of no known side ("Bosnian Serb forces overran X") is a winner the
        # lexicon does not know, not the article's usual winner
        if e.type == "territory_change" and e.winner is None and not _unknown_named_actor(e.actor1):
            e.winner = side
            e.rule += " winner:article"


def events_for_article(ctx: EventContext, parsed: Iterable[tuple[Sentence, object]],
                       places: Sequence[PlaceMention], claims: Sequence[Claim] = ()) -> list[Event]:
    """Events of an article from its parsed sentences, winners filled from the article."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    events: list[Event] = []
    places = by_start(places)
    for sentence, doc in parsed:
        events += extract_events(ctx, sentence, doc, places, by_sentence.get(sentence.start, ()))
    events = _drop_containing_provinces(events)
    events = [e for e in events if not _surname_taken(e, ctx.article.text)]
    fill_winners(events)
    return events


def _surname_taken(event: Event, text: str) -> bool:
    """'Mehrtens was seized in February 2023' after "pilot Phillip Mehrtens": a place taken that
    no gazetteer knows and that is a person's surname (``places.surname_named_before``) is a
    person seized, no territory change (set DH's Papua story)."""
    from ..places import surname_named_before

    m = event.place
    return event.type == "territory_change" and m is not None and m.place is None \
        and surname_named_before(text, m.text, m.start)


def _drop_containing_provinces(events: list[Event]) -> list[Event]:
    """'captured the village of X in Donetsk region': one event at X, not a second one at
    the province that only locates it (same trigger, province of a more precise place)."""
    by_trigger: dict[tuple[int, str], list[Event]] = {}
    for e in events:
        by_trigger.setdefault((e.start, e.type), []).append(e)
    keep = []
    for group in by_trigger.values():
        precise_provinces = {(e.place.place.admin1 or "").casefold() for e in group
                             if e.place and e.place.place and (e.place.precision or 9) <= 2}
        for e in group:
            m = e.place
            # the mention names the province itself (not a village anchored in it)
            is_province = (m is not None and m.place is not None and m.precision == 3
                           and not m.rule.startswith("anchored"))
            if is_province and precise_provinces and (
                    (m.place.admin1 or m.place.name).casefold() in precise_provinces
                    or m.text.casefold() in precise_provinces):
                continue
            keep.append(e)
    return sorted(keep, key=lambda e: (e.start, e.id))


def events_from_text(article: Article, claimants: ClaimantLexicon | None = None) -> list[Event]:
    """Events of one article, parsing it here: for tests and one-off use. The pipeline calls
    ``events_for_article`` with the sentences it has already parsed, to avoid a second pass.
    Places are resolved as the pipeline resolves them (the countries of the article and of
    the war its actors belong to)."""
    from ...nlp import parse
    from ...sentence_gate import worth_parsing
    from .. import default_extractor
    from ..places import find_place_mentions
    from ..places.candidates import capitalised_candidates, country_context

    ex = default_extractor()
    sentences = split_sentences(article.text)
    chosen = [s for s in sentences if worth_parsing(s.text)]
    countries = ex.countries_of(article.text)
    place_context = country_context(article.text, ex.gazetteer)
    place_context += [c for c in countries if c not in place_context]
    places = find_place_mentions(article.id, article.text, capitalised_candidates(article.text), ex.gazetteer,
                                 place_context)
    ctx = build_event_context(article, ex.actors, claimants=claimants or ex.claimants, countries=countries,
                              sentences=sentences)
    return events_for_article(ctx, zip(chosen, parse([s.text for s in chosen])), places)


__all__ = ["EventContext", "build_event_context", "extract_events", "events_for_article", "events_from_text",
           "fill_winners", "load_event_terms"]
