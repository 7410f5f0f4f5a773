"""The article as discourse: who is speaking, names the article defines, who published it.

A paragraph has a current reporter: once "the Azerbaijani Ministry of Health reported ..."
names a claimant, "It was noted that ...", "the ministry said", "He stated ..." and figures
that continue the count are that claimant's until someone else is named. The article
defines names of its own (``defined_names``), and a primary report (a UN situation report,
a monitor's own page) is its publisher's word. The rules that need the whole article read
first are in ``after_article``.

Rules here are named like the others; their name is the ``claimant:...`` part of a claim's
``rule``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...sentences import Sentence
from ...records import Article, Claimant
from ..claimants import ClaimantLexicon, ClaimantMatch
from ..state_bodies import state_body_index
from ...lexicon.claim_terms import load_attribution_terms
from ...lexicon.patterns import alternation
from .context import ArticleContext, Reporter
from .defined_names import local_names
from .person_offices import SPOKESPEOPLE
from .documents import document_text_issuer, header_issuer


# How many sentences on a reporter may carry into the next paragraph when the sentence
# says it continues ("also", "another", "the death toll"). Tuned on dev2's Ukraine, Syria
# and Lebanon reports (held out: Haiti, Myanmar): official statements run 2-3 sentences.
REPORTER_REACH = 3
# Kinds of claimant whose own publications are primary reports (the publisher is the
# claimant of figures it states without attribution). State media are not: they report.
PUBLISHER_KINDS = frozenset({"un", "monitor", "ngo", "medical", "government", "foreign_government", "opposition"})
# Share of an outlet's name a claimant's name must cover for the outlet to be that claimant
# ("UN OCHA", "Syrian Observatory for Human Rights"; not "Cedar News (NNA relay)").
OUTLET_COVERAGE = 0.6
# A state's body named this early (the headline, the dateline and the lede) leads the story
# even where the headline names another state ("Peak recaptured, says Army; Pakistan denies"
# over "NEW DELHI - The Indian Army today announced"); named later, the headline's state
# stays the story's (set N's Bissau daily, whose Senegalese army comes in its fourth paragraph).
LEDE_CHARS = 400
# Characters at the top of an article searched for a report's own title ("OCHA Flash Update").
HEADER_CHARS = 400


def build_context(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str],
                  sentences: Sequence[Sentence] = (), places: Sequence = ()) -> ArticleContext:
    """The article's context: claimant mentions, names it defines, its publisher (and the
    article's place mentions, for the state a sentence is set in)."""
    from .context import ArticleContext

    text = article.text
    mentions = lexicon.find(text, countries)
    bodies = state_body_mentions(text, lexicon)
    lead, at = _lead_state(sorted(mentions + bodies, key=lambda m: m.start), lexicon, countries)
    if lead is not None and (at < LEDE_CHARS or not _headline_names(text, countries[0])):
        countries = [lead] + [c for c in countries if c != lead]
        mentions = lexicon.find(text, countries)
    ctx = ArticleContext(article, lexicon, countries, mentions)
    if article.published:
        ctx.reference_year = article.published.year
    else:  # never today's date: the latest year the article itself names
        years = [int(y) for y in _ANY_YEAR.findall(text)]
        ctx.reference_year = max(years) if years else None
    ctx.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ctx.sentences = list(sentences)
    ctx.places = list(places)
    ctx.local = local_names(text, lexicon, countries)
    ctx.spokespeople = set(SPOKESPEOPLE)
    if ctx.local:
        keys = sorted(ctx.local, key=len, reverse=True)
        ctx.local_regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")
        extra = [ClaimantMatch(m.start(), m.end(), ctx.local[m.group(0)]) for m in ctx.local_regex.finditer(text)]
        ctx.mentions = sorted(ctx.mentions + extra, key=lambda m: m.start)
    if bodies:
        ctx.mentions = sorted(ctx.mentions + bodies, key=lambda m: m.start)
    ctx.publisher, ctx.publisher_rule = publisher_of(article, lexicon, countries)
    return ctx


