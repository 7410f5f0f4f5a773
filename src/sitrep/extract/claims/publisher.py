"""Who published the article, when it is a claimant that states its own figures: a UN
situation report, a ministry's statement page, an armed group's communique, a monitor's own
report. Read from the outlet's name ("UN OCHA", "Colony and Protectorate of Kenya Press Office
(handout)", "RENAMO (rebel communique)"), else from a report title at the top of the text
("OCHA Flash Update No. 5"). ``discourse.build_context`` sets it on the article's context;
``after_article.publisher_fallback`` gives it the figures no one else is said to claim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...records import Article, Claimant
from ..claimant_names import portfolio_ministry
from ..claimants import ClaimantLexicon, ClaimantMatch, a_whole_government
from .figure_view import Candidate
from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import load_attribution_terms
from ...lexicon.patterns import alternation

# Kinds of claimant whose own publications are primary reports (the publisher is the
# claimant of figures it states without attribution). State media are not: they report.
PUBLISHER_KINDS = frozenset({"un", "monitor", "ngo", "medical", "government", "foreign_government", "opposition"})
# Share of an outlet's name a claimant's name must cover for the outlet to be that claimant
# ("UN OCHA", "Syrian Observatory for Human Rights"; not "Cedar News (NNA relay)").
OUTLET_COVERAGE = 0.6
# Characters at the top of an article searched for a report's own title ("OCHA Flash Update").
HEADER_CHARS = 400


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


# An office a body issues its statements from, written after the body's name ("SWAPO Department
# of Information and Publicity", "KIO Information Department"; set T's Namibia release): the
# statement is the body's.
# Only an office that speaks: "US Department of Defense" is a ministry, no office of the US.
_OFFICE_AFTER = re.compile(rf"(?<=\S)\s+(?:{in_order('speaking_office_units')}\s+(?:of|for)\s+"
                           rf"(?:public\s+)?{in_order('speaking_office_portfolios')}"
                           r"(?:\s+and\s+[\w\s]+)?"
                           rf"|{alternation(load_attribution_terms().spokes_offices)})\s*$",
                           re.IGNORECASE)


def _without_office(main: str) -> str:
    """The body's name before its speaking office, when what is left names a body by itself (an
    acronym, or a body's head word: "Ministry of Defence"); "Xinjiang regional Information
    Office" is an office of a government it does not name, and stays whole."""
    body = _OFFICE_AFTER.sub("", main)
    heads = load_attribution_terms().neuter_heads
    if body != main and (_BODY_ACRONYM.match(body) or any(w.lower() in heads for w in body.split())):
        return body
    return main


# A lone acronym that can name a body issuing a document ("RENAMO", "FLNKS", "ISPR").
_BODY_ACRONYM = re.compile(r"^[A-Z][A-Z&-]{2,9}$")


