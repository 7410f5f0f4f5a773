"""The article as discourse: who is speaking, names the article defines, who published it.

A paragraph has a current reporter: once "the Azerbaijani Ministry of Health reported ..."
names a claimant, "It was noted that ...", "the ministry said", "He stated ..." and figures
that continue the count are that claimant's until someone else is named. The article
defines names of its own (an acronym after a full name, a person after a title), and a
primary report (a UN situation report, a monitor's own page) is its publisher's word.

Rules here are named like the others; their name is the ``claimant:...`` part of a claim's
``rule``.
"""

from __future__ import annotations

import re
from typing import Sequence

from ...nlp import MAX_SENTENCE_CHARS, Sentence
from ...records import Article, Claim, Claimant
from ..claimants import ClaimantLexicon, ClaimantMatch
from ...lexicon.claim_terms import claim_words, load_attribution_terms, rank_prefix
from .context import ArticleContext, Reporter

# How many sentences on a reporter may carry into the next paragraph when the sentence
# says it continues ("also", "another", "the death toll"). Tuned on dev2's Ukraine, Syria
# and Lebanon reports (held out: Haiti, Myanmar): official statements run 2-3 sentences.
REPORTER_REACH = 3
# Kinds of claimant whose own publications are primary reports (the publisher is the
# claimant of figures it states without attribution). State media are not: they report.
PUBLISHER_KINDS = frozenset({"un", "monitor", "ngo", "medical", "government", "foreign_government"})
# Share of an outlet's name a claimant's name must cover for the outlet to be that claimant
# ("UN OCHA", "Syrian Observatory for Human Rights"; not "Cedar News (NNA relay)").
OUTLET_COVERAGE = 0.6
# Characters at the top of an article searched for a report's own title ("OCHA Flash Update").
HEADER_CHARS = 400
# Words that may not be someone's surname when registering a person ("Mr Said").
_NAME_STOP = claim_words().name_stop


def build_context(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str],
                  sentences: Sequence[Sentence] = ()) -> ArticleContext:
    """The article's context: claimant mentions, names it defines, its publisher."""
    from .context import ArticleContext

    text = article.text
    ctx = ArticleContext(article, lexicon, countries, lexicon.find(text, countries))
    if article.published:
        ctx.reference_year = article.published.year
    else:  # never today's date: the latest year the article itself names
        years = [int(y) for y in _ANY_YEAR.findall(text)]
        ctx.reference_year = max(years) if years else None
    ctx.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ctx.sentences = list(sentences)
    ctx.local = local_names(text, lexicon, countries)
    ctx.spokespeople = set(_SPOKESPEOPLE)
    if ctx.local:
        keys = sorted(ctx.local, key=len, reverse=True)
        ctx.local_regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")
        extra = [ClaimantMatch(m.start(), m.end(), ctx.local[m.group(0)]) for m in ctx.local_regex.finditer(text)]
        ctx.mentions = sorted(ctx.mentions + extra, key=lambda m: m.start)
    bodies = state_body_mentions(text, lexicon)
    if bodies:
        ctx.mentions = sorted(ctx.mentions + bodies, key=lambda m: m.start)
    ctx.publisher, ctx.publisher_rule = publisher_of(article, lexicon, countries)
    return ctx


def state_body_mentions(text: str, lexicon: ClaimantLexicon) -> list[ClaimantMatch]:
    """Bodies named with their state anywhere in the text ("the Azerbaijani Ministry of
    Health"), so that "the ministry" later points back to them."""
    from ..claimants import _state_body_index

    regex = _state_body_index()[0]
    out = []
    for m in regex.finditer(text):
        who = lexicon.state_body(m.group(0))
        if who is not None:
            out.append(ClaimantMatch(m.start(), m.end(), who))
    return out


_ANY_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


# --- names the article defines --------------------------------------------------------------