def _lead_state(mentions: list[ClaimantMatch], lexicon: ClaimantLexicon,
                countries: Sequence[str]) -> tuple[str | None, int]:
    """The state whose body the article names first by its own name ("The Indian Army today
    announced ..."), when it is not the article's first country, and where it is named: "the
    Army spokesman" and "the army said" later are that state's, though the text names
    Pakistan more often."""
    for m in mentions:
        if m.via_context or not m.claimant.known or m.claimant.kind != "government":
            continue
        owners = lexicon.countries_of(m.claimant.name) or _named_state(m.claimant.name)
        if len(owners) == 1 and owners[0] in countries[1:]:
            return owners[0], m.start
        if len(owners) == 1 and owners[0] in countries[:1]:
            return None, m.start
    return None, 0


def _headline_names(text: str, country: str) -> bool:
    """Whether the headline (the first line) names ``country`` ("WAR IN BISSAU: ..."): the
    story's own state, whichever state's body it names first."""
    from ..context import country_mentions

    end = text.find("\n")
    return end > 0 and any(code == country for _, _, code in country_mentions(text[:end]))


def _named_state(name: str) -> tuple[str, ...]:
    """The state a body's name opens with ("Ethiopian army" -> ET), for bodies no claimant
    file lists with their countries."""
    code = state_body_index()[1].get(name.split()[0].lower().replace("’", "'").removesuffix("'s")) if name else None
    return (code,) if code else ()


def state_body_mentions(text: str, lexicon: ClaimantLexicon) -> list[ClaimantMatch]:
    """Bodies named with their state anywhere in the text ("the Azerbaijani Ministry of
    Health"), so that "the ministry" later points back to them."""
    regex = state_body_index()[0]
    out = []
    for m in regex.finditer(text):
        who = lexicon.state_body(m.group(0))
        if who is not None:
            out.append(ClaimantMatch(m.start(), m.end(), who))
    return out


_ANY_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")

# --- publisher --------------------------------------------------------------------------

def _primary_publisher(matches: list[ClaimantMatch]) -> Claimant | None:
    for m in matches:
        c = m.claimant
        if c.kind == "opposition" and not _names_itself(c):
            continue  # "Al-Manar": a party's broadcaster is a news outlet, not the party's statement
        if c.known and c.kind in PUBLISHER_KINDS and not load_attribution_terms().media_words.search(c.name):
            return c
    return None


def _names_itself(c: Claimant) -> bool:
    """Whether the words an armed group is written with share a word of its own name
    ("Seleka Coalition" of ex-Seleka, "FARC-EP" of FARC), as its own statements are signed."""
    own = {w for w in re.split(r"[\s-]+", c.name.lower()) if len(w) > 2}
    return bool(own & {w for w in re.split(r"[\s-]+", (c.as_written or "").lower()) if len(w) > 2})


# A body's own office that issues its statements, ending an outlet's name ("... Press Office").
_OWN_OFFICE_END = re.compile(rf"\s+{alternation(load_attribution_terms().spokes_offices)}$", re.IGNORECASE)


