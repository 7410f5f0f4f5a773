"""Claims: figures of people killed, injured, displaced... with who claims them.

Candidates first, annotations second (as spaCy components do):
1. ``find_figures`` lists every number in a parsed sentence;
2. a figure becomes a candidate when a people noun follows it ("214 rebels", "hundreds of
   prisoners") or a toll noun governs it ("the death toll has reached 412");
3. the quantity comes from the casualty word linked to it in the parse, else the nearest
   one in the clause, else from the figure it breaks down ("412, including 214 rebels");
4. the claimant comes from "according to X", the subject of a speech verb, a pronoun
   resolved to the last claimant named, or the figure being broken down.
Every claim records the rules that produced it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from ..nlp import Sentence
from ..records import Article, Claim, Claimant, content_id
from . import dates
from .claimants import ClaimantLexicon, ClaimantMatch
from .numbers import Figure, find_figures
from .terms import ClaimTerms, PeopleNoun, load_terms

# Verbs that attribute a statement to their subject.
SAY_LEMMAS = frozenset(
    "say report claim announce tell state estimate confirm add record document count warn "
    "acknowledge declare indicate allege publish update cite quote write tweet post reveal "
    "disclose assert insist note put give raise revise verify".split()
)
# Subjects that point back to a claimant named earlier in the article.
ANAPHORIC_SUBJECTS = frozenset(
    "it|he|she|they|we|the group|the monitor|the agency|the ministry|the statement|the center|"
    "the centre|the organisation|the organization|the body|the office|the army|the military|"
    "the observatory|the spokesman|the spokesperson|the official|the source".split("|")
)
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_RECORD_NOUNS = frozenset("count toll tally figure figures data record records estimate estimates report "
                          "statement numbers documentation".split())
_PRONOUN_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "this", "which", "who"})
# Words between a figure and its people noun that may be skipped ("1,600 Islamist rebels",
# "hundreds of prisoners"). Tuned on the dev seeds and the bundled sample.
MAX_NOUN_GAP = 3
# How far (in tokens) a casualty word may be from the figure when the parse links none.
MAX_QUANTITY_DISTANCE = 16
# How far back (in tokens) a toll noun may stand before a bare figure ("the death toll
# has reached 412").
MAX_TOLL_DISTANCE = 7
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|by|until|of|during|year|early|late|mid|before|after|between|and|to)\s*$", re.I)
_DEATH_TOLL = re.compile(r"(?<!casualty )(?<!injury )\btoll\b|\b(?:toll of dead|number of (?:the )?dead|number of deaths|"
                         r"number of people killed|dead|deaths|fatalities|death count)\b")
# The people a death toll counts: everyone, killed.
_TOLL_KILLED = PeopleNoun(("toll",), "total", None, None, "killed")
_LABEL_QUANTITY = {"killed": "killed", "dead": "killed", "deaths": "killed", "death toll": "killed",
                   "injured": "injured", "wounded": "injured", "displaced": "displaced",
                   "missing": "missing", "detained": "detained", "arrested": "detained",
                   "released": "released"}
_LABEL_BEFORE = re.compile(r"(?:^|[.;|]\s*)(" + "|".join(_LABEL_QUANTITY) + r")\s*:\s*$", re.IGNORECASE)
_NEGATED_COUNT = re.compile(r"\b(?:no|not|not a single|without)\s*$", re.IGNORECASE)
_COPULAS = frozenset({"were", "are", "was", "is"})
_BARE_CASUALTY_WORDS = frozenset({"killed", "dead", "wounded", "injured", "displaced", "missing",
                                  "detained", "arrested", "abducted", "released", "freed"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# Words before a bare figure searched for a people noun or toll noun ("the number of people
# displaced in Idlib and the northern Aleppo countryside had climbed to 115,000").
MAX_LEVEL_CONTEXT = 16
_CASUALTY_VERB_FORMS = frozenset(
    "killed killing wounded wounding injured injuring displaced displacing detained detaining "
    "arrested arresting abducted abducting freed freeing released releasing uprooted uprooting "
    "uproots displaces kills injures wounds".split()
)
_STOP_WORDS = frozenset(
    "were was are is have has had been be being in on at from by with to and or who which that "
    "as for but while when after before since during than".split()
)
_BREAKDOWN = re.compile(
    r"\b(?:including|includ(?:es|ed)|among them|among whom|of whom|among those|among the dead|"
    r"mostly|mainly|but also|of which|comprising)\b",
    re.IGNORECASE,
)
_UNVERIFIED = re.compile(
    r"(?:gave|give|giving|provided|provide|providing|offered|offer|without)\s+(?:no\s+)?(?:any\s+)?evidence"
    r"|no evidence|could not (?:be )?(?:independently )?verif|cannot (?:yet )?be (?:independently )?verified"
    r"|can ?not (?:yet )?be (?:independently )?verified|could not (?:be )?independently confirm"
    r"|not (?:been )?(?:independently )?verified|unverified|impossible to verify|unable to (?:independently )?verify",
    re.IGNORECASE,
)
_COMPOUND_AFTER = re.compile(r"^-[A-Za-z]")  # "36-year-old", "600-kilometer-long"
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:resolution|no\.|number|#|route|highway|page|article|chapter|aged|age|of age|flight|"
    r"brigade|division|battalion|unit|decree|law|grade|level|phase|round|zone|sector|"
    r"\$|us\$|€|£)\s*$",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(
    r"^\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_SINGLE_VICTIM = re.compile(
    r"\b(?:killing|death|murder|killed|wounding|injuring|arrest|detention|abduction|release)\s+of\s+"
    r"(?:its|their|his|her|a|an|the|one)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?P<noun>journalist|photographer|cameraman|reporter|child|boy|girl|woman|doctor|nurse|"
    r"medic|paramedic|aid worker|civilian|soldier|student)\b",
    re.IGNORECASE,
)
_SINGLE_QUANTITY = {"killing": "killed", "death": "killed", "murder": "killed", "killed": "killed",
                    "wounding": "injured", "injuring": "injured", "arrest": "detained",
                    "detention": "detained", "abduction": "detained", "release": "released"}
_CAPTIVE_WORDS = frozenset({"prisoner", "prisoners", "captive", "captives", "hostage", "hostages"})
_HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "will", "should", "can"})
_HYPOTHETICAL_HEADS = frozenset({"threaten", "risk", "fear", "warn", "aim", "plan", "vow", "seek", "try"})


@dataclass(slots=True)
class _Candidate:
    figure: Figure
    noun: PeopleNoun | None
    noun_start: int | None  # char offset in the sentence
    rule: str


@dataclass
class ArticleContext:
    """What claim extraction needs to know about the article as a whole."""

    article: Article
    lexicon: ClaimantLexicon
    countries: Sequence[str] = ()
    mentions: list[ClaimantMatch] = field(default_factory=list)  # claimant aliases in the text
    previous: list[Claim] = field(default_factory=list)  # claims of the previous parsed sentence
    previous_index: int = -10
    previous_parsed: tuple | None = None  # (sentence, doc, claimant it inherited) of the previous one
    previous_open_quote: bool = False
    reference_year: int | None = None  # publication year, else the latest year the text names
    attributions: dict = field(default_factory=dict)  # sentence index -> (claimant, rule)
    speech_verbs: dict = field(default_factory=dict)  # sentence index -> token index of that verb


_ANY_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")

def build_context(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str]) -> ArticleContext:
    ctx = ArticleContext(article, lexicon, countries, lexicon.find(article.text, countries))
    if article.published:
        ctx.reference_year = article.published.year
    else:  # never today's date: the latest year the article itself names
        years = [int(y) for y in _ANY_YEAR.findall(article.text)]
        ctx.reference_year = max(years) if years else None
    return ctx


def extract_claims(ctx: ArticleContext, sentence: Sentence, doc, terms: ClaimTerms | None = None) -> list[Claim]:
    """Claims of one parsed sentence (``doc`` is the spaCy Doc of ``sentence.text``)."""
    terms = terms or load_terms()
    text = sentence.text
    adjacent = ctx.previous_index == sentence.index - 1
    candidates: list[_Candidate] = []
    for fig in find_figures(text):
        cand = _candidate(text, fig, terms, candidates[0] if candidates else None)
        if cand:
            candidates.append(cand)
    candidates += _single_victims(text, terms)
    candidates.sort(key=lambda c: c.figure.start)
    # Attribution needs a walk over the parse: only for sentences that have figures (events
    # ask for it themselves), or lazily when a later sentence continues this one's quote.
    claimant, claimant_rule, inherited = None, "", None
    if candidates:
        claimant, claimant_rule = _attribution(ctx, sentence, doc)
        if claimant is None and adjacent and ctx.previous_open_quote and ctx.previous_parsed:
            p_sentence, p_doc, p_inherited = ctx.previous_parsed
            inherited = _attribution(ctx, p_sentence, p_doc)[0] or p_inherited
            if inherited is not None:
                claimant, claimant_rule = inherited, "claimant:quote-continues"
        if claimant is None and adjacent and ctx.previous and text.lower().startswith(terms.carry_over):
            last = ctx.previous[-1]  # "Another 20 people were wounded." continues that report
            if last.source:
                claimant = Claimant(last.source, last.source_kind, last.source_text, True)
                claimant_rule = "claimant:continues-previous"

    claims: list[Claim] = []
    lower = text.lower()
    anaphoric_parent = None
    if adjacent and ctx.previous and any(lower.startswith(a) for a in terms.anaphora):
        anaphoric_parent = ctx.previous[-1]
    for cand in candidates:
        parent = _parent_claim(text, cand, claims) or (anaphoric_parent if _after_breakdown(text, 0, cand.figure.start) or anaphoric_parent else None)
        quantity, q_rule = _quantity(doc, text, cand, terms)
        if parent is not None and (quantity is None or q_rule.startswith("quantity:near")):
            quantity, q_rule = parent.quantity, "quantity:breakdown-of-" + parent.id
        if quantity is None:
            continue
        noun = cand.noun
        category = noun.category if noun else "total"
        subgroup = noun.subgroup if noun else None
        if noun and noun.category in ("combatants", "total"):
            category = _side_from_modifiers(text, cand, ctx.countries) or category
        if noun and noun.unit:
            continue  # "300 families": a count of groups, not of people
        if category == "combatants" and claimant is not None and _OWN_PEOPLE.search(
                text[cand.figure.end: cand.noun_start or cand.figure.end]):
            # "Hezbollah said eight of its fighters were killed": the speaker's own side
            category = _SIDE_CATEGORY.get(claimant.kind, category)
        who, who_rule = claimant, claimant_rule
        if claimant_rule == "claimant:according-to" and not _according_covers(doc, cand.figure.start):
            # "X died, according to A, while Y fled, the UN says": Y is the UN's
            local, local_rule = clause_attribution(ctx, sentence, doc, cand.figure.start)
            if local is not None:
                who, who_rule = local, local_rule
        elif claimant_rule.startswith("claimant:subject-of"):
            local, local_rule = clause_attribution(ctx, sentence, doc, cand.figure.start)
            if local is not None and local.name != (who.name if who else None):
                who, who_rule = local, local_rule
            elif local is None and not _speech_covers(ctx, sentence, doc, cand.figure.start):
                # "Strike kills 13 as Moscow claims a village": Moscow does not claim the 13.
                who, who_rule = None, ""
        if who is None and parent is not None and parent.source:
            who = Claimant(parent.source, parent.source_kind, parent.source_text, True)
            who_rule = "claimant:breakdown"
        fig = cand.figure
        start, end = sentence.start + fig.start, sentence.start + fig.end
        period = dates.resolve_period_start(text, ctx.article.published)
        claims.append(Claim(
            id=content_id(ctx.article.id, start, end, quantity, category),
            doc=ctx.article.id,
            quantity=quantity,
            category=category,
            subgroup=subgroup,
            value=fig.value,
            low=fig.low,
            high=fig.high,
            qualifier=fig.qualifier,
            source=who.name if who else None,
            source_kind=who.kind if who else "unknown",
            source_text=who.as_written if who else None,
            as_of=ctx.article.published,
            period_start=period.date if period else None,
            historical=_historical(text, ctx.reference_year),
            unverified=bool(_UNVERIFIED.search(text)),
            sentence=text,
            start=start,
            end=end,
            sentence_start=sentence.start,
            rule=" ".join(r for r in (cand.rule, q_rule, who_rule if who else "claimant:none") if r),
        ))
    ctx.previous = claims or ([] if not adjacent else [])
    ctx.previous_index = sentence.index
    ctx.previous_parsed = (sentence, doc, inherited)
    ctx.previous_open_quote = _opens_quote(text) or text.rstrip().endswith(":")
    return claims


# --- candidates -----------------------------------------------------------------------

def _candidate(text: str, fig: Figure, terms: ClaimTerms, first: _Candidate | None = None) -> _Candidate | None:
    before, after = text[:fig.start], text[fig.end:]
    label = _LABEL_BEFORE.search(before)
    if label:  # "Killed: 1,200. Injured: 3,400." (fact boxes)
        noun = PeopleNoun((label.group(1).lower(),), "total", None, None, _LABEL_QUANTITY[label.group(1).lower()])
        return _Candidate(fig, noun, None, f"figure+label:{label.group(1).lower()}")
    if _COMPOUND_AFTER.match(after) or after.startswith(("%", ":", "/")) or before.endswith(("-", ":", "/", "$", "#")):
        return None
    if _NOT_A_COUNT_BEFORE.search(before) or _MONTHS.search(before) or _MONTH_AFTER.match(after):
        return None
    if _NEGATED_COUNT.search(before):
        return None  # "no one was killed", "not one soldier"
    year_like = (fig.value is not None and not fig.spelled and 1900 <= fig.value <= 2100
                 and fig.low == fig.high and "," not in fig.text)
    if year_like and _YEAR_BEFORE.search(before):
        return None  # "in 2011 people rose up": a year
    matches = list(_WORD.finditer(after[:120]))
    lowered = [m.group(0).lower() for m in matches]
    gap = 0
    for i, w in enumerate(lowered):
        if w in terms.not_people_units:
            return None
        found = terms.people_at(lowered, i)
        if found:
            noun, _ = found
            return _Candidate(fig, noun, fig.end + matches[i].start(), f"figure+noun:{' '.join(noun.words)}")
        if year_like:
            return None  # "the 2024 offensive": a year, unless people follow ("2000 people")
        if w in _QUOTES:
            continue  # 'killed nearly 1,000 "terrorists"'
        if w in _COPULAS and i + 1 < len(lowered):
            # "Of the dead, 12 were children"; "another 2,880 were injured"
            nxt = terms.people_at(lowered, i + 1)
            if nxt:
                return _Candidate(fig, nxt[0], fig.end + matches[i + 1].start(),
                                  f"figure+predicate-noun:{' '.join(nxt[0].words)}")
            rest = lowered[i + 1: i + 4]
            if any(r in _BARE_CASUALTY_WORDS for r in rest[:3]) and not year_like:
                return _Candidate(fig, None, None, "figure+were-casualty-word")
        if w in _STOP_WORDS or not w[0].isalnum():
            break
        gap += 1
        if gap > MAX_NOUN_GAP:
            break
    prev_words = [w.lower() for w in _WORD.findall(before)]
    # A bare figure right after a casualty verb ("and wounded 22") counts the same people
    # as the figure before it in the sentence.
    if prev_words and prev_words[-1] in _CASUALTY_VERB_FORMS:
        # the people of the sentence's main figure ("killed 8 civilians and wounded 22"),
        # not of a breakdown in between ("killed 11, including four children, and wounded 60")
        noun = first.noun if first else None
        return _Candidate(fig, noun, None, "figure+after-casualty-verb")
    # A bare figure: "412 dead", "the death toll has reached 412".
    if lowered and lowered[0] in _BARE_CASUALTY_WORDS | {"captured"}:
        # "35 militants were killed and 12 captured": the main figure's people
        return _Candidate(fig, first.noun if first else None, None, "figure+casualty-word")
    recent = " ".join(prev_words[-MAX_TOLL_DISTANCE:])
    if any(re.search(rf"\b{re.escape(t)}\b", recent) for t in terms.toll_nouns if t not in ("number", "figure")):
        if fig.spelled and fig.value is not None and fig.value < 2:
            return None
        # "the death toll had risen to 44,211, with 104,567 wounded": the toll says killed.
        death = _DEATH_TOLL.search(" ".join(prev_words[-MAX_LEVEL_CONTEXT:]))
        noun = _TOLL_KILLED if death else None
        return _Candidate(fig, noun, None, "figure+toll-noun")
    # "the number of people displaced ... has reached an estimated 280,000"
    clause = " ".join(prev_words[-MAX_LEVEL_CONTEXT:])
    if any(clause.endswith(v) or clause.endswith(v + " " + (fig.qualifier or "")) for v in terms.level_verbs):
        noun = None
        for j in range(len(prev_words) - 1, max(len(prev_words) - MAX_LEVEL_CONTEXT, 0) - 1, -1):
            found = terms.people_at(prev_words, j)
            if found:
                noun = found[0]
                break
        if noun is not None or re.search(r"\b(?:toll|number|figure|tally|count)\b", clause):
            return _Candidate(fig, noun, None, "figure+level-verb")
    return None


def _single_victims(text: str, terms: ClaimTerms) -> list[_Candidate]:
    """'the killing of its photographer': one victim, no number written."""
    out = []
    for m in _SINGLE_VICTIM.finditer(text):
        word = m.group("noun").lower()
        found = terms.people.get(word) or terms.people.get(word + "s")
        noun = found[-1] if found else None
        if noun is None:
            continue
        fig = Figure(m.start("noun"), m.end("noun"), m.group("noun"), 1, 1, 1, None, spelled=True)
        out.append(_Candidate(fig, noun, m.start("noun"), "single-victim:" + word))
    return out


_OF_THEM = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)


def _parent_claim(text: str, cand: _Candidate, claims: list[Claim]) -> Claim | None:
    """The earlier figure of this sentence that ``cand`` breaks down, if any."""
    if claims and _OF_THEM.match(text[cand.figure.end:]):
        return claims[-1]  # "704 deaths, 110 of them civilians"
    for parent in reversed(claims):
        p_end = parent.end - parent.sentence_start
        if p_end <= cand.figure.start and _after_breakdown(text, p_end, cand.figure.start):
            return parent
    return None


def _after_breakdown(text: str, a: int, b: int) -> bool:
    return bool(_BREAKDOWN.search(text[a:b]))


# --- quantity --------------------------------------------------------------------------

def _token_at(doc, char: int):
    """The token covering character ``char`` of the sentence (None between tokens)."""
    starts = doc.user_data.get("sitrep_starts")
    if starts is None:
        starts = doc.user_data["sitrep_starts"] = [t.idx for t in doc]
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if char < tok.idx + max(len(tok.text), 1) else None


def _quantity_tokens(doc, terms: ClaimTerms) -> list[tuple[int, str, bool]]:
    """(token index, quantity, is proper noun) of every casualty word of the sentence,
    computed once per sentence."""
    cached = doc.user_data.get("sitrep_quantities")
    if cached is None:
        words = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() for t in doc]
        cached = []
        for t in doc:
            q = terms.quantity_at(words, lemmas, t.i)
            if q:
                cached.append((t.i, q[0], t.pos_ == "PROPN"))
        doc.user_data["sitrep_quantities"] = cached
    return cached


def _quantity(doc, text: str, cand: _Candidate, terms: ClaimTerms) -> tuple[str | None, str]:
    if cand.rule.startswith("single-victim:"):
        for key, q in _SINGLE_QUANTITY.items():
            if re.search(rf"\b{key}\s+of\s+(?:\S+\s+){{0,5}}$", text[: cand.figure.start].lower()):
                return q, "quantity:single-victim"
        return None, ""
    anchor = _token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return None, ""
    if cand.noun is not None and cand.noun.quantity:
        return cand.noun.quantity, f"quantity:noun({' '.join(cand.noun.words)})"
    found = _quantity_tokens(doc, terms)
    by_index = {i: q for i, q, _ in found}
    # 1. the parse: children that describe the noun ("people killed"), then heads upward.
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod"):
            q = by_index.get(child.i)
            if q and not _hypothetical(child):
                return q, f"quantity:parse({child.lemma_})"
    tok = anchor
    for _ in range(4):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.lemma_ in ("take", "hold") and any(c.lower_ in _CAPTIVE_WORDS for c in tok.children):
            return "detained", f"quantity:parse({tok.lemma_} prisoner)"  # "took 600 soldiers prisoner"
        if tok.lemma_ in ("claim", "cost", "take") and cand.noun is not None and cand.noun.words == ("lives",):
            return "killed", f"quantity:parse({tok.lemma_} lives)"  # "the fighting claimed 50 lives"
        if tok.lemma_ in ("hold", "keep") and cand.noun is not None and cand.noun.category == "prisoners":
            return "detained", f"quantity:parse({tok.lemma_} captives)"  # "holding 100 hostages"
        q = by_index.get(tok.i)
        if q:
            if _hypothetical(tok):
                return None, ""
            return q, f"quantity:parse({tok.lemma_})"
    # 2. nearest casualty word in the clause, preferring one after the figure.
    best = None
    for i, quantity, propn in found:
        if i == anchor.i or propn:
            continue
        dist = i - anchor.i
        if any(t.text == ";" for t in doc[min(i, anchor.i): max(i, anchor.i)]):
            continue
        score = dist if dist > 0 else -dist * 1.5
        if score <= MAX_QUANTITY_DISTANCE and (best is None or score < best[0]):
            best = (score, quantity, doc[i])
    if best:
        if _hypothetical(best[2]):
            return None, ""
        return best[1], f"quantity:near({best[2].text.lower()})"
    return None, ""


def _hypothetical(tok) -> bool:
    """Negated or modal casualty words are not claims ("could displace", "no one was killed")."""
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _HYPOTHETICAL_AUX:
            return True
    head = tok.head
    return head is not tok and head.lemma_.lower() in _HYPOTHETICAL_HEADS and tok.dep_ in ("xcomp", "ccomp")


_OF_GROUP = re.compile(r"^\w+\s+(?:of|from)\s+((?:the|a|an)?\s*[\w'’ -]{1,40}?)(?=[,.;]|\s+(?:who|which|that|in|on|at|and)\b|$)", re.IGNORECASE)
_GOV_MODIFIERS = re.compile(r"\b(?:pro-government|pro-regime|government|regime|army|state|loyalist|pro-assad)\b", re.I)
_REBEL_MODIFIERS = re.compile(r"\b(?:rebel|opposition|insurgent|jihadist|jihadi|islamist|anti-government|anti-regime|militant|terrorist|armed group)s?\b", re.I)


def _side_from_modifiers(text: str, cand: _Candidate, countries: Sequence[str] = ()) -> str | None:
    """'rebel fighters' -> rebels, 'pro-government fighters' -> government, 'Hezbollah
    fighters' -> the side the actor lexicon gives Hezbollah in this war."""
    if cand.noun_start is None:
        return None
    between = text[cand.figure.end: cand.noun_start]
    # "members of a terrorist cell", "fighters from the Hezbollah militia"
    of_phrase = _OF_GROUP.match(text[cand.noun_start:])
    if of_phrase:
        between += " " + of_phrase.group(1)
    if _GOV_MODIFIERS.search(between):
        return "government"
    if _REBEL_MODIFIERS.search(between):
        return "rebels"
    from .actors import load_actors

    for match in load_actors().match(between, countries):
        side = _SIDE_CATEGORY.get(match.actor.side)
        if side:
            return side
    return None