_FULL_THEN_ACRONYM = re.compile(
    r"(?P<full>[A-Z][\w'’.&-]*(?:\s+(?:of|for|the|and|on|in|de|du|des|al|el|[A-Z][\w'’.&-]*)){1,9})"
    r"\s+\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
_ACRONYM_THEN_FULL = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z&]{1,8})\s+\((?P<full>[A-Z][^()]{3,80}?)\)")
_NAME = r"[A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)?(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von|da)[\s-])?[A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)?){1,3}"


def _initials_fit(acronym: str, full: str) -> bool:
    """'AAA' abbreviates 'Amhara Association of America'; 'MoPH' 'Ministry of Public Health'."""
    caps = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in re.split(r"[\s-]+", full) if w and w[0].isalpha()]
    if not caps or not initials or caps[0] != initials[0]:
        return False
    it = iter(initials)
    return all(any(c == i for i in it) for c in caps)


def _acronyms(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    out: dict[str, Claimant] = {}
    for m in _FULL_THEN_ACRONYM.finditer(text):
        acr, full = m.group("acr"), m.group("full")
        words = full.split()
        while words and not _initials_fit(acr, " ".join(words)):
            words.pop(0)  # "Lebanon’s Ministry of Public Health (MoPH)": the name starts at Ministry
        if len(words) < 2:
            continue
        name = " ".join(words)
        who = lexicon.resolve(full, countries) or lexicon.resolve(name, countries)
        if who is None or not who.known:
            who = Claimant(name=name, kind=lexicon.guess_kind(name), as_written=name, known=True)
        out.setdefault(acr, Claimant(who.name, who.kind, acr, True))
    for m in _ACRONYM_THEN_FULL.finditer(text):
        acr, full = m.group("acr"), m.group("full").strip()
        if acr in out or not _initials_fit(acr, full):
            continue
        who = lexicon.resolve(full, countries)
        if who is None or not who.known:
            who = Claimant(name=full, kind=lexicon.guess_kind(full), as_written=full, known=True)
        out[acr] = Claimant(who.name, who.kind, acr, True)
    return out


def _title_regex() -> re.Pattern[str]:
    from ..claimants import trie_pattern

    return re.compile(rf"(?<![\w-])(?:{trie_pattern(load_attribution_terms().title_words)})(?![\w-])", re.IGNORECASE)


# What may follow a title: "... for Houthis," and the name ("Health Minister Firas Abiad",
# "the group's military spokesman, Yahya Saree,").
_AFTER_TITLE = re.compile(rf"(?:\s+(?:for|of)\s+(?P<of>[^,]{{2,40}}?))?(?P<comma>,)?\s+(?P<name>{_NAME})\b")
# Words before a title that may qualify it ("Lebanese Health Minister"): this many at most.
MAX_TITLE_QUALIFIERS = 5


# "Mohammed Alaloul, 37, a journalist working for ...", "Yahya Saree, the Houthi military spokesman"
_NAME_THEN_ROLE = re.compile(rf"(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+(?P<role>[^,.;:“”\"]{{3,90}})")


_TITLE_RX: list[re.Pattern[str]] = []
# Titles whose holder speaks for a body (the office), as opposed to personal roles
# ("surgeon Kamal Adam" speaks for himself).
_OFFICE_TITLES = claim_words().office_titles
_RANK = rank_prefix()
_PRE_STOP = re.compile(r"^(?:the|a|an|and|said|says|told|by|to|with|at|on|in|as|according|that|while|when|"
                       r"whom|who|former|late)$", re.IGNORECASE)


def _people(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    """People introduced with a title: 'Lebanese Health Minister Firas Al-Abyad' speaks for
    the ministry, 'surgeon Kamal Adam' for himself. Registers the full name and surname."""
    if not _TITLE_RX:
        _TITLE_RX.append(_title_regex())
    out: dict[str, Claimant] = {}
    for t in _TITLE_RX[0].finditer(text):
        m = _AFTER_TITLE.match(text, t.end())
        if m is None:
            continue
        name = _RANK.sub("", m.group("name"))  # "Colonel Rodolphe Sorgho" is Rodolphe Sorgho
        if len(name.split()) < 2 or name.split()[0].lower() in _NAME_STOP or name in out:
            continue
        pre = text[max(0, t.start() - 80):t.start()].split()[-MAX_TITLE_QUALIFIERS:]
        if pre and not text[:t.start()].endswith((" ", "\n")):
            pre = pre[:-1]  # a word glued to the title is not a word of its own
        kept: list[str] = []
        for w in reversed(pre):
            if _PRE_STOP.match(w) or w.endswith((",", ".", ";", ":", ")")):
                break
            kept.insert(0, w)
        title = t.group(0)
        office = " ".join(kept + [title] + ([f"for {m.group('of')}"] if m.group("of") else []))
        _register(out, name, office, title.lower(), bool(kept or m.group("of")), lexicon, countries)
    for m in _NAME_THEN_ROLE.finditer(text):
        name, role = m.group("name"), m.group("role").strip()
        if name in out or name.split()[0].lower() in _NAME_STOP:
            continue
        title = next((w for w in role.lower().split() if w in _OFFICE_TITLES), "")
        _register(out, name, role, title, True, lexicon, countries)
    return out


# Positions held inside a body: their holder speaks for the body named before the title
# ("Police spokesman X" for the police). Other office titles are offices of their own
# ("human rights ombudsman", "mayor of X").
_POSITIONS = claim_words().positions


# Words that qualify a title without naming whose it is ("Regional governor X" is a person).
_GENERIC_QUALIFIERS = claim_words().generic_qualifiers


def _body_of_position(office: str, title: str) -> str | None:
    words = office.split()
    if title not in _POSITIONS or len(words) < 2:
        return None
    body = words[:-1] if words[-1].lower() == title else []
    body = [w for w in body if w.lower() not in ("military", "acting", "deputy", "senior", "chief", "regional")]
    if body and body[0][:1].isupper():
        return " ".join(body)
    return None


def _served_body(phrase: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body a role serves ("from the anti-regime forces' military operations unit"):
    a body the lexicon knows in it, else the side it names, else the phrase itself."""
    found = lexicon.find(phrase, countries, overlapping=True)
    known = [m for m in found if m.claimant.known]
    if known:
        return max(known, key=lambda m: m.end - m.start).claimant
    if found:
        return max(found, key=lambda m: m.end - m.start).claimant
    return lexicon.resolve(phrase, countries)


_ROLE_OF = re.compile(r"\b(?:of|from|for|with|at|in)\s+(?P<body>(?:the\s+)?[^,;]{3,80})$", re.IGNORECASE)


def _register(out: dict[str, Claimant], name: str, office: str, title: str, qualified: bool,
              lexicon: ClaimantLexicon, countries: Sequence[str]) -> None:
    """Register a person under the claimant they speak for: the body their title names
    (a minister speaks for the ministry), an office ("human rights ombudsman"), or themselves."""
    known_name = [m for m in lexicon.find(name, countries, overlapping=True) if m.claimant.known and not m.via_context]
    who = known_name[0].claimant if known_name else None
    if who is None and title in _OFFICE_TITLES:
        # a minister speaks for the ministry; "a journalist working for Anadolu" does not
        # speak for Anadolu
        who = lexicon.resolve(office.replace("Minister", "Ministry").replace("minister", "ministry"), countries)
    body = _body_of_position(office, title)
    of_body = _ROLE_OF.search(office) if title in _POSITIONS else None
    served = _served_body(of_body.group("body"), lexicon, countries) if of_body else None
    if who is not None and who.known:
        person = Claimant(who.name, who.kind, name, True)
    elif served is not None and (served.known or served.kind in ("opposition", "government")):
        # "Hassan Abdel Ghani, a leader from the rebel operations command": the command
        person = Claimant(served.name, served.kind, name, served.known)
    elif body:
        # "Aamin Ambulance service director Abdikadir Abdirahman": the service
        person = Claimant(body, lexicon.guess_kind(body), body, False)
    elif title in _OFFICE_TITLES and qualified and any(w[:1].isupper() and w.lower() not in _GENERIC_QUALIFIERS
                                                        for w in office.split()[:-1]):
        # "Nagorno-Karabakh human rights ombudsman Gegham Stepanyan": the office
        person = Claimant(office, lexicon.guess_kind(office), office, False)
    else:
        person = Claimant(name, lexicon.guess_kind(office), name, False)
        if title in _POSITIONS:
            _SPOKESPEOPLE.add(name)
    out[name] = person
    surname = name.split()[-1]
    if len(surname) >= 4 and surname.lower() not in _NAME_STOP:
        out.setdefault(surname, person)


# Filled by _register for the article being read, then moved to its context (build_context).
_SPOKESPEOPLE: set[str] = set()


def local_names(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    """Names the article defines: acronyms in brackets and people with a title."""
    _SPOKESPEOPLE.clear()
    out = _people(text, lexicon, countries)
    out.update(_acronyms(text, lexicon, countries))
    return out


# An acronym: a capital, then letters with at least one more capital ("MoPH", "HAC", "AAA").
_ACRONYM_LIKE = re.compile(r"^(?=[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,7}$")


def local_name(ctx: ArticleContext, phrase: str) -> Claimant | None:
    """The claimant a phrase names through the article's own names ('the AAA', 'Al-Abyad',
    'schoolteacher Abdel-Majed Abdullah'), or None."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,.;:\"'“”‘’()"), flags=re.IGNORECASE)
    bare = re.sub(r"['’]s$", "", bare)
    if bare in ctx.local:
        return ctx.local[bare]
    if _ACRONYM_LIKE.match(bare) and not ctx.lexicon.find(bare, ctx.countries):
        # "(MoPH)" with "Lebanon's Ministry of Public Health" named earlier in the article
        for m in ctx.mentions:
            words = (m.claimant.as_written or "").split()
            if m.claimant.known and any(_initials_fit(bare, " ".join(words[i:])) for i in range(max(len(words) - 1, 0))):
                return m.claimant
    if ctx.local_regex is None:
        return None
    first = ctx.local_regex.match(bare)
    if first and bare[first.end():first.end() + 1] == ",":
        # "Mohammed Alaloul, 37, a journalist working for Anadolu": the person speaks
        return ctx.local[first.group(0)]
    hits = list(ctx.local_regex.finditer(bare))
    if len(hits) == 1 and len(bare) - len(hits[0].group(0)) <= 40:
        # "Ministry spokesman Ashraf al-Qedra" is al-Qedra; a longer phrase is something else
        who = ctx.local[hits[0].group(0)]
        named = ctx.lexicon.resolve(bare, ctx.countries)
        if named is not None and named.known and named.name != who.name and not who.known:
            return named
        return who
    return None