def _named_body(name: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """An outlet that is a body no claimant file knows, named in full, that states its own
    figures ("Iraqi Joint Operations Command", "Ministry of Defence of Ukraine"); not a
    news outlet ("Premium Times", "Reuters")."""
    from ...ingest.outlets import outlet_index

    name = _OWN_OFFICE_END.sub("", name)  # "Colony and Protectorate of Kenya Press Office": the colony's
    if load_attribution_terms().media_words.search(name) or name in outlet_index().by_alias or name.casefold() in outlet_index().by_folded:
        return None
    if sum(w[:1].isupper() for w in name.split()) < 2:
        return None
    state = lexicon.named_for_its_state(name)
    if state is not None:
        return replace(state, as_written=name)
    who = lexicon.resolve(name, countries)
    if who is None or who.known or who.kind not in PUBLISHER_KINDS:
        return None
    if countries and who.name == who.name.lower():
        # "Office of the Government Spokesman, Kenya": a generic body is the article's state's
        who = lexicon.in_country(who, who.name, countries[0])
    return Claimant(name=who.name, kind=who.kind, as_written=name, known=False)


# A lone acronym that can name a body issuing a document ("RENAMO", "FLNKS", "ISPR").
_BODY_ACRONYM = re.compile(r"^[A-Z][A-Z&-]{2,9}$")


def _bracketed_document_issuer(outlet: str, main: str, lexicon: ClaimantLexicon,
                               countries: Sequence[str]) -> Claimant | None:
    """'RENAMO (rebel communique)', 'Hellenic Army General Staff (communique)': an outlet
    whose brackets say it is a document a body issues is that body, an acronym alone too
    (not a news outlet); its kind from the brackets' words when the name gives none
    ("rebel communique": an armed group's)."""
    from ...ingest.outlets import outlet_index

    terms = load_attribution_terms()
    bracket = " ".join(re.findall(r"\(([^)]*)\)", outlet))
    if not bracket or not any(rx.search(bracket) for rx in (terms.report_titles, terms.outlet_documents)):
        return None
    if terms.media_words.search(main) or main in outlet_index().by_alias or main.casefold() in outlet_index().by_folded:
        return None
    if lexicon.find(main, countries) or not _BODY_ACRONYM.match(main):
        return None  # a body the lexicon knows, or one named in full, is the rules' below
    kind = lexicon.guess_kind(main)
    if kind == "unknown" and lexicon.guess_kind(bracket) == "opposition":
        kind = "opposition"  # "rebel communique"; a "military communique" says no side
    return Claimant(name=main, kind=kind, as_written=main, known=False)


def _document_issuer(main: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """'FARC-EP communique', 'Ministry of Defence briefing transcript', 'ISPR press release':
    an outlet named for a document after the body that issues it is that body, whatever
    kind of claimant it is (an armed group's communique too), not the whole name; a body
    no file knows needs two capitalised words ('Martial Law Operations Command')."""
    terms = load_attribution_terms()
    # the document words that end the name, from the first of them ("press briefing transcript")
    ending = [m for rx in (terms.report_titles, terms.outlet_documents) for m in rx.finditer(main)]
    ending.sort(key=lambda m: m.start())
    tail = next((i for i, m in enumerate(ending) if not main[m.end():].strip()), None)
    if tail is None:
        return None
    start = ending[tail].start()
    for m in reversed(ending[:tail]):  # "press briefing" + "briefing transcript": one document
        if m.end() >= start - 1:
            start = m.start()
    if start == 0:
        return None
    body = main[:start].strip(" ,-\u2013\u2014:")
    if not body or terms.media_words.search(body) or re.match(r"(?i)the\s+\S+$", body):
        return None  # "The Relief Bulletin" is a periodical's name
    matches = lexicon.find(body, countries)
    if matches and sum(m.end - m.start for m in matches) >= OUTLET_COVERAGE * len(body):
        who = matches[0].claimant
        return lexicon.in_country(who, body, countries[0]) if countries else who
    return _named_body(body, lexicon, countries) or lexicon.state_body(body)


# How far into the text a header may name the capital a body's document comes from.
HEADER_CAPITAL_CHARS = 300


def _of_the_header_state(who: Claimant, text: str, lexicon: ClaimantLexicon) -> Claimant:
    """A state body no file knows, named without its state ("Ministry of Defence"), is the
    state whose capital the document's header names ("Press briefing of the Ministry of
    Defence, Skopje", "MINISTRY OF DEFENCE, LONDON"); else as written."""
    if who.known or who.kind != "government":
        return who
    from ..gazetteer import get_gazetteer

    capitals = {name.lower(): cc for cc, name in get_gazetteer().capitals.items()}
    for word in re.findall(r"[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+)?", text[:HEADER_CAPITAL_CHARS]):
        cc = capitals.get(word.lower()) or capitals.get(word.split()[0].lower())  # "Addis Ababa", "LONDON"
        if cc is not None:
            phrase = re.sub(r"(?i)^(?:the\s+)?ministry\s+of\s+(\w+)$", r"\1 ministry", who.name).lower()  # its state-body form
            return lexicon.in_country(who, phrase, cc)
    return who


def publisher_of(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str]) -> tuple[Claimant | None, str]:
    """The article's publisher when it is a claimant that states its own figures: from the
    outlet metadata ('UN OCHA', 'Syrian Observatory for Human Rights'), else from a report
    title at the top of the text ('OCHA Flash Update No. 5')."""
    if article.outlet:
        # The outlet is the claimant itself ("UN OCHA"), or says it carries the claimant's
        # report ("blog copy of UN OCHA Flash Update No. 5"); not one relaying an agency.
        outlet = article.outlet
        main = re.sub(r"\s*\([^)]*\)\s*", " ", outlet).strip() or outlet
        who = _document_issuer(main, lexicon, countries) or _bracketed_document_issuer(outlet, main, lexicon, countries)
        if who is not None:
            return _of_the_header_state(who, article.text, lexicon), "claimant:publisher(outlet)"
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
        body = lexicon.state_body(main)  # "Turkish General Staff (briefing transcript)"
        if body is not None and len(body.as_written or "") >= OUTLET_COVERAGE * len(main):
            return body, "claimant:publisher(outlet)"
    head = article.text[:HEADER_CHARS]
    titled = [line for line in head.split("\n")[:3] if load_attribution_terms().report_titles.search(line)]
    for line in titled:
        who = _primary_publisher(lexicon.find(line, countries))
        if who is not None:
            return who, "claimant:publisher(report-title)"
    if titled:
        # "Final Report of the Truth and Reconciliation Commission", or a "Press Statement"
        # under the outlet's own name (an armed group, a commission): the body states its own
        # figures, whatever kind of body it is, when it is no news outlet.
        named = _TITLE_BODY.search(titled[0]) or _body_then_title(titled[0])
        by_title = _statement_body(named.group("body"), lexicon, countries) if named else None
        by_outlet = _statement_body(article.outlet or "", lexicon, countries)
        # "Statement of the Political Wing" under the LTTE's name: a part of the outlet's body
        if by_title is not None and by_outlet is not None and not by_title.known and len(by_title.name.split()) <= 2:
            by_title = None
        who = by_title or by_outlet
        if who is not None:
            return who, "claimant:publisher(report-title)"
    return None, ""


# "Final Report of the Truth and Reconciliation Commission - General Conclusions"
# "Statement of the press centre of the Joint Group ...": the office that issues it is the body's.
_TITLE_BODY = re.compile(rf"\b{alternation(load_attribution_terms().issued_documents)}\s+(?:of|by|from)\s+(?:the\s+)?"
                         rf"(?:{alternation(load_attribution_terms().spokes_offices)}\s+of\s+(?:the\s+)?)?"
                         r"(?P<body>(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?:of|and|for|on)\b|(?-i:[A-Z])[\w'’.-]*))+)", re.IGNORECASE)


# "Ministry of National Defence communique on the attack at Tabatol": the body before the document.
_BODY_THEN_TITLE = re.compile(r"^\s*(?:The\s+)?(?P<body>(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?:of|and|for|on)\b|(?-i:[A-Z])[\w'’.-]*))+)"
                              rf"\s+{alternation(load_attribution_terms().issued_documents)}\b", re.IGNORECASE)


def _body_then_title(line: str) -> re.Match[str] | None:
    """A state body before its document ("Ministry of National Defence communique"); not a
    periodical's masthead ("THE RELIEF BULLETIN"), whose words name no body."""
    m = _BODY_THEN_TITLE.match(line)
    heads = load_attribution_terms().body_heads
    if m is None or line.isupper() or not any(heads.match(w) for w in m.group("body").lower().split()):
        return None
    return m


def _statement_body(name: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body a statement or report is issued under, when it is no news outlet."""
    from ...ingest.outlets import outlet_index

    main = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    if sum(w[:1].isupper() for w in main.split()) < 2 or load_attribution_terms().media_words.search(main) \
            or main in outlet_index().by_alias or main.casefold() in outlet_index().by_folded:
        return None
    who = lexicon.resolve(name, countries)
    if who is not None and who.known:
        return who
    return Claimant(name=main, kind=who.kind if who is not None else "unknown", as_written=name, known=False)


# --- the current reporter ---------------------------------------------------------------------

def set_reporter(ctx: ArticleContext, claimant: Claimant, sentence: Sentence, rule: str) -> None:
    ctx.reporter = Reporter(claimant, sentence.index, ctx.line_of(sentence.start), rule, sentence.text)


def current_reporter(ctx: ArticleContext, sentence: Sentence) -> tuple[Claimant | None, str]:
    """The reporter whose count a sentence with no attribution of its own continues: the
    one of its paragraph, or of a sentence or three before when it says it continues
    ("Kiev has also lost ...", "The total death toll has now reached ...")."""
    rep = ctx.reporter
    document = document_text_issuer(ctx, sentence)
    if document is not None:
        return document, "claimant:document-text"
    same_line = rep is not None and rep.sentence < sentence.index and ctx.line_of(sentence.start) == rep.line
    header = None if same_line else header_issuer(ctx, sentence)
    if header is not None:
        return header, "claimant:document-header"
    if rep is None or rep.sentence >= sentence.index:
        return None, ""
    if not rep.claimant.known and not names_a_body(rep.claimant):
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


def names_a_body(claimant: Claimant) -> bool:
    """A claimant no file knows that is still a body, by its head noun ("Supreme
    Headquarters", "Sinaloa state prosecutor's office"), not a witness or a person."""
    if re.fullmatch(r"(?:the\s+)?[A-Z]{2,6}", claimant.name):
        return True  # "The NSG says": an acronym names an organisation, not a witness
    words = claimant.name.lower().replace("’", "'").split()
    return bool(words) and words[-1] in load_attribution_terms().neuter_heads


_PERSONAL = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)


def last_claimant_before(ctx: ArticleContext, offset: int, kind: str | None = None,
                         within: int | None = None) -> Claimant | None:
    known = [m for m in ctx.mentions if m.start < offset and m.claimant.known
             and (kind is None or m.claimant.kind == kind)
             and (within is None or offset - m.start <= within)]
    return known[-1].claimant if known else None


def person_named_since_reporter(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """'09:30 Aden's health department chief, Al-Khader Lassouar, has given us his latest
    figures. He says 44 people were killed': "he" is the person the paragraph introduced after
    the current reporter spoke (here in an earlier entry), not that reporter."""
    para = ctx.line_starts[ctx.line_of(sentence.start)] if ctx.line_starts else 0
    rep = ctx.reporter
    since = max(para, ctx.sentences[rep.sentence].end if rep is not None and rep.sentence < len(ctx.sentences) else 0)
    for m in reversed(ctx.mentions):
        if since <= m.start < sentence.start and " " in ctx.article.text[m.start:m.end].strip() \
                and ctx.article.text[m.start:m.end] in ctx.local:
            return m.claimant
    # a person no claimant file knows, introduced with a title or a role ("LURD spokesman Sekou
    # Fofana told the BBC ... He said"): the last one the text names since
    before = ctx.article.text[since:sentence.start]
    named = [(before.rfind(name), name) for name in ctx.local if " " in name and name in before]
    return ctx.local[max(named)[1]] if named else None
