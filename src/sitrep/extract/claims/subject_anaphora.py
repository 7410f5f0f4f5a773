"""Whom an anaphoric subject points back to: "he", "the ministry", "the agency", "Army
officials" after a body spoke (the current reporter when it fits, else the last claimant of
that kind named before). Read by ``subject_resolve.resolve_subject``."""

from __future__ import annotations

import re

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_rule_words import word_set
from ...lexicon.claim_terms import load_attribution_terms
from .bodies_before import other_service
from .context import ArticleContext
from .discourse import last_claimant_before

_ATTRIBUTION = load_attribution_terms()
# ", a 40-year-old volunteer", ", a doctor": a person given by a role only. The body of that
# kind must have been named within this many characters (about three sentences; tuned on
# the bundled sample) for the person to speak for it.
ROLE_LOOKBACK_CHARS = 600


def anaphoric_subject(ctx: ArticleContext, sentence: Sentence, phrase: str, low: str) -> Claimant | None:
    """'he', 'the ministry', 'the statement': a known name as it stands, else whom it points
    back to, else (for "the ministry" with no ministry before) the article's state's body."""
    terms = load_attribution_terms()
    named = ctx.lexicon.resolve(phrase, ctx.countries) if low not in terms.pronoun_subjects else None
    if named and named.known:
        return named
    titled = same_title_before(ctx, sentence, low)
    if titled is not None:
        return titled  # "the Minister said" after "the Minister for Defence, Dr. X, told the House" (set DC)
    earlier = reporter_or_last(ctx, sentence, named)
    if earlier is not None and named is not None:
        earlier = other_service(ctx, named, phrase, earlier) or earlier
    if earlier or low in terms.pronoun_subjects:
        return earlier
    head = low.split()[-1]
    if ctx.publisher is not None and low.startswith("the ") and len(low.split()) == 2 \
            and head in ctx.publisher.name.lower().split():
        return ctx.publisher  # "the Ministry stated" in the ministry's own bulletin (set X's Honduran one)
    by_head = body_named_with_head(ctx, sentence, low, state_heads=True)
    if named is not None and by_head is not None:
        # "According to the ministry" after "The Ministry of Public Order says" (a name no claimant
        # file knows; set V's Athens feature): that ministry, not the state's in general
        found = ctx.lexicon.resolve(by_head, ctx.countries)
        if found is not None and not found.known and ctx.countries:
            found = ctx.lexicon.in_country(found, by_head, ctx.countries[0])  # named as when it spoke
        return found if found is not None and found.known else Claimant(by_head, named.kind, phrase, False)
    if named is not None:  # "the ministry said" with no ministry named before: the state's
        return ctx.lexicon.in_country(named, phrase, ctx.countries[0] if ctx.countries else None)
    return named


# Roles that speak for whoever is speaking, not an office held by one person.
_SPEAKING_ROLES = frozenset({*_ATTRIBUTION.spokes_titles, "spokeswoman", "spokesperson", "official", "representative"})


def same_title_before(ctx: ArticleContext, sentence: Sentence, low: str) -> Claimant | None:
    """'the minister', 'the governor': the last speaker before whose words named that title
    ("the Minister for Defence, Dr. Njoroge Mungai"), though another spoke since; else None."""
    words = low.split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _ATTRIBUTION.titled_words \
            or words[1] in _SPEAKING_ROLES:
        return None  # ("the spokesman added" is whoever is speaking: dev2's Houthi briefing)
    title = words[1]
    rep = ctx.reporter
    if rep is not None and re.search(rf"\b{title}\b", (rep.claimant.as_written or "").lower()):
        return None  # the one speaking now holds it
    for index in sorted((i for i in ctx.attributions if i < sentence.index), reverse=True):
        who, _ = ctx.attributions[index]
        if who is not None and who.known and re.search(rf"\b{title}\b", (who.as_written or "").lower()):
            return who
    return None


# A state's heads looked back for when no body of the kind spoke before: a ministry is named
# by its portfolio ("Ministry of Public Order"); "the army" may be a rebel army named before
# ("The band ... calls itself the National Liberation Army"; set Q's Bolivia feature).
_NAMED_STATE_HEADS = word_set("named_state_heads")


def body_named_with_head(ctx: ArticleContext, sentence: Sentence, low: str, state_heads: bool = False) -> str | None:
    """The last name before the sentence of a body with the head of "the <head>" ("the
    committee" -> "Vlora Salvation Committee", "Committee of Salvation of Vlora"); None when
    none is named or the head is a state's own (unless ``state_heads``: no body of its kind
    spoke before)."""
    words = low.split()
    # a state's own heads ("the army", "the ministry") and heads of no body ("the group") are
    # read by kind (``heads_read_by_kind``), not looked back for
    if len(words) != 2 or words[0] != "the" or words[1] not in _ATTRIBUTION.neuter_heads \
            or words[1] in _ATTRIBUTION.heads_read_by_kind and not (state_heads and words[1] in _NAMED_STATE_HEADS):
        return None
    head = words[1]
    cap = r"[A-Z][\w'’-]*"
    # joiners of other languages' names too ("Rio de Janeiro State Security Secretariat")
    ending = re.compile(rf"\b(?:{cap}\s+(?:(?:of|for|and|the|de|da|do|du|des|del|la|al|el)\s+)*){{1,6}}(?i:{head})\b")
    leading = re.compile(rf"\b(?i:{head[:1]}){head[1:]}\s+(?:of|for)\s+(?:the\s+)?{cap}(?:\s+(?:(?:of|for|and|the)\s+)?{cap}){{0,4}}")
    spans = sorted((m.start(), m.end(), re.sub(r"^(?:The|A|An)\s+", "", m.group(0))) for rx in (ending, leading)
                   for m in rx.finditer(ctx.article.text, 0, sentence.start))
    spans = [(at, end, name) for at, end, name in spans if name.lower() != head]
    # "Revolutionary Command of General Eduardo Lonardi": the name the body is called by, not
    # the "Command of ..." run inside it (set S's Argentina digest)
    found = [(at, name) for i, (at, _, name) in enumerate(spans) if not any(a < at < b for a, b, _ in spans[:i])]
    return max(found)[1] if found else None