# --- publisher --------------------------------------------------------------------------

def _primary_publisher(matches: list[ClaimantMatch]) -> Claimant | None:
    for m in matches:
        c = m.claimant
        if c.known and c.kind in PUBLISHER_KINDS and not load_attribution_terms().media_words.search(c.name):
            return c
    return None


def _named_body(name: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """An outlet that is a body no claimant file knows, named in full, that states its own
    figures ("Iraqi Joint Operations Command", "Ministry of Defence of Ukraine"); not a
    news outlet ("Premium Times", "Reuters")."""
    from ...ingest.outlets import outlet_index

    if load_attribution_terms().media_words.search(name) or name in outlet_index().by_alias or name.casefold() in outlet_index().by_folded:
        return None
    if sum(w[:1].isupper() for w in name.split()) < 2:
        return None
    who = lexicon.resolve(name, countries)
    if who is None or who.known or who.kind not in PUBLISHER_KINDS:
        return None
    return Claimant(name=who.name, kind=who.kind, as_written=name, known=False)


def publisher_of(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str]) -> tuple[Claimant | None, str]:
    """The article's publisher when it is a claimant that states its own figures: from the
    outlet metadata ('UN OCHA', 'Syrian Observatory for Human Rights'), else from a report
    title at the top of the text ('OCHA Flash Update No. 5')."""
    if article.outlet:
        # The outlet is the claimant itself ("UN OCHA"), or says it carries the claimant's
        # report ("blog copy of UN OCHA Flash Update No. 5"); not one relaying an agency.
        outlet = article.outlet
        main = re.sub(r"\s*\([^)]*\)\s*", " ", outlet).strip() or outlet
        matches = lexicon.find(main, countries)
        covered = sum(m.end - m.start for m in matches)
        if covered >= OUTLET_COVERAGE * len(main):
            who = _primary_publisher(matches)
            if who is not None:
                return who, "claimant:publisher(outlet)"
        if load_attribution_terms().report_titles.search(outlet):
            who = _primary_publisher(lexicon.find(outlet, countries))
            if who is not None:
                return who, "claimant:publisher(outlet)"
        who = _named_body(main, lexicon, countries)
        if who is not None:
            return who, "claimant:publisher(outlet)"
    head = article.text[:HEADER_CHARS]
    for line in head.split("\n")[:3]:
        if load_attribution_terms().report_titles.search(line):
            who = _primary_publisher(lexicon.find(line, countries))
            if who is not None:
                return who, "claimant:publisher(report-title)"
    return None, ""