def _bracketed_body(outlet: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """'Press Information Bureau, Government of India (Ministry of Home Affairs release)': a
    body of the government the brackets name, which issues the release (set AS)."""
    bracket = " ".join(re.findall(r"\(([^)]*)\)", outlet))
    who = lexicon.resolve(bracket, countries) if bracket else None
    return who if who is not None and who.known and not a_whole_government(who) else None


def _bracketed_document_issuer(outlet: str, main: str, lexicon: ClaimantLexicon,
                               countries: Sequence[str], text: str = "") -> Claimant | None:
    """'RENAMO (rebel communique)', 'Hellenic Army General Staff (communique)': an outlet
    whose brackets say it is a document a body issues is that body, an acronym alone too
    (not a news outlet; the name the text spells out for it); its kind from the brackets' words when the name gives none
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
    who = _acronym_body(main, lexicon, text) or Claimant(name=main, kind="unknown", as_written=main, known=False)
    if who.kind == "unknown" and lexicon.guess_kind(bracket) == "opposition":
        who = replace(who, kind="opposition")  # "rebel communique"; a "military communique" says no side
    return who


def _document_issuer(main: str, lexicon: ClaimantLexicon, countries: Sequence[str], text: str = "") -> Claimant | None:
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
    return _named_body(body, lexicon, countries) or lexicon.state_body(body) or _acronym_body(body, lexicon, text)


def _acronym_body(acronym: str, lexicon: ClaimantLexicon, text: str) -> Claimant | None:
    """'MEND press statement': a lone acronym no file knows, before its document, is the
    body the text spells out ("The Movement for the Emancipation of the Niger Delta
    wishes ..."), else the acronym itself; not a news outlet's (set R's Niger Delta
    statement)."""
    from ...ingest.outlets import outlet_index
    from .defined_names import spelt_out

    if not _BODY_ACRONYM.match(acronym) or acronym in outlet_index().by_alias \
            or acronym.casefold() in outlet_index().by_folded:
        return None
    name = spelt_out(text[:HEADER_CHARS * 4], acronym) or acronym
    kind = lexicon.guess_kind(name)
    return Claimant(name=name, kind=kind, as_written=acronym, known=False)


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
            phrase = portfolio_ministry(who.name) or who.name.lower()  # its state-body form
            return lexicon.in_country(who, phrase, cc)
    return who


def publisher_of(article: Article, lexicon: ClaimantLexicon, countries: Sequence[str]) -> tuple[Claimant | None, str]:
    """The article's publisher when it is a claimant that states its own figures: from the
    outlet metadata ('UN OCHA', 'Syrian Observatory for Human Rights'), else from a report
    title at the top of the text ('OCHA Flash Update No. 5')."""
    issuer = _issued_by_title(article.text, lexicon, countries)
    if issuer is not None:
        return _of_the_header_state(issuer, article.text, lexicon), "claimant:publisher(issued-by)"
    if article.outlet:
        # The outlet is the claimant itself ("UN OCHA"), or says it carries the claimant's
        # report ("blog copy of UN OCHA Flash Update No. 5"); not one relaying an agency.
        outlet = article.outlet
        main = re.sub(r"\s*\([^)]*\)\s*", " ", outlet).strip() or outlet
        main = _without_office(main)  # "SWAPO Department of Information (press release)": SWAPO's
        who = _document_issuer(main, lexicon, countries, article.text) \
            or _bracketed_document_issuer(outlet, main, lexicon, countries, article.text)
        if who is not None and a_whole_government(who):
            who = _bracketed_body(outlet, lexicon, countries) or who
        if who is not None:
            return _of_the_header_state(who, article.text, lexicon), "claimant:publisher(outlet)"
        matches = lexicon.find(main, countries)
        covered = sum(m.end - m.start for m in matches)
        if covered >= OUTLET_COVERAGE * len(main):
            who = _primary_publisher(matches)
            if who is not None and a_whole_government(who):
                who = _bracketed_body(outlet, lexicon, countries) or who
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
    # the first three lines with words: ingest sets a header's short lines apart with blank ones
    lines = [line for line in head.split("\n") if line.strip()][:3]
    # "(Adds Eritrean statement in paragraph 4, UNHCR refugee figures ...)": a wire's update
    # note names what was added, not who publishes (set AC's Eritrea wire)
    titled = [line for line in lines if load_attribution_terms().report_titles.search(line)
              and not _UPDATE_NOTE.match(line)]
    for line in titled:
        who = _primary_publisher(lexicon.find(line, countries))
        if who is not None:
            return who, "claimant:publisher(report-title)"
    if titled:
        # "Final Report of the Truth and Reconciliation Commission", or a "Press Statement"
        # under the outlet's own name (an armed group, a commission): the body states its own
        # figures, whatever kind of body it is, when it is no news outlet.
        named = _TITLE_BODY.search(_title_head(titled[0])) or _body_then_title(titled[0])
        by_title = _statement_body(named.group("body"), lexicon, countries) if named else None
        by_outlet = _statement_body(article.outlet or "", lexicon, countries) or _letterhead(lines, titled[0], lexicon, countries)
        # "Statement of the Political Wing" under the LTTE's name: a part of the outlet's body
        if by_title is not None and by_outlet is not None and not by_title.known and len(by_title.name.split()) <= 2:
            by_title = None
        if by_title is not None and by_outlet is not None and not by_title.known \
                and by_title.name.lower() in by_outlet.name.lower():
            by_title = None  # "REPORT OF THE COMMISSION OF INQUIRY ON ...": the outlet names it whole
        who = by_title or by_outlet
        if who is not None:
            return who, "claimant:publisher(report-title)"
    return None, ""


# "COMMUNIQUE ISSUED BY COMBINED OPERATIONS HEADQUARTERS", "Statement issued by the Ministry of
# Defence": a title that says who issued the document.
_ISSUED_BY = re.compile(rf"\b{alternation(load_attribution_terms().issued_documents)}\s+issued\s+by\s+(?:the\s+)?"
                        r"(?P<body>(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?:of|and|for)\b|(?-i:[A-Z])[\w'’.-]*))+)", re.IGNORECASE)


def _issued_by_title(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body a title at the top of the text says issued the document ("Communique issued by
    Combined Operations Headquarters"): it states the figures, whatever office the outlet is
    that relays it (a ministry of information, a press office; set BR's Rhodesian communique)."""
    lines = [line for line in text[:HEADER_CHARS].split("\n") if line.strip()][:3]
    for line in lines:
        m = _ISSUED_BY.search(_title_head(line))
        if m is None:
            continue
        name = m.group("body").strip(" .,")
        if name.isupper():
            name = " ".join(w.lower() if w.lower() in ("of", "for", "and", "the") else _usual_case(w)
                            for w in name.split())
        return _statement_body(name, lexicon, countries)
    return None


# "STATEMENT OF THE PROSECUTOR-GENERAL'S OFFICE ON THE TERRORIST ACTS OF 28 MARCH": in a title
# set in capitals, whose joiners are capitals too, the body ends where what it is about begins.
_CAPITALS_TOPIC = re.compile(r"\s+(?:ON|ABOUT|REGARDING|CONCERNING|INTO)\s+.*$")


def _title_head(line: str) -> str:
    """A title line without its topic when set in capitals (set AT's Uzbek agency release)."""
    return _CAPITALS_TOPIC.sub("", line) if line.isupper() else line


# A wire's note under an "UPDATE n" headline on what this version adds or changes.
_UPDATE_NOTE = re.compile(rf"^\s*\(\s*{in_order('update_note_verbs')}\b", re.IGNORECASE)


def _letterhead(lines: list[str], title: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """'KACHIN INDEPENDENCE ORGANISATION / Information Department / PRESS RELEASE': the body
    whose name heads the lines above a statement's title (set T's Namibia release)."""
    above = lines[:lines.index(title)] if title in lines else []
    if not above:
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", above[0]).strip()  # "... ORGANISATION (SWAPO)"
    if name.split()[-1].lower() not in load_attribution_terms().neuter_heads or len(name.split()) > 8:
        return None  # a headline above a communique's title, no body's name
    if name.isupper():
        name = " ".join(w.lower() if w.lower() in ("of", "for", "and", "the") else _usual_case(w) for w in name.split())
    return _statement_body(name, lexicon, countries) if not re.search(r"\d", name) else None


def _usual_case(word: str) -> str:
    """'ADMINISTRATION' -> 'Administration'; a short part of a hyphenated word stays an acronym
    ('SSC-KHATUMO' -> 'SSC-Khatumo', set Y's Las Anod release)."""
    parts = word.split("-")
    if len(parts) == 1:
        return word[0] + word[1:].lower()
    return "-".join(p if len(p) <= 3 else p[0] + p[1:].lower() for p in parts)


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


def _without_document(name: str) -> str:
    """A body's name without the document word that closes it ("... situation report",
    "... press statement"; set M's Guatemala report)."""
    terms = load_attribution_terms()
    for rx in (terms.report_titles, terms.outlet_documents):
        last = [m for m in rx.finditer(name) if not name[m.end():].strip()]
        body = name[:last[0].start()].strip(" ,-\u2013\u2014:") if last else ""
        if body and not re.match(r"(?i)the\s+\S+$", body):  # "The Relief Bulletin" is a periodical's name
            return body
    return name


def _statement_body(name: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body a statement or report is issued under, when it is no news outlet."""
    from ...ingest.outlets import outlet_index

    main = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    main = _without_document(main)  # "Committee for Justice and Peace situation report": the committee
    if sum(w[:1].isupper() for w in main.split()) < 2 or load_attribution_terms().media_words.search(main) \
            or main in outlet_index().by_alias or main.casefold() in outlet_index().by_folded:
        return None
    who = lexicon.resolve(name, countries)
    if who is not None and who.known:
        return who
    return Claimant(name=main, kind=who.kind if who is not None else "unknown", as_written=name, known=False)


def issuers_own(text: str, cand: Candidate) -> bool:
    """'over 30 of our men', 'our 12 fighters' outside a quotation: in a body's own
    statement, "our" is the issuer's, whoever the clause reports (set R's Niger Delta
    statement relaying the army's boast)."""
    if any(q in text for q in '"“”'):
        return False
    return bool(_OF_OUR.match(text, cand.figure.end) or _OUR_BEFORE.search(text, 0, cand.figure.start))


_OF_OUR = re.compile(r"\s+of\s+our\b", re.IGNORECASE)
_OUR_BEFORE = re.compile(r"\bour\s+$", re.IGNORECASE)


# A sentence of a statement opening in the first person plural, outside a quotation.
_WE_OPENING = re.compile(r"^[\s\-–—•*]*(?:We|Our)\s")


def speaks_as_issuer(text: str) -> bool:
    """'We lost two gallant fighters': a sentence of a body's own statement in which the
    issuer speaks for itself."""
    return bool(_WE_OPENING.match(text))
