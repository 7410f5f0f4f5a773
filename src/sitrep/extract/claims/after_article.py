"""Claim rules that run after the whole article is read: a figure attributed by a later
sentence, source lines, unverified notes, the publisher as the fallback claimant, and
one claim per figure (headlines restating the body dropped)."""

from __future__ import annotations

import re

from ...sentences import MAX_SENTENCE_CHARS
from ...records import Claim, Claimant
from .context import ArticleContext


# --- after the whole article is read -------------------------------------------------------------

def attributed_after(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'Four soldiers were killed and nine wounded. The situation is escalating, Daily Sabah
    reported.': an attribution in the next sentence of the paragraph, which states no figure
    of its own, covers the figures before it."""
    with_claims = {c.sentence_start for c in claims}
    by_start = {s.start: s for s in ctx.sentences}
    for claim in claims:
        if claim.source is not None:
            continue
        here = by_start.get(claim.sentence_start)
        if here is None or here.index + 1 >= len(ctx.sentences):
            continue
        nxt = ctx.sentences[here.index + 1]
        # a sentence cut by a line break ("... due to the attacks,\nthe U.N. agency said.")
        unfinished = here.text.rstrip().endswith(",") and nxt.text[:1].islower()
        if nxt.start in with_claims or (ctx.line_of(nxt.start) != ctx.line_of(here.start) and not unfinished):
            continue
        who, rule = ctx.attributions.get(nxt.index, (None, ""))
        if who is not None and rule not in ("claimant:possessive-anaphora", "claimant:current-reporter") \
                and not _denies(nxt.text):
            _attribute(claim, who, "claimant:attributed-after")


def _denies(text: str) -> bool:
    """'We reject the propaganda of Hargeisa which is saying ...': a sentence that rejects what
    another side says is no attribution of the figures before it (set Y's SSC-Khatumo release)."""
    from ...lexicon.claim_terms import load_attribution_terms

    words = set(re.findall(r"[a-z]+", text.lower()))
    return any(verb in words for verb in load_attribution_terms().denial_verbs)


def source_lines(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'Source: UNHCR' under a paragraph or fact box: its unattributed figures are that
    source's."""
    for index, (who, rule) in ctx.attributions.items():
        if rule != "claimant:source-line" or who is None or index == 0:
            continue
        line = ctx.line_of(ctx.sentences[index].start)
        above = ctx.line_of(ctx.sentences[index - 1].start)
        for claim in claims:
            if claim.source is None and above <= ctx.line_of(claim.start) < line:
                _attribute(claim, who, "claimant:source-line")


def unverified_after(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'The figures could not be independently verified.' said right after figures marks
    them unverified."""
    from ...lexicon.claim_terms import load_figure_terms

    pattern = load_figure_terms().unverified
    with_claims = {c.sentence_start for c in claims}
    for s in ctx.sentences[1:]:
        if s.start in with_claims or not pattern.search(s.text):
            continue
        before = ctx.sentences[s.index - 1]
        for claim in claims:
            if claim.sentence_start == before.start:
                claim.unverified = True


def own_reporting(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'An Associated Press reporter who walked along the street counted 14 bodies' in an AP
    story, 'Our correspondent counted 11 bodies': what the outlet's own people saw is the
    article's own statement, which names no claimant (GUIDE.md: source null)."""
    from ...ingest.outlets import canonical_outlet
    from ...lexicon.claim_terms import load_attribution_terms

    own = canonical_outlet(re.sub(r"\s*\([^)]*\)", "", ctx.article.outlet or "")).casefold()
    staff, unnamed = load_attribution_terms().own_staff, load_attribution_terms().unnamed_reporters
    for claim in claims:
        written = (claim.source_text or "").strip()
        if claim.source is None or claim.source_kind not in ("media", "unknown"):
            continue
        if staff.match(written) or written.lower() in unnamed or (own and claim.source_kind == "media"
                                    and canonical_outlet(claim.source).casefold() == own):
            claim.source, claim.source_kind, claim.source_text = None, "unknown", None
            claim.rule = re.sub(r"claimant:\S+", "claimant:own-reporting", claim.rule)


def publisher_officers(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'General Neal said' in a Central Command briefing summary: an officer no file knows,
    named by rank, speaks for the state body that publishes the briefing."""
    from ...lexicon.claim_terms import rank_prefix

    if ctx.publisher is None or ctx.publisher.kind not in ("government", "foreign_government"):
        return
    for claim in claims:
        written = (claim.source_text or "").strip()
        rank = rank_prefix().match(written)
        if claim.source is None or rank is None or claim.source_kind not in ("unknown", "government"):
            continue
        name = written[rank.end():].split()
        if 1 <= len(name) <= 3 and all(w[:1].isupper() for w in name):
            _attribute(claim, ctx.publisher, "claimant:publisher-officer")
            claim.rule = re.sub(r"claimant:(?!publisher-officer)\S+ ", "", claim.rule)


# What a generic side's claimant may be written as for ``generic_side_named`` to name it: the
# side's own words ("Rebels in Sudan's western Darfur region", "The rebels", "Rebel sources"),
# not a person a generic title introduced ("Hassan Abdel Ghani", whom the seeds' gold keeps as
# the side "opposition").
# ("Rebel commander" before a name is the person's title: his own words, or the side's.)
_SIDE_WORDS = re.compile(r"^(?:the\s+)?(?:rebel|insurgent|guerrilla|militant)s?(?:\s+(?:sources|forces|fighters|groups|"
                         r"officials|spokesman|spokesperson|statement|radio))?(?:\s+in\s.*)?$", re.IGNORECASE)


def generic_side_named(ctx: ArticleContext, claims: list[Claim]) -> None:
    """'Rebels in Sudan's western Darfur region said ...' in a story whose only named rebel
    body is the Sudan Liberation Army: the generic side is that body (GUIDE.md: the body's
    full name). Two named rebel bodies leave it generic (sets BZ and BQ)."""
    generic = [c for c in claims if c.source == "opposition" and c.source_kind == "opposition"
               and _SIDE_WORDS.match(c.source_text or "")]
    if not generic:
        return
    named = _named_rebel_bodies(ctx)
    if len(named) == 1:
        who = named.pop()
        for claim in generic:
            claim.source = who  # source_text keeps the words the article used
            claim.rule += " claimant:generic-side-named"


# A body the article itself calls rebel: "from the rebel Jungle Commando", "the rebel group
# Sudan People's Liberation Army" (two or more capitalised words, or an acronym, right after
# "rebel"; a title there is a person: "rebel Commander Ali Kushayb").
_CALLED_REBEL = re.compile(r"\b(?:the\s+)?rebel(?:\s+(?:group|movement|army|militia))?\s+"
                           r"((?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*|[A-Z]{2,6}\b)")


def _called_rebel(text: str) -> set[str]:
    from ...lexicon.attribution_terms import load_attribution_terms

    titles = load_attribution_terms().title_words
    names = set()
    for m in _CALLED_REBEL.finditer(text):
        name = m.group(1).strip()
        if name.split()[0].lower() not in titles:
            names.add(name)
    return names


def _named_rebel_bodies(ctx: ArticleContext) -> set[str]:
    """The opposition bodies an article names by a known name: speakers the files know, names
    it defines ("(SLA)"), armed groups of the actor files, bodies it calls rebel."""
    from ..actors import load_actors

    names = {who.name for who, _ in ctx.attributions.values()
             if who is not None and who.kind == "opposition" and who.known and who.name != "opposition"}
    names |= {who.name for who in ctx.local.values() if who.kind == "opposition" and who.name != "opposition"
              and who.as_written.isupper()}
    for m in load_actors().match(ctx.article.text, ctx.countries):
        if m.actor.known and m.actor.side == "opposition" and not m.generic and m.actor.name[:1].isupper():
            # (a name, not a label: "bandits" is how one side calls the other; set CC)
            who = ctx.lexicon.resolve(m.actor.name, ctx.countries)
            names.add(who.name if who is not None and who.known else m.actor.name)
    if not names:
        names = _called_rebel(ctx.article.text)
    return names


def publisher_fallback(ctx: ArticleContext, claims: list[Claim]) -> None:
    """A primary report's unattributed figures are its publisher's."""
    if ctx.publisher is None:
        return
    for claim in claims:
        if claim.source is None:
            _attribute(claim, ctx.publisher, ctx.publisher_rule)


def _attribute(claim: Claim, who: Claimant, rule: str) -> None:
    claim.source, claim.source_kind, claim.source_text = who.name, who.kind, who.as_written
    claim.rule = claim.rule.replace("claimant:none", rule) if "claimant:none" in claim.rule else f"{claim.rule} {rule}"


def one_figure_once(ctx: ArticleContext, claims: list[Claim]) -> list[Claim]:
    """A headline, a lead and a restatement of one figure by one claimant are one claim:
    the attributed, most specific statement is kept (the body's over the headline's), the
    others become its mentions. Different claimants or periods stay apart."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        # "At least 45" in the lead and "45" in the ministry's quote are one figure
        amount = (c.value,) if c.value is not None else (c.low, c.high)
        key = (c.quantity, c.category, c.subgroup, amount, c.historical, c.period_start)
        groups.setdefault(key, []).append(c)
    _generic_restatements(groups)
    drop: set[int] = set()
    _headline_restatements(ctx, claims, drop)
    for members in groups.values():
        members = [c for c in members if id(c) not in drop]
        if len(members) < 2:
            continue
        sources = [c.source for c in members if c.source is not None]
        if not all(_same_source(ctx, sources[0], s) for s in sources[1:]):
            continue
        best = max(members, key=lambda c: (c.source is not None, c.category != "total",
                                           c.sentence_start > 0 or ctx.line_of(c.start) > 0,
                                           "claimant:none" not in c.rule, len(c.source or ""), -c.start))
        named = {(c.category, c.subgroup) for c in members if c.category != "total"}
        if best.category == "total" and len(named) == 1:
            # "three sailors were killed" ... "CENTCOM confirmed that the death toll increased to
            # three": the one figure, of the people the article named (dev2's Red Sea story)
            best.category, best.subgroup = named.pop()
            best.rule += " category:named-restatement"
        for c in members:
            if c is not best:
                best.mentions.append((c.start, c.end))
                drop.add(id(c))
    return [c for c in claims if id(c) not in drop]


def _generic_restatements(groups: dict[tuple, list[Claim]]) -> None:
    """'recorded 6,432 civilian deaths ... Of the 6,432 deaths, 1,085 were children': the
    same amount said again of people in general is the one figure whose people were named,
    when exactly one kind of people has it (the claimant check follows in one_figure_once)."""
    for key in [k for k in groups if k[1] == "total" and k[2] is None]:
        if any(_a_nations_people(c) for c in groups[key]):
            continue  # "Three Americans were killed" ... "three guerrilla bodies": two peoples (set BO's Ap Bac wire)
        named = [k for k in groups if k[1] != "total" and (k[0], k[3], k[4]) == (key[0], key[3], key[4])
                 and key[5] in (None, k[5])]  # "Of the 3,210 deaths" need not repeat "in May"
        if len({k[1] for k in named}) == 1 and len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


_NOUN_OF_RULE = re.compile(r"figure\+noun:(\S+)")


def _a_nations_people(claim: Claim) -> bool:
    """Whether the claim counts a nation's people by its demonym ("Three Americans"): people
    of one side, not people in general."""
    from ...lexicon.claim_terms import demonym_plurals

    m = _NOUN_OF_RULE.search(claim.rule)
    return m is not None and m.group(1) in demonym_plurals()


def _same_source(ctx: ArticleContext, a: str, b: str) -> bool:
    """One claimant under two names: equal, one part of the other (OHCHR and the United
    Nations), or one name inside the other ("Gaza officials", "Gaza health officials")."""
    if a == b:
        return True
    lex = ctx.lexicon
    if a in lex.lineage(b) or b in lex.lineage(a):
        return True
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


# A headline's figure this close to a body figure is the body's, rounded ("about 21500" for
# 21452; "Hundreds dead" for 745). Set on dev2's Syria and Gaza headlines.
HEADLINE_ROUNDING = 0.025


# A headline or subheading: a line of at most this many words that does not end like a
# sentence (the longest headline in dev2 has 28 words).
HEADLINE_MAX_WORDS = 35


def _is_headline(ctx: ArticleContext, claim: Claim) -> bool:
    """The claim stands in a headline or subheading: a short line that does not end like
    a sentence (and holds no more than the claim's own sentence)."""
    text = ctx.article.text
    line = ctx.line_of(claim.start)
    end = ctx.line_starts[line + 1] if line + 1 < len(ctx.line_starts) else len(text)
    if end - ctx.line_starts[line] > MAX_SENTENCE_CHARS:
        return False  # a line this long is no headline (and is not split into words per claim)
    head = text[ctx.line_starts[line]:end].strip()
    return (len(head.split()) <= HEADLINE_MAX_WORDS and not head.endswith((".", "!", "?", ":", ";", ",", '"', "”"))
            and head.startswith(claim.sentence[:20]))


def _headline_restatements(ctx: ArticleContext, claims: list[Claim], drop: set[int]) -> None:
    """A headline restating a body figure, rounded or vague, is a mention of it."""
    heads = [c for c in claims if _is_headline(ctx, c)]
    body = [c for c in claims if c not in heads]
    for h in heads:
        for b in body:
            if b.quantity != h.quantity or h.category not in (b.category, "total") or id(b) in drop:
                continue
            if h.source is not None and b.source is not None and not _same_source(ctx, h.source, b.source):
                continue
            if h.value is not None and b.value is not None and \
                    abs(h.value - b.value) <= HEADLINE_ROUNDING * b.value:
                pass  # the same figure, or the body's rounded ("about 21500" for 21452)
            elif h.value is None and b.value is not None and h.low is not None and h.high is not None \
                    and h.low <= b.value <= h.high:
                pass
            else:
                continue
            b.mentions.append((h.start, h.end))
            drop.add(id(h))
            break