# --- the current reporter ---------------------------------------------------------------------

def set_reporter(ctx: ArticleContext, claimant: Claimant, sentence: Sentence, rule: str) -> None:
    from ...lexicon.claim_terms import quantities_in

    ctx.reporter = Reporter(claimant, sentence.index, ctx.line_of(sentence.start), rule,
                            quantities_in(sentence.text))


def current_reporter(ctx: ArticleContext, sentence: Sentence) -> tuple[Claimant | None, str]:
    """The reporter whose count a sentence with no attribution of its own continues: the
    one of its paragraph, or of a sentence or three before when it says it continues
    ("Kiev has also lost ...", "The total death toll has now reached ...")."""
    rep = ctx.reporter
    if rep is None or rep.sentence >= sentence.index:
        return None, ""
    if not rep.claimant.known:
        # a witness speaks for one sentence, a body for its statement; the next sentence is
        # still the witness's when it goes on about them ("His wife ... were injured")
        if sentence.index == rep.sentence + 1 and ctx.line_of(sentence.start) == rep.line \
                and _PERSONAL.search(sentence.text):
            return rep.claimant, "claimant:current-reporter"
        return None, ""
    terms = load_attribution_terms()
    opening = " ".join(sentence.text.split()[:8])
    if terms.topic_shift.match(sentence.text) or terms.vague_sources.search(sentence.text):
        return None, ""  # "Meanwhile, ...", "According to various estimates, ..."
    if ctx.line_of(sentence.start) == rep.line:
        return rep.claimant, "claimant:current-reporter"
    if sentence.index - rep.sentence <= REPORTER_REACH and (
            terms.continuation_cues.search(opening) or terms.running_count_cues.search(sentence.text)):
        return rep.claimant, "claimant:current-reporter"
    return None, ""


_PERSONAL = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)


def last_claimant_before(ctx: ArticleContext, offset: int, kind: str | None = None,
                         within: int | None = None) -> Claimant | None:
    known = [m for m in ctx.mentions if m.start < offset and m.claimant.known
             and (kind is None or m.claimant.kind == kind)
             and (within is None or offset - m.start <= within)]
    return known[-1].claimant if known else None


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
        if who is not None and rule not in ("claimant:possessive-anaphora", "claimant:current-reporter"):
            _attribute(claim, who, "claimant:attributed-after")


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
    drop: set[int] = set()
    _headline_restatements(ctx, claims, drop)
    for members in groups.values():
        members = [c for c in members if id(c) not in drop]
        if len(members) < 2:
            continue
        sources = [c.source for c in members if c.source is not None]
        if not all(_same_source(ctx, sources[0], s) for s in sources[1:]):
            continue
        best = max(members, key=lambda c: (c.source is not None, c.sentence_start > 0 or ctx.line_of(c.start) > 0,
                                           "claimant:none" not in c.rule, len(c.source or ""), -c.start))
        for c in members:
            if c is not best:
                best.mentions.append((c.start, c.end))
                drop.add(id(c))
    return [c for c in claims if id(c) not in drop]


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