# An actor's side -> the claim category of its fighters (DESIGN.md: rebels is any non-state
# armed side; government is state forces and their allied militias).
_SIDE_CATEGORY = {"opposition": "rebels", "government": "government"}
_OWN_PEOPLE = re.compile(r"\b(?:its|their|our)\b", re.IGNORECASE)


# --- claimant --------------------------------------------------------------------------

def _attribution(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """Who the sentence attributes its statements to, and by which rule (cached per sentence:
    claims and events of one sentence share it)."""
    cached = ctx.attributions.get(sentence.index)
    if cached is None:
        cached = ctx.attributions[sentence.index] = _find_attribution(ctx, sentence, doc)
    return cached


def _find_attribution(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    lex, countries = ctx.lexicon, ctx.countries
    # 1. "according to X"
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                span = doc[objs[0].left_edge.i: objs[0].right_edge.i + 1].text
            else:
                span = re.split(r"[,.;]", doc[tok.i + 2:].text)[0]
            who = _resolve_subject(ctx, sentence, span)
            if who:
                return who, "claimant:according-to"
    # 2. the subject of a speech verb
    verbs = [t for t in doc if t.lemma_.lower() in SAY_LEMMAS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        who = _subject_claimant(ctx, sentence, doc, verb)
        if who:
            ctx.speech_verbs[sentence.index] = verb.i
            return who, f"claimant:subject-of({verb.lemma_.lower()})"
    # 3. a headline that names its source first: "UN: 500,000 displaced by fighting"
    head = re.match(r"^([^:]{2,40}):\s", sentence.text)
    if head:
        who = ctx.lexicon.resolve(head.group(1), ctx.countries)
        if who and who.known:
            return who, "claimant:headline-source"
    # 3b. "Its count stands at...", "Their figures show...": a possessive pointing back
    for tok in doc:
        if tok.dep_ == "poss" and tok.lower_ in _POSSESSIVE_PRONOUNS and tok.head.lemma_.lower() in _RECORD_NOUNS:
            who = _last_claimant_before(ctx, sentence.start)
            if who:
                return who, "claimant:possessive-anaphora"
    # 4. a known claimant as subject of the main verb ("SANA recalled that rockets killed...")
    for tok in doc:
        if tok.dep_ == "ROOT":
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                phrase = doc[subj.left_edge.i: subj.right_edge.i + 1].text
                who = ctx.lexicon.resolve(phrase, ctx.countries)
                if who and who.known and any(c.dep_ == "ccomp" for c in tok.children):
                    return who, f"claimant:subject-of-main-verb({tok.lemma_.lower()})"
    # 5. a trailing or inverted attribution the parse missed: ", X said." / '," said X, a ...'
    m = _TRAILING_SAY.search(sentence.text) or _INVERTED_SAY.search(sentence.text)
    if m:
        who = _resolve_subject(ctx, sentence, m.group("who"))
        if who:
            return who, "claimant:trailing-say"
    # 6. "cited by X", "X's figures"
    m = re.search(r"\b(?:cited by|citing|quoted by|figures from|data from|tally by|count by)\s+([^,.;]+)", sentence.text)
    if m:
        who = _resolve_subject(ctx, sentence, m.group(1))
        if who:
            return who, "claimant:cited-by"
    return None, ""


_SAY_FORMS = r"(?:said|says|reported|reports|told\s+[\w.]+(?:\s+[\w.]+)?|added|stated|claimed|announced|estimated|confirmed|wrote|posted)"
_TRAILING_SAY = re.compile(
    rf"[,“”\"]\s*(?P<who>[^,;“”\"]{{2,90}}?)\s+{_SAY_FORMS}(?:\s+(?:on|late on|early on)\s+\w+|\s+\w+day)?\s*[.!]?[\"”’]?\s*$"
)
_INVERTED_SAY = re.compile(rf"[,“”\"]\s*(?:said|says|added|reported|told\s+\w+)\s+(?P<who>[^.;]{{2,160}})")


# Parts of a subject that describe rather than name it: "The army, which is battling the
# RSF, said" names the army, not the RSF.
_DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def _subject_claimant(ctx: ArticleContext, sentence: Sentence, doc, verb) -> Claimant | None:
    """The claimant named by the subject of ``verb``: its core first (without relative
    clauses), then the whole phrase (so "Hassan, a leader of the rebels" still resolves)."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    head = subj[0]
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in _DESCRIBING_DEPS:
            skip.update(t.i for t in child.subtree)
    core = "".join(t.text_with_ws for t in head.subtree if t.i not in skip).strip(" ,")
    who = _resolve_subject(ctx, sentence, core)
    if who is not None and (who.known or not skip):
        return who
    full = doc[head.left_edge.i: head.right_edge.i + 1].text
    return _resolve_subject(ctx, sentence, full) or who


def _according_covers(doc, char: int) -> bool:
    """Whether the sentence's "according to" hangs on the clause holding ``char``."""
    tok = _token_at(doc, char)
    acc = next((t for t in doc if t.lower_ == "according"), None)
    if tok is None or acc is None:
        return True
    # A clause break between them ("..., according to A, while Y were displaced, the UN
    # says") means another clause, whatever the parse says.
    lo, hi = sorted((acc.idx, char))
    if _CLAUSE_BREAK.search(doc.text[lo:hi]):
        return False
    main = {tok.i} | {a.i for a in tok.ancestors}
    return acc.head.i in main or acc.head.head.i in main


_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|and|although|though)\b|;")


def _speech_covers(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> bool:
    """Whether the sentence's speech verb reports the clause holding ``char``: it is the
    main verb, or it stands above that clause in the parse."""
    verb_i = ctx.speech_verbs.get(sentence.index)
    tok = _token_at(doc, char)
    if verb_i is None or tok is None:
        return True
    verb = doc[verb_i]
    if verb.dep_ == "ROOT" or any(a.i == verb_i for a in tok.ancestors):
        return True
    # ", the governor said," hung on the main clause (parataxis/ccomp) reports all of it;
    # an adverbial clause ("as Moscow claims ...") does not.
    main = {tok.i} | {a.i for a in tok.ancestors}
    return verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.i in main


def clause_attribution(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> tuple[Claimant | None, str]:
    """The speaker of the clause holding character ``char``: the nearest speech verb above
    it in the parse ("Kyiv says X, while the UN has verified Y": Y is the UN's)."""
    tok = _token_at(doc, char)
    if tok is None:
        return None, ""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SAY_LEMMAS and anc.pos_ in ("VERB", "AUX"):
            who = _subject_claimant(ctx, sentence, doc, anc)
            if who:
                return who, f"claimant:clause-subject-of({anc.lemma_.lower()})"
            return None, ""
    return None, ""


def _resolve_subject(ctx: ArticleContext, sentence: Sentence, span: str) -> Claimant | None:
    phrase = " ".join(span.split()).strip(" ,.;:\"'“”‘’")
    low = phrase.lower()
    if not phrase:
        return None
    if low in _PRONOUN_SUBJECTS or low in ANAPHORIC_SUBJECTS:
        named = ctx.lexicon.resolve(phrase, ctx.countries) if low not in _PRONOUN_SUBJECTS else None
        if named and named.known:
            return named
        earlier = _last_claimant_before(ctx, sentence.start)
        if earlier or low in _PRONOUN_SUBJECTS:
            return earlier
        return named  # "the ministry said" with no ministry named before: as written
    who = ctx.lexicon.resolve(phrase, ctx.countries)
    if who is None:
        return None
    if not who.known and _DEFINITE_DESCRIPTION.match(phrase):
        # "the rescue service added": a short definite description points back to the last
        # claimant of the same kind named before ("the Syrian Civil Defence").
        earlier = _last_claimant_before(ctx, sentence.start, kind=who.kind if who.kind != "unknown" else None)
        if earlier:
            return earlier
    role = _ROLE_APPOSITION.search(phrase)
    if not who.known and who.kind not in ("unknown", "government") and role:
        # "Ahmad Yazji, a volunteer" right after the White Helmets were named speaks for
        # them: a person described only by a role of the kind of a body just named.
        earlier = _last_claimant_before(ctx, sentence.start, kind=who.kind, within=ROLE_LOOKBACK_CHARS)
        if earlier:
            return earlier
    if not who.known and who.kind == "unknown" and not any(ch.isupper() for ch in who.name) \
            and not _HUMAN_SOURCES.search(phrase):
        # "the fighting", "people": a lowercase phrase with no claimant word names nobody.
        return None
    return who


# Lowercase subjects that are still sources people cite ("witnesses said").
_HUMAN_SOURCES = re.compile(r"\b(?:witnesses|residents|survivors|locals|activists|eyewitnesses|"
                            r"relatives|families|villagers|sources)\b")
# ", a 40-year-old volunteer", ", a doctor": a person given by a role only. The body of that
# kind must have been named within this many characters (about three sentences; tuned on
# the bundled sample) for the person to speak for it.
_ROLE_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:volunteer|rescuer|medic|doctor|"
                              r"nurse|paramedic|worker|spokesman|spokeswoman|spokesperson|official|member)\b",
                              re.IGNORECASE)
ROLE_LOOKBACK_CHARS = 600
_DEFINITE_DESCRIPTION = re.compile(r"^the\s+[a-z-]+(?:\s+[a-z-]+)?$")


def _last_claimant_before(ctx: ArticleContext, offset: int, kind: str | None = None,
                          within: int | None = None) -> Claimant | None:
    known = [m for m in ctx.mentions if m.start < offset and m.claimant.known
             and (kind is None or m.claimant.kind == kind)
             and (within is None or offset - m.start <= within)]
    return known[-1].claimant if known else None


def _opens_quote(text: str) -> bool:
    opens = text.count("“") + text.count('"') % 2
    closes = text.count("”")
    return ("“" in text and opens > closes) or text.count('"') % 2 == 1


# --- dates and flags ---------------------------------------------------------------------

_YEAR_REF = re.compile(r"\b(?:in|since|from|until|of|between|by|during)\s+(?:the\s+)?(?:\w+\s+)?((?:19|20)\d\d)\b|^((?:19|20)\d\d)\b", re.IGNORECASE)
# A year this many years before publication makes a figure historical ("since 2011").
HISTORICAL_YEARS = 2


def _historical(text: str, ref_year: int | None) -> bool:
    for m in _YEAR_REF.finditer(text):
        year = int(m.group(1) or m.group(2))
        if ref_year is None:
            continue
        if year <= ref_year - HISTORICAL_YEARS:
            return True
    return False


# --- places --------------------------------------------------------------------------------

def attach_places(claims: list[Claim], places: Sequence) -> None:
    """A claim's place: the first place (not a country) named in its sentence after a
    locative word ("in Idlib city", "near Hama", "on Aleppo")."""
    for claim in claims:
        lo, hi = claim.sentence_start, claim.sentence_start + len(claim.sentence)
        for mention in places:
            if not (lo <= mention.start < hi) or mention.place is None or mention.precision is None:
                continue
            before = claim.sentence[: mention.start - lo].rstrip().lower()
            if before.endswith(_LOCATIVE_WORDS):
                claim.place = mention.text
                break


_LOCATIVE_WORDS = ("in", "on", "near", "at", "around", "outside", "across", "of", "city of", "town of",
                   "village of", "province of", "from")
