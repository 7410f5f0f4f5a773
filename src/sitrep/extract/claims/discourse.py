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
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence

from ...sentences import Sentence
from ...records import Article, Claimant
from ..claimant_states import ArticleStates
from ..claimants import ClaimantLexicon, ClaimantMatch
from ..state_bodies import state_body_index
from ...lexicon.claim_rule_words import word_set
from ...lexicon.claim_terms import load_attribution_terms
from .context import ArticleContext, Reporter
from .defined_names import local_names
from .person_offices import SPOKESPEOPLE
from .documents import document_text_issuer, header_issuer
from .publisher import publisher_of


# How many sentences on a reporter may carry into the next paragraph when the sentence
# says it continues ("also", "another", "the death toll"). Tuned on dev2's Ukraine, Syria
# and Lebanon reports (held out: Haiti, Myanmar): official statements run 2-3 sentences.
REPORTER_REACH = 3
# A state's body named this early (the headline, the dateline and the lede) leads the story
# even where the headline names another state ("Peak recaptured, says Army; Pakistan denies"
# over "NEW DELHI - The Indian Army today announced"), unless the dateline names the
# headline's state too ("BANJUL, 8 August"); named later, the headline's state stays the
# story's (set N's Bissau daily, whose Senegalese army comes in its fourth paragraph).
LEDE_CHARS = 400


def build_context(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str],
                  sentences: Sequence[Sentence] = (), places: Sequence = ()) -> ArticleContext:
    """The article's context: claimant mentions, names it defines, its publisher (and the
    article's place mentions, for the state a sentence is set in)."""
    from .context import ArticleContext

    text = article.text
    countries = _publishing_state_first(article, lexicon, countries)
    mentions = lexicon.find(text, countries)
    bodies = state_body_mentions(text, lexicon)
    lead, at = _lead_state(sorted(mentions + bodies, key=lambda m: m.start), lexicon, countries)
    # a dateline of the first country keeps it first, wherever a foreign force is named ("JUBA -
    # ... with Ugandan soldiers and aircraft in support": set K's Bor analysis)
    if lead is not None and not _dateline_names(text, countries[0]) \
            and (at < LEDE_CHARS or not _headline_names(text, countries[0])) \
            and not _story_set_before(text, countries[0], at):
        countries = [lead] + [c for c in countries if c != lead]
        mentions = lexicon.find(text, countries)
    countries = ArticleStates(countries, text, lexicon)
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