def reporter_or_last(ctx: ArticleContext, sentence: Sentence, hint: Claimant | None) -> Claimant | None:
    """What an anaphoric subject ('he', 'the ministry', 'the statement') points back to: the
    current reporter when it fits the hint's kind, else the last claimant named before (both
    inside the monitoring digest's item, when the sentence is in one)."""
    rep = ctx.reporter
    if rep is not None and rep.sentence < len(ctx.sentences) \
            and ctx.sentences[rep.sentence].start < ctx.item_start(sentence.start):
        rep = None  # "Amman home service, ...: An army spokesman said": not the army of Cairo's item
    states = {"government", "foreign_government"}
    if hint is not None and hint.as_written.lower() in load_attribution_terms().agency_words:
        if rep is not None and rep.claimant.kind in ("un", "ngo", "government"):
            return rep.claimant  # "the agency added" after UNHCR or a state agency spoke
        # "..., the U.N. refugee agency said. ... aid workers said. Another 40,000 have fled,
        # the agency said." in an AP story: the UN agency named just before, not the wire.
        un = last_claimant_before(ctx, sentence.start, kind="un", within=ROLE_LOOKBACK_CHARS)
        if un is not None:
            return un
        if rep is not None and rep.claimant.kind == "media":
            return rep.claimant  # "the agency added" after AFP spoke
    if rep is not None and (hint is None or hint.kind in ("unknown", rep.claimant.kind)
                            or {hint.kind, rep.claimant.kind} <= states
                            or _same_kind_family(hint, rep.claimant)
                            or hint.name.lower() in rep.claimant.name.lower().split()):
        return rep.claimant  # "the foundation" after the Human Rights Foundation of Turkey spoke
    kind = hint.kind if hint is not None and hint.kind != "unknown" else None
    return last_claimant_before(ctx, sentence.start, kind=kind) or (
        last_claimant_before(ctx, sentence.start) if hint is None else None)


def _same_kind_family(a: Claimant, b: Claimant) -> bool:
    """A ministry (government) and a health ministry (medical) are both ministries."""
    words = load_attribution_terms().body_families
    aw = set(a.name.lower().split()) & words
    return bool(aw) and bool(aw & set(b.name.lower().split()))


def serves(role: str, earlier: Claimant) -> bool:
    """Whether "<role> officials" can be the body named before: any body for a ministry or an
    agency, but an army's officials are an army's, even after another body spoke ("Army
    officials said" after the Tanzanian Health Ministry in a Burundi report: Burundi's army)."""
    low = role.lower()
    if low not in _ATTRIBUTION.force_bodies:
        return True
    if "police" in earlier.name.lower().split() and low in ("army", "military"):
        return False  # "the military spokesman for the region" after the police spoke: not the police's
    return not set(earlier.name.lower().split()) & _ATTRIBUTION.civil_body_heads  # the IDF is an army


# A sentence that opens with a state as its subject, after a liveblog time ("14:55 India has
# evacuated about 350 of its nationals ..., its foreign ministry says").
_STATE_OPENS = re.compile(r"^\W*(?:\d{1,2}[:.]\d{2}\s*(?:[-–—:]\s*)?)?(?P<state>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s+"
                          r"(?:has|have|had|is|was|were|says|said|[a-z]+ed)\b")


def body_of_state_subject(ctx: ArticleContext, sentence: Sentence, rest: str) -> Claimant | None:
    """'India has evacuated 350 of its nationals, its foreign ministry says': "its" is the
    state the sentence opens with, not the reporter of an earlier entry."""
    from ..state_bodies import state_body_index

    m = _STATE_OPENS.match(sentence.text)
    if m is None or m.group("state").lower() not in state_body_index()[1]:
        return None
    return ctx.lexicon.state_body(f"{m.group('state')}'s {rest}")


def publishers_head(ctx: ArticleContext, low: str) -> bool:
    """'the administration', 'the committee': the head of a body's name in its own statement,
    as the lexicon names it or as the outlet wrote it ('the Office' in the UN Human Rights
    Office's release, whose lexicon name is OHCHR: set CD's Bangladesh report)."""
    words = low.split()
    if ctx.publisher is None or len(words) != 2 or words[0] != "the" \
            or words[1] not in load_attribution_terms().neuter_heads:
        return False
    names = f"{ctx.publisher.name} {ctx.publisher.as_written or ''}".lower().split()
    return words[1] in names


def points_back(phrase: str) -> bool:
    """A description of no known kind that points back to a claimant named before: "the
    department", "the front", "the bulletin" (a body's head or a record's noun), not "the
    multinational crew"."""
    terms, head = load_attribution_terms(), phrase.lower().split()[-1]
    return bool(terms.body_heads.search(phrase.lower())) or head in terms.record_nouns or head in terms.neuter_heads