def _publishing_state_first(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Sequence[str]:
    """A state body's own publication ("Royal Malaysia Police / Malaysian Armed Forces (press
    conference transcript)") is about its state's war: the state its outlet names leads,
    though the text names the other side's towns more (set U's Lahad Datu transcript). A
    news outlet named for a country ("Sudan Tribune") says so only when it files from that
    country's town."""
    if not article.outlet or not countries:
        return countries
    from ..context import country_mentions

    named = {code for _, _, code in country_mentions(article.outlet)}
    if len(named) != 1 or countries[0] in named:
        return countries
    main = re.sub(r"\s*\([^)]*\)", "", article.outlet)  # "(press conference transcript)": the document
    lead = next(iter(named))
    if load_attribution_terms().media_words.search(main) or lexicon.guess_kind(main) != "government":
        # a newspaper, or no state body's name; but an outlet named for a state filing from
        # that state's town ("Addis Ababa, April 18 (ENA)" by the Ethiopian News Agency, set
        # AK) reports its own state's story, whatever neighbour it names more
        return [lead] + [c for c in countries if c != lead] if _dateline_names(article.text, lead) else countries
    return [lead] + [c for c in countries if c != lead]


def _lead_state(mentions: list[ClaimantMatch], lexicon: ClaimantLexicon,
                countries: Sequence[str]) -> tuple[str | None, int]:
    """The state whose body the article names first by its own name ("The Indian Army today
    announced ..."), when it is not the article's first country, and where it is named: "the
    Army spokesman" and "the army said" later are that state's, though the text names
    Pakistan more often."""
    for m in mentions:
        if m.via_context or not m.claimant.known or m.claimant.kind != "government":
            continue
        # the state its name opens with first ("Lebanese government" is Lebanon's, though the
        # war file it is listed in spans Israel and Palestine too: set BL's Nahr al-Bared daily)
        owners = _named_state(m.claimant.name) or lexicon.countries_of(m.claimant.name)
        if len(owners) == 1 and owners[0] in countries[1:]:
            return owners[0], m.start
        if len(owners) == 1 and owners[0] in countries[:1]:
            return None, m.start
    return None, 0


# Mentions of the first country (its name, its people, its towns) before a foreign state's
# first body that keep the story the first country's (set CJ's Monrovia daily: Liberia and
# Monrovia named six times before "770 Nigerian soldiers" in its last paragraph).
STORY_SET_MENTIONS = 3


def _story_set_before(text: str, country: str, at: int) -> bool:
    """Whether the text names ``country`` (or its towns) at least STORY_SET_MENTIONS times
    before a foreign body's mention at ``at``, past the lede: the story is set there."""
    from ..context import country_mentions

    if at < LEDE_CHARS:
        return False
    return sum(code == country for a, _, code in country_mentions(text[:at])) >= STORY_SET_MENTIONS


def _headline_names(text: str, country: str) -> bool:
    """Whether the headline (the first line) names ``country`` ("WAR IN BISSAU: ..."): the
    story's own state, whichever state's body it names first."""
    from ..context import country_mentions

    end = text.find("\n")
    return end > 0 and any(code == country for _, _, code in country_mentions(text[:end]))


# "BANJUL, 8 August 1981 -", "NEW DELHI (Reuters) -": a place in capitals opening a line
# near the top, then a comma, a bracket or a dash.
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’ -]{2,40}?)\s*(?:,|\(|—|–|-\s)", re.MULTILINE)
# How far into the text a dateline is looked for (the headline and a standfirst before it).
DATELINE_CHARS = 600


def _dateline_names(text: str, country: str) -> bool:
    """Whether the dateline names ``country``: the story is filed from its state, and a
    foreign force named in the lede ("A week after Senegalese troops put down the rising")
    does not make its state the story's (set S's Gambia feature; the Kargil brief's "NEW
    DELHI" over a headline naming Pakistan still lets the Indian Army lead)."""
    from ..context import country_mentions

    for m in _DATELINE.finditer(text[:DATELINE_CHARS]):
        place = m.group("place").strip()
        named = country_mentions(place)
        if len(named) == 1 and named[0][:2] == (0, len(place)):  # the whole capitals run is a place
            return named[0][2] == country
        if not named:
            # a town no country list has ("REYHANLI, Hatay -"): the gazetteer's town of that
            # name, when its state is the one asked about (set BD's Reyhanli daily)
            from ..gazetteer import get_gazetteer

            found = get_gazetteer().lookup(place.title())
            if found and found[0].feature == "city" and found[0].country == country:
                return True
    m = _town_dateline().search(text[:DATELINE_CHARS])
    if m is not None:
        # "Cobija, Sunday 14 of September 2008 - Redaction": a town in the usual case, then a
        # day or a date; the gazetteer's first place of that name says whose town (set W's Pando daily)
        from ..gazetteer import get_gazetteer

        found = get_gazetteer().lookup(m.group("place"))
        return bool(found) and found[0].country == country and found[0].feature == "city"
    return False


@lru_cache(maxsize=1)
def _town_dateline() -> re.Pattern[str]:
    """A town in the usual case opening a line near the top, then a comma and a weekday, a
    day of the month or a month (date_words.json)."""
    from ...lexicon.date_words import date_words

    words = date_words()
    months = "|".join(sorted((m for m in words.months if len(m) > 3), key=len, reverse=True))
    days = "|".join(words.weekdays)
    return re.compile(rf"^(?P<place>[A-Z][a-z'’.-]+(?:[ -][A-Z][a-z'’.-]+){{0,2}}),\s+(?i:(?:{days})\b|\d{{1,2}}\s+(?:of\s+)?(?:{months})\b|(?:{months})\b)",
                      re.MULTILINE)


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
    if rep.rule == "claimant:broadcast-header":
        # a monitoring digest's item under its broadcaster's header line ("Tehran home service
        # 1630 gmt 26 Jan 82"): what the item says unattributed is the broadcaster's report,
        # until another speaker or header (set AN's BBC digest)
        return rep.claimant, "claimant:broadcast-section"
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
    section = _broadcast_section(ctx, sentence)
    return (section, "claimant:broadcast-section") if section is not None else (None, "")


def _broadcast_section(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The broadcaster whose header line the sentence's digest item is under (the last such
    line before it): a new paragraph of the item with no speaker of its own is its report.
    Each item is read for its label once, as far as the sentences asked about reach."""
    at = bisect_left(ctx.broadcast_headers, sentence.index) - 1
    if at < 0:
        return None
    header = ctx.broadcast_headers[at]
    read_to, body = ctx.item_labels.get(header, (header, None))
    for earlier in ctx.sentences[read_to + 1:sentence.index + 1] if body is None else ():
        label = _ITEM_LABEL.match(earlier.text)
        if label is not None:
            # "Statement of the Union of Iranian Communists (Sarbedaran): Text: ...": the item
            # is that body's statement, read by the broadcaster
            from .subject_resolve import resolve_subject

            body = resolve_subject(ctx, earlier, label.group("body"))
            break
    ctx.item_labels[header] = (max(read_to, sentence.index), body)
    return body if body is not None else ctx.attributions.get(header, (None, ""))[0]


# A digest item's label naming the body whose statement it is.
_ITEM_LABEL = re.compile(r"^\W*(?:(?:Text\s+of\s+)?(?:an?\s+)?(?:[a-z]+\s+)?(?:statement|communiqu[eé]|declaration|message)\s+"
                         r"(?:issued\s+)?(?:of|by|from)\s+)(?P<body>[^:]{3,100}?)\s*:", re.IGNORECASE)


def names_a_body(claimant: Claimant) -> bool:
    """A claimant no file knows that is still a body, by its head noun ("Supreme
    Headquarters", "Sinaloa state prosecutor's office"), not a witness or a person."""
    if re.fullmatch(r"(?:the\s+)?[A-Z]{2,6}", claimant.name):
        return True  # "The NSG says": an acronym names an organisation, not a witness
    words = claimant.name.lower().replace("’", "'").split()
    heads = load_attribution_terms().neuter_heads
    # "Ministry of the Interior", "Committee of Salvation of Vlora": the head before "of"
    return bool(words) and (words[-1] in heads or len(words) > 2 and words[0] in heads and words[1] == "of")


_PERSONAL = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)


def last_claimant_before(ctx: ArticleContext, offset: int, kind: str | None = None,
                         within: int | None = None) -> Claimant | None:
    floor = ctx.item_start(offset)
    known = [m for m in ctx.mentions if floor <= m.start < offset and m.claimant.known
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


# Two or three capitalised words inside a sentence (not its first word): a person's name, when
# no place, body, month or day is among them.
# after a lowercase word or a comma, or a dateline's dash ("BISHKEK - Aibek Toktogulov, a student")
_PERSON_RUN = re.compile(r"(?<=[a-z,;\-–—]\s)(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b(?!\s+[A-Z])")
# Words of a capitalised run that name a street or a date, not a person.
_STREET_WORDS = word_set("not_person_run_words")


def _not_a_person(name: str) -> bool:
    from ...lexicon.date_words import date_words

    words = {w.lower() for w in name.split()}
    return bool(words & (_STREET_WORDS | set(date_words().weekdays) | set(date_words().months)))


def person_named_before(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """'For thirty years, Lyudmila Savchenko did not say ... "I counted at least 15 bodies," she
    said': the last person the article names by a bare name before "he"/"she" speaks, when no
    one spoke before (set T's Novocherkassk feature); not a place, a body or a date."""
    text = ctx.article.text[:sentence.start]
    heads = load_attribution_terms().neuter_heads
    for m in reversed(list(_PERSON_RUN.finditer(text))):
        name, at = m.group("name"), m.start()
        if _not_a_person(name) or any(w.lower() in heads for w in name.split()):
            continue
        mention = next((c.claimant for c in ctx.mentions if c.start < at + len(name) and at < c.end), None)
        if any(p.start < at + len(name) and at < p.end for p in ctx.places) \
                or mention is not None and (mention.known or mention.kind != "unknown"):
            continue  # a place, a body ("the White House")
        return ctx.local.get(name) or mention or Claimant(name, "unknown", name, False)
    return None

